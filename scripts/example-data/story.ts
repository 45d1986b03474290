// The story numbers of the example world (云溪区, 2022-01 … 2023-06). Everything the returns show
// is derived from these tables in example.ts; change the story here.
//
// 2023-03 is the 二季度 meeting, 2023-06 the 三季度 meeting. Growths are cumulative (1—N月), in %.

/** month → value; months between anchors are interpolated linearly, outside them held flat. */
export type Anchors = Readonly<Record<number, number>>;

/** Our district's published cumulative growth by indicator and year. */
export const GROWTH: Readonly<Record<string, Readonly<Record<number, Anchors>>>> = {
  gdp: { 2022: { 3: 4.1, 6: 2.6, 9: 3.3, 12: 3.8 }, 2023: { 3: 4.6, 6: 5.2 } },
  industry_va: { 2022: { 2: 6.5, 3: 5.8, 6: 3.1, 9: 3.9, 12: 4.2 }, 2023: { 2: -1.5, 3: -3.2, 6: 1.2 } },
  industry_output: { 2022: { 2: 8.2, 3: 7.4, 6: 4.6, 9: 5.1, 12: 5.5 }, 2023: { 2: -1.2, 3: -2.7, 6: 2.0 } },
  fai: { 2022: { 2: 3.2, 3: -2.5, 6: -8.4, 9: -10.6, 12: -12.8 }, 2023: { 2: -9.2, 3: -11.4, 6: -6.5 } },
  fai_construction: { 2022: { 2: 1.5, 3: -4.2, 6: -12.7, 9: -15.3, 12: -17.9 }, 2023: { 2: -20.5, 3: -25.6, 6: -12.3 } },
  retail_sales: { 2022: { 2: 5.9, 3: 3.6, 6: 1.2, 9: 2.5, 12: 3.1 }, 2023: { 2: 6.8, 3: 7.2, 6: 7.8 } },
  housing_sales_area: { 2022: { 2: -15.3, 3: -21.6, 6: -28.4, 9: -25.7, 12: -23.2 }, 2023: { 2: -22.4, 3: -18.0, 6: -9.6 } },
  real_estate_investment: { 2022: { 2: 2.1, 3: -3.5, 6: -9.8, 9: -11.2, 12: -12.6 }, 2023: { 2: -10.2, 3: -8.7, 6: -7.9 } },
  construction_output: { 2022: { 3: 8.5, 6: 5.2, 9: 5.9, 12: 6.4 }, 2023: { 3: 6.3, 6: 7.1 } },
  wholesale: { 2022: { 2: 12.6, 3: 10.4, 6: 8.1, 9: 9.7, 12: 11.2 }, 2023: { 2: 45.1, 3: 42.6, 6: 35.4 } },
  retail_above: { 2022: { 2: 4.5, 3: 2.1, 6: -1.6, 9: 0.8, 12: 1.5 }, 2023: { 2: -6.9, 3: -8.3, 6: -2.1 } },
  online_retail: { 2022: { 2: 28.5, 12: 22.0 }, 2023: { 2: 15.2, 3: 17.1, 6: 19.5 } },
  accommodation: { 2022: { 2: -12.4, 3: -18.2, 6: -21.5, 9: -15.6, 12: -12.3 }, 2023: { 2: 8.1, 3: 9.8, 6: 14.3 } },
  catering: { 2022: { 2: -6.3, 3: -14.5, 6: -10.2, 9: -5.4, 12: -3.7 }, 2023: { 2: 37.5, 3: 35.2, 6: 32.6 } },
  budget_revenue: { 2022: { 1: 6.1, 3: 4.2, 6: -2.5, 9: 1.6, 12: 3.4 }, 2023: { 1: 15.2, 2: 13.8, 3: 12.5, 6: 10.1 } },
  tax_revenue: { 2022: { 1: 5.0, 3: 2.8, 6: -6.1, 9: -1.2, 12: 1.1 }, 2023: { 1: 11.0, 2: 10.3, 3: 9.1, 6: 8.4 } },
};

