// What every blank form shares: the look (宋体, borders, grey cells not to fill), cells to fill
// with number validation, the 填报说明 sheet, sheet protection, and byte-for-byte reproducible
// saving (fixed document dates and zip entry times), so a form regenerated unchanged is the same file.
import type ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';

export type Book = ExcelJS.Workbook;
export type Sheet = ExcelJS.Worksheet;

const FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 11 };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
export const NOT_APPLICABLE = '—';

export async function newBook(creator: string): Promise<Book> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = creator;
  book.lastModifiedBy = creator;
  return book;
}

export function addSheet(book: Book, name: string, widths: readonly number[]): Sheet {
  const sheet = book.addWorksheet(name);
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  return sheet;
}

/** Keeps the header in view while scrolling down a long table. */
export function freezeAbove(sheet: Sheet, row: number): void {
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: row }];
}

/** Row 1: the title across the table, naming the district and the period. */
export function title(sheet: Sheet, text: string, width: number): void {
  sheet.mergeCells(1, 1, 1, width);
  const cell = sheet.getCell(1, 1);
  cell.value = text;
  cell.font = { name: '宋体', size: 16, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 32;
}

/** A line of text merged over columns `from`…`to`, outside the table (meta line, notes). */
export function line(sheet: Sheet, row: number, text: string, from: number, to: number, align: 'left' | 'right' = 'left'): void {
  if (to > from) sheet.mergeCells(row, from, row, to);
  const cell = sheet.getCell(row, from);
  cell.value = text;
  cell.font = { ...FONT, size: 10 };
  cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
}

export interface HeaderCell {
  readonly text: string;
  readonly rows?: number;
  readonly cols?: number;
}

/** Header rows starting at `top`; cells may span rows and columns. Returns the last header row. */
export function header(sheet: Sheet, top: number, rows: readonly (readonly (string | HeaderCell)[])[], width: number): number {
  const taken = new Set<string>();
  rows.forEach((cells, i) => {
    let col = 1;
    for (const spec of cells.map((c) => (typeof c === 'string' ? { text: c } : c))) {
      while (taken.has(`${top + i},${col}`)) col++;
      const [height, span] = [spec.rows ?? 1, spec.cols ?? 1];
      for (let r = 0; r < height; r++) for (let c = 0; c < span; c++) taken.add(`${top + i + r},${col + c}`);
      if (height > 1 || span > 1) sheet.mergeCells(top + i, col, top + i + height - 1, col + span - 1);
      sheet.getCell(top + i, col).value = spec.text;
      col += span;
    }
  });
  const bottom = top + rows.length - 1;
  for (let r = top; r <= bottom; r++) {
    sheet.getRow(r).height = 30;
    for (let c = 1; c <= width; c++) {
      const cell = sheet.getCell(r, c);
      cell.font = { ...FONT, bold: true };
      cell.border = THIN;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = HEADER_FILL;
    }
  }
  return bottom;
}

/** A printed cell of the table (序号, 指标名称, 单位 …): bordered, locked. */
export function label(cell: ExcelJS.Cell, value: string | number | Date | null, options: { center?: boolean; italic?: boolean; numFmt?: string } = {}): void {
  cell.value = value;
  cell.border = THIN;
  cell.font = { ...FONT, italic: options.italic ?? false, color: options.italic ? { argb: 'FF7F7F7F' } : undefined };
  cell.alignment = { horizontal: options.center ? 'center' : 'left', vertical: 'middle', wrapText: true };
  if (options.numFmt) cell.numFmt = options.numFmt;
}

/** A cell that is not to be filled: grey, "—", locked. */
export function notApplicable(cell: ExcelJS.Cell): void {
  cell.value = NOT_APPLICABLE;
  cell.border = THIN;
  cell.font = FONT;
  cell.fill = GREY;
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
}

export type NumberRule = 'any' | 'growth' | 'count' | 'amount' | 'rank';

const RULES: Readonly<Record<NumberRule, { type: 'decimal' | 'whole'; operator: ExcelJS.DataValidationOperator; formulae: number[]; prompt: string }>> = {
  any: { type: 'decimal', operator: 'between', formulae: [-1e12, 1e12], prompt: '填写数字，不带单位；没有数据请留空' },
  amount: { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], prompt: '填写数字，按“单位”列的单位，不带单位；没有数据请留空' },
  growth: { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [-100], prompt: '填写百分数的数字部分，如增长5.2%填 5.2、下降3.1%填 -3.1；不带“%”' },
  count: { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], prompt: '填写整数；没有数据请留空' },
  rank: { type: 'whole', operator: 'between', formulae: [1, 100], prompt: '照抄市统计局公布的位次（整数）' },
};

