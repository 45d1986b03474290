// 核稿: every figure an edited draft states, checked against figures.json of its meeting. Claims
// bound to an indicator or project are compared with the data (problems); numbers that cannot be
// bound are listed apart (未能核对), never counted as errors.
import { type FiguresDocument, recordsOf } from '../compute/document.js';
import { appendixRow } from '../narrate/appendix.js';
import { formatFixed } from '../compute/round.js';
import type { Figure } from '../types.js';
import { type BoundClaim, type Sentence, sentencesOf } from './bind.js';
import { type Facts, type Mismatch, checkClaim } from './check.js';
import { NOT_FIGURES, type NameMatcher, nameMatcher } from './claims.js';
import type { Block } from './draft.js';

export interface Problem extends Mismatch {
  /** 第n段 (or the table's row) and the sentence it is in. */
  readonly block: number;
  readonly sentence: string;
}

export interface Unchecked {
  readonly block: number;
  readonly sentence: string;
  readonly text: string;
  readonly why: string;
}

export interface Verification {
  readonly problems: readonly Problem[];
  readonly unchecked: readonly Unchecked[];
  /** How many claims were checked and found right. */
  readonly confirmed: number;
}

export function verifyDraft(blocks: readonly Block[], document: FiguresDocument): Verification {
  const facts: Facts = { records: recordsOf(document), figures: new Map(document.figures.map((f) => [f.id, f])) };
  const matcher = nameMatcher([
    ...document.indicators.map((i) => ({ type: 'indicator' as const, id: i.id, name: i.name, aliases: i.aliases })),
    ...document.projects.map((p) => ({ type: 'project' as const, id: p.id, name: p.name })),
  ]);
  const result = { problems: [] as Problem[], unchecked: [] as Unchecked[], confirmed: 0 };
  for (const block of blocks) {
    if (block.kind === 'table') checkTable(block, document, facts, matcher, result);
    else for (const sentence of sentencesOf(block.text, matcher)) checkSentence(block.index, sentence, facts, result);
  }
  return result;
}

type Result = { problems: Problem[]; unchecked: Unchecked[]; confirmed: number };

function checkSentence(block: number, sentence: Sentence, facts: Facts, result: Result): void {
  const note = (text: string, why: string) => result.unchecked.push({ block, sentence: sentence.text, text, why });
  const consumed = new Set<BoundClaim>();
  sentence.claims.forEach((bound, i) => {
    if (consumed.has(bound)) return;
    const next = sentence.claims[i + 1];
    if (bound.claim.kind === 'count' && bound.subjects.length === 0 && next) consumed.add(next);
    const verdicts = groupVerdict(bound, next, facts) ?? bound.subjects.map((subject) => checkClaim(bound, subject, facts));
    // A direction word with nobody named (负数为低于预期) states no figure.
    if (verdicts.length === 0 && bound.claim.kind !== 'direction') note(bound.claim.text, '没有找到它说的是哪个指标或项目');
    for (const verdict of verdicts) {
      if ('unchecked' in verdict) note(bound.claim.text, verdict.unchecked);
      else if (verdict.ok) result.confirmed++;
      else result.problems.push({ block, sentence: sentence.text, ...verdict.mismatch });
    }
  });
  for (const digits of uncoveredNumbers(sentence)) note(digits, '没有找到它说的是哪个指标或项目');
}

