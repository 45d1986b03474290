// One function per sheet layout: the nine bureau returns, the city comparison table, the targets
// table and the project ledger. Layouts differ on purpose (the reader finds columns by header
// words); they take plain numbers and never compute story values themselves.
import type ExcelJS from 'exceljs';
import {
  SheetWriter,
  addSecondSheet,
  amt,
  dateCell,
  int,
  newWorkbook,
  num,
  pct,
  roundHalfUp,
  type Cell,
  type HeaderCell,
} from './xlsx.js';

/** The numbers of one indicator in one return; a missing field is shown as "—". */
export interface Fig {
  /** 本期: 1–N月累计, or the level at month end for stocks. */
  readonly value?: number | null;
  /** 上年同期. */
  readonly prev?: number | null;
  /** 同比 in %. */
  readonly growth?: number | null;
  /** 本月 (the month alone). */
  readonly month?: number | null;
  readonly monthGrowth?: number | null;
  readonly base2019?: number | null;
  /** 全年目标 (volume targets only). */
  readonly target?: number | null;
  /** 预计: the forecast growth of the next quarter-end (统计局, quarter-end returns only). */
  readonly forecast?: number | null;
}

/**
 * Figures by the row a layout writes, named by the example catalogue's indicator ids (plus rows
 * outside the catalogue: `online_retail`, a 其中 row of 商务局; `power`, 工信局's 工业用电量).
 */
export type Figures = Readonly<Partial<Record<string, Fig>>>;

export interface ReturnCtx {
  readonly district: string;
  readonly year: number;
  readonly month: number;
  readonly reportDate: Date;
}

/** One workbook to write: path relative to the world's data folder, document date, builder. */
export interface OutputFile {
  readonly path: string;
  readonly stamp: Date;
  readonly build: () => ExcelJS.Workbook;
}

export interface BureauLayout {
  fileName(ctx: ReturnCtx): string;
  build(ctx: ReturnCtx, figs: Figures): ExcelJS.Workbook;
}

// ── wording of periods ───────────────────────────────────────────────────────────────────────

const QUARTER = ['', '', '', '一季度', '', '', '上半年', '', '', '前三季度', '', '', '全年'];
const ytdDash = (m: number): string => (m === 1 ? '1月' : `1—${m}月`);
const ytdHyphen = (m: number): string => (m === 1 ? '1月' : `1-${m}月`);
const quarterName = (m: number): string => QUARTER[m] ?? `1-${m}月`;
const mm = (m: number): string => String(m).padStart(2, '0');

const NONE: Fig = {};
const fig = (figs: Figures, id: string): Fig => figs[id] ?? NONE;

/** 填报人 / 审核人 per bureau (fictional). */
const PEOPLE: Readonly<Record<string, readonly [string, string]>> = {
  tjj: ['张丽', '李建国'],
  kgj: ['王磊', '赵永红'],
  zjj: ['刘洋', '陈志强'],
  swj: ['黄晓燕', '周文斌'],
  nyj: ['吴海涛', '郑春华'],
  wlj: ['孙佳', '马立新'],
  czj: ['朱慧敏', '胡国平'],
  tcj: ['林峰', '何建军'],
  scj: ['郭婷', '罗明'],
  gxj: ['杨帆', '邓志华'],
};

function sign(w: SheetWriter, bureau: string, date: Date, dateAsCell = false): void {
  const [filler, checker] = PEOPLE[bureau] ?? ['张三', '李四'];
  w.signature(filler, checker, date, dateAsCell);
}

function start(ctx: ReturnCtx, widths: readonly number[]): { wb: ExcelJS.Workbook; w: SheetWriter } {
  const wb = newWorkbook(ctx.district);
  return { wb, w: SheetWriter.add(wb, 'Sheet1', widths) };
}

// ── bureau returns ───────────────────────────────────────────────────────────────────────────

