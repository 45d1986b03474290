// A bureau's blank monthly return (填报模板): its indicators of the month, in the layout the reader
// understands (src/ingest/table/columns.ts): 指标名称 | 计量单位 | 本月 | 1—N月累计 | 上年同期累计 |
// 同比增长(%) | 预计…增长(%) | 备注, the period in the title, a 填报说明 sheet, every cell locked
// except the ones to fill, numbers only in those.
import type { BureauConfig, Config, IndicatorConfig } from '../../config/config.js';
import { periodName } from '../../narrate/phrases.js';
import type { YearMonth } from '../../types.js';
import { type Book, addSheet, freezeAbove, header, instructions, label, line, newBook, notApplicable, numFmtFor, protect, ruleFor, textToFill, title, toFill } from './book.js';
import type { FormContext } from './forms.js';

type Column = 'month' | 'ytd' | 'prevYear' | 'growth' | 'forecast';

const WIDTHS = [6, 30, 10, 12, 16, 16, 12, 14, 18];

export function returnFileName(bureau: BureauConfig, month: YearMonth): string {
  return `${bureau.name}${month.year}年${month.month}月报表.xlsx`;
}

/** The indicators a bureau reports in a month: quarterly ones only at quarter ends. */
export function indicatorsDue(config: Config, bureau: BureauConfig, month: number): IndicatorConfig[] {
  return config.indicators.filter((i) => i.bureau === bureau.id && (i.frequency !== 'quarterly' || month % 3 === 0));
}

/** The cumulative period a forecast column asks about: the next quarter's end (none in December). */
export function forecastHorizon(month: number): number | undefined {
  return month >= 12 ? undefined : (Math.floor(month / 3) + 1) * 3;
}

export async function returnForm(ctx: FormContext, bureau: BureauConfig, month: YearMonth): Promise<Book> {
  const book = await newBook(`${ctx.config.district.name}${bureau.name}`);
  const horizon = forecastHorizon(month.month);
  const columns: Column[] = ['month', 'ytd', 'prevYear', 'growth', ...(horizon ? (['forecast'] as const) : [])];
  const width = 4 + columns.length;
  const sheet = addSheet(book, bureau.name, [...WIDTHS.slice(0, width - 1), WIDTHS[WIDTHS.length - 1]!]);
  const period = periodName(month.month, 'months');
  title(sheet, `${ctx.config.district.name}${bureau.name}${month.year}年${period}主要经济指标完成情况表`, width);
  line(sheet, 2, `填报单位：${ctx.config.district.name}${bureau.name}（盖章）`, 1, 3);
  line(sheet, 2, `数据期别：${month.year}年${period}`, width - 2, width, 'right');
  const names: Record<Column, string> = {
    month: '本月',
    ytd: `${period}累计（期末数）`,
    prevYear: '上年同期累计',
    growth: '同比增长(%)',
    forecast: `预计${horizon ? periodName(horizon) : ''}增长(%)`,
  };
  const headerRow = header(sheet, 3, [['序号', '指标名称', '计量单位', ...columns.map((c) => names[c]), '备注']], width);
  freezeAbove(sheet, headerRow);
  const firstMonth = month.month > 1 && month.month === Math.min(...bureau.months);
  const indicators = indicatorsDue(ctx.config, bureau, month.month);
  indicators.forEach((indicator, i) => {
    const row = headerRow + 1 + i;
    label(sheet.getCell(row, 1), i + 1, { center: true });
    label(sheet.getCell(row, 2), indicator.name);
    label(sheet.getCell(row, 3), indicator.unit, { center: true });
    columns.forEach((column, c) => {
      const cell = sheet.getCell(row, 4 + c);
      if (!fillable(indicator, column, firstMonth)) return notApplicable(cell);
      const rate = column === 'growth' || column === 'forecast';
      toFill(cell, rate ? 'growth' : ruleFor(indicator.unit), numFmtFor(rate ? '%' : indicator.unit));
    });
    textToFill(sheet.getCell(row, width));
  });
  footer(sheet, headerRow + indicators.length + 2, width);
  await protect(sheet);
  await instructions(book, `${bureau.name}月报填报说明`, returnInstructions(ctx, bureau, month, horizon));
  return book;
}

/**
 * Which cells a bureau fills: growth-only indicators (规上工业增加值) have no amounts; stocks
 * (企业数) no 本月 and no growth to forecast; 1—2月 returns no 本月 when January is merged.
 */
function fillable(indicator: IndicatorConfig, column: Column, firstMonthMerged: boolean): boolean {
  if (!indicator.valueReported && (column === 'month' || column === 'ytd' || column === 'prevYear')) return false;
  if (column === 'month') return indicator.span !== 'stock' && !firstMonthMerged;
  if (column === 'forecast') return indicator.span !== 'stock';
  return true;
}

function footer(sheet: ReturnType<typeof addSheet>, row: number, width: number): void {
  line(sheet, row, '注：只在白色单元格中填写数字，灰色单元格不填；没有数据的留空，不要填 0 或“—”。', 1, width);
  const people = ['填报人：', '审核人：', '联系电话：', '报出日期：'];
  people.forEach((text, i) => {
    const col = 1 + i * 2;
    if (col > width) return;
    line(sheet, row + 1, text, col, col, 'right');
    if (col + 1 <= width) textToFill(sheet.getCell(row + 1, col + 1));
  });
}

function returnInstructions(ctx: FormContext, bureau: BureauConfig, month: YearMonth, horizon: number | undefined): string[] {
  const period = periodName(month.month, 'months');
  const file = returnFileName(bureau, month);
  return [
    `1. 本表为${ctx.config.district.name}${bureau.name}${month.year}年${period}的月度报表，报送后由${ctx.reporter}汇总，用于全${ctx.kind}经济运行分析；文件名请保持为“${file}”（含“${bureau.name}”字样即可）。`,
    '2. 只在白色单元格中填写数字；灰色单元格（“—”）不用填写。表格已设保护（没有密码），防止误改表头和指标名称；如确需调整，可在“审阅 › 撤销工作表保护”后修改，但不要改动表头文字、指标名称和行的顺序。',
    '3. 只填数字本身，不带单位和“%”；金额、数量按“计量单位”列的单位填写（亿元与万元不要混用）。',
    `4. “${period}累计（期末数）”填本年1月至本月的累计数；企业数、市场主体数等期末数填月末数。“上年同期累计”填上年同期的累计数（同口径）。`,
    '5. “同比增长(%)”填累计同比增速的数字部分：增长5.2%填 5.2，下降3.1%填 -3.1。规上、限上、可比价、同口径指标按统计部门公布的增速填写；其余指标可留空，由系统按本期与上年同期计算。',
    ...(horizon ? [`6. “预计${periodName(horizon)}增长(%)”填对${periodName(horizon)}累计同比增速的预计（初步测算），讲话稿中一律写作“预计”；没有预计可留空。`] : []),
    `${horizon ? 7 : 6}. 没有数据的单元格留空，不要填 0 或“—”；“备注”可写文字说明。`,
    `${horizon ? 8 : 7}. 表尾请填写填报人、审核人、联系电话和报出日期。`,
  ];
}
