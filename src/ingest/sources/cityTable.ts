// The city statistics bureau's comparison table: each area's growth and 位次 per indicator.
import type { Config, IndicatorConfig } from '../../config/config.js';
import { DataError, type Location } from '../../errors.js';
import { quoted } from '../../text.js';
import type { Measure, Observation, YearMonth } from '../../types.js';
import { catalogueOf } from '../catalogue.js';
import { checkTitlePeriod } from '../table/period.js';
import { type Column, type Table, locateTable, normalizeText } from '../table/locate.js';
import { readNumber } from '../table/values.js';
import { type Workbook, cellAt, cellText } from '../read/workbook.js';

const AREA_HEADER = /^(地区|区县|地区名称|单位|区域|县市区)$/;

interface CityColumn {
  readonly index: number;
  readonly indicator: IndicatorConfig;
  readonly measure: Extract<Measure, 'growth' | 'rank'>;
}

export function readCityTable(workbook: Workbook, config: Config, month: YearMonth): Observation[] {
  const observations: Observation[] = [];
  for (const sheet of workbook.sheets) {
    const table = locateTable(sheet, AREA_HEADER);
    if (table) observations.push(...readTable(table, { file: workbook.file, sheet: sheet.name }, config, month));
  }
  if (observations.length === 0) {
    throw new DataError('全市比较表中找不到“地区”列或任何已配置的指标：请确认表格格式', { file: workbook.file });
  }
  return observations;
}

function readTable(table: Table, where: Location, config: Config, month: YearMonth): Observation[] {
  checkTitlePeriod(table.preamble, where, month);
  const columns = table.columns.flatMap((column) => cityColumn(column, config));
  const catalogue = catalogueOf(config);
  const observations: Observation[] = [];
  for (const row of table.dataRows) {
    const labelCell = cellAt(table.sheet, row, table.labelColumn);
    const area = catalogue.areaFor(cellText(labelCell));
    if (area === undefined) {
      throw new DataError(`地区${quoted(cellText(labelCell))}不在配置的区县名单中：请在 tongbao.config.yaml 的 peers 中加入它（或其别名）`, { ...where, cell: labelCell.address });
    }
    for (const column of columns) {
      const cell = cellAt(table.sheet, row, column.index);
      const value = readNumber(cell, where, column.measure === 'growth');
      checkRank(column, value, { ...where, cell: cell.address });
      const source = { file: where.file!, sheet: where.sheet!, cell: cell.address };
      const unit = column.measure === 'growth' ? '%' : '';
      const period = { ...month, span: 'ytd' as const };
      observations.push({ indicator: column.indicator.id, area, period, measure: column.measure, value, unit, source });
    }
  }
  return observations;
}

function cityColumn(column: Column, config: Config): CityColumn[] {
  if (column.path.length < 2) return [];
  const indicator = catalogueOf(config).indicatorFor(column.path[0]!);
  if (!indicator) return [];
  const sub = normalizeText(column.path[column.path.length - 1]!);
  if (/位次|排名|名次/.test(sub)) return [{ index: column.index, indicator, measure: 'rank' }];
  if (/增速|增长|增幅|同比|增减/.test(sub)) return [{ index: column.index, indicator, measure: 'growth' }];
  return [];
}

function checkRank(column: CityColumn, value: number | null, where: Location): void {
  if (column.measure !== 'rank' || value === null) return;
  if (!Number.isInteger(value) || value < 1) {
    throw new DataError(`位次应为正整数，实际是 ${value}`, where);
  }
}