/** 统计局: 序号 | 指标名称 | 计量单位 | 1—N月 (or 本年累计) | 上年同期 | 同比增长(%) | 备注. */
const tjj: BureauLayout = {
  fileName: ({ district, year, month }) => `${district}统计局${year}年${ytdHyphen(month)}主要经济指标.xlsx`,
  build(ctx, figs) {
    // Quarter-end returns add the bureau's forecast for the next quarter-end, before 备注.
    const horizon = Object.values(figs).some((f) => f?.forecast != null) ? QUARTER[ctx.month + 3] : undefined;
    const { wb, w } = start(ctx, horizon ? [6, 32, 10, 14, 14, 14, 16, 16] : [6, 32, 10, 14, 14, 14, 16]);
    const gdp = fig(figs, 'gdp');
    const retail = fig(figs, 'retail_sales');
    const fai = fig(figs, 'fai');
    const construction = fig(figs, 'fai_construction');
    const extra = (f: Fig): Cell[] => (horizon ? [pct(f.forecast)] : []);
    w.title(`${ctx.district}${ctx.year}年${ytdDash(ctx.month)}主要经济指标完成情况表`)
      .meta(`填报单位：${ctx.district}统计局`, '单位：亿元、%', horizon ? 7 : 6)
      .header([['序号', '指标名称', '计量单位', ctx.year >= 2023 ? ytdDash(ctx.month) : '本年累计', '上年同期', '同比增长(%)', ...(horizon ? [`预计${horizon}增长(%)`] : []), '备注']])
      .data([int(1), '一、地区生产总值', '亿元', amt(gdp.value), amt(gdp.prev), pct(gdp.growth), ...extra(gdp), '季度核算，按可比价计算'])
      .data([int(2), '二、固定资产投资（不含农户）', '%', null, null, pct(fai.growth), ...extra(fai), '只公布增速'])
      .data(['', '其中：建筑安装工程投资', '%', null, null, pct(construction.growth), ...extra(construction), ''], { indent: 1 })
      .data([int(3), '三、社会消费品零售总额', '亿元', amt(retail.value), amt(retail.prev), pct(retail.growth), ...extra(retail), ''])
      .note(`注：地区生产总值按可比价计算，为实际增长速度；固定资产投资按可比口径计算。${horizon ? `“预计${horizon}增长”为初步测算数。` : ''}`);
    sign(w, 'tjj', ctx.reportDate);
    return wb;
  },
};

/** 科工局: two header rows, 本月 and 1—N月累计 each over 绝对值 | 同比增长(%). */
const kgj: BureauLayout = {
  fileName: ({ district, year, month }) =>
    year >= 2023 ? `科工局${year}年${month}月报表.xlsx` : `${district}科技和工业局${year}年${month}月工业月报.xlsx`,
  build(ctx, figs) {
    const { wb, w } = start(ctx, [30, 8, 12, 14, 12, 14]);
    const va = fig(figs, 'industry_va');
    const out = fig(figs, 'industry_output');
    w.title(`${ctx.district}${ctx.year}年${ytdDash(ctx.month)}工业主要指标完成情况表`)
      .meta(`填报单位：${ctx.district}科工局`, '单位：亿元、家、%', 6)
      .header([
        [{ text: '指标名称', rows: 2 }, { text: '单位', rows: 2 }, { text: '本月', cols: 2 }, { text: `${ytdDash(ctx.month)}累计`, cols: 2 }],
        ['绝对值', '同比增长(%)', '绝对值', '同比增长(%)'],
      ])
      .data(['规模以上工业增加值', '%', null, pct(va.monthGrowth), null, pct(va.growth)])
      .data(['规模以上工业总产值', '亿元', amt(out.month), pct(out.monthGrowth), amt(out.value), pct(out.growth)]);
    if (figs.industry_firms) w.data(['规上工业企业数', '家', null, null, int(figs.industry_firms.value), null]);
    if (figs.negative_firms) w.data(['其中：负增长企业数', '家', null, null, int(figs.negative_firms.value), null], { indent: 1 });
    w.note('注：规模以上工业增加值增速按可比价计算；企业数为期末数。');
    sign(w, 'kgj', ctx.reportDate, true);
    return wb;
  },
};

/** 住建局: units inside the names; growth shown with a red format that drops the minus sign. */
const zjj: BureauLayout = {
  fileName: ({ year, month }) => `住建局 ${year}.${mm(month)} 月报.xlsx`,
  build(ctx, figs) {
    const { wb, w } = start(ctx, [6, 34, 14, 14, 12, 16]);
    const growth = (g: number | null | undefined): Cell => num(g, 1, '0.0;[Red]0.0');
    const row = (no: number, name: string, f: Fig, remark = ''): void => {
      w.data([int(no), name, amt(f.value), amt(f.prev), growth(f.growth), remark]);
    };
    w.title(`${ctx.district}${ctx.year}年${ytdHyphen(ctx.month)}住房和城乡建设主要指标`)
      .meta(`填报单位：${ctx.district}住房和城乡建设局`, '单位：万平方米、亿元、%', 6)
      .header([['序号', '指标名称', '本年累计', '上年同期', '增幅(%)', '备注']]);
    row(1, '商品房销售面积（万平方米）', fig(figs, 'housing_sales_area'), '网签备案口径');
    row(2, '房地产开发投资（亿元）', fig(figs, 'real_estate_investment'));
    const construction = figs.construction_output;
    if (construction) row(3, '资质内建筑业总产值（亿元）', construction, '季度数据');
    sign(w, 'zjj', ctx.reportDate);
    return wb;
  },
};

