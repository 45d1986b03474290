// Chinese phrasing of typed figures. Pure functions of numbers; the template helpers wrap them.
import { formatFixed, roundHalfUp } from '../compute/round.js';
import type { Comparison } from '../types.js';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (for section ordinals and 倒数第一). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`no Chinese numeral for ${n}`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** A rate in the published one-decimal form: 增长5.0% / 下降3.2% / 与上年同期持平 / 增长1.05倍. */
export function growthPhrase(rate: number): string {
  const published = roundHalfUp(rate, 1);
  if (published === 0) return '与上年同期持平';
  if (published >= 100) return `增长${timesText(rate)}倍`;
  return published > 0 ? `增长${formatFixed(published, 1)}%` : `下降${formatFixed(-published, 1)}%`;
}

/** +105% → "1.05", +100% → "1", +250% → "2.5" (倍 with up to two decimals). */
function timesText(rate: number): string {
  return formatFixed(rate / 100, 2).replace(/\.?0+$/, '');
}

/** A count's change from a year before: 增加3家 / 减少4家 / 持平. */
export function increasePhrase(increase: number, unit: string): string {
  if (increase === 0) return '持平';
  return increase > 0 ? `增加${increase}${unit}` : `减少${-increase}${unit}`;
}

/** 预期 − 实际 in 个百分点 → 低于预期5.2个百分点 / 高于预期12.6个百分点 / 与预期持平. */
export function gapPhrase(gap: number): string {
  const g = roundHalfUp(gap, 1);
  if (g === 0) return '与预期持平';
  return g > 0 ? `低于预期${formatFixed(g, 1)}个百分点` : `高于预期${formatFixed(-g, 1)}个百分点`;
}

/** A classified change of a cumulative rate (compute/compare.ts) → 比一季度提高2.1个百分点 / 降幅比一季度收窄1.8个百分点 / 比一季度由负转正. */
export function changePhrase(comparison: Comparison, difference: number, since: string): string {
  const size = `${formatFixed(Math.abs(difference), 1)}个百分点`;
  switch (comparison) {
    case 'up': return `比${since}提高${size}`;
    case 'down': return `比${since}回落${size}`;
    case 'narrowed': return `降幅比${since}收窄${size}`;
    case 'widened': return `降幅比${since}扩大${size}`;
    case 'turnedPositive': return `比${since}由负转正`;
    case 'turnedNegative': return `比${since}由正转负`;
    case 'flat': return `与${since}持平`;
    default: throw new Error(`not a change: ${comparison}`);
  }
}

/** A growth that cannot be computed, said as what it is: 新增 / 扭亏为盈 / 减亏 / 增亏 / 不可比. */
export function notComparablePhrase(comparison: Comparison | undefined): string {
  const words: Partial<Record<Comparison, string>> = { new: '为新增', turnedProfit: '扭亏为盈', lossNarrowed: '同比减亏', lossWidened: '同比增亏' };
  return (comparison && words[comparison]) ?? '不可比';
}

/**
 * 位次 → 居全市第3位 / 居全市倒数第一 / 并列居全市倒数第一. `bottom` is the place from the bottom a
 * speech states (compute's bottomPlace), `cityArea` the city as a whole (全市, 全州 …, from config).
 */
export function rankPhrase(rank: number, bottom: number | undefined, tied: boolean, cityArea: string): string {
  const tie = tied ? '并列' : '';
  if (bottom !== undefined) return `${tie}居${cityArea}倒数第${chineseNumber(bottom)}`;
  return `${tie}居${cityArea}第${rank}位`;
}

/** Rank movement (原位次 − 现位次): 前移2位 / 后移1位 / 位次不变. */
export function rankMovePhrase(move: number): string {
  if (move === 0) return '位次不变';
  return move > 0 ? `前移${move}位` : `后移${-move}位`;
}

/** 完成全年目标的23.6%，落后时序进度1.4个百分点; at the year's end the schedule is not said. */
export function completionPhrase(completion: number, ahead: number, yearEnd = false): string {
  const c = formatFixed(completion, 1);
  if (yearEnd) return `完成全年目标的${c}%`;
  const d = roundHalfUp(ahead, 1);
  const schedule = d === 0 ? '与时序进度持平' : d > 0 ? `超时序进度${formatFixed(d, 1)}个百分点` : `落后时序进度${formatFixed(-d, 1)}个百分点`;
  return `完成全年目标的${c}%，${schedule}`;
}

/** An amount with its unit, 亿元 for ≥ 1亿 and 万元 below: 161000万元 → 16.1亿元, 2509万元. */
export function moneyPhrase(value: number, unit: '万元' | '亿元'): string {
  const wan = roundHalfUp(unit === '亿元' ? value * 1e4 : value, 0);
  if (Math.abs(wan) >= 1e4) return `${trimZeros(formatFixed(wan / 1e4, 2))}亿元`;
  return `${wan}万元`;
}

export function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** "A、B、C" */
export function enumerate(items: readonly string[]): string {
  return items.join('、');
}

/**
 * A target as a speech sets it: 增长2%以上 / 增长5%左右 / 减少50%以上; an expected decline is a
 * ceiling on the fall: −8 → 降幅控制在8%以内, −5 左右 → 降幅控制在5%左右.
 */
export function targetPhrase(value: number, qualifier: string | undefined): string {
  const size = `${trimZeros(formatFixed(Math.abs(value), 1))}%`;
  if (qualifier === 'atMost') return `减少${size}以上`;
  if (value === 0) return '与上年持平';
  if (value < 0) return `降幅控制在${size}${qualifier === 'about' ? '左右' : '以内'}`;
  return `增长${size}${qualifier === 'atLeast' ? '以上' : qualifier === 'about' ? '左右' : ''}`;
}

/** The earlier point a change is said against (1—2月, 一季度; 去年 for last year's December). */
export function sinceName(before: { year: number; month: number }, after: { year: number; month: number }): string {
  const name = periodName(before.month);
  if (before.year === after.year) return name;
  return name === '全年' ? '去年' : `去年${name}`;
}

/** "1—3月", "1—2月", "一季度", "上半年", "前三季度", "全年" for a cumulative period ending in `month`. */
export function periodName(month: number, style: 'months' | 'quarters' = 'quarters'): string {
  if (style === 'quarters') {
    const named: Record<number, string> = { 3: '一季度', 6: '上半年', 9: '前三季度', 12: '全年' };
    if (named[month]) return named[month]!;
  }
  return month === 1 ? '1月' : `1—${month}月`;
}

/**
 * A deadline as said in speeches: 6月底前, 5月15日前, or before a holiday the template set names
 * (seasons.yaml maps a span of days to the holiday's name).
 */
export function datePhrase(iso: string, holiday?: string): string {
  if (holiday !== undefined) return `${holiday}前`;
  const [, m, d] = iso.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(Number(iso.slice(0, 4)), m, 0)).getUTCDate();
  if (d === lastDay) return `${m}月底前`;
  return `${m}月${d}日前`;
}
