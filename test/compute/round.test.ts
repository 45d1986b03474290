import { describe, expect, it } from 'vitest';
import { formatFixed, roundHalfUp, subtractRounded } from '../../src/compute/round.js';

describe('roundHalfUp', () => {
  it.each([
    // value, decimals, expected — worked out by hand in decimal
    [1.005, 2, 1.01], // toFixed gives 1.00
    [2.675, 2, 2.68], // toFixed gives 2.67
    [1.45, 1, 1.5],
    [-1.45, 1, -1.5], // half away from zero, as 四舍五入 does for a decline
    [-2.25, 1, -2.3],
    [0.05, 1, 0.1],
    [-0.04, 1, 0], // never −0: it would print as "-0.0"
    [22.916666666666664, 1, 22.9], // 11.8 / 9.6 − 1 in %
    [42.57120862201694, 1, 42.6],
    [123456.5, 0, 123457],
    [0, 1, 0],
  ])('%d to %d decimals is %d', (value, decimals, expected) => {
    expect(roundHalfUp(value, decimals)).toBe(expected);
  });

  it('refuses NaN and Infinity instead of printing them', () => {
    expect(() => roundHalfUp(Number.NaN, 1)).toThrow(RangeError);
    expect(() => roundHalfUp(Number.POSITIVE_INFINITY, 1)).toThrow(RangeError);
  });
});

describe('formatFixed', () => {
  it.each([
    [5, 1, '5.0'],
    [-3.2, 1, '-3.2'],
    [0.04, 1, '0.0'],
    [-0.04, 1, '0.0'],
    [1.005, 2, '1.01'],
    [2509, 0, '2509'],
    [16.1, 2, '16.10'],
    [0.2345, 2, '0.23'],
    [1e-7, 2, '0.00'],
  ])('%d with %d decimals reads %s', (value, decimals, expected) => {
    expect(formatFixed(value, decimals)).toBe(expected);
  });
});

describe('subtractRounded', () => {
  it('gives 个百分点 free of binary noise', () => {
    expect(subtractRounded(5.0, -11.4, 1)).toBe(16.4);
    expect(subtractRounded(0.3, 0.1, 1)).toBe(0.2); // 0.3 − 0.1 = 0.19999999999999998
    expect(subtractRounded(23.6, 25, 1)).toBe(-1.4);
  });
});
