// 恢复率 = 本期 ÷ 2019年同期 × 100, for indicators whose returns carry the 2019 baseline.
import type { IndicatorConfig } from '../../config/config.js';
import type { Figure } from '../../types.js';
import { derived, figureId, observed } from '../figure.js';
import { type RuleContext, ownObservation } from './context.js';

export interface Recovery {
  readonly recovery: Figure;
  readonly base2019: Figure;
}

export function recoveryFigures(ctx: RuleContext, indicator: IndicatorConfig, value: Figure | undefined): Recovery | undefined {
  if (value?.value == null) return undefined;
  const o = ownObservation(ctx, indicator, value.period, 'base2019');
  if (o?.value == null || o.value <= 0) return undefined;
  const base2019 = observed(figureId(indicator.id, 'base2019'), 'value', o);
  const recovery = derived({
    id: `${indicator.id}.recovery`, indicator: indicator.id, kind: 'recovery', period: value.period, unit: '%',
    value: (value.value / o.value) * 100, formula: '本期 ÷ 2019年同期 × 100', inputs: [value, base2019],
  });
  return { recovery, base2019 };
}
