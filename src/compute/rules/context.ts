// What every rule may look at: the config, the observations by meaning, the targets, the cut-off
// (the last month the briefing reviews) and the goal (the month that ends the deployed horizon).
import type { Config, IndicatorConfig } from '../../config/config.js';
import type { Measure, Observation, Period, Target, YearMonth } from '../../types.js';
import type { ObservationIndex } from '../observations.js';

export interface RuleContext {
  readonly config: Config;
  readonly index: ObservationIndex;
  readonly targets: readonly Target[];
  readonly cutOff: YearMonth;
  readonly goal: YearMonth;
}

/** Our district's observation of a measure at a period, if a return or table gave one. */
export function ownObservation(ctx: RuleContext, indicator: IndicatorConfig, when: Period, measure: Measure): Observation | undefined {
  return ctx.index.find({ indicator: indicator.id, area: ctx.config.district.name, at: when, span: when.span, measure });
}

export function findTarget(ctx: RuleContext, indicator: IndicatorConfig, kind: Target['kind'], when: YearMonth): Target | undefined {
  return ctx.targets.find((t) => t.indicator === indicator.id && t.kind === kind && t.horizon === when.month && t.year === when.year);
}

export function sameMonth(a: YearMonth, b: YearMonth): boolean {
  return a.year === b.year && a.month === b.month;
}