/**
 * 2022 cumulative levels of the reported flows (the 2023 returns' 上年同期): an annual total
 * spread by monthly weights, or explicit quarterly values. 2023 = 2022 × (1 + growth); the 2022
 * returns' 上年同期 = 2022 ÷ (1 + growth).
 */
export type Level =
  | { readonly dp: number; readonly annual: number; readonly weights: readonly number[] }
  | { readonly dp: number; readonly quarters: Anchors };

const TRADE = [7.2, 6.1, 8.5, 8.2, 8.4, 8.8, 8.1, 8.3, 8.7, 8.9, 9.0, 9.8];
const HOSPITALITY = [9.5, 8.0, 6.5, 7.0, 7.5, 7.8, 9.0, 9.5, 8.5, 9.2, 8.5, 9.0];
const FISCAL = [11.5, 7.2, 8.0, 9.6, 8.1, 8.3, 9.4, 7.5, 7.8, 9.2, 7.1, 6.3];

export const LEVEL_2022: Readonly<Record<string, Level>> = {
  gdp: { dp: 2, quarters: { 3: 58.42, 6: 121.65, 9: 187.3, 12: 258.76 } },
  construction_output: { dp: 2, quarters: { 3: 18.62, 6: 42.35, 9: 66.1, 12: 95.48 } },
  industry_output: { dp: 2, annual: 162.4, weights: [7.0, 6.2, 8.6, 8.3, 8.5, 8.9, 8.1, 8.3, 8.8, 8.6, 8.9, 9.8] },
  retail_sales: { dp: 2, annual: 98.6, weights: [9.0, 7.6, 7.9, 7.8, 8.3, 8.4, 8.0, 8.1, 8.4, 8.9, 8.6, 9.0] },
  housing_sales_area: { dp: 2, annual: 68.5, weights: [6.5, 5.2, 7.8, 7.6, 8.1, 10.2, 7.4, 7.6, 9.5, 9.8, 8.9, 11.4] },
  real_estate_investment: { dp: 2, annual: 46.8, weights: [5.0, 5.5, 8.2, 8.0, 8.4, 10.8, 7.9, 8.1, 9.3, 8.7, 8.9, 11.2] },
  wholesale: { dp: 2, annual: 62.3, weights: TRADE },
  retail_above: { dp: 2, annual: 45.2, weights: TRADE },
  online_retail: { dp: 2, annual: 5.9, weights: TRADE },
  accommodation: { dp: 0, annual: 10850, weights: HOSPITALITY },
  catering: { dp: 0, annual: 21600, weights: HOSPITALITY },
  budget_revenue: { dp: 0, annual: 156800, weights: FISCAL },
  tax_revenue: { dp: 0, annual: 118200, weights: FISCAL },
};

/** Department series given month by month (index 0 = 1月); growth is computed from them. */
export interface Series {
  readonly dp: number;
  readonly years: Readonly<Record<number, readonly (number | null)[]>>;
}

/** A quarterly series: values at 3, 6, 9, 12 (null = "—"). */
const q = (...v: (number | null)[]): (number | null)[] => [null, null, v[0] ?? null, null, null, v[1] ?? null, null, null, v[2] ?? null, null, null, v[3] ?? null];

