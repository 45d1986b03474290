// Which sheets of a workbook hold the return: hidden sheets are already gone (workbook.ts); of the
// visible ones with a table, notes and copies are dropped, and where sheets are named by month
// ("1月", "2月", "3月" in one workbook) only the folder's month is read.
import { DataError } from '../../errors.js';
import { quoted } from '../../text.js';
import type { YearMonth } from '../../types.js';
import { type Table, locateTable, normalizeText } from './locate.js';
import { timeSeriesSheetError } from './timeSeries.js';
import type { Sheet, Workbook } from '../read/workbook.js';

const SKIPPED = /说明|目录|封面|备份|副本|模板|草稿|旧表|上月|上年|去年|历史|参考|指标解释|图表|copy|backup/i;
const QUARTERS: ReadonlyArray<[RegExp, number]> = [
  [/前三季度|三季度/, 9],
  [/上半年|二季度/, 6],
  [/一季度/, 3],
  [/全年|四季度/, 12],
];

export interface SheetTable {
  readonly sheet: Sheet;
  readonly table: Table;
}

export function chooseSheets(workbook: Workbook, labelHeader: RegExp, month: YearMonth): SheetTable[] {
  const located = workbook.sheets.flatMap((sheet) => {
    const table = locateTable(sheet, labelHeader);
    return table ? [{ sheet, table }] : [];
  });
  if (located.length === 0) {
    const series = workbook.sheets.map((sheet) => timeSeriesSheetError(sheet, { file: workbook.file, sheet: sheet.name })).find((e) => e !== undefined);
    if (series) throw series;
    const names = workbook.sheets.map((s) => quoted(s.name)).join('') || '（没有可见的工作表）';
    throw new DataError(`找不到表头（应有“指标名称”或“指标”“项目”列），看过的工作表：${names}：请确认报表格式`, { file: workbook.file });
  }
  if (located.length === 1) return located;
  const kept = located.filter(({ sheet }) => !SKIPPED.test(sheet.name));
  const candidates = kept.length > 0 ? kept : located;
  const named = candidates.filter(({ sheet }) => monthInName(sheet.name) !== undefined);
  if (named.length === 0) return candidates;
  const chosen = named.filter(({ sheet }) => monthInName(sheet.name) === month.month);
  if (chosen.length === 0) {
    const names = named.map(({ sheet }) => quoted(sheet.name)).join('');
    throw new DataError(`工作簿中按月份命名的工作表${names}里没有 ${month.month} 月的：请确认报送的是 ${month.year} 年 ${month.month} 月的数据`, { file: workbook.file });
  }
  return chosen;
}

/** The (last) month a sheet name names: "3月", "1-3月", "2023.3", "一季度"; undefined if none. */
export function monthInName(name: string): number | undefined {
  const text = normalizeText(name);
  const range = /(\d{1,2})月/.exec(text) ?? /^\d{4}[.\-年](\d{1,2})$/.exec(text);
  if (range) {
    const month = Number(range[1]);
    return month >= 1 && month <= 12 ? month : undefined;
  }
  return QUARTERS.find(([pattern]) => pattern.test(text))?.[1];
}
