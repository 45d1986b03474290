// Golden case test/cases/no-rank: 湖滨区 of 安平市, whose city comparison table gives growths only
// (no 位次 column), so tongbao ranks the districts itself from the growths and says so. Three
// bureaus (区统计局, 区科工局, 区财政局), a Q2 2023 meeting (returns 2023-01 … 2023-03), a targets
// workbook with a two-row header, an empty project ledger, and a config that leaves speech,
// headings and rankedBy to their defaults. Every number is typed here by hand;
// test/cases/no-rank/NOTES.md states the key ones with their cells.
//
// What the city table tests: 安平高新区 has growths but 不参与排名 (counting it would move us down
// in GDP); 湖滨区 ties 城北区 in 规上工业增加值 (并列第2位); 城北区 and 城南区 tie at the top of 社零 (we
// are 3rd, not 2nd); we are last in 固投 and 倒数第二 in 一般公共预算收入; 西山区 has no 建安投资 growth
// in March, so no rank may be recomputed for it at all.
import type ExcelJS from 'exceljs';
import { BUREAU_LAYOUTS, buildCityTable, buildProjects, type CityRow, type OutputFile } from './layouts.js';
import {
  type CaseCityTable,
  type CaseReturn,
  type CityColumn,
  checkCumulative,
  checkGrowths,
  checkOurRow,
  checkedConfig,
  mm,
  named,
  ranksByGrowth,
  returnFiles,
} from './cases.js';
import { SheetWriter, int, newWorkbook, pct, utcDate } from './xlsx.js';

const WORLD = 'no-rank';
const DISTRICT = '湖滨区';
const CITY = '安平市';

// ── config ───────────────────────────────────────────────────────────────────────────────────

export function noRankConfig(): string {
  return checkedConfig(CONFIG, 'test/cases/no-rank/tongbao.config.yaml');
}

const CONFIG = `# 黄金测试用例：安平市湖滨区。全市比较表只有增速、没有位次，位次由 tongbao 按增速重排（并标明请与市统计局核对）。
# 由 scripts/generate-example-data.ts no-rank 生成，与 data/2023 下的文件一一对应；改这里要改生成脚本。
# 有意省略 speech、sectors 的 heading 和 cityTable 的 rankedBy，检验默认值。

district:
  name: 湖滨区
  kind: 区
  aliases: [湖滨]

city:
  name: 安平市
  kind: 市
  aliases: [全市]

peers:
  - { name: 城北区, aliases: [城北] }
  - { name: 城南区, aliases: [城南] }
  - { name: 西山区, aliases: [西山] }
  - { name: 桐林县, aliases: [桐林] }
  - { name: 安平高新区, aliases: [高新区], ranked: false }

bureaus:
  - { id: tjj, name: 区统计局, files: [统计局], months: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] }
  - { id: kgj, name: 区科工局, files: [科工局], months: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] }
  - { id: czj, name: 区财政局, files: [财政局], months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] }

cityTable: { files: [各区县主要指标], months: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] }
targets: { files: [目标任务] }
projects: { files: [重点项目] }

sectors:
  - { id: industry, name: 工业稳增长, projects: [工业] }
  - { id: investment, name: 抓项目扩投资, projects: ['*'] }
  - { id: consumption, name: 促消费扩内需 }
  - { id: finance, name: 财政增收节支 }

indicators:
  - { id: gdp, name: 地区生产总值, aliases: [GDP, 生产总值], bureau: tjj, unit: 亿元, span: ytd, growth: reported, frequency: quarterly, sector: industry, ranked: true }
  - { id: industry_va, name: 规上工业增加值, aliases: [规模以上工业增加值], bureau: kgj, unit: '%', span: ytd, growth: reported, valueReported: false, sector: industry, ranked: true, role: industryOutput }
  - { id: industry_output, name: 规上工业总产值, aliases: [规模以上工业总产值], bureau: kgj, unit: 亿元, span: ytd, growth: reported, sector: industry, role: industryOutput }
  - { id: fai, name: 固定资产投资, aliases: [固定资产投资（不含农户）], bureau: tjj, unit: '%', span: ytd, growth: reported, valueReported: false, sector: investment, ranked: true, role: investment }
  - { id: fai_construction, name: 建筑安装工程投资, aliases: [建安投资], bureau: tjj, unit: '%', span: ytd, growth: reported, valueReported: false, sector: investment, ranked: true, role: investment }
  - { id: retail_sales, name: 社会消费品零售总额, aliases: [社零总额], bureau: tjj, unit: 亿元, span: ytd, growth: reported, sector: consumption, ranked: true, role: retail }
  - { id: budget_revenue, name: 一般公共预算收入, aliases: [地方一般公共预算收入], bureau: czj, unit: 亿元, span: ytd, growth: reported, sector: finance, ranked: true, role: fiscalRevenue }
  - { id: tax_revenue, name: 税收收入, aliases: [], bureau: czj, unit: 亿元, span: ytd, growth: reported, sector: finance, role: fiscalRevenue }
`;

