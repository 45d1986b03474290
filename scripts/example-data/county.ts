// Golden case test/cases/county: 青山县 of 江城市, a county configured from scratch. Five bureaus
// (县统计局, 县工信局, 县住建局, 县商务局, 县财政局), no 文旅 or 投促 indicators, indicator and sector
// ids unlike the example's, a Q2 2023 meeting (returns 2023-01 … 2023-03). Every number is typed
// here by hand; test/cases/county/NOTES.md states the key ones with their cells.
//
// The story of 1—3月: industry turned negative (−2.1%, 倒数第二) and investment fell further
// (固投 −9.5%, 倒数第一; 建安 −10.6%, tied last with 石门县); consumption is split (批发 first in the
// city, 零售 倒数第二, 住宿 tied 2nd); housing still falls but less; revenue grows 7.4% yet is 0.2
// points behind 时序进度 of its 4.2亿元 target; one project late, two due in the second quarter.
import {
  BUREAU_LAYOUTS,
  type BureauLayout,
  buildCityTable,
  buildProjects,
  buildTargets,
  type CityRow,
  type OutputFile,
  type ProjectRow,
  type TargetRow,
} from './layouts.js';
import {
  type CaseCityTable,
  type CaseReturn,
  type CityColumn,
  checkCumulative,
  checkGrowths,
  checkOurRow,
  checkRanks,
  checkedConfig,
  mm,
  named,
  returnFiles,
} from './cases.js';
import { addSecondSheet, utcDate } from './xlsx.js';

const WORLD = 'county';
const DISTRICT = '青山县';
const CITY = '江城市';

// ── config ───────────────────────────────────────────────────────────────────────────────────

export function countyConfig(): string {
  return checkedConfig(CONFIG, 'test/cases/county/tongbao.config.yaml');
}