export const SERIES: Readonly<Record<string, Series>> = {
  investment_attracted: {
    dp: 2,
    years: {
      2021: [1.85, 4.6, 8.15, 11.6, 15.2, 18.9, 22.4, 26.1, 30.5, 34.2, 38.6, 43.7],
      2022: [2.1, 5.4, 9.6, 13.2, 17.1, 21.35, 25.2, 29.0, 33.6, 38.1, 42.5, 48.3],
      2023: [3.2, 7.45, 11.8, 16.4, 21.0, 26.3],
    },
  },
  projects_signed: {
    dp: 0,
    years: {
      2021: [0, 1, 2, 2, 3, 4, 4, 5, 6, 6, 7, 8],
      2022: [1, 1, 2, 3, 3, 4, 5, 5, 6, 7, 8, 9],
      2023: [1, 2, 3, 3, 4, 5],
    },
  },
  tourists: {
    dp: 2,
    years: {
      2019: [118.4, 215.6, 298.0, 392.5, 505.2, 598.7, 712.4, 830.6, 925.3, 1048.9, 1132.7, 1220.5],
      2021: [80.3, 160.2, 215.4, 290.6, 372.1, 441.8, 520.6, 585.2, 650.7, 735.9, 790.3, 845.6],
      2022: [92.1, 175.8, 241.2, 305.4, 389.6, 462.3, 548.9, 630.5, 702.8, 781.4, 830.9, 884.2],
      2023: [128.6, 236.4, 312.5, 418.9, 536.2, 641.8],
    },
  },
  tourism_revenue: {
    dp: 2,
    years: {
      2019: [11.6, 21.8, 30.12, 39.4, 50.7, 61.2, 73.1, 85.9, 95.8, 108.6, 117.4, 126.9],
      2021: [7.2, 14.1, 18.95, 25.4, 32.6, 38.9, 46.1, 52.7, 58.6, 66.3, 71.2, 76.4],
      2022: [8.1, 15.6, 21.05, 26.9, 34.1, 40.6, 48.7, 56.2, 62.9, 70.4, 75.1, 80.3],
      2023: [11.35, 21.2, 28.36, 38.1, 49.6, 61.85],
    },
  },
  new_entities: {
    dp: 0,
    years: {
      2021: [560, 1290, 1985, 2740, 3480, 4260, 4980, 5690, 6420, 7180, 7930, 8720],
      2022: [620, 1350, 2108, 2895, 3690, 4512, 5290, 6040, 6830, 7620, 8385, 9150],
      2023: [735, 1498, 2315, 3180, 4065, 4960],
    },
  },
  market_entities: {
    dp: 0,
    years: {
      2021: [52180, 52390, 52610, 52850, 53090, 53320, 53580, 53820, 54070, 54550, 55010, 55360],
      2022: [55480, 55590, 55730, 55980, 56240, 56510, 56770, 57020, 57290, 57560, 57820, 58050],
      2023: [58120, 58230, 58402, 58690, 58970, 59260],
    },
  },
  industry_firms: {
    dp: 0,
    years: { 2022: [82, 82, 84, 84, 85, 85, 86, 86, 87, 87, 88, 90], 2023: [85, 85, 86, 86, 87, 88] },
  },
  negative_firms: {
    dp: 0,
    years: { 2022: [30, 29, 31, 33, 35, 34, 32, 31, 30, 29, 28, 27], 2023: [40, 41, 37, 33, 28, 24] },
  },
  grain_area: { dp: 2, years: { 2021: q(null, 11.95, 23.4, 23.85), 2022: q(null, 12.1, 23.6, 24.05), 2023: q(null, 12.35) } },
  grain_output: { dp: 0, years: { 2021: q(null, 17650, 61200, 96800), 2022: q(null, 18020, 62300, 98500), 2023: q(null, 18650) } },
  vegetables: { dp: 2, years: { 2021: q(3.28, 7.3, 10.95, 14.9), 2022: q(3.41, 7.52, 11.3, 15.42), 2023: q(3.62, 7.95) } },
  fruit: { dp: 0, years: { 2021: q(4950, 10820, 21400, 27350), 2022: q(5012, 11050, 21980, 28100), 2023: q(4860, 11380) } },
  aquatic: { dp: 0, years: { 2021: q(2105, 4620, 7380, 9960), 2022: q(2190, 4780, 7650, 10320), 2023: q(2285, 5010) } },
};

/** 全年目标 of the volume indicators, by year. */
export const AMOUNT_TARGETS: Readonly<Record<string, Readonly<Record<number, number>>>> = {
  investment_attracted: { 2022: 45, 2023: 50 },
  projects_signed: { 2022: 8, 2023: 10 },
};

