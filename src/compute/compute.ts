// The compute stage: Dataset → every figure the documents may state, and the projects' milestones.
import type { Config } from '../config/config.js';
import type { Dataset, Figure, YearMonth } from '../types.js';
import { FigureBook, figureId } from './figureBook.js';
import { computeIndicator } from './indicators.js';
import { ObservationIndex } from './observations.js';
import { type ProjectStatus, computeProjects } from './projects.js';

export interface Computed {
  readonly cutOff: YearMonth;
  readonly goal: YearMonth;
  readonly figures: readonly Figure[];
  readonly projects: readonly ProjectStatus[];
  /** 牵头单位 per indicator as the target sheet names it. */
  readonly leadUnits: ReadonlyMap<string, string>;
}

export function computeFigures(config: Config, dataset: Dataset, cutOff: YearMonth, goal: YearMonth): Computed {
  const book = new FigureBook();
  const index = new ObservationIndex(dataset.observations);
  const ctx = { config, index, targets: dataset.targets, book, cutOff: { ...cutOff, span: 'ytd' as const }, goal };
  for (const indicator of config.indicators) computeIndicator(ctx, indicator);
  shareFigure(book, 'negative_firms', 'industry_firms', cutOff);
  for (const indicator of config.indicators) recoveryFigure(book, index, config, indicator.id, cutOff);
  const projects = computeProjects(book, dataset.projects, cutOff, goal);
  const leadUnits = new Map(dataset.targets.filter((t) => t.leadUnit !== null).map((t) => [t.indicator, t.leadUnit!]));
  return { cutOff, goal, figures: book.all(), projects, leadUnits };
}

/** 负增长企业面 = 负增长企业数 ÷ 企业数 × 100 (both counts are kept as figures too). */
function shareFigure(book: FigureBook, partId: string, wholeId: string, cutOff: YearMonth): void {
  const part = book.get(`${partId}.value`);
  const whole = book.get(`${wholeId}.value`);
  if (part?.value == null || whole?.value == null || whole.value <= 0) return;
  book.derived({
    id: `${partId}.share`, indicator: partId, kind: 'share', period: { ...cutOff, span: 'stock' }, unit: '%',
    value: (part.value / whole.value) * 100, formula: '负增长企业数 ÷ 规上企业数 × 100', inputs: [part, whole],
  });
}

/** 恢复率 = 本期 ÷ 2019年同期 × 100, for indicators whose returns carry the 2019 baseline. */
function recoveryFigure(book: FigureBook, index: ObservationIndex, config: Config, indicator: string, cutOff: YearMonth): void {
  const current = book.get(`${indicator}.value`);
  if (current?.value == null) return;
  const o = index.find({ indicator, area: config.district.name, at: cutOff, span: current.period.span, measure: 'base2019' });
  if (o?.value == null || o.value <= 0) return;
  const base = book.observed(figureId(indicator, 'base2019'), 'value', o);
  book.derived({
    id: `${indicator}.recovery`, indicator, kind: 'recovery', period: current.period, unit: '%',
    value: (current.value / o.value) * 100, formula: '本期 ÷ 2019年同期 × 100', inputs: [current, base],
  });
}