const CONFIG = `# 黄金测试用例：江城市青山县（县，五个报送单位，无文旅、投促指标）。
# 由 scripts/generate-example-data.ts county 生成，与 data/2023 下的文件一一对应；改这里要改生成脚本。

district:
  name: 青山县
  kind: 县
  aliases: [青山]

city:
  name: 江城市
  kind: 市
  aliases: [全市]

speech:
  reporter: 县发展和改革局

# 全市比较表中的简称见 aliases；经开区不参与排名。
peers:
  - { name: 城关区, aliases: [城关] }
  - { name: 河西区, aliases: [河西] }
  - { name: 临水市, aliases: [临水] }
  - { name: 白沙县, aliases: [白沙] }
  - { name: 石门县, aliases: [石门] }
  - { name: 柳溪县, aliases: [柳溪] }
  - { name: 江城经济技术开发区, aliases: [江城经开区, 经开区], ranked: false }

bureaus:
  - { id: tjj, name: 县统计局, files: [县统计局], months: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] }
  - { id: gxj, name: 县工信局, files: [工信局, 工业和信息化局], months: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] }
  - { id: zjj, name: 县住建局, files: [住建局, 住房和城乡建设局], months: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] }
  - { id: swj, name: 县商务局, files: [商务局], months: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] }
  - { id: czj, name: 县财政局, files: [财政局], months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] }

cityTable: { files: [各县市区], months: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], rankedBy: 增速由高到低 }
targets: { files: [目标任务] }
projects: { files: [重点项目] }

sectors:
  - { id: gongye, name: 工业经济, heading: 抓工业稳增长、促转型, projects: [工业] }
  - { id: shangmao, name: 商贸消费, heading: 抓消费扩内需、活市场, projects: [商贸, 物流] }
  - { id: touzi, name: 项目投资, heading: 抓项目扩投资、增后劲, projects: ['*'] }
  - { id: caishui, name: 财税收入, heading: 抓财源强财力、保运转 }

indicators:
  - { id: gdp_total, name: 地区生产总值, aliases: [GDP, 生产总值], bureau: tjj, unit: 亿元, span: ytd, growth: reported, frequency: quarterly, sector: gongye, ranked: true }
  - { id: ind_value_added, name: 规上工业增加值, aliases: [规模以上工业增加值, 规上工业], bureau: gxj, unit: '%', span: ytd, growth: reported, valueReported: false, sector: gongye, ranked: true, role: industryOutput }
  - { id: ind_gross_output, name: 规上工业总产值, aliases: [规模以上工业总产值], bureau: gxj, unit: 亿元, span: ytd, growth: reported, sector: gongye, role: industryOutput }
  - { id: ind_firms, name: 规上工业企业数, aliases: [规模以上工业企业, 规上工业企业], bureau: gxj, unit: 家, span: stock, growth: computed, sector: gongye, role: firmsInScope }
  - { id: ind_declining_firms, name: 负增长企业数, aliases: [产值负增长企业, 产值负增长企业数], bureau: gxj, unit: 家, span: stock, growth: computed, sector: gongye, role: negativeFirms }
  - { id: retail_total, name: 社会消费品零售总额, aliases: [社零总额, 社零], bureau: tjj, unit: 亿元, span: ytd, growth: reported, sector: shangmao, ranked: true, role: retail }
  - { id: wholesale_above, name: 限上批发业销售额, aliases: [限额以上批发业销售额, 限上批发], bureau: swj, unit: 亿元, span: ytd, growth: reported, sector: shangmao, ranked: true, role: retail }
  - { id: retail_above_quota, name: 限上零售业零售额, aliases: [限额以上零售业零售额, 限上零售], bureau: swj, unit: 亿元, span: ytd, growth: reported, sector: shangmao, ranked: true, role: retail }
  - { id: hotel_above, name: 限上住宿业营业额, aliases: [限额以上住宿业营业额, 限上住宿], bureau: swj, unit: 万元, span: ytd, growth: reported, sector: shangmao, ranked: true, role: hospitality }
  - { id: restaurant_above, name: 限上餐饮业营业额, aliases: [限额以上餐饮业营业额, 限上餐饮], bureau: swj, unit: 万元, span: ytd, growth: reported, sector: shangmao, ranked: true, role: hospitality }
  - { id: fixed_assets, name: 固定资产投资, aliases: [固定资产投资（不含农户）, 固投], bureau: tjj, unit: '%', span: ytd, growth: reported, valueReported: false, sector: touzi, ranked: true, role: investment }
  - { id: building_installation, name: 建筑安装工程投资, aliases: [建安投资], bureau: tjj, unit: '%', span: ytd, growth: reported, valueReported: false, sector: touzi, ranked: true, role: investment }
  - { id: realty_investment, name: 房地产开发投资, aliases: [房地产投资], bureau: zjj, unit: 亿元, span: ytd, growth: reported, sector: touzi, ranked: true, role: investment }
  - { id: home_sales_area, name: 商品房销售面积, aliases: [], bureau: zjj, unit: 万平方米, span: ytd, growth: reported, sector: touzi, ranked: true, role: housingSales }
  - { id: construction_gross, name: 建筑业总产值, aliases: [资质内建筑业总产值, 建筑业产值], bureau: zjj, unit: 亿元, span: ytd, growth: reported, frequency: quarterly, sector: touzi, ranked: true, role: construction }
  - { id: general_budget_revenue, name: 一般公共预算收入, aliases: [地方一般公共预算收入], bureau: czj, unit: 亿元, span: ytd, growth: reported, sector: caishui, ranked: true, role: fiscalRevenue }
  - { id: tax_income, name: 税收收入, aliases: [], bureau: czj, unit: 亿元, span: ytd, growth: reported, sector: caishui, role: fiscalRevenue }
`;

// ── returns ──────────────────────────────────────────────────────────────────────────────────
// Keys name the layouts' rows (layouts.ts), not this case's indicator ids.

