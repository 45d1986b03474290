// Unzips an .xlsx with hard limits before any spreadsheet library sees it: a zip bomb, a lying
// size field or a corrupt entry stops here with a DataError instead of eating memory or time.
import { Inflate } from 'fflate';
import { DataError } from '../../errors.js';

export const LIMITS = {
  /** Total uncompressed bytes of all entries. */
  uncompressed: 64 * 1024 * 1024,
  entries: 2000,
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const CHUNK = 16 * 1024;

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

/** Every entry's bytes, by name; refuses archives that are corrupt or inflate past the limits. */
export function unzipLimited(bytes: Uint8Array, file: string): Map<string, Uint8Array> {
  const corrupt = (why: string) => new DataError(`文件已损坏或不是有效的 Excel 工作簿（${why}），请让报送单位重新导出`, { file });
  const entries = centralDirectory(bytes, corrupt);
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > LIMITS.uncompressed) throw tooLarge(file, declared);
  const files = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of entries) {
    const data = entryData(bytes, entry, corrupt);
    const content = entry.method === 0 ? data : inflateCapped(data, entry.size, corrupt);
    if (content.length !== entry.size) throw corrupt(`${entry.name} 的长度与目录不符`);
    total += content.length;
    if (total > LIMITS.uncompressed) throw tooLarge(file, total);
    files.set(entry.name, content);
  }
  return files;
}

function tooLarge(file: string, bytes: number): DataError {
  const mb = Math.round(bytes / 1024 / 1024);
  return new DataError(`文件解压后超过 ${LIMITS.uncompressed / 1024 / 1024} MB（约 ${mb} MB），不像一份报表，已拒绝读取：请检查文件或让报送单位重新导出`, { file });
}

function centralDirectory(bytes: Uint8Array, corrupt: (why: string) => DataError): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('找不到 zip 目录，文件可能不完整');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count > LIMITS.entries) throw corrupt(`包含 ${count} 个部件，过多`);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw corrupt('zip 目录损坏');
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const entry = { name, method: view.getUint16(at + 10, true), compressedSize: view.getUint32(at + 20, true), size: view.getUint32(at + 24, true), localOffset: view.getUint32(at + 42, true) };
    if (entry.method !== 0 && entry.method !== 8) throw corrupt(`不支持的压缩方式 ${entry.method}`);
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw corrupt('ZIP64 格式');
    entries.push(entry);
    at += 46 + skip;
  }
  return entries;
}

function entryData(bytes: Uint8Array, entry: Entry, corrupt: (why: string) => DataError): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw corrupt(`${entry.name} 的文件头损坏`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt(`${entry.name} 不完整`);
  return bytes.subarray(start, end);
}

/** Inflates in chunks and stops as soon as the output exceeds what the directory declared. */
function inflateCapped(data: Uint8Array, size: number, corrupt: (why: string) => DataError): Uint8Array {
  const out = new Uint8Array(size);
  let length = 0;
  let overflow = false;
  const inflate = new Inflate((chunk) => {
    if (length + chunk.length > size) overflow = true;
    else out.set(chunk, length);
    length += chunk.length;
  });
  try {
    for (let i = 0; i < data.length && !overflow; i += CHUNK) inflate.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
  } catch {
    throw corrupt('压缩数据损坏');
  }
  if (overflow || length !== size) throw corrupt('解压后的长度与目录不符');
  return out;
}
