// Old binary .xls (BIFF8), WPS .et, and HTML or SpreadsheetML 2003 saved as ".xls", through
// SheetJS (@e965/xlsx 0.20.3, which carries the fixes the npm `xlsx` 0.18.5 lacks), run in a
// worker thread with a time limit: a damaged file can make that parser loop for ever.
import { Worker } from 'node:worker_threads';
import { DataError } from '../../errors.js';
import { decodeText } from './csv.js';
import type { FileFormat } from './sniff.js';
import { type Cell, type MergeRange, type Sheet, type Workbook, buildSheet, toA1 } from './workbook.js';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const CONVERT = '请用 Excel 或 WPS 打开后“另存为” Excel 工作簿（.xlsx）再报送';
let timeLimitMs = 10_000;
let workerUrl = new URL('./xlsWorker.mjs', import.meta.url);

interface PlainCell {
  readonly r: number;
  readonly c: number;
  readonly t?: string;
  readonly v?: unknown;
  readonly z?: string;
  readonly f?: string;
  readonly w?: string;
  readonly date: boolean;
}

interface PlainSheet {
  readonly name: string;
  readonly hidden: boolean;
  readonly missing: boolean;
  readonly cells: readonly PlainCell[];
  readonly merges: readonly MergeRange[];
  readonly hiddenRows: readonly number[];
}

/** For tests: how long one file may take before it is refused as damaged. */
export function setLegacyTimeLimit(ms: number): void {
  timeLimitMs = ms;
}

/** For tests: the worker script to start (a missing one must fail as a bug, not as a damaged file). */
export function setLegacyWorkerUrl(url: URL): void {
  workerUrl = url;
  void worker?.terminate();
  worker = undefined;
}

export async function readXls(bytes: Uint8Array, file: string, format: FileFormat): Promise<Workbook> {
  const text = format === 'ole2' ? undefined : decodeText(bytes, file).text;
  const sheets = await parseInWorker(text === undefined ? { bytes } : { text }, file, format);
  return { file, sheets: sheets.filter((s) => !s.hidden).map((s) => toSheet(s, file)) };
}

function describeFormat(format: FileFormat): string {
  return format === 'ole2' ? '旧版 .xls/.et 文件' : '网页格式（HTML/XML）的“.xls”文件';
}

let worker: Worker | undefined;
let sequence = 0;

function startWorker(): Worker {
  const started = new Worker(workerUrl);
  started.unref(); // an idle reader must not keep the command running
  return started;
}

function parseInWorker(payload: { bytes?: Uint8Array; text?: string }, file: string, format: FileFormat): Promise<PlainSheet[]> {
  const current = (worker ??= startWorker());
  const id = ++sequence;
  return new Promise((resolve, reject) => {
    const finish = () => {
      clearTimeout(timer);
      current.off('message', onMessage);
      current.off('error', onError);
      current.off('exit', onExit);
    };
    const timer = setTimeout(() => {
      finish();
      void current.terminate();
      worker = undefined;
      reject(new DataError(`读取这个${describeFormat(format)}超过 ${Math.round(timeLimitMs / 1000)} 秒仍未完成，文件可能已损坏：${CONVERT}`, { file }));
    }, timeLimitMs);
    const onMessage = (message: { id: number; sheets?: PlainSheet[]; error?: string }) => {
      if (message.id !== id) return;
      finish();
      if (message.sheets) resolve(message.sheets);
      else if (/password|encrypt/i.test(message.error ?? '')) reject(new DataError('文件设置了打开密码，无法读取：请让报送单位取消密码后重新报送', { file }));
      else reject(new DataError(`无法读取这个${describeFormat(format)}（文件可能已损坏）：${CONVERT}`, { file }, { cause: message.error }));
    };
    // The worker reports a file it cannot parse as a message; an 'error' event means the worker
    // itself failed (not found, not loadable, crashed): a bug of the installation, not of the file.
    const onError = (error: Error & { code?: string }) => {
      finish();
      worker = undefined;
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') reject(new DataError(`读取这个${describeFormat(format)}时内存不足（文件可能已损坏）：${CONVERT}`, { file }, { cause: error }));
      else reject(new Error(`旧版表格读取线程（xlsWorker.mjs）无法运行：${error.message}`, { cause: error }));
    };
    const onExit = (code: number) => {
      finish();
      worker = undefined;
      reject(new Error(`旧版表格读取线程（xlsWorker.mjs）意外退出，退出码 ${code}`));
    };
    current.on('message', onMessage);
    current.on('error', onError);
    current.on('exit', onExit);
    current.postMessage({ id, ...payload });
  });
}

function toSheet(plain: PlainSheet, file: string): Sheet {
  if (plain.missing) throw new DataError(`工作表已损坏，无法读取：${CONVERT}`, { file, sheet: plain.name });
  const cells = plain.cells.flatMap((c) => {
    const cell = toCell(c);
    return cell ? [{ row: c.r, col: c.c, ...cell }] : [];
  });
  return buildSheet(file, plain.name, cells, plain.merges, new Set(plain.hiddenRows));
}

function toCell(c: PlainCell): Cell | undefined {
  if (!Number.isInteger(c.r) || !Number.isInteger(c.c) || c.r < 0 || c.c < 0) return undefined;
  const numFmt = c.z !== undefined && c.z !== 'General' ? c.z : undefined;
  const base = { address: toA1(c.r, c.c), indent: 0, ...(numFmt ? { numFmt } : {}) };
  if (c.f !== undefined && c.v === undefined) return { ...base, value: null, problem: '公式没有保存计算结果：请在 Excel 中打开该文件、重新计算并保存后再报送' };
  switch (c.t) {
    case 'n':
      if (typeof c.v !== 'number') return undefined;
      return { ...base, value: c.date ? serialToDate(c.v) : c.v };
    case 's':
      return { ...base, value: String(c.v ?? '') };
    case 'b':
      return { ...base, value: Boolean(c.v) };
    case 'e':
      return { ...base, value: null, error: c.w ?? '#ERROR' };
    case 'd':
      return { ...base, value: c.v instanceof Date && !Number.isNaN(c.v.getTime()) ? c.v : null };
    default:
      return undefined;
  }
}

/** Excel serial (days since 1899-12-30) → a Date at UTC midnight, as the .xlsx reader gives dates. */
export function serialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * 86_400_000));
}