const TJJ = named(BUREAU_LAYOUTS.tjj!, (m) => `青山县统计局2023年${m}月统计月报.xlsx`);
const GXJ = BUREAU_LAYOUTS.gxj!;
const ZJJ = named(BUREAU_LAYOUTS.zjj!, (m) => `县住建局2023年${m}月房地产和建筑业报表.xlsx`);
const SWJ: BureauLayout = {
  fileName: ({ month }) => `县商务局2023年1-${month}月商贸流通数据.xlsx`,
  // The example's hidden scratch sheet names its own companies: this county keeps its own.
  build(ctx, figs) {
    const wb = BUREAU_LAYOUTS.swj!.build(ctx, figs);
    const scratch = wb.getWorksheet('Sheet2');
    if (scratch) wb.removeWorksheet(scratch.id);
    addSecondSheet(wb, [
      ['重点企业', '本月销售额（万元）'],
      ['青山县供销农资有限公司', 3260],
      ['江城青山百货有限公司', 1180],
    ]);
    return wb;
  },
};
const CZJ = named(BUREAU_LAYOUTS.czj!, (m) => `2023年${m}月县级财政收入月报（县财政局）.xlsx`);

export const COUNTY_RETURNS: readonly CaseReturn[] = [
  // 县财政局 (万元, 本月 = this month's total less last month's).
  {
    layout: CZJ,
    month: 1,
    reportDay: [2, 6],
    figs: {
      budget_revenue: { month: 3865, value: 3865, prev: 3612, growth: 7.0 },
      tax_revenue: { month: 2714, value: 2714, prev: 2580, growth: 5.2 },
    },
  },
  {
    layout: CZJ,
    month: 2,
    reportDay: [3, 6],
    figs: {
      budget_revenue: { month: 3087, value: 6952, prev: 6581, growth: 5.6 },
      tax_revenue: { month: 2162, value: 4876, prev: 4702, growth: 3.7 },
    },
  },
  {
    layout: CZJ,
    month: 3,
    reportDay: [4, 6],
    figs: {
      budget_revenue: { month: 3484, value: 10436, prev: 9718, growth: 7.4 },
      tax_revenue: { month: 2392, value: 7268, prev: 6955, growth: 4.5 },
    },
  },
  // 县统计局: GDP is quarterly; in March the bureau adds its 预计上半年 column.
  {
    layout: TJJ,
    month: 2,
    reportDay: [3, 10],
    figs: {
      fai: { growth: -6.8 },
      fai_construction: { growth: -12.4 },
      retail_sales: { value: 15.82, prev: 14.87, growth: 6.4 },
    },
  },
  {
    layout: TJJ,
    month: 3,
    reportDay: [4, 11],
    figs: {
      gdp: { value: 38.56, prev: 37.04, growth: 4.1, forecast: 4.6 },
      fai: { growth: -9.5, forecast: -7.0 },
      fai_construction: { growth: -10.6 },
      retail_sales: { value: 23.45, prev: 21.98, growth: 6.7, forecast: 6.9 },
    },
  },
  // 县工信局: "2月" has no figures of its own (1—2月 are reported together).
  {
    layout: GXJ,
    month: 2,
    reportDay: [3, 8],
    figs: {
      industry_va: { growth: 0.8 },
      industry_output: { month: null, value: 21.36, prev: 21.02, growth: 1.6 },
      industry_firms: { value: 68, prev: 66, growth: 3.0 },
      negative_firms: { value: 29, prev: 30, growth: -3.3 },
      power: { month: null, value: 5830, prev: 6020, growth: -3.2 },
    },
  },
  {
    layout: GXJ,
    month: 3,
    reportDay: [4, 7],
    figs: {
      industry_va: { growth: -2.1 },
      industry_output: { month: 11.72, value: 33.08, prev: 33.93, growth: -2.5 },
      industry_firms: { value: 69, prev: 66, growth: 4.5 },
      negative_firms: { value: 27, prev: 31, growth: -12.9 },
      power: { month: 3120, value: 8950, prev: 9210, growth: -2.8 },
    },
  },
  // 县住建局: 建筑业总产值 is quarterly.
  {
    layout: ZJJ,
    month: 2,
    reportDay: [3, 9],
    figs: {
      housing_sales_area: { value: 4.12, prev: 5.38, growth: -23.4 },
      real_estate_investment: { value: 2.46, prev: 2.71, growth: -9.2 },
    },
  },
  {
    layout: ZJJ,
    month: 3,
    reportDay: [4, 10],
    figs: {
      housing_sales_area: { value: 6.85, prev: 8.21, growth: -16.6 },
      real_estate_investment: { value: 3.98, prev: 4.21, growth: -5.5 },
      construction_output: { value: 12.36, prev: 11.52, growth: 7.3 },
    },
  },
  // 县商务局: 1—2月 has no 本月 column figures.
  {
    layout: SWJ,
    month: 2,
    reportDay: [3, 9],
    figs: {
      wholesale: { month: null, value: 8.64, prev: 6.92, growth: 24.9 },
      retail_above: { month: null, value: 5.21, prev: 5.35, growth: -2.6 },
      accommodation: { month: null, value: 986, prev: 862, growth: 14.4 },
      catering: { month: null, value: 2315, prev: 1988, growth: 16.4 },
    },
  },
  {
    layout: SWJ,
    month: 3,
    reportDay: [4, 10],
    figs: {
      wholesale: { month: 4.92, value: 13.56, prev: 10.98, growth: 23.5 },
      retail_above: { month: 2.62, value: 7.83, prev: 8.12, growth: -3.6 },
      accommodation: { month: 526, value: 1512, prev: 1297, growth: 16.6 },
      catering: { month: 1163, value: 3478, prev: 3046, growth: 14.2 },
    },
  },
];

