import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { classifyColumn } from '../../src/ingest/table/columns.js';
import { periodInTitle } from '../../src/ingest/table/period.js';
import { convertUnit, unitFromMetaLine, unitIn } from '../../src/ingest/table/units.js';
import { parseNumberText, readNumber } from '../../src/ingest/table/values.js';

const where = { file: 'x.xlsx', sheet: 'Sheet1', cell: 'C5' };

describe('parseNumberText', () => {
  it.each([
    ['1,234.56', 1234.56],
    ['１２３．４', 123.4],
    ['－５．２', -5.2],
    ['\u22125.2', -5.2],
    ['–5.2', -5.2],
    ['5.2%', 5.2],
    ['增长5.2%', 5.2],
    ['下降3.1', -3.1],
    [' 12 ', 12],
  ])('%s → %d', (text, value) => expect(parseNumberText(text, where)).toBe(value));

  it.each(['', '—', '——', '-', '/', '…', '×', '无', '不可比'])('blank marker "%s" is missing, never zero', (text) => {
    expect(parseNumberText(text, where)).toBeNull();
  });

  it('names the cell of text it cannot read', () => {
    expect(() => parseNumberText('约5亿', where)).toThrow(DataError);
    try {
      parseNumberText('约5亿', where);
    } catch (error) {
      expect((error as DataError).describe()).toBe('x.xlsx › Sheet1 › C5：无法识别的数值「约5亿」：请填写数字，空缺请填“—”');
    }
  });
});

describe('readNumber', () => {
  it('scales a rate stored as a fraction under a % format', () => {
    expect(readNumber({ address: 'C5', value: 0.052, numFmt: '0.0%', indent: 0 }, where, true)).toBeCloseTo(5.2, 12);
    expect(readNumber({ address: 'C5', value: 5.2, numFmt: '0.0', indent: 0 }, where, true)).toBe(5.2);
  });

  it('reads the raw value of a red-negative format that shows no minus sign', () => {
    expect(readNumber({ address: 'C5', value: -3.2, numFmt: '0.0;[Red]0.0', indent: 0 }, where, true)).toBe(-3.2);
  });

  it('treats Excel errors as missing', () => {
    expect(readNumber({ address: 'C5', value: null, error: '#DIV/0!', indent: 0 }, where)).toBeNull();
  });
});

describe('units', () => {
  it('finds units in names, unit cells and meta lines', () => {
    expect(unitIn('商品房销售面积（万平方米）')).toBe('万平方米');
    expect(unitIn('亿元')).toBe('亿元');
    expect(unitIn('规上工业增加值')).toBeUndefined();
    expect(unitFromMetaLine(['填报单位：云溪区统计局', '单位：亿元、%'])).toBe('亿元');
    expect(unitFromMetaLine(['单位：万元'])).toBe('万元');
    expect(unitFromMetaLine(['单位：%'])).toBeUndefined();
  });

  it('converts 万元 to 亿元 and refuses different bases', () => {
    expect(convertUnit(2345, '万元', '亿元', where)).toBe(0.2345);
    expect(convertUnit(16.1, '亿元', '万元', where)).toBe(161000);
    expect(convertUnit(3.62, '万吨', '吨', where)).toBe(36200);
    expect(() => convertUnit(5, '吨', '亿元', where)).toThrow('两者无法换算');
  });
});

describe('classifyColumn', () => {
  const col = (...path: string[]) => classifyColumn({ index: 0, path, key: path.join('|').normalize('NFKC').replace(/\s+/g, '') });
  it.each([
    [['本月', '绝对值'], 'value', 'month'],
    [['1—3月累计', '同比增长(%)'], 'growth', 'ytd'],
    [['1—3月'], 'value', 'ytd'],
    [['本年累计'], 'value', 'ytd'],
    [['上年同期累计'], 'prevYear', 'ytd'],
    [['同比增减(±%)'], 'growth', 'ytd'],
    [['增幅（%）'], 'growth', 'ytd'],
    [['2019年同期'], 'base2019', 'ytd'],
    [['本月', '同比增长(%)'], 'growth', 'month'],
  ])('%j is %s over %s', (path, measure, scope) => expect(col(...path)).toEqual({ kind: 'measure', measure, scope }));

  it('reads a forecast column with its horizon, not as a second growth column', () => {
    expect(col('预计上半年增长(%)')).toEqual({ kind: 'measure', measure: 'forecast', scope: 'ytd', horizon: 6 });
    expect(col('全年预测增速(%)')).toEqual({ kind: 'measure', measure: 'forecast', scope: 'ytd', horizon: 12 });
    expect(col('预计增长(%)')).toEqual({ kind: 'ignore' }); // no horizon named: not guessed
  });

  it.each([['序号'], ['增减额'], ['完成率(%)'], ['恢复率(%)'], ['备注'], ['全年目标']])('%j is ignored', (...path) => {
    expect(col(...path)).toEqual({ kind: 'ignore' });
  });
});

describe('periodInTitle', () => {
  it.each([
    ['云溪区2023年1—3月主要经济指标', { year: 2023, month: 3 }],
    ['临江市各区县主要经济指标（2023年1-2月）', { year: 2023, month: 2 }],
    ['农业农村局2023年一季度报表', { year: 2023, month: 3 }],
    ['2023年上半年', { year: 2023, month: 6 }],
    ['科工局2023年3月报表', { year: 2023, month: 3 }],
  ])('%s → %j', (title, period) => expect(periodInTitle(title)).toEqual(period));

  it.each(['云溪区2023年重点项目推进台账', '报出日期：2023年4月8日', '主要经济指标'])('%s names no period', (title) => {
    expect(periodInTitle(title)).toBeUndefined();
  });
});
