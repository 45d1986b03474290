// The mini world: a small, exact fixture for tests (云溪区 vs 江滨区, 城东区 and 临江高新区;
// 科工局, 商务局, 投促局; 2023-01 … 2023-03). Every number here is what the tests compute from.
import { parseConfig } from '../../src/config/config.js';
import {
  BUREAU_LAYOUTS,
  buildCityTable,
  buildProjects,
  buildTargets,
  cityTableFileName,
  projectsFileName,
  targetsFileName,
  type CityRow,
  type Figures,
  type OutputFile,
  type ProjectRow,
  type TargetRow,
} from './layouts.js';
import { growthOf, utcDate } from './xlsx.js';

const DISTRICT = '云溪区';
const CITY = '临江市';

// ── returns ──────────────────────────────────────────────────────────────────────────────────

/** One bureau return of a small 2023 world (mini, and the contrast worlds good/bad). */
export interface MiniReturn {
  readonly bureau: string;
  readonly month: number;
  readonly reportDay: readonly [number, number];
  readonly figs: Figures;
}

export const MINI_RETURNS: readonly MiniReturn[] = [
  // 科工局: no 上年同期 column; 1—2月 has no 本月 figures.
  {
    bureau: 'kgj',
    month: 2,
    reportDay: [3, 8],
    figs: {
      industry_va: { growth: -1.8, monthGrowth: null },
      industry_output: { value: 23.33, growth: -4.5, month: null, monthGrowth: null },
    },
  },
  {
    bureau: 'kgj',
    month: 3,
    reportDay: [4, 8],
    figs: {
      industry_va: { growth: -3.2, monthGrowth: -2.5 },
      industry_output: { value: 35.67, growth: -3.6, month: 12.34, monthGrowth: -1.9 },
    },
  },
  // 商务局: 网上零售额 is a 其中 row of 限上零售业 and not in the catalogue.
  {
    bureau: 'swj',
    month: 2,
    reportDay: [3, 9],
    figs: {
      wholesale: { month: null, value: 11.42, prev: 8.1, growth: 41.0 },
      retail_above: { month: null, value: 6.47, prev: 7.02, growth: -7.8 },
      online_retail: { month: null, value: 0.81, prev: 0.66, growth: 22.7 },
      accommodation: { month: null, value: 1533, prev: 1402, growth: 9.3 },
    },
  },
  {
    bureau: 'swj',
    month: 3,
    reportDay: [4, 10],
    figs: {
      wholesale: { month: 7.1, value: 18.52, prev: 12.99, growth: 42.6 },
      retail_above: { month: 3.4, value: 9.87, prev: 10.76, growth: -8.3 },
      online_retail: { month: 0.42, value: 1.23, prev: 1.05, growth: 17.1 },
      accommodation: { month: 812, value: 2345, prev: 2136, growth: 9.8 },
    },
  },
  // 投促局: 完成率 = 累计 ÷ 全年目标; growth computed from 累计 and 上年同期.
  {
    bureau: 'tcj',
    month: 1,
    reportDay: [2, 7],
    figs: {
      investment_attracted: { target: 50, value: 3.2, prev: 2.85, growth: 12.3 },
      projects_signed: { target: 10, value: 1, prev: 1, growth: 0.0 },
    },
  },
  {
    bureau: 'tcj',
    month: 2,
    reportDay: [3, 7],
    figs: {
      investment_attracted: { target: 50, value: 7.45, prev: 6.3, growth: 18.3 },
      projects_signed: { target: 10, value: 2, prev: 1, growth: 100.0 },
    },
  },
  {
    bureau: 'tcj',
    month: 3,
    reportDay: [4, 7],
    figs: {
      investment_attracted: { target: 50, value: 11.8, prev: 9.6, growth: 22.9 },
      projects_signed: { target: 10, value: 3, prev: 2, growth: 50.0 },
    },
  },
];

// ── city tables ──────────────────────────────────────────────────────────────────────────────

export const CITY_COLUMNS = ['规上工业增加值', '限上批发业销售额', '限上零售业零售额', '限上住宿业营业额'];

/** [growth, rank] per column; rank null = "—". */
type Pair = readonly [number | null, number | null];
export const row = (label: string, ...cells: Pair[]): CityRow => ({ label, cells: cells.map(([growth, rank]) => ({ growth, rank })) });

/** City tables by month. */
export type CityTables = Readonly<Record<number, readonly CityRow[]>>;

