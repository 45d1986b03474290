// The attendees list (姓名, 单位) for numbered copies: a CSV saved by Excel or WPS, decoded and
// parsed by the returns' CSV reader (same encodings, same refusal of a cut-off file).
import { readFileSync } from 'node:fs';
import { UserError } from '../../errors.js';
import { decodeText, parseCsvRecords } from '../../ingest/read/csv.js';
import { quoted } from '../../text.js';

/** The attendees CSV is missing or malformed. */
export class AttendeesError extends UserError {}

export interface Attendee {
  /** 1-based copy number, in the order of the list. */
  readonly copy: number;
  readonly name: string;
  readonly unit: string;
}

export function readAttendees(file: string): Attendee[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new AttendeesError('找不到参会人员名单：请检查 --attendees 后的文件路径', { file });
  }
  return parseAttendees(decodeText(bytes, file).text, file);
}

export function parseAttendees(text: string, file: string): Attendee[] {
  const rows = parseCsvRecords(text, file).map(({ line, fields }) => ({ line, cells: fields.map((field) => field.trim()) }));
  const headerIndex = rows.findIndex((row) => row.cells.some((cell) => cell !== ''));
  if (headerIndex < 0) throw new AttendeesError('参会人员名单是空的：第一行写表头“姓名,单位”，以下每行一人', { file });
  const header = rows[headerIndex]!;
  const nameCol = header.cells.findIndex((cell) => /^(姓名|名字|参会人员?)$/.test(cell));
  const unitCol = header.cells.findIndex((cell) => /^(单位|工作单位|部门)$/.test(cell));
  if (nameCol < 0) {
    throw new AttendeesError(`参会人员名单的表头没有“姓名”列（读到：${quoted(header.cells.join('，'))}）：第一行应为“姓名,单位”`, { file, cell: `第${header.line}行` });
  }
  const attendees: Attendee[] = [];
  for (const row of rows.slice(headerIndex + 1)) {
    if (row.cells.every((cell) => cell === '')) continue;
    const name = row.cells[nameCol] ?? '';
    if (name === '') throw new AttendeesError('姓名为空：请填写姓名或删除该行', { file, cell: `第${row.line}行` });
    attendees.push({ copy: attendees.length + 1, name, unit: unitCol >= 0 ? (row.cells[unitCol] ?? '') : '' });
  }
  if (attendees.length === 0) throw new AttendeesError('参会人员名单只有表头，没有人员：请在表头下每行写一人', { file });
  return attendees;
}
