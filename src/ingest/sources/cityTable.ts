// The city statistics bureau's comparison tables: every area's growth, 位次 (and amount) per
// indicator. Two layouts, by sheet: the wide table (indicator names across the top header row,
// 增速 | 位次 under each) and the monthly card (月报卡: one indicator per sheet, named in its title
// row or by the sheet's name, columns 绝对额 | 增速 | 排名). Sheets without a 地区 column are other
// departments' tables; a sheet of another period is skipped with a warning, never read as this one.
import { type Config, type IndicatorConfig, displayName } from '../../config/config.js';
import { DataError, type Location } from '../../errors.js';
import { printable, quoted, yamlScalar } from '../../text.js';
import type { CheckFinding, Observation, Span, YearMonth } from '../../types.js';
import { catalogueOf } from '../catalogue.js';
import { type Table, locateTable } from '../table/locate.js';
import { type PeriodMismatch, describeMismatch, periodMismatch } from '../table/period.js';
import { convertUnit } from '../table/units.js';
import { readNumber } from '../table/values.js';
import { type Sheet, type Workbook, cellAt, cellText } from '../read/workbook.js';
import { cardColumns, cardIndicator } from './cityCard.js';
import { type UnknownArea, unknownAreasError } from './cityAreas.js';

const AREA_HEADER = /^(地区|区县|地区名称|单位|区域|县市区|县\(市、?区\)|县市区名称|区县名称)$/;

/** One column of a comparison sheet: whose indicator, which measure, in which unit. */
export interface CityColumn {
  readonly index: number;
  readonly indicator: IndicatorConfig;
  readonly measure: 'growth' | 'rank' | 'value';
  readonly span: Span;
  /** For amounts: the unit the column is written in (万元 …). */
  readonly unit?: string;
}

export interface CityTableReading {
  readonly observations: readonly Observation[];
  /** Stale sheets skipped, ranked indicators not found: warnings for check.md. */
  readonly findings: readonly CheckFinding[];
}

interface ComparisonSheet {
  readonly sheet: Sheet;
  readonly table: Table;
  readonly where: Location;
  /** Wide: the header names the indicators; card: the sheet's one indicator; none: not in the catalogue. */
  readonly layout: { kind: 'wide' } | { kind: 'card'; indicator: IndicatorConfig } | { kind: 'unknown'; title: string };
}

export function readCityTable(workbook: Workbook, config: Config, month: YearMonth): CityTableReading {
  const sheets = comparisonSheets(workbook, config);
  const observations: Observation[] = [];
  const findings: CheckFinding[] = [];
  const unknown: UnknownArea[] = [];
  const stale: (PeriodMismatch & { readonly sheet: string })[] = [];
  const staleIndicators = new Set<string>();
  for (const sheet of sheets) {
    if (sheet.layout.kind === 'unknown') continue; // an indicator not in the catalogue
    const mismatch = periodMismatch(sheet.table, month);
    if (mismatch) {
      stale.push({ ...mismatch, sheet: sheet.sheet.name });
      if (sheet.layout.kind === 'card') staleIndicators.add(sheet.layout.indicator.id);
      findings.push(staleWarning(sheet, mismatch, month));
      continue;
    }
    const columns = sheet.layout.kind === 'wide' ? wideColumns(sheet.table, config) : cardColumns(sheet.table, sheet.layout.indicator, sheet.where);
    observations.push(...readRows(sheet, columns, config, month, unknown));
  }
  if (unknown.length > 0) throw unknownAreasError(unknown, config, workbook.file);
  if (observations.length === 0) throw nothingRead(workbook.file, sheets, stale[0], month);
  findings.push(...rankedNotFound(sheets, [...observations.map((o) => o.indicator), ...staleIndicators], config, workbook.file, month.month));
  return { observations, findings };
}

function comparisonSheets(workbook: Workbook, config: Config): ComparisonSheet[] {
  return workbook.sheets.flatMap((sheet): ComparisonSheet[] => {
    const table = locateTable(sheet, AREA_HEADER);
    // 地区 leads its row; a "单位" right of 指标 is a unit column of some other table.
    if (!table || (sheet.rows[table.headerStart] ?? []).slice(0, table.labelColumn).some((cell) => cell.value !== null && !/^序号$/.test(cellText(cell)))) return [];
    const where = { file: workbook.file, sheet: sheet.name };
    if (wideColumns(table, config).length > 0) return [{ sheet, table, where, layout: { kind: 'wide' } }];
    const card = cardIndicator(sheet, table, config);
    return [{ sheet, table, where, layout: card.indicator ? { kind: 'card', indicator: card.indicator } : { kind: 'unknown', title: card.title } }];
  });
}

/**
 * Wide layout: a catalogue indicator's name over 增速 / 位次 columns, or, with a single header row,
 * both in one cell ("地区生产总值增速(%)", "规上工业增加值位次").
 */
function wideColumns(table: Table, config: Config): CityColumn[] {
  return table.columns.flatMap((column): CityColumn[] => {
    if (column.index === table.labelColumn || column.path.length === 0) return [];
    const [name, sub] = column.path.length >= 2 ? [column.path[0]!, column.path[column.path.length - 1]!] : splitHeader(column.path[0]!);
    const indicator = catalogueOf(config).indicatorFor(name);
    if (!indicator) return [];
    const measure = measureOf(sub.normalize('NFKC').replace(/\s+/g, ''));
    return measure ? [{ index: column.index, indicator, measure, span: 'ytd' }] : [];
  });
}

