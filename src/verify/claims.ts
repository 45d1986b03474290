// What a sentence of a speech states: the names it mentions (indicators, projects) and the claims
// it makes (增长3.2%, 低于预期5.2个百分点, 居全市倒数第一, 3项指标 …), each with its place in the
// text. Names are found first, so digits inside a project's name are never read as figures.

export type ClaimKind =
  | 'growth' | 'target' | 'forecast' | 'change' | 'gap' | 'horizonGap' | 'direction' | 'allBelow'
  | 'rank' | 'rankMove' | 'completion' | 'schedule' | 'share' | 'recovery' | 'days'
  | 'investment' | 'amountTarget' | 'amount' | 'count' | 'timeProgress' | 'rankedUnits' | 'increase';

export interface Claim {
  readonly kind: ClaimKind;
  readonly text: string;
  readonly at: number;
  readonly end: number;
  readonly groups: readonly (string | undefined)[];
}

export interface Subject {
  readonly type: 'indicator' | 'project';
  readonly id: string;
  readonly name: string;
}

export interface NameToken {
  readonly subject: Subject;
  readonly at: number;
  readonly end: number;
}

const NUM = String.raw`\d+(?:\.\d+)?`;
const UNITS = '亿元|万元|元|万吨|吨|万人次|人次|万平方米|平方米|万亩|亩|万户|户|家|个|项|辆|头|万千瓦时|千瓦时|人';

/** Patterns in priority order: at one position the first listed wins. */
const PATTERNS: ReadonlyArray<readonly [ClaimKind, RegExp]> = [
  ['investment', new RegExp(`总投资(${NUM})(亿元|万元)的`, 'g')],
  ['allBelow', /主要指标全部(低于|高于)预期/g],
  ['completion', new RegExp(`完成全年目标的(${NUM})%`, 'g')],
  ['timeProgress', new RegExp(`时序进度为(${NUM})%`, 'g')],
  ['rankedUnits', /共(\d+)个地区参与排名/g],
  ['schedule', new RegExp(`(超|落后)时序进度(${NUM})个百分点|与时序进度持平`, 'g')],
  ['forecast', new RegExp(`预计(增长|下降)(${NUM})(%|倍)|预计与上年同期持平`, 'g')],
  ['target', new RegExp(`(增长|下降|减少)(${NUM})%(以上|左右)|降幅控制在(${NUM})%(以内|左右)|与上年持平`, 'g')],
  ['growth', new RegExp(`(增长|下降)(${NUM})(%|倍)|与上年同期持平|扭亏为盈|为新增|同比减亏|同比增亏`, 'g')],
  ['gap', new RegExp(`(低于|高于)预期(${NUM})个百分点|与预期持平`, 'g')],
  ['horizonGap', new RegExp(`(低于|高于)(一季度|上半年|前三季度|全年)预期(${NUM})个百分点`, 'g')],
  ['direction', /(低于|高于)预期(?![\d一二上前全])/g],
  ['change', new RegExp(`(降幅)?比([^，；。、]{1,8}?)(提高|回落|收窄|扩大)(${NUM})个百分点|比([^，；。、]{1,8}?)(由负转正|由正转负)|与([^，；。、]{1,8}?)持平`, 'g')],
  ['rankMove', /比上月(前移|后移)(\d+)位|比上月位次不变/g],
  ['rank', /(并列)?居(?:全[市州盟]|全地区)?(?:倒数第([一二三四五六七八九十]+)|第(\d+)位|第(一))/g],
  ['share', new RegExp(`负增长企业面(${NUM})%`, 'g')],
  ['increase', new RegExp(`比上年同期(?:(增加|减少)(\\d+)(${UNITS})|持平)`, 'g')],
  ['recovery', new RegExp(`恢复到2019年同期的(${NUM})%`, 'g')],
  ['days', /滞后(\d+)天/g],
  ['count', /(\d+)(项指标|个项目)/g],
  ['amountTarget', new RegExp(`目标为(${NUM})(${UNITS})`, 'g')],
  ['amount', new RegExp(`(${NUM})(${UNITS})(?![\\d%])`, 'g')],
];

/** Words that make the rest of a sentence speak of goals (增长2% is then a target, not a result). */
export const GOAL_WORDS = /要确保|确保|力争|目标是/;
/** The word that makes the rest of a clause chain a forecast. */
export const FORECAST_WORD = /预计|初步测算/;

/**
 * Digits that are not figures: dates and periods (2023年, 4月, 1—3月, 15日), names in quotes
 * (“双十一”), list numbers (1. …), and the 100 of a formula (× 100%).
 */
export const NOT_FIGURES = /\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|1[—–-]\d{1,2}月|\d{1,2}月(?:\d{1,2}日|底)?|\d{1,2}日|“[^”]*”|(?<=^|[：:\s])\d{1,2}\.(?=\s)|×\s*100%/g;

export function findNames(text: string, matcher: NameMatcher): NameToken[] {
  const found: NameToken[] = [];
  if (!matcher.pattern) return found;
  for (const match of text.matchAll(matcher.pattern)) {
    const subject = matcher.byName.get(match[0]);
    if (subject) found.push({ subject, at: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** Claims in the text, with the names' characters masked so nothing inside a name is a claim. */
export function findClaims(text: string, names: readonly NameToken[]): Claim[] {
  let masked = text;
  for (const name of names) masked = masked.slice(0, name.at) + '□'.repeat(name.end - name.at) + masked.slice(name.end);
  const all: (Claim & { priority: number })[] = [];
  PATTERNS.forEach(([kind, pattern], priority) => {
    for (const m of masked.matchAll(pattern)) all.push({ kind, text: m[0], at: m.index, end: m.index + m[0].length, groups: m.slice(1), priority });
  });
  all.sort((a, b) => a.at - b.at || a.priority - b.priority);
  const kept: Claim[] = [];
  for (const claim of all) {
    if (kept.some((k) => claim.at < k.end && k.at < claim.end)) continue;
    const { priority: _priority, ...rest } = claim;
    kept.push(rest);
  }
  return kept.sort((a, b) => a.at - b.at);
}

export interface NameMatcher {
  readonly pattern: RegExp | undefined;
  readonly byName: ReadonlyMap<string, Subject>;
}

/** Every indicator name and alias and every project name, longest first. */
export function nameMatcher(subjects: readonly (Subject & { readonly aliases?: readonly string[] })[]): NameMatcher {
  const byName = new Map<string, Subject>();
  for (const subject of subjects) {
    for (const name of [subject.name, ...(subject.aliases ?? [])]) if (name !== '' && !byName.has(name)) byName.set(name, { type: subject.type, id: subject.id, name: subject.name });
  }
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { pattern: names.length ? new RegExp(names.join('|'), 'g') : undefined, byName };
}
