// The period a return's title names ("2023年1—3月", "一季度"), checked against its folder.
import { DataError, type Location } from '../../errors.js';
import type { YearMonth } from '../../types.js';
import { type Cell, cellText } from '../read/workbook.js';
import { normalizeText } from './locate.js';

const QUARTER_WORDS: ReadonlyArray<[RegExp, number]> = [
  [/前三季度|三季度/, 9],
  [/上半年|二季度/, 6],
  [/一季度|第一季度/, 3],
  [/全年|四季度/, 12],
];

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

/** Stops when the title names another period than the folder the file sits in. */
export function checkTitlePeriod(preamble: readonly Cell[], where: Location, expected: YearMonth): void {
  const title = preamble[0];
  if (!title) return;
  const named = periodInTitle(cellText(title));
  if (!named || (named.year === expected.year && named.month === expected.month)) return;
  throw new DataError(
    `标题写的是${named.year}年${named.month}月的数据，但文件放在 ${expected.year}/${String(expected.month).padStart(2, '0')} 文件夹：请核对是否放错月份`,
    { ...where, cell: title.address },
  );
}
