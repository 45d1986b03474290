// The appendix table 附表：主要经济指标完成情况表, one typed row per indicator, each cell the figure
// it shows and the text it prints, so the HTML can give every cell its source.
import { bottomPlace } from '../compute/rules/rank.js';
import { formatFixed, roundHalfUp } from '../compute/round.js';
import type { IndicatorFigures } from '../compute/indicator.js';
import type { Figure } from '../types.js';
import type { IndicatorView, ReportContext } from './context.js';
import { periodName, targetPhrase } from './phrases.js';

export interface AppendixCell {
  /** "—" when there is nothing to show. */
  readonly text: string;
  readonly figure?: Figure;
}

export interface AppendixRow {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly target: AppendixCell;
  readonly value: AppendixCell;
  readonly growth: AppendixCell;
  readonly expected: AppendixCell;
  /** 实际 − 预期 in 个百分点: negative when below expectation (the figure holds 预期 − 实际). */
  readonly gap: AppendixCell;
  readonly completion: AppendixCell;
  readonly rank: AppendixCell;
  /** How many districts the city ranks, and the bottom place a speech would state (倒数第一/第二). */
  readonly rankedUnits: number | null;
  readonly bottomPlace: number | null;
  readonly lead: string;
}

export interface Appendix {
  readonly title: string;
  /** "单位：亿元、%" above the table. */
  readonly unitLine: string;
  /** Header of the value column: "1—3月完成". */
  readonly valueHeader: string;
  readonly rows: readonly AppendixRow[];
  readonly notes: readonly string[];
}

export const EMPTY = '—';

export function buildAppendix(context: Omit<ReportContext, 'appendix'>, rankedBy: string): Appendix {
  // An indicator with nothing to show this period (a seasonal one out of season) gets no row.
  const views = context.sectors.flatMap((sector) => sector.indicators).filter(hasFigures);
  const months = { review: context.review.month, goal: context.goal.month };
  const rows = views.map((view, i) => appendixRow(view, i + 1, months));
  const period = periodName(context.review.month, 'months');
  return {
    title: '附表：主要经济指标完成情况表',
    unitLine: unitLine(rows),
    valueHeader: `${period}完成`,
    rows,
    notes: notes(views, { period, month: context.review.month, cityArea: context.place.cityArea, rankedBy }),
  };
}

function hasFigures({ f }: IndicatorView): boolean {
  return [f.value, f.growth, f.rank?.rank, f.completion?.rate].some((figure) => figure?.value != null);
}

/** Months that end the reviewed period and the deployed horizon: which goal is the year's. */
export interface RowMonths {
  readonly review: number;
  readonly goal: number;
}

export function appendixRow(view: Pick<IndicatorView, 'id' | 'name' | 'unit' | 'lead' | 'f'>, index: number, months: RowMonths): AppendixRow {
  const { f } = view;
  return {
    index,
    id: view.id,
    name: view.name,
    unit: view.unit,
    target: targetCell(f.target, yearGoalOf(f, months)),
    value: numberCell(f.value),
    growth: numberCell(f.growth, 1),
    expected: numberCell(f.expected, 1),
    gap: f.gap?.value == null ? { text: EMPTY } : { text: formatFixed(-roundHalfUp(f.gap.value, 1), 1), figure: f.gap },
    completion: numberCell(f.completion?.rate, 1),
    rank: rankCell(f.rank?.rank, f.rank?.shared),
    rankedUnits: f.rank?.units?.value ?? null,
    bottomPlace: bottomPlace(f.rank) ?? null,
    lead: view.lead || EMPTY,
  };
}

/** A figure at its own precision (or `decimals`), "—" when missing or 不可比. */
export function numberCell(figure: Figure | undefined, decimals?: number): AppendixCell {
  if (figure?.value == null) return { text: EMPTY };
  return { text: formatFixed(figure.value, decimals ?? figure.precision), figure };
}

/**
 * The full-year growth goal of the year the table reviews: its 预期 when the review is the whole
 * year (a Q1 meeting looks back on December), the deployed goal when the meeting deploys the year
 * (Q4), else the year's goal beside the deployed one.
 */
function yearGoalOf(f: IndicatorFigures, months: RowMonths): Figure | undefined {
  if (months.review === 12) return f.expected;
  return months.goal === 12 ? f.goal : f.yearGoal;
}

/** An amount target prints as a number in the row's unit; a growth goal as said: 增长5%左右. */
function targetCell(amount: Figure | undefined, growth: Figure | undefined): AppendixCell {
  if (amount?.value != null) return numberCell(amount);
  if (growth?.value != null) return { text: targetPhrase(growth.value, growth.qualifier), figure: growth };
  return { text: EMPTY };
}

function rankCell(rank: Figure | undefined, shared: Figure | undefined): AppendixCell {
  if (rank?.value == null) return { text: EMPTY };
  return { text: `${rank.value}${(shared?.value ?? 1) > 1 ? '（并列）' : ''}`, figure: rank };
}

/** "单位：亿元、%", noting other units when rows have them (each row names its own). */
function unitLine(rows: readonly AppendixRow[]): string {
  const others = rows.some((r) => r.unit !== '亿元' && r.unit !== '%' && (r.value.figure || r.target.figure?.kind === 'target'));
  return `单位：亿元、%${others ? '（其他单位见“单位”栏）' : ''}`;
}

interface NoteWords {
  readonly period: string;
  readonly month: number;
  readonly cityArea: string;
  /** The config's words for how the city ranks (增速由高到低). */
  readonly rankedBy: string;
}

function notes(views: readonly IndicatorView[], words: NoteWords): string[] {
  const { period, month, cityArea, rankedBy } = words;
  const ranked = views.find((v) => v.f.rank?.units?.value != null)?.f.rank?.units?.value;
  const completes = views.some((v) => v.f.completion);
  const lines = [
    `同比增长、预期增速均为${period}累计；与预期差 = 同比增长 − 预期增速，负数为低于预期。`,
    ...(completes ? [`完成全年目标 = ${period}完成 ÷ 全年目标 × 100%，时序进度为${formatFixed((month / 12) * 100, 1)}%。`] : []),
    ...(ranked ? [`${cityArea}位次按${rankedBy}排列，共${ranked}个地区参与排名。`] : []),
    '“—”表示无此项数据或不可比。',
  ];
  return lines.map((line, i) => `${i + 1}. ${line}`);
}