/** A cell to fill: white, unlocked, only numbers of the rule's kind accepted. */
export function toFill(cell: ExcelJS.Cell, rule: NumberRule, numFmt: string): void {
  const { type, operator, formulae, prompt } = RULES[rule];
  cell.border = THIN;
  cell.font = FONT;
  cell.numFmt = numFmt;
  cell.alignment = { horizontal: 'right', vertical: 'middle' };
  cell.protection = { locked: false };
  cell.dataValidation = {
    type, operator, formulae, allowBlank: true,
    showErrorMessage: true, errorStyle: 'stop', errorTitle: '请填写数字', error: `${prompt}。`,
    showInputMessage: true, promptTitle: '填写说明', prompt,
  };
}

/** A cell for free text (备注, 目标表述, 牵头单位): white and unlocked. */
export function textToFill(cell: ExcelJS.Cell, value: string | null = null): void {
  if (value !== null) cell.value = value;
  cell.border = THIN;
  cell.font = FONT;
  cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  cell.protection = { locked: false };
}

/** A date cell: 2024-04-30 shown, Excel dates only. */
export function dateToFill(cell: ExcelJS.Cell): void {
  cell.border = THIN;
  cell.font = FONT;
  cell.numFmt = 'yyyy-mm-dd';
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  cell.protection = { locked: false };
  cell.dataValidation = {
    type: 'date', operator: 'between', formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2100, 11, 31))], allowBlank: true,
    showErrorMessage: true, errorStyle: 'stop', errorTitle: '请填写日期', error: '请填写日期，如 2024-04-30；没有日期请留空。',
    showInputMessage: true, promptTitle: '填写说明', prompt: '填写日期，如 2024-04-30；未开工、未竣工的留空',
  };
}

/** A drop-down of words (the ledger's 领域). */
export function choiceToFill(cell: ExcelJS.Cell, choices: readonly string[]): void {
  textToFill(cell);
  cell.dataValidation = {
    type: 'list', allowBlank: true, formulae: [`"${choices.join(',')}"`],
    showErrorMessage: true, errorStyle: 'warning', errorTitle: '不在列表中', error: `领域一般为：${choices.join('、')}。`,
  };
}

/** The 填报说明 sheet: a heading and numbered lines, locked. */
export async function instructions(book: Book, heading: string, lines: readonly string[]): Promise<void> {
  const sheet = book.addWorksheet('填报说明');
  sheet.getColumn(1).width = 110;
  const top = sheet.getCell(1, 1);
  top.value = heading;
  top.font = { name: '宋体', size: 14, bold: true };
  lines.forEach((text, i) => {
    const cell = sheet.getCell(i + 3, 1);
    cell.value = text;
    cell.font = FONT;
    cell.alignment = { vertical: 'top', wrapText: true };
  });
  await protect(sheet);
}

/** Locks every cell not marked to fill. No password: 审阅 › 撤销工作表保护 undoes it. */
export async function protect(sheet: Sheet): Promise<void> {
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

/** Display format by unit: 亿元 two decimals, 万元 and counts none, rates one (domain.md §2). */
export function numFmtFor(unit: string): string {
  if (unit === '%') return '0.0';
  if (/^(万元|元|吨|万千瓦时|万美元|家|个|户|人|项)$/.test(unit)) return '0';
  return '0.00';
}

export function ruleFor(unit: string): NumberRule {
  return /^(家|个|户|人|项)$/.test(unit) ? 'count' : 'amount';
}

/**
 * The workbook's bytes, the same for the same content: document dates set to `stamp`, the zip
 * rebuilt with a fixed time on every entry (exceljs stamps the current time).
 */
export async function workbookBytes(book: Book, stamp: Date): Promise<Uint8Array> {
  book.created = stamp;
  book.modified = stamp;
  book.lastPrinted = stamp;
  const entries = unzipSync(new Uint8Array(await book.xlsx.writeBuffer()));
  // fflate stores DOS time from the Date's local fields: build it from the UTC fields so the
  // bytes do not depend on the machine's time zone.
  const mtime = new Date(stamp.getUTCFullYear(), stamp.getUTCMonth(), stamp.getUTCDate(), 9, 0, 0);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(entries)) zippable[name] = [data, { mtime }];
  return zipSync(zippable, { level: 6 });
}