/** 商务局: 计量单位 column mixes 亿元 and 万元; a 其中 row outside the catalogue; hidden Sheet2. */
const swj: BureauLayout = {
  fileName: ({ year, month }) => `商务局${year}年${ytdDash(month)}限上商贸数据.xlsx`,
  build(ctx, figs) {
    const { wb, w } = start(ctx, [30, 10, 12, 12, 14, 14]);
    const row = (name: string, unit: string, f: Fig, dp: number, indent = 0): void => {
      w.data([name, unit, num(f.month, dp), num(f.value, dp), num(f.prev, dp), pct(f.growth)], { indent });
    };
    w.title(`${ctx.district}${ctx.year}年${ytdDash(ctx.month)}限额以上商贸企业主要指标`)
      .meta(`填报单位：${ctx.district}商务局`, '单位：亿元、万元、%', 6)
      .header([['指标名称', '计量单位', '本月', '本年累计', '上年同期累计', '同比增减(±%)']]);
    row('限额以上批发业销售额', '亿元', fig(figs, 'wholesale'), 2);
    row('限额以上零售业零售额', '亿元', fig(figs, 'retail_above'), 2);
    if (figs.online_retail) row('\u3000\u3000其中：网上零售额', '亿元', figs.online_retail, 2);
    row('限额以上住宿业营业额', '万元', fig(figs, 'accommodation'), 0);
    if (figs.catering) row('限额以上餐饮业营业额', '万元', figs.catering, 0);
    w.note('注：限额以上企业增速按同口径计算；1—2月不单列本月数。');
    sign(w, 'swj', ctx.reportDate);
    addSecondSheet(wb, [
      ['重点企业', '本月销售额（万元）'],
      ['云溪商贸物流有限公司', 8120],
      ['临江鑫达贸易有限公司', 5230],
      ['云溪百货大楼', 1840],
    ]);
    return wb;
  },
};

/** 农业农村局: quarterly; grain only after the summer harvest; an empty Sheet2. */
const nyj: BureauLayout = {
  fileName: ({ year, month }) => `农业农村局${year}年${quarterName(month)}报表.xlsx`,
  build(ctx, figs) {
    const { wb, w } = start(ctx, [24, 10, 14, 14, 14]);
    const row = (name: string, unit: string, f: Fig, dp: number): void => {
      w.data([name, unit, num(f.value, dp), num(f.prev, dp), pct(f.growth)]);
    };
    w.title(`${ctx.district}${ctx.year}年${quarterName(ctx.month)}农业主要指标完成情况`)
      .meta(`填报单位：${ctx.district}农业农村局`, '单位：%', 5)
      .header([['指标名称', '单位', '本年累计', '上年同期', '同比增长(%)']]);
    row('粮食播种面积', '万亩', fig(figs, 'grain_area'), 2);
    row('粮食产量', '吨', fig(figs, 'grain_output'), 0);
    row('蔬菜及食用菌产量', '万吨', fig(figs, 'vegetables'), 2);
    row('水果产量', '吨', fig(figs, 'fruit'), 0);
    row('水产品产量', '吨', fig(figs, 'aquatic'), 0);
    w.note('注：粮食播种面积、粮食产量为季节性指标，夏粮收获后填报。');
    sign(w, 'nyj', ctx.reportDate);
    addSecondSheet(wb);
    return wb;
  },
};

