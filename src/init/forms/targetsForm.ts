// The year's targets (目标任务): one row per catalogue indicator with every column the targets
// reader understands (src/ingest/sources/targets.ts), and an example row the reader never matches.
import type { IndicatorConfig } from '../../config/config.js';
import { type Book, addSheet, freezeAbove, header, instructions, label, line, newBook, notApplicable, numFmtFor, textToFill, title, toFill } from './book.js';
import type { FormContext } from './forms.js';

export const HORIZON_COLUMNS: readonly (readonly [month: number, header: string])[] = [
  [3, '一季度预期增速(%)'],
  [6, '上半年预期增速(%)'],
  [9, '前三季度预期增速(%)'],
  [12, '全年预期增速(%)'],
];
const HEADER = ['序号', '指标名称', '单位', '全年目标', '目标表述', ...HORIZON_COLUMNS.map(([, text]) => text), '牵头单位'];
const WIDTHS = [6, 28, 10, 12, 34, 12, 12, 12, 12, 16];
export const EXAMPLE_MARK = '（示例）';

export function targetsFileName(year: number): string {
  return `${year}年目标任务.xlsx`;
}

export async function targetsForm(ctx: FormContext, year: number): Promise<Book> {
  const book = await newBook(ctx.config.district.name);
  const sheet = addSheet(book, `${year}年目标`, WIDTHS);
  const width = HEADER.length;
  title(sheet, `${ctx.config.district.name}${year}年主要经济指标目标任务表`, width);
  line(sheet, 2, `填报单位：${ctx.reporter}`, 1, 3);
  line(sheet, 2, '单位：见“单位”列；增速为%', width - 2, width, 'right');
  const headerRow = header(sheet, 3, [HEADER], width);
  freezeAbove(sheet, headerRow);
  exampleRow(sheet, headerRow + 1, ctx);
  const bureauName = new Map(ctx.config.bureaus.map((b) => [b.id, b.name]));
  ctx.config.indicators.forEach((indicator, i) => {
    const row = headerRow + 2 + i;
    label(sheet.getCell(row, 1), i + 1, { center: true });
    label(sheet.getCell(row, 2), indicator.name);
    label(sheet.getCell(row, 3), indicator.unit, { center: true });
    const amount = sheet.getCell(row, 4);
    if (hasAmountTarget(indicator)) toFill(amount, 'amount', numFmtFor(indicator.unit));
    else notApplicable(amount);
    textToFill(sheet.getCell(row, 5));
    HORIZON_COLUMNS.forEach((_, h) => toFill(sheet.getCell(row, 6 + h), 'growth', '0.0'));
    const bureau = indicator.bureau === undefined ? undefined : bureauName.get(indicator.bureau);
    textToFill(sheet.getCell(row, 10), bureau === undefined ? null : `${ctx.kind}${bureau}`);
  });
  line(sheet, headerRow + ctx.config.indicators.length + 3, '注：预期增速为累计同比增速(%)；全年目标为总量目标，按“单位”列的单位填写。放入数据文件夹前请删除示例行。', 1, width);
  await instructions(book, '目标任务表填写说明', targetsInstructions(year));
  return book;
}

/** An amount target (招商引资到位资金 50 亿元) needs an amount; a growth-only indicator has none. */
function hasAmountTarget(indicator: IndicatorConfig): boolean {
  return indicator.valueReported && indicator.unit !== '%';
}

function exampleRow(sheet: ReturnType<typeof addSheet>, row: number, ctx: FormContext): void {
  const values = [EXAMPLE_MARK, `${EXAMPLE_MARK}规上工业增加值`, '%', null, '增长5%左右（上半年增长2%以上）', 1, 2, 3.5, 5, `${ctx.kind}科工局`];
  values.forEach((value, c) => label(sheet.getCell(row, c + 1), value, { italic: true, center: c !== 1 && c !== 4, numFmt: typeof value === 'number' ? '0.0' : undefined }));
}

function targetsInstructions(year: number): string[] {
  return [
    `1. 本表为${year}年主要经济指标目标任务，放入 data/${year}/ 文件夹（文件名含“目标任务”）。每个指标一行，指标名称按指标目录（tongbao.config.yaml 的 name 或 aliases）书写。`,
    '2. 各时段的预期增速填在对应列，只填数字：增长5%填 5，下降3%填 -3。列名中的时段词决定时段：“一季度”“上半年”“前三季度”“全年”（也认“1-3月”“1-6月”“1-9月”）。',
    '3. 预期增速单元格也可写成文字，如“2%以上”“增长5%左右”“不低于3”，其中的“以上”“不低于”“不少于”“左右”会保留到讲话稿的措辞中。',
    '4. “全年目标”填总量目标（如招商引资到位资金 50 亿元），按“单位”列的单位填写；可写“50亿元”，亿元与万元会自动换算。增速类指标不填（灰色）。',
    '5. “目标表述”照抄文件原文，如“增长5%左右（上半年增长2%以上）”：括号外是全年的表述，括号内写明时段的是该时段的表述；表述中的增速须与对应列的数字一致，不一致时生成会报错。“减少50%以上”“下降…以上”读作“减少…以上”。',
    '6. “牵头单位”写在讲话稿的保障部分，可改。没有目标的指标整行留空即可。',
    '7. 第一行（示例）仅作示范，不会被读取；放入数据文件夹前请删除。',
  ];
}
