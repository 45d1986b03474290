// 当月: the month's own value and growth as the return states them. A same-scope amount missing
// from the return is derived as CUM(N) − CUM(N−1); a reported (可比价/同口径) rate never is.
import type { IndicatorConfig } from '../../config/config.js';
import type { Figure } from '../../types.js';
import { at, derived, figureId } from '../figure.js';
import { type RuleContext } from './context.js';
import { type Point, growthOf, pointAt } from './growth.js';

export interface MonthPoint extends Point {
  /** The previous month's cumulative value, when the month's value was derived from it. */
  readonly previousCumulative?: Figure;
}

export function monthPoint(ctx: RuleContext, indicator: IndicatorConfig, cumulative: Figure | undefined): MonthPoint | undefined {
  if (indicator.span !== 'ytd' || !indicator.valueReported) return undefined;
  const stated = pointAt(ctx, indicator, at(ctx.cutOff, 'month'));
  if (stated.value) return stated;
  const derivation = derivedMonthValue(ctx, indicator, cumulative);
  if (!derivation) return stated;
  const { value, previousCumulative } = derivation;
  if (indicator.growth === 'reported') return { ...stated, value, previousCumulative };
  const growth = stated.prevYear && derived({
    id: `${indicator.id}.monthGrowth`, indicator: indicator.id, kind: 'growth', period: value.period, unit: '%',
    inputs: [value, stated.prevYear], ...growthOf(value.value, stated.prevYear.value),
  });
  return { ...stated, value, growth, previousCumulative };
}

function derivedMonthValue(ctx: RuleContext, indicator: IndicatorConfig, now: Figure | undefined): { value: Figure; previousCumulative: Figure } | undefined {
  if (ctx.cutOff.month < 2 || now?.value == null) return undefined;
  const previous = { year: ctx.cutOff.year, month: ctx.cutOff.month - 1 };
  const before = pointAt(ctx, indicator, at(previous, 'ytd')).value;
  if (before?.value == null) return undefined;
  const value = derived({
    id: figureId(indicator.id, 'monthValue'), indicator: indicator.id, kind: 'value', period: at(ctx.cutOff, 'month'), unit: now.unit,
    value: now.value - before.value, formula: '本月累计 − 上月累计（同口径数值）', inputs: [now, before],
  });
  return { value, previousCumulative: before };
}
