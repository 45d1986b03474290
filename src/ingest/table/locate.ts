// Finds a table in a sheet by its header words: header rows (1–3, merged), columns, data rows, footer.
import { type Cell, type Sheet, cellAt, cellText } from '../read/workbook.js';

export interface Column {
  readonly index: number;
  /** Header texts from top to bottom, merged cells repeated into every column they span. */
  readonly path: readonly string[];
  /** The path joined, NFKC-normalised and without spaces, for matching words. */
  readonly key: string;
}

export interface Table {
  readonly sheet: Sheet;
  /** 0-based rows above the header (title, 填报单位, 单位 lines). */
  readonly preamble: readonly Cell[];
  readonly headerStart: number;
  readonly headerEnd: number;
  readonly labelColumn: number;
  readonly columns: readonly Column[];
  /** 0-based indices of the rows between header and footer that are not empty. */
  readonly dataRows: readonly number[];
  /** The footer's cells (注：…, 填报人：…). */
  readonly footer: readonly Cell[];
  /** 0-based rows between header and footer that are hidden in the sheet, and so not read. */
  readonly hiddenRows: readonly number[];
}

const HEADER_SCAN_ROWS = 15;
const MAX_HEADER_ROWS = 3;
const FOOTER_START = /^(注[:：0-9一二三四五六七八九十]|注$|附注|说明[:：]|备注[:：]|填报人|填表人|审核人|单位负责人|负责人|统计负责人|联系人|联系电话|电话[:：]|报出日期|填报日期|制表|资料来源|数据来源)/;

export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** The first table whose label column header matches `labelHeader` (e.g. 指标名称). */
export function locateTable(sheet: Sheet, labelHeader: RegExp): Table | null {
  const limit = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let row = 0; row < limit; row++) {
    const labelColumn = findLabelColumn(sheet, row, labelHeader);
    if (labelColumn >= 0) return buildTable(sheet, row, labelColumn);
  }
  return null;
}

function findLabelColumn(sheet: Sheet, row: number, labelHeader: RegExp): number {
  const cells = sheet.rows[row] ?? [];
  return cells.findIndex((cell) => cell.value !== null && labelHeader.test(normalizeText(cellText(cell))));
}

function buildTable(sheet: Sheet, headerStart: number, labelColumn: number): Table {
  const headerEnd = findHeaderEnd(sheet, headerStart, labelColumn);
  const width = Math.max(...sheet.rows.slice(headerStart, headerEnd + 1).map((r) => r.length));
  const columns: Column[] = [];
  for (let col = 0; col < width; col++) columns.push(columnAt(sheet, headerStart, headerEnd, col));
  const { dataRows, footer, hiddenRows } = scanBody(sheet, headerEnd + 1);
  const preamble = sheet.rows.slice(0, headerStart).flat().filter((cell) => cell.value !== null);
  return { sheet, preamble, headerStart, headerEnd, labelColumn, columns, dataRows, footer, hiddenRows };
}

/** Header rows continue while the label cell is merged from above or empty and the row holds only text. */
function findHeaderEnd(sheet: Sheet, start: number, labelColumn: number): number {
  let end = start;
  for (let row = start + 1; row < Math.min(sheet.rows.length, start + MAX_HEADER_ROWS); row++) {
    const label = cellAt(sheet, row, labelColumn);
    const cells = sheet.rows[row] ?? [];
    const hasText = cells.some((cell) => typeof cell.value === 'string' && cell.value.trim() !== '');
    const hasNumber = cells.some((cell) => typeof cell.value === 'number');
    if (label.value !== null || hasNumber || !hasText) break;
    end = row;
  }
  return end;
}

function columnAt(sheet: Sheet, start: number, end: number, col: number): Column {
  const path: string[] = [];
  for (let row = start; row <= end; row++) {
    const text = cellText(cellAt(sheet, row, col));
    if (text !== '' && path[path.length - 1] !== text) path.push(text);
  }
  return { index: col, path, key: normalizeText(path.join('|')) };
}

function scanBody(sheet: Sheet, from: number): { dataRows: number[]; footer: Cell[]; hiddenRows: number[] } {
  const dataRows: number[] = [];
  const hiddenRows: number[] = [];
  for (let row = from; row < sheet.rows.length; row++) {
    const cells = (sheet.rows[row] ?? []).filter((cell) => cell.value !== null || cell.error !== undefined || cell.problem !== undefined);
    if (cells.length === 0) continue;
    if (FOOTER_START.test(normalizeText(cellText(cells[0]!)))) {
      return { dataRows, hiddenRows, footer: sheet.rows.slice(row).flat().filter((cell) => cell.value !== null) };
    }
    if (sheet.hiddenRows?.has(row)) hiddenRows.push(row);
    else dataRows.push(row);
  }
  return { dataRows, hiddenRows, footer: [] };
}