// ── city tables ──────────────────────────────────────────────────────────────────────────────
// The city's short headers (aliases in the config); GDP and 建筑业产值 only at quarter ends.

const COL = {
  gdp: { header: 'GDP', fig: 'gdp' },
  industry: { header: '规上工业', fig: 'industry_va' },
  fai: { header: '固投', fig: 'fai' },
  construction: { header: '建安投资', fig: 'fai_construction' },
  retail: { header: '社零总额', fig: 'retail_sales' },
  housing: { header: '商品房销售面积', fig: 'housing_sales_area' },
  realty: { header: '房地产投资', fig: 'real_estate_investment' },
  building: { header: '建筑业产值', fig: 'construction_output' },
  wholesale: { header: '限上批发', fig: 'wholesale' },
  retailAbove: { header: '限上零售', fig: 'retail_above' },
  hotel: { header: '限上住宿', fig: 'accommodation' },
  restaurant: { header: '限上餐饮', fig: 'catering' },
  revenue: { header: '地方一般公共预算收入', fig: 'budget_revenue' },
} satisfies Record<string, CityColumn>;

const FEB_COLUMNS = [COL.industry, COL.fai, COL.construction, COL.retail, COL.housing, COL.realty, COL.wholesale, COL.retailAbove, COL.hotel, COL.restaurant, COL.revenue];
const MAR_COLUMNS = [COL.gdp, COL.industry, COL.fai, COL.construction, COL.retail, COL.housing, COL.realty, COL.building, COL.wholesale, COL.retailAbove, COL.hotel, COL.restaurant, COL.revenue];

/** [growth, 位次] per column, in the columns' order; null = "—". */
type Pair = readonly [number | null, number | null];
const row = (label: string, ...cells: Pair[]): CityRow => ({ label, cells: cells.map(([growth, rank]) => ({ growth, rank })) });
const UNRANKED = new Set(['全市', '经开区', '江城经开区']);

