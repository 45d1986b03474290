// Fills the blank forms of `npm run init` the way bureaus would, with plausible numbers drawn
// deterministically from a seed: cumulative values that grow month by month, 上年同期 and 同比
// that agree, the district's growth in the city table equal to its own return's, ranks that follow
// the growths, targets whose wording matches their numbers, a few projects around the meeting.
// Used by the second example district (scripts/generate-example-district.ts) and by the test of a
// new district from init to briefing.
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config, IndicatorConfig } from '../../src/config/config.js';
import { workbookBytes } from '../../src/init/forms/book.js';
import type { YearMonth } from '../../src/types.js';
import { growthOf, pick, roundHalfUp } from './xlsx.js';

export interface FillOptions {
  readonly formsDir: string;
  readonly dataDir: string;
  readonly config: Config;
  /** The months whose forms to fill (the forms must exist under formsDir/<year>/<MM>/). */
  readonly months: readonly YearMonth[];
  readonly seed: string;
}

/** Fills every form of the months and of their year into dataDir; returns the files written. */
export async function fillForms(options: FillOptions): Promise<string[]> {
  const written: string[] = [];
  const model = new Model(options.config, options.seed);
  for (const month of options.months) {
    const folder = `${month.year}/${String(month.month).padStart(2, '0')}`;
    for (const name of readdirSync(join(options.formsDir, folder)).sort()) {
      const book = await load(join(options.formsDir, folder, name));
      if (name.includes('全市各区')) fillCityTable(book.worksheets[0]!, model, month);
      else fillReturn(book.worksheets[0]!, model, month);
      written.push(await save(book, join(options.dataDir, folder, name), month));
    }
  }
  for (const year of new Set(options.months.map((m) => m.year))) {
    const targets = join(options.formsDir, String(year), `${year}年目标任务.xlsx`);
    const ledger = join(options.formsDir, String(year), `${year}年重点项目台账.xlsx`);
    const stamp = { year, month: 1 };
    if (existsSync(targets)) written.push(await save(fillTargets(await load(targets), model), join(options.dataDir, String(year), `${year}年目标任务.xlsx`), stamp));
    if (existsSync(ledger)) written.push(await save(fillLedger(await load(ledger), options.config, year), join(options.dataDir, String(year), `${year}年重点项目台账.xlsx`), stamp));
  }
  return written;
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return book;
}

async function save(book: ExcelJS.Workbook, path: string, month: YearMonth): Promise<string> {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, await workbookBytes(book, new Date(Date.UTC(month.year, month.month, 5))));
  return path;
}

/** Display precision of a unit (domain.md §2), used to round what a bureau would type. */
function decimals(unit: string): number {
  return /^(万元|元|吨|万千瓦时|万美元|家|个|户|人|项)$/.test(unit) ? 0 : 2;
}

/** A plausible annual level for an indicator, by its unit. */
const LEVELS: Readonly<Record<string, [number, number]>> = {
  亿元: [8, 90], 万元: [3000, 30000], 家: [80, 300], 个: [6, 40], 户: [2000, 20000], 万平方米: [10, 80],
  万人次: [80, 600], 元: [25000, 60000], 万千瓦时: [8000, 60000], 吨: [2000, 40000], 万头: [2, 12], 万亩: [1, 6], 万美元: [800, 6000],
};

/** The district's numbers: one deterministic story per indicator. */
class Model {
  constructor(
    readonly config: Config,
    readonly seed: string,
  ) {}

  indicator(label: string): IndicatorConfig | undefined {
    return this.config.indicators.find((i) => i.name === label);
  }

  growth(id: string): number {
    return roundHalfUp(pick(`${this.seed}/${id}/growth`, -8, 16), 1);
  }

  /** 本期 (cumulative, or the level of a stock) and 上年同期, as typed. */
  values(indicator: IndicatorConfig, month: number): { value: number; prev: number } {
    const [lo, hi] = LEVELS[indicator.unit] ?? [10, 100];
    const share = indicator.id === 'negative_firms' ? 0.15 : 1; // a fraction of the firms in scope
    const level = pick(`${this.seed}/${indicator.id}/level`, lo, hi) * share;
    const part = indicator.span === 'stock' ? 1 : month / 12;
    const dp = decimals(indicator.unit);
    const value = roundHalfUp(level * part, dp);
    return { value, prev: roundHalfUp((level * part) / (1 + this.growth(indicator.id) / 100), dp) };
  }

  /** The growth a return states: the reported rate, or the one its own two numbers give. */
  statedGrowth(indicator: IndicatorConfig, month: number): number {
    if (!indicator.valueReported) return this.growth(indicator.id);
    const { value, prev } = this.values(indicator, month);
    return growthOf(value, prev) ?? 0;
  }
}

