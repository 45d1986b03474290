// Reading a number from a cell as bureaus write them; blanks are known-missing, never zero.
import { DataError, type Location } from '../errors.js';
import type { Cell } from './workbook.js';

const BLANK_MARKERS = new Set(['', '—', '——', '-', '--', '/', '…', '……', '...', '×', '无', '不可比', '－', '―', '–']);

export type ParsedNumber = { readonly value: number | null };

/**
 * A cell's number, or null when it is blank or shows a blank marker. `percent` says the column
 * holds a rate in %: a value stored as a fraction under a "0.0%" format is scaled to 5.2.
 */
export function readNumber(cell: Cell, where: Location, percent = false): number | null {
  if (cell.problem !== undefined) throw new DataError(cell.problem, { ...where, cell: cell.address });
  if (cell.error !== undefined) return null;
  const value = cell.value;
  if (value === null) return null;
  if (typeof value === 'number') return percent && isPercentFormat(cell.numFmt) ? value * 100 : value;
  if (typeof value === 'string') return parseNumberText(value, { ...where, cell: cell.address });
  throw new DataError(`应为数值，实际是${value instanceof Date ? '日期' : '逻辑值'}`, { ...where, cell: cell.address });
}

function isPercentFormat(numFmt: string | undefined): boolean {
  return numFmt !== undefined && /%/.test(numFmt.replace(/"[^"]*"|\\./g, ''));
}

/** "1,234.56", "－５．２", "−5.2", "增长5.2%", "下降3.1", "5.2%" → number; blank markers → null. */
export function parseNumberText(text: string, where: Location): number | null {
  const trimmed = text.normalize('NFKC').replace(/\s+/g, '');
  if (BLANK_MARKERS.has(trimmed) || BLANK_MARKERS.has(text.trim())) return null;
  let body = trimmed.replace(/[\u2212\u2012\u2013\u2014\uFE63]/g, '-').replace(/,/g, '');
  let sign = 1;
  const worded = /^(增长|增加|提高|上升|下降|减少|回落)(.*)$/.exec(body);
  if (worded) {
    sign = /下降|减少|回落/.test(worded[1]!) ? -1 : 1;
    body = worded[2]!;
  }
  body = body.replace(/%$/, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(body)) {
    throw new DataError(`无法识别的数值「${text.trim()}」：请填写数字，空缺请填“—”`, where);
  }
  return sign * Number(body);
}
