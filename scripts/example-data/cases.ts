// What the golden cases under test/cases/ share (county.ts, noRank.ts): their returns, city tables
// and the checks that keep each case's story coherent before a file is written. A case's numbers
// are typed by hand; these checks make the generator refuse a story whose numbers disagree.
import { parseConfig } from '../../src/config/config.js';
import type { BureauLayout, CityRow, Figures, OutputFile } from './layouts.js';
import { growthOf, roundHalfUp, utcDate } from './xlsx.js';

/** One bureau's return of a case. `figs` are keyed by the layout's rows (see layouts.ts). */
export interface CaseReturn {
  readonly layout: BureauLayout;
  readonly month: number;
  readonly reportDay: readonly [number, number];
  readonly figs: Figures;
}

/** A city table column: the header the city prints, and the return row it must agree with. */
export interface CityColumn {
  readonly header: string;
  readonly fig: string;
}

export interface CaseCityTable {
  readonly month: number;
  readonly columns: readonly CityColumn[];
  /** 全市 first, then the units in the city's order. */
  readonly rows: readonly CityRow[];
}

/** Rows whose figures are stocks (期末): never summed, 本月 not a difference. */
const STOCKS: ReadonlySet<string> = new Set(['industry_firms', 'negative_firms']);

/**
 * 同比 must be what 本期 and 上年同期 give, to the published decimal, wherever a return shows all
 * three (so the data check's 增速不符 never fires and the golden speech states consistent numbers).
 */
export function checkGrowths(world: string, returns: readonly CaseReturn[]): void {
  for (const r of returns) {
    for (const [key, f] of Object.entries(r.figs)) {
      if (f?.growth == null || f.value == null || f.prev == null) continue;
      const computed = growthOf(f.value, f.prev);
      if (computed !== f.growth) throw new Error(`${world} ${key} 2023-${r.month}: growth ${f.growth} ≠ ${computed} from ${f.value} / ${f.prev}`);
    }
  }
}

/** Cumulative values grow month by month, and a 本月 value is this month's total less last month's. */
export function checkCumulative(world: string, returns: readonly CaseReturn[]): void {
  for (const r of returns) {
    const before = returns.find((o) => o.layout === r.layout && o.month === r.month - 1);
    for (const [key, f] of Object.entries(r.figs)) {
      if (STOCKS.has(key) || f?.value == null) continue;
      const earlier = before?.figs[key]?.value;
      if (earlier != null && earlier > f.value) throw new Error(`${world} ${key} 2023-${r.month}: cumulative ${f.value} < ${earlier}`);
      const expected = r.month === 1 ? f.value : earlier == null ? null : roundHalfUp(f.value - earlier, 2);
      if (f.month != null && expected !== null && Math.abs(f.month - expected) > 1e-9) {
        throw new Error(`${world} ${key} 2023-${r.month}: 本月 ${f.month} ≠ ${expected}`);
      }
    }
  }
}

/** Competition ranks (1, 2, 2, 4) by growth among `ranked` rows; undefined when one lacks a growth. */
export function ranksByGrowth(table: CaseCityTable, column: number, ranked: (label: string) => boolean): Map<string, number> | undefined {
  const rows = table.rows.slice(1).filter((row) => ranked(row.label));
  if (rows.some((row) => row.cells[column]!.growth === null)) return undefined;
  const growth = (row: CityRow) => row.cells[column]!.growth!;
  return new Map(rows.map((row) => [row.label, 1 + rows.filter((other) => growth(other) > growth(row)).length]));
}

/** A table's 位次 cells follow its growths: ranked units by growth, ties shared, others "—". */
export function checkRanks(world: string, table: CaseCityTable, ranked: (label: string) => boolean): void {
  table.columns.forEach((column, i) => {
    const ranks = ranksByGrowth(table, i, ranked);
    for (const row of table.rows) {
      const expected = ranks?.get(row.label) ?? null;
      const rank = row.cells[i]!.rank;
      if (rank !== expected) throw new Error(`${world} city table 2023-${table.month} ${column.header} ${row.label}: 位次 ${rank} ≠ ${expected}`);
    }
  });
}

/** Our row of the city table repeats our returns' growths exactly (the data check compares them). */
export function checkOurRow(world: string, table: CaseCityTable, ours: string, returns: readonly CaseReturn[]): void {
  const row = table.rows.find((r) => r.label === ours);
  if (row === undefined) throw new Error(`${world} city table 2023-${table.month} has no row ${ours}`);
  table.columns.forEach((column, i) => {
    const r = returns.find((o) => o.month === table.month && o.figs[column.fig] !== undefined);
    const growth = r?.figs[column.fig]?.growth ?? null;
    if (row.cells[i]!.growth !== growth) {
      throw new Error(`${world} city table 2023-${table.month} ${column.header}: ${ours} ${row.cells[i]!.growth} ≠ return ${growth}`);
    }
  });
}

/** The case's returns as files under 2023/MM/, named by their layouts. */
export function returnFiles(district: string, returns: readonly CaseReturn[]): OutputFile[] {
  return returns.map((r) => {
    const ctx = { district, year: 2023, month: r.month, reportDate: utcDate(2023, r.reportDay[0], r.reportDay[1]) };
    return { path: `2023/${mm(r.month)}/${r.layout.fileName(ctx)}`, stamp: ctx.reportDate, build: () => r.layout.build(ctx, r.figs) };
  });
}

/** A layout with the file name a case's bureau uses. */
export function named(layout: BureauLayout, fileName: (month: number) => string): BureauLayout {
  return { fileName: ({ month }) => fileName(month), build: (ctx, figs) => layout.build(ctx, figs) };
}

/** The case's config text, refused here already when tongbao would refuse it. */
export function checkedConfig(text: string, file: string): string {
  parseConfig(text, file);
  return text;
}

export const mm = (m: number): string => String(m).padStart(2, '0');
