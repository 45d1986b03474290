// figures.json: every figure with its inputs, and the names a reader (or 核稿) needs to bind the
// speech's words to them — indicators with their aliases, projects, the place words.
import type { Config } from '../config/config.js';
import { monthLabel } from '../period.js';
import type { Figure } from '../types.js';
import type { Computed } from './compute.js';
import type { IndicatorFigures } from './indicator.js';

export interface FiguresDocument {
  readonly meeting: { readonly year: number; readonly quarter: number };
  readonly cutOff: string;
  readonly goal: string;
  /** 全县 / 全市 …: the words the speech uses for the district and the city as a whole. */
  readonly place: { readonly district: string; readonly area: string; readonly city: string; readonly cityArea: string };
  /** Data files read, relative to the data folder. */
  readonly files: readonly string[];
  readonly indicators: readonly { readonly id: string; readonly name: string; readonly aliases: readonly string[]; readonly unit: string }[];
  readonly projects: readonly { readonly id: string; readonly name: string }[];
  readonly figures: readonly Figure[];
}

export function figuresDocument(config: Config, computed: Computed, meeting: FiguresDocument['meeting'], files: readonly string[]): FiguresDocument {
  const { district, city } = config;
  return {
    meeting,
    cutOff: monthLabel(computed.cutOff),
    goal: monthLabel(computed.goal),
    place: { district: district.name, area: `全${district.kind}`, city: city.name, cityArea: `全${city.kind}` },
    files,
    indicators: config.indicators.map(({ id, name, aliases, unit }) => ({ id, name, aliases, unit })),
    projects: computed.projects.map((status, i) => ({ id: `project.${i + 1}`, name: status.project.name })),
    figures: computed.figures,
  };
}

/** Where each figure of a record goes, by the name its id ends with (`industry_va.<name>`). */
const RECORD_PATHS: Readonly<Record<string, readonly string[]>> = {
  value: ['value'], prevYear: ['prevYear'], growth: ['growth'], increase: ['increase'],
  monthValue: ['month', 'value'], monthPrevYear: ['month', 'prevYear'], monthGrowth: ['month', 'growth'],
  change: ['change'], expected: ['expected'], gapToExpected: ['gap'], goal: ['goal'], yearGoal: ['yearGoal'], target: ['target'],
  completion: ['completion', 'rate'], aheadOfSchedule: ['completion', 'ahead'],
  halfway: ['halfway'], yearTarget: ['yearTarget'],
  rank: ['rank', 'rank'], rankFromBottom: ['rank', 'fromBottom'], rankedUnits: ['rank', 'units'], rankShared: ['rank', 'shared'],
  rankMoveMonth: ['rank', 'moveMonth'], rankMoveQuarter: ['rank', 'moveQuarter'],
  forecast: ['forecast', 'rate'], forecastChange: ['forecast', 'change'], forecastGap: ['forecast', 'gap'],
  share: ['share'], recovery: ['recovery'], base2019: ['base2019'],
};

const PART_DEFAULTS: Readonly<Record<string, object>> = { rank: { before: [] } };

/**
 * The typed records again, from a figures.json: what 核稿 compares an edited draft with. Figures of
 * earlier months (…@YYYY-MM) stay in the flat list only.
 */
export function recordsOf(document: Pick<FiguresDocument, 'indicators' | 'figures'>): Map<string, IndicatorFigures> {
  const records = new Map<string, Record<string, unknown>>(document.indicators.map((i) => [i.id, { id: i.id }]));
  const timeProgress = document.figures.find((f) => f.id === 'timeProgress');
  for (const figure of document.figures) {
    const [indicator, name] = figure.id.split('.') as [string, string | undefined];
    const path = name === undefined || figure.id.includes('@') ? undefined : RECORD_PATHS[name];
    const record = records.get(indicator);
    if (!record || !path) continue;
    const [head, leaf] = path as [string, string | undefined];
    if (leaf === undefined) record[head] = figure;
    else record[head] = { ...PART_DEFAULTS[head], ...(record[head] as object | undefined), [leaf]: figure, ...(head === 'completion' ? { timeProgress } : {}) };
  }
  return records as unknown as Map<string, IndicatorFigures>;
}
