// A bureau's 预计 growth for the horizon the meeting deploys, its change from the cut-off's rate,
// and its gap to that horizon's 预期.
import type { IndicatorConfig } from '../../config/config.js';
import type { Figure } from '../../types.js';
import { classifyChange } from '../compare.js';
import { at, derived, observed } from '../figure.js';
import { subtractRounded } from '../round.js';
import { type RuleContext, ownObservation } from './context.js';

export interface Forecast {
  /** 预计增速 (always said with 预计). */
  readonly rate: Figure;
  /** 预计 − 本期累计, classified like any change of a cumulative rate. */
  readonly change?: Figure;
  /** 预期 − 预计 in 个百分点: positive is 低于预期. */
  readonly gap?: Figure;
}

export function forecastFigures(ctx: RuleContext, indicator: IndicatorConfig, growth: Figure | undefined, goal: Figure | undefined): Forecast | undefined {
  const horizon = at(ctx.goal, indicator.span);
  const o = ownObservation(ctx, indicator, horizon, 'forecast');
  if (o?.value == null) return undefined;
  const forecast = observed(`${indicator.id}.forecast`, 'forecast', o);
  const common = { indicator: indicator.id, period: horizon, unit: '个百分点' };
  const change = growth?.value == null ? undefined : changeTo(forecast, growth, common);
  const gap = goal?.value == null ? undefined : derived({
    ...common, id: `${indicator.id}.forecastGap`, kind: 'gapToExpected', value: subtractRounded(goal.value, o.value, 1), formula: '预期增速 − 预计增速（均取一位小数）', inputs: [goal, forecast],
  });
  return { rate: forecast, change, gap };
}

function changeTo(forecast: Figure, growth: Figure, common: Pick<Figure, 'indicator' | 'period' | 'unit'>): Figure {
  const { comparison, difference } = classifyChange(growth.value!, forecast.value!);
  return derived({ ...common, id: `${forecast.indicator}.forecastChange`, kind: 'change', comparison, value: difference, formula: '预计增速 − 本期累计增速（均取一位小数）', inputs: [forecast, growth] });
}
