// The example world: 云溪区's returns 2022-01 … 2023-06, the city tables, targets and projects,
// all derived from the story tables in story.ts.
import type { Config, IndicatorConfig } from '../../src/config/config.js';
import {
  BUREAU_LAYOUTS,
  buildCityTable,
  buildProjects,
  buildTargets,
  cityTableFileName,
  projectsFileName,
  targetsFileName,
  type CityCell,
  type CityRow,
  type Fig,
  type Figures,
  type OutputFile,
  type TargetRow,
} from './layouts.js';
import {
  AMOUNT_TARGETS,
  CITY_COLUMN_ORDER,
  CITY_ROW_ORDER,
  GROWTH,
  HITECH_BLANK,
  LEVEL_2022,
  PROJECTS_2023,
  RANK_2022,
  RANKS_2023,
  SERIES,
  SPREAD,
  TARGETS,
  TIES,
  WEIGHTS,
  type Anchors,
  FORECAST_2023,
} from './story.js';
import { growthOf, pick, prng, roundHalfUp, utcDate } from './xlsx.js';

const PERIODS: readonly (readonly [number, number])[] = [
  ...Array.from({ length: 12 }, (_, i) => [2022, i + 1] as const),
  ...Array.from({ length: 6 }, (_, i) => [2023, i + 1] as const),
];
const QUARTER_END = (m: number): boolean => m % 3 === 0;
/** Quarterly indicators whose row is left out (rather than shown with "—") between quarters. */
const ROW_ABSENT_BETWEEN_QUARTERS = new Set(['construction_output']);

// ── series ───────────────────────────────────────────────────────────────────────────────────

/** Linear interpolation between anchors, held flat before the first and after the last. */
export function interpolate(anchors: Anchors, m: number): number {
  const keys = Object.keys(anchors).map(Number).sort((a, b) => a - b);
  const at = (k: number): number => anchors[k]!;
  if (m <= keys[0]!) return at(keys[0]!);
  for (let i = 1; i < keys.length; i++) {
    const [a, b] = [keys[i - 1]!, keys[i]!];
    if (m <= b) return at(a) + ((at(b) - at(a)) * (m - a)) / (b - a);
  }
  return at(keys[keys.length - 1]!);
}

const growthAt = (id: string, year: number, m: number): number => roundHalfUp(interpolate(GROWTH[id]![year]!, m), 1);

/** 2022 cumulative level of a reported flow, at display precision; null between quarters. */
function level2022(id: string, m: number): number | null {
  const level = LEVEL_2022[id]!;
  if ('quarters' in level) return QUARTER_END(m) ? level.quarters[m]! : null;
  const total = level.weights.reduce((s, w) => s + w, 0);
  const upTo = level.weights.slice(0, m).reduce((s, w) => s + w, 0);
  return roundHalfUp((level.annual * upTo) / total, level.dp);
}

/** 本期 and 上年同期 of a reported flow; the growth is the published one, not recomputed. */
function reportedCum(id: string, year: number, m: number): { value: number; prev: number; growth: number } | null {
  const base = level2022(id, m);
  if (base === null) return null;
  const dp = LEVEL_2022[id]!.dp;
  const growth = growthAt(id, year, m);
  if (year === 2022) return { value: base, prev: roundHalfUp(base / (1 + growth / 100), dp), growth };
  return { value: roundHalfUp(base * (1 + growth / 100), dp), prev: base, growth };
}

function reportedFig(id: string, year: number, m: number, monthColumn: boolean): Fig {
  const now = reportedCum(id, year, m);
  if (now === null) return {};
  const level = LEVEL_2022[id]!;
  if ('quarters' in level) return { ...now, month: null, monthGrowth: null };
  const before = m > 1 ? reportedCum(id, year, m - 1) : null;
  const dp = level.dp;
  const month = !monthColumn ? null : before === null ? now.value : roundHalfUp(now.value - before.value, dp);
  const prevMonth = !monthColumn ? null : before === null ? now.prev : roundHalfUp(now.prev - before.prev, dp);
  return { ...now, month, monthGrowth: growthOf(month, prevMonth) };
}

/** 当月 growth of 规上工业增加值, consistent with the cumulative rates under 2022 output weights. */
function valueAddedMonthGrowth(year: number, m: number, monthColumn: boolean): number | null {
  if (!monthColumn) return null;
  const g = (k: number): number => growthAt('industry_va', year, k);
  if (m === 1) return g(1);
  const w = (k: number): number => level2022('industry_output', k)!;
  return roundHalfUp((g(m) * w(m) - g(m - 1) * w(m - 1)) / (w(m) - w(m - 1)), 1);
}

