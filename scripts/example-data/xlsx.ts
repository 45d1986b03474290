// Small helpers for writing return-style sheets with exceljs, and for saving them byte-for-byte
// reproducibly (fixed document dates, fixed zip entry times).
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { workbookBytes } from '../../src/init/forms/book.js';

// ── numbers ──────────────────────────────────────────────────────────────────────────────────

/** 四舍五入 (half away from zero) without the binary-float surprises of toFixed. */
export function roundHalfUp(x: number, dp: number): number {
  const f = 10 ** dp;
  const scaled = Number((Math.abs(x) * f).toPrecision(12));
  const r = (Math.sign(x) * Math.round(scaled)) / f;
  return r === 0 ? 0 : r;
}

/** 同比 in %, one decimal, from two stored (already rounded) values; null when not comparable. */
export function growthOf(value: number | null | undefined, prev: number | null | undefined): number | null {
  if (value == null || prev == null || prev <= 0) return null;
  return roundHalfUp(((value - prev) / prev) * 100, 1);
}

/** Seeded PRNG (FNV-1a hash of the seed string → mulberry32), uniform in [0, 1). */
export function prng(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let a = h;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A value in [lo, hi) drawn once from a PRNG seeded by `seed`. */
export function pick(seed: string, lo: number, hi: number): number {
  return lo + prng(seed)() * (hi - lo);
}

/** A calendar date at UTC midnight (exceljs converts dates to serials in UTC). */
export function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

export function chineseDate(d: Date): string {
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

// ── cells ────────────────────────────────────────────────────────────────────────────────────

export const DASH = '—';

/** A number stored rounded to `dp` decimals and shown with that many decimals. */
export interface Num {
  readonly n: number;
  readonly dp: number;
  readonly fmt?: string;
}
export interface DateCell {
  readonly date: Date;
  readonly fmt: string;
}
/** null = blank marker "—". */
export type Cell = string | null | Num | DateCell;

export const num = (x: number | null | undefined, dp: number, fmt?: string): Cell =>
  x == null ? null : fmt === undefined ? { n: roundHalfUp(x, dp), dp } : { n: roundHalfUp(x, dp), dp, fmt };
export const amt = (x: number | null | undefined): Cell => num(x, 2);
export const int = (x: number | null | undefined): Cell => num(x, 0);
export const pct = (x: number | null | undefined): Cell => num(x, 1);
export const dateCell = (d: Date | null | undefined, fmt = 'yyyy-mm-dd'): Cell => (d == null ? null : { date: d, fmt });

function isNum(c: Cell): c is Num {
  return typeof c === 'object' && c !== null && 'n' in c;
}

function numFmtFor(dp: number): string {
  return dp === 0 ? '0' : `0.${'0'.repeat(dp)}`;
}

// ── sheets ───────────────────────────────────────────────────────────────────────────────────

export type HeaderCell = string | { readonly text: string; readonly rows?: number; readonly cols?: number };

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const FONT = { name: '宋体', size: 11 };

/** Writes a return top to bottom: title, meta line, header, data rows, footer. */
export class SheetWriter {
  private row = 0;

  constructor(
    readonly ws: ExcelJS.Worksheet,
    readonly width: number,
  ) {}

  static add(wb: ExcelJS.Workbook, name: string, widths: readonly number[]): SheetWriter {
    const ws = wb.addWorksheet(name);
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    return new SheetWriter(ws, widths.length);
  }

  /** Row 1: title merged across the table width. */
  title(text: string): this {
    const r = ++this.row;
    this.ws.mergeCells(r, 1, r, this.width);
    const c = this.ws.getCell(r, 1);
    c.value = text;
    c.font = { name: '方正小标宋简体', size: 16, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle' };
    this.ws.getRow(r).height = 30;
    return this;
  }

  /** Row 2: "填报单位：…" on the left, "单位：…" toward the right (column `rightCol`, default last). */
  meta(left: string, right: string, rightCol = this.width): this {
    const r = ++this.row;
    if (rightCol > 2) this.ws.mergeCells(r, 1, r, Math.min(3, rightCol - 1));
    this.ws.getCell(r, 1).value = left;
    this.ws.getCell(r, 1).font = FONT;
    const c = this.ws.getCell(r, rightCol);
    c.value = right;
    c.font = FONT;
    c.alignment = { horizontal: 'right' };
    return this;
  }

  /** Header rows; a cell may span rows and columns (merged), placed left to right around merges. */
  header(rows: readonly (readonly HeaderCell[])[]): this {
    const top = this.row + 1;
    const taken = new Set<string>();
    rows.forEach((cells, i) => {
      const r = top + i;
      let c = 1;
      for (const cell of cells) {
        while (taken.has(`${r},${c}`)) c++;
        const spec = typeof cell === 'string' ? { text: cell } : cell;
        const rs = spec.rows ?? 1;
        const cs = spec.cols ?? 1;
        for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) taken.add(`${r + dr},${c + dc}`);
        if (rs > 1 || cs > 1) this.ws.mergeCells(r, c, r + rs - 1, c + cs - 1);
        this.ws.getCell(r, c).value = spec.text;
        c += cs;
      }
    });
    const bottom = top + rows.length - 1;
    for (let r = top; r <= bottom; r++) {
      this.ws.getRow(r).height = 24;
      for (let c = 1; c <= this.width; c++) {
        const cell = this.ws.getCell(r, c);
        cell.font = { ...FONT, bold: true };
        cell.border = THIN;
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      }
    }
    this.row = bottom;
    return this;
  }

  /** One data row; the first text cell is left-aligned, numbers right-aligned, "—" centred. */
  data(cells: readonly Cell[], options: { indent?: number; bold?: boolean } = {}): this {
    const r = ++this.row;
    cells.forEach((value, i) => {
      const cell = this.ws.getCell(r, i + 1);
      cell.border = THIN;
      cell.font = { ...FONT, bold: options.bold ?? false };
      if (value === null) {
        cell.value = DASH;
        cell.alignment = { horizontal: 'center', vertical: 'middle' };
      } else if (typeof value === 'string') {
        if (value !== '') cell.value = value;
        const labelLike = i <= 1 && !/^\d+$/.test(value);
        cell.alignment = labelLike
          ? { horizontal: 'left', vertical: 'middle', indent: options.indent ?? 0, wrapText: true }
          : { horizontal: 'center', vertical: 'middle', wrapText: true };
      } else if (isNum(value)) {
        cell.value = value.n;
        cell.numFmt = value.fmt ?? numFmtFor(value.dp);
        cell.alignment = { horizontal: 'right', vertical: 'middle' };
      } else {
        cell.value = value.date;
        cell.numFmt = value.fmt;
        cell.alignment = { horizontal: 'center', vertical: 'middle' };
      }
    });
    for (let c = cells.length + 1; c <= this.width; c++) this.ws.getCell(r, c).border = THIN;
    return this;
  }

  /** A footer line merged across the width ("注：…"), no border. */
  note(text: string): this {
    const r = ++this.row;
    this.ws.mergeCells(r, 1, r, this.width);
    const c = this.ws.getCell(r, 1);
    c.value = text;
    c.font = { ...FONT, size: 10 };
    c.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    return this;
  }

  /** "填报人：…  审核人：…  报出日期：…" as one text line, or with the date as a real date cell. */
  signature(filler: string, checker: string, date: Date, dateAsCell: boolean): this {
    const people = `填报人：${filler}    审核人：${checker}`;
    if (!dateAsCell) return this.note(`${people}    报出日期：${chineseDate(date)}`);
    const r = ++this.row;
    this.ws.mergeCells(r, 1, r, Math.max(1, this.width - 2));
    this.ws.getCell(r, 1).value = people;
    this.ws.getCell(r, 1).font = { ...FONT, size: 10 };
    const label = this.ws.getCell(r, this.width - 1);
    label.value = '报出日期：';
    label.font = { ...FONT, size: 10 };
    label.alignment = { horizontal: 'right' };
    const d = this.ws.getCell(r, this.width);
    d.value = date;
    d.numFmt = 'yyyy"年"m"月"d"日"';
    d.font = { ...FONT, size: 10 };
    return this;
  }

  /** An empty row (e.g. between the table and its footer). */
  skip(): this {
    this.row++;
    return this;
  }
}

// ── workbooks ────────────────────────────────────────────────────────────────────────────────

export function newWorkbook(creator: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.lastModifiedBy = creator;
  return wb;
}

/** A second sheet named "Sheet2": empty, or hidden with some scratch rows. */
export function addSecondSheet(wb: ExcelJS.Workbook, scratch?: readonly (readonly (string | number)[])[]): void {
  const ws = wb.addWorksheet('Sheet2');
  if (scratch === undefined) return;
  scratch.forEach((row) => ws.addRow([...row]));
  ws.state = 'hidden';
}

/** Saves a workbook so that the same content always gives the same bytes (see workbookBytes). */
export async function saveWorkbook(wb: ExcelJS.Workbook, path: string, stamp: Date): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, await workbookBytes(wb, stamp));
}