// ── returns ──────────────────────────────────────────────────────────────────────────────────
// Keys name the layouts' rows (layouts.ts).

const TJJ = named(BUREAU_LAYOUTS.tjj!, (m) => `湖滨区统计局2023年${m}月统计数据.xlsx`);
const KGJ = named(BUREAU_LAYOUTS.kgj!, (m) => `湖滨区科工局2023年${m}月工业报表.xlsx`);
const CZJ = named(BUREAU_LAYOUTS.czj!, (m) => `湖滨区财政局2023年${m}月财政收入.xlsx`);

export const NO_RANK_RETURNS: readonly CaseReturn[] = [
  {
    layout: CZJ,
    month: 1,
    reportDay: [2, 7],
    figs: {
      budget_revenue: { month: 5120, value: 5120, prev: 4860, growth: 5.3 },
      tax_revenue: { month: 3980, value: 3980, prev: 3902, growth: 2.0 },
    },
  },
  {
    layout: CZJ,
    month: 2,
    reportDay: [3, 7],
    figs: {
      budget_revenue: { month: 3926, value: 9046, prev: 8712, growth: 3.8 },
      tax_revenue: { month: 3032, value: 7012, prev: 6930, growth: 1.2 },
    },
  },
  {
    layout: CZJ,
    month: 3,
    reportDay: [4, 7],
    figs: {
      budget_revenue: { month: 4534, value: 13580, prev: 13290, growth: 2.2 },
      tax_revenue: { month: 3383, value: 10395, prev: 10486, growth: -0.9 },
    },
  },
  {
    layout: TJJ,
    month: 2,
    reportDay: [3, 10],
    figs: {
      fai: { growth: -3.5 },
      fai_construction: { growth: -5.0 },
      retail_sales: { value: 18.62, prev: 17.51, growth: 6.3 },
    },
  },
  {
    layout: TJJ,
    month: 3,
    reportDay: [4, 12],
    figs: {
      gdp: { value: 52.38, prev: 49.96, growth: 4.8 },
      fai: { growth: -6.2 },
      fai_construction: { growth: -8.1 },
      retail_sales: { value: 27.95, prev: 26.21, growth: 6.6 },
    },
  },
  // 区科工局: no 上年同期 column; 1—2月 has no 本月 figures.
  {
    layout: KGJ,
    month: 2,
    reportDay: [3, 8],
    figs: {
      industry_va: { growth: 3.6, monthGrowth: null },
      industry_output: { value: 41.25, growth: 2.9, month: null, monthGrowth: null },
    },
  },
  {
    layout: KGJ,
    month: 3,
    reportDay: [4, 8],
    figs: {
      industry_va: { growth: 4.4, monthGrowth: 5.9 },
      industry_output: { value: 63.8, growth: 3.7, month: 22.55, monthGrowth: 5.2 },
    },
  },
];

// ── city tables: growths only ───────────────────────────────────────────────────────────────

