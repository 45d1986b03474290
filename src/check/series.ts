// Checks across months of one indicator: a 累计 that falls from one month to the next, and values
// far outside the series (a unit slip of 万元 for 亿元, a growth that jumps, an outlier by MAD).
// A unit slip is an error (a figure 1000× off would be read aloud) unless the config acknowledges
// its cell; the other anomalies are warnings.
import type { AcknowledgedCell, Config } from '../config/config.js';
import { yamlScalar } from '../text.js';
import type { CheckFinding, Observation } from '../types.js';

const UNIT_SLIP = 1000;
const GROWTH_JUMP = 50;
const MAD_LIMIT = 6;
const MAD_POINTS = 6;
const COUNT_UNITS = /^(个|家|户|项|人|辆|头)$/;

export function checkSeries(observations: readonly Observation[], config: Config): CheckFinding[] {
  const names = new Map(config.indicators.map((i) => [i.id, i.name]));
  // Growth of a handful of projects or firms swings by tens of points: not a sign of a wrong cell.
  const counts = new Set(config.indicators.filter((i) => COUNT_UNITS.test(i.unit)).map((i) => i.id));
  const findings: CheckFinding[] = [];
  for (const series of seriesOf(observations, config.district.name)) {
    const name = names.get(series[0]!.indicator) ?? series[0]!.indicator;
    const { measure, period } = series[0]!;
    if (measure === 'growth' && counts.has(series[0]!.indicator)) continue;
    if (measure === 'growth') findings.push(...growthJumps(series, name));
    // A forecast is a rate for a later period (上半年 in March, 前三季度 in June), never a 累计.
    else if (period.span === 'ytd' && measure !== 'forecast') findings.push(...cumulativeDrops(series, name));
    if (measure === 'value' || measure === 'prevYear') findings.push(...unitSlips(series, name));
    findings.push(...madOutliers(series, name));
  }
  return findings.filter((f) => !config.acknowledged.some((a) => acknowledges(a, f)));
}

function acknowledges(entry: AcknowledgedCell, finding: CheckFinding): boolean {
  const at = finding.source;
  return at?.file === entry.file.replace(/\\/g, '/') && at.sheet?.trim() === entry.sheet.trim() && at.cell === entry.cell.trim();
}

/** The district's series per indicator, measure and span, in month order, numbers only. */
function seriesOf(observations: readonly Observation[], district: string): Observation[][] {
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    if (o.area !== district || o.value === null || o.measure === 'rank' || o.measure === 'base2019') continue;
    const key = `${o.indicator}|${o.measure}|${o.period.span}|${o.period.year}`;
    const group = groups.get(key);
    if (group) {
      if (!group.some((g) => g.period.month === o.period.month)) group.push(o);
    } else groups.set(key, [o]);
  }
  return [...groups.values()].map((g) => g.sort((a, b) => a.period.month - b.period.month));
}

const label = (o: Observation) => `${o.period.month}月`;
const where = (o: Observation) => `${o.source.file} › ${o.source.sheet} › ${o.source.cell}`;

function pairs(series: readonly Observation[]): [Observation, Observation][] {
  return series.slice(1).map((o, i) => [series[i]!, o]);
}

function cumulativeDrops(series: readonly Observation[], name: string): CheckFinding[] {
  return pairs(series)
    .filter(([a, b]) => b.value! < a.value! - 1e-9 * Math.max(1, Math.abs(a.value!)))
    .map(([a, b]) => ({
      level: 'warning' as const,
      kind: 'cumulativeDecrease' as const,
      message: `${name}${b.measure === 'prevYear' ? '上年同期' : ''}累计值由${label(a)}的 ${a.value} 降到${label(b)}的 ${b.value}（上月见 ${where(a)}）：累计值一般不会减少，请核实是否填错或有退库、核减调整`,
      source: b.source,
    }));
}

/**
 * A value 1000× off the rest of its year: 90300 typed into an 亿元 row. With three points or more
 * the reference is the median, so the odd one out is named (not its neighbour); with two, the later.
 */
function unitSlips(series: readonly Observation[], name: string): CheckFinding[] {
  const positive = series.filter((o) => o.value! > 0);
  if (positive.length < 2) return [];
  const reference = positive.length >= 3 ? median(positive.map((o) => o.value!)) : positive[0]!.value!;
  const unit = positive[0]!.unit;
  const compared = positive.length >= 3 ? `本年各月的中位数 ${round(reference)}${unit}` : `${label(positive[0]!)}的 ${reference}${unit}（${where(positive[0]!)}）`;
  return (positive.length >= 3 ? positive : positive.slice(1))
    .filter((o) => Math.max(o.value! / reference, reference / o.value!) >= UNIT_SLIP)
    .map((o) => ({
      level: 'error' as const,
      kind: 'outlier' as const,
      message: `${name}${o.measure === 'prevYear' ? '上年同期' : ''}${label(o)}为 ${o.value}${o.unit}，与${compared}相差上千倍：多半是万元与亿元填混了，请核对单位后改正；如数字确实无误，请在 tongbao.config.yaml 的 acknowledged 中写明：- { file: ${yamlScalar(o.source.file)}, sheet: ${yamlScalar(o.source.sheet)}, cell: ${o.source.cell}, reason: 已与报送单位核实 }`,
      source: o.source,
    }));
}

function growthJumps(series: readonly Observation[], name: string): CheckFinding[] {
  return pairs(series)
    .filter(([a, b]) => b.period.span === 'ytd' && a.period.month >= 2 && Math.abs(b.value! - a.value!) > GROWTH_JUMP)
    .map(([a, b]) => ({
      level: 'warning' as const,
      kind: 'outlier' as const,
      message: `${name}累计增速由${label(a)}的 ${a.value}% 变为${label(b)}的 ${b.value}%，变动超过 ${GROWTH_JUMP} 个百分点：请核实`,
      source: b.source,
    }));
}

/**
 * The newest point against the earlier ones, when there are enough of them: further than six
 * robust deviations, and also further than a floor (10 个百分点 for rates, the median itself for
 * monthly increments), so that smooth series do not flag ordinary moves.
 */
function madOutliers(series: readonly Observation[], name: string): CheckFinding[] {
  if (series.length < MAD_POINTS + 1) return [];
  const last = series[series.length - 1]!;
  const cumulative = last.period.span === 'ytd' && last.measure !== 'growth';
  const history = steps(series.slice(0, -1), cumulative);
  const point = steps(series.slice(-2), cumulative).pop();
  const med = median(history);
  const mad = median(history.map((x) => Math.abs(x - med)));
  const floor = last.measure === 'growth' ? 10 : Math.abs(med);
  if (point === undefined || Math.abs(point - med) <= Math.max(MAD_LIMIT * mad * 1.4826, floor)) return [];
  const what = cumulative ? `${label(last)}单月增量 ${round(point)}（累计 ${last.value}）远离此前各月的单月增量` : `${label(last)}的 ${last.value} 远离本年此前各月的水平`;
  return [{ level: 'warning', kind: 'outlier', message: `${name}${last.measure === 'prevYear' ? '上年同期' : ''}${what}（中位数 ${round(med)}）：请核实`, source: last.source }];
}

/** A 累计 series is compared by its monthly increments; anything else by its values. */
function steps(series: readonly Observation[], cumulative: boolean): number[] {
  if (!cumulative) return series.map((o) => o.value!);
  return pairs(series).map(([a, b]) => (b.value! - a.value!) / (b.period.month - a.period.month));
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
