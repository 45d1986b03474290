// The mini fixture (test/fixtures/mini) read and computed end to end; every expected value below
// was worked out by hand from the cells quoted beside it.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Computed, computeFigures } from '../../src/compute/compute.js';
import { loadConfig } from '../../src/config/config.js';
import { loadDataset } from '../../src/ingest/dataset.js';
import type { Dataset, Figure } from '../../src/types.js';

const FIXTURE = 'test/fixtures/mini';
const KGJ = '2023/03/科工局2023年3月报表.xlsx';
const SWJ = '2023/03/商务局2023年1—3月限上商贸数据.xlsx';
const TCJ = '2023/03/投促局2023年3月招商引资.xlsx';
const CITY = '2023/03/全市各区主要经济指标（2023年1-3月）.xlsx';
const TARGETS = '2023/2023年目标任务.xlsx';

let dataset: Dataset;
let computed: Computed;
const figure = (id: string): Figure => {
  const found = computed.figures.find((f) => f.id === id);
  if (!found) throw new Error(`no figure ${id}`);
  return found;
};
const source = (file: string, sheet: string, cell: string) => ({ source: { file, sheet, cell } });

beforeAll(async () => {
  const config = loadConfig(`${FIXTURE}/tongbao.config.yaml`);
  dataset = await loadDataset(`${FIXTURE}/data`, config, { year: 2023, month: 3 }, 2023);
  computed = computeFigures(config, dataset, { year: 2023, month: 3 }, { year: 2023, month: 6 });
});

describe('reading the mini returns', () => {
  it('reads each needed file once, returns before city tables', () => {
    expect(dataset.files).toEqual([
      '2023/01/投促局2023年1月招商引资.xlsx',
      '2023/02/商务局2023年1—2月限上商贸数据.xlsx',
      '2023/02/投促局2023年2月招商引资.xlsx',
      '2023/02/科工局2023年2月报表.xlsx',
      '2023/03/商务局2023年1—3月限上商贸数据.xlsx',
      TCJ,
      KGJ,
      '2023/02/全市各区主要经济指标（2023年1-2月）.xlsx',
      CITY,
      TARGETS,
      '2023/2023年重点项目台账.xlsx',
    ]);
  });

  it('never adds the 其中 row 网上零售额 (1.23) into its parent', () => {
    expect(figure('retail_above.value').value).toBe(9.87);
  });

  it('converts nothing it need not: 住宿业 stays in 万元 as the catalogue wants', () => {
    expect(figure('accommodation.value')).toMatchObject({ value: 2345, unit: '万元', precision: 0, inputs: [source(SWJ, 'Sheet1', 'D7')] });
  });
});

describe('同比 and the gap to 预期', () => {
  it('takes 可比价 growth as reported', () => {
    expect(figure('industry_va.growth')).toMatchObject({ value: -3.2, unit: '%', formula: 'reported', inputs: [source(KGJ, 'Sheet1', 'F5')] });
    expect(figure('industry_output.value')).toMatchObject({ value: 35.67, unit: '亿元', inputs: [source(KGJ, 'Sheet1', 'E6')] });
    expect(figure('wholesale.growth')).toMatchObject({ value: 42.6, inputs: [source(SWJ, 'Sheet1', 'F4')] });
  });

  it('computes growth for department data from 本期 and 上年同期: 11.8 ÷ 9.6 − 1 = 22.9166…%', () => {
    const growth = figure('investment_attracted.growth');
    expect(growth.value).toBeCloseTo(22.916666666666664, 12);
    expect(growth.inputs).toEqual([{ figure: 'investment_attracted.value' }, { figure: 'investment_attracted.prevYear' }]);
    expect(figure('investment_attracted.prevYear').inputs).toEqual([source(TCJ, 'Sheet1', 'F4')]);
    expect(figure('projects_signed.growth').value).toBe(50); // 3 ÷ 2 − 1
  });

  it('states the gap as 预期 − 实际 in 个百分点', () => {
    expect(figure('industry_va.expected')).toMatchObject({ value: 2, inputs: [source(TARGETS, '2023年目标', 'F4')] });
    expect(figure('industry_va.gapToExpected')).toMatchObject({ value: 5.2, unit: '个百分点' }); // 2.0 − (−3.2)
    expect(figure('wholesale.gapToExpected').value).toBe(-12.6); // 30.0 − 42.6: above expectation
    expect(figure('retail_above.gapToExpected').value).toBe(13.3); // 5.0 − (−8.3)
    expect(figure('accommodation.gapToExpected').value).toBe(6.2); // 16.0 − 9.8
  });

  it('keeps the goal of the deployed half year with its grammar', () => {
    expect(figure('industry_va.goal')).toMatchObject({ value: 2, qualifier: 'atLeast', note: '上半年增长2%以上', inputs: [source(TARGETS, '2023年目标', 'G4')] });
    expect(figure('industry_va.yearGoal')).toMatchObject({ value: 5, qualifier: 'about', note: '增长5%左右' });
  });

  it('compares the cumulative rate with 1—2月 on published rates', () => {
    // 1—2月 −1.8 (2023/02 科工局), 1—3月 −3.2 → −1.4 个百分点 (降幅扩大)
    expect(figure('industry_va.growth@2023-02').value).toBe(-1.8);
    expect(figure('industry_va.change').value).toBe(-1.4);
  });
});