/** Our district's 位次 among the 7 ranked units in 2023 (months between anchors interpolated). */
export const RANKS_2023: Readonly<Record<string, Anchors>> = {
  gdp: { 3: 3, 6: 3 },
  industry_va: { 2: 4, 3: 6, 6: 5 },
  fai: { 2: 7, 3: 7, 6: 6 },
  fai_construction: { 2: 6, 3: 7, 6: 6 },
  retail_sales: { 2: 4, 3: 4, 6: 3 },
  housing_sales_area: { 2: 7, 3: 6, 6: 5 },
  real_estate_investment: { 2: 5, 3: 5, 6: 5 },
  construction_output: { 3: 4, 6: 3 },
  wholesale: { 2: 1, 3: 1, 6: 1 },
  retail_above: { 2: 6, 3: 7, 6: 6 },
  accommodation: { 2: 5, 3: 6, 6: 4 },
  catering: { 2: 3, 3: 3, 6: 3 },
  budget_revenue: { 2: 2, 3: 2, 6: 2 },
};

/** Where our district shares its rank with a peer (并列): `indicator@YYYY-MM`. */
export const TIES: ReadonlySet<string> = new Set(['catering@2023-03']);

/** 2022 rank around which each quarter varies by at most one place. */
export const RANK_2022: Readonly<Record<string, number>> = {
  gdp: 4,
  industry_va: 3,
  fai: 6,
  fai_construction: 6,
  retail_sales: 4,
  housing_sales_area: 7,
  real_estate_investment: 5,
  construction_output: 4,
  wholesale: 2,
  retail_above: 4,
  accommodation: 6,
  catering: 5,
  budget_revenue: 3,
};

/** How far apart districts' growths typically are, per indicator (percentage points). */
export const SPREAD: Readonly<Record<string, number>> = {
  gdp: 0.8,
  industry_va: 1.6,
  fai: 4,
  fai_construction: 6,
  retail_sales: 1.2,
  housing_sales_area: 6,
  real_estate_investment: 4,
  construction_output: 2,
  wholesale: 6,
  retail_above: 3,
  accommodation: 4,
  catering: 5,
  budget_revenue: 3,
};

/** Size weights for the city total (全市 growth = weighted mean of the units' growths). */
export const WEIGHTS: Readonly<Record<string, number>> = {
  云溪区: 0.14,
  江滨区: 0.22,
  城东区: 0.18,
  城西区: 0.15,
  南湖区: 0.12,
  北山区: 0.09,
  青石县: 0.06,
  临江高新区: 0.04,
};

/** Column order in the city table (indicators with `ranked: true`). */
export const CITY_COLUMN_ORDER = [
  'gdp',
  'industry_va',
  'fai',
  'fai_construction',
  'retail_sales',
  'housing_sales_area',
  'real_estate_investment',
  'construction_output',
  'wholesale',
  'retail_above',
  'accommodation',
  'catering',
  'budget_revenue',
];

/** Row order in the city table (after 全市). */
export const CITY_ROW_ORDER = ['江滨区', '城东区', '城西区', '云溪区', '南湖区', '北山区', '青石县', '临江高新区'];

/** Indicators the 高新区 has no 限上 units for ("—" in the city table). */
export const HITECH_BLANK: ReadonlySet<string> = new Set(['accommodation', 'catering']);

/** Expected growth for 一季度, 上半年, 前三季度, 全年 (null = "—"), 目标表述 and 牵头单位. */
export interface TargetPlan {
  readonly expected: readonly [number | null, number | null, number | null, number | null];
  readonly text: string;
  readonly lead: string;
}

