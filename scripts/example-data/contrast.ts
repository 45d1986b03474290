// The contrast worlds: the mini world (same config, layouts, file names, months, report dates,
// targets, city table and ledger layout) with other numbers, for testing the speech's tone.
//   good — everything improving, above expectation, first in the city, projects on time;
//   bad  — everything lagging, below expectation, last in the city, projects late.
// Every number here is what the tests compute from.
import type { Figures, OutputFile, ProjectRow } from './layouts.js';
import { MINI_PROJECTS, MINI_RETURNS, buildMiniWorld, row, type CityTables, type MiniReturn } from './mini.js';
import { utcDate } from './xlsx.js';

/** Figures by bureau and month; must cover exactly the returns of the mini world. */
type ReturnFigures = Readonly<Record<string, Readonly<Record<number, Figures>>>>;

/** The mini world's returns (bureau, month, report date) with these figures. */
function returnsWith(world: string, figures: ReturnFigures): MiniReturn[] {
  const returns = MINI_RETURNS.map((r) => {
    const figs = figures[r.bureau]?.[r.month];
    if (figs === undefined) throw new Error(`${world}: no figures for ${r.bureau} 2023-${r.month}`);
    return { ...r, figs };
  });
  const given = Object.values(figures).reduce((n, byMonth) => n + Object.keys(byMonth).length, 0);
  if (given !== returns.length) throw new Error(`${world}: figures for returns the mini world does not have`);
  return returns;
}

/** A mini project with some fields changed. */
function project(name: string, changes: Partial<ProjectRow>): ProjectRow {
  const base = MINI_PROJECTS.find((p) => p.name === name);
  if (base === undefined) throw new Error(`mini world has no project ${name}`);
  return { ...base, ...changes };
}

// ── good ─────────────────────────────────────────────────────────────────────────────────────

const GOOD_FIGURES: ReturnFigures = {
  kgj: {
    2: {
      industry_va: { growth: 5.1, monthGrowth: null },
      industry_output: { value: 26.07, growth: 7.6, month: null, monthGrowth: null },
    },
    3: {
      industry_va: { growth: 6.5, monthGrowth: 7.0 },
      industry_output: { value: 40.12, growth: 8.2, month: 14.05, monthGrowth: 9.0 },
    },
  },
  swj: {
    2: {
      wholesale: { month: null, value: 12.6, prev: 9.45, growth: 33.3 },
      retail_above: { month: null, value: 7.3, prev: 6.8, growth: 7.4 },
      online_retail: { month: null, value: 0.95, prev: 0.8, growth: 18.8 },
      accommodation: { month: null, value: 1700, prev: 1480, growth: 14.9 },
    },
    3: {
      wholesale: { month: 7.55, value: 20.15, prev: 14.87, growth: 35.5 },
      retail_above: { month: 3.72, value: 11.02, prev: 10.1, growth: 9.1 },
      online_retail: { month: 0.55, value: 1.5, prev: 1.2, growth: 25.0 },
      accommodation: { month: 900, value: 2600, prev: 2200, growth: 18.2 },
    },
  },
  tcj: {
    1: {
      investment_attracted: { target: 50, value: 4.0, prev: 3.0, growth: 33.3 },
      projects_signed: { target: 10, value: 1, prev: 1, growth: 0.0 },
    },
    2: {
      investment_attracted: { target: 50, value: 9.1, prev: 6.5, growth: 40.0 },
      projects_signed: { target: 10, value: 3, prev: 1, growth: 200.0 },
    },
    3: {
      investment_attracted: { target: 50, value: 14.2, prev: 10.0, growth: 42.0 },
      projects_signed: { target: 10, value: 4, prev: 2, growth: 100.0 },
    },
  },
};

const GOOD_CITY_TABLES: CityTables = {
  2: [
    row('全市', [2.5, null], [14.2, null], [2.6, null], [11.2, null]),
    row('云溪', [5.1, 2], [33.3, 1], [7.4, 1], [14.9, 1]),
    row('江滨', [5.5, 1], [9.6, 3], [4.6, 2], [13.1, 2]),
    row('城东', [2.0, 3], [11.0, 2], [1.9, 3], [5.8, 3]),
    row('高新区', [7.2, null], [18.5, null], [null, null], [null, null]),
  ],
  3: [
    row('全市', [3.0, null], [20.0, null], [4.0, null], [12.0, null]),
    row('云溪区', [6.5, 1], [35.5, 1], [9.1, 1], [18.2, 1]),
    row('江滨区', [4.0, 2], [15.0, 2], [5.1, 2], [14.0, 2]),
    row('城东区', [2.0, 3], [10.2, 3], [2.2, 3], [6.5, 3]),
    row('临江高新区', [8.0, null], [20.0, null], [null, null], [null, null]),
  ],
};

