// CSV as Chinese offices save it: UTF-8 (with or without BOM), GBK/GB18030 without a BOM, or
// UTF-16 with a BOM (Excel's “Unicode 文本”); comma- or tab-separated, quoted per RFC 4180. Every
// field stays text; values.ts reads numbers. The attendees list is read by the same parser.
import { basename, extname } from 'node:path';
import { DataError } from '../../errors.js';
import { unicodeEncodingOf } from './sniff.js';
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

export const SUPPORTED_ENCODINGS = 'UTF-8（有无 BOM 均可）、GB18030/GBK、带 BOM 的 UTF-16';

/**
 * UTF-16 with a BOM; UTF-8 when the bytes are valid UTF-8 (or carry a BOM); else GB18030 (a superset
 * of GBK), unless the text reads far better as Big5. UTF-32, UTF-16 without a BOM and Big5 are
 * refused by name, with the encodings that are read.
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: string } {
  const unicode = unicodeEncodingOf(bytes);
  if (unicode?.bom && unicode.encoding.startsWith('utf-16')) return { text: new TextDecoder(unicode.encoding).decode(bytes.subarray(2)), encoding: unicode.encoding };
  if (unicode) throw unsupported(file, `${unicode.encoding.toUpperCase()}${unicode.bom ? '' : '（没有 BOM）'}`);
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const gb18030 = tryDecode('gb18030', bytes);
  if (gb18030 !== undefined && (gb2312Share(bytes) >= 0.8 || tryDecode('big5', bytes) === undefined)) return { text: gb18030, encoding: 'gb18030' };
  throw unsupported(file, gb18030 === undefined ? '' : 'Big5（繁体中文）');
}

function unsupported(file: string, encoding: string): DataError {
  const what = encoding ? `文件的编码是 ${encoding}，不支持` : '文件的编码无法识别';
  return new DataError(`${what}：能读取的编码为 ${SUPPORTED_ENCODINGS}。请用 Excel 或 WPS 打开后另存为 .xlsx（或“CSV UTF-8”）`, { file });
}

function tryDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The share of two-byte characters that are GB2312's (the 6,763 common simplified characters and
 * its punctuation): ≈1 for any real GBK text, ≈0.4 for Big5 bytes, which GB18030 also decodes.
 */
function gb2312Share(bytes: Uint8Array): number {
  let double = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x81 || lead === 0xff) continue;
    const trail = bytes[i + 1] ?? 0;
    if (trail >= 0x30 && trail <= 0x39) {
      i += 3; // a four-byte GB18030 sequence
      continue;
    }
    double++;
    if (lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) common++;
    i++;
  }
  return double < 4 ? 1 : common / double;
}

export interface CsvRecord {
  /** 1-based line where the record starts. */
  readonly line: number;
  readonly fields: string[];
}

/** Fields per record; a quoted field may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string, file: string): string[][] {
  return parseCsvRecords(text, file).map((record) => record.fields);
}

/** Records with the line each starts on. An unclosed quote (a cut-off file) is an error. */
export function parseCsvRecords(text: string, file: string): CsvRecord[] {
  const delimiter = guessDelimiter(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted: { line: number; cell: string } | undefined;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > MAX_COLUMNS || records.length >= MAX_ROWS) {
      throw new DataError(`CSV 文件超过 ${MAX_ROWS} 行或 ${MAX_COLUMNS} 列，不像一份报表：请检查文件`, { file });
    }
    records.push({ line: start, fields });
    fields = [];
    field = '';
    start = line;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = undefined;
    } else if (ch === '"' && field.trim() === '') {
      quoted = { line, cell: toA1(records.length, fields.length) };
      field = '';
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r') line++;
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else {
      field += ch;
    }
  }
  if (quoted) throw new DataError(`CSV 文件中有未闭合的引号（第 ${quoted.line} 行开始），文件可能不完整：请重新导出`, { file, cell: quoted.cell });
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

function guessDelimiter(text: string): string {
  const head = text.slice(0, 4096);
  const count = (ch: string) => head.split(ch).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}