export const TARGETS: Readonly<Record<number, Readonly<Record<string, TargetPlan>>>> = {
  2023: {
    gdp: { expected: [4.5, 5.0, 5.5, 6.0], text: '增长6%左右', lead: '区统计局、区发改局' },
    industry_va: { expected: [2.0, 2.0, 3.5, 5.0], text: '增长5%左右（上半年增长2%以上）', lead: '区科工局' },
    fai: { expected: [5.0, 5.0, 6.5, 8.0], text: '增长8%', lead: '区发改局、区统计局' },
    fai_construction: { expected: [3.0, 3.0, 4.5, 6.0], text: '增长6%', lead: '区发改局、区住建局' },
    retail_sales: { expected: [6.5, 6.5, 7.0, 7.0], text: '增长7%左右', lead: '区商务局、区统计局' },
    housing_sales_area: { expected: [-12.0, -8.0, -6.0, -5.0], text: '下降5%左右', lead: '区住建局' },
    real_estate_investment: { expected: [-10.0, -10.0, -9.0, -8.0], text: '下降8%左右', lead: '区住建局' },
    construction_output: { expected: [5.0, 5.0, 5.5, 6.0], text: '增长6%', lead: '区住建局' },
    wholesale: { expected: [30.0, 30.0, 28.0, 25.0], text: '增长25%（上半年增长30%以上）', lead: '区商务局' },
    retail_above: { expected: [5.0, 5.0, 5.5, 6.0], text: '增长6%（上半年增长5%以上）', lead: '区商务局' },
    accommodation: { expected: [16.0, 16.0, 15.5, 15.0], text: '增长15%', lead: '区商务局' },
    catering: { expected: [31.0, 31.0, 25.0, 20.0], text: '增长20%（上半年增长31%以上）', lead: '区商务局' },
    budget_revenue: { expected: [8.0, 8.0, 7.5, 7.0], text: '增长7%', lead: '区财政局' },
    tourism_revenue: { expected: [null, null, null, null], text: '不低于2019年同期水平', lead: '区文旅局' },
    negative_firms: { expected: [null, null, null, -50.0], text: '负增长企业面减少50%以上', lead: '区科工局' },
    investment_attracted: { expected: [null, null, null, null], text: '全年50亿元', lead: '区投促局' },
    projects_signed: { expected: [null, null, null, null], text: '全年新签约10个', lead: '区投促局' },
  },
  2022: {
    gdp: { expected: [5.5, 6.0, 6.0, 6.5], text: '增长6.5%左右', lead: '区统计局、区发改局' },
    industry_va: { expected: [7.0, 7.0, 7.5, 8.0], text: '增长8%以上', lead: '区科工局' },
    fai: { expected: [6.0, 6.0, 7.0, 8.0], text: '增长8%', lead: '区发改局、区统计局' },
    retail_sales: { expected: [6.0, 6.0, 6.5, 7.0], text: '增长7%左右', lead: '区商务局、区统计局' },
    wholesale: { expected: [12.0, 12.0, 12.0, 12.0], text: '增长12%以上', lead: '区商务局' },
    retail_above: { expected: [6.0, 6.0, 6.0, 6.0], text: '增长6%', lead: '区商务局' },
    budget_revenue: { expected: [6.0, 6.0, 6.0, 6.0], text: '增长6%', lead: '区财政局' },
    investment_attracted: { expected: [null, null, null, null], text: '全年45亿元', lead: '区投促局' },
    projects_signed: { expected: [null, null, null, null], text: '全年新签约8个', lead: '区投促局' },
  },
};

/** Key projects, as of 2023-03-31. Dates are [year, month, day]; null = "—". */
export interface ProjectPlan {
  readonly name: string;
  readonly content: string;
  readonly total: number;
  readonly sector: string;
  readonly plannedStart: readonly [number, number, number] | null;
  readonly actualStart: readonly [number, number, number] | null;
  readonly plannedFinish: readonly [number, number, number] | null;
  readonly progress: string;
  readonly unit: string;
  readonly leader: string;
}

