// Per indicator: value, 同比, gap to 预期, completion, change, 双过半 — each a figure with its inputs.
import type { Config, IndicatorConfig } from '../config/config.js';
import type { Figure, Period, Target, YearMonth } from '../types.js';
import { classifyChange, notComparable } from './compare.js';
import { type FigureBook, figureId, precisionOf } from './figureBook.js';
import type { ObservationIndex } from './observations.js';
import { rankFigures } from './ranks.js';
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
  const value = observed(ctx, indicator, at, 'value');
  observed(ctx, indicator, at, 'prevYear');
  const growth = growthFigure(ctx, indicator, at);
  monthFigures(ctx, indicator);
  expectationFigures(ctx, indicator, growth);
  rankFigures(ctx, indicator);
  completionFigures(ctx, indicator, value);
  const earlier = earlierPoint(ctx.cutOff);
  if (earlier && growth?.value != null) changeFigure(ctx, indicator, growth, { ...earlier, span: indicator.span });
  if (ctx.cutOff.month === 6) halfwayFigure(ctx, indicator, growth);
  forecastFigures(ctx, indicator);
}

/** A bureau's 预计 growth for the horizon the meeting deploys, and its gap to that horizon's 预期. */
function forecastFigures(ctx: IndicatorContext, indicator: IndicatorConfig): void {
  const at = { ...ctx.goal, span: indicator.span };
  const o = ctx.index.find({ indicator: indicator.id, area: ctx.config.district.name, at, span: at.span, measure: 'forecast' });
  if (o?.value == null) return;
  const forecast = ctx.book.observed(`${indicator.id}.forecast`, 'forecast', o);
  const growth = ctx.book.get(`${indicator.id}.growth`);
  if (growth?.value != null) {
    const { comparison, difference } = classifyChange(growth.value, forecast.value!);
    ctx.book.derived({
      id: `${indicator.id}.forecastChange`, indicator: indicator.id, kind: 'change', period: at, unit: '个百分点', comparison,
      value: difference, formula: '预计增速 − 本期累计增速（均取一位小数）', inputs: [forecast, growth],
    });
  }
  const goal = ctx.book.get(`${indicator.id}.goal`);
  if (goal?.value == null) return;
  ctx.book.derived({
    id: `${indicator.id}.forecastGap`, indicator: indicator.id, kind: 'gapToExpected', period: at, unit: '个百分点',
    value: subtractRounded(goal.value, forecast.value!, 1), formula: '预期增速 − 预计增速（均取一位小数）', inputs: [goal, forecast],
  });
}

/** A number as published in our district's return, under its figure id (once). */
function observed(ctx: IndicatorContext, indicator: IndicatorConfig, at: Period, measure: 'value' | 'prevYear', kind: string = measure): Figure | undefined {
  const id = figureId(indicator.id, kind, at, ctx.cutOff);
  const existing = ctx.book.get(id);
  if (existing) return existing;
  const o = ctx.index.find({ indicator: indicator.id, area: ctx.config.district.name, at, span: at.span, measure });
  return o ? ctx.book.observed(id, measure, o) : undefined;
}

/** 同比: as published for `reported` indicators; from 本期 and 上年同期 for `computed` ones. */
function growthFigure(ctx: IndicatorContext, indicator: IndicatorConfig, at: Period, kind = 'growth'): Figure | undefined {
  const id = figureId(indicator.id, kind, at, ctx.cutOff);
  const existing = ctx.book.get(id);
  if (existing) return existing;
  if (indicator.growth === 'reported') {
    const o = ctx.index.find({ indicator: indicator.id, area: ctx.config.district.name, at, span: at.span, measure: 'growth' });
    return o ? ctx.book.observed(id, 'growth', o) : undefined;
  }
  const current = observed(ctx, indicator, at, 'value', kind === 'growth' ? 'value' : 'monthValue');
  const base = observed(ctx, indicator, at, 'prevYear', kind === 'growth' ? 'prevYear' : 'monthPrevYear');
  if (!current || !base) return undefined;
  return ctx.book.derived({ id, indicator: indicator.id, kind: 'growth', period: at, unit: '%', inputs: [current, base], ...growthOf(current.value, base.value) });
}

/** (本期 ÷ 上年同期 − 1) × 100, only on a positive base; otherwise 不可比 with the reason. */
export function growthOf(current: number | null, base: number | null): Pick<Figure, 'value' | 'formula' | 'note' | 'comparison'> {
  const formula = '(本期 ÷ 上年同期 − 1) × 100';
  if (current === null || base === null || base <= 0) return { value: null, formula, ...notComparable(current, base) };
  return { value: (current / base - 1) * 100, formula };
}

/**
 * 当月: the month's own value and growth as the return states them. A same-scope amount missing
 * from the return is derived as CUM(N) − CUM(N−1); a reported (可比价/同口径) rate never is.
 */