/** 文旅局: with the 2019 same period and 恢复率. */
const wlj: BureauLayout = {
  fileName: ({ year, month }) => `文旅局${year}年${month}月旅游数据.xlsx`,
  build(ctx, figs) {
    const { wb, w } = start(ctx, [20, 10, 14, 14, 14, 14, 12]);
    const row = (name: string, unit: string, f: Fig): void => {
      const recovery = f.value != null && f.base2019 ? roundHalfUp((f.value / f.base2019) * 100, 1) : null;
      w.data([name, unit, amt(f.value), amt(f.prev), pct(f.growth), amt(f.base2019), pct(recovery)]);
    };
    w.title(`${ctx.district}${ctx.year}年${ytdHyphen(ctx.month)}旅游主要指标`)
      .meta(`填报单位：${ctx.district}文化广电旅游体育局`, '单位：万人次、亿元、%', 7)
      .header([['指标名称', '单位', '本年累计', '上年同期', '同比增长(%)', '2019年同期', '恢复率(%)']]);
    row('接待游客人次', '万人次', fig(figs, 'tourists'));
    row('旅游总收入', '亿元', fig(figs, 'tourism_revenue'));
    sign(w, 'wlj', ctx.reportDate);
    return wb;
  },
};

/** 财政局: everything in 万元 (title line says so); the date is a real date cell. */
const czj: BureauLayout = {
  fileName: ({ year, month }) => `财政局${year}年${month}月收入快报.xlsx`,
  build(ctx, figs) {
    const { wb, w } = start(ctx, [24, 12, 12, 12, 12, 12]);
    const row = (name: string, f: Fig, indent = 0): void => {
      const diff = f.value != null && f.prev != null ? f.value - f.prev : null;
      w.data([name, int(f.month), int(f.value), int(f.prev), int(diff), pct(f.growth)], { indent });
    };
    w.title(`${ctx.district}${ctx.year}年${ctx.month}月财政收入快报`)
      .meta(`填报单位：${ctx.district}财政局`, '单位：万元', 6)
      .header([['项目', '本月', '累计', '上年同期', '增减额', '增减(%)']]);
    row('一般公共预算收入', fig(figs, 'budget_revenue'));
    row('其中：税收收入', fig(figs, 'tax_revenue'), 1);
    w.note('注：增减(%)按同口径计算。');
    sign(w, 'czj', ctx.reportDate, true);
    return wb;
  },
};

/** 投促局: 全年目标 and 完成率 next to the cumulative value. */
const tcj: BureauLayout = {
  fileName: ({ year, month }) => `投促局${year}年${month}月招商引资.xlsx`,
  build(ctx, figs) {
    const { wb, w } = start(ctx, [22, 8, 12, 12, 12, 12, 14]);
    const row = (name: string, unit: string, f: Fig, dp: number): void => {
      const rate = f.value != null && f.target ? roundHalfUp((f.value / f.target) * 100, 1) : null;
      w.data([name, unit, num(f.target, dp), num(f.value, dp), pct(rate), num(f.prev, dp), pct(f.growth)]);
    };
    w.title(`${ctx.district}${ctx.year}年${ytdDash(ctx.month)}招商引资工作完成情况表`)
      .meta(`填报单位：${ctx.district}投资促进局`, '单位：亿元、个、%', 7)
      .header([['指标', '单位', '全年目标', '本年累计', '完成率(%)', '上年同期', '同比增长(%)']]);
    row('招商引资到位资金', '亿元', fig(figs, 'investment_attracted'), 2);
    row('新签约项目数', '个', fig(figs, 'projects_signed'), 0);
    sign(w, 'tcj', ctx.reportDate);
    return wb;
  },
};

/** 市场监管局: 实有市场主体 is a stock, its 本月 cell is "—". */
const scj: BureauLayout = {
  fileName: ({ year, month }) =>
    year >= 2023 ? `市场监管局${year}年${month}月市场主体.xlsx` : `市场监督管理局${year}年${month}月市场主体统计.xlsx`,
  build(ctx, figs) {
    const { wb, w } = start(ctx, [22, 8, 12, 14, 14, 14]);
    const fresh = fig(figs, 'new_entities');
    const stock = fig(figs, 'market_entities');
    w.title(`${ctx.district}${ctx.year}年${ctx.month}月市场主体发展情况`)
      .meta(`填报单位：${ctx.district}市场监督管理局`, '单位：户、%', 6)
      .header([['指标名称', '单位', '本月', '本年累计', '上年同期', '同比增长(%)']])
      .data(['新登记市场主体', '户', int(fresh.month), int(fresh.value), int(fresh.prev), pct(fresh.growth)])
      .data(['实有市场主体', '户', null, int(stock.value), int(stock.prev), pct(stock.growth)])
      .note('注：实有市场主体为月末数。');
    sign(w, 'scj', ctx.reportDate);
    return wb;
  },
};

