// Old binary .xls (BIFF8), WPS .et, and HTML or SpreadsheetML 2003 saved as ".xls", through
// SheetJS (@e965/xlsx 0.20.3, which carries the fixes the npm `xlsx` 0.18.5 lacks).
import * as XLSX from '@e965/xlsx';
import { DataError } from '../errors.js';
import { decodeText } from './readCsv.js';
import type { FileFormat } from './sniff.js';
import { type Cell, type MergeRange, type Sheet, type Workbook, buildSheet, toA1 } from './workbook.js';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const CONVERT = '请用 Excel 或 WPS 打开后“另存为” Excel 工作簿（.xlsx）再报送';

export function readXls(bytes: Uint8Array, file: string, format: FileFormat): Workbook {
  const wb = parse(bytes, file, format);
  const hidden = (i: number) => (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0;
  const sheets = wb.SheetNames.flatMap((name, i) => (hidden(i) ? [] : [toSheet(wb.Sheets[name]!, name, file)]));
  return { file, sheets };
}

function parse(bytes: Uint8Array, file: string, format: FileFormat): XLSX.WorkBook {
  const options: XLSX.ParsingOptions = { cellNF: true, cellFormula: true, cellStyles: true, cellHTML: false, dense: false };
  try {
    if (format === 'ole2') return XLSX.read(bytes, { ...options, type: 'buffer' });
    return XLSX.read(decodeText(bytes, file).text, { ...options, type: 'string' });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|encrypt/i.test(message)) {
      throw new DataError('文件设置了打开密码，无法读取：请让报送单位取消密码后重新报送', { file }, { cause: error });
    }
    const kind = format === 'ole2' ? '旧版 .xls/.et 文件' : '网页格式（HTML/XML）的“.xls”文件';
    throw new DataError(`无法读取这个${kind}（文件可能已损坏）：${CONVERT}`, { file }, { cause: error });
  }
}

function toSheet(ws: XLSX.WorkSheet, name: string, file: string): Sheet {
  const cells: (Cell & { row: number; col: number })[] = [];
  for (const key of Object.keys(ws)) {
    if (key.startsWith('!')) continue;
    const at = XLSX.utils.decode_cell(key);
    const cell = toCell(ws[key] as XLSX.CellObject, toA1(at.r, at.c));
    if (cell) cells.push({ row: at.r, col: at.c, ...cell });
  }
  const merges: MergeRange[] = (ws['!merges'] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
  const hidden = new Set<number>();
  (ws['!rows'] ?? []).forEach((row, r) => row?.hidden && hidden.add(r));
  return buildSheet(file, name, cells, merges, hidden);
}

function toCell(c: XLSX.CellObject, address: string): Cell | undefined {
  const numFmt = typeof c.z === 'string' && c.z !== 'General' ? c.z : undefined;
  const base = { address, indent: 0, ...(numFmt ? { numFmt } : {}) };
  if (c.f !== undefined && c.v === undefined) return { ...base, value: null, problem: '公式没有保存计算结果：请在 Excel 中打开该文件、重新计算并保存后再报送' };
  switch (c.t) {
    case 'n':
      if (typeof c.v !== 'number') return undefined;
      return { ...base, value: numFmt && XLSX.SSF.is_date(numFmt) ? serialToDate(c.v) : c.v };
    case 's':
      return { ...base, value: String(c.v ?? '') };
    case 'b':
      return { ...base, value: Boolean(c.v) };
    case 'e':
      return { ...base, value: null, error: c.w ?? '#ERROR' };
    case 'd':
      return { ...base, value: c.v instanceof Date ? c.v : null };
    default:
      return undefined;
  }
}

/** Excel serial (days since 1899-12-30) → a Date at UTC midnight, as exceljs gives dates. */
export function serialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * 86_400_000));
}
