// The shape of what templates may read: every field of ReportContext, written once as data so that
// templates can be checked before rendering (a typo such as f.grwoth fails at its line). ShapeOf<T>
// makes the compiler hold this description to the TypeScript types: a field added to the context
// and not described here, or described and not in the context, does not compile.
import type { Role } from '../config/roles.js';
import { ROLE_NAMES } from '../config/roles.js';
import type { Figure } from '../types.js';
import type { IndicatorFigures } from '../compute/indicator.js';
import type { Point } from '../compute/rules/growth.js';
import type { Appendix, AppendixCell } from './appendix.js';
import type { ReportContext } from './context.js';
import type { ActionView, IndicatorView, ProjectView, SectorView } from './views.js';

export type Shape =
  | { readonly kind: 'string' | 'number' | 'boolean' | 'figure' }
  | { readonly kind: 'object'; readonly type: string; readonly fields: Readonly<Record<string, Shape>> }
  | { readonly kind: 'list'; readonly of: Shape };

type Leaf<K extends string> = { readonly kind: K };
type ObjectShape<T> = { readonly kind: 'object'; readonly type: string; readonly fields: { readonly [K in keyof T]-?: ShapeOf<NonNullable<T[K]>> } };

export type ShapeOf<T> = [T] extends [Figure]
  ? Leaf<'figure'>
  : [T] extends [readonly (infer E)[]]
    ? { readonly kind: 'list'; readonly of: ShapeOf<E> }
    : [T] extends [string]
      ? Leaf<'string'>
      : [T] extends [number]
        ? Leaf<'number'>
        : [T] extends [boolean]
          ? Leaf<'boolean'>
          : ObjectShape<T>;

/** The fields of a figure a template may read (value, comparison …); the rest is for figures.json. */
export const FIGURE_FIELDS: Readonly<Record<string, Shape>> = {
  value: { kind: 'number' },
  unit: { kind: 'string' },
  precision: { kind: 'number' },
  comparison: { kind: 'string' },
  qualifier: { kind: 'string' },
  note: { kind: 'string' },
};

const str = { kind: 'string' } as const;
const num = { kind: 'number' } as const;
const bool = { kind: 'boolean' } as const;
const fig = { kind: 'figure' } as const;

// Each part is written as a literal typed by ShapeOf<…>, so the compiler rejects a missing field
// and an extra one alike.
const point: ShapeOf<Point> = { kind: 'object', type: 'point', fields: { value: fig, prevYear: fig, growth: fig } };
const figures: ShapeOf<IndicatorFigures> = {
  kind: 'object',
  type: 'figures',
  fields: {
    id: str, value: fig, prevYear: fig, growth: fig, increase: fig,
    month: { kind: 'object', type: 'month', fields: { value: fig, prevYear: fig, growth: fig, previousCumulative: fig } },
    earlier: point, change: fig, expected: fig, gap: fig, goal: fig, yearGoal: fig, target: fig,
    completion: { kind: 'object', type: 'completion', fields: { rate: fig, timeProgress: fig, ahead: fig } },
    halfway: fig, yearTarget: fig,
    rank: { kind: 'object', type: 'rank', fields: { rank: fig, fromBottom: fig, units: fig, shared: fig, moveMonth: fig, moveQuarter: fig, before: { kind: 'list', of: fig } } },
    forecast: { kind: 'object', type: 'forecast', fields: { rate: fig, change: fig, gap: fig } },
    share: fig, recovery: fig, base2019: fig,
  },
};
const indicator: ShapeOf<IndicatorView> = { kind: 'object', type: 'indicator', fields: { id: str, name: str, unit: str, bureau: str, lead: str, role: str, f: figures, belowExpected: bool, lagging: bool } };
const indicators: ShapeOf<readonly IndicatorView[]> = { kind: 'list', of: indicator };
const project: ShapeOf<ProjectView> = {
  kind: 'object',
  type: 'project',
  fields: {
    name: str, sector: str, unit: str, leader: str, investment: fig, late: bool,
    milestones: { kind: 'list', of: { kind: 'object', type: 'milestone', fields: { kind: str, planned: str, actual: str, status: str, daysLate: fig } } },
  },
};
const projects: ShapeOf<readonly ProjectView[]> = { kind: 'list', of: project };
const action: ShapeOf<ActionView> = { kind: 'object', type: 'action', fields: { role: str, indicators, indicator, falling: bool, lagging: bool, laggards: indicators, belowPreCovid: bool, behindSchedule: bool } };
const sector: ShapeOf<SectorView> = {
  kind: 'object',
  type: 'sector',
  fields: {
    id: str, name: str, heading: str, mark: str, indicators, reviewed: indicators, goals: indicators, yearGoals: indicators,
    amountTargets: indicators, actions: { kind: 'list', of: action }, projects, lagging: bool,
  },
};
const cell: ShapeOf<AppendixCell> = { kind: 'object', type: 'cell', fields: { text: str, figure: fig } };
const appendix: ShapeOf<Appendix> = {
  kind: 'object',
  type: 'appendix',
  fields: {
    title: str, unitLine: str, valueHeader: str, notes: { kind: 'list', of: str },
    rows: {
      kind: 'list',
      of: {
        kind: 'object',
        type: 'row',
        fields: {
          index: num, id: str, name: str, unit: str, target: cell, value: cell, growth: cell, expected: cell, gap: cell,
          completion: cell, rank: cell, rankedUnits: num, bottomPlace: num, lead: str,
        },
      },
    },
  },
};
const roles = { kind: 'object', type: 'roles', fields: Object.fromEntries(ROLE_NAMES.map((role) => [role, indicators])) } as ShapeOf<Record<Role, readonly IndicatorView[]>>;

export const REPORT_SHAPE: ShapeOf<ReportContext> = {
  kind: 'object',
  type: 'report',
  fields: {
    place: { kind: 'object', type: 'place', fields: { district: str, area: str, kind: str, city: str, cityArea: str, reporter: str } },
    meeting: { kind: 'object', type: 'meeting', fields: { year: num, quarter: num, quarterName: str, dateLine: str } },
    review: { kind: 'object', type: 'review', fields: { year: num, month: num, name: str, short: str, months: str, since: str, now: str, closedYear: bool, isHalfYear: bool } },
    goal: { kind: 'object', type: 'goal', fields: { year: num, month: num, name: str, isHalfYear: bool, isFullYear: bool } },
    season: { kind: 'object', type: 'season', fields: { aim: str, stage: str, closing: str, consumption: str, agriculture: str, safety: str } },
    tone: str,
    leading: indicators,
    aboveExpected: indicators,
    problems: {
      kind: 'object',
      type: 'problems',
      fields: {
        rank: { kind: 'object', type: 'rankProblem', fields: { last: indicators, secondLast: indicators } },
        expected: { kind: 'object', type: 'expectedProblem', fields: { indicators, all: bool } },
        forecast: { kind: 'object', type: 'forecastProblem', fields: { indicators } },
        projects: { kind: 'object', type: 'projectProblem', fields: { projects } },
      },
    },
    halfway: { kind: 'object', type: 'halfway', fields: { met: indicators, missed: indicators } },
    responsibilities: { kind: 'list', of: { kind: 'object', type: 'responsibility', fields: { lead: str, indicators } } },
    sectors: { kind: 'list', of: sector },
    roles,
    missing: { kind: 'list', of: { kind: 'object', type: 'missing', fields: { name: str } } },
    appendix,
  },
};
