// The indicators, projects and sectors as the speech sees them: names, 牵头单位, the typed figures
// and, per sector, what its review, goals, actions and projects are made of.
import type { Computed } from '../compute/compute.js';
import type { IndicatorFigures } from '../compute/indicator.js';
import { bottomPlace } from '../compute/rules/rank.js';
import type { Milestone, ProjectStatus } from '../compute/rules/projects.js';
import type { Config, SectorConfig } from '../config/config.js';
import { ROLE_NAMES, type Role } from '../config/roles.js';
import type { Figure } from '../types.js';
import { chineseNumber } from './phrases.js';

export interface IndicatorView {
  readonly id: string;
  /** The catalogue name, without a 其中： mark or numbering. */
  readonly name: string;
  readonly unit: string;
  readonly bureau: string;
  /** 牵头单位 from the target sheet, else the reporting bureau; '' when neither names one. */
  readonly lead: string;
  readonly role?: Role;
  readonly f: IndicatorFigures;
  /** Below 预期 (its gap is said in 一、 already). */
  readonly belowExpected: boolean;
  /** Below 预期, or 倒数第一/第二 in the city. */
  readonly lagging: boolean;
}

export interface ProjectView {
  readonly name: string;
  readonly sector: string | null;
  /** 牵头单位 as the ledger names it. */
  readonly unit: string | null;
  readonly leader: string | null;
  readonly investment: Figure | null;
  readonly milestones: readonly Milestone[];
  readonly late: boolean;
}

/** An action sentence of a sector, for one role its indicators play, with what its wording follows. */
export interface ActionView {
  readonly role: Role;
  readonly indicators: readonly IndicatorView[];
  /** The first (for single roles, the only) indicator. */
  readonly indicator: IndicatorView;
  /** Some indicator of the role declines (同比 < 0). */
  readonly falling: boolean;
  /** Some indicator of the role is below 预期 or in the city's bottom two. */
  readonly lagging: boolean;
  /** Those of its indicators that lag (below 预期 or bottom two), to be named. */
  readonly laggards: readonly IndicatorView[];
  /** Some indicator of the role is below its 2019 level (恢复率 < 100%). */
  readonly belowPreCovid: boolean;
  /** Some amount target of the role is behind 时序进度. */
  readonly behindSchedule: boolean;
}

export interface SectorView {
  readonly id: string;
  readonly name: string;
  /** The heading after its mark: 在工业稳增长上聚力攻坚. */
  readonly heading: string;
  /** （一）, （二） … among the sectors shown. */
  readonly mark: string;
  readonly indicators: readonly IndicatorView[];
  /** Indicators with something to say about the review period (a growth or an amount). */
  readonly reviewed: readonly IndicatorView[];
  /** Indicators with a growth goal for the deployed horizon, and those with only the year's. */
  readonly goals: readonly IndicatorView[];
  readonly yearGoals: readonly IndicatorView[];
  /** Indicators with an amount target and its completion. */
  readonly amountTargets: readonly IndicatorView[];
  /** Roles played in this sector, in catalogue order: one action sentence each. */
  readonly actions: readonly ActionView[];
  /** Projects with a milestone due in the deployed horizon or late. */
  readonly projects: readonly ProjectView[];
  readonly lagging: boolean;
}

export function indicatorViews(config: Config, computed: Computed): IndicatorView[] {
  const bureauName = new Map(config.bureaus.map((b) => [b.id, b.name]));
  const leadName = leadNaming(config.bureaus.map((b) => b.name), computed.leadUnits);
  return config.indicators.flatMap((indicator, i) => {
    const f = computed.indicators[i]!;
    if (Object.keys(f).length <= 1) return [];
    // An indicator only the city's table gives (source: city) has no bureau: nobody is named for it.
    const bureau = (indicator.bureau && bureauName.get(indicator.bureau)) || '';
    const belowExpected = (f.gap?.value ?? 0) > 0;
    const lagging = belowExpected || bottomPlace(f.rank) !== undefined;
    const role = indicator.role ? { role: indicator.role } : {};
    return [{ id: indicator.id, name: indicator.name, unit: indicator.unit, bureau, lead: computed.leadUnits.get(indicator.id) ?? leadName(bureau), ...role, f, belowExpected, lagging }];
  });
}

