// Per indicator: value, 同比, gap to 预期, rank, completion — each a figure with its inputs.
import type { Config, IndicatorConfig } from '../config/config.js';
import type { Figure, Period, Target, YearMonth } from '../types.js';
import { type FigureBook, figureId, precisionOf } from './figureBook.js';
import type { ObservationIndex } from './observations.js';
import { subtractRounded } from './round.js';

export interface IndicatorContext {
  readonly config: Config;
  readonly index: ObservationIndex;
  readonly targets: readonly Target[];
  readonly book: FigureBook;
  /** The data cut-off: the last month the briefing reviews. */
  readonly cutOff: Period;
  /** Month that ends the horizon the meeting deploys (6 for a Q2 meeting), and its year. */
  readonly goal: YearMonth;
}

export function computeIndicator(ctx: IndicatorContext, indicator: IndicatorConfig): void {
  const at = { ...ctx.cutOff, span: indicator.span };
  const value = valueFigure(ctx, indicator, at);
  const growth = growthFigure(ctx, indicator, at);
  expectationFigures(ctx, indicator, growth);
  rankFigures(ctx, indicator, at);
  completionFigures(ctx, indicator, value);
  const earlier = earlierPoint(ctx.cutOff);
  if (earlier && growth?.value != null) changeFigure(ctx, indicator, growth, { ...earlier, span: indicator.span });
}

function valueFigure(ctx: IndicatorContext, indicator: IndicatorConfig, at: Period): Figure | undefined {
  const district = ctx.config.district.name;
  const id = figureId(indicator.id, 'value', at, ctx.cutOff);
  const o = ctx.index.find({ indicator: indicator.id, area: district, at, span: at.span, measure: 'value' });
  const prev = ctx.index.find({ indicator: indicator.id, area: district, at, span: at.span, measure: 'prevYear' });
  if (prev) ctx.book.observed(figureId(indicator.id, 'prevYear', at, ctx.cutOff), 'prevYear', prev);
  return o ? ctx.book.observed(id, 'value', o) : undefined;
}

/** 同比: as published for `reported` indicators; from 本期 and 上年同期 for `computed` ones. */
function growthFigure(ctx: IndicatorContext, indicator: IndicatorConfig, at: Period): Figure | undefined {
  const id = figureId(indicator.id, 'growth', at, ctx.cutOff);
  const existing = ctx.book.get(id);
  if (existing) return existing;
  const district = ctx.config.district.name;
  if (indicator.growth === 'reported') {
    const o = ctx.index.find({ indicator: indicator.id, area: district, at, span: at.span, measure: 'growth' });
    return o ? ctx.book.observed(id, 'growth', o) : undefined;
  }
  const current = ctx.book.get(figureId(indicator.id, 'value', at, ctx.cutOff)) ?? observedOnce(ctx, indicator, at, 'value');
  const base = ctx.book.get(figureId(indicator.id, 'prevYear', at, ctx.cutOff)) ?? observedOnce(ctx, indicator, at, 'prevYear');
  if (!current || !base) return undefined;
  return ctx.book.derived({ id, indicator: indicator.id, kind: 'growth', period: at, unit: '%', inputs: [current, base], ...growthOf(current.value, base.value) });
}

function observedOnce(ctx: IndicatorContext, indicator: IndicatorConfig, at: Period, measure: 'value' | 'prevYear'): Figure | undefined {
  const o = ctx.index.find({ indicator: indicator.id, area: ctx.config.district.name, at, span: at.span, measure });
  return o ? ctx.book.observed(figureId(indicator.id, measure, at, ctx.cutOff), measure, o) : undefined;
}

/** (本期 ÷ 上年同期 − 1) × 100, only on a positive base; otherwise 不可比 with the reason. */
export function growthOf(current: number | null, base: number | null): { value: number | null; formula: string; note?: string } {
  const formula = '(本期 ÷ 上年同期 − 1) × 100';
  if (current === null) return { value: null, formula, note: '不可比：本期数缺失' };
  if (base === null) return { value: null, formula, note: '不可比：上年同期数缺失' };
  if (base === 0) return { value: null, formula, note: '不可比：上年同期为0（新增）' };
  if (base < 0) return { value: null, formula, note: '不可比：上年同期为负数' };
  return { value: (current / base - 1) * 100, formula };
}

function findTarget(ctx: IndicatorContext, indicator: string, kind: Target['kind'], when: YearMonth): Target | undefined {
  return ctx.targets.find((t) => t.indicator === indicator && t.kind === kind && t.horizon === when.month && t.year === when.year);
}

function targetFigure(ctx: IndicatorContext, id: string, target: Target, period: Period): Figure {
  return ctx.book.add({
    id,
    indicator: target.indicator,
    kind: target.kind === 'amount' ? 'target' : 'expected',
    period,
    value: target.value,
    unit: target.unit,
    precision: target.unit === '%' ? 1 : decimalsOf(target.value, precisionOf(target.unit)),
    formula: 'reported',
    inputs: [{ source: target.source }],
    ...(target.qualifier !== 'point' ? { qualifier: target.qualifier } : {}),
    ...(target.text ? { note: target.text } : {}),
  });
}