export const PROJECTS_2023: readonly ProjectPlan[] = [
  { name: '云溪国际物流园', content: '建设仓储物流中心、冷链仓库、综合服务楼及配套设施', total: 161000, sector: '商贸', plannedStart: [2023, 2, 15], actualStart: [2023, 3, 2], plannedFinish: [2024, 12, 31], progress: '场地平整完成，1号仓库基础施工', unit: '区商务局', leader: '陈明' },
  { name: '新万达广场', content: '建设商业综合体、步行街及地下停车场', total: 90000, sector: '商贸', plannedStart: [2022, 6, 30], actualStart: [2022, 6, 18], plannedFinish: [2024, 6, 30], progress: '主体结构封顶，外立面施工', unit: '区商务局', leader: '陈明' },
  { name: '年产1800万件汽车照明电子产品项目', content: '新建标准厂房3栋，购置SMT贴片及检测生产线', total: 32000, sector: '工业', plannedStart: [2023, 4, 30], actualStart: null, plannedFinish: [2024, 10, 31], progress: '施工许可办理中', unit: '区科工局', leader: '李卫东' },
  { name: '云溪国际冷链设备产业园－冷藏冷冻设备园项目一期', content: '建设冷藏冷冻设备生产厂房及研发中心', total: 58000, sector: '工业', plannedStart: [2023, 10, 31], actualStart: null, plannedFinish: [2025, 6, 30], progress: '80亩土地报批中', unit: '区科工局', leader: '李卫东' },
  { name: '云溪智慧冷链设备生产项目', content: '建设智能冷柜、冷链运输设备生产线', total: 12000, sector: '工业', plannedStart: [2023, 3, 15], actualStart: null, plannedFinish: [2024, 3, 31], progress: '规划设计方案审查中', unit: '区科工局', leader: '李卫东' },
  { name: '日产300吨精米生产线项目－精米生产车间', content: '建设精米生产车间、烘干中心及仓储用房', total: 6800, sector: '农业', plannedStart: [2023, 6, 30], actualStart: null, plannedFinish: [2024, 5, 31], progress: '用地手续办理中', unit: '区农业农村局', leader: '黄志远' },
  { name: '区人民医院综合业务大楼', content: '新建门急诊、医技及住院综合楼，床位500张', total: 45000, sector: '社会事业', plannedStart: [2022, 3, 1], actualStart: [2022, 3, 20], plannedFinish: [2023, 6, 30], progress: '室内装修及设备安装', unit: '区卫生健康局', leader: '刘晓红' },
  { name: '云溪区第二幼儿园', content: '新建12个班幼儿园教学楼及附属用房', total: 3600, sector: '社会事业', plannedStart: [2022, 9, 1], actualStart: [2022, 8, 28], plannedFinish: [2023, 8, 31], progress: '主体完工，室外工程施工', unit: '区教育局', leader: '刘晓红' },
  { name: '云溪区第三小学', content: '新建36个班小学教学楼、综合楼及运动场', total: 9800, sector: '社会事业', plannedStart: [2023, 3, 1], actualStart: null, plannedFinish: [2024, 8, 31], progress: '施工招标准备中', unit: '区教育局', leader: '刘晓红' },
  { name: '云溪南小学', content: '新建24个班小学教学楼及附属设施', total: 8600, sector: '社会事业', plannedStart: [2023, 5, 31], actualStart: null, plannedFinish: [2024, 8, 31], progress: '初步设计审查中', unit: '区教育局', leader: '刘晓红' },
  { name: '明湖初级中学', content: '新建30个班初中教学楼、宿舍及食堂', total: 11500, sector: '社会事业', plannedStart: [2023, 6, 30], actualStart: null, plannedFinish: [2024, 12, 31], progress: '可研批复，施工图设计中', unit: '区教育局', leader: '刘晓红' },
  { name: '临江路线迁移改造项目', content: '迁移改造10千伏线路4.2公里及配套管沟', total: 2509, sector: '基础设施', plannedStart: [2023, 6, 15], actualStart: null, plannedFinish: [2023, 10, 31], progress: '施工图审查完成，待进场', unit: '区交通运输局', leader: '王建华' },
];

/**
 * 统计局's forecast (预计) of the next quarter-end's cumulative growth, given in its quarter-end
 * returns: in March for 上半年, in June for 前三季度. The Q2 meeting hears that investment will fall
 * further before it recovers.
 */
export const FORECAST_2023: Readonly<Record<number, Readonly<Record<string, number>>>> = {
  3: { gdp: 4.8, fai: -13.5, fai_construction: -28.0, retail_sales: 7.0 },
  6: { gdp: 5.4, fai: -5.0, fai_construction: -10.0, retail_sales: 7.9 },
};
