// 位次 among the city's districts: read from the city table (recomputed from growth only when the
// table gives none, and then flagged), N ranked units, 倒数第k, ties, and movement since last month
// and since the previous quarter's end.
import type { IndicatorConfig } from '../../config/config.js';
import type { Figure, Observation, YearMonth } from '../../types.js';
import { at, derived, figureId, observed } from '../figure.js';
import { type RuleContext, sameMonth } from './context.js';

export interface Rank {
  /** 位次 (1 = first). */
  readonly rank: Figure;
  /** 倒数第k: 1 + the ranked units strictly behind; absent when N is unknown. */
  readonly fromBottom?: Figure;
  /** N: the units the city ranks. */
  readonly units?: Figure;
  /** How many units share this rank (1 = no tie; more = 并列). */
  readonly shared?: Figure;
  /** 前移 (+) / 后移 (−) since last month and since the previous quarter's end. */
  readonly moveMonth?: Figure;
  readonly moveQuarter?: Figure;
  /** The ranks at the earlier months the moves compare with. */
  readonly before: readonly Figure[];
}

const RECOMPUTED = '比较表未列位次：按各区增速重新排出（增速相同者并列），请与市统计局核对';

export function rankFigures(ctx: RuleContext, indicator: IndicatorConfig): Rank | undefined {
  if (!indicator.ranked) return undefined;
  const table = tableOf(ctx, indicator, ctx.cutOff);
  const rank = rankIn(ctx, indicator, table, ctx.cutOff);
  if (!rank) return undefined;
  const before: Figure[] = [];
  const move = (when: YearMonth | undefined, suffix: string) => {
    const earlier = when && rankIn(ctx, indicator, tableOf(ctx, indicator, when), when);
    if (!earlier?.value || !rank.value) return undefined;
    before.push(earlier);
    return derived({ id: `${indicator.id}.rankMove${suffix}`, indicator: indicator.id, kind: 'rankMove', period: rank.period, unit: '位', value: earlier.value - rank.value, formula: '原位次 − 现位次（正数为前移）', inputs: [earlier, rank] });
  };
  const moveMonth = move(previousMonth(ctx.cutOff), 'Month');
  const moveQuarter = move(previousQuarterEnd(ctx.cutOff), 'Quarter');
  return { rank, ...positionFigures(indicator, rank, table), moveMonth, moveQuarter, before };
}

/**
 * The place counted from the bottom that a speech states (倒数第一/第二), or undefined. Among few
 * units the top two are never called 倒数 (with 3 units, 2nd is 第2位, not 倒数第二).
 */
export function bottomPlace(rank: Pick<Rank, 'rank' | 'fromBottom'> | undefined): number | undefined {
  const fromBottom = rank?.fromBottom?.value;
  const place = rank?.rank.value;
  return fromBottom != null && place != null && fromBottom <= 2 && place > 2 ? fromBottom : undefined;
}

/** 倒数第k = 1 + the number of ranked units strictly behind (competition ranks: 1, 2, 2, 4). */
export function placeFromBottom(ours: number, ranks: readonly number[]): number {
  return 1 + ranks.filter((r) => r > ours).length;
}

interface TableRow {
  readonly area: string;
  /** The area has a row in the table (its cells may still show "—"). */
  readonly present: boolean;
  readonly rank: Observation | undefined;
  readonly growth: Observation | undefined;
}

/** Every ranked area's row of the city tables for a month (empty when none has a number). */
function tableOf(ctx: RuleContext, indicator: IndicatorConfig, when: YearMonth): TableRow[] {
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

function rankIn(ctx: RuleContext, indicator: IndicatorConfig, table: readonly TableRow[], when: YearMonth): Figure | undefined {
  const district = table.find((row) => row.area === ctx.config.district.name);
  if (!district) return undefined;
  const id = figureId(indicator.id, 'rank', when, ctx.cutOff);
  if (district.rank) return observed(id, 'rank', district.rank);
  const ranks = recomputedRanks(indicator, table);
  const value = ranks?.get(district);
  if (value === undefined || !district.growth) return undefined;
  const inputs = table.map((row) => row.growth!.source);
  return derived({ id, indicator: indicator.id, kind: 'rank', period: at(when, 'ytd'), unit: '', value, formula: RECOMPUTED, note: RECOMPUTED, inputs });
}

/** Ranks by growth, ties shared; none unless every ranked area has a growth (else it is a guess). */
function recomputedRanks(indicator: IndicatorConfig, table: readonly TableRow[]): Map<TableRow, number> | undefined {
  if (table.some((row) => !row.growth)) return undefined;
  const better = (a: TableRow, b: TableRow) => (indicator.lowerIsBetter ? a.growth!.value! < b.growth!.value! : a.growth!.value! > b.growth!.value!);
  return new Map(table.map((row) => [row, 1 + table.filter((other) => better(other, row)).length]));
}

/** N, 倒数第k and 并列, over the units the table actually ranks. */
function positionFigures(indicator: IndicatorConfig, rank: Figure, table: readonly TableRow[]): Pick<Rank, 'fromBottom' | 'units' | 'shared'> {
  // A configured district with no row at all leaves N unknown: 倒数第k would be a guess.
  if (table.some((row) => !row.present)) return {};
  const reported = rank.formula === 'reported';
  const ranks = reported ? table.filter((row) => row.rank).map((row) => ({ row, value: row.rank!.value! })) : [...(recomputedRanks(indicator, table) ?? [])].map(([row, value]) => ({ row, value }));
  const sources = ranks.map(({ row }) => (reported ? row.rank! : row.growth!).source);
  const common = { indicator: indicator.id, period: rank.period, unit: '' };
  const units = derived({ ...common, id: `${indicator.id}.rankedUnits`, kind: 'rankedUnits', value: ranks.length, formula: '全市比较表中参与排名的区县数', inputs: sources });
  const values = ranks.map((r) => r.value);
  const fromBottom = derived({ ...common, id: `${indicator.id}.rankFromBottom`, kind: 'rankFromBottom', value: placeFromBottom(rank.value!, values), formula: '1 + 位次在本区之后的区县数（并列者不算在后）', inputs: [rank, ...sources] });
  const sharing = ranks.filter((r) => r.value === rank.value);
  const shared = derived({ ...common, id: `${indicator.id}.rankShared`, kind: 'rankedUnits', value: sharing.length, formula: '位次相同的区县数（大于1即并列）', inputs: sharing.map(({ row }) => (reported ? row.rank! : row.growth!).source) });
  return { fromBottom, units, shared };
}

function previousMonth(cutOff: YearMonth): YearMonth | undefined {
  return cutOff.month > 1 ? { year: cutOff.year, month: cutOff.month - 1 } : undefined;
}

function previousQuarterEnd(cutOff: YearMonth): YearMonth | undefined {
  const month = Math.floor((cutOff.month - 1) / 3) * 3;
  return month > 0 && !sameMonth({ year: cutOff.year, month }, cutOff) ? { year: cutOff.year, month } : undefined;
}