/** 预期 at the cut-off and the gap to it (预期 − 实际, on published one-decimal rates); the meeting's goals. */
function expectationFigures(ctx: IndicatorContext, indicator: IndicatorConfig, growth: Figure | undefined): void {
  const expected = findTarget(ctx, indicator.id, 'growth', ctx.cutOff);
  if (expected) {
    const figure = targetFigure(ctx, `${indicator.id}.expected`, expected, { ...ctx.cutOff, span: indicator.span });
    if (growth?.value != null) {
      ctx.book.derived({
        id: `${indicator.id}.gapToExpected`, indicator: indicator.id, kind: 'gapToExpected', period: growth.period, unit: '个百分点',
        value: subtractRounded(figure.value!, growth.value, 1), formula: '预期增速 − 实际增速（均取一位小数）', inputs: [figure, growth],
      });
    }
  }
  const goal = findTarget(ctx, indicator.id, 'growth', ctx.goal);
  if (goal) targetFigure(ctx, `${indicator.id}.goal`, goal, { ...ctx.goal, span: indicator.span });
  const yearGoal = findTarget(ctx, indicator.id, 'growth', { year: ctx.goal.year, month: 12 });
  if (yearGoal && ctx.goal.month !== 12) targetFigure(ctx, `${indicator.id}.yearGoal`, yearGoal, { year: ctx.goal.year, month: 12, span: indicator.span });
}

/** 位次 from the city table, the number of ranked units N, and 倒数第k = N − 位次 + 1. */
function rankFigures(ctx: IndicatorContext, indicator: IndicatorConfig, at: Period): void {
  if (!indicator.ranked) return;
  for (const when of [ctx.cutOff, previousMonth(ctx.cutOff)]) {
    if (!when) continue;
    const rank = ctx.index.find({ indicator: indicator.id, area: ctx.config.district.name, at: when, span: 'ytd', measure: 'rank' });
    if (!rank || rank.value === null) continue;
    const rankFigure = ctx.book.observed(figureId(indicator.id, 'rank', { ...when, span: at.span }, ctx.cutOff), 'rank', rank);
    if (when !== ctx.cutOff) continue;
    const ranked = ctx.config.peers.filter((p) => p.ranked).map((p) => p.name).concat(ctx.config.district.name);
    const units = ctx.index.inSameFile({ indicator: indicator.id, at: when, span: 'ytd', measure: 'rank' }, rank.source.file, ranked).filter((o) => o.value !== null);
    const common = { indicator: indicator.id, period: rankFigure.period, unit: '' };
    const count = ctx.book.derived({ ...common, id: `${indicator.id}.rankedUnits`, kind: 'rankedUnits', value: units.length, formula: '全市比较表中有位次的区县数', inputs: units.map((o) => o.source) });
    ctx.book.derived({ ...common, id: `${indicator.id}.rankFromBottom`, kind: 'rankFromBottom', value: units.length - rank.value + 1, formula: '参与排名区县数 − 位次 + 1', inputs: [count, rankFigure] });
    const sharing = units.filter((o) => o.value === rank.value);
    ctx.book.derived({ ...common, id: `${indicator.id}.rankShared`, kind: 'rankedUnits', value: sharing.length, formula: '位次相同的区县数（大于1即并列）', inputs: sharing.map((o) => o.source) });
  }
}

/** For amount targets (50亿元, 10个): 完成率, 时序进度 and the difference in 个百分点. */
function completionFigures(ctx: IndicatorContext, indicator: IndicatorConfig, value: Figure | undefined): void {
  const target = findTarget(ctx, indicator.id, 'amount', { year: ctx.cutOff.year, month: 12 });
  if (!target) return;
  const period = { ...ctx.cutOff, span: indicator.span };
  const targetFig = targetFigure(ctx, `${indicator.id}.target`, target, { year: ctx.cutOff.year, month: 12, span: indicator.span });
  if (value?.value == null) return;
  const common = { indicator: indicator.id, period, unit: '%' };
  const completion = ctx.book.derived({ ...common, id: `${indicator.id}.completion`, kind: 'completion', value: (value.value / target.value) * 100, formula: '累计完成 ÷ 全年目标 × 100', inputs: [value, targetFig] });
  const time = ctx.book.get('timeProgress') ?? ctx.book.derived({ ...common, indicator: '', id: 'timeProgress', kind: 'timeProgress', value: (ctx.cutOff.month / 12) * 100, formula: '已过月数 ÷ 12 × 100', inputs: [] });
  ctx.book.derived({ ...common, id: `${indicator.id}.aheadOfSchedule`, kind: 'aheadOfSchedule', unit: '个百分点', value: subtractRounded(completion.value!, time.value!, 1), formula: '完成率 − 时序进度（均取一位小数）', inputs: [completion, time] });
}

/** The cumulative rate's change since the previous quarter's end (or since 1–2月 in March). */
function changeFigure(ctx: IndicatorContext, indicator: IndicatorConfig, growth: Figure, earlier: Period): void {
  const before = growthFigure(ctx, indicator, earlier);
  if (before?.value == null) return;
  ctx.book.derived({
    id: `${indicator.id}.change`, indicator: indicator.id, kind: 'change', period: growth.period, unit: '个百分点',
    value: subtractRounded(growth.value!, before.value, 1), formula: '本期累计增速 − 上期累计增速（均取一位小数）', inputs: [growth, before],
  });
}

/** Decimals a target was written with (50 → 0, 16.5 → 1), at most `max`. */
function decimalsOf(value: number, max: number): number {
  for (let d = 0; d < max; d++) if (Number.isInteger(Number((value * 10 ** d).toPrecision(12)))) return d;
  return max;
}

export function earlierPoint(cutOff: YearMonth): YearMonth | undefined {
  if (cutOff.month > 3) return { year: cutOff.year, month: Math.floor((cutOff.month - 1) / 3) * 3 };
  return cutOff.month >= 3 ? { year: cutOff.year, month: cutOff.month - 1 } : undefined;
}

function previousMonth(cutOff: YearMonth): YearMonth | undefined {
  return cutOff.month > 1 ? { year: cutOff.year, month: cutOff.month - 1 } : undefined;
}