// 1—2月: short names throughout.
const FEB_ROWS: readonly CityRow[] = [
  //             规上工业     固投         建安          社零        商品房        房地产投资    限上批发     限上零售     限上住宿     限上餐饮     预算收入
  row('全市', [3.8, null], [6.2, null], [2.5, null], [6.5, null], [-15.8, null], [-9.5, null], [13.0, null], [3.0, null], [12.8, null], [15.9, null], [4.4, null]),
  row('城关', [4.0, 2], [8.0, 2], [4.8, 2], [7.1, 1], [-11.2, 1], [-6.3, 1], [16.5, 3], [4.9, 1], [17.5, 1], [20.3, 1], [3.1, 5]),
  row('河西', [3.1, 3], [5.9, 3], [3.6, 3], [6.6, 2], [-14.6, 2], [-7.7, 2], [10.2, 5], [3.5, 2], [11.6, 5], [17.1, 2], [6.9, 1]),
  row('临水', [5.6, 1], [9.3, 1], [5.2, 1], [6.0, 5], [-17.0, 4], [-8.4, 3], [25.3, 1], [2.0, 3], [9.8, 6], [16.2, 4], [5.8, 2]),
  row('青山', [0.8, 4], [-6.8, 6], [-12.4, 7], [6.4, 3], [-23.4, 6], [-9.2, 4], [24.9, 2], [-2.6, 5], [14.4, 3], [16.4, 3], [5.6, 3]),
  row('白沙', [0.6, 5], [2.7, 5], [0.9, 4], [5.9, 6], [-21.9, 5], [-12.5, 7], [6.8, 6], [1.1, 4], [7.2, 7], [12.5, 7], [1.7, 6]),
  row('石门', [-1.5, 7], [-7.5, 7], [-8.3, 6], [6.1, 4], [-25.3, 7], [-11.0, 6], [12.0, 4], [-4.7, 7], [15.1, 2], [13.0, 6], [4.0, 4]),
  row('柳溪', [0.5, 6], [3.3, 4], [-1.6, 5], [5.2, 7], [-16.1, 3], [-10.1, 5], [4.4, 7], [-3.0, 6], [13.9, 4], [14.6, 5], [-2.4, 7]),
  row('经开区', [9.2, null], [18.1, null], [10.5, null], [null, null], [null, null], [null, null], [21.0, null], [null, null], [null, null], [null, null], [8.7, null]),
];

// 1—3月: full names; 建安投资 tied last (青山县 and 石门县 both 6th), 限上住宿 tied 2nd.
const MAR_ROWS: readonly CityRow[] = [
  //                   GDP          规上工业      固投          建安           社零         商品房         房地产投资    建筑业产值    限上批发      限上零售      限上住宿      限上餐饮      预算收入
  row('全市', [4.6, null], [3.2, null], [5.8, null], [3.1, null], [6.8, null], [-12.5, null], [-7.2, null], [6.1, null], [12.4, null], [3.5, null], [13.5, null], [15.2, null], [5.1, null]),
  row('城关区', [5.2, 1], [4.5, 2], [7.2, 2], [5.5, 2], [7.6, 1], [-8.2, 1], [-4.5, 1], [8.4, 1], [15.8, 3], [5.4, 1], [18.9, 1], [19.6, 1], [3.9, 5]),
  row('河西区', [4.9, 2], [3.8, 3], [6.5, 3], [4.2, 3], [6.9, 2], [-10.4, 2], [-5.0, 2], [5.2, 5], [9.6, 5], [4.1, 2], [12.2, 5], [16.8, 3], [7.8, 1]),
  row('临水市', [4.4, 3], [5.1, 1], [8.1, 1], [6.3, 1], [6.5, 4], [-14.9, 4], [-6.1, 4], [6.9, 3], [18.2, 2], [2.6, 3], [10.5, 6], [17.5, 2], [6.0, 3]),
  row('青山县', [4.1, 5], [-2.1, 6], [-9.5, 7], [-10.6, 6], [6.7, 3], [-16.6, 5], [-5.5, 3], [7.3, 2], [23.5, 1], [-3.6, 6], [16.6, 2], [14.2, 5], [7.4, 2]),
  row('白沙县', [3.8, 6], [1.6, 5], [3.4, 4], [1.2, 4], [5.8, 6], [-18.3, 6], [-11.2, 7], [4.6, 6], [7.4, 6], [1.8, 4], [8.3, 7], [11.9, 7], [2.5, 6]),
  row('石门县', [4.3, 4], [-3.4, 7], [-2.8, 6], [-10.6, 6], [6.2, 5], [-20.5, 7], [-9.6, 6], [5.8, 4], [11.3, 4], [-5.2, 7], [14.0, 4], [12.6, 6], [4.6, 4]),
  row('柳溪县', [3.6, 7], [2.2, 4], [1.9, 5], [-0.8, 5], [5.5, 7], [-13.7, 3], [-7.9, 5], [3.9, 7], [5.2, 7], [0.7, 5], [16.6, 2], [15.0, 4], [-1.3, 7]),
  row('江城经开区', [6.8, null], [8.6, null], [15.6, null], [12.4, null], [null, null], [null, null], [null, null], [null, null], [21.0, null], [6.0, null], [null, null], [null, null], [9.4, null]),
];

