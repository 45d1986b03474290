// What the speech talks about, built from the typed figures: the meeting and its place, the rank
// groups, gaps to 预期, forecasts, late projects, the sectors, and the season's phrases. Templates
// see only this (its shape is checked against every template before rendering, see shape.ts).
import type { Computed } from '../compute/compute.js';
import type { Config } from '../config/config.js';
import type { Role } from '../config/roles.js';
import type { Figure, MissingReturn } from '../types.js';
import { type Appendix, buildAppendix } from './appendix.js';
import { type GoalView, type MeetingView, type Place, type ReviewView, goalView, meetingView, placeOf, reviewView } from './meeting.js';
import { type Problems, type Tone, problemsOf, responsibilitiesOf, toneOf } from './problems.js';
import type { Holiday, Season, Seasons } from './season.js';
import { type IndicatorView, type SectorView, indicatorViews, rolesOf, sectorViews } from './views.js';

export type { IndicatorView, ProjectView, SectorView } from './views.js';

export interface Meeting {
  readonly year: number;
  /** 1–4: the quarter whose work the meeting deploys. */
  readonly quarter: number;
}

export interface ReportContext {
  readonly place: Place;
  readonly meeting: MeetingView;
  readonly review: ReviewView;
  readonly goal: GoalView;
  /** Phrases chosen by the meeting's quarter (templates/<set>/seasons.yaml). */
  readonly season: Season;
  readonly tone: Tone;
  /** First in the city. */
  readonly leading: readonly IndicatorView[];
  /** Above 预期 and not already praised as first in the city. */
  readonly aboveExpected: readonly IndicatorView[];
  /** The situation's numbered problems; each present only when it has members. */
  readonly problems: Problems;
  /** 双过半 (when the review ends in June): indicators that are, or are not, half done. */
  readonly halfway: { readonly met: readonly IndicatorView[]; readonly missed: readonly IndicatorView[] };
  /** Lagging indicators (below 预期 or bottom two in the city) grouped by 牵头单位. */
  readonly responsibilities: readonly { readonly lead: string; readonly indicators: readonly IndicatorView[] }[];
  readonly sectors: readonly SectorView[];
  /** The indicators playing each catalogue role (empty when none does). */
  readonly roles: Readonly<Record<Role, readonly IndicatorView[]>>;
  /** Returns not yet in at the cut-off (未报送), said plainly in the speech. */
  readonly missing: readonly { readonly name: string }[];
  /** 附表：主要经济指标完成情况表, one typed row per indicator. */
  readonly appendix: Appendix;
}

/** What the renderers need: the context, every figure by id (for provenance), the season's holidays. */
export interface Speech {
  readonly context: ReportContext;
  readonly figures: ReadonlyMap<string, Figure>;
  readonly holidays: readonly Holiday[];
}

export function narrate(config: Config, computed: Computed, meeting: Meeting, seasons: Seasons, missing: readonly MissingReturn[] = []): Speech {
  const context = buildContext(config, computed, meeting, seasons.season, missing);
  return { context, figures: new Map(computed.figures.map((f) => [f.id, f])), holidays: seasons.holidays };
}

export function buildContext(config: Config, computed: Computed, meeting: Meeting, season: Season, missing: readonly MissingReturn[] = []): ReportContext {
  const views = indicatorViews(config, computed);
  const problems = problemsOf(views, computed);
  const highlights = { leading: views.filter((v) => v.f.rank?.rank.value === 1) };
  const aboveExpected = views.filter((v) => (v.f.gap?.value ?? 0) < 0 && !highlights.leading.includes(v)).sort((a, b) => a.f.gap!.value! - b.f.gap!.value!);
  const context: Omit<ReportContext, 'appendix'> = {
    place: placeOf(config),
    meeting: meetingView(meeting, computed),
    review: reviewView(meeting, computed.cutOff),
    goal: goalView(computed.goal),
    season,
    tone: toneOf(problems, highlights.leading.length + aboveExpected.length),
    leading: highlights.leading,
    aboveExpected,
    problems,
    halfway: {
      met: views.filter((v) => (v.f.halfway?.value ?? -1) >= 0),
      missed: views.filter((v) => (v.f.halfway?.value ?? 0) < 0),
    },
    responsibilities: responsibilitiesOf(problems),
    sectors: sectorViews(config, views, computed),
    roles: rolesOf(views),
    missing: missing.map((m) => ({ name: m.bureau })),
  };
  return { ...context, appendix: buildAppendix(context, config.cityTable.rankedBy) };
}