const CITY_TABLES: CityTables = {
  2: [
    row('全市', [2.5, null], [14.2, null], [2.6, null], [11.2, null]),
    row('云溪', [-1.8, 2], [41.0, 1], [-7.8, 3], [9.3, 2]),
    row('江滨', [3.9, 1], [9.6, 3], [4.6, 1], [13.1, 1]),
    row('城东', [-2.4, 3], [11.0, 2], [1.9, 2], [5.8, 3]),
    row('高新区', [7.2, null], [18.5, null], [null, null], [null, null]),
  ],
  3: [
    row('全市', [2.1, null], [15.0, null], [3.0, null], [12.0, null]),
    row('云溪区', [-3.2, 3], [42.6, 1], [-8.3, 3], [9.8, 2]),
    row('江滨区', [4.5, 1], [10.2, 2], [5.1, 1], [14.0, 1]),
    row('城东区', [1.0, 2], [10.2, 2], [2.2, 2], [6.5, 3]),
    row('临江高新区', [8.0, null], [20.0, null], [null, null], [null, null]),
  ],
};

const STALE_2021: readonly CityRow[] = [
  row('全市', [9.6, null], [18.3, null], [12.4, null], [-5.2, null]),
  row('云溪区', [11.2, 1], [21.5, 1], [10.8, 2], [-8.9, 3]),
  row('江滨区', [8.7, 2], [16.9, 3], [13.6, 1], [-3.1, 1]),
  row('城东区', [8.1, 3], [17.4, 2], [9.9, 3], [-6.0, 2]),
  row('临江高新区', [14.5, null], [25.0, null], [null, null], [null, null]),
];

// ── targets and projects ─────────────────────────────────────────────────────────────────────

export const MINI_TARGETS: readonly TargetRow[] = [
  { name: '规上工业增加值', unit: '%', amount: null, amountDp: 0, text: '增长5%左右（上半年增长2%以上）', expected: [2.0, 2.0, null, 5.0], lead: '区科工局' },
  { name: '限上批发业销售额', unit: '亿元', amount: null, amountDp: 0, text: '增长25%（上半年增长30%以上）', expected: [30.0, 30.0, null, 25.0], lead: '区商务局' },
  { name: '限上零售业零售额', unit: '亿元', amount: null, amountDp: 0, text: '增长6%（上半年增长5%以上）', expected: [5.0, 5.0, null, 6.0], lead: '区商务局' },
  { name: '限上住宿业营业额', unit: '万元', amount: null, amountDp: 0, text: '增长15%', expected: [16.0, 16.0, null, 15.0], lead: '区商务局' },
  { name: '招商引资到位资金', unit: '亿元', amount: 50, amountDp: 0, text: '全年50亿元', expected: [null, null, null, null], lead: '区投促局' },
  { name: '新签约项目数', unit: '个', amount: 10, amountDp: 0, text: '全年新签约10个', expected: [null, null, null, null], lead: '区投促局' },
];

export const MINI_PROJECTS: readonly ProjectRow[] = [
  {
    name: '云溪国际物流园',
    content: '建设仓储物流中心、冷链仓库及配套设施',
    total: 161000,
    sector: '商贸',
    plannedStart: utcDate(2023, 2, 15),
    actualStart: utcDate(2023, 3, 2),
    plannedFinish: utcDate(2024, 12, 31),
    actualFinish: null,
    progress: '场地平整完成',
    unit: '区商务局',
    leader: '陈明',
  },
  {
    name: '临江路线迁移改造项目',
    content: '迁移改造10千伏线路4.2公里',
    total: 2509,
    sector: '基础设施',
    plannedStart: utcDate(2023, 4, 28),
    actualStart: null,
    plannedFinish: utcDate(2023, 10, 31),
    actualFinish: null,
    progress: '施工图审查完成',
    unit: '区交通运输局',
    leader: '王建华',
  },
  {
    name: '区人民医院综合业务大楼',
    content: '新建门急诊、医技及住院综合楼',
    total: 45000,
    sector: '社会事业',
    plannedStart: utcDate(2022, 3, 1),
    actualStart: utcDate(2022, 3, 20),
    plannedFinish: utcDate(2023, 6, 30),
    actualFinish: null,
    progress: '室内装修及设备安装',
    unit: '区卫生健康局',
    leader: '刘晓红',
  },
];

// ── config ───────────────────────────────────────────────────────────────────────────────────

const MINI_BUREAUS = ['kgj', 'swj', 'tcj'];
const MINI_INDICATORS = [
  'industry_va',
  'industry_output',
  'wholesale',
  'retail_above',
  'accommodation',
  'investment_attracted',
  'projects_signed',
];

/** The bureau and indicator lines copied from the main config, so definitions stay the same. */
function linesFor(mainConfig: string, ids: readonly string[]): string {
  const lines = mainConfig.split('\n');
  return ids
    .map((id) => {
      const line = lines.find((l) => l.trimStart().startsWith(`- { id: ${id},`));
      if (line === undefined) throw new Error(`main config has no line for ${id}`);
      return line;
    })
    .join('\n');
}