function seriesFig(id: string, year: number, m: number, monthColumn: boolean): Fig {
  const s = SERIES[id]!;
  const at = (y: number, k: number): number | null => s.years[y]?.[k - 1] ?? null;
  const value = at(year, m);
  const prev = at(year - 1, m);
  const month = !monthColumn || value === null ? null : m === 1 ? value : roundHalfUp(value - (at(year, m - 1) ?? 0), s.dp);
  return { value, prev, growth: growthOf(value, prev), month, base2019: at(2019, m), target: AMOUNT_TARGETS[id]?.[year] ?? null };
}

function indicatorFig(ind: IndicatorConfig, year: number, m: number, monthColumn: boolean): Fig | undefined {
  if (ind.frequency === 'quarterly' && !QUARTER_END(m) && ROW_ABSENT_BETWEEN_QUARTERS.has(ind.id)) return undefined;
  if (!ind.valueReported) {
    const growth = GROWTH[ind.id] ? growthAt(ind.id, year, m) : null;
    const monthGrowth = ind.id === 'industry_va' ? valueAddedMonthGrowth(year, m, monthColumn) : null;
    return { growth, monthGrowth };
  }
  if (LEVEL_2022[ind.id]) return reportedFig(ind.id, year, m, monthColumn);
  if (SERIES[ind.id]) return seriesFig(ind.id, year, m, monthColumn);
  throw new Error(`story has no numbers for indicator ${ind.id}`);
}

/** All figures of one bureau's return. 1—2月 returns have no 本月 figures (January is merged). */
function bureauFigures(config: Config, bureauId: string, year: number, m: number): Figures {
  const months = config.bureaus.find((b) => b.id === bureauId)!.months;
  const monthColumn = m > Math.min(...months) || m === 1;
  const figs: Record<string, Fig> = {};
  for (const ind of config.indicators.filter((i) => i.bureau === bureauId)) {
    const f = indicatorFig(ind, year, m, monthColumn);
    if (f !== undefined) figs[ind.id] = f;
  }
  const forecasts = year === 2023 ? FORECAST_2023[m] : undefined;
  for (const [id, forecast] of Object.entries(forecasts ?? {})) {
    if (figs[id]) figs[id] = { ...figs[id], forecast };
  }
  if (bureauId === 'swj') {
    // A 其中 row outside the catalogue; its values are small, so its growth is shown as computed.
    const online = reportedFig('online_retail', year, m, monthColumn);
    figs.online_retail = { ...online, growth: growthOf(online.value, online.prev) };
  }
  return figs;
}

// ── city table ───────────────────────────────────────────────────────────────────────────────

function plannedRank(id: string, year: number, m: number): number {
  if (year === 2023) return Math.round(interpolate(RANKS_2023[id]!, m));
  const shift = [-1, 0, 0, 1][Math.floor(pick(`rank/${id}/${year}/q${Math.ceil(m / 3)}`, 0, 4))]!;
  return Math.min(7, Math.max(1, RANK_2022[id]! + shift));
}

/** A step between neighbouring districts: stable per peer, a little jitter per month, ≥ 0.2. */
function step(id: string, peer: string, year: number, m: number): number {
  const s = SPREAD[id]! * pick(`step/${id}/${peer}`, 0.3, 1.0) * pick(`jitter/${id}/${peer}/${year}-${m}`, 0.85, 1.15);
  return Math.max(0.2, roundHalfUp(s, 1));
}

/** Growths of all units for one indicator, placing our district at the planned rank. */
function districtGrowths(config: Config, id: string, year: number, m: number, ours: number): Map<string, number | null> {
  const ranked = config.peers.filter((p) => p.ranked).map((p) => p.name);
  const rand = prng(`order/${id}`);
  const order = ranked.map((name) => ({ name, key: rand() })).sort((a, b) => a.key - b.key).map((p) => p.name);
  const rank = plannedRank(id, year, m);
  const tie = TIES.has(`${id}@${year}-${String(m).padStart(2, '0')}`);
  const out = new Map<string, number | null>([[config.district.name, ours]]);
  const above = order.slice(0, rank - 1);
  let level = ours;
  for (const peer of [...above].reverse()) out.set(peer, roundHalfUp((level += step(id, peer, year, m)), 1));
  level = ours;
  order.slice(rank - 1).forEach((peer, k) => {
    if (!(k === 0 && tie)) level -= step(id, peer, year, m);
    out.set(peer, roundHalfUp(level, 1));
  });
  for (const p of config.peers.filter((p) => !p.ranked)) {
    const offset = SPREAD[id]! * (pick(`hitech/${id}`, -0.5, 1.5) + pick(`hitech/${id}/${year}-${m}`, -0.2, 0.2));
    out.set(p.name, HITECH_BLANK.has(id) ? null : roundHalfUp(ours + offset, 1));
  }
  return out;
}

