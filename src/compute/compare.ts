// The comparisons a speech states, decided on the published one-decimal rates (domain.md §2).
import type { Comparison } from '../types.js';
import { roundHalfUp, subtractRounded } from './round.js';

/** Old cumulative rate a, new rate b → the verb's kind and the size in 个百分点 (b − a, signed). */
export function classifyChange(before: number, after: number): { comparison: Comparison; difference: number } {
  const a = roundHalfUp(before, 1);
  const b = roundHalfUp(after, 1);
  const difference = subtractRounded(b, a, 1);
  return { comparison: changeKind(a, b), difference };
}

function changeKind(a: number, b: number): Comparison {
  if (a === b) return 'flat';
  if (a < 0 && b >= 0) return 'turnedPositive';
  if (a >= 0 && b < 0) return 'turnedNegative';
  if (a < 0 && b < 0) return b > a ? 'narrowed' : 'widened';
  return b > a ? 'up' : 'down';
}

/** Why 本期 against 上年同期 gives no growth rate, and what can be said instead. */
export function notComparable(current: number | null, base: number | null): { note: string; comparison?: Comparison } {
  if (current === null) return { note: '不可比：本期数缺失' };
  if (base === null) return { note: '不可比：上年同期数缺失' };
  if (base === 0) return current > 0 ? { note: '不可比：上年同期为0（新增）', comparison: 'new' } : { note: '不可比：上年同期为0' };
  if (current >= 0) return { note: '不可比：上年同期为负数（扭亏为盈）', comparison: 'turnedProfit' };
  return Math.abs(current) < Math.abs(base)
    ? { note: '不可比：上年同期为负数（减亏）', comparison: 'lossNarrowed' }
    : { note: '不可比：上年同期为负数（增亏）', comparison: 'lossWidened' };
}
