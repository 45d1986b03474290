// A bureau's monthly return → observations of our district, one per number cell. A cell that
// cannot be read is collected as a problem (so a check can list them all); a sheet that cannot be
// understood at all stops with an error.
import type { Config, IndicatorConfig } from '../../config/config.js';
import { DataError } from '../../errors.js';
import { quoted } from '../../text.js';
import type { Observation, Span, YearMonth } from '../../types.js';
import { catalogueOf } from '../catalogue.js';
import type { Scope } from '../table/columns.js';
import { type ParsedTable, type TableColumn, type TableRow, parseTable, readCell } from '../table/parsedTable.js';
import { checkSheetPeriod } from '../table/period.js';
import { chooseSheets } from '../table/sheets.js';
import { timeSeriesError } from '../table/timeSeries.js';
import { convertUnit } from '../table/units.js';
import { type Workbook, cellAt } from '../read/workbook.js';

export const LABEL_HEADER = /^(指标名称|指标|项目|项目名称|名称|主要指标)$/;

export interface ReturnReading {
  readonly observations: readonly Observation[];
  readonly tables: readonly ParsedTable[];
  /** Cells that could not be read, each naming file, sheet and cell. */
  readonly problems: readonly DataError[];
}

export function readReturn(workbook: Workbook, config: Config, month: YearMonth): ReturnReading {
  const tables = chooseSheets(workbook, LABEL_HEADER, month).map(({ sheet, table }) => {
    const series = timeSeriesError(table, { file: workbook.file, sheet: sheet.name });
    if (series) throw series;
    checkSheetPeriod(table, { file: workbook.file, sheet: sheet.name }, month);
    return parseTable(table, { file: workbook.file, sheet: sheet.name });
  });
  const observations: Observation[] = [];
  const problems: DataError[] = [];
  for (const table of tables) {
    const measures = measureColumns(table);
    for (const row of table.rows) {
      const indicator = catalogueOf(config).indicatorFor(row.label);
      if (!indicator) continue;
      for (const column of measures) {
        try {
          const observation = readMeasure(table, row, column, { indicator, month, area: config.district.name });
          if (observation) observations.push(observation);
        } catch (error) {
          if (!(error instanceof DataError)) throw error;
          problems.push(error);
        }
      }
    }
  }
  return { observations, tables, problems };
}

type MeasureColumn = TableColumn & { readonly role: Extract<TableColumn['role'], { kind: 'measure' }> };

function measureColumns(table: ParsedTable): MeasureColumn[] {
  const seen = new Map<string, MeasureColumn>();
  for (const column of table.columns) {
    if (column.role.kind !== 'measure' || column.index === table.table.labelColumn) continue;
    const key = `${column.role.measure}/${column.role.scope}/${column.role.horizon ?? ''}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const names = [earlier, column].map((c) => quoted(c.path.join('/')));
      throw new DataError(`表头有两列含义相同（${names.join('与')}），无法确定取哪一列`, { file: table.file, sheet: table.sheet, cell: cellAt(table.table.sheet, table.table.headerStart, column.index).address });
    }
    seen.set(key, column as MeasureColumn);
  }
  return [...seen.values()];
}

interface RowContext {
  readonly indicator: IndicatorConfig;
  readonly month: YearMonth;
  readonly area: string;
}

function readMeasure(table: ParsedTable, row: TableRow, column: MeasureColumn, ctx: RowContext): Observation | null {
  const { indicator } = ctx;
  const { measure, scope } = column.role;
  const isRate = measure === 'growth' || measure === 'forecast';
  if (!isRate && !indicator.valueReported) return null;
  const quantity = readCell(table, row, column);
  const { source } = quantity;
  if (quantity.unit === '百分点') {
    throw new DataError(`这里写的是百分点差，不是${isRate ? '增速' : '数值'}：请改填${isRate ? '同比增速（%）' : '数值'}`, source);
  }
  // A forecast (预计上半年增长) is of the cumulative period ending at its horizon.
  const period = { year: ctx.month.year, month: column.role.horizon ?? ctx.month.month, span: spanOf(scope, indicator) };
  const base = { indicator: indicator.id, area: ctx.area, period, measure, source };
  if (quantity.value === null || isRate) return { ...base, value: quantity.value, unit: isRate ? '%' : indicator.unit };
  if (quantity.unit === undefined) {
    throw new DataError(`无法确定「${indicator.name}」的计量单位：请在表中写明单位列、在指标名称后注明（如“（亿元）”）或在表头上方写“单位：…”`, source);
  }
  return { ...base, value: convertUnit(quantity.value, quantity.unit, indicator.unit, source), unit: indicator.unit };
}

function spanOf(scope: Scope, indicator: IndicatorConfig): Span {
  if (scope === 'month') return 'month';
  return indicator.span === 'stock' ? 'stock' : 'ytd';
}
