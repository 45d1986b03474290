// Each bound claim against the figures: the draft's words are compared with what the speech's own
// phrasing gives for the data (growthPhrase, gapPhrase, rankPhrase …), so rounding, direction words
// and 倒数 follow the same rules as when the speech was written.
import type { IndicatorFigures } from '../compute/indicator.js';
import { bottomPlace } from '../compute/rules/rank.js';
import { formatFixed, roundHalfUp } from '../compute/round.js';
import { sinceOf } from '../narrate/helpers.js';
import {
  changePhrase, chineseNumber, gapPhrase, growthPhrase, increasePhrase, moneyPhrase, notComparablePhrase, rankMovePhrase, targetPhrase,
} from '../narrate/phrases.js';
import type { Figure } from '../types.js';
import type { BoundClaim } from './bind.js';
import type { Claim, Subject } from './claims.js';

export interface Facts {
  readonly records: ReadonlyMap<string, IndicatorFigures>;
  readonly figures: ReadonlyMap<string, Figure>;
}

/** What the data says where the draft says otherwise, with the figure behind it. */
export interface Mismatch {
  readonly says: string;
  readonly data: string;
  readonly figure?: Figure;
}

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly mismatch: Mismatch } | { readonly unchecked: string };

const OK: Verdict = { ok: true };

/** One claim about one subject. */
export function checkClaim(bound: BoundClaim, subject: Subject, facts: Facts): Verdict {
  if (subject.type === 'project') return checkProject(bound.claim, subject, facts);
  const f = facts.records.get(subject.id);
  if (!f) return { unchecked: `“${subject.name}”没有数据` };
  const say: Say = (text, figure, expected) =>
    expected === undefined ? missing(subject, text) : same(text, expected) ? OK : { ok: false, mismatch: { says: `${subject.name}${text}`, data: `${subject.name}${expected}`, figure } };
  return rateClaim(bound, subject, f, facts, say) ?? levelClaim(bound.claim, subject, f, say);
}

type Say = (text: string, figure: Figure | undefined, expected: string | undefined) => Verdict;

/** Rates and their comparisons: 增长, 目标, 预计, 比上期, 与预期差. */
function rateClaim(bound: BoundClaim, subject: Subject, f: IndicatorFigures, facts: Facts, say: Say): Verdict | undefined {
  const { claim } = bound;
  switch (claim.kind) {
    case 'growth':
      if (bound.goal) return checkTarget(claim.text, subject, f);
      return say(claim.text, f.growth, f.growth && (f.growth.value === null ? notComparablePhrase(f.growth.comparison) : growthPhrase(f.growth.value)));
    case 'target':
      return checkTarget(claim.text, subject, f);
    case 'forecast':
      return say(claim.text, f.forecast?.rate, f.forecast && `预计${growthPhrase(f.forecast.rate.value!)}`);
    case 'change': {
      const change = bound.forecast ? f.forecast?.change : f.change;
      return say(claim.text, change, change && change.value !== null ? changePhrase(change.comparison!, change.value, sinceOf(change, (id) => facts.figures.get(id))) : undefined);
    }
    case 'gap':
      return say(claim.text, f.gap, f.gap && gapPhrase(f.gap.value!));
    case 'horizonGap':
      return checkHorizonGap(bound, subject, f, claim.groups);
    case 'direction':
      return f.gap ? say(claim.text, f.gap, `${f.gap.value! > 0 ? '低于' : f.gap.value! < 0 ? '高于' : '持平于'}预期`) : missing(subject, claim.text);
    default:
      return undefined;
  }
}

