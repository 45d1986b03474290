// Reading a number from a cell as bureaus write them; blanks are known-missing, never zero.
import { DataError, type Location } from '../../errors.js';
import { quoted } from '../../text.js';
import type { Cell } from '../read/workbook.js';
import { normalizeText } from './locate.js';

const BLANK_MARKERS = new Set(['', '—', '——', '-', '--', '/', '…', '……', '...', '×', '无', '不可比', '－', '―', '–']);

export type ParsedNumber = { readonly value: number | null };

/**
 * A cell's number, or null when it is blank or shows a blank marker. `percent` says the column
 * holds a rate in %: a value stored as a fraction under a "0.0%" format is scaled to 5.2.
 */
export function readNumber(cell: Cell, where: Location, percent = false): number | null {
  const quantity = readQuantity(cell, where, percent);
  if (quantity.unit === '百分点') {
    throw new DataError(`这里写的是百分点差${quoted(cell.value)}，不是数值或增速：请改填数值，或说明该指标不按增速比较`, { ...where, cell: cell.address });
  }
  return quantity.value;
}

/** Like readNumber, but text such as "0.0(百分点)" reads as 0 with the unit 百分点. */
export function readQuantity(cell: Cell, where: Location, percent = false): { value: number | null; unit?: '百分点' } {
  const at = { ...where, cell: cell.address };
  if (cell.problem !== undefined) throw new DataError(cell.problem, at);
  if (cell.error !== undefined) return { value: null };
  const value = cell.value;
  if (value === null) return { value: null };
  if (typeof value === 'number') return { value: checkNumber(percent && isPercentFormat(cell.numFmt) ? scalePercent(value) : value, value, at) };
  if (typeof value === 'string') {
    const points = POINTS.exec(value.normalize('NFKC').trim());
    if (points) return { value: parseNumberText(points[1]!, at), unit: '百分点' };
    return { value: parseNumberText(value, at) };
  }
  throw new DataError(`应为数值，实际是${value instanceof Date ? '日期' : '逻辑值'}`, at);
}

const POINTS = /^(.*?)\s*\(?个?百分点\)?$/;

/** 0.052 → 5.2 exactly as shown, not 5.199999999999999. */
function scalePercent(value: number): number {
  return Number((value * 100).toPrecision(12));
}

function isPercentFormat(numFmt: string | undefined): boolean {
  return numFmt !== undefined && /%/.test(numFmt.replace(/"[^"]*"|\\./g, ''));
}

/** "1,234.56", "－５．２", "−5.2", "增长5.2%", "下降3.1", "5.2%" → number; blank markers → null. */
export function parseNumberText(text: string, where: Location): number | null {
  const trimmed = normalizeText(text);
  if (BLANK_MARKERS.has(trimmed) || BLANK_MARKERS.has(text.trim()) || ERROR_TEXT.test(trimmed)) return null;
  let body = trimmed.replace(/[\u2212\u2012\u2013\u2014\uFE63]/g, '-').replace(/,(?=\d{3}(\D|$))/g, '');
  let sign = 1;
  const worded = /^(增长|增加|提高|上升|下降|减少|回落)(.*)$/.exec(body);
  if (worded) {
    sign = /下降|减少|回落/.test(worded[1]!) ? -1 : 1;
    body = worded[2]!;
  }
  body = body.replace(/%$/, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(body) || (worded && /^[-+]/.test(body))) {
    throw new DataError(`无法识别的数值${quoted(text)}：请填写数字，空缺请填“—”`, where);
  }
  return checkNumber(sign * Number(body), text, where);
}

/**
 * No figure of a district, a city or the country comes near 10^15 in any unit (China's GDP in 元 is
 * about 1.3 × 10^14), and from 10^15 on a double no longer holds two decimals (its step is 0.125):
 * such a value, or an infinite one ("1e309"), is a typing or export error, never a number to state.
 */
export const NUMBER_LIMIT = 1e15;

/** The number, −0 as 0; a DataError naming the cell when it is not finite or not below NUMBER_LIMIT. */
export function checkNumber(number: number, shown: unknown, where: Location): number {
  if (!Number.isFinite(number) || Math.abs(number) >= NUMBER_LIMIT) {
    throw new DataError(`数值${quoted(shown)}${Number.isNaN(number) ? '不是数字' : '超出范围（绝对值须小于 10^15，即 1000 万亿）'}：请核对这个单元格，空缺请填“—”`, where);
  }
  return number === 0 ? 0 : number;
}

/** Error values typed or pasted as text. */
const ERROR_TEXT = /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!)$/i;
