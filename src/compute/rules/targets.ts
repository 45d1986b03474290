// Targets as figures: the 预期 at the cut-off and the gap to it (预期 − 实际, on the published
// one-decimal rates), the growth goal of the deployed horizon and of its year, the amount target.
import type { IndicatorConfig } from '../../config/config.js';
import type { Figure, Period, Target } from '../../types.js';
import { at, derived, figureId, precisionOf } from '../figure.js';
import { subtractRounded } from '../round.js';
import { type RuleContext, findTarget } from './context.js';

export interface Expectations {
  /** 预期 growth at the cut-off. */
  readonly expected?: Figure;
  /** 预期 − 实际 in 个百分点: positive is 低于预期. */
  readonly gap?: Figure;
  /** The growth goal of the horizon the meeting deploys (上半年增长2%以上). */
  readonly goal?: Figure;
  /** The full-year growth goal of the goal's year, when the deployed horizon is shorter. */
  readonly yearGoal?: Figure;
}

export function expectations(ctx: RuleContext, indicator: IndicatorConfig, growth: Figure | undefined): Expectations {
  const found = findTarget(ctx, indicator, 'growth', ctx.cutOff);
  const expected = found && targetFigure(found, figureId(indicator.id, 'expected'), at(ctx.cutOff, indicator.span));
  const goalTarget = findTarget(ctx, indicator, 'growth', ctx.goal);
  const goal = goalTarget && targetFigure(goalTarget, figureId(indicator.id, 'goal'), at(ctx.goal, indicator.span));
  const yearEnd = { year: ctx.goal.year, month: 12 };
  const yearTarget = ctx.goal.month === 12 ? undefined : findTarget(ctx, indicator, 'growth', yearEnd);
  const yearGoal = yearTarget && targetFigure(yearTarget, figureId(indicator.id, 'yearGoal'), at(yearEnd, indicator.span));
  return { expected, gap: gapFigure(expected, growth), goal, yearGoal };
}

function gapFigure(expected: Figure | undefined, growth: Figure | undefined): Figure | undefined {
  if (expected?.value == null || growth?.value == null) return undefined;
  return derived({
    id: `${growth.indicator}.gapToExpected`, indicator: growth.indicator, kind: 'gapToExpected', period: growth.period, unit: '个百分点',
    value: subtractRounded(expected.value, growth.value, 1), formula: '预期增速 − 实际增速（均取一位小数）', inputs: [expected, growth],
  });
}

/** A target as read from the targets sheet, with its grammar (以上, 左右) and wording kept. */
export function targetFigure(target: Target, id: string, period: Period): Figure {
  return {
    id,
    indicator: target.indicator,
    kind: target.kind === 'amount' ? 'target' : 'expected',
    period,
    value: target.value,
    unit: target.unit,
    precision: target.unit === '%' ? 1 : decimalsOf(target.value, precisionOf(target.unit)),
    formula: 'reported',
    inputs: [{ source: target.source }],
    ...(target.qualifier !== 'point' ? { qualifier: target.qualifier } : {}),
    ...(target.text ? { note: target.text } : {}),
  };
}

/** Decimals a target was written with (50 → 0, 16.5 → 1), at most `max`. */
function decimalsOf(value: number, max: number): number {
  for (let d = 0; d < max; d++) if (Number.isInteger(Number((value * 10 ** d).toPrecision(12)))) return d;
  return max;
}