/**
 * 工信局 (a county's 工业和信息化局): one header row, the month alone headed "3月", the
 * cumulative "1-3月", 去年同期 and 同比±%; enterprise counts as numbered rows with a 其中 row; a
 * row outside the catalogue (工业用电量).
 */
const gxj: BureauLayout = {
  fileName: ({ year, month }) => `县工信局${year}年${month}月工业经济运行月报.xlsx`,
  build(ctx, figs) {
    const { wb, w } = start(ctx, [6, 28, 10, 12, 12, 12, 12, 18]);
    const row = (no: Cell, name: string, unit: string, f: Fig, dp: number, remark = '', indent = 0): void => {
      w.data([no, name, unit, num(f.month, dp), num(f.value, dp), num(f.prev, dp), pct(f.growth), remark], { indent });
    };
    w.title(`${ctx.district}${ctx.year}年${ytdHyphen(ctx.month)}工业经济主要指标`)
      .meta(`填报单位：${ctx.district}工业和信息化局`, '单位：亿元、家、万千瓦时、%', 8)
      .header([['序号', '指标名称', '计量单位', `${ctx.month}月`, ytdHyphen(ctx.month), '去年同期', '同比±%', '备注']]);
    row(int(1), '规模以上工业增加值', '%', fig(figs, 'industry_va'), 1, '按可比价计算');
    row(int(2), '规模以上工业总产值', '亿元', fig(figs, 'industry_output'), 2);
    row(int(3), '规模以上工业企业', '家', fig(figs, 'industry_firms'), 0, '期末数');
    row('', '其中：产值负增长企业', '家', fig(figs, 'negative_firms'), 0, '期末数', 1);
    if (figs.power) row(int(4), '工业用电量', '万千瓦时', figs.power, 0);
    w.note('注：规模以上工业增加值增速按可比价计算，其他指标按现价计算。');
    sign(w, 'gxj', ctx.reportDate);
    return wb;
  },
};

export const BUREAU_LAYOUTS: Readonly<Record<string, BureauLayout>> = { tjj, kgj, zjj, swj, nyj, wlj, czj, tcj, scj, gxj };

// ── city comparison table ────────────────────────────────────────────────────────────────────

export interface CityCell {
  readonly growth: number | null;
  readonly rank: number | null;
}
export interface CityRow {
  readonly label: string;
  readonly cells: readonly CityCell[];
}
export interface CityTable {
  readonly year: number;
  readonly month: number;
  /** Indicator names, one column pair each. */
  readonly columns: readonly string[];
  /** 全市 first, then the districts. */
  readonly rows: readonly CityRow[];
  /** Stale numbers of an earlier year for the hidden sheet "旧表" (none: no such sheet). */
  readonly stale?: { readonly year: number; readonly rows: readonly CityRow[] };
  /** The sheet's look where it differs from the example city's (title words, note, no 位次 column). */
  readonly style?: CityTableStyle;
}

export interface CityTableStyle {
  /** Words between the city's name and the period in the title: 各区县主要经济指标. */
  readonly subject?: string;
  readonly sheetName?: string;
  /** The footer note: 注：位次按增速由高到低排列，临江高新区不参与排名。 */
  readonly note?: string;
  /** false: growth columns only (增速(%) under each indicator), no 位次 column. */
  readonly ranks?: boolean;
}

export const cityTableFileName = (year: number, month: number): string => `全市各区主要经济指标（${year}年1-${month}月）.xlsx`;

interface CitySheet {
  readonly name: string;
  readonly city: string;
  readonly year: number;
  readonly month: number;
  readonly columns: readonly string[];
  readonly rows: readonly CityRow[];
  readonly style: CityTableStyle;
}

function citySheet(wb: ExcelJS.Workbook, { name, city, year, month, columns, rows, style }: CitySheet): ExcelJS.Worksheet {
  const ranks = style.ranks ?? true;
  const w = SheetWriter.add(wb, name, [14, ...columns.flatMap(() => (ranks ? [9, 7] : [11]))]);
  w.title(`${city}${style.subject ?? '各区县主要经济指标'}（${year}年${ytdDash(month)}）`);
  w.skip();
  w.ws.getCell(2, w.width).value = '单位：%';
  w.ws.getCell(2, w.width).alignment = { horizontal: 'right' };
  const top: HeaderCell[] = [{ text: '地区', rows: 2 }, ...columns.map((text) => (ranks ? { text, cols: 2 } : text))];
  w.header([top, columns.flatMap(() => (ranks ? ['增速', '位次'] : ['增速(%)']))]);
  for (const row of rows) w.data([row.label, ...row.cells.flatMap((c) => (ranks ? [pct(c.growth), int(c.rank)] : [pct(c.growth)]))]);
  w.note(style.note ?? '注：位次按增速由高到低排列，临江高新区不参与排名。');
  return w.ws;
}