/** Claims about a group: "3项指标" (counts the names listed, or the indicators below 预期), 主要指标全部低于预期. */
function groupVerdict(bound: BoundClaim, next: BoundClaim | undefined, facts: Facts): ReturnType<typeof checkClaim>[] | undefined {
  const { claim } = bound;
  const withGap = [...facts.records.values()].filter((r) => r.gap?.value != null);
  if (claim.kind === 'allBelow') {
    const below = claim.groups[0] === '低于';
    const all = withGap.every((r) => (below ? r.gap!.value! > 0 : r.gap!.value! < 0));
    return [all ? { ok: true } : { ok: false, mismatch: { says: claim.text, data: `有预期的${withGap.length}项指标中，${withGap.filter((r) => r.gap!.value! > 0).length}项低于预期` } }];
  }
  if (claim.kind === 'timeProgress') {
    const time = facts.figures.get('timeProgress');
    return [time && formatFixed(time.value!, 1) === claim.groups[0] ? { ok: true } : { ok: false, mismatch: { says: claim.text, data: time ? `时序进度为${formatFixed(time.value!, 1)}%` : '数据中没有时序进度', ...(time ? { figure: time } : {}) } }];
  }
  if (claim.kind === 'rankedUnits') {
    const units = [...new Set([...facts.records.values()].flatMap((r) => (r.rank?.units?.value != null ? [r.rank.units.value] : [])))];
    return [units.includes(Number(claim.groups[0])) ? { ok: true } : { ok: false, mismatch: { says: claim.text, data: units.length ? `共${units.join('、')}个地区参与排名` : '数据中没有位次' } }];
  }
  if (claim.kind !== 'count') return undefined;
  const stated = Number(claim.groups[0]);
  if (bound.subjects.length > 0) {
    return [stated === bound.subjects.length ? { ok: true } : { ok: false, mismatch: { says: claim.text, data: `列出的是${bound.subjects.length}${claim.groups[1]}（${bound.subjects.map((s) => s.name).join('、')}）` } }];
  }
  if (next?.claim.kind !== 'direction') return [{ unchecked: '不知道这是哪些指标的个数' }];
  const below = next.claim.groups[0] === '低于';
  const actual = withGap.filter((r) => (below ? r.gap!.value! > 0 : r.gap!.value! < 0)).length;
  return [stated === actual ? { ok: true } : { ok: false, mismatch: { says: `${claim.text}${next.claim.text}`, data: `${actual}项指标${below ? '低于' : '高于'}预期` } }];
}

/** Digits no name or claim covers, outside dates and periods. */
function uncoveredNumbers(sentence: Sentence): string[] {
  const covered = [...sentence.covered, ...[...sentence.text.matchAll(NOT_FIGURES)].map((m) => [m.index, m.index + m[0].length] as const)];
  const found: string[] = [];
  for (const m of sentence.text.matchAll(/\d+(?:\.\d+)?[^\d，；。、（）\s]{0,4}/g)) {
    if (!covered.some(([from, to]) => m.index >= from && m.index < to)) found.push(m[0]);
  }
  return found;
}

const COLUMNS: ReadonlyArray<readonly [RegExp, 'target' | 'value' | 'growth' | 'expected' | 'gap' | 'completion' | 'rank']> = [
  [/^完成全年目标/, 'completion'],
  [/全年目标$/, 'target'],
  [/完成$/, 'value'],
  [/^同比增长/, 'growth'],
  [/^预期增速/, 'expected'],
  [/^与预期差/, 'gap'],
  [/位次$/, 'rank'],
];

/** The appendix table: each cell against what the appendix builder prints for the same figures. */
function checkTable(block: Extract<Block, { kind: 'table' }>, document: FiguresDocument, facts: Facts, matcher: NameMatcher, result: Result): void {
  const [header, ...rows] = block.rows;
  if (!header) return;
  const nameColumn = header.findIndex((cell) => /指标名称|指标/.test(cell));
  const columns = header.map((cell) => COLUMNS.find(([pattern]) => pattern.test(cell.replace(/\s|\(.*\)|（.*）/g, '')))?.[1]);
  const months = { review: Number(document.cutOff.slice(5)), goal: Number(document.goal.slice(5)) };
  for (const row of rows) {
    const name = row[nameColumn] ?? '';
    const subject = matcher.byName.get(name);
    const f = subject?.type === 'indicator' ? facts.records.get(subject.id) : undefined;
    if (!subject || !f) {
      if (row.some((cell) => /\d/.test(cell))) result.unchecked.push({ block: block.index, sentence: row.join(' | '), text: name, why: '附表中这一行的指标不在指标目录中' });
      continue;
    }
    const expected = appendixRow({ id: subject.id, name, unit: '', lead: '', f }, 0, months);
    row.forEach((cell, i) => {
      const column = columns[i];
      if (!column) return;
      const want = expected[column];
      if (want.text === cell.trim()) result.confirmed++;
      else result.problems.push({ block: block.index, sentence: row.join(' | '), says: `${name} ${header[i]}：${cell}`, data: `${name} ${header[i]}：${want.text}`, ...figureOf(want.figure) });
    });
  }
}

function figureOf(figure: Figure | undefined): { figure?: Figure } {
  return figure ? { figure } : {};
}
