// The city's monthly card (月报卡): one comparison sheet per indicator, named only in the sheet's
// title row ("2025年1-9月规模工业增加值") or by the sheet's name, with the columns 地区 | 绝对额
// (本期, 总量; a unit in the header or a 单位 line) | 增速(%) (比上年增长) | 排名 (位次), often under a
// merged "1-9月". Values are read raw (4.31623612), never as the cell's format shows them.
import type { Config, IndicatorConfig } from '../../config/config.js';
import { DataError, type Location } from '../../errors.js';
import { quoted } from '../../text.js';
import { catalogueOf } from '../catalogue.js';
import { classifyColumn } from '../table/columns.js';
import { type Column, type Table, normalizeText } from '../table/locate.js';
import { headerUnit } from '../table/parsedTable.js';
import { unitFromMetaLine } from '../table/units.js';
import { type Sheet, cellAt, cellText } from '../read/workbook.js';
import type { CityColumn } from './cityTable.js';

/** The sheet's indicator from its title rows, else its name; `title` is the text tried first. */
export function cardIndicator(sheet: Sheet, table: Table, config: Config): { indicator?: IndicatorConfig; title: string } {
  const candidates = [...table.preamble.map(cellText), sheet.name].map(indicatorWords).filter((text) => text !== '');
  for (const text of candidates) {
    const indicator = catalogueOf(config).indicatorFor(text);
    if (indicator) return { indicator, title: text };
  }
  return { title: candidates[0] ?? sheet.name.trim() };
}

/** "2025年1-9月各县市区规模工业增加值完成情况（单位：万元）" → "规模工业增加值". */
export function indicatorWords(text: string): string {
  return normalizeText(text)
    .replace(/^\d{4}年度?/, '')
    .replace(/^(?:(?:1|一)[-—–~～至])?\d{1,2}月份?|^(?:前三季度|上半年|一季度|二季度|三季度|四季度|全年)/, '')
    .replace(/^累计/, '')
    .replace(/^(?:全市|各县市区|各县\(市、?区\)|各区县|各县区|分县市区|分地区|各地区)/, '')
    .replace(/\(?单位[:：][^)]*\)?$/, '')
    .replace(/\((?:\d{4}年)?(?:(?:1|一)[-—–~～至])?\d{1,2}月\)$/, '')
    .replace(/(?:增速及排名|增速及位次|完成情况|情况|比较表|比较|对比表|排名表|排名|位次)$/, '');
}

/** 绝对额, 增速 and 排名 columns of a card sheet; the amount needs a unit, or it is not read. */
export function cardColumns(table: Table, indicator: IndicatorConfig, where: Location): CityColumn[] {
  const columns: CityColumn[] = [];
  for (const column of table.columns) {
    const found = cardColumn(table, column, indicator, where);
    if (!found) continue;
    const twin = columns.find((c) => c.measure === found.measure && c.span === found.span);
    if (twin) {
      const names = [twin.index, found.index].map((i) => quoted(table.columns[i]!.path.join('/')));
      throw new DataError(`表头有两列含义相同（${names.join('与')}），无法确定取哪一列`, { ...where, cell: cellAt(table.sheet, table.headerEnd, found.index).address });
    }
    columns.push(found);
  }
  return columns;
}

function cardColumn(table: Table, column: Column, indicator: IndicatorConfig, where: Location): CityColumn | undefined {
  const { index, key } = column;
  if (index === table.labelColumn || key === '') return undefined;
  if (/位次|排名|名次/.test(key)) return { index, indicator, measure: 'rank', span: 'ytd' };
  const role = classifyColumn(column);
  if (role.kind !== 'measure') return undefined;
  const span = role.scope === 'month' ? 'month' : indicator.span === 'stock' ? 'stock' : 'ytd';
  if (role.measure === 'growth') return { index, indicator, measure: 'growth', span: role.scope === 'month' ? 'month' : 'ytd' };
  if (role.measure !== 'value' || !indicator.valueReported) return undefined;
  const unit = headerUnit(column) ?? unitFromMetaLine(table.preamble.map(cellText));
  if (unit === undefined) {
    throw new DataError(`无法确定${quoted(column.path.join('/'))}的单位：请在表头写明（如“绝对额(万元)”），或在表上方写“单位：万元”`, { ...where, cell: cellAt(table.sheet, table.headerEnd, index).address });
  }
  return { index, indicator, measure: 'value', span, unit };
}
