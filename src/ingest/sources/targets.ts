// The year's target sheet: 全年目标 amounts and 预期增速 per horizon, with their grammar kept.
import type { Config, IndicatorConfig } from '../../config/config.js';
import { DataError, type Location } from '../../errors.js';
import { quoted } from '../../text.js';
import type { Target, TargetQualifier } from '../../types.js';
import { catalogueOf } from '../catalogue.js';
import { type Column, type Table, locateTable } from '../table/locate.js';
import { convertUnit, unitIn } from '../table/units.js';
import { parseNumberText, readNumber } from '../table/values.js';
import { type Cell, type Workbook, cellAt, cellText } from '../read/workbook.js';

const LABEL_HEADER = /^(指标名称|指标|项目)$/;
const HORIZONS: ReadonlyArray<[RegExp, number]> = [
  [/前三季度|1[-—–~～至]9月/, 9],
  [/上半年|1[-—–~～至]6月/, 6],
  [/一季度|1[-—–~～至]3月/, 3],
  [/全年|年度|1[-—–~～至]12月/, 12],
];
const GROWTH_WORDS = /%|增长|增速|增幅|预期/;
const PLAIN_AMOUNT = /^(全年|年度)?目标(值|任务)?$/;
const UNDERSTOOD =
  '指标名称、序号、单位（计量单位）、目标表述、牵头单位（责任单位）、备注；增速目标带“%”或“增长/增速/预期”并写明时段' +
  '（一季度、上半年、前三季度、全年，或1-3月、1-6月、1-9月），如“一季度预期增速(%)”“全年目标(%)”；' +
  '总量目标写“全年目标”（单位取单位列）或在括号中写明单位，如“全年目标(亿元)”“上半年目标(个)”';

type TargetColumn =
  | { readonly kind: 'growth'; readonly index: number; readonly horizon: number }
  | { readonly kind: 'amount'; readonly index: number; readonly horizon: number; readonly unit: string | undefined }
  | { readonly kind: 'text' | 'lead' | 'unit'; readonly index: number };

export function readTargets(workbook: Workbook, config: Config, year: number): Target[] {
  const sheet = workbook.sheets.find((s) => locateTable(s, LABEL_HEADER));
  const table = sheet && locateTable(sheet, LABEL_HEADER);
  if (!sheet || !table) throw new DataError('目标任务表中找不到“指标名称”列：请确认表格格式', { file: workbook.file });
  const where = { file: workbook.file, sheet: sheet.name };
  const columns = table.columns.flatMap((column) => targetColumn(column, table, where));
  const targets: Target[] = [];
  for (const row of table.dataRows) {
    const indicator = catalogueOf(config).indicatorFor(cellText(cellAt(table.sheet, row, table.labelColumn)));
    if (indicator) targets.push(...readRow(table, row, columns, indicator, where).map((t) => ({ ...t, year })));
  }
  return targets;
}

/**
 * What a targets column holds, from its header: a growth target of a horizon (% or 增长/增速/预期
 * and 一季度…全年), an amount target (a unit, or plain 全年目标), or 表述 / 牵头单位 / 单位. Any
 * other column is an error: a target that is silently not read changes what the speech says.
 */
function targetColumn(column: Column, table: Table, where: Location): TargetColumn[] {
  const key = column.key;
  const index = column.index;
  if (index === table.labelColumn || /^序号$|备注/.test(key)) return [];
  if (key === '') {
    const filled = table.dataRows.map((row) => cellAt(table.sheet, row, index)).find((cell) => cell.value !== null);
    if (!filled) return [];
    throw new DataError(`这一列没有表头，却填有内容（如 ${filled.address}）：请写明表头，能识别的有：${UNDERSTOOD}`, { ...where, cell: headerCell(table, index) });
  }
  if (/牵头|责任单位|责任部门/.test(key)) return [{ kind: 'lead', index }];
  if (/表述|说明/.test(key) || key === '目标任务') return [{ kind: 'text', index }];
  if (/^(计量)?单位$/.test(key)) return [{ kind: 'unit', index }];
  const horizon = HORIZONS.find(([pattern]) => pattern.test(key))?.[1];
  if (GROWTH_WORDS.test(key)) {
    if (horizon !== undefined) return [{ kind: 'growth', index, horizon }];
    throw new DataError(`表头${quoted(column.path.join('/'))}是增速目标，但没有写明时段：请写明一季度、上半年、前三季度或全年（如“上半年预期增速(%)”）`, { ...where, cell: headerCell(table, index) });
  }
  const unit = unitIn(column.path[column.path.length - 1] ?? '') ?? unitIn(key);
  if (unit !== undefined || PLAIN_AMOUNT.test(key)) return [{ kind: 'amount', index, horizon: horizon ?? 12, unit }];
  throw new DataError(`目标任务表的表头${quoted(column.path.join('/'))}无法识别：能识别的有：${UNDERSTOOD}；请改成其中一种写法，或删去这一列`, { ...where, cell: headerCell(table, index) });
}

/** The header cell that names a column (the lowest one with text of its own). */
function headerCell(table: Table, index: number): string {
  for (let row = table.headerEnd; row > table.headerStart; row--) {
    const cell = cellAt(table.sheet, row, index);
    if (cell.value !== null) return cell.address;
  }
  return cellAt(table.sheet, table.headerStart, index).address;
}

