import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyChange, notComparable } from '../../src/compute/compare.js';
import { growthOf } from '../../src/compute/rules/growth.js';
import { formatFixed, roundHalfUp } from '../../src/compute/round.js';

describe('classifyChange (old cumulative rate a → new rate b, on published one-decimal rates)', () => {
  it.each([
    [3.1, 5.2, 'up', 2.1],
    [5.2, 3.1, 'down', -2.1],
    [0, 1.5, 'up', 1.5],
    [1.5, 0, 'down', -1.5],
    [-5.0, -3.2, 'narrowed', 1.8],
    [-3.2, -5.0, 'widened', -1.8],
    [-3.2, 1.2, 'turnedPositive', 4.4],
    [-3.2, 0, 'turnedPositive', 3.2], // 0 counts as no longer negative
    [1.2, -0.5, 'turnedNegative', -1.7],
    [0, -0.5, 'turnedNegative', -0.5],
    [4.6, 4.6, 'flat', 0],
    [4.64, 4.56, 'flat', 0], // both publish as 4.6: text agrees with the table
    [-1.8, -3.2, 'widened', -1.4], // mini fixture 规上工业增加值 1—2月 → 1—3月
    [4.04, 4.05, 'up', 0.1], // 4.0 → 4.1 (4.05 rounds half up)
  ])('%d → %d is %s by %d', (a, b, comparison, difference) => {
    expect(classifyChange(a, b)).toEqual({ comparison, difference });
  });

  const rate = fc.integer({ min: -2000, max: 2000 }).map((n) => n / 10);

  it('difference is always b − a of the published rates, exact to one decimal', () => {
    fc.assert(
      fc.property(rate, rate, (a, b) => {
        const { difference } = classifyChange(a, b);
        expect(difference).toBe(Math.round((b - a) * 10) / 10);
      }),
    );
  });

  it('the verb agrees with the signs: never "降幅" for a positive rate, never "由负转正" without a negative start', () => {
    fc.assert(
      fc.property(rate, rate, (a, b) => {
        const { comparison, difference } = classifyChange(a, b);
        if (comparison === 'narrowed' || comparison === 'widened') expect(a < 0 && b < 0).toBe(true);
        if (comparison === 'turnedPositive') expect(a < 0 && b >= 0).toBe(true);
        if (comparison === 'turnedNegative') expect(a >= 0 && b < 0).toBe(true);
        if (comparison === 'up' || comparison === 'narrowed') expect(difference).toBeGreaterThan(0);
        if (comparison === 'down' || comparison === 'widened') expect(difference).toBeLessThan(0);
        expect(comparison === 'flat').toBe(difference === 0);
      }),
    );
  });
});

describe('growthOf: 同比 from 本期 and 上年同期', () => {
  it.each([
    [11.8, 9.6, 22.9166666666667], // 投促局 到位资金: 11.8 ÷ 9.6 = 1.229166…
    [3, 2, 50],
    [2.05, 1, 105], // ≥ 100%: the text says 增长1.05倍
    [0, 5, -100], // 停产: 下降100%
  ])('%d vs %d → %d', (current, base, value) => {
    const growth = growthOf(current, base);
    expect(growth.value).toBeCloseTo(value, 10);
    expect(growth.comparison).toBeUndefined();
    expect(growth.formula).toBe('(本期 ÷ 上年同期 − 1) × 100');
  });

  it.each([
    [5, 0, '不可比：上年同期为0（新增）', 'new'],
    [0, 0, '不可比：上年同期为0', undefined],
    [3, -2, '不可比：上年同期为负数（扭亏为盈）', 'turnedProfit'],
    [-1, -2, '不可比：上年同期为负数（减亏）', 'lossNarrowed'],
    [-3, -2, '不可比：上年同期为负数（增亏）', 'lossWidened'],
    [null, 2, '不可比：本期数缺失', undefined],
    [2, null, '不可比：上年同期数缺失', undefined],
  ])('%s vs %s is 不可比 (%s), never NaN or Infinity', (current, base, note, comparison) => {
    const growth = growthOf(current, base);
    expect(growth.value).toBeNull();
    expect(growth.note).toBe(note);
    expect(growth.comparison).toBe(comparison);
    expect(notComparable(current, base).note).toBe(note);
  });
});

describe('rounding properties', () => {
  const decimal = fc.tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 3 }));

  it('a value written with d decimals is unchanged by rounding to d', () => {
    fc.assert(
      fc.property(decimal, ([units, d]) => {
        const value = units / 10 ** d;
        expect(roundHalfUp(value, d)).toBe(value);
      }),
    );
  });

  it('an exact half rounds away from zero (四舍五入), unlike binary toFixed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 2 }), (units, d) => {
        const half = (units * 10 + Math.sign(units || 1) * 5) / 10 ** (d + 1); // e.g. 1.005 for d = 2
        const expected = (units + Math.sign(units || 1)) / 10 ** d;
        expect(roundHalfUp(half, d)).toBe(expected);
      }),
    );
  });

  it('formatFixed always shows exactly d decimals and agrees with roundHalfUp', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 3 }), (value, d) => {
        const text = formatFixed(value, d);
        expect(text).toMatch(d === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${d}}$`));
        expect(Number(text)).toBe(roundHalfUp(value, d) || 0);
      }),
    );
  });
});