const CITY_TABLES: readonly CaseCityTable[] = [
  { month: 2, columns: FEB_COLUMNS, rows: FEB_ROWS },
  { month: 3, columns: MAR_COLUMNS, rows: MAR_ROWS },
];

const cityTableFile = (m: number): string => `江城市各县市区2023年1-${m}月主要经济指标对比.xlsx`;
const CITY_STYLE = { subject: '各县（市、区）主要经济指标', sheetName: '县市区对比', note: '注：位次按增速由高到低排列；江城经开区不参与排名，“—”为无此项数据。' };

// ── targets and projects ─────────────────────────────────────────────────────────────────────

const TARGETS: readonly TargetRow[] = [
  { name: '地区生产总值', unit: '亿元', amount: null, amountDp: 0, text: '增长5.5%左右', expected: [4.5, 5.0, 5.2, 5.5], lead: '县统计局、县发展和改革局' },
  { name: '规上工业增加值', unit: '%', amount: null, amountDp: 0, text: '增长6%以上（上半年增长4%以上）', expected: [3.0, 4.0, 5.0, 6.0], lead: '县工信局' },
  { name: '固定资产投资', unit: '%', amount: null, amountDp: 0, text: '增长8%', expected: [6.0, 6.0, 7.0, 8.0], lead: '县发展和改革局' },
  { name: '建筑安装工程投资', unit: '%', amount: null, amountDp: 0, text: '增长6%', expected: [4.0, 4.0, 5.0, 6.0], lead: '县发展和改革局、县住建局' },
  { name: '社会消费品零售总额', unit: '亿元', amount: null, amountDp: 0, text: '增长7%左右', expected: [6.5, 6.5, 7.0, 7.0], lead: '县商务局' },
  { name: '限上批发业销售额', unit: '亿元', amount: null, amountDp: 0, text: '增长15%以上', expected: [15.0, 15.0, 15.0, 15.0], lead: '县商务局' },
  { name: '限上零售业零售额', unit: '亿元', amount: null, amountDp: 0, text: '增长5%', expected: [4.0, 4.5, 5.0, 5.0], lead: '县商务局' },
  { name: '限上住宿业营业额', unit: '万元', amount: null, amountDp: 0, text: '增长12%', expected: [12.0, 12.0, 12.0, 12.0], lead: '县商务局' },
  { name: '限上餐饮业营业额', unit: '万元', amount: null, amountDp: 0, text: '增长15%（上半年增长18%以上）', expected: [18.0, 18.0, 16.0, 15.0], lead: '县商务局' },
  { name: '商品房销售面积', unit: '万平方米', amount: null, amountDp: 0, text: '下降10%左右', expected: [-15.0, -12.0, -11.0, -10.0], lead: '县住建局' },
  { name: '房地产开发投资', unit: '亿元', amount: null, amountDp: 0, text: '下降5%左右', expected: [-8.0, -7.0, -6.0, -5.0], lead: '县住建局' },
  { name: '建筑业总产值', unit: '亿元', amount: null, amountDp: 0, text: '增长7%', expected: [6.0, 6.5, 7.0, 7.0], lead: '县住建局' },
  { name: '一般公共预算收入', unit: '亿元', amount: 4.2, amountDp: 1, text: '全年4.2亿元、增长6%', expected: [6.0, 6.0, 6.0, 6.0], lead: '县财政局' },
];