function measureOf(sub: string): 'rank' | 'growth' | undefined {
  if (/位次|排名|名次/.test(sub)) return 'rank';
  if (/增速|增长|增幅|同比|增减/.test(sub)) return 'growth';
  return undefined;
}

/** "地区生产总值增速(%)" → ["地区生产总值", "增速(%)"]; a header without a measure word stays whole. */
function splitHeader(text: string): [string, string] {
  const match = /^(.+?)((?:比上年|同比)?(?:增速|增长|增幅|位次|排名|名次)(?:\(%\)|（%）|%)?)$/.exec(text.normalize('NFKC').replace(/\s+/g, ''));
  return match ? [match[1]!, match[2]!] : [text, ''];
}

/** Each area row's cells under the sheet's columns; areas not configured are collected, not read. */
function readRows(sheet: ComparisonSheet, columns: readonly CityColumn[], config: Config, month: YearMonth, unknown: UnknownArea[]): Observation[] {
  const { table, where } = sheet;
  const observations: Observation[] = [];
  for (const row of table.dataRows) {
    const labelCell = cellAt(table.sheet, row, table.labelColumn);
    const area = catalogueOf(config).areaFor(cellText(labelCell));
    if (area === undefined) {
      const ranked = columns.some((c) => c.measure === 'rank' && cellAt(table.sheet, row, c.index).value !== null);
      unknown.push({ name: displayName(cellText(labelCell)), sheet: where.sheet!, cell: labelCell.address, ranked });
      continue;
    }
    for (const column of columns) observations.push(observe(sheet, row, column, area, month));
  }
  return observations;
}

function observe(sheet: ComparisonSheet, row: number, column: CityColumn, area: string, month: YearMonth): Observation {
  const cell = cellAt(sheet.table.sheet, row, column.index);
  const at = { ...sheet.where, cell: cell.address };
  const source = { file: sheet.where.file!, sheet: sheet.where.sheet!, cell: cell.address };
  const period = { ...month, span: column.span };
  const base = { indicator: column.indicator.id, area, period, measure: column.measure, source };
  const raw = readNumber(cell, sheet.where, column.measure === 'growth');
  if (column.measure === 'rank') {
    if (raw !== null && (!Number.isInteger(raw) || raw < 1)) throw new DataError(`位次应为正整数，实际是 ${raw}`, at);
    return { ...base, value: raw, unit: '' };
  }
  if (column.measure === 'growth') return { ...base, value: raw, unit: '%' };
  const value = raw === null ? null : convertUnit(raw, column.unit!, column.indicator.unit, at);
  return { ...base, value, unit: column.indicator.unit };
}

function staleWarning(sheet: ComparisonSheet, mismatch: PeriodMismatch, month: YearMonth): CheckFinding {
  return {
    level: 'warning',
    kind: 'staleSheet',
    message: `${describeMismatch(mismatch, month)}：这张表已跳过，其中的增速和位次不用于本期；如市统计局已发布本期数据，请换成新表`,
    source: { ...sheet.where, cell: mismatch.cell.address },
  };
}

function nothingRead(file: string, sheets: readonly ComparisonSheet[], stale: (PeriodMismatch & { readonly sheet: string }) | undefined, month: YearMonth): DataError {
  if (stale) return new DataError(`全市比较表中各表都不是本期的数据（如 ${printable(stale.sheet.trim())} › ${stale.cell.address}：${describeMismatch(stale, month)}）：请核对是否放错月份`, { file });
  const titles = sheets.flatMap((s) => (s.layout.kind === 'unknown' ? [quoted(s.layout.title)] : []));
  const seen = titles.length > 0 ? `；表中的比较表为${titles.slice(0, 8).join('')}${titles.length > 8 ? '等' : ''}，如其中有目录中的指标，请在配置 indicators 的 aliases 中加入表中的写法` : '';
  return new DataError(`全市比较表中找不到“地区”列或任何已配置的指标${seen}`, { file });
}

/**
 * Ranked catalogue indicators the file has no sheet for (stale sheets count as found), when the file also has comparison
 * sheets it could not name: listed once, with the titles to add as aliases.
 */
function rankedNotFound(sheets: readonly ComparisonSheet[], seen: readonly string[], config: Config, file: string, month: number): CheckFinding[] {
  const unknown = sheets.flatMap((s) => (s.layout.kind === 'unknown' ? [s.layout.title] : []));
  const found = new Set(seen);
  const due = (i: IndicatorConfig) => i.frequency === 'monthly' || (i.frequency === 'quarterly' && month % 3 === 0);
  const absent = config.indicators.filter((i) => i.ranked && due(i) && !found.has(i.id));
  if (unknown.length === 0 || absent.length === 0) return [];
  return [{
    level: 'warning',
    kind: 'missingIndicator',
    source: { file },
    message: `全市比较表中没有找到${absent.map((i) => `「${i.name}」`).join('')}的位次，讲话稿不提它们的排名；表中未能对应到指标目录的比较表有${unknown.map((t) => quoted(t)).join('')}：如其中有上述指标，请在配置中该指标的 aliases 里加入表中的写法（如 aliases: [${yamlScalar(unknown[0]!)}]）`,
  }];
}
