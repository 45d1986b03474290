// A bureau's monthly return → observations of our district, one per number cell.
import type { Config, IndicatorConfig } from '../config/config.js';
import { DataError, type Location } from '../errors.js';
import type { Observation, Span, YearMonth } from '../types.js';
import { catalogueOf } from './catalogue.js';
import { type ColumnRole, type Scope, classifyColumn } from './columns.js';
import { checkTitlePeriod } from './period.js';
import { type Table, locateTable } from './table.js';
import { convertUnit, unitFromMetaLine, unitIn } from './units.js';
import { readNumber } from './values.js';
import { type Sheet, type Workbook, cellAt, cellText } from './workbook.js';

const LABEL_HEADER = /^(指标名称|指标|项目|项目名称|名称|主要指标)$/;

interface MeasureColumn {
  readonly index: number;
  readonly role: Extract<ColumnRole, { kind: 'measure' }>;
}

export function readReturn(workbook: Workbook, config: Config, month: YearMonth): Observation[] {
  const located = workbook.sheets
    .map((sheet) => ({ sheet, table: locateTable(sheet, LABEL_HEADER) }))
    .filter((entry): entry is { sheet: Sheet; table: Table } => entry.table !== null);
  if (located.length === 0) {
    throw new DataError('找不到表头（应有“指标名称”或“项目”列）：请确认报表格式', { file: workbook.file });
  }
  return located.flatMap(({ sheet, table }) => readTable(table, { file: workbook.file, sheet: sheet.name }, config, month));
}

function readTable(table: Table, where: Location, config: Config, month: YearMonth): Observation[] {
  checkTitlePeriod(table.preamble, where, month);
  const roles = table.columns.map(classifyColumn);
  const unitColumn = roles.findIndex((role) => role.kind === 'unit');
  const measures = measureColumns(table, roles, where);
  const sheetUnit = unitFromMetaLine(table.preamble.map(cellText));
  const catalogue = catalogueOf(config);
  const observations: Observation[] = [];
  for (const row of table.dataRows) {
    const label = cellText(cellAt(table.sheet, row, table.labelColumn));
    const indicator = catalogue.indicatorFor(label);
    if (!indicator) continue;
    const rowUnit = (unitColumn >= 0 ? unitIn(cellText(cellAt(table.sheet, row, unitColumn))) : undefined) ?? unitIn(label) ?? sheetUnit;
    for (const column of measures) {
      const observation = readMeasure(table, row, column, { indicator, rowUnit, where, month, area: config.district.name });
      if (observation) observations.push(observation);
    }
  }
  return observations;
}

function measureColumns(table: Table, roles: readonly ColumnRole[], where: Location): MeasureColumn[] {
  const columns: MeasureColumn[] = [];
  const seen = new Map<string, number>();
  roles.forEach((role, index) => {
    if (role.kind !== 'measure' || index === table.labelColumn) return;
    const key = `${role.measure}/${role.scope}/${role.horizon ?? ''}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const names = [earlier, index].map((i) => table.columns[i]!.path.join('/'));
      throw new DataError(`表头有两列含义相同（${names.join('」与「')}），无法确定取哪一列`, { ...where, cell: cellAt(table.sheet, table.headerStart, index).address });
    }
    seen.set(key, index);
    columns.push({ index, role });
  });
  return columns;
}

interface RowContext {
  readonly indicator: IndicatorConfig;
  readonly rowUnit: string | undefined;
  readonly where: Location;
  readonly month: YearMonth;
  readonly area: string;
}

function readMeasure(table: Table, row: number, column: MeasureColumn, ctx: RowContext): Observation | null {
  const { indicator, where } = ctx;
  const { measure, scope } = column.role;
  const isRate = measure === 'growth' || measure === 'forecast';
  if (!isRate && !indicator.valueReported) return null;
  const cell = cellAt(table.sheet, row, column.index);
  const raw = readNumber(cell, where, isRate);
  const source = { file: where.file!, sheet: where.sheet!, cell: cell.address };
  const unit = isRate ? '%' : indicator.unit;
  const value = raw === null || isRate ? raw : convertUnit(raw, unitOf(ctx, cell.address), indicator.unit, { ...where, cell: cell.address });
  const horizon = column.role.horizon;
  const period = { year: ctx.month.year, month: horizon ?? ctx.month.month, span: spanOf(scope, indicator) };
  return { indicator: indicator.id, area: ctx.area, period, measure, value, unit, source };
}

function unitOf(ctx: RowContext, cell: string): string {
  if (ctx.rowUnit !== undefined) return ctx.rowUnit;
  throw new DataError(`无法确定「${ctx.indicator.name}」的计量单位：请在表中写明单位列、在指标名称后注明（如“（亿元）”）或在表头上方写“单位：…”`, { ...ctx.where, cell });
}

function spanOf(scope: Scope, indicator: IndicatorConfig): Span {
  if (scope === 'month') return 'month';
  return indicator.span === 'stock' ? 'stock' : 'ytd';
}