/** 位次 by growth, highest first, ties sharing a rank; null for units that are not ranked. */
function ranks(growths: Map<string, number | null>, rankedNames: ReadonlySet<string>): Map<string, number | null> {
  const ranked = [...growths].filter(([n, g]) => rankedNames.has(n) && g !== null) as [string, number][];
  return new Map([...growths.keys()].map((n) => {
    const g = growths.get(n);
    if (!rankedNames.has(n) || g == null) return [n, null];
    return [n, 1 + ranked.filter(([, other]) => other > g).length];
  }));
}

function cityGrowth(growths: Map<string, number | null>): number {
  let sum = 0;
  let weight = 0;
  for (const [name, g] of growths) {
    if (g === null) continue;
    sum += g * WEIGHTS[name]!;
    weight += WEIGHTS[name]!;
  }
  return roundHalfUp(sum / weight, 1);
}

function areaLabel(config: Config, name: string, short: boolean): string {
  const area = [config.district, ...config.peers].find((a) => a.name === name)!;
  return short ? (area.aliases[0] ?? name) : name;
}

const rankedAreas = (config: Config): Set<string> =>
  new Set([config.district.name, ...config.peers.filter((p) => p.ranked).map((p) => p.name)]);

/** One column pair of the city table: every unit's growth and rank, and the city's growth. */
interface CityColumnData {
  readonly growths: Map<string, number | null>;
  readonly ranks: Map<string, number | null>;
  readonly city: number;
}

function cityColumn(config: Config, growths: Map<string, number | null>): CityColumnData {
  return { growths, ranks: ranks(growths, rankedAreas(config)), city: cityGrowth(growths) };
}

/** 全市 first, then the units in CITY_ROW_ORDER. */
function tableRows(columns: readonly CityColumnData[], label: (name: string) => string): CityRow[] {
  const city: CityRow = { label: '全市', cells: columns.map((c) => ({ growth: c.city, rank: null })) };
  const areas = CITY_ROW_ORDER.map((name) => ({
    label: label(name),
    cells: columns.map((c): CityCell => ({ growth: c.growths.get(name) ?? null, rank: c.ranks.get(name) ?? null })),
  }));
  return [city, ...areas];
}

function cityTableRows(config: Config, year: number, m: number, ids: readonly string[], ours: (id: string) => number): CityRow[] {
  const columns = ids.map((id) => {
    const column = cityColumn(config, districtGrowths(config, id, year, m, ours(id)));
    const [got, planned] = [column.ranks.get(config.district.name), plannedRank(id, year, m)];
    if (got !== planned) throw new Error(`${id} ${year}-${m}: rank ${got} ≠ planned ${planned}`);
    return column;
  });
  const short = (year + m) % 2 === 1;
  return tableRows(columns, (name) => areaLabel(config, name, short));
}

/** Stale numbers of an earlier year for the hidden sheet. */
function staleRows(config: Config, year: number, m: number, ids: readonly string[]): CityRow[] {
  const rand = prng(`stale/${year}-${m}`);
  const columns = ids.map(() =>
    cityColumn(config, new Map(CITY_ROW_ORDER.map((n) => [n, roundHalfUp(-8 + rand() * 24, 1)]))),
  );
  return tableRows(columns, (name) => name);
}

/** The ranked indicators in city-table order; the quarterly ones only at quarter ends. */
function cityIndicators(config: Config, m: number): IndicatorConfig[] {
  const ranked = config.indicators.filter((i) => i.ranked);
  const unplaced = ranked.filter((i) => !CITY_COLUMN_ORDER.includes(i.id));
  if (unplaced.length > 0) throw new Error(`CITY_COLUMN_ORDER lacks ${unplaced.map((i) => i.id).join(', ')}`);
  return CITY_COLUMN_ORDER.map((id) => ranked.find((i) => i.id === id)!).filter(
    (i) => i.frequency !== 'quarterly' || QUARTER_END(m),
  );
}