function fillReturn(sheet: ExcelJS.Worksheet, model: Model, month: YearMonth): void {
  const headers = sheet.getRow(3).values as unknown[];
  sheet.eachRow((row) => {
    const indicator = model.indicator(String(row.getCell(2).value ?? ''));
    if (!indicator) return;
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (cell.protection?.locked !== false || !cell.dataValidation) return;
      const value = returnValue(String(headers[col] ?? ''), indicator, model, month.month);
      if (value !== undefined) cell.value = value;
    });
  });
}

function returnValue(header: string, indicator: IndicatorConfig, model: Model, month: number): number | undefined {
  const now = model.values(indicator, month);
  if (header === '本月') return month === 1 ? now.value : roundHalfUp(now.value - model.values(indicator, month - 1).value, decimals(indicator.unit));
  if (/累计/.test(header) && !/上年/.test(header)) return now.value;
  if (/上年同期/.test(header)) return now.prev;
  if (/同比/.test(header)) return model.statedGrowth(indicator, month);
  // Bureaus forecast the few rates the city ranks, not every line.
  if (/预计/.test(header)) return indicator.ranked ? roundHalfUp(model.statedGrowth(indicator, month) + 0.6, 1) : undefined;
  return undefined;
}

/** Growths of every area (ours as in its return), ranks by growth among the ranked ones. */
function fillCityTable(sheet: ExcelJS.Worksheet, model: Model, month: YearMonth): void {
  const { config } = model;
  const names = sheet.getRow(3).values as unknown[];
  const rows: { row: number; area: string }[] = [];
  sheet.eachRow((row, number) => {
    const area = String(row.getCell(1).value ?? '');
    if (number > 4 && (area === '全市' || area === config.district.name || config.peers.some((p) => p.name === area))) rows.push({ row: number, area });
  });
  for (let col = 2; col < names.length; col += 2) {
    const indicator = model.indicator(String(names[col] ?? ''))!;
    const growth = (area: string) => (area === config.district.name ? model.statedGrowth(indicator, month.month) : roundHalfUp(pick(`${model.seed}/${area}/${indicator.id}/${month.month}`, -10, 18), 1));
    const ranked = rows.filter((r) => r.area === config.district.name ? config.district.ranked : config.peers.find((p) => p.name === r.area)?.ranked);
    for (const { row, area } of rows) {
      sheet.getCell(row, col).value = growth(area);
      const mine = growth(area);
      if (ranked.some((r) => r.area === area)) sheet.getCell(row, col + 1).value = 1 + ranked.filter((r) => (indicator.lowerIsBetter ? growth(r.area) < mine : growth(r.area) > mine)).length;
    }
  }
}

/** Expected growths rising to the year's, the wording matching them, amounts for countable goals. */
function fillTargets(book: ExcelJS.Workbook, model: Model): ExcelJS.Workbook {
  const sheet = book.worksheets[0]!;
  sheet.spliceRows(4, 1); // the example row
  sheet.eachRow((row) => {
    const indicator = model.indicator(String(row.getCell(2).value ?? ''));
    if (!indicator || indicator.span === 'stock') return; // no growth target for a count of firms
    const year = roundHalfUp(pick(`${model.seed}/${indicator.id}/target`, 4, 10) * 2, 0) / 2;
    const [q1, h1, q3] = [year - 1.5, year - 1, year - 0.5];
    row.getCell(5).value = `增长${year}%左右（上半年增长${h1}%以上）`;
    [q1, h1, q3, year].forEach((value, i) => (row.getCell(6 + i).value = value));
    if (indicator.growth === 'computed' && indicator.valueReported && indicator.unit !== '%') {
      row.getCell(4).value = roundHalfUp(model.values(indicator, 12).value * 1.1, decimals(indicator.unit));
    }
  });
  return book;
}

/** Four projects: one started, one late to start, one due to start in the spring, one to finish by June. */
function fillLedger(book: ExcelJS.Workbook, config: Config, year: number): ExcelJS.Workbook {
  const sheet = book.worksheets[0]!;
  sheet.spliceRows(4, 1); // the example row
  const date = (month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
  const unit = (id: string) => `${config.district.name.slice(-1)}${config.bureaus.find((b) => b.id === id)?.name ?? '发改局'}`;
  const projects = [
    ['新能源电池材料产业园', '新建厂房及生产线', 86000, '工业', date(1, 10), date(1, 18), date(12, 31), null, '主体施工', unit('kgj'), '王强'],
    ['城南商贸综合体', '商业综合体及地下停车场', 45000, '商贸', date(2, 28), null, date(12, 31), null, '施工图审查', unit('swj'), '李敏'],
    ['现代农业示范园提质', '设施大棚与冷链仓储', 2600, '农业', date(4, 28), null, date(11, 30), null, '完成招标', unit('fgj'), '赵刚'],
    ['城区供水管网改造', '改造供水管网36公里', 12800, '基础设施', date(1, 5), date(1, 5), date(6, 30), null, '完成管网铺设80%', unit('fgj'), '陈晨'],
  ];
  projects.forEach((values, i) => values.forEach((value, c) => (sheet.getCell(4 + i, c + 2).value = value as ExcelJS.CellValue)));
  return book;
}