const COL = {
  gdp: { header: '地区生产总值', fig: 'gdp' },
  industry: { header: '规上工业增加值', fig: 'industry_va' },
  fai: { header: '固定资产投资', fig: 'fai' },
  construction: { header: '建筑安装工程投资', fig: 'fai_construction' },
  retail: { header: '社会消费品零售总额', fig: 'retail_sales' },
  revenue: { header: '一般公共预算收入', fig: 'budget_revenue' },
} satisfies Record<string, CityColumn>;

const growths = (label: string, ...values: (number | null)[]): CityRow => ({ label, cells: values.map((growth) => ({ growth, rank: null })) });

const FEB: CaseCityTable = {
  month: 2,
  columns: [COL.industry, COL.fai, COL.construction, COL.retail, COL.revenue],
  rows: [
    //                    规上工业  固投  建安   社零  预算收入
    growths('全市', 4.2, 1.5, 0.4, 6.2, 3.6),
    growths('湖滨区', 3.6, -3.5, -5.0, 6.3, 3.8),
    growths('城北区', 4.0, 1.9, 2.8, 6.8, 6.0),
    growths('城南区', 5.2, -4.1, -3.1, 6.5, 4.2),
    growths('西山区', 3.1, 0.2, -1.0, 5.6, 2.0),
    growths('桐林县', 2.9, -2.2, -6.4, 6.4, 3.9),
    growths('安平高新区', 8.8, 10.6, 7.7, null, 14.1),
  ],
};

const MAR: CaseCityTable = {
  month: 3,
  columns: [COL.gdp, COL.industry, COL.fai, COL.construction, COL.retail, COL.revenue],
  rows: [
    //                    GDP  规上工业  固投  建安   社零  预算收入
    growths('全市', 5.0, 4.6, 2.0, 1.0, 6.5, 4.0),
    growths('湖滨区', 4.8, 4.4, -6.2, -8.1, 6.6, 2.2),
    growths('城北区', 5.6, 4.4, 2.3, 3.5, 7.1, 6.5),
    growths('城南区', 4.5, 6.1, -1.8, -2.6, 7.1, 4.8),
    growths('西山区', 5.1, 3.2, 0.6, null, 5.9, 1.5),
    growths('桐林县', 3.9, 2.7, -4.0, -5.3, 6.0, 3.0),
    growths('安平高新区', 7.2, 9.5, 12.0, 9.0, null, 15.3),
  ],
};

/** 湖滨区's recomputed 位次 by month and city table header; undefined = none can be recomputed. */
const STORY_RANKS: Readonly<Record<number, Readonly<Record<string, number | undefined>>>> = {
  2: { 规上工业增加值: 3, 固定资产投资: 4, 建筑安装工程投资: 4, 社会消费品零售总额: 4, 一般公共预算收入: 4 },
  3: { 地区生产总值: 3, 规上工业增加值: 2, 固定资产投资: 5, 建筑安装工程投资: undefined, 社会消费品零售总额: 3, 一般公共预算收入: 4 },
};

const UNRANKED = new Set(['全市', '安平高新区']);
const isRanked = (label: string) => !UNRANKED.has(label);

/** Our recomputed ranks are the story's, and counting 安平高新区 would change at least one of them. */
function checkStoryRanks(table: CaseCityTable): void {
  let hitechMatters = false;
  table.columns.forEach((column, i) => {
    const rank = ranksByGrowth(table, i, isRanked)?.get(DISTRICT);
    const story = STORY_RANKS[table.month]?.[column.header];
    if (rank !== story) throw new Error(`${WORLD} 2023-${table.month} ${column.header}: recomputed rank ${rank} ≠ story ${story}`);
    const withHitech = ranksByGrowth(table, i, (label) => label !== '全市')?.get(DISTRICT);
    if (withHitech !== undefined && withHitech !== rank) hitechMatters = true;
  });
  if (table.month === 3 && !hitechMatters) throw new Error(`${WORLD}: 安平高新区 should change a rank if it were counted`);
}

