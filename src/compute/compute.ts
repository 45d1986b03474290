// The compute stage: Dataset → one typed record of figures per indicator, the projects' milestones,
// and the flat list of every figure for figures.json.
import type { Config } from '../config/config.js';
import type { Dataset, Figure, YearMonth } from '../types.js';
import { type IndicatorFigures, figuresOf, indicatorFigures } from './indicator.js';
import { ObservationIndex } from './observations.js';
import { type ProjectStatus, computeProjects } from './rules/projects.js';
import { withShare } from './rules/share.js';

export interface Computed {
  readonly cutOff: YearMonth;
  readonly goal: YearMonth;
  /** One record per catalogue indicator, in catalogue order. */
  readonly indicators: readonly IndicatorFigures[];
  readonly projects: readonly ProjectStatus[];
  /** Every figure the documents may state, each with its inputs: what figures.json lists. */
  readonly figures: readonly Figure[];
  /** 牵头单位 per indicator as the target sheet names it. */
  readonly leadUnits: ReadonlyMap<string, string>;
}

export function computeFigures(config: Config, dataset: Dataset, cutOff: YearMonth, goal: YearMonth): Computed {
  const ctx = { config, index: new ObservationIndex(dataset.observations), targets: dataset.targets, cutOff, goal };
  const indicators = withShare(config, config.indicators.map((indicator) => indicatorFigures(ctx, indicator)));
  const projects = computeProjects(dataset.projects, cutOff, goal);
  const figures = [...new Map([...indicators, ...projects].flatMap(figuresOf).map((f) => [f.id, f])).values()];
  const leadUnits = new Map(dataset.targets.filter((t) => t.leadUnit !== null).map((t) => [t.indicator, t.leadUnit!]));
  return { cutOff, goal, indicators, projects, figures, leadUnits };
}
