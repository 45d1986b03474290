// .xlsx through exceljs, after the archive has been unzipped once under limits (zip.ts) and its
// merged ranges counted, since exceljs expands every merge cell by cell while loading.
import ExcelJS from 'exceljs';
import { DataError } from '../../errors.js';
import { type Cell, type CellValue, type MergeRange, type Sheet, type Workbook, buildSheet, checkMerges, parseRange } from './workbook.js';
import { unzipLimited } from './zip.js';

type Located = Cell & { row: number; col: number };

export async function readXlsx(bytes: Uint8Array, file: string): Promise<Workbook> {
  const entries = unzipLimited(bytes, file);
  if (!entries.has('xl/workbook.xml')) {
    throw new DataError('这是一个压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml）：请确认报送的是 .xlsx 文件', { file });
  }
  checkMergesInXml(entries, file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw new DataError('文件已损坏或不是有效的 Excel 工作簿，请让报送单位重新导出', { file }, { cause: error });
  }
  const sheets = workbook.worksheets.filter((ws) => ws.state === 'visible').map((ws) => toSheet(ws, file));
  return { file, sheets };
}

function checkMergesInXml(entries: ReadonlyMap<string, Uint8Array>, file: string): void {
  const names = sheetNames(entries);
  for (const [path, data] of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(path)) continue;
    const xml = new TextDecoder().decode(data);
    const merges = [...xml.matchAll(/<mergeCell\b[^>]*\bref="([^"]*)"/g)].flatMap((m) => parseRange(m[1]!) ?? []);
    checkMerges(file, names.get(path) ?? path, merges);
  }
}

/** worksheet part path → sheet name, through workbook.xml and its relationships. */
function sheetNames(entries: ReadonlyMap<string, Uint8Array>): Map<string, string> {
  const text = (path: string) => new TextDecoder().decode(entries.get(path) ?? new Uint8Array());
  const targets = new Map<string, string>();
  for (const m of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const names = new Map<string, string>();
  for (const m of text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const path = id ? targets.get(id) : undefined;
    if (name && path) names.set(path, name);
  }
  return names;
}

function toSheet(ws: ExcelJS.Worksheet, file: string): Sheet {
  const cells: Located[] = [];
  const hidden = new Set<number>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (row.hidden) hidden.add(rowNumber - 1);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      cells.push({ row: rowNumber - 1, col: colNumber - 1, ...toCell(cell) });
    });
  });
  return buildSheet(file, ws.name, cells, mergesOf(ws), hidden);
}

function mergesOf(ws: ExcelJS.Worksheet): MergeRange[] {
  // exceljs keeps merges in a private map of master address → Range (1-based edges).
  const merges = (ws as unknown as { _merges?: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges ?? {};
  return Object.values(merges).map(({ model: m }) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
}

function toCell(cell: ExcelJS.Cell): Cell {
  const base = { address: cell.address, indent: cell.alignment?.indent ?? 0 };
  const numFmt = cell.numFmt || undefined;
  const raw = unwrap(cell.value);
  return { ...base, ...raw, ...(numFmt ? { numFmt } : {}) };
}

function unwrap(value: ExcelJS.CellValue): { value: CellValue; error?: string; problem?: string } {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { value };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { value: null, problem: '日期无效' } : { value };
  if ('richText' in value) return { value: value.richText.map((run) => run.text).join('') };
  if ('error' in value) return { value: null, error: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) {
      return { value: null, problem: '公式没有保存计算结果：请在 Excel 中打开该文件、重新计算并保存后再报送' };
    }
    if (typeof result === 'object' && 'error' in result) return { value: null, error: String(result.error) };
    return unwrap(result as ExcelJS.CellValue);
  }
  if ('text' in value) return { value: String(value.text) };
  return { value: null };
}