const CITY_STYLE = { subject: '各区县主要经济指标增速', sheetName: '增速', ranks: false, note: '注：安平高新区不参与排名；“—”为未发布或不可比。' };
const cityTableFile = (m: number): string => `安平市各区县主要指标增速（2023年1-${m}月）.xlsx`;

// ── targets: 预期增速 under one merged header ─────────────────────────────────────────────────

interface GroupedTarget {
  readonly name: string;
  readonly unit: string;
  /** 预期增速 for 一季度, 上半年, 前三季度, 全年. */
  readonly expected: readonly [number, number, number, number];
  readonly text: string;
  readonly lead: string;
}

const TARGETS: readonly GroupedTarget[] = [
  { name: '地区生产总值', unit: '亿元', expected: [5.0, 5.5, 5.8, 6.0], text: '增长6%左右', lead: '区统计局' },
  { name: '规上工业增加值', unit: '%', expected: [5.0, 5.5, 6.0, 6.5], text: '增长6.5%以上', lead: '区科工局' },
  { name: '固定资产投资', unit: '%', expected: [6.0, 6.0, 6.5, 7.0], text: '增长7%', lead: '区发改局' },
  { name: '建筑安装工程投资', unit: '%', expected: [4.0, 4.0, 4.5, 5.0], text: '增长5%', lead: '区发改局' },
  { name: '社会消费品零售总额', unit: '亿元', expected: [6.0, 6.0, 6.5, 6.5], text: '增长6.5%左右', lead: '区商务局' },
  { name: '一般公共预算收入', unit: '亿元', expected: [5.0, 5.0, 5.0, 5.0], text: '增长5%', lead: '区财政局' },
];

function buildGroupedTargets(rows: readonly GroupedTarget[]): ExcelJS.Workbook {
  const wb = newWorkbook(DISTRICT);
  const w = SheetWriter.add(wb, '目标任务', [6, 22, 8, 10, 10, 10, 10, 20, 14]);
  w.title(`${DISTRICT}2023年主要经济指标预期目标`)
    .meta(`填报单位：${DISTRICT}发展和改革局`, '单位：%', 9)
    .header([
      [{ text: '序号', rows: 2 }, { text: '指标', rows: 2 }, { text: '单位', rows: 2 }, { text: '预期增速(%)', cols: 4 }, { text: '目标表述', rows: 2 }, { text: '责任单位', rows: 2 }],
      ['一季度', '上半年', '前三季度', '全年'],
    ]);
  rows.forEach((r, i) => w.data([int(i + 1), r.name, r.unit, ...r.expected.map(pct), r.text, r.lead]));
  w.note('注：预期增速为累计同比增速。');
  return wb;
}

// ── the world ────────────────────────────────────────────────────────────────────────────────

export function noRankWorld(): OutputFile[] {
  checkGrowths(WORLD, NO_RANK_RETURNS);
  checkCumulative(WORLD, NO_RANK_RETURNS);
  const files = returnFiles(DISTRICT, NO_RANK_RETURNS);
  for (const table of [FEB, MAR]) {
    checkOurRow(WORLD, table, DISTRICT, NO_RANK_RETURNS);
    checkStoryRanks(table);
    const sheet = { year: 2023, month: table.month, columns: table.columns.map((c) => c.header), rows: table.rows, style: CITY_STYLE };
    files.push({ path: `2023/${mm(table.month)}/${cityTableFile(table.month)}`, stamp: utcDate(2023, table.month + 1, 15), build: () => buildCityTable(CITY, sheet) });
  }
  files.push({ path: '2023/湖滨区2023年目标任务.xlsx', stamp: utcDate(2023, 2, 20), build: () => buildGroupedTargets(TARGETS) });
  // An empty ledger: the district lists no key projects this year (header and note only).
  files.push({ path: '2023/湖滨区2023年重点项目台账.xlsx', stamp: utcDate(2023, 4, 3), build: () => buildProjects(DISTRICT, 2023, utcDate(2023, 3, 31), []) });
  return files;
}
