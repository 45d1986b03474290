// 本期, 上年同期 and 同比 at one point: as published for `reported` indicators (可比价, 同口径),
// from 本期 ÷ 上年同期 for `computed` ones, and 不可比 (with what can be said instead) on a base ≤ 0.
import type { IndicatorConfig } from '../../config/config.js';
import type { Figure, Period } from '../../types.js';
import { notComparable } from '../compare.js';
import { derived, figureId, observed } from '../figure.js';
import { type RuleContext, ownObservation } from './context.js';

export interface Point {
  readonly value?: Figure;
  readonly prevYear?: Figure;
  readonly growth?: Figure;
}

/** Figure names of a point: the cumulative (or stock) one, or the month alone (当月). */
const NAMES = {
  ytd: { value: 'value', prevYear: 'prevYear', growth: 'growth' },
  month: { value: 'monthValue', prevYear: 'monthPrevYear', growth: 'monthGrowth' },
} as const;

export function pointAt(ctx: RuleContext, indicator: IndicatorConfig, when: Period): Point {
  const names = NAMES[when.span === 'month' ? 'month' : 'ytd'];
  const read = (measure: 'value' | 'prevYear') => {
    const o = ownObservation(ctx, indicator, when, measure);
    return o && observed(figureId(indicator.id, names[measure], when, ctx.cutOff), measure, o);
  };
  const value = read('value');
  const prevYear = read('prevYear');
  const id = figureId(indicator.id, names.growth, when, ctx.cutOff);
  return { value, prevYear, growth: growthFigure(ctx, indicator, when, id, value, prevYear) };
}

function growthFigure(ctx: RuleContext, indicator: IndicatorConfig, when: Period, id: string, value?: Figure, prevYear?: Figure): Figure | undefined {
  if (indicator.growth === 'reported') {
    const o = ownObservation(ctx, indicator, when, 'growth');
    return o && observed(id, 'growth', o);
  }
  if (!value || !prevYear) return undefined;
  return derived({ id, indicator: indicator.id, kind: 'growth', period: when, unit: '%', inputs: [value, prevYear], ...growthOf(value.value, prevYear.value) });
}

/** (本期 ÷ 上年同期 − 1) × 100, only on a positive base; otherwise 不可比 with the reason. */
export function growthOf(current: number | null, base: number | null): Pick<Figure, 'value' | 'formula' | 'note' | 'comparison'> {
  const formula = '(本期 ÷ 上年同期 − 1) × 100';
  if (current === null || base === null || base <= 0) return { value: null, formula, ...notComparable(current, base) };
  return { value: (current / base - 1) * 100, formula };
}
