// One worksheet part → a Sheet: cells with their values as stored (a formula's cached result),
// number formats and indents from their style, merged ranges (slaves get `spanned`), hidden rows.
// Runs once per cell of every return, so it keeps per-cell work to a few field writes.
import { DataError } from '../../../errors.js';
import { type Cell, type CellValue, type MergeRange, type Sheet, MAX_MERGED_CELLS, MAX_MERGES, MAX_SHEET_CELLS, checkMerges, parseRange, sheetTooLarge } from '../workbook.js';
import { type Budget, XLSX_LIMITS } from './budget.js';
import type { SharedString } from './strings.js';
import { decodeEscapes } from './strings.js';
import { type CellStyle, PLAIN_STYLE } from './styles.js';
import { type Attributes, type XmlHandlers, parseXml } from './xml.js';

export interface SheetContext {
  readonly file: string;
  readonly strings: readonly SharedString[];
  readonly styles: readonly CellStyle[];
  readonly date1904: boolean;
  readonly budget: Budget;
}

const NO_RESULT = '公式没有保存计算结果：请在 Excel 中打开该文件、重新计算并保存后再报送';
const BAD_NUMBER = '单元格中保存的数值无法识别（文件内容异常）：请在 Excel 中打开该文件、检查该单元格并重新保存后再报送';
const BAD_BOOLEAN = '单元格中保存的逻辑值无法识别（文件内容异常）：请在 Excel 中打开该文件、检查该单元格并重新保存后再报送';
const BAD_DATE = '日期无效';
const MAX_COLUMN = 16_383; // XFD
const EXCEL_EPOCH_DAYS = 25_569; // serial of 1970-01-01
const DAY_MS = 86_400_000;

const NONE = 0;
const IN_V = 1;
const IN_F = 2;
const IN_T = 3;

/** What one <c> element held, filled while its children are parsed. */
interface CellScratch {
  row: number;
  col: number;
  address: string;
  type: string | undefined;
  style: CellStyle;
  formula: boolean;
  v: string | undefined;
  inline: string | undefined;
  rich: boolean;
}

export function readSheet(data: Uint8Array, part: string, name: string, context: SheetContext): Sheet {
  const reader = new SheetReader(name, context);
  parseXml(data, part, reader, context.budget, { sheet: name });
  return reader.finish();
}

/** The SAX handlers of one worksheet, and what they have gathered so far. */
class SheetReader implements XmlHandlers {
  private readonly rows: Cell[][] = [];
  private readonly hidden: number[] = [];
  private readonly merges: MergeRange[] = [];
  private mergedArea = 0;
  private row = -1;
  private rowElements = 0;
  private collecting = NONE;
  private inInline = false;
  private phonetic = 0;
  private readonly c: CellScratch = { row: 0, col: -1, address: '', type: undefined, style: PLAIN_STYLE, formula: false, v: undefined, inline: undefined, rich: false };
  private readonly name: string;
  private readonly context: SheetContext;

  constructor(name: string, context: SheetContext) {
    this.name = name;
    this.context = context;
  }

  open(tag: string, a: Attributes): void {
    const c = this.c;
    switch (tag) {
      case 'c': return this.openCell(a);
      case 'v': c.v = ''; this.collecting = IN_V; return;
      case 'f': if (a.t !== undefined) c.formula = true; this.collecting = IN_F; return;
      case 'is': this.inInline = true; c.inline = ''; return;
      case 'r': if (this.inInline && this.phonetic === 0) c.rich = true; return;
      case 't': if (this.inInline && this.phonetic === 0) this.collecting = IN_T; return;
      case 'rPh': this.phonetic++; return;
      case 'row': return this.openRow(a);
      case 'mergeCell': return this.addMerge(a.ref);
    }
  }

  close(tag: string): void {
    switch (tag) {
      case 'c': return this.closeCell();
      case 'v': case 'f': case 't': this.collecting = NONE; return;
      case 'is': this.inInline = false; return;
      case 'rPh': this.phonetic--; return;
    }
  }

