// A time-series export (one indicator per row or column, one period per column or row: the
// statistics bureaus' data sites give these) is not a monthly return: it is refused as what it is,
// before anything else about it is judged (its many dated columns would read as "two columns
// meaning the same", its header months as stale periods).
import { DataError, type Location } from '../../errors.js';
import { quoted } from '../../text.js';
import { type Cell, type Sheet, cellAt, cellText } from '../read/workbook.js';
import { type Table, locateTable, normalizeText } from './locate.js';

const PERIOD_HEADER = /^(时间|月份|年份|日期|统计时间|时期|期别|年度)$/;
const PERIOD = /^(\d{4})(?:年(?:(\d{1,2})月份?|第?([一二三四1-4])季度)?|[-./](\d{1,2}))$/;
const REFUSAL = '不是月度报表：tongbao 只读“指标 × 本月/累计/上年同期/增速”格式的报表，请按月报格式填报';

/** The refusal for a table whose header or whose label column runs through periods, if it does. */
export function timeSeriesError(table: Table, where: Location): DataError | undefined {
  const header = table.columns.filter((c) => c.index !== table.labelColumn).map((c) => ({ cell: cellAt(table.sheet, table.headerStart, c.index), text: c.path.join('') }));
  const across = dated(header);
  if (across) return refusal(`表头为 ${across.names}…`, across.cell, where);
  const labels = table.dataRows.map((row) => cellAt(table.sheet, row, table.labelColumn)).map((cell) => ({ cell, text: cellText(cell) }));
  const down = dated(labels);
  const labelHeader = cellText(cellAt(table.sheet, table.headerStart, table.labelColumn));
  if (down) return refusal(`${quoted(labelHeader)}列为 ${down.names}…`, down.cell, where);
  return undefined;
}

/** A series has three periods, or two of different months (this year's and last year's 3月 are a return's columns). */
function dated(cells: readonly { cell: Cell; text: string }[]): { names: string; cell: Cell } | undefined {
  const periods = cells.flatMap(({ cell, text }) => {
    const match = PERIOD.exec(normalizeText(text));
    return match ? [{ cell, text, sub: match[2] ?? match[3] ?? match[4] ?? '' }] : [];
  });
  const series = periods.length >= 3 || (periods.length === 2 && periods[0]!.sub !== periods[1]!.sub);
  return series ? { names: periods.slice(0, 3).map((p) => p.text).join('、'), cell: periods[0]!.cell } : undefined;
}

/** A sheet headed 时间/月份 over a column of periods, which no return's label header matches. */
export function timeSeriesSheetError(sheet: Sheet, where: Location): DataError | undefined {
  const table = locateTable(sheet, PERIOD_HEADER);
  return table ? timeSeriesError(table, where) : undefined;
}

function refusal(what: string, cell: Cell, where: Location): DataError {
  return new DataError(`这是按时期排列的时间序列表（${what}），${REFUSAL}`, { ...where, cell: cell.address });
}