function monthFigures(ctx: IndicatorContext, indicator: IndicatorConfig): void {
  if (indicator.span !== 'ytd' || !indicator.valueReported) return;
  const month = { ...ctx.cutOff, span: 'month' as const };
  const value = observed(ctx, indicator, month, 'value', 'monthValue') ?? derivedMonthValue(ctx, indicator);
  if (indicator.growth === 'reported' || value?.value == null) {
    if (indicator.growth === 'reported') growthFigure(ctx, indicator, month, 'monthGrowth');
    return;
  }
  const base = observed(ctx, indicator, month, 'prevYear', 'monthPrevYear');
  if (base) ctx.book.derived({ id: `${indicator.id}.monthGrowth`, indicator: indicator.id, kind: 'growth', period: month, unit: '%', inputs: [value, base], ...growthOf(value.value, base.value) });
}

function derivedMonthValue(ctx: IndicatorContext, indicator: IndicatorConfig): Figure | undefined {
  if (ctx.cutOff.month < 2) return undefined;
  const now = ctx.book.get(`${indicator.id}.value`);
  const before = observed(ctx, indicator, { year: ctx.cutOff.year, month: ctx.cutOff.month - 1, span: 'ytd' }, 'value');
  if (now?.value == null || before?.value == null) return undefined;
  return ctx.book.derived({
    id: `${indicator.id}.monthValue`, indicator: indicator.id, kind: 'value', period: { ...ctx.cutOff, span: 'month' }, unit: now.unit,
    value: now.value - before.value, formula: '本月累计 − 上月累计（同口径数值）', inputs: [now, before],
  });
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

/** For amount targets (50亿元, 10个): 完成率, 时序进度 and the difference in 个百分点. */
function completionFigures(ctx: IndicatorContext, indicator: IndicatorConfig, value: Figure | undefined): void {
  const target = findTarget(ctx, indicator.id, 'amount', { year: ctx.cutOff.year, month: 12 });
  if (!target) return;
  const period = { ...ctx.cutOff, span: indicator.span };
  const targetFig = targetFigure(ctx, `${indicator.id}.target`, target, { year: ctx.cutOff.year, month: 12, span: indicator.span });
  if (value?.value == null) return;
  const common = { indicator: indicator.id, period, unit: '%' };
  const completion = ctx.book.derived({ ...common, id: `${indicator.id}.completion`, kind: 'completion', value: (value.value / target.value) * 100, formula: '累计完成 ÷ 全年目标 × 100', inputs: [value, targetFig] });
  const time = timeProgress(ctx);
  ctx.book.derived({ ...common, id: `${indicator.id}.aheadOfSchedule`, kind: 'aheadOfSchedule', unit: '个百分点', value: subtractRounded(completion.value!, time.value!, 1), formula: '完成率 − 时序进度（均取一位小数）', inputs: [completion, time] });
}

/** 时序进度 = months elapsed ÷ 12 (Q1 25.0%, 1–2月 16.7%, H1 50.0%). */
function timeProgress(ctx: IndicatorContext): Figure {
  return ctx.book.get('timeProgress') ?? ctx.book.derived({
    id: 'timeProgress', indicator: '', kind: 'timeProgress', period: ctx.cutOff, unit: '%',
    value: (ctx.cutOff.month / 12) * 100, formula: '已过月数 ÷ 12 × 100', inputs: [],
  });
}

/** The cumulative rate's change since the previous quarter's end (or since 1–2月 in March). */
function changeFigure(ctx: IndicatorContext, indicator: IndicatorConfig, growth: Figure, earlier: Period): void {
  const before = growthFigure(ctx, indicator, earlier);
  if (before?.value == null) return;
  const { comparison, difference } = classifyChange(before.value, growth.value!);
  ctx.book.derived({
    id: `${indicator.id}.change`, indicator: indicator.id, kind: 'change', period: growth.period, unit: '个百分点', comparison,
    value: difference, formula: '本期累计增速 − 上期累计增速（均取一位小数）', inputs: [growth, before],
  });
}

/**
 * 双过半 at the end of June: a volume target is half done (完成率 − 50, in 个百分点); a growth target
 * is read as the half year's growth against the full-year target (domain.md §2).
 */
function halfwayFigure(ctx: IndicatorContext, indicator: IndicatorConfig, growth: Figure | undefined): void {
  const common = { id: `${indicator.id}.halfway`, indicator: indicator.id, kind: 'halfway' as const, period: ctx.cutOff, unit: '个百分点' };
  const completion = ctx.book.get(`${indicator.id}.completion`);
  if (completion?.value != null) {
    ctx.book.derived({ ...common, value: subtractRounded(completion.value, 50, 1), formula: '完成率 − 50（不小于0即任务过半）', inputs: [completion] });
    return;
  }
  const target = findTarget(ctx, indicator.id, 'growth', { year: ctx.cutOff.year, month: 12 });
  if (!target || growth?.value == null) return;
  const stated = ctx.book.get(`${indicator.id}.yearGoal`);
  const yearGoal = stated?.period.year === ctx.cutOff.year ? stated : targetFigure(ctx, `${indicator.id}.yearTarget`, target, { year: ctx.cutOff.year, month: 12, span: indicator.span });
  ctx.book.derived({ ...common, value: subtractRounded(growth.value, target.value, 1), formula: '上半年增速 − 全年预期增速（不小于0即过半）', inputs: [growth, yearGoal] });
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
