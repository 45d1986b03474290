// Groups figures into what the speech talks about: rank groups, gaps to 预期, sectors, projects.
import type { Computed } from '../compute/compute.js';
import { earlierPoint } from '../compute/indicators.js';
import type { Milestone, ProjectStatus } from '../compute/projects.js';
import type { Config, IndicatorConfig } from '../config/config.js';
import { quarterName } from '../period.js';
import type { Figure, MissingReturn, YearMonth } from '../types.js';
import { chineseNumber, periodName } from './phrases.js';

export interface Meeting {
  readonly year: number;
  /** 1–4: the quarter whose work the meeting deploys. */
  readonly quarter: number;
}

export interface IndicatorView {
  readonly id: string;
  readonly name: string;
  readonly bureau: string;
  /** 牵头单位 from the target sheet, else the reporting bureau. */
  readonly lead: string;
  readonly unit: string;
  /** Figures by kind: value, growth, expected, gapToExpected, rank, rankFromBottom, goal, change … */
  readonly f: Readonly<Record<string, Figure>>;
}

export interface ProjectView {
  readonly name: string;
  readonly sector: string | null;
  readonly unit: string | null;
  readonly leader: string | null;
  readonly investment: Figure | null;
  readonly milestones: readonly Milestone[];
}

export interface SectorView {
  readonly id: string;
  readonly name: string;
  /** （一）, （二） … among the sectors shown. */
  readonly mark: string;
  readonly indicators: readonly IndicatorView[];
  /** Indicators with something to say about the review period (a growth or an amount). */
  readonly reviewed: readonly IndicatorView[];
  /** Indicators with a growth goal for the deployed horizon (or the year). */
  readonly goals: readonly IndicatorView[];
  /** Indicators with an amount target (50亿元, 10个). */
  readonly amountTargets: readonly IndicatorView[];
  readonly projects: readonly ProjectView[];
  /** Some indicator is below 预期 or in the city's bottom two, or a project is late. */
  readonly lagging: boolean;
}

/** The situation part's numbered problems (一是…二是…), only those with members. */
export type ProblemKind = 'rank' | 'expected' | 'forecast' | 'projects';

export interface ReportContext {
  readonly district: string;
  readonly city: string;
  readonly meeting: Meeting & { readonly quarterName: string; readonly dateLine: string };
  readonly cutOff: YearMonth & { readonly name: string; readonly since: string | null };
  readonly goal: YearMonth & { readonly name: string; readonly isHalfYear: boolean };
  readonly reviewsHalfYear: boolean;
  readonly lastInCity: readonly IndicatorView[];
  readonly secondLastInCity: readonly IndicatorView[];
  readonly leading: readonly IndicatorView[];
  readonly belowExpected: readonly IndicatorView[];
  readonly aboveExpected: readonly IndicatorView[];
  readonly lateProjects: readonly ProjectView[];
  /** Indicators whose 预计 growth for the deployed horizon falls short of its 预期, largest gap first. */
  readonly forecastShort: readonly IndicatorView[];
  readonly problems: readonly { readonly kind: ProblemKind }[];
  /** 双过半 at the end of June: indicators that are (or are not) half done. */
  readonly halfway: { readonly met: readonly IndicatorView[]; readonly missed: readonly IndicatorView[] };
  /** good: nothing lags; bad: nothing is ahead; mixed: both; steady: nothing to compare. */
  readonly tone: 'good' | 'mixed' | 'bad' | 'steady';
  /** Lagging indicators (below 预期 or bottom two in the city) grouped by 牵头单位. */
  readonly responsibilities: readonly { readonly lead: string; readonly indicators: readonly IndicatorView[] }[];
  readonly sectors: readonly SectorView[];
  /** Returns not yet in at the cut-off (未报送), said plainly in the speech. */
  readonly missing: readonly { readonly name: string }[];
  readonly figures: ReadonlyMap<string, Figure>;
}