/** As of 2023-03-31: one late (planned start 3月10日), two due in 二季度, two on schedule. */
const PROJECTS: readonly ProjectRow[] = [
  {
    name: '年产5万吨新型环保建材项目',
    content: '新建生产厂房2栋、原料仓库及自动化生产线2条',
    total: 26000,
    sector: '工业',
    plannedStart: utcDate(2023, 3, 10),
    actualStart: null,
    plannedFinish: utcDate(2024, 6, 30),
    actualFinish: null,
    progress: '环评批复待取得，尚未开工',
    unit: '县工信局',
    leader: '周建明',
  },
  {
    name: '青山工业园标准化厂房三期',
    content: '新建标准化厂房8栋及配套道路管网',
    total: 32000,
    sector: '工业',
    plannedStart: utcDate(2023, 2, 20),
    actualStart: utcDate(2023, 2, 18),
    plannedFinish: utcDate(2024, 8, 31),
    actualFinish: null,
    progress: '基础施工',
    unit: '县工信局',
    leader: '周建明',
  },
  {
    name: '青山县农产品冷链物流中心',
    content: '建设冷库2万吨、分拣配送中心及交易区',
    total: 18500,
    sector: '物流',
    plannedStart: utcDate(2023, 4, 28),
    actualStart: null,
    plannedFinish: utcDate(2024, 10, 31),
    actualFinish: null,
    progress: '施工许可办理中',
    unit: '县商务局',
    leader: '郑晓梅',
  },
  {
    name: '城南污水处理厂扩建工程',
    content: '新增日处理能力2万吨及配套管网6.5公里',
    total: 9600,
    sector: '基础设施',
    plannedStart: utcDate(2022, 8, 15),
    actualStart: utcDate(2022, 8, 20),
    plannedFinish: utcDate(2023, 6, 30),
    actualFinish: null,
    progress: '设备安装调试',
    unit: '县住建局',
    leader: '何立新',
  },
  {
    name: '县人民医院传染病区改造',
    content: '改造传染病区用房及负压病房',
    total: 4200,
    sector: '社会事业',
    plannedStart: utcDate(2022, 11, 1),
    actualStart: utcDate(2022, 11, 5),
    plannedFinish: utcDate(2023, 9, 30),
    actualFinish: null,
    progress: '主体改造完成，装修施工',
    unit: '县卫生健康局',
    leader: '何立新',
  },
];

// ── the world ────────────────────────────────────────────────────────────────────────────────

export function countyWorld(): OutputFile[] {
  checkGrowths(WORLD, COUNTY_RETURNS);
  checkCumulative(WORLD, COUNTY_RETURNS);
  const files = returnFiles(DISTRICT, COUNTY_RETURNS);
  for (const table of CITY_TABLES) {
    checkRanks(WORLD, table, (label) => !UNRANKED.has(label));
    checkOurRow(WORLD, table, table.month === 2 ? '青山' : '青山县', COUNTY_RETURNS);
    const sheet = { year: 2023, month: table.month, columns: table.columns.map((c) => c.header), rows: table.rows, style: CITY_STYLE };
    files.push({ path: `2023/${mm(table.month)}/${cityTableFile(table.month)}`, stamp: utcDate(2023, table.month + 1, 14), build: () => buildCityTable(CITY, sheet) });
  }
  files.push({ path: '2023/青山县2023年主要经济指标目标任务分解表.xlsx', stamp: utcDate(2023, 2, 16), build: () => buildTargets(DISTRICT, 2023, TARGETS) });
  files.push({ path: '2023/青山县2023年重点项目建设台账.xlsx', stamp: utcDate(2023, 4, 5), build: () => buildProjects(DISTRICT, 2023, utcDate(2023, 3, 31), PROJECTS) });
  return files;
}