function readRow(table: Table, row: number, columns: readonly TargetColumn[], indicator: IndicatorConfig, where: Location): Omit<Target, 'year'>[] {
  const textOf = (kind: TargetColumn['kind']) => {
    const column = columns.find((c) => c.kind === kind);
    return column ? cellText(cellAt(table.sheet, row, column.index)) || null : null;
  };
  const text = textOf('text');
  const leadUnit = textOf('lead');
  const rowUnit = unitIn(textOf('unit') ?? '');
  const targets: Omit<Target, 'year'>[] = [];
  for (const column of columns) {
    if (column.kind !== 'growth' && column.kind !== 'amount') continue;
    const cell = cellAt(table.sheet, row, column.index);
    const parsed = readTarget(cell, where, column.kind === 'growth');
    if (parsed === null) continue;
    const { horizon } = column;
    const source = { file: where.file!, sheet: where.sheet!, cell: cell.address };
    if (column.kind === 'amount' && column.unit !== undefined && rowUnit !== undefined && column.unit !== rowUnit) {
      throw new DataError(`表头写单位${quoted(column.unit)}，单位列写${quoted(rowUnit)}，两者不一致：请改正其中一处`, source);
    }
    const unit = column.kind === 'amount' ? (parsed.unit ?? column.unit ?? rowUnit ?? indicator.unit) : '%';
    const wording = wordingFor(text, horizon);
    if (column.kind === 'growth') checkWording(wording, parsed.value, source);
    // 完成率 = 累计 ÷ 全年目标: a target of 0 (or less) leaves nothing to complete.
    if (column.kind === 'amount' && parsed.value <= 0) throw new DataError(`全年目标应为正数，这里是 ${parsed.value}：请核对；没有总量目标的请填“—”`, source);
    const qualifier = parsed.qualifier ?? qualifierOf(wording) ?? 'point';
    const value = column.kind === 'amount' ? convertUnit(parsed.value, unit, indicator.unit, source) : parsed.value;
    const targetUnit = column.kind === 'amount' ? indicator.unit : '%';
    targets.push({ indicator: indicator.id, horizon, kind: column.kind, value, unit: targetUnit, qualifier, text: wording, leadUnit, source });
  }
  return targets;
}

/**
 * A number cell, or text such as "2%以上" / "增长5%左右" carrying its own qualifier. A growth
 * target stored as a fraction under a "0.0%" format (0.06) is 6, as in returns.
 */
function readTarget(cell: Cell, where: Location, percent: boolean): { value: number; qualifier?: TargetQualifier; unit?: string } | null {
  if (typeof cell.value !== 'string') {
    const value = readNumber(cell, where, percent);
    return value === null ? null : { value };
  }
  const at = { ...where, cell: cell.address };
  const qualifier = qualifierOf(cell.value);
  const words = cell.value.replace(/以上|左右|不低于|不少于|力争|确保|全年/g, '').trim();
  if (percent) {
    const value = parseNumberText(words, at);
    return value === null ? null : { value, qualifier };
  }
  // An amount column: a rate typed here is not an amount (增长5.5% is not 5.5亿元), and a unit
  // written in the cell (5000万元) is the unit of its number.
  if (/%|百分点|增长|增速|下降|减少/.test(words)) {
    throw new DataError(`这一列是总量目标，单元格写的是增速${quoted(cell.value)}：增速目标请填在“全年预期增速(%)”这类列中，总量目标请填数量`, at);
  }
  const unit = /[^\d.,\s]+$/.exec(words)?.[0];
  const value = parseNumberText(unit && unitIn(unit) ? words.slice(0, -unit.length) : words, at);
  return value === null ? null : { value, qualifier, ...(unit && unitIn(unit) ? { unit: unitIn(unit)! } : {}) };
}

const HORIZON_WORDS: Readonly<Record<number, RegExp>> = { 3: /一季度/, 6: /上半年/, 9: /前三季度/ };

/**
 * The part of 目标表述 that speaks of a horizon: "增长5%左右（上半年增长2%以上）" says 增长5%左右 of
 * the year and 上半年增长2%以上 of the half year.
 */
function wordingFor(text: string | null, horizon: number): string | null {
  if (text === null) return null;
  const normalized = text.normalize('NFKC');
  const asides = [...normalized.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]!);
  if (horizon === 12) return normalized.replace(/\([^()]*\)/g, '').trim() || null;
  return asides.find((aside) => HORIZON_WORDS[horizon]?.test(aside)) ?? null;
}

/** A wording that names a rate must agree with the number in the cell: never pick one silently. */
function checkWording(wording: string | null, value: number, source: Location): void {
  const match = wording === null ? null : /(增长|下降|减少|压减)?(\d+(?:\.\d+)?)%/.exec(wording);
  if (!match) return;
  const stated = (match[1] && match[1] !== '增长' ? -1 : 1) * Number(match[2]);
  if (Math.abs(stated - value) > 1e-9) {
    throw new DataError(`目标表述${quoted(wording)}与表中的预期增速 ${value} 不一致：请核对后改正其中一处`, source);
  }
}

function qualifierOf(text: string | null): TargetQualifier | undefined {
  if (text === null) return undefined;
  if (/(减少|下降|压减).*以上/.test(text)) return 'atMost';
  if (/以上|不低于|不少于/.test(text)) return 'atLeast';
  if (/左右/.test(text)) return 'about';
  return undefined;
}
