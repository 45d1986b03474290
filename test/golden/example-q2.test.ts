// Golden test: the example district's Q2 figures.json, field by field, for figures checked by hand
// against the .xlsx cells named beside each (npx tsx scripts/dump-workbook.ts <file> shows them).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/build.js';
import type { Figure } from '../../src/types.js';

const KGJ = '2023/03/科工局2023年3月报表.xlsx';
const TJJ = '2023/03/云溪区统计局2023年1-3月主要经济指标.xlsx';
const ZJJ = '2023/03/住建局 2023.03 月报.xlsx';
const CZJ = '2023/03/财政局2023年3月收入快报.xlsx';
const WLJ = '2023/03/文旅局2023年3月旅游数据.xlsx';
const CITY = '2023/03/全市各区主要经济指标（2023年1-3月）.xlsx';
const TARGETS = '2023/2023年目标任务.xlsx';
const cell = (file: string, sheet: string, address: string) => ({ source: { file, sheet, cell: address } });

const out = mkdtempSync(join(tmpdir(), 'tongbao-golden-'));
let figures: Map<string, Figure>;

beforeAll(async () => {
  await buildReport({
    configFile: 'tongbao.config.yaml', dataDir: 'data', outDir: out, templateDir: 'templates/speech',
    meeting: { year: 2023, quarter: 2 }, formats: new Set(['md']), log: () => {},
  });
  const json = JSON.parse(readFileSync(join(out, '2023-Q2', 'figures.json'), 'utf8'));
  expect(json).toMatchObject({ meeting: { year: 2023, quarter: 2 }, cutOff: '2023-03', goal: '2023-06' });
  figures = new Map(json.figures.map((f: Figure) => [f.id, f]));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const get = (id: string) => {
  const f = figures.get(id);
  if (!f) throw new Error(`figures.json has no ${id}`);
  return f;
};

describe('example district, Q2 meeting (data through 2023-03)', () => {
  it('规上工业增加值: −3.2% as reported (可比价), 6th of 7 = 倒数第二, down 2 places from February', () => {
    expect(get('industry_va.growth')).toMatchObject({ value: -3.2, unit: '%', precision: 1, formula: 'reported', inputs: [cell(KGJ, 'Sheet1', 'F5')] });
    expect(get('industry_va.rank')).toMatchObject({ value: 6, inputs: [cell(CITY, '各区主要指标', 'E9')] });
    expect(get('industry_va.rankedUnits').value).toBe(7); // 临江高新区 shows "—"
    expect(get('industry_va.rankFromBottom').value).toBe(2); // 7 − 6 + 1
    expect(get('industry_va.rankMoveMonth').value).toBe(-2); // 4th in 1—2月 → 6th: 后移2位
    expect(get('industry_va.gapToExpected').value).toBe(5.2); // 目标 F8 = 2 → 2.0 − (−3.2)
  });

  it('固定资产投资: −11.4%, 预期 5, 低于预期16.4个百分点, last in the city', () => {
    expect(get('fai.growth')).toMatchObject({ value: -11.4, inputs: [cell(TJJ, 'Sheet1', 'F5')] });
    expect(get('fai.expected')).toMatchObject({ value: 5, inputs: [cell(TARGETS, '2023年目标', 'F5')] });
    expect(get('fai.gapToExpected')).toMatchObject({ value: 16.4, unit: '个百分点' });
    expect(get('fai.rankFromBottom').value).toBe(1); // G9 = 7 of 7
    expect(get('fai_construction.growth')).toMatchObject({ value: -25.6, inputs: [cell(TJJ, 'Sheet1', 'F6')] }); // the 其中 row
  });

  it('固定资产投资 预计上半年 −13.5% (统计局 forecast column): 2.1 points worse than Q1, 18.5 short of 上半年预期 5', () => {
    expect(get('fai.forecast')).toMatchObject({ kind: 'forecast', value: -13.5, period: { year: 2023, month: 6 }, inputs: [cell(TJJ, 'Sheet1', 'G5')] });
    expect(get('fai.forecastChange')).toMatchObject({ value: -2.1, comparison: 'widened' }); // −11.4 → −13.5
    expect(get('fai.forecastGap')).toMatchObject({ value: 18.5, inputs: [{ figure: 'fai.goal' }, { figure: 'fai.forecast' }] });
  });

  it('地区生产总值 61.11亿元, 增长4.6%', () => {
    expect(get('gdp.value')).toMatchObject({ value: 61.11, unit: '亿元', precision: 2, inputs: [cell(TJJ, 'Sheet1', 'D4')] });
    expect(get('gdp.growth')).toMatchObject({ value: 4.6, inputs: [cell(TJJ, 'Sheet1', 'F4')] });
  });

  it('财政: 47099万元 in the return becomes 4.7099亿元 as the catalogue wants', () => {
    expect(get('budget_revenue.value')).toMatchObject({ value: 4.7099, unit: '亿元', inputs: [cell(CZJ, 'Sheet1', 'C4')] });
    expect(get('tax_revenue.value').value).toBe(3.4431); // C5 = 34431万元
    expect(get('budget_revenue.growth').value).toBe(12.5); // F4
  });

  it('商品房销售面积: −18.0% read raw through a red-negative format, 低于预期6.0个百分点', () => {
    expect(get('housing_sales_area.growth')).toMatchObject({ value: -18, inputs: [cell(ZJJ, 'Sheet1', 'E4')] });
    expect(get('housing_sales_area.gapToExpected').value).toBe(6); // 目标 F10 = −12
  });

  it('tourism recovers 312.5 ÷ 298 = 104.9% of 2019', () => {
    const recovery = get('tourists.recovery');
    expect(recovery.value).toBeCloseTo(104.86577181208054, 10);
    expect(recovery.inputs).toEqual([{ figure: 'tourists.value' }, { figure: 'tourists.base2019' }]);
    expect(get('tourists.base2019').inputs).toEqual([cell(WLJ, 'Sheet1', 'F4')]);
    expect(get('tourists.growth').value).toBeCloseTo((312.5 / 241.2 - 1) * 100, 10); // 29.6%
  });

  it('负增长企业面 = 37 ÷ 86 = 43.0%', () => {
    expect(get('negative_firms.share').value).toBeCloseTo(43.02325581395349, 10);
    expect(get('negative_firms.value').inputs).toEqual([cell(KGJ, 'Sheet1', 'E8')]);
  });

  it('限上餐饮业 shares 3rd place with 城西区 (并列)', () => {
    expect(get('catering.rank').value).toBe(3);
    expect(get('catering.rankShared').value).toBe(2); // Y8 = Y9 = 3
  });

  it('当月 values come from the 本月 column when the return has one', () => {
    expect(get('industry_output.monthValue')).toMatchObject({ value: 13.26, inputs: [cell(KGJ, 'Sheet1', 'C6')] });
    expect(get('industry_output.monthGrowth')).toMatchObject({ value: -5, inputs: [cell(KGJ, 'Sheet1', 'D6')] });
  });
});
