// Key projects: which start/finish milestones were due by the cut-off (done, or late by n days)
// and which fall due in the quarter the meeting deploys.
import type { Figure, IsoDate, Period, Project, YearMonth } from '../../types.js';

export type MilestoneStatus = 'done' | 'late' | 'due' | 'later';

export interface Milestone {
  readonly kind: 'start' | 'finish';
  readonly planned: IsoDate;
  readonly actual: IsoDate | null;
  readonly status: MilestoneStatus;
  /** Days after the planned date: when it was done (done), or at the cut-off (late). */
  readonly daysLate: Figure | null;
}

export interface ProjectStatus {
  readonly project: Project;
  readonly investment: Figure | null;
  readonly milestones: readonly Milestone[];
}

const DAY_MS = 86_400_000;

export function lastDayOf(month: YearMonth): IsoDate {
  return new Date(Date.UTC(month.year, month.month, 0)).toISOString().slice(0, 10);
}

export function computeProjects(projects: readonly Project[], cutOff: YearMonth, goal: YearMonth): ProjectStatus[] {
  const asOf = lastDayOf(cutOff);
  const dueBy = lastDayOf(goal);
  const period: Period = { ...cutOff, span: 'stock' };
  return projects.map((project, i) => {
    const id = `project.${i + 1}`;
    const investment: Figure | null = project.totalInvestment === null ? null : {
      id: `${id}.totalInvestment`, indicator: id, kind: 'value', period, value: project.totalInvestment, unit: '万元', precision: 0,
      formula: 'reported', inputs: [{ source: project.cells.totalInvestment ?? project.source }],
    };
    const milestones: Milestone[] = [];
    for (const kind of ['start', 'finish'] as const) {
      const planned = kind === 'start' ? project.plannedStart : project.plannedFinish;
      const actual = kind === 'start' ? project.actualStart : project.actualFinish;
      if (planned === null) continue;
      const fields = kind === 'start' ? ['plannedStart', 'actualStart'] : ['plannedFinish', 'actualFinish'];
      const sources = fields.map((f) => project.cells[f]).filter((s) => s !== undefined);
      milestones.push(milestoneOf({ id: `${id}.${kind}`, period, kind, planned, actual, asOf, dueBy, sources }));
    }
    return { project, investment, milestones };
  });
}

interface MilestoneInput {
  readonly id: string;
  readonly period: Period;
  readonly kind: 'start' | 'finish';
  readonly planned: IsoDate;
  readonly actual: IsoDate | null;
  readonly asOf: IsoDate;
  readonly dueBy: IsoDate;
  readonly sources: readonly NonNullable<Project['cells'][string]>[];
}

function milestoneOf(m: MilestoneInput): Milestone {
  const doneByCutOff = m.actual !== null && m.actual <= m.asOf;
  if (doneByCutOff) {
    const days = daysBetween(m.planned, m.actual!);
    return { kind: m.kind, planned: m.planned, actual: m.actual, status: 'done', daysLate: days > 0 ? delay(m, days, '实际日期 − 计划日期（天）') : null };
  }
  if (m.planned <= m.asOf) {
    // Due on the cut-off day itself and not reported done: late, but by no whole day yet.
    const days = daysBetween(m.planned, m.asOf);
    return { kind: m.kind, planned: m.planned, actual: null, status: 'late', daysLate: days > 0 ? delay(m, days, '截止日期 − 计划日期（天）') : null };
  }
  return { kind: m.kind, planned: m.planned, actual: null, status: m.planned <= m.dueBy ? 'due' : 'later', daysLate: null };
}

function delay(m: MilestoneInput, days: number, formula: string): Figure {
  return {
    id: `${m.id}.daysLate`, indicator: m.id.replace(/\.(start|finish)$/, ''), kind: 'value', period: m.period, value: days, unit: '天', precision: 0,
    formula, inputs: m.sources.map((source) => ({ source })),
  };
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}
