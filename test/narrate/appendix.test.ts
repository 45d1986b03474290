// The appendix table (附表) built from the mini fixture; each expected cell is worked out by hand
// from the cells quoted beside it (see test/compute/mini.test.ts for the same figures).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Appendix } from '../../src/narrate/appendix.js';
import { buildContext } from '../../src/narrate/context.js';
import { narrated } from '../helpers/speech.js';

const FIXTURE = 'test/fixtures/mini';
let appendix: Appendix;

beforeAll(async () => {
  appendix = (await narrated(FIXTURE)).speech.context.appendix;
});

const row = (name: string) => {
  const found = appendix.rows.find((r) => r.name === name);
  if (!found) throw new Error(`no row ${name}`);
  return found;
};
const texts = (name: string) => {
  const r = row(name);
  return [r.index, r.unit, r.target.text, r.value.text, r.growth.text, r.expected.text, r.gap.text, r.completion.text, r.rank.text, r.lead];
};

describe('附表：主要经济指标完成情况表', () => {
  it('has the title, the unit line, the period in the value header, and one row per indicator with data', () => {
    expect(appendix.title).toBe('附表：主要经济指标完成情况表');
    expect(appendix.unitLine).toBe('单位：亿元、%（其他单位见“单位”栏）'); // 限上住宿业 in 万元, 新签约 in 个
    expect(appendix.valueHeader).toBe('1—3月完成');
    expect(appendix.rows.map((r) => r.index)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('prints growth-only indicators with “—” for the amount and the gap as actual − expected', () => {
    // 科工局 F5 −3.2; 预期 2.0 (目标任务 G8): 实际 − 预期 = −5.2; city table rank 3 of 3.
    expect(texts('规上工业增加值')).toEqual([1, '%', '增长5%左右', '—', '-3.2', '2.0', '-5.2', '—', '3', '区科工局']);
  });

  it('prints amounts at the catalogue precision and a positive gap when above expectation', () => {
    expect(texts('限上批发业销售额')).toEqual([3, '亿元', '增长25%', '18.52', '42.6', '30.0', '12.6', '—', '1', '区商务局']);
    expect(texts('限上住宿业营业额')[3]).toBe('2345'); // 万元, integer
  });

  it('prints amount targets as numbers with the completion rate', () => {
    // 11.80 ÷ 50 = 23.6%; 3 ÷ 10 = 30.0%.
    expect(texts('招商引资到位资金')).toEqual([6, '亿元', '50', '11.80', '22.9', '—', '—', '23.6', '—', '区投促局']);
    expect(texts('新签约项目数')).toEqual([7, '个', '10', '3', '50.0', '—', '—', '30.0', '—', '区投促局']);
  });

  it('keeps each figure behind its cell, for the source tooltip', () => {
    expect(row('限上零售业零售额').growth.figure?.id).toBe('retail_above.growth');
    expect(row('限上零售业零售额').gap.figure?.id).toBe('retail_above.gapToExpected');
    expect(row('限上零售业零售额').rank.figure?.inputs).toEqual([{ source: { file: '2023/03/全市各区主要经济指标（2023年1-3月）.xlsx', sheet: expect.any(String), cell: expect.any(String) } }]);
  });

  it('explains the columns below the table', () => {
    expect(appendix.notes).toEqual([
      '1. 同比增长、预期增速均为1—3月累计；与预期差 = 同比增长 − 预期增速，负数为低于预期。',
      '2. 完成全年目标 = 1—3月完成 ÷ 全年目标 × 100%，时序进度为25.0%。',
      '3. 全市位次按增速由高到低排列，共3个地区参与排名。',
      '4. “—”表示无此项数据或不可比。',
    ]);
  });

  it('names a lead unit missing from the targets table as that table names the others (区科工局, not 科工局)', async () => {
    // The mini targets table names 区科工局, 区商务局, 区投促局; drop 规上工业增加值's row: its bureau 科工局 gets the same “区”.
    const { config, computed, speech } = await narrated(FIXTURE);
    const rowsWith = (leadUnits: ReadonlyMap<string, string>) => buildContext(config, { ...computed, leadUnits }, { year: 2023, quarter: 2 }, speech.context.season).appendix.rows;
    const dropped = rowsWith(new Map([...computed.leadUnits].filter(([id]) => id !== 'industry_va')));
    expect(dropped.find((r) => r.name === '规上工业增加值')?.lead).toBe('区科工局');
    // With no lead units at all, the config's names stand.
    expect(rowsWith(new Map()).find((r) => r.name === '规上工业增加值')?.lead).toBe('科工局');
  });
});
