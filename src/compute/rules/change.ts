// 比上期: the cumulative rate against the earlier point's — 1—2月 for March, else the previous
// quarter's end — classified once (提高/回落/降幅收窄/扩大/由负转正/由正转负/持平).
import type { Figure, YearMonth } from '../../types.js';
import { classifyChange } from '../compare.js';
import { derived } from '../figure.js';

/** The point a cumulative rate at the cut-off is compared with (none in January and February). */
export function earlierPoint(cutOff: YearMonth): YearMonth | undefined {
  if (cutOff.month > 3) return { year: cutOff.year, month: Math.floor((cutOff.month - 1) / 3) * 3 };
  return cutOff.month >= 3 ? { year: cutOff.year, month: cutOff.month - 1 } : undefined;
}

export function changeFigure(growth: Figure | undefined, before: Figure | undefined): Figure | undefined {
  if (growth?.value == null || before?.value == null) return undefined;
  const { comparison, difference } = classifyChange(before.value, growth.value);
  return derived({
    id: `${growth.indicator}.change`, indicator: growth.indicator, kind: 'change', period: growth.period, unit: '个百分点', comparison,
    value: difference, formula: '本期累计增速 − 上期累计增速（均取一位小数）', inputs: [growth, before],
  });
}