export function miniConfig(mainConfig: string): string {
  const text = `# tongbao 测试用最小配置：由 scripts/generate-example-data.ts 生成，与 data/2023 下的报表一一对应。
# 指标与报送单位的定义逐行取自项目根目录的 tongbao.config.yaml。

district:
  name: ${DISTRICT}
  kind: 区
  aliases: [云溪]

city:
  name: ${CITY}
  kind: 市
  aliases: [全市, 临江]

speech:
  reporter: 区经发局

peers:
  - { name: 江滨区, aliases: [江滨] }
  - { name: 城东区, aliases: [城东] }
  - { name: 临江高新区, aliases: [高新区], ranked: false }

bureaus:
${linesFor(mainConfig, MINI_BUREAUS)}

cityTable: { files: [全市各区, 各区主要经济指标], months: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] }
targets: { files: [目标任务] }
projects: { files: [重点项目] }

sectors:
  - { id: industry, name: 工业稳增长, projects: [工业] }
  - { id: consumption, name: 促消费扩内需, projects: [商贸, 消费, 文旅] }
  - { id: investment, name: 抓项目争投资, projects: ['*'] }

indicators:
${linesFor(mainConfig, MINI_INDICATORS)}
`;
  parseConfig(text, 'test/fixtures/mini/tongbao.config.yaml');
  return text;
}

// ── the world ────────────────────────────────────────────────────────────────────────────────

/** What differs between the small 2023 worlds; config, layouts, file names, targets and dates are shared. */
export interface MiniWorldSpec {
  /** Used in error messages. */
  readonly name: string;
  readonly returns: readonly MiniReturn[];
  readonly cityTables: CityTables;
  readonly projects: readonly ProjectRow[];
}

/** 位次 must follow the growths: highest first, ties shared, unranked units (rank "—") left out. */
function checkRanks(world: string, rows: readonly CityRow[], month: number): void {
  CITY_COLUMNS.forEach((name, i) => {
    const ranked = rows.slice(1).filter((r) => r.cells[i]!.rank !== null);
    for (const r of ranked) {
      const { growth, rank } = r.cells[i]!;
      const expected = 1 + ranked.filter((o) => o.cells[i]!.growth! > growth!).length;
      if (rank !== expected) throw new Error(`${world} city table 2023-${month} ${name} ${r.label}: rank ${rank} ≠ ${expected}`);
    }
  });
}

/**
 * Growth cells must agree with 本期 and 上年同期: exactly what the stored values give for computed
 * indicators (投促局), within 0.1 point for reported ones (商务局; 科工局 has no 上年同期).
 */
function checkGrowths(world: string, r: MiniReturn): void {
  for (const [id, f] of Object.entries(r.figs)) {
    if (f?.growth == null || f.prev == null) continue;
    const computed = growthOf(f.value, f.prev);
    if (r.bureau === 'tcj') {
      if (computed !== f.growth) throw new Error(`${world} ${id} 2023-${r.month}: growth ${f.growth} ≠ ${computed}`);
    } else if (computed === null || Math.abs(computed - f.growth) > 0.1 + 1e-9) {
      throw new Error(`${world} ${id} 2023-${r.month}: growth ${f.growth} vs ${computed}`);
    }
  }
}

export function buildMiniWorld(spec: MiniWorldSpec): OutputFile[] {
  const files: OutputFile[] = spec.returns.map((r) => {
    checkGrowths(spec.name, r);
    const layout = BUREAU_LAYOUTS[r.bureau]!;
    const ctx = { district: DISTRICT, year: 2023, month: r.month, reportDate: utcDate(2023, r.reportDay[0], r.reportDay[1]) };
    const path = `2023/${String(r.month).padStart(2, '0')}/${layout.fileName(ctx)}`;
    return { path, stamp: ctx.reportDate, build: () => layout.build(ctx, r.figs) };
  });
  for (const [m, rows] of Object.entries(spec.cityTables).map(([m, rows]) => [Number(m), rows] as const)) {
    checkRanks(spec.name, rows, m);
    const table = { year: 2023, month: m, columns: CITY_COLUMNS, rows, stale: { year: 2021, rows: STALE_2021 } };
    const path = `2023/0${m}/${cityTableFileName(2023, m)}`;
    files.push({ path, stamp: utcDate(2023, m + 1, 16), build: () => buildCityTable(CITY, table) });
  }
  files.push({ path: `2023/${targetsFileName(2023)}`, stamp: utcDate(2023, 2, 10), build: () => buildTargets(DISTRICT, 2023, MINI_TARGETS) });
  files.push({
    path: `2023/${projectsFileName(2023)}`,
    stamp: utcDate(2023, 4, 6),
    build: () => buildProjects(DISTRICT, 2023, utcDate(2023, 3, 31), spec.projects),
  });
  return files;
}

export function miniWorld(): OutputFile[] {
  return buildMiniWorld({ name: 'mini', returns: MINI_RETURNS, cityTables: CITY_TABLES, projects: MINI_PROJECTS });
}