/**
 * A bureau leading an indicator the targets table does not list is named as that table names its lead
 * units: where it writes “区科工局” and “区商务局”, 文旅局 is “区文旅局” too, not the config's short name.
 */
function leadNaming(bureaus: readonly string[], leadUnits: ReadonlyMap<string, string>): (bureau: string) => string {
  const units = [...leadUnits.values()].flatMap((text) => text.split(/[、，,；;\s]+/));
  const prefixes = units.flatMap((unit) => bureaus.filter((b) => unit.endsWith(b)).map((b) => unit.slice(0, unit.length - b.length)));
  const common = prefixes.length > 0 && prefixes.every((p) => p === prefixes[0]) ? prefixes[0]! : '';
  return (bureau) => (bureaus.includes(bureau) ? `${common}${bureau}` : bureau);
}

export function rolesOf(views: readonly IndicatorView[]): Record<Role, IndicatorView[]> {
  return Object.fromEntries(ROLE_NAMES.map((role) => [role, views.filter((v) => v.role === role)])) as Record<Role, IndicatorView[]>;
}

export function projectView(status: ProjectStatus): ProjectView {
  const { project, investment, milestones } = status;
  return { name: project.name, sector: project.sector, unit: project.unit, leader: project.leader, investment, milestones, late: milestones.some((m) => m.status === 'late') };
}

export function sectorViews(config: Config, views: readonly IndicatorView[], computed: Computed): SectorView[] {
  const sectorOf = new Map(config.indicators.map((c) => [c.id, c.sector]));
  const projects = computed.projects.map(projectView).filter((p) => p.milestones.some((m) => m.status === 'due' || m.status === 'late'));
  const members = (sector: SectorConfig) => ({
    indicators: views.filter((v) => sectorOf.get(v.id) === sector.id),
    projects: projects.filter((p) => sectorOfProject(p, config) === sector.id),
  });
  const shown = config.sectors.map((sector) => ({ sector, ...members(sector) })).filter((s) => s.indicators.length + s.projects.length > 0);
  return shown.map(({ sector, indicators, projects: sectorProjects }, i) => ({
    id: sector.id,
    name: sector.name,
    heading: sector.heading ?? `在${sector.name}上聚力攻坚`,
    mark: `（${chineseNumber(i + 1)}）`,
    indicators,
    reviewed: indicators.filter((v) => statable(v.f.growth) || v.f.value?.value != null),
    goals: indicators.filter((v) => !v.f.share && v.f.goal),
    yearGoals: indicators.filter((v) => !v.f.share && !v.f.goal && v.f.yearGoal),
    amountTargets: indicators.filter((v) => v.f.target && v.f.completion),
    actions: actionsOf(indicators),
    projects: sectorProjects,
    lagging: indicators.some((v) => v.lagging) || sectorProjects.some((p) => p.late),
  }));
}

/** A growth that can be said: a number, or what it is instead (新增, 扭亏为盈 …); a blank cell is not. */
export function statable(growth: Figure | undefined): boolean {
  return growth !== undefined && (growth.value !== null || growth.comparison !== undefined);
}

function actionsOf(indicators: readonly IndicatorView[]): ActionView[] {
  const roles = [...new Set(indicators.flatMap((v) => (v.role ? [v.role] : [])))];
  return roles.map((role) => {
    const playing = indicators.filter((v) => v.role === role);
    return {
      role,
      indicators: playing,
      indicator: playing[0]!,
      falling: playing.some((v) => (v.f.growth?.value ?? 0) < 0),
      lagging: playing.some((v) => v.lagging),
      laggards: playing.filter((v) => v.lagging),
      belowPreCovid: playing.some((v) => (v.f.recovery?.value ?? 100) < 100),
      behindSchedule: playing.some((v) => (v.f.completion?.ahead.value ?? 0) < 0),
    };
  });
}

/** The sector whose `projects` words name the project's 领域; else the one listing "*". */
function sectorOfProject(project: ProjectView, config: Config): string | undefined {
  const field = project.sector ?? '';
  const named = config.sectors.find((s) => s.projects.some((word) => word !== '*' && field.includes(word)));
  return (named ?? config.sectors.find((s) => s.projects.includes('*')))?.id;
}
