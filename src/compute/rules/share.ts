// 负增长企业面 = 负增长企业数 ÷ 规上企业数 × 100, between the indicators whose catalogue roles are
// negativeFirms and firmsInScope (both counts stay figures of their own).
import type { Config } from '../../config/config.js';
import type { Figure } from '../../types.js';
import { derived } from '../figure.js';
import type { IndicatorFigures } from '../indicator.js';

export function withShare(config: Config, records: readonly IndicatorFigures[]): IndicatorFigures[] {
  const byRole = (role: string) => records.find((r) => config.indicators.find((i) => i.id === r.id)?.role === role);
  const part = byRole('negativeFirms');
  const whole = byRole('firmsInScope');
  const share = part && whole && shareFigure(part.value, whole.value);
  return records.map((record) => (share && record === part ? { ...record, share } : record));
}

function shareFigure(part: Figure | undefined, whole: Figure | undefined): Figure | undefined {
  if (part?.value == null || whole?.value == null || whole.value <= 0) return undefined;
  return derived({
    id: `${part.indicator}.share`, indicator: part.indicator, kind: 'share', period: part.period, unit: '%',
    value: (part.value / whole.value) * 100, formula: '负增长企业数 ÷ 规上企业数 × 100', inputs: [part, whole],
  });
}
