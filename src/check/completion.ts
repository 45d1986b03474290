// 完成全年目标 that cannot be right: above 300 % or below 0 — almost always a unit typed wrong in
// the targets sheet or the return. An error naming both cells, so the speech never says
// "完成全年目标的2938962.0%". (A target of 0 or below is refused by the targets reader.)
import { completionRate } from '../compute/rules/completion.js';
import type { Config } from '../config/config.js';
import type { CheckFinding, Observation, Target, YearMonth } from '../types.js';

const MAX_COMPLETION = 300;

/** Why a completion cannot be stated (a target not above 0, a rate off the scale), or undefined. */
export function completionProblem(value: number, target: number): 'target' | 'range' | undefined {
  if (!(target > 0)) return 'target';
  const rate = completionRate(value, target);
  return rate > MAX_COMPLETION || rate < 0 ? 'range' : undefined;
}

/** The year's amount targets of the cut-off's year against our district's value at the cut-off. */
export function checkCompletion(observations: readonly Observation[], targets: readonly Target[], config: Config, through: YearMonth): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const target of targets) {
    const indicator = config.indicators.find((i) => i.id === target.indicator);
    if (!indicator || target.kind !== 'amount' || target.horizon !== 12 || target.year !== through.year) continue;
    const value = observations.find(
      (o) => o.indicator === target.indicator && o.area === config.district.name && o.measure === 'value' && o.value !== null &&
        o.period.year === through.year && o.period.month === through.month && o.period.span === indicator.span,
    );
    // A target of 0 or below never gets here: the targets reader refuses it, naming its cell.
    if (!value || completionProblem(value.value!, target.value) !== 'range') continue;
    const rate = completionRate(value.value!, target.value);
    findings.push({
      level: 'error',
      kind: 'implausibleTarget',
      message: `「${indicator.name}」完成全年目标的 ${Math.abs(rate) < 1e6 ? rate.toFixed(1) : rate.toExponential(2)}%（本期 ${value.value}${value.unit}（${at(value.source)}），全年目标 ${target.value}${target.unit}（${at(target.source)}））：超过 ${MAX_COMPLETION}% 或小于 0，多半是单位或数字填错，请核对两处`,
      source: value.source,
    });
  }
  return findings;
}

function at(source: { file: string; sheet: string; cell: string }): string {
  return `${source.file} › ${source.sheet} › ${source.cell}`;
}
