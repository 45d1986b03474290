// A located table with meaning attached: each column's role and unit, each row's place in the
// hierarchy, and one way to read a cell as a quantity in a known unit. Knows no catalogue.
import { DataError, type Location } from '../../errors.js';
import { quoted } from '../../text.js';
import type { Source } from '../../types.js';
import { type ColumnRole, classifyColumn } from './columns.js';
import { type RowShape, shapeRows } from './hierarchy.js';
import { type Column, type Table } from './locate.js';
import { unitFromMetaLine, unitIn } from './units.js';
import { readQuantity } from './values.js';
import { cellAt, cellText } from '../read/workbook.js';

export interface TableColumn extends Column {
  readonly role: ColumnRole;
  /** A unit the header names: "绝对量（亿元）" → 亿元. */
  readonly unit: string | undefined;
}

export interface TableRow extends RowShape {
  /** 0-based sheet row. */
  readonly row: number;
  /** The row's unit-column cell, when the table has one and it names a unit. */
  readonly unitCell: string | undefined;
  /** A row without any number (a section label such as “按经营地分”). */
  readonly section: boolean;
}

export interface ParsedTable {
  readonly file: string;
  readonly sheet: string;
  readonly table: Table;
  readonly title: string | undefined;
  /** "单位：万元" above the table, or in the title. */
  readonly sheetUnit: string | undefined;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
}

export interface Quantity {
  readonly value: number | null;
  /** The unit the number is in as written (亿元, %, 百分点 …), undefined when nothing says. */
  readonly unit: string | undefined;
  readonly source: Source;
}

export function parseTable(table: Table, where: { file: string; sheet: string }): ParsedTable {
  const columns = table.columns.map((column) => ({ ...column, role: classifyColumn(column), unit: headerUnit(column) }));
  const unitColumn = columns.findIndex((c) => c.role.kind === 'unit' && c.index !== table.labelColumn);
  const labels = table.dataRows.map((row) => {
    const cell = cellAt(table.sheet, row, table.labelColumn);
    return { raw: typeof cell.value === 'string' ? cell.value : cellText(cell), cellIndent: cell.indent };
  });
  const rows = shapeRows(labels).map((shape, i) => {
    const row = table.dataRows[i]!;
    const unitCell = unitColumn >= 0 ? unitIn(cellText(cellAt(table.sheet, row, unitColumn))) : undefined;
    const section = !columns.some((c) => c.role.kind === 'measure' && c.index !== table.labelColumn && cellAt(table.sheet, row, c.index).value !== null);
    return { ...shape, row, unitCell, section };
  });
  const texts = table.preamble.map(cellText);
  return { ...where, table, title: texts[0], sheetUnit: unitFromMetaLine(texts), columns, rows };
}

/** "绝对量（亿元）", or a header row of its own that reads "亿元" or "（亿元）". */
export function headerUnit(column: Column): string | undefined {
  for (const part of [...column.path].reverse()) {
    const unit = unitIn(part);
    if (unit !== undefined) return unit;
  }
  return undefined;
}

/** A growth or a forecast of growth: a rate in %. */
function isRateColumn(column: TableColumn): boolean {
  return column.role.kind === 'measure' && (column.role.measure === 'growth' || column.role.measure === 'forecast');
}

/** The number in a row's cell and the unit it is written in; a growth column is in %. */
export function readCell(table: ParsedTable, row: TableRow, column: TableColumn): Quantity {
  const cell = cellAt(table.table.sheet, row.row, column.index);
  const where: Location = { file: table.file, sheet: table.sheet };
  const isRate = isRateColumn(column);
  const quantity = readQuantity(cell, where, isRate);
  const source = { file: table.file, sheet: table.sheet, cell: cell.address };
  const unit = quantity.value === null ? undefined : (quantity.unit ?? unitFor(table, row, column, cell.address));
  return { value: quantity.value, unit, source };
}

/** The unit column, then the name's bracket, then the column header, then the sheet's 单位 line. */
function unitFor(table: ParsedTable, row: TableRow, column: TableColumn, address: string): string | undefined {
  if (isRateColumn(column)) return '%';
  if (row.unitCell !== undefined && row.unit !== undefined && row.unitCell !== row.unit) {
    throw new DataError(`单位列写${quoted(row.unitCell)}，指标名称中写${quoted(row.unit)}，两者不一致：请改正其中一处`, { file: table.file, sheet: table.sheet, cell: address });
  }
  return row.unitCell ?? row.unit ?? column.unit ?? table.sheetUnit;
}

/** The rows and columns of a parsed table found by text, for tests and for tools. */
export function findRow(table: ParsedTable, name: string): TableRow | undefined {
  return table.rows.find((row) => row.name === name || row.label === name);
}