const GOOD_PROJECTS: readonly ProjectRow[] = [
  project('云溪国际物流园', { plannedStart: utcDate(2023, 2, 15), actualStart: utcDate(2023, 2, 15), plannedFinish: utcDate(2024, 12, 31) }),
  project('临江路线迁移改造项目', { plannedStart: utcDate(2023, 4, 28), actualStart: null }),
  project('区人民医院综合业务大楼', { plannedStart: utcDate(2022, 3, 1), actualStart: utcDate(2022, 3, 1), plannedFinish: utcDate(2023, 6, 30) }),
];

// ── bad ──────────────────────────────────────────────────────────────────────────────────────

const BAD_FIGURES: ReturnFigures = {
  kgj: {
    2: {
      industry_va: { growth: -6.0, monthGrowth: null },
      industry_output: { value: 20.04, growth: -8.4, month: null, monthGrowth: null },
    },
    3: {
      industry_va: { growth: -8.5, monthGrowth: -9.1 },
      industry_output: { value: 30.05, growth: -9.8, month: 10.01, monthGrowth: -12.0 },
    },
  },
  swj: {
    2: {
      wholesale: { month: null, value: 7.0, prev: 8.2, growth: -14.6 },
      retail_above: { month: null, value: 5.5, prev: 6.6, growth: -16.7 },
      online_retail: { month: null, value: 0.4, prev: 0.5, growth: -20.0 },
      accommodation: { month: null, value: 1200, prev: 1450, growth: -17.2 },
    },
    3: {
      wholesale: { month: 3.02, value: 10.02, prev: 12.3, growth: -18.5 },
      retail_above: { month: 2.51, value: 8.01, prev: 9.9, growth: -19.1 },
      online_retail: { month: 0.2, value: 0.6, prev: 0.75, growth: -20.0 },
      accommodation: { month: 600, value: 1800, prev: 2300, growth: -21.7 },
    },
  },
  tcj: {
    1: {
      investment_attracted: { target: 50, value: 1.0, prev: 3.0, growth: -66.7 },
      projects_signed: { target: 10, value: 0, prev: 1, growth: -100.0 },
    },
    2: {
      investment_attracted: { target: 50, value: 3.0, prev: 6.0, growth: -50.0 },
      projects_signed: { target: 10, value: 0, prev: 1, growth: -100.0 },
    },
    3: {
      investment_attracted: { target: 50, value: 5.0, prev: 9.6, growth: -47.9 },
      projects_signed: { target: 10, value: 0, prev: 2, growth: -100.0 },
    },
  },
};

const BAD_CITY_TABLES: CityTables = {
  2: [
    row('全市', [2.5, null], [14.2, null], [2.6, null], [11.2, null]),
    row('云溪', [-6.0, 3], [-14.6, 3], [-16.7, 3], [-17.2, 3]),
    row('江滨', [3.9, 1], [9.6, 2], [4.6, 1], [13.1, 1]),
    row('城东', [-2.4, 2], [11.0, 1], [1.9, 2], [5.8, 2]),
    row('高新区', [7.2, null], [18.5, null], [null, null], [null, null]),
  ],
  3: [
    row('全市', [2.1, null], [15.0, null], [3.0, null], [12.0, null]),
    row('云溪区', [-8.5, 3], [-18.5, 3], [-19.1, 3], [-21.7, 3]),
    row('江滨区', [4.5, 1], [10.2, 1], [5.1, 1], [14.0, 1]),
    row('城东区', [1.0, 2], [5.0, 2], [2.2, 2], [6.5, 2]),
    row('临江高新区', [8.0, null], [20.0, null], [null, null], [null, null]),
  ],
};

const BAD_PROJECTS: readonly ProjectRow[] = [
  project('云溪国际物流园', { plannedStart: utcDate(2023, 2, 15), actualStart: null }),
  project('临江路线迁移改造项目', { plannedStart: utcDate(2023, 3, 10), actualStart: null }),
  project('区人民医院综合业务大楼', {
    plannedStart: utcDate(2022, 3, 1),
    actualStart: utcDate(2022, 3, 20),
    plannedFinish: utcDate(2023, 3, 31),
    actualFinish: null,
  }),
];

// ── the worlds ───────────────────────────────────────────────────────────────────────────────

export function goodWorld(): OutputFile[] {
  return buildMiniWorld({ name: 'good', returns: returnsWith('good', GOOD_FIGURES), cityTables: GOOD_CITY_TABLES, projects: GOOD_PROJECTS });
}

export function badWorld(): OutputFile[] {
  return buildMiniWorld({ name: 'bad', returns: returnsWith('bad', BAD_FIGURES), cityTables: BAD_CITY_TABLES, projects: BAD_PROJECTS });
}