/** Places and levels: 位次, 完成率, 负增长企业面, 恢复率, amounts. */
function levelClaim(claim: Claim, subject: Subject, f: IndicatorFigures, say: Say): Verdict {
  switch (claim.kind) {
    case 'rank':
      return checkRank(claim, subject, f);
    case 'rankMove':
      return say(claim.text, f.rank?.moveMonth, f.rank?.moveMonth && `比上月${rankMovePhrase(f.rank.moveMonth.value!)}`);
    case 'completion':
      return say(claim.text, f.completion?.rate, f.completion && `完成全年目标的${formatFixed(f.completion.rate.value!, 1)}%`);
    case 'schedule':
      return say(claim.text, f.completion?.ahead, f.completion && schedulePhrase(f.completion.ahead.value!));
    case 'share':
      return say(claim.text, f.share, f.share && `负增长企业面${formatFixed(f.share.value!, 1)}%`);
    case 'increase':
      return say(claim.text, f.increase, f.increase && `比上年同期${increasePhrase(f.increase.value!, f.increase.unit)}`);
    case 'recovery':
      return say(claim.text, f.recovery, f.recovery && `恢复到2019年同期的${formatFixed(f.recovery.value!, 1)}%`);
    case 'amountTarget':
      return checkAmount(claim, subject, f.target, '目标为');
    case 'amount':
      return checkAmount(claim, subject, f.value, '');
    default:
      return { unchecked: '无法判断这句话说的是哪个数字' };
  }
}

function same(a: string, b: string): boolean {
  return a.replace(/\s/g, '') === b.replace(/\s/g, '');
}

function missing(subject: Subject, text: string): Verdict {
  return { ok: false, mismatch: { says: `${subject.name}${text}`, data: `数据中没有${subject.name}的这一数字` } };
}

function schedulePhrase(ahead: number): string {
  const d = roundHalfUp(ahead, 1);
  return d === 0 ? '与时序进度持平' : d > 0 ? `超时序进度${formatFixed(d, 1)}个百分点` : `落后时序进度${formatFixed(-d, 1)}个百分点`;
}

/** A growth goal: any of the indicator's goals (the deployed horizon's, the year's) may be meant. */
function checkTarget(text: string, subject: Subject, f: IndicatorFigures): Verdict {
  const goals = [f.goal, f.yearGoal, f.yearTarget, f.expected].filter((g): g is Figure => g?.value != null);
  if (goals.length === 0) return missing(subject, text);
  if (goals.some((g) => same(text, targetPhrase(g.value!, g.qualifier)))) return OK;
  const first = goals[0]!;
  return { ok: false, mismatch: { says: `${subject.name}${text}`, data: `${subject.name}${targetPhrase(first.value!, first.qualifier)}`, figure: first } };
}

/** 低于上半年预期x个百分点 after a 预计 (the forecast's gap), or 低于全年预期x个百分点 (双过半). */
function checkHorizonGap(bound: BoundClaim, subject: Subject, f: IndicatorFigures, g: readonly (string | undefined)[]): Verdict {
  const [direction, horizon, size] = g as [string, string, string];
  const figure = bound.forecast ? f.forecast?.gap : f.halfway;
  if (!figure || figure.value === null) return missing(subject, bound.claim.text);
  const below = bound.forecast ? figure.value > 0 : figure.value < 0;
  const expected = `${below ? '低于' : '高于'}${horizon}预期${formatFixed(Math.abs(figure.value), 1)}个百分点`;
  if (same(`${direction}${horizon}预期${size}个百分点`, expected)) return OK;
  return { ok: false, mismatch: { says: `${subject.name}${bound.claim.text}`, data: `${subject.name}${expected}`, figure } };
}

