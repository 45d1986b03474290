// 修订: numbers already published in the last build (its figures.json) that the returns now give
// differently, each listed with old → new and both cells.
import { readFileSync } from 'node:fs';
import type { Config } from '../config/config.js';
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

/** Published figures of a previous build, or none when there is no readable figures.json. */
export function readPublished(path: string): PublishedFigure[] {
  try {
    const json = JSON.parse(readFileSync(path, 'utf8')) as { figures?: unknown };
    return Array.isArray(json.figures) ? (json.figures as PublishedFigure[]).filter(isReported) : [];
  } catch {
    return [];
  }
}

function isReported(f: PublishedFigure): boolean {
  return typeof f === 'object' && f !== null && f.formula === 'reported' && typeof f.id === 'string' && MEASURES.has(measureOf(f)) && typeof f.value === 'number' && typeof f.period?.month === 'number';
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
  for (const figure of published) {
    const now = current.get(keyOf(figure.indicator, measureOf(figure), figure.period));
    if (!now || sameNumber(now.value!, figure.value!)) continue;
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
