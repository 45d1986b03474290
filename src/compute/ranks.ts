// 位次 among the city's districts: read from the city table (recomputed from growth only when the
// table gives none, and then flagged), N ranked units, 倒数第k, ties, and movement since last month
// and since the previous quarter's end.
import type { IndicatorConfig } from '../config/config.js';
import type { Figure, Observation, Period, YearMonth } from '../types.js';
import { figureId } from './figureBook.js';
import type { IndicatorContext } from './indicators.js';

const RECOMPUTED = '比较表未列位次：按各区增速重新排出（增速相同者并列），请与市统计局核对';

export function rankFigures(ctx: IndicatorContext, indicator: IndicatorConfig): void {
  if (!indicator.ranked) return;
  const now = rankAt(ctx, indicator, ctx.cutOff);
  if (!now) return;
  for (const [suffix, when] of [['Month', previousMonth(ctx.cutOff)], ['Quarter', previousQuarterEnd(ctx.cutOff)]] as const) {
    const before = when && rankAt(ctx, indicator, when);
    if (!before?.value || !now.value) continue;
    ctx.book.derived({
      id: `${indicator.id}.rankMove${suffix}`, indicator: indicator.id, kind: 'rankMove', period: now.period, unit: '位',
      value: before.value - now.value, formula: '原位次 − 现位次（正数为前移）', inputs: [before, now],
    });
  }
}

/** The district's rank at a month with, at the cut-off, N, 倒数第k and ties. */
function rankAt(ctx: IndicatorContext, indicator: IndicatorConfig, when: YearMonth): Figure | undefined {
  const id = figureId(indicator.id, 'rank', { ...when, span: 'ytd' }, ctx.cutOff);
  const existing = ctx.book.get(id);
  if (existing) return existing;
  const table = tableOf(ctx, indicator, when);
  if (table.length === 0) return undefined;
  const district = table.find((row) => row.area === ctx.config.district.name);
  if (!district) return undefined;
  const isCutOff = when.year === ctx.cutOff.year && when.month === ctx.cutOff.month;
  const rank = district.rank
    ? ctx.book.observed(id, 'rank', district.rank)
    : recomputedRank(ctx, indicator, id, table, district);
  if (rank && isCutOff) positionFigures(ctx, indicator, rank, table);
  return rank;
}

interface TableRow {
  readonly area: string;
  /** The area has a row in the table (its cells may still show "—"). */
  readonly present: boolean;
  readonly rank: Observation | undefined;
  readonly growth: Observation | undefined;
}

/** Every ranked area's row of the city tables for a month (empty when none has a number). */
function tableOf(ctx: IndicatorContext, indicator: IndicatorConfig, when: YearMonth): TableRow[] {
  const areas = [ctx.config.district.name, ...ctx.config.peers.filter((p) => p.ranked).map((p) => p.name)];
  const query = { indicator: indicator.id, at: when, span: 'ytd' as const };
  const ranks = ctx.index.inCityTable({ ...query, measure: 'rank' }, areas);
  const growths = ctx.index.inCityTable({ ...query, measure: 'growth' }, areas);
  const rows = areas.map((area) => ({
    area,
    present: [...ranks, ...growths].some((o) => o.area === area),
    rank: ranks.find((o) => o.area === area && o.value !== null),
    growth: growths.find((o) => o.area === area && o.value !== null),
  }));
  return rows.some((row) => row.rank || row.growth) ? rows : [];
}

function recomputedRank(ctx: IndicatorContext, indicator: IndicatorConfig, id: string, table: readonly TableRow[], district: TableRow): Figure | undefined {
  // Every ranked area needs a growth, or the recomputed rank would be a guess.
  const rows = table.filter((row) => row.growth);
  if (!district.growth || rows.length !== table.length) return undefined;
  const better = (o: Observation) => (indicator.lowerIsBetter ? o.value! < district.growth!.value! : o.value! > district.growth!.value!);
  const value = 1 + rows.filter((row) => better(row.growth!)).length;
  return ctx.book.derived({
    id, indicator: indicator.id, kind: 'rank', period: { ...district.growth.period }, unit: '', value,
    formula: RECOMPUTED, note: RECOMPUTED, inputs: rows.map((row) => row.growth!.source),
  });
}

/** N (units with a rank), 倒数第k = N − 位次 + 1, and how many share the rank (并列). */
function positionFigures(ctx: IndicatorContext, indicator: IndicatorConfig, rank: Figure, table: readonly TableRow[]): void {
  // A configured district with no row at all leaves N unknown: 倒数第k would be a guess.
  if (table.some((row) => !row.present)) return;
  const ranked = table.filter((row) => (rank.formula === 'reported' ? row.rank : row.growth));
  const rankOf = (row: TableRow) => row.rank?.value ?? null;
  const sources = ranked.map((row) => (row.rank ?? row.growth)!.source);
  const common = { indicator: indicator.id, period: rank.period as Period, unit: '' };
  const count = ctx.book.derived({ ...common, id: `${indicator.id}.rankedUnits`, kind: 'rankedUnits', value: ranked.length, formula: '全市比较表中参与排名的区县数', inputs: sources });
  ctx.book.derived({ ...common, id: `${indicator.id}.rankFromBottom`, kind: 'rankFromBottom', value: ranked.length - rank.value! + 1, formula: '参与排名区县数 − 位次 + 1', inputs: [count, rank] });
  const sharing = rank.formula === 'reported' ? ranked.filter((row) => rankOf(row) === rank.value) : [];
  ctx.book.derived({
    ...common, id: `${indicator.id}.rankShared`, kind: 'rankedUnits', value: Math.max(1, sharing.length),
    formula: '位次相同的区县数（大于1即并列）', inputs: sharing.map((row) => row.rank!.source),
  });
}

function previousMonth(cutOff: YearMonth): YearMonth | undefined {
  return cutOff.month > 1 ? { year: cutOff.year, month: cutOff.month - 1 } : undefined;
}

function previousQuarterEnd(cutOff: YearMonth): YearMonth | undefined {
  const month = Math.floor((cutOff.month - 1) / 3) * 3;
  return month > 0 ? { year: cutOff.year, month } : undefined;
}