  text(text: string): void {
    const c = this.c;
    if (this.collecting === IN_V) {
      c.v += text;
      if (c.v!.length > XLSX_LIMITS.textLength) this.context.budget.text(c.v!.length, this.name, c.address);
    } else if (this.collecting === IN_T) {
      c.inline += text;
      if (c.inline!.length > XLSX_LIMITS.textLength) this.context.budget.text(c.inline!.length, this.name, c.address);
    } else if (this.collecting === IN_F && text.length > 0) c.formula = true;
  }

  finish(): Sheet {
    const { rows, name } = this;
    this.expandMerges();
    const hidden = this.hidden.filter((r) => rows[r] !== undefined); // rows with a value or a merged cell, as before
    fillGaps(rows, this.context.file, name);
    return hidden.length > 0 ? { name, rows, hiddenRows: new Set(hidden) } : { name, rows };
  }

  private openRow(a: Attributes): void {
    const r = a.r === undefined ? this.row + 2 : positiveInteger(a.r);
    if (r < 1 || r > 1_048_576) throw this.corrupt(`行号「${a.r}」无效`);
    this.row = r - 1;
    this.context.budget.rowElement(this.name, ++this.rowElements, this.row);
    if (a.hidden === '1' || a.hidden === 'true') this.hidden.push(this.row);
    this.c.col = -1;
  }

  private openCell(a: Attributes): void {
    const { c, row, context } = this;
    context.budget.cell(this.name);
    if (row < 0) throw this.corrupt('单元格不在任何行中');
    const positioned = a.r !== undefined && a.r !== '';
    const col = positioned ? columnOf(a.r!, row) : c.col + 1;
    if (col < 0 || col > MAX_COLUMN) throw this.corrupt(`单元格位置「${a.r}」无效`);
    c.row = row;
    c.col = col;
    c.address = positioned ? a.r! : toAddress(row, col);
    c.type = a.t;
    c.style = (a.s === undefined ? context.styles[0] : context.styles[+a.s]) ?? PLAIN_STYLE;
    c.formula = false;
    c.v = undefined;
    c.inline = undefined;
    c.rich = false;
  }

  private closeCell(): void {
    const { c } = this;
    const cell = cellOf(c, this.context, this.corrupt);
    if (cell === undefined) return;
    this.context.budget.contentRow(this.name, c.row);
    const cells = (this.rows[c.row] ??= []);
    if (cells[c.col] !== undefined) throw this.corrupt(`单元格 ${c.address} 出现了两次`, c.address);
    cells[c.col] = cell;
  }

  private addMerge(ref: string | undefined): void {
    const range = ref === undefined ? undefined : parseRange(ref);
    if (!range) throw this.corrupt(`合并单元格范围「${ref ?? ''}」无效`);
    this.merges.push(range);
    this.mergedArea += (range.bottom - range.top + 1) * (range.right - range.left + 1);
    if (this.merges.length > MAX_MERGES || this.mergedArea > MAX_MERGED_CELLS) checkMerges(this.context.file, this.name, this.merges);
  }

  /** Slaves of each merge get the master's value as `spanned`; overlapping merges are refused. */
  private expandMerges(): void {
    const { rows } = this;
    const covered = new Set<number>();
    for (const merge of this.merges) {
      this.context.budget.contentRow(this.name, merge.bottom);
      const spanned = rows[merge.top]?.[merge.left]?.value ?? null;
      for (let r = merge.top; r <= merge.bottom; r++) {
        for (let col = merge.left; col <= merge.right; col++) {
          const key = r * (MAX_COLUMN + 1) + col;
          if (covered.has(key)) throw this.corrupt(`合并单元格 ${toAddress(r, col)} 属于两个合并区域`, toAddress(r, col));
          covered.add(key);
          if (r === merge.top && col === merge.left) continue;
          (rows[r] ??= [])[col] = { address: toAddress(r, col), value: null, spanned, indent: 0 };
        }
      }
    }
  }

  private readonly corrupt = (why: string, cell?: string): DataError => {
    const where = { file: this.context.file, sheet: this.name };
    return new DataError(`文件已损坏或不是有效的 Excel 工作簿（${why}），请让报送单位重新导出`, cell === undefined ? where : { ...where, cell });
  };
}

