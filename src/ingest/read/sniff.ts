// What a file really is, from its first bytes: bureaus rename .xls to .xlsx, save HTML as ".xls"
// and send CSV under any name.
export type FileFormat = 'xlsx' | 'ole2' | 'encrypted' | 'html' | 'xml2003' | 'text' | 'unknown';

const ZIP = [0x50, 0x4b];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// An encrypted .xlsx is an OLE2 container holding a stream of this name (UTF-16LE in its directory).
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

export function sniffFormat(bytes: Uint8Array): FileFormat {
  const startsWith = (magic: readonly number[]) => magic.every((byte, i) => bytes[i] === byte);
  if (startsWith(ZIP)) return 'xlsx';
  if (startsWith(OLE2)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_PACKAGE) ? 'encrypted' : 'ole2';
  if (unicodeEncodingOf(bytes)) return 'text'; // UTF-16 is read, UTF-32 refused by name (csv.ts)
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (head.startsWith('<?xml')) return /urn:schemas-microsoft-com:office:spreadsheet|<workbook/.test(head) ? 'xml2003' : 'unknown';
  if (head.startsWith('<') && /<html|<table|<!doctype html/.test(head)) return 'html';
  return isText(bytes.subarray(0, 8192)) ? 'text' : 'unknown';
}

/** No NUL and few control bytes: CSV in UTF-8 or GB18030 qualifies, binary junk does not. */
function isText(sample: Uint8Array): boolean {
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  return control <= sample.length / 100;
}

export interface UnicodeEncoding {
  readonly encoding: 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';
  readonly bom: boolean;
}

/**
 * UTF-16 or UTF-32 text, by its byte-order mark or, without one, by where the zero bytes fall: a CSV
 * is full of commas, digits and line breaks, whose upper bytes are zero.
 */
export function unicodeEncodingOf(bytes: Uint8Array): UnicodeEncoding | undefined {
  const startsWith = (magic: readonly number[]) => magic.every((byte, i) => bytes[i] === byte);
  if (startsWith([0xff, 0xfe, 0, 0])) return { encoding: 'utf-32le', bom: true };
  if (startsWith([0, 0, 0xfe, 0xff])) return { encoding: 'utf-32be', bom: true };
  if (startsWith([0xff, 0xfe])) return { encoding: 'utf-16le', bom: true };
  if (startsWith([0xfe, 0xff])) return { encoding: 'utf-16be', bom: true };
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 4));
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) zeros[i % 4]!++;
  const share = zeros.map((n) => n / Math.max(1, sample.length / 4));
  const [a, b, c, d] = share as [number, number, number, number];
  if (sample.length < 8) return undefined;
  if (c > 0.9 && d > 0.9 && a < 0.5) return { encoding: 'utf-32le', bom: false };
  if (a > 0.9 && b > 0.9 && d < 0.5) return { encoding: 'utf-32be', bom: false };
  if (b + d > 0.4 && a + c < 0.04) return { encoding: 'utf-16le', bom: false };
  if (a + c > 0.4 && b + d < 0.04) return { encoding: 'utf-16be', bom: false };
  return undefined;
}
