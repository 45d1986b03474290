// 双过半 at the end of June: a volume target is half done (完成率 − 50, in 个百分点); a growth target
// is read as the half year's growth against the full-year target (domain.md §2).
import type { IndicatorConfig } from '../../config/config.js';
import type { Figure } from '../../types.js';
import { at, derived, figureId } from '../figure.js';
import { subtractRounded } from '../round.js';
import type { Completion } from './completion.js';
import { type RuleContext, findTarget } from './context.js';
import { targetFigure } from './targets.js';

export interface Halfway {
  /** 完成率 − 50, or 上半年增速 − 全年预期: not below 0 means 过半. */
  readonly halfway: Figure;
  /** The full-year growth target compared with, when it is not already the record's yearGoal. */
  readonly yearTarget?: Figure;
}

export function halfwayFigures(ctx: RuleContext, indicator: IndicatorConfig, growth: Figure | undefined, completion: Completion | undefined, yearGoal: Figure | undefined): Halfway | undefined {
  if (ctx.cutOff.month !== 6) return undefined;
  const common = { id: `${indicator.id}.halfway`, indicator: indicator.id, kind: 'halfway' as const, period: at(ctx.cutOff, indicator.span), unit: '个百分点' };
  if (completion) {
    return { halfway: derived({ ...common, value: subtractRounded(completion.rate.value!, 50, 1), formula: '完成率 − 50（不小于0即任务过半）', inputs: [completion.rate] }) };
  }
  const yearEnd = { year: ctx.cutOff.year, month: 12 };
  const target = findTarget(ctx, indicator, 'growth', yearEnd);
  if (!target || growth?.value == null) return undefined;
  const stated = yearGoal?.period.year === ctx.cutOff.year ? yearGoal : undefined;
  const yearTarget = stated ?? targetFigure(target, figureId(indicator.id, 'yearTarget'), at(yearEnd, indicator.span));
  const halfway = derived({ ...common, value: subtractRounded(growth.value, target.value, 1), formula: '上半年增速 − 全年预期增速（不小于0即过半）', inputs: [growth, yearTarget] });
  return { halfway, ...(stated ? {} : { yearTarget }) };
}
