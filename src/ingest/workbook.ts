// Bytes → sheets of plain cells with A1 addresses. Knows about file formats, nothing about returns.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { DataError } from '../errors.js';

export type CellValue = string | number | Date | boolean | null;

export interface Cell {
  readonly address: string;
  /** The value as stored (a formula's cached result); null for empty cells and merge slaves. */
  readonly value: CellValue;
  /** An Excel error value such as #DIV/0!. */
  readonly error?: string;
  readonly numFmt?: string;
  /** Text that spans this cell through a merge (the master's value), for reading headers. */
  readonly spanned?: CellValue;
  readonly indent: number;
}

export interface Sheet {
  readonly name: string;
  /** rows[r][c], 0-based; short rows are padded with empty cells on access via cellAt. */
  readonly rows: readonly (readonly Cell[])[];
}

export interface Workbook {
  /** Path relative to the data folder, as shown to users. */
  readonly file: string;
  /** Visible sheets only, in workbook order. */
  readonly sheets: readonly Sheet[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

export async function readWorkbook(path: string, file: string): Promise<Workbook> {
  const bytes = readBytes(path, file);
  checkFileType(bytes, file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new DataError('文件已损坏或不是有效的 Excel 工作簿，请让报送单位重新导出', { file }, { cause: error });
  }
  const sheets = workbook.worksheets.filter((ws) => ws.state === 'visible').map((ws) => toSheet(ws, file));
  return { file, sheets };
}

function readBytes(path: string, file: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new DataError('无法读取文件', { file }, { cause: error });
  }
}

function checkFileType(bytes: Buffer, file: string): void {
  const startsWith = (magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
  if (bytes.length === 0) throw new DataError('文件是空的（0 字节），请让报送单位重新报送', { file });
  if (startsWith(ZIP_MAGIC)) return;
  if (startsWith(OLE2_MAGIC)) {
    throw new DataError('这是旧版 .xls/.et 格式的文件，暂不支持：请用 Excel 或 WPS 打开后“另存为 .xlsx”', { file });
  }
  throw new DataError('不是 Excel（.xlsx）文件，请检查文件内容或让报送单位重新导出', { file });
}

function toSheet(ws: ExcelJS.Worksheet, file: string): Sheet {
  const rows: Cell[][] = [];
  const columnCount = ws.columnCount;
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let col = 1; col <= columnCount; col++) cells.push(toCell(row.getCell(col), ws.name, file));
    rows[rowNumber - 1] = cells;
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return { name: ws.name, rows };
}

function toCell(cell: ExcelJS.Cell, sheet: string, file: string): Cell {
  const isSlave = cell.isMerged && cell.master.address !== cell.address;
  const raw = unwrap(cell.value, cell.address, sheet, file);
  const indent = cell.alignment?.indent ?? 0;
  const numFmt = cell.numFmt || undefined;
  if (isSlave) return { address: cell.address, value: null, spanned: raw.value, indent };
  return { address: cell.address, value: raw.value, error: raw.error, numFmt, indent };
}

function unwrap(value: ExcelJS.CellValue, address: string, sheet: string, file: string): { value: CellValue; error?: string } {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { value };
  if (value instanceof Date) return { value };
  if ('richText' in value) return { value: value.richText.map((run) => run.text).join('') };
  if ('error' in value) return { value: null, error: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined) {
      throw new DataError('公式没有保存计算结果：请在 Excel 中打开该文件、重新计算并保存后再报送', { file, sheet, cell: address });
    }
    if (typeof result === 'object' && result !== null && 'error' in result) return { value: null, error: String(result.error) };
    return { value: result as CellValue };
  }
  if ('text' in value) return { value: String(value.text) };
  return { value: null };
}

/** The cell at 0-based (row, col), or an empty one. */
export function cellAt(sheet: Sheet, row: number, col: number): Cell {
  return sheet.rows[row]?.[col] ?? { address: toA1(row, col), value: null, indent: 0 };
}

export function toA1(row: number, col: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/** A cell's text for matching words: its own value, or the value merged over it. */
export function cellText(cell: Cell): string {
  const value = cell.value ?? cell.spanned ?? null;
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}