describe('rank among the city districts', () => {
  it('reads 位次 and counts only ranked units (高新区 is 不参与排名)', () => {
    expect(figure('industry_va.rank')).toMatchObject({ value: 3, inputs: [source(CITY, '各区主要指标', 'C6')] });
    expect(figure('industry_va.rankedUnits').value).toBe(3);
    expect(figure('industry_va.rankFromBottom').value).toBe(1); // 3 − 3 + 1: 倒数第一
    expect(figure('accommodation.rankFromBottom').value).toBe(2);
  });

  it('sees ties (江滨区 and 城东区 both 2nd in 批发业)', () => {
    expect(figure('wholesale.rank').value).toBe(1);
    expect(figure('wholesale.rankShared').value).toBe(1);
    expect(figure('wholesale.rankFromBottom').value).toBe(3);
  });

  it('keeps last month\'s rank for movement', () => {
    expect(figure('industry_va.rank@2023-02').value).toBe(2);
  });
});

describe('volume targets against 时序进度', () => {
  it('completion 11.8 ÷ 50 = 23.6%, 时序进度 3 ÷ 12 = 25.0%, 落后 1.4 个百分点', () => {
    expect(figure('investment_attracted.target')).toMatchObject({ value: 50, unit: '亿元', precision: 0, inputs: [source(TARGETS, '2023年目标', 'D8')] });
    expect(figure('investment_attracted.completion').value).toBeCloseTo(23.6, 12);
    expect(figure('timeProgress').value).toBe(25);
    expect(figure('investment_attracted.aheadOfSchedule').value).toBe(-1.4);
    expect(figure('projects_signed.completion').value).toBe(30);
    expect(figure('projects_signed.aheadOfSchedule').value).toBe(5);
  });
});

describe('key projects at 2023-03-31, deploying to 2023-06-30', () => {
  it('finds milestones done late, due this quarter and later', () => {
    const [park, line, hospital] = computed.projects;
    expect(park!.investment?.value).toBe(161000);
    // planned 2023-02-15, actual 2023-03-02: done 15 days late
    expect(park!.milestones[0]).toMatchObject({ kind: 'start', status: 'done', daysLate: { value: 15 } });
    expect(park!.milestones[1]).toMatchObject({ kind: 'finish', status: 'later', daysLate: null });
    expect(line!.milestones[0]).toMatchObject({ kind: 'start', planned: '2023-04-28', status: 'due' });
    // planned 2022-03-01, started 2022-03-20: 19 days late; finish due 2023-06-30
    expect(hospital!.milestones.map((m) => m.status)).toEqual(['done', 'due']);
    expect(hospital!.milestones[0]!.daysLate?.value).toBe(19);
  });
});