/** 居全市第3位 / 倒数第一 / 第一, and 并列 only where the table shows a tie. */
function checkRank(claim: Claim, subject: Subject, f: IndicatorFigures): Verdict {
  if (!f.rank) return missing(subject, claim.text);
  const [tied, bottomWord, place, first] = claim.groups;
  const actualBottom = bottomPlace(f.rank);
  const rank = f.rank.rank.value!;
  const shared = (f.rank.shared?.value ?? 1) > 1;
  const data = `${shared ? '并列' : ''}${actualBottom === undefined ? `第${rank}位` : `倒数第${chineseNumber(actualBottom)}`}`;
  const saysBottom = bottomWord === undefined ? undefined : chineseToNumber(bottomWord);
  const right = saysBottom !== undefined ? saysBottom === actualBottom || saysBottom === f.rank.fromBottom?.value : Number(place ?? (first ? 1 : NaN)) === rank;
  if (right && (!tied || shared)) return OK;
  return { ok: false, mismatch: { says: `${subject.name}${claim.text}`, data: `${subject.name}居${data}`, figure: f.rank.rank } };
}

function chineseToNumber(text: string): number {
  for (let n = 1; n < 100; n++) if (chineseNumber(n) === text) return n;
  return NaN;
}

/** An amount as stated (35.7亿元 for 35.67 is fine): the figure rounded to the stated decimals and unit. */
function checkAmount(claim: Claim, subject: Subject, figure: Figure | undefined, lead: string): Verdict {
  const [number, unit] = claim.groups as [string, string];
  if (!figure || figure.value === null) return missing(subject, claim.text);
  const converted = convert(figure.value, figure.unit, unit);
  if (converted === undefined) return { ok: false, mismatch: { says: `${subject.name}${claim.text}`, data: `${subject.name}${lead}${formatFixed(figure.value, figure.precision)}${figure.unit}`, figure } };
  const decimals = number.includes('.') ? number.split('.')[1]!.length : 0;
  if (formatFixed(converted, decimals) === number) return OK;
  return { ok: false, mismatch: { says: `${subject.name}${claim.text}`, data: `${subject.name}${lead}${formatFixed(converted, Math.max(decimals, figure.unit === unit ? figure.precision : decimals))}${unit}`, figure } };
}

const SCALE: Readonly<Record<string, number>> = { 元: 1, 万元: 1e4, 亿元: 1e8, 吨: 1, 万吨: 1e4, 人次: 1, 万人次: 1e4, 平方米: 1, 万平方米: 1e4, 亩: 1, 万亩: 1e4, 户: 1, 万户: 1e4, 千瓦时: 1, 万千瓦时: 1e4 };

function convert(value: number, from: string, to: string): number | undefined {
  if (from === to) return value;
  const a = SCALE[from];
  const b = SCALE[to];
  if (a === undefined || b === undefined || from.slice(-1) !== to.slice(-1)) return undefined;
  return (value * a) / b;
}

/** Projects: 总投资 (万元 in the ledger) and days late of the milestone the sentence names. */
function checkProject(claim: Claim, subject: Subject, facts: Facts): Verdict {
  const figure = (name: string) => facts.figures.get(`${subject.id}.${name}`);
  if (claim.kind === 'investment') {
    const investment = figure('totalInvestment');
    const [number, unit] = claim.groups as [string, string];
    if (investment?.value == null) return { ok: false, mismatch: { says: `${subject.name}${claim.text}`, data: `台账中没有${subject.name}的总投资` } };
    const expected = moneyPhrase(investment.value, '万元');
    if (same(`${number}${unit}`, expected) || formatFixed(convert(investment.value, '万元', unit) ?? NaN, number.split('.')[1]?.length ?? 0) === number) return OK;
    return { ok: false, mismatch: { says: `总投资${number}${unit}的${subject.name}`, data: `总投资${expected}`, figure: investment } };
  }
  if (claim.kind === 'days') {
    const days = [figure('start.daysLate'), figure('finish.daysLate')].filter((d): d is Figure => d?.value != null);
    if (days.some((d) => String(d.value) === claim.groups[0])) return OK;
    return { ok: false, mismatch: { says: `${subject.name}${claim.text}`, data: days.length ? `${subject.name}滞后${days.map((d) => d.value).join('天、')}天` : `${subject.name}没有滞后的节点`, figure: days[0] } };
  }
  return { unchecked: `“${claim.text}”不是项目的数字` };
}
