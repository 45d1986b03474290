// What every reader makes of a file: sheets of plain cells with A1 addresses, and the limits they
// share. Knows nothing about returns (file.ts turns a file's bytes into one).
import { DataError } from '../../errors.js';

export type CellValue = string | number | Date | boolean | null;

export interface Cell {
  readonly address: string;
  /** The value as stored (a formula's cached result); null for empty cells and merge slaves. */
  readonly value: CellValue;
  /** An Excel error value such as #DIV/0! (read as missing). */
  readonly error?: string;
  /** Why the cell cannot be read (a formula without its result …): an error when its number is needed. */
  readonly problem?: string;
  readonly numFmt?: string;
  /** Text that spans this cell through a merge (the master's value), for reading headers. */
  readonly spanned?: CellValue;
  /** The cell's indent level from its alignment (0 when none). */
  readonly indent: number;
}

export interface Sheet {
  readonly name: string;
  /** rows[r][c], 0-based; rows may be short or empty: read them through cellAt. */
  readonly rows: readonly (readonly Cell[])[];
  /** 0-based rows hidden in the sheet: never read as data. */
  readonly hiddenRows?: ReadonlySet<number>;
}

export interface Workbook {
  /** Path relative to the data folder, as shown to users. */
  readonly file: string;
  /** Visible sheets only, in workbook order. */
  readonly sheets: readonly Sheet[];
}

/** The cell at 0-based (row, col), or an empty one. */
export function cellAt(sheet: Sheet, row: number, col: number): Cell {
  return sheet.rows[row]?.[col] ?? { address: toA1(row, col), value: null, indent: 0 };
}

export function toA1(row: number, col: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/** 0-based (row, col) of an A1 address such as "AB12". */
export function fromA1(address: string): { row: number; col: number } | undefined {
  const match = /^([A-Z]{1,3})(\d{1,7})$/.exec(address);
  if (!match) return undefined;
  let col = 0;
  for (const ch of match[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/** A cell's text for matching words: its own value, or the value merged over it. */
export function cellText(cell: Cell): string {
  const value = cell.value ?? cell.spanned ?? null;
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** A sheet from sparse cells, with merged ranges marked (slaves get `spanned`, value null). */
export function buildSheet(file: string, name: string, cells: Iterable<Cell & { row: number; col: number }>, merges: readonly MergeRange[], hiddenRows?: ReadonlySet<number>): Sheet {
  checkMerges(file, name, merges);
  const rows: Cell[][] = [];
  for (const { row, col, ...cell } of cells) (rows[row] ??= [])[col] = cell;
  for (const merge of merges) {
    const master = rows[merge.top]?.[merge.left];
    for (let r = merge.top; r <= merge.bottom; r++) {
      for (let c = merge.left; c <= merge.right; c++) {
        if (r === merge.top && c === merge.left) continue;
        (rows[r] ??= [])[c] = { address: toA1(r, c), value: null, spanned: master?.value ?? null, indent: 0 };
      }
    }
  }
  const size = rows.reduce((sum, row) => sum + (row?.length ?? 0), 0);
  if (size > MAX_SHEET_CELLS) throw sheetTooLarge(file, name, rows.length, size);
  for (let r = 0; r < rows.length; r++) {
    const row = (rows[r] ??= []);
    for (let c = 0; c < row.length; c++) row[c] ??= { address: toA1(r, c), value: null, indent: 0 };
  }
  return hiddenRows && hiddenRows.size > 0 ? { name, rows, hiddenRows } : { name, rows };
}

export interface MergeRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Merged ranges are expanded cell by cell: a sheet may not ask for absurdly many. */
export const MAX_MERGED_CELLS = 200_000;
export const MAX_MERGES = 5000;
/** Cells of one sheet once its rows are filled up to their last used column. */
export const MAX_SHEET_CELLS = 2_000_000;

export function sheetTooLarge(file: string, sheet: string, rows: number, size: number): DataError {
  return new DataError(`工作表过大（约 ${rows} 行 × ${Math.round(size / Math.max(1, rows))} 列），不像一份报表：请删除表格以外的内容后重新报送`, { file, sheet });
}

export function checkMerges(file: string, sheet: string, merges: readonly MergeRange[]): void {
  const area = merges.reduce((sum, m) => sum + (m.bottom - m.top + 1) * (m.right - m.left + 1), 0);
  if (merges.length > MAX_MERGES || area > MAX_MERGED_CELLS) {
    throw new DataError(`合并单元格过多或范围过大（${merges.length} 处，共 ${area} 个单元格），不像一份报表：请取消多余的合并后重新报送`, { file, sheet });
  }
}

/** "B2:D3" → a range; undefined when the text is not one. */
export function parseRange(ref: string): MergeRange | undefined {
  const [a, b = a] = ref.split(':');
  const from = fromA1(a ?? '');
  const to = fromA1(b ?? '');
  if (!from || !to) return undefined;
  return { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
}