function cityTableFile(config: Config, year: number, m: number): OutputFile {
  const inds = cityIndicators(config, m);
  const ids = inds.map((i) => i.id);
  const ours = (id: string): number => indicatorFig(inds.find((i) => i.id === id)!, year, m, false)!.growth!;
  const table = {
    year,
    month: m,
    columns: inds.map((i) => i.name),
    rows: cityTableRows(config, year, m, ids, ours),
    stale: { year: 2021, rows: staleRows(config, year, m, ids) },
  };
  return {
    path: `${year}/${String(m).padStart(2, '0')}/${cityTableFileName(year, m)}`,
    stamp: utcDate(year, m + 1, 15 + Math.floor(pick(`city/${year}-${m}`, 0, 5))),
    build: () => buildCityTable(config.city.name, table),
  };
}

// ── targets and projects ─────────────────────────────────────────────────────────────────────

function targetRows(config: Config, year: number): TargetRow[] {
  const plans = TARGETS[year]!;
  return config.indicators
    .filter((ind) => plans[ind.id])
    .map((ind) => {
      const plan = plans[ind.id]!;
      const amount = AMOUNT_TARGETS[ind.id]?.[year] ?? null;
      return { name: ind.name, unit: ind.unit, amount, amountDp: 0, text: plan.text, expected: plan.expected, lead: plan.lead };
    });
}

const toDate = (d: readonly [number, number, number] | null): Date | null => (d === null ? null : utcDate(d[0], d[1], d[2]));

// ── the world ────────────────────────────────────────────────────────────────────────────────

/** Report date: 5–12 days after the month ends, fixed per bureau and month. */
function reportDate(bureau: string, year: number, m: number): Date {
  return utcDate(year, m + 1, 5 + Math.floor(pick(`report/${bureau}/${year}-${m}`, 0, 8)));
}

function checkNames(config: Config, bureauId: string, fileName: string): void {
  const words = config.bureaus.find((b) => b.id === bureauId)!.files;
  if (!words.some((w) => fileName.includes(w))) throw new Error(`${fileName} does not contain any of ${words.join('/')}`);
}

export function exampleWorld(config: Config): OutputFile[] {
  const files: OutputFile[] = [];
  const district = config.district.name;
  for (const [year, m] of PERIODS) {
    for (const bureau of config.bureaus.filter((b) => b.months.includes(m))) {
      const layout = BUREAU_LAYOUTS[bureau.id]!;
      const ctx = { district, year, month: m, reportDate: reportDate(bureau.id, year, m) };
      const name = layout.fileName(ctx);
      checkNames(config, bureau.id, name);
      const figs = bureauFigures(config, bureau.id, year, m);
      files.push({ path: `${year}/${String(m).padStart(2, '0')}/${name}`, stamp: ctx.reportDate, build: () => layout.build(ctx, figs) });
    }
    if (m >= 2) files.push(cityTableFile(config, year, m));
  }
  for (const year of [2022, 2023]) {
    const rows = targetRows(config, year);
    files.push({ path: `${year}/${targetsFileName(year)}`, stamp: utcDate(year, 2, 10), build: () => buildTargets(district, year, rows) });
  }
  const projects = PROJECTS_2023.map((p) => ({
    ...p,
    plannedStart: toDate(p.plannedStart),
    actualStart: toDate(p.actualStart),
    plannedFinish: toDate(p.plannedFinish),
    actualFinish: null,
  }));
  files.push({
    path: `2023/${projectsFileName(2023)}`,
    stamp: utcDate(2023, 4, 6),
    build: () => buildProjects(district, 2023, utcDate(2023, 3, 31), projects),
  });
  checkStory(config);
  return files;
}

/** Fails loudly when the derived numbers break a rule the reader relies on. */
function checkStory(config: Config): void {
  for (const ind of config.indicators.filter((i) => LEVEL_2022[i.id] && i.span === 'ytd')) {
    for (const [year, m] of PERIODS) {
      const now = reportedCum(ind.id, year, m);
      if (now === null) continue;
      const computed = growthOf(now.value, now.prev)!;
      if (Math.abs(computed - now.growth) > 0.1 + 1e-9) throw new Error(`${ind.id} ${year}-${m}: growth ${now.growth} vs ${computed}`);
      const before = m > 1 ? reportedCum(ind.id, year, m - 1) : null;
      if (before && ind.frequency !== 'quarterly' && before.value >= now.value) throw new Error(`${ind.id} ${year}-${m}: not increasing`);
    }
  }
}
