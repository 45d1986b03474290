import { describe, expect, it } from 'vitest';
import {
  changePhrase, chineseNumber, completionPhrase, datePhrase, gapPhrase, growthPhrase, moneyPhrase, notComparablePhrase, periodName, rankMovePhrase,
  rankPhrase, targetPhrase,
} from '../../src/narrate/phrases.js';

describe('growthPhrase', () => {
  it.each([
    [5, '增长5.0%'],
    [-3.2, '下降3.2%'],
    [0, '与上年同期持平'],
    [0.04, '与上年同期持平'], // publishes as 0.0
    [-0.04, '与上年同期持平'],
    [0.05, '增长0.1%'],
    [105, '增长1.05倍'],
    [100, '增长1倍'],
    [250, '增长2.5倍'],
    [99.96, '增长1倍'], // publishes as 100.0
    [22.916666666666664, '增长22.9%'],
  ])('%d → %s', (rate, text) => expect(growthPhrase(rate)).toBe(text));
});

describe('gapPhrase (预期 − 实际)', () => {
  it.each([
    [5.2, '低于预期5.2个百分点'], // expected 2.0, actual −3.2
    [16.4, '低于预期16.4个百分点'],
    [-12.6, '高于预期12.6个百分点'],
    [0, '与预期持平'],
  ])('%d → %s', (gap, text) => expect(gapPhrase(gap)).toBe(text));
});

describe('changePhrase', () => {
  it.each([
    ['up', 2.1, '比一季度提高2.1个百分点'],
    ['down', -2.1, '比一季度回落2.1个百分点'],
    ['narrowed', 1.8, '降幅比一季度收窄1.8个百分点'],
    ['widened', -1.8, '降幅比一季度扩大1.8个百分点'],
    ['turnedPositive', 4.4, '比一季度由负转正'],
    ['turnedNegative', -1.7, '比一季度由正转负'],
    ['flat', 0, '与一季度持平'],
  ] as const)('%s %d: %s', (kind, difference, text) => expect(changePhrase(kind, difference, '一季度')).toBe(text));

  it('says what a growth that cannot be computed is', () => {
    expect(notComparablePhrase('new')).toBe('为新增');
    expect(notComparablePhrase('turnedProfit')).toBe('扭亏为盈');
    expect(notComparablePhrase('lossNarrowed')).toBe('同比减亏');
    expect(notComparablePhrase(undefined)).toBe('不可比');
  });
});

describe('rankPhrase', () => {
  it.each([
    [3, undefined, false, '全市', '居全市第3位'],
    [7, 1, false, '全市', '居全市倒数第一'],
    [6, 2, false, '全市', '居全市倒数第二'],
    [11, 1, true, '全市', '并列居全市倒数第一'],
    [2, undefined, true, '全市', '并列居全市第2位'],
    [4, undefined, false, '全州', '居全州第4位'],
  ] as const)('rank %d (倒数第%s, tied %s, %s) → %s', (rank, bottom, tied, cityArea, text) => expect(rankPhrase(rank, bottom, tied, cityArea)).toBe(text));

  it('says movement in 位', () => {
    expect(rankMovePhrase(-2)).toBe('后移2位'); // 4th → 6th
    expect(rankMovePhrase(2)).toBe('前移2位');
    expect(rankMovePhrase(0)).toBe('位次不变');
  });
});

describe('completionPhrase', () => {
  it('compares 完成率 with 时序进度 in 个百分点', () => {
    // 11.80 / 50 = 23.6%; Q1 时序进度 25.0%
    expect(completionPhrase(23.6, -1.4)).toBe('完成全年目标的23.6%，落后时序进度1.4个百分点');
    expect(completionPhrase(30, 5)).toBe('完成全年目标的30.0%，超时序进度5.0个百分点');
    expect(completionPhrase(50, 0)).toBe('完成全年目标的50.0%，与时序进度持平');
  });

  it('says no schedule for a closed year', () => {
    // 48.3 ÷ 45 = 107.3%, 时序进度 100%
    expect(completionPhrase(107.33, 7.3, true)).toBe('完成全年目标的107.3%');
  });
});

describe('moneyPhrase', () => {
  it.each([
    [161000, '万元', '16.1亿元'],
    [90000, '万元', '9亿元'],
    [2509, '万元', '2509万元'],
    [9999.6, '万元', '1亿元'], // rounds to 10000万元 first
    [16.1, '亿元', '16.1亿元'],
    [0.2345, '亿元', '2345万元'],
  ] as const)('%d %s → %s', (value, unit, text) => expect(moneyPhrase(value, unit)).toBe(text));
});

describe('targets, ordinals, periods and dates', () => {
  it('writes targets with their grammar', () => {
    expect(targetPhrase(2, 'atLeast')).toBe('增长2%以上');
    expect(targetPhrase(5, 'about')).toBe('增长5%左右');
    expect(targetPhrase(16, undefined)).toBe('增长16%');
    expect(targetPhrase(-8, undefined)).toBe('降幅控制在8%以内');
    expect(targetPhrase(-5, 'about')).toBe('降幅控制在5%左右');
    expect(targetPhrase(-50, 'atMost')).toBe('减少50%以上');
    expect(targetPhrase(6.5, 'atLeast')).toBe('增长6.5%以上');
  });

  it('counts in Chinese', () => {
    expect([1, 2, 3, 10, 12, 20, 21].map(chineseNumber)).toEqual(['一', '二', '三', '十', '十二', '二十', '二十一']);
  });

  it('names cumulative periods', () => {
    expect(periodName(3)).toBe('一季度');
    expect(periodName(6)).toBe('上半年');
    expect(periodName(2)).toBe('1—2月');
    expect(periodName(5)).toBe('1—5月');
    expect(periodName(3, 'months')).toBe('1—3月');
  });

  it('says deadlines as speeches do', () => {
    expect(datePhrase('2023-04-30', '“五一”')).toBe('“五一”前');
    expect(datePhrase('2023-04-30')).toBe('4月底前');
    expect(datePhrase('2023-06-30')).toBe('6月底前');
    expect(datePhrase('2023-05-15')).toBe('5月15日前');
    expect(datePhrase('2024-02-29')).toBe('2月底前');
  });
});
