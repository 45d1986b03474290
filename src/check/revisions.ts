// 修订: numbers already published in the last build (its figures.json) that the returns now give
// differently, each listed with old → new and both cells.
import { readFileSync } from 'node:fs';
import type { Config } from '../config/config.js';
import { DataError } from '../errors.js';
import type { CheckFinding, Measure, Observation, Source } from '../types.js';

interface PublishedFigure {
  readonly id: string;
  readonly indicator: string;
  readonly kind: string;
  readonly period: { year: number; month: number; span: string };
  readonly value: number | null;
  readonly formula: string;
  readonly inputs: readonly { source?: Source }[];
}

const MEASURES: ReadonlySet<string> = new Set<Measure>(['value', 'prevYear', 'growth', 'rank', 'base2019']);
const MEASURE_NAMES: Readonly<Record<string, string>> = { value: '', prevYear: '上年同期', growth: '增速', rank: '位次', base2019: '2019年同期' };

/**
 * Published figures of a previous build: none when there is no figures.json yet. A file that is not
 * what tongbao wrote (not JSON, no list of figures, a reported figure without its period or inputs)
 * stops the check, naming the file: the revisions cannot be compared, and guessing is not allowed.
 */
export function readPublished(path: string): PublishedFigure[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const fix = '这个文件由 tongbao 生成、用来找出修订过的数字，不应手工修改：请删除它后重新生成（修订检查从下一次生成开始）';
  let json: { figures?: unknown };
  try {
    json = JSON.parse(text) as { figures?: unknown };
  } catch {
    throw new DataError(`上次生成的 figures.json 不是有效的 JSON：${fix}`, { file: path });
  }
  if (typeof json !== 'object' || json === null || !Array.isArray(json.figures)) throw new DataError(`上次生成的 figures.json 中没有数字列表（figures）：${fix}`, { file: path });
  json.figures.forEach((figure, index) => {
    const problem = malformed(figure);
    if (problem) throw new DataError(`上次生成的 figures.json 第${index + 1}项${problem}：${fix}`, { file: path });
  });
  return (json.figures as PublishedFigure[]).filter(isReported);
}

/** What is wrong with a figure read back, if anything; only reported figures are compared. */
function malformed(figure: unknown): string | undefined {
  if (typeof figure !== 'object' || figure === null) return '不是一个数字记录';
  const f = figure as Partial<Record<keyof PublishedFigure, unknown>>;
  if (typeof f.id !== 'string') return '缺少 id';
  if (f.formula !== 'reported') return undefined;
  if (f.value !== null && typeof f.value !== 'number') return `（${f.id}）的 value 不是数字`;
  const period = f.period as Partial<Record<'year' | 'month', unknown>> | null | undefined;
  if (typeof period !== 'object' || period === null || typeof period.year !== 'number' || typeof period.month !== 'number') return `（${f.id}）的 period 缺少年份或月份`;
  if (!Array.isArray(f.inputs) || f.inputs.some((input) => typeof input !== 'object' || input === null)) return `（${f.id}）的 inputs 不是来源列表`;
  return undefined;
}

function isReported(f: PublishedFigure): boolean {
  return f.formula === 'reported' && MEASURES.has(measureOf(f)) && typeof f.value === 'number';
}

/** The measure a figure states, from its id ("tourists.base2019@2023-02" → base2019), not its kind. */
function measureOf(f: PublishedFigure): string {
  return f.id.split('@')[0]!.split('.')[1] ?? '';
}

export function findRevisions(published: readonly PublishedFigure[], observations: readonly Observation[], config: Config): CheckFinding[] {
  const names = new Map(config.indicators.map((i) => [i.id, i.name]));
  const current = new Map<string, Observation>();
  for (const o of observations) {
    if (o.area !== config.district.name || o.value === null) continue;
    const key = keyOf(o.indicator, o.measure, o.period);
    if (!current.has(key)) current.set(key, o);
  }
  const findings: CheckFinding[] = [];
  const reported = new Set<string>();
  for (const figure of published) {
    const key = keyOf(figure.indicator, measureOf(figure), figure.period);
    const now = current.get(key);
    if (!now || sameNumber(now.value!, figure.value!) || reported.has(`${key}|${figure.value}`)) continue;
    reported.add(`${key}|${figure.value}`);
    const old = figure.inputs[0]?.source;
    const oldAt = old ? `${old.file} › ${old.sheet} › ${old.cell}` : '上次的 figures.json';
    findings.push({
      level: 'warning',
      kind: 'revision',
      message: `修订：${names.get(figure.indicator) ?? figure.indicator}${figure.period.year}年${figure.period.month}月${MEASURE_NAMES[measureOf(figure)]} 由 ${figure.value} 改为 ${now.value}（原 ${oldAt}，现 ${now.source.file} › ${now.source.sheet} › ${now.source.cell}）：已发布的数字有变化，请确认`,
      source: now.source,
    });
  }
  return findings;
}

function keyOf(indicator: string, measure: string, period: { year: number; month: number; span: string }): string {
  return `${indicator}|${measure}|${period.year}-${period.month}|${period.span}`;
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
