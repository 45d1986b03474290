// 完成全年目标 that cannot be right: a target of 0 (or below), or a completion above 300 % or below
// 0 — almost always a unit typed wrong in the targets sheet or the return. Each is an error naming
// both cells, so the speech never says "完成全年目标的2938962.0%".
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
    const targetAt = at(target.source);
    const valueAt = value ? `本期 ${value.value}${value.unit}（${at(value.source)}）` : '';
    if (target.value <= 0) {
      findings.push(error(`「${indicator.name}」的全年目标为 ${target.value}，无法计算完成率：总量目标应大于 0，请核对目标任务表${valueAt ? `（${valueAt}）` : ''}`, target.source));
      continue;
    }
    if (!value || completionProblem(value.value!, target.value) === undefined) continue;
    const rate = completionRate(value.value!, target.value);
    findings.push(error(
      `「${indicator.name}」完成全年目标的 ${rate.toFixed(1)}%（${valueAt}，全年目标 ${target.value}${target.unit}（${targetAt}））：超过 ${MAX_COMPLETION}% 或小于 0，多半是单位或数字填错，请核对两处`,
      value.source,
    ));
  }
  return findings;
}

function at(source: { file: string; sheet: string; cell: string }): string {
  return `${source.file} › ${source.sheet} › ${source.cell}`;
}

function error(message: string, source: CheckFinding['source']): CheckFinding {
  return { level: 'error', kind: 'implausibleTarget', message, source };
}
