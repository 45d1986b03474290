// A count at a point in time (规上企业数, 负增长企业数, 实有市场主体) is said as a number and how many
// more or fewer than a year before: 69家，比上年同期增加3家 — a growth rate of a count of firms reads
// as a rate of something else ("负增长企业数下降12.9%，降幅扩大" makes good news sound bad).
import type { IndicatorConfig } from '../../config/config.js';
import type { Figure } from '../../types.js';
import { derived } from '../figure.js';

const COUNT_UNITS: ReadonlySet<string> = new Set(['家', '个', '户', '人', '项']);

export function isStockCount(indicator: IndicatorConfig): boolean {
  return indicator.span === 'stock' && COUNT_UNITS.has(indicator.unit);
}

/** 本期 − 上年同期, for a count at a point in time. */
export function increaseFigure(indicator: IndicatorConfig, value: Figure | undefined, prevYear: Figure | undefined): Figure | undefined {
  if (!isStockCount(indicator) || value?.value == null || prevYear?.value == null) return undefined;
  return derived({
    id: `${indicator.id}.increase`, indicator: indicator.id, kind: 'increase', period: value.period, unit: indicator.unit,
    value: value.value - prevYear.value, formula: '本期 − 上年同期', inputs: [value, prevYear],
  });
}
