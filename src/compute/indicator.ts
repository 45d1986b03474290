// The typed record of one indicator's figures: built by the rules, each rule once, and flattened
// into figures.json. Templates read these fields by name (f.growth, f.rank, f.completion …).
import type { IndicatorConfig } from '../config/config.js';
import type { Figure } from '../types.js';
import { at } from './figure.js';
import { type Point, pointAt } from './rules/growth.js';
import { type MonthPoint, monthPoint } from './rules/month.js';
import { changeFigure, earlierPoint } from './rules/change.js';
import { type Completion, amountTarget } from './rules/completion.js';
import type { RuleContext } from './rules/context.js';
import { type Forecast, forecastFigures } from './rules/forecast.js';
import { halfwayFigures } from './rules/halfway.js';
import { increaseFigure } from './rules/increase.js';
import { type Rank, rankFigures } from './rules/rank.js';
import { recoveryFigures } from './rules/recovery.js';
import { expectations } from './rules/targets.js';

export interface IndicatorFigures {
  readonly id: string;
  /** 本期 (累计 or 期末) and 上年同期 as published, and 同比. */
  readonly value?: Figure;
  readonly prevYear?: Figure;
  readonly growth?: Figure;
  /** For a count at a point in time: 本期 − 上年同期 (比上年同期增加3家). */
  readonly increase?: Figure;
  /** 当月 figures of the cut-off month. */
  readonly month?: MonthPoint;
  /** The rate at the earlier point (1—2月 or the previous quarter) and the change since. */
  readonly earlier?: Point;
  readonly change?: Figure;
  /** 预期 at the cut-off, the gap to it (预期 − 实际), the deployed horizon's and the year's goals. */
  readonly expected?: Figure;
  readonly gap?: Figure;
  readonly goal?: Figure;
  readonly yearGoal?: Figure;
  /** The full-year amount target and its completion against 时序进度. */
  readonly target?: Figure;
  readonly completion?: Completion;
  /** 双过半 (June only), with the year's growth target it compares with when not yearGoal. */
  readonly halfway?: Figure;
  readonly yearTarget?: Figure;
  readonly rank?: Rank;
  readonly forecast?: Forecast;
  /** 负增长企业面 (on the indicator with the negativeFirms role). */
  readonly share?: Figure;
  /** 恢复到2019年同期的 x%, with its baseline. */
  readonly recovery?: Figure;
  readonly base2019?: Figure;
}

export function indicatorFigures(ctx: RuleContext, indicator: IndicatorConfig): IndicatorFigures {
  const now = pointAt(ctx, indicator, at(ctx.cutOff, indicator.span));
  const earlierMonth = earlierPoint(ctx.cutOff);
  const earlier = earlierMonth && now.growth?.value != null ? pointAt(ctx, indicator, at(earlierMonth, indicator.span)) : undefined;
  const targets = expectations(ctx, indicator, now.growth);
  const amount = amountTarget(ctx, indicator, now.value);
  const halfway = halfwayFigures(ctx, indicator, now.growth, amount.completion, targets.yearGoal);
  const recovery = recoveryFigures(ctx, indicator, now.value);
  return prune({
    id: indicator.id,
    ...now,
    increase: increaseFigure(indicator, now.value, now.prevYear),
    month: monthPoint(ctx, indicator, now.value),
    earlier,
    change: changeFigure(now.growth, earlier?.growth),
    ...targets,
    ...amount,
    ...halfway,
    rank: rankFigures(ctx, indicator),
    forecast: forecastFigures(ctx, indicator, now.growth, targets.goal),
    ...recovery,
  });
}

/** Fields without a figure are left out, so a template's {{#if f.x}} means "the data has it". */
function prune<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && !isEmptyPoint(value))) as T;
}

function isEmptyPoint(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !('id' in value) && !Array.isArray(value) && Object.values(value).every((v) => v === undefined);
}

/** Every figure of a record, parts before what is derived from them, each once. */
export function figuresOf(record: object): Figure[] {
  const found = new Map<string, Figure>();
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (isFigure(value)) found.set(value.id, value);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
  };
  walk(record);
  return [...found.values()];
}

function isFigure(value: unknown): value is Figure {
  return typeof value === 'object' && value !== null && 'formula' in value && 'inputs' in value && 'id' in value;
}