export function buildCityTable(city: string, t: CityTable): ExcelJS.Workbook {
  const wb = newWorkbook(`${city}统计局`);
  const style = t.style ?? {};
  citySheet(wb, { name: style.sheetName ?? '各区主要指标', city, year: t.year, month: t.month, columns: t.columns, rows: t.rows, style });
  if (t.stale) {
    const stale = citySheet(wb, { name: '旧表', city, year: t.stale.year, month: t.month, columns: t.columns, rows: t.stale.rows, style });
    stale.state = 'hidden';
  }
  return wb;
}

// ── targets ──────────────────────────────────────────────────────────────────────────────────

export interface TargetRow {
  readonly name: string;
  readonly unit: string;
  /** 全年目标 for volume targets only. */
  readonly amount: number | null;
  readonly amountDp: number;
  readonly text: string;
  /** 预期增速 for 一季度, 上半年, 前三季度, 全年. */
  readonly expected: readonly [number | null, number | null, number | null, number | null];
  readonly lead: string;
}

export const targetsFileName = (year: number): string => `${year}年目标任务.xlsx`;

export function buildTargets(district: string, year: number, rows: readonly TargetRow[]): ExcelJS.Workbook {
  const wb = newWorkbook(district);
  const w = SheetWriter.add(wb, `${year}年目标`, [6, 24, 8, 10, 32, 12, 12, 12, 12, 22]);
  w.title(`${district}${year}年主要经济指标目标任务表`)
    .meta(`填报单位：${district}发展和改革局`, '单位：%、亿元、个', 10)
    .header([['序号', '指标名称', '单位', '全年目标', '目标表述', '一季度预期增速(%)', '上半年预期增速(%)', '前三季度预期增速(%)', '全年预期增速(%)', '牵头单位']]);
  rows.forEach((r, i) => {
    w.data([int(i + 1), r.name, r.unit, num(r.amount, r.amountDp), r.text, ...r.expected.map(pct), r.lead]);
  });
  w.note('注：预期增速为累计同比增速；全年目标为总量目标。');
  return wb;
}

// ── project ledger ───────────────────────────────────────────────────────────────────────────

export interface ProjectRow {
  readonly name: string;
  readonly content: string;
  /** 总投资, 万元. */
  readonly total: number;
  readonly sector: string;
  readonly plannedStart: Date | null;
  readonly actualStart: Date | null;
  readonly plannedFinish: Date | null;
  readonly actualFinish: Date | null;
  readonly progress: string;
  readonly unit: string;
  readonly leader: string;
}

export const projectsFileName = (year: number): string => `${year}年重点项目台账.xlsx`;

export function buildProjects(district: string, year: number, asOf: Date, rows: readonly ProjectRow[]): ExcelJS.Workbook {
  const wb = newWorkbook(district);
  const w = SheetWriter.add(wb, '项目台账', [6, 36, 40, 14, 10, 12, 12, 12, 12, 30, 16, 10]);
  w.title(`${district}${year}年重点项目推进台账`)
    .meta(`填报单位：${district}发展和改革局`, `截至${asOf.getUTCFullYear()}年${asOf.getUTCMonth() + 1}月${asOf.getUTCDate()}日`, 12)
    .header([['序号', '项目名称', '建设内容', '总投资（万元）', '领域', '计划开工', '实际开工', '计划竣工', '实际竣工', '形象进度', '责任单位', '责任领导']]);
  rows.forEach((p, i) => {
    w.data([
      int(i + 1),
      p.name,
      p.content,
      int(p.total),
      p.sector,
      dateCell(p.plannedStart),
      dateCell(p.actualStart),
      dateCell(p.plannedFinish),
      dateCell(p.actualFinish),
      p.progress,
      p.unit,
      p.leader,
    ]);
  });
  w.note('注：日期为年-月-日；未开工、未竣工的以“—”表示。');
  return wb;
}