/** The cell `c` describes, or undefined when it holds nothing (an empty cell that only has a style). */
function cellOf(c: CellScratch, context: SheetContext, corrupt: (why: string, cell?: string) => DataError): Cell | undefined {
  const { style } = c;
  let value: CellValue = null;
  let error: string | undefined;
  let problem: string | undefined;
  const v = c.v;
  if (c.formula) {
    if (v === undefined || (v === '' && c.type !== 'str')) problem = NO_RESULT;
    else if (c.type === 'str') value = decodeEscapes(v);
    else if (c.type === 'e') error = v;
    else if (c.type === 'b') [value, problem] = booleanOf(v);
    else [value, problem] = numberOf(v, style, context.date1904);
  } else if (c.type === 'inlineStr') {
    const text = c.inline ?? v;
    if (text === undefined || (text === '' && !c.rich)) return undefined;
    value = decodeEscapes(text);
  } else if (v === undefined || v === '') {
    return undefined;
  } else if (c.type === 's') {
    const index = positiveInteger(v);
    if (index < 0 || index >= context.strings.length) throw corrupt(`单元格引用了不存在的共享字符串「${v.slice(0, 20)}」`, c.address);
    value = context.strings[index]!;
  } else if (c.type === 'str') value = decodeEscapes(v);
  else if (c.type === 'e') error = v;
  else if (c.type === 'b') [value, problem] = booleanOf(v);
  else if (c.type === 'd') [value, problem] = isoDateOf(v);
  else [value, problem] = numberOf(v, style, context.date1904);
  const cell: { address: string; value: CellValue; indent: number; error?: string; problem?: string; numFmt?: string } = { address: c.address, value, indent: style.indent };
  if (error !== undefined) cell.error = error;
  if (problem !== undefined) cell.problem = problem;
  if (style.numFmt !== undefined) cell.numFmt = style.numFmt;
  return cell;
}

function numberOf(text: string, style: CellStyle, date1904: boolean): [CellValue, string | undefined] {
  const n = parseFloat(text);
  if (n !== Number(text)) return [null, BAD_NUMBER]; // "12abc", "0x1A", "NaN", ""
  if (!style.isDate) return [n, undefined];
  const date = new Date(Math.round((n - EXCEL_EPOCH_DAYS + (date1904 ? 1462 : 0)) * DAY_MS));
  return Number.isNaN(date.getTime()) ? [null, BAD_DATE] : [date, undefined];
}

function booleanOf(text: string): [CellValue, string | undefined] {
  if (text === '1' || text === 'true') return [true, undefined];
  if (text === '0' || text === 'false') return [false, undefined];
  return [null, BAD_BOOLEAN];
}

/** t="d": an ISO 8601 date or date-time, read as wall-clock time like a serial date. */
function isoDateOf(text: string): [CellValue, string | undefined] {
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d(?:\.\d+)?))?)?Z?$/.exec(text.trim());
  if (!m) return [null, BAD_DATE];
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0)) + Math.round(+(m[6] ?? 0) * 1000);
  return Number.isNaN(ms) ? [null, BAD_DATE] : [new Date(ms), undefined];
}

/** Every row up to the last one used exists, and holds a cell for every column up to its last. */
function fillGaps(rows: Cell[][], file: string, name: string): void {
  let size = 0;
  for (let r = 0; r < rows.length; r++) size += rows[r]?.length ?? 0;
  if (size > MAX_SHEET_CELLS) throw sheetTooLarge(file, name, rows.length, size);
  for (let r = 0; r < rows.length; r++) {
    const cells = (rows[r] ??= []);
    for (let col = 0; col < cells.length; col++) cells[col] ??= { address: toAddress(r, col), value: null, indent: 0 };
  }
}

/** 0-based column of an A1 reference in 0-based row `row`; -1 when it is no reference or names another row. */
function columnOf(ref: string, row: number): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + ch - 64;
  }
  if (i === 0 || i > 3) return -1;
  const number = positiveInteger(ref.slice(i));
  return number === row + 1 ? col - 1 : -1;
}

/** A decimal integer without sign or leading zero, or -1. */
function positiveInteger(text: string): number {
  if (text.length === 0 || text.length > 9 || (text.charCodeAt(0) === 48 && text.length > 1)) return -1;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const LETTERS: string[] = [];

function toAddress(row: number, col: number): string {
  let letters = LETTERS[col];
  if (letters === undefined) {
    letters = '';
    for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    LETTERS[col] = letters;
  }
  return letters + (row + 1);
}
