// 表内审核 within one return, done as the return is read (so a cached reading carries it): a 其中 item larger than its parent, and a reported growth that
// disagrees with 本期 ÷ 上年同期 by more than 0.1 个百分点 (allowing for the rounding of both).
import type { Config } from '../../config/config.js';
import { DataError } from '../../errors.js';
import { quoted } from '../../text.js';
import type { CheckFinding } from '../../types.js';
import { catalogueOf } from '../catalogue.js';
import { cellAt } from '../read/workbook.js';
import { type ParsedTable, type Quantity, type TableColumn, type TableRow, readCell } from './parsedTable.js';
import { convertUnit } from './units.js';

const GROWTH_TOLERANCE = 0.1;

export function auditTable(table: ParsedTable, config: Config): CheckFinding[] {
  return [...partsWithinWhole(table), ...growthAgreement(table, config)];
}

/** Reads a cell for a check: unreadable cells were reported by the reader already. */
function quantity(table: ParsedTable, row: TableRow, column: TableColumn): Quantity | undefined {
  try {
    const q = readCell(table, row, column);
    return q.value === null ? undefined : q;
  } catch (error) {
    if (error instanceof DataError) return undefined;
    throw error;
  }
}

function amountColumns(table: ParsedTable): TableColumn[] {
  return table.columns.filter((c) => c.role.kind === 'measure' && (c.role.measure === 'value' || c.role.measure === 'prevYear') && c.index !== table.table.labelColumn);
}

function partsWithinWhole(table: ParsedTable): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const row of table.rows) {
    const parent = row.parent === null ? undefined : table.rows[row.parent];
    if (!parent || parent.section) continue;
    for (const column of amountColumns(table)) {
      const part = quantity(table, row, column);
      const whole = quantity(table, parent, column);
      if (!part || !whole || part.value! < 0 || whole.value! < 0) continue;
      const partInWholeUnit = inUnit(part, whole.unit);
      if (partInWholeUnit === undefined || partInWholeUnit <= whole.value! * (1 + 1e-9)) continue;
      findings.push({
        level: 'error',
        kind: 'partExceedsWhole',
        message: `${quoted(row.label)}${part.value}${part.unit ?? ''} 大于其上级${quoted(parent.label)}${whole.value}${whole.unit ?? ''}（${whole.source.cell}）：分项不能大于总数，请核对`,
        source: part.source,
      });
    }
  }
  return findings;
}

function inUnit(q: Quantity, unit: string | undefined): number | undefined {
  if (q.unit === unit) return q.value!;
  if (q.unit === undefined || unit === undefined) return undefined;
  try {
    return convertUnit(q.value!, q.unit, unit, q.source);
  } catch {
    return undefined;
  }
}

function growthAgreement(table: ParsedTable, config: Config): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const catalogue = catalogueOf(config);
  for (const scope of ['month', 'ytd'] as const) {
    const column = (measure: string) => table.columns.find((c) => c.role.kind === 'measure' && c.role.measure === measure && c.role.scope === scope && c.index !== table.table.labelColumn);
    const [valueColumn, prevColumn, growthColumn] = [column('value'), column('prevYear'), column('growth')];
    if (!valueColumn || !prevColumn || !growthColumn) continue;
    for (const row of table.rows) {
      const [value, prev, growth] = [quantity(table, row, valueColumn), quantity(table, row, prevColumn), quantity(table, row, growthColumn)];
      if (!value || !prev || !growth || growth.unit !== '%' || prev.value! <= 0 || value.unit !== prev.unit) continue;
      const [low, high] = growthRange(table, row, valueColumn, prevColumn, value.value!, prev.value!);
      const reported = growth.value!;
      if (reported >= low - GROWTH_TOLERANCE && reported <= high + GROWTH_TOLERANCE) continue;
      const computed = (value.value! / prev.value! - 1) * 100;
      const indicator = catalogue.indicatorFor(row.label);
      const level = indicator?.growth === 'computed' ? 'error' : 'warning';
      findings.push({
        level,
        kind: 'growthMismatch',
        message: `${quoted(row.label)}填报增速 ${reported}%，按本期 ${value.value}（${value.source.cell}）与上年同期 ${prev.value}（${prev.source.cell}）计算为 ${computed.toFixed(2)}%，相差 ${Math.abs(computed - reported).toFixed(2)} 个百分点：请核对${level === 'warning' && indicator ? '（可比价、同口径增速可能与此不同，如属此类可忽略）' : ''}`,
        source: growth.source,
      });
    }
  }
  return findings;
}

/** The growth the shown (rounded) values allow: each could be off by half its last digit. */
function growthRange(table: ParsedTable, row: TableRow, vc: TableColumn, pc: TableColumn, v: number, p: number): [number, number] {
  const hv = halfStep(table, row, vc, v);
  const hp = halfStep(table, row, pc, p);
  const low = ((v - hv) / (p + hp) - 1) * 100;
  const high = p - hp > 0 ? ((v + hv) / (p - hp) - 1) * 100 : Infinity;
  return [low, high];
}

function halfStep(table: ParsedTable, row: TableRow, column: TableColumn, value: number): number {
  const cell = cellAt(table.table.sheet, row.row, column.index);
  const fromFormat = cell.numFmt === undefined ? undefined : /0\.(0+)/.exec(cell.numFmt)?.[1]?.length ?? (/^[#,0]+$/.test(cell.numFmt) ? 0 : undefined);
  const shown = /\.(\d+)/.exec(String(value))?.[1]?.length ?? 0;
  return 0.5 * 10 ** -(fromFormat ?? Math.min(shown, 6));
}
