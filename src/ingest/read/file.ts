// A data file → its sheets (workbook.ts). Knows about file formats, nothing about returns. The
// format is taken from the first bytes, never the extension; each reader is loaded only when a
// file of its kind is present (SheetJS for legacy formats is a large module).
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import * as errors from '../../errors.js';
import { DataError } from '../../errors.js';
import { BUNDLED } from '../../system/cache.js';
import { loadBundled } from '../../system/compiled.js';
import { sniffFormat } from './sniff.js';
import type { Workbook } from './workbook.js';

/** Returns are a few KB; anything this big is not one (and would cost seconds and memory). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export async function readWorkbook(path: string, file: string): Promise<Workbook> {
  return parseWorkbook(readBytes(path, file), file);
}

/** A data file's bytes (a regular file within the size limit), or a DataError naming it. */
export function readFileBytes(path: string, file: string): Uint8Array {
  return readBytes(path, file);
}

// Each reader module is loaded once, on first use (a dynamic import per file costs more than
// reading a small return).
type XlsxReader = Pick<typeof import('./xlsx.js'), 'readXlsx'>;
const readers: { xlsx?: Promise<XlsxReader>; xls?: Promise<typeof import('./xls.js')>; csv?: Promise<typeof import('./csv.js')> } = {};

/**
 * The .xlsx reader. Bundled, it is a script of its own (dist/xlsx-reader.cjs, sharing this
 * bundle's error classes) run with the code V8 compiled for it before (system/compiled.ts): a
 * rebuild after one return changed reads that one file, and compiling the reader cost as much as
 * reading it. From the sources, the module itself.
 */
async function loadXlsxReader(): Promise<XlsxReader> {
  if (!BUNDLED) return import('./xlsx.js');
  const compiled = loadBundled<XlsxReader>('xlsx-reader.cjs', { 'tongbao:errors': errors });
  return {
    async readXlsx(bytes, file) {
      try {
        return await compiled.exports.readXlsx(bytes, file);
      } finally {
        compiled.keep();
      }
    },
  };
}

/** Parses bytes already in memory (used by the reader and by tests). */
export async function parseWorkbook(bytes: Uint8Array, file: string): Promise<Workbook> {
  if (bytes.length === 0) throw new DataError('文件是空的（0 字节），请让报送单位重新报送', { file });
  const format = sniffFormat(bytes);
  switch (format) {
    case 'xlsx':
      return (await (readers.xlsx ??= loadXlsxReader())).readXlsx(bytes, file);
    case 'ole2':
    case 'html':
    case 'xml2003':
      return (await (readers.xls ??= import('./xls.js'))).readXls(bytes, file, format);
    case 'text':
      return (await (readers.csv ??= import('./csv.js'))).readCsv(bytes, file);
    case 'encrypted':
      throw new DataError('文件设置了打开密码，无法读取：请让报送单位取消密码（Excel：文件 › 信息 › 保护工作簿 › 用密码进行加密，清空密码）后重新报送', { file });
    default:
      throw new DataError('不是 Excel 或 CSV 文件（文件开头既不是 .xlsx、.xls 也不是文本），请检查文件内容或让报送单位重新导出', { file });
  }
}

function readBytes(path: string, file: string): Uint8Array {
  let fd: number | undefined;
  try {
    // Non-blocking, so that a FIFO named like a return cannot hang the build: it is refused below.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new DataError('这不是普通文件（是命名管道、套接字、设备或文件夹），无法读取：请放入报表文件本身', { file });
    const size = stats.size;
    if (size > MAX_FILE_BYTES) {
      throw new DataError(`文件有 ${Math.round(size / 1024 / 1024)} MB，超过 ${MAX_FILE_BYTES / 1024 / 1024} MB 的上限，不像一份报表：请检查是否放错文件`, { file });
    }
    const bytes = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } catch (error) {
    if (error instanceof DataError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new DataError('找不到这个文件：请检查路径和文件名', { file }, { cause: error });
    if (code === 'EISDIR') throw new DataError('这是一个文件夹，不是表格文件', { file }, { cause: error });
    throw new DataError('无法读取文件', { file }, { cause: error });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
