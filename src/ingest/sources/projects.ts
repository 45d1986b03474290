// The key-project ledger (重点项目台账): one record per project, every field with its cell.
import { DataError, type Location } from '../../errors.js';
import { quoted } from '../../text.js';
import type { IsoDate, Project, Source } from '../../types.js';
import { locateTable } from '../table/locate.js';
import { convertUnit, unitIn } from '../table/units.js';
import { readNumber } from '../table/values.js';
import { type Cell, type Workbook, cellAt, cellText } from '../read/workbook.js';

const LABEL_HEADER = /^(项目名称|项目)$/;

const FIELDS = {
  totalInvestment: /总投资/,
  sector: /领域|类别|行业/,
  plannedStart: /计划开工/,
  actualStart: /实际开工/,
  plannedFinish: /计划竣工|计划完工|计划建成/,
  actualFinish: /实际竣工|实际完工|实际建成/,
  progress: /形象进度|进展/,
  unit: /责任单位|牵头单位/,
  leader: /责任领导|牵头领导|包联领导/,
} as const;

type Field = keyof typeof FIELDS;
const DATE_FIELDS: readonly Field[] = ['plannedStart', 'actualStart', 'plannedFinish', 'actualFinish'];

export function readProjects(workbook: Workbook): Project[] {
  const sheet = workbook.sheets.find((s) => locateTable(s, LABEL_HEADER));
  const table = sheet && locateTable(sheet, LABEL_HEADER);
  if (!sheet || !table) throw new DataError('重点项目台账中找不到“项目名称”列：请确认表格格式', { file: workbook.file });
  const where = { file: workbook.file, sheet: sheet.name };
  const columns = new Map<Field, number>();
  for (const column of table.columns) {
    const field = (Object.keys(FIELDS) as Field[]).find((f) => FIELDS[f].test(column.key) && !columns.has(f));
    if (field) columns.set(field, column.index);
  }
  const investmentUnit = unitIn(table.columns[columns.get('totalInvestment') ?? -1]?.key ?? '') ?? '万元';
  return table.dataRows.map((row) => {
    const nameCell = cellAt(table.sheet, row, table.labelColumn);
    const at = (field: Field) => cellAt(table.sheet, row, columns.get(field) ?? -1);
    const sourceOf = (cell: Cell): Source => ({ file: workbook.file, sheet: sheet.name, cell: cell.address });
    refuseExampleRow(nameCell, where);
    const cells = Object.fromEntries([...columns.keys()].map((field) => [field, sourceOf(at(field))]));
    const investment = columns.has('totalInvestment') ? readNumber(at('totalInvestment'), where) : null;
    const dates = Object.fromEntries(DATE_FIELDS.map((f) => [f, columns.has(f) ? readDate(at(f), where) : null]));
    return {
      name: cellText(nameCell),
      totalInvestment: investment === null ? null : convertUnit(investment, investmentUnit, '万元', { ...where, cell: at('totalInvestment').address }),
      sector: textOrNull(at('sector')),
      plannedStart: dates.plannedStart ?? null,
      actualStart: dates.actualStart ?? null,
      plannedFinish: dates.plannedFinish ?? null,
      actualFinish: dates.actualFinish ?? null,
      progress: textOrNull(at('progress')),
      unit: textOrNull(at('unit')),
      leader: textOrNull(at('leader')),
      source: sourceOf(nameCell),
      cells,
    };
  });
}

/** The blank ledger of `npm run init` shows an example project: left in, it would be read as real. */
function refuseExampleRow(nameCell: Cell, where: Location): void {
  if (/^[(（]?示例[)）:：]/.test(cellText(nameCell).normalize('NFKC'))) {
    throw new DataError(`「${cellText(nameCell)}」是台账模板中的示例行，不是真实项目：请删除这一行后重新生成`, { ...where, cell: nameCell.address });
  }
}

function textOrNull(cell: Cell): string | null {
  const text = cellText(cell);
  return text === '' || /^[—\-/／]+$/.test(text) ? null : text;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Excel's dates run from 1900 to 9999; anything else ("1e309", a serial of 10^12) is no date. */
function isoDate(date: Date, shown: unknown, where: Location): IsoDate {
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1900 || year > 9999) throw new DataError(`日期${quoted(shown)}不是有效的日期：请写成 2023-04-30 或 Excel 日期`, where);
  return date.toISOString().slice(0, 10);
}

/** A date cell, an Excel serial number, or text like 2023.4.30 / 2023-04-30 / 2023年4月30日. */
export function readDate(cell: Cell, where: Location): IsoDate | null {
  const value = cell.value;
  if (value === null || cell.error !== undefined) return null;
  const at = { ...where, cell: cell.address };
  if (value instanceof Date) return isoDate(value, value, at);
  if (typeof value === 'number') return isoDate(new Date(EXCEL_EPOCH_MS + Math.round(value) * 86_400_000), value, at);
  const text = String(value).normalize('NFKC').trim();
  if (/^[—\-/]*$/.test(text) || text === '无') return null;
  const match = /^(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})日?$/.exec(text);
  if (!match) throw new DataError(`无法识别的日期${quoted(text)}：请写成 2023-04-30 或 Excel 日期`, { ...where, cell: cell.address });
  const [, y, m, d] = match;
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  if (Number.isNaN(Date.parse(iso))) throw new DataError(`日期${quoted(text)}不存在`, { ...where, cell: cell.address });
  return iso;
}
