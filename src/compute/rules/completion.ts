// Amount targets (50亿元, 10个): 完成率 = 累计 ÷ 全年目标 × 100 against 时序进度 = months ÷ 12.
import type { IndicatorConfig } from '../../config/config.js';
import type { Figure, YearMonth } from '../../types.js';
import { at, derived, figureId } from '../figure.js';
import { subtractRounded } from '../round.js';
import { type RuleContext, findTarget } from './context.js';
import { targetFigure } from './targets.js';

export interface Completion {
  /** 完成全年目标的 x%. */
  readonly rate: Figure;
  readonly timeProgress: Figure;
  /** 完成率 − 时序进度 in 个百分点: positive is 超时序进度. */
  readonly ahead: Figure;
}

/** The full-year amount target of the cut-off's year, and how much of it is done. */
export function amountTarget(ctx: RuleContext, indicator: IndicatorConfig, value: Figure | undefined): { target?: Figure; completion?: Completion } {
  const found = findTarget(ctx, indicator, 'amount', { year: ctx.cutOff.year, month: 12 });
  if (!found) return {};
  const target = targetFigure(found, figureId(indicator.id, 'target'), at({ year: ctx.cutOff.year, month: 12 }, indicator.span));
  if (value?.value == null) return { target };
  return { target, completion: completionOf(value, target, ctx.cutOff) };
}

export function completionOf(value: Figure, target: Figure, cutOff: YearMonth): Completion {
  const common = { indicator: value.indicator, period: value.period };
  const rate = derived({ ...common, id: `${value.indicator}.completion`, kind: 'completion', unit: '%', value: completionRate(value.value!, target.value!), formula: '累计完成 ÷ 全年目标 × 100', inputs: [value, target] });
  const time = timeProgress(cutOff);
  const ahead = derived({ ...common, id: `${value.indicator}.aheadOfSchedule`, kind: 'aheadOfSchedule', unit: '个百分点', value: subtractRounded(rate.value!, time.value!, 1), formula: '完成率 − 时序进度（均取一位小数）', inputs: [rate, time] });
  return { rate, timeProgress: time, ahead };
}

/** 完成率 in %; a target of 0 has none (the data check refuses it before compute). */
export function completionRate(value: number, target: number): number {
  if (target === 0) throw new RangeError('a target of 0 has no completion rate');
  return (value / target) * 100;
}

/** 时序进度 = months elapsed ÷ 12 × 100 (1–2月 16.7%, Q1 25.0%, H1 50.0%, full year 100%). */
export function timeProgress(cutOff: YearMonth): Figure {
  return derived({ id: 'timeProgress', indicator: '', kind: 'timeProgress', period: at(cutOff, 'ytd'), unit: '%', value: (cutOff.month / 12) * 100, formula: '已过月数 ÷ 12 × 100', inputs: [] });
}