export function buildContext(config: Config, computed: Computed, meeting: Meeting, missing: readonly MissingReturn[] = []): ReportContext {
  const figures = new Map(computed.figures.map((f) => [f.id, f]));
  const bureauName = new Map(config.bureaus.map((b) => [b.id, b.name]));
  const views = config.indicators
    .map((indicator) => viewOf(indicator, figures, bureauName.get(indicator.bureau)!, computed.leadUnits.get(indicator.id)))
    .filter((v) => Object.keys(v.f).length > 0);
  const fromBottom = (k: number) => views.filter((v) => v.f.rankFromBottom?.value === k && (v.f.rank?.value ?? 0) > 2);
  const byGap = (sign: 1 | -1) => views.filter((v) => v.f.gapToExpected?.value != null && sign * v.f.gapToExpected.value > 0).sort((a, b) => sign * (b.f.gapToExpected!.value! - a.f.gapToExpected!.value!));
  const projects = computed.projects.map(projectView);
  const { cutOff, goal } = computed;
  const lastInCity = fromBottom(1);
  const secondLastInCity = fromBottom(2);
  const belowExpected = byGap(1);
  const lateProjects = projects.filter((p) => p.milestones.some((m) => m.status === 'late'));
  const forecastShort = views.filter((v) => (v.f.forecastGap?.value ?? 0) > 0).sort((a, b) => b.f.forecastGap!.value! - a.f.forecastGap!.value!);
  const leading = views.filter((v) => v.f.rank?.value === 1);
  // Those first in the city are praised as such; the rest that beat 预期 are listed after them.
  const aboveExpected = byGap(-1).filter((v) => !leading.includes(v));
  const problems: { kind: ProblemKind }[] = [];
  if (lastInCity.length + secondLastInCity.length > 0) problems.push({ kind: 'rank' });
  if (belowExpected.length > 0) problems.push({ kind: 'expected' });
  if (forecastShort.length > 0) problems.push({ kind: 'forecast' });
  if (lateProjects.length > 0) problems.push({ kind: 'projects' });
  return {
    district: config.district.name,
    city: config.city.name,
    meeting: { ...meeting, quarterName: quarterName(meeting.quarter), dateLine: `${goal.year}年${cutOff.month === 12 ? 1 : cutOff.month + 1}月` },
    cutOff: { ...cutOff, name: periodName(cutOff.month), since: sinceName(cutOff) },
    goal: { ...goal, name: periodName(goal.month), isHalfYear: goal.month === 6 },
    reviewsHalfYear: cutOff.month === 6,
    lastInCity,
    secondLastInCity,
    leading,
    belowExpected,
    aboveExpected,
    lateProjects,
    forecastShort,
    problems,
    halfway: {
      met: views.filter((v) => v.f.halfway?.value != null && v.f.halfway.value >= 0),
      missed: views.filter((v) => v.f.halfway?.value != null && v.f.halfway.value < 0),
    },
    tone: toneOf(problems.length, aboveExpected.length + leading.length),
    responsibilities: byLead([...belowExpected, ...lastInCity, ...secondLastInCity]),
    sectors: sectorViews(config, views, projects),
    missing: missing.map((m) => ({ name: m.bureau })),
    figures,
  };
}

function isLagging(view: IndicatorView): boolean {
  return (view.f.gapToExpected?.value ?? 0) > 0 || ((view.f.rankFromBottom?.value ?? 99) <= 2 && (view.f.rank?.value ?? 0) > 2);
}

function sectorViews(config: Config, views: readonly IndicatorView[], projects: readonly ProjectView[]): SectorView[] {
  const sectorOf = new Map(config.indicators.map((c) => [c.id, c.sector]));
  const shown = config.sectors.filter((sector) => views.some((v) => sectorOf.get(v.id) === sector.id) || projects.some((p) => sectorOfProject(p, config) === sector.id));
  return shown.map((sector, i) => {
    const indicators = views.filter((v) => sectorOf.get(v.id) === sector.id);
    const sectorProjects = projects.filter((p) => sectorOfProject(p, config) === sector.id && p.milestones.some((m) => m.status === 'due' || m.status === 'late'));
    return {
      id: sector.id,
      name: sector.name,
      mark: `（${chineseNumber(i + 1)}）`,
      indicators,
      reviewed: indicators.filter((v) => v.f.growth?.value != null || v.f.value?.value != null),
      // Shares (负增长企业面) are spoken of with their own measures, amounts with their completion.
      goals: indicators.filter((v) => !v.f.target && !v.f.share && (v.f.goal ?? v.f.yearGoal)),
      amountTargets: indicators.filter((v) => v.f.target && v.f.completion),
      projects: sectorProjects,
      lagging: indicators.some(isLagging) || sectorProjects.some((p) => p.milestones.some((m) => m.status === 'late')),
    };
  });
}

/** The situation's tone, from evidence only: no strengths and no problems is merely 'steady'. */
function toneOf(problems: number, strengths: number): ReportContext['tone'] {
  if (problems === 0) return strengths === 0 ? 'steady' : 'good';
  return strengths === 0 ? 'bad' : 'mixed';
}

function byLead(views: readonly IndicatorView[]): { lead: string; indicators: IndicatorView[] }[] {
  const groups = new Map<string, IndicatorView[]>();
  for (const view of new Set(views)) groups.set(view.lead, [...(groups.get(view.lead) ?? []), view]);
  return [...groups].map(([lead, indicators]) => ({ lead, indicators }));
}

function viewOf(indicator: IndicatorConfig, figures: ReadonlyMap<string, Figure>, bureau: string, lead: string | undefined): IndicatorView {
  const f: Record<string, Figure> = {};
  for (const [id, figure] of figures) {
    if (figure.indicator === indicator.id && !id.includes('@')) f[id.slice(indicator.id.length + 1)] = figure;
  }
  for (const [id, figure] of figures) {
    if (figure.indicator === indicator.id && id.includes('@')) f[`${figure.kind}Before`] = figure;
  }
  return { id: indicator.id, name: indicator.name, bureau, lead: lead ?? bureau, unit: indicator.unit, f };
}

function projectView(status: ProjectStatus): ProjectView {
  const { project } = status;
  return { name: project.name, sector: project.sector, unit: project.unit, leader: project.leader, investment: status.investment, milestones: status.milestones };
}

/** The point the cumulative rate is compared with: 1—2月 for March, else the previous quarter. */
function sinceName(cutOff: YearMonth): string | null {
  const earlier = earlierPoint(cutOff);
  return earlier ? periodName(earlier.month) : null;
}

/** The sector whose `projects` words name the project's 领域; else the one listing "*". */
function sectorOfProject(project: ProjectView, config: Config): string | undefined {
  const field = project.sector ?? '';
  const named = config.sectors.find((s) => s.projects.some((word) => word !== '*' && field.includes(word)));
  return (named ?? config.sectors.find((s) => s.projects.includes('*')))?.id;
}
