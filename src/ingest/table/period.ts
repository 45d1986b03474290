// The period a sheet names — in its title rows ("2023年1—3月", "一季度") and in its header cells
// ("1-8月" over the value columns) — checked against the month folder it sits in: a sheet of
// another period is never read as this one.
import { DataError, type Location } from '../../errors.js';
import { quoted } from '../../text.js';
import type { YearMonth } from '../../types.js';
import { type Cell, cellAt, cellText } from '../read/workbook.js';
import { type Table, normalizeText } from './locate.js';

const QUARTER_WORDS: ReadonlyArray<[RegExp, number]> = [
  [/前三季度|三季度/, 9],
  [/上半年|二季度/, 6],
  [/一季度|第一季度/, 3],
  [/全年|四季度/, 12],
];
/** Lines that state when the sheet was made, not what it covers ("报送时间：2023年4月"). */
const DATE_LINE = /(填报|报送|报出|制表|打印|填表|审核)(日期|时间)|日期[:：]/;
/** Header words of columns that legitimately name another period: forecasts, plans, targets. */
const OTHER_PERIOD_COLUMN = /预计|预测|预估|测算|目标|计划|预期/;
const HEADER_QUARTERS: ReadonlyArray<[RegExp, number]> = QUARTER_WORDS.filter(([, month]) => month !== 12);

/** The year and last month a title names, if it names both (a date such as 4月8日 is not a period). */
export function periodInTitle(title: string): YearMonth | undefined {
  const text = normalizeText(title);
  const year = /(\d{4})年/.exec(text);
  if (!year || /\d+月\d+日/.test(text)) return undefined;
  const rest = text.slice(year.index + year[0].length);
  const month = lastMonthIn(rest);
  return month === undefined ? undefined : { year: Number(year[1]), month };
}

function lastMonthIn(text: string): number | undefined {
  const range = /^(?:1|一)[-—–~～至](\d{1,2})月/.exec(text);
  if (range) return Number(range[1]);
  const single = /^(\d{1,2})月/.exec(text);
  if (single) return Number(single[1]);
  return QUARTER_WORDS.find(([pattern]) => pattern.test(text.slice(0, 6)))?.[1];
}

/** The last month a header cell's period names ("1-8月" → 8, "2023年3月" → 3, "前三季度" → 9). */
export function monthInHeader(text: string): number | undefined {
  const key = normalizeText(text);
  if (/\d+月\d+日/.test(key)) return undefined;
  const range = /\d{1,2}[-—–~～至](\d{1,2})月/.exec(key) ?? /(?:^|[^\d])(\d{1,2})月/.exec(key);
  if (range) return Number(range[1]);
  return HEADER_QUARTERS.find(([pattern]) => pattern.test(key))?.[1];
}

/** A title or header cell that names another period than the folder's, with what it names. */
export interface PeriodMismatch {
  readonly cell: Cell;
  readonly text: string;
  readonly named: { readonly year?: number; readonly month: number };
}

/**
 * The first cell of a located table that names another period: a title row (year and month must
 * both agree) or a header cell (its month must agree; a comparison column may name last year).
 */
export function periodMismatch(table: Table, expected: YearMonth): PeriodMismatch | undefined {
  for (const cell of table.preamble) {
    const text = cellText(cell);
    const named = DATE_LINE.test(text) ? undefined : periodInTitle(text);
    if (named && (named.year !== expected.year || named.month !== expected.month)) return { cell, text, named };
  }
  for (let row = table.headerStart; row <= table.headerEnd; row++) {
    for (const column of table.columns) {
      const cell = cellAt(table.sheet, row, column.index);
      if (cell.value === null || column.index === table.labelColumn || OTHER_PERIOD_COLUMN.test(column.key)) continue;
      const text = cellText(cell);
      const month = monthInHeader(text);
      if (month !== undefined && month !== expected.month) return { cell, text, named: { month } };
    }
  }
  return undefined;
}

/** "标题写的是…" / "表头「1-8月」…": why a sheet is not of the folder's period. */
export function describeMismatch(mismatch: PeriodMismatch, expected: YearMonth): string {
  const folder = `${expected.year}/${String(expected.month).padStart(2, '0')}`;
  const { year, month } = mismatch.named;
  const what = year === undefined ? `表头${quoted(mismatch.text)}是 ${month} 月的数据` : `标题写的是${year}年${month}月的数据`;
  return `${what}，但文件放在 ${folder} 文件夹`;
}

/** A return's sheet must be of its folder's period: otherwise the whole return is refused. */
export function checkSheetPeriod(table: Table, where: Location, expected: YearMonth): void {
  const mismatch = periodMismatch(table, expected);
  if (!mismatch) return;
  throw new DataError(`${describeMismatch(mismatch, expected)}：请核对是否放错月份，或报送的是旧表`, { ...where, cell: mismatch.cell.address });
}
