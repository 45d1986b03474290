// The situation's problems (排位靠后, 低于预期, 预计难完成, 项目滞后), the tone they set, and who
// answers for each lagging indicator.
import type { Computed } from '../compute/compute.js';
import { bottomPlace } from '../compute/rules/rank.js';
import { type IndicatorView, type ProjectView, projectView } from './views.js';

export interface Problems {
  /** 居全市倒数第一 / 第二. */
  readonly rank?: { readonly last: readonly IndicatorView[]; readonly secondLast: readonly IndicatorView[] };
  /** Below 预期, largest gap first; `all` when every indicator with a 预期 is below it. */
  readonly expected?: { readonly indicators: readonly IndicatorView[]; readonly all: boolean };
  /** 预计 growth for the deployed horizon short of its 预期, largest gap first. */
  readonly forecast?: { readonly indicators: readonly IndicatorView[] };
  /** Projects with a milestone past due at the cut-off. */
  readonly projects?: { readonly projects: readonly ProjectView[] };
}

/** good: nothing lags; bad: nothing is ahead; mixed: both; steady: nothing to compare. */
export type Tone = 'good' | 'mixed' | 'bad' | 'steady';

export function problemsOf(views: readonly IndicatorView[], computed: Computed): Problems {
  const fromBottom = (k: number) => views.filter((v) => bottomPlace(v.f.rank) === k);
  const last = fromBottom(1);
  const secondLast = fromBottom(2);
  const withGap = views.filter((v) => v.f.gap?.value != null);
  const below = byLargest(withGap.filter((v) => v.f.gap!.value! > 0), (v) => v.f.gap!.value!);
  const forecast = byLargest(views.filter((v) => (v.f.forecast?.gap?.value ?? 0) > 0), (v) => v.f.forecast!.gap!.value!);
  const late = computed.projects.map(projectView).filter((p) => p.late);
  return {
    ...(last.length + secondLast.length > 0 ? { rank: { last, secondLast } } : {}),
    ...(below.length > 0 ? { expected: { indicators: below, all: below.length === withGap.length && below.length > 1 } } : {}),
    ...(forecast.length > 0 ? { forecast: { indicators: forecast } } : {}),
    ...(late.length > 0 ? { projects: { projects: late } } : {}),
  };
}

function byLargest<T>(items: readonly T[], key: (item: T) => number): T[] {
  return [...items].sort((a, b) => key(b) - key(a));
}

/** The situation's tone, from evidence only: no strengths and no problems is merely 'steady'. */
export function toneOf(problems: Problems, strengths: number): Tone {
  const count = Object.keys(problems).length;
  if (count === 0) return strengths === 0 ? 'steady' : 'good';
  return strengths === 0 ? 'bad' : 'mixed';
}

/** Lagging indicators (below 预期 or bottom two) grouped by 牵头单位, in the order first named. */
export function responsibilitiesOf(problems: Problems): { lead: string; indicators: IndicatorView[] }[] {
  const lagging = new Set([...(problems.expected?.indicators ?? []), ...(problems.rank?.last ?? []), ...(problems.rank?.secondLast ?? [])]);
  const groups = new Map<string, IndicatorView[]>();
  for (const view of lagging) if (view.lead !== '') groups.set(view.lead, [...(groups.get(view.lead) ?? []), view]);
  return [...groups].map(([lead, indicators]) => ({ lead, indicators }));
}
