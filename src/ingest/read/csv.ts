// CSV as Chinese offices save it: UTF-8 (with or without BOM) or GBK/GB18030 without a BOM,
// comma- or tab-separated, quoted per RFC 4180. Every field stays text; values.ts reads numbers.
import { basename, extname } from 'node:path';
import { DataError } from '../../errors.js';
import { type Cell, type Workbook, buildSheet, toA1 } from './workbook.js';

const MAX_ROWS = 100_000;
const MAX_COLUMNS = 1000;

export function readCsv(bytes: Uint8Array, file: string): Workbook {
  const { text } = decodeText(bytes, file);
  const records = parseCsv(text, file);
  const cells: (Cell & { row: number; col: number })[] = [];
  records.forEach((fields, row) => {
    fields.forEach((field, col) => {
      if (field !== '') cells.push({ row, col, address: toA1(row, col), value: field, indent: 0 });
    });
  });
  const name = basename(file, extname(file));
  return { file, sheets: [buildSheet(file, name, cells, [])] };
}

/** UTF-8 when the bytes are valid UTF-8 (or carry a BOM), else GB18030 (a superset of GBK). */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes), encoding };
    } catch {
      // try the next encoding
    }
  }
  throw new DataError('文本文件的编码无法识别（既不是 UTF-8 也不是 GBK/GB18030）：请用 Excel 或 WPS 打开后另存为 .xlsx', { file });
}

/** Records of fields; a quoted field may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string, file: string): string[][] {
  const delimiter = guessDelimiter(text);
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > MAX_COLUMNS || records.length >= MAX_ROWS) {
      throw new DataError(`CSV 文件超过 ${MAX_ROWS} 行或 ${MAX_COLUMNS} 列，不像一份报表：请检查文件`, { file });
    }
    records.push(fields);
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else {
      field += ch;
    }
  }
  if (quoted) throw new DataError('CSV 文件中有未闭合的引号，文件可能不完整：请重新导出', { file });
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

function guessDelimiter(text: string): string {
  const head = text.slice(0, 4096);
  const count = (ch: string) => head.split(ch).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}
