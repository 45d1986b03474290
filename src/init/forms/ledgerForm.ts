// The key project ledger (重点项目台账) with every column the ledger reader understands
// (src/ingest/sources/projects.ts), an example row (which the reader refuses if it is left in),
// and formatted rows to fill: dates as dates, 总投资 as a number, 领域 from a list.
import { type Book, addSheet, choiceToFill, dateToFill, freezeAbove, header, instructions, label, line, newBook, textToFill, title, toFill } from './book.js';
import type { FormContext } from './forms.js';
import { EXAMPLE_MARK } from './targetsForm.js';

const HEADER = ['序号', '项目名称', '建设内容', '总投资（万元）', '领域', '计划开工', '实际开工', '计划竣工', '实际竣工', '形象进度', '责任单位', '责任领导'] as const;
const WIDTHS = [6, 32, 36, 14, 10, 12, 12, 12, 12, 28, 16, 10];
const ROWS_TO_FILL = 60;
const DATE_COLUMNS = new Set(['计划开工', '实际开工', '计划竣工', '实际竣工']);

export function ledgerFileName(year: number): string {
  return `${year}年重点项目台账.xlsx`;
}

export async function ledgerForm(ctx: FormContext, year: number): Promise<Book> {
  const book = await newBook(ctx.config.district.name);
  const sheet = addSheet(book, '项目台账', WIDTHS);
  const width = HEADER.length;
  title(sheet, `${ctx.config.district.name}${year}年重点项目推进台账`, width);
  line(sheet, 2, `填报单位：${ctx.reporter}`, 1, 3);
  const headerRow = header(sheet, 3, [[...HEADER]], width);
  freezeAbove(sheet, headerRow);
  exampleRow(sheet, headerRow + 1, ctx, year);
  const sectors = sectorWords(ctx);
  for (let row = headerRow + 2; row < headerRow + 2 + ROWS_TO_FILL; row++) {
    HEADER.forEach((name, c) => {
      const cell = sheet.getCell(row, c + 1);
      if (DATE_COLUMNS.has(name)) dateToFill(cell);
      else if (name === '总投资（万元）') toFill(cell, 'amount', '0');
      else if (name === '领域') choiceToFill(cell, sectors);
      else textToFill(cell);
    });
  }
  line(sheet, headerRow + ROWS_TO_FILL + 3, '注：日期写成 2024-04-30；未开工、未竣工的留空。总投资单位为万元。放入数据文件夹前请删除示例行。', 1, width);
  await instructions(book, '重点项目台账填写说明', ledgerInstructions(year, sectors));
  return book;
}

/** The 领域 words the config sorts projects by, and 其他. */
function sectorWords(ctx: FormContext): string[] {
  const words = ctx.config.sectors.flatMap((s) => s.projects).filter((w) => w !== '*');
  return [...new Set([...words, '基础设施', '其他'])];
}

function exampleRow(sheet: ReturnType<typeof addSheet>, row: number, ctx: FormContext, year: number): void {
  const date = (month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
  const values = [EXAMPLE_MARK, `${EXAMPLE_MARK}智能装备产业园一期`, '新建标准厂房12万平方米及配套设施', 161000, '工业', date(4, 28), null, date(12, 31), null, '完成土地征收，正在办理施工许可', `${ctx.kind}科工局`, '张三'];
  values.forEach((value, c) =>
    label(sheet.getCell(row, c + 1), value, { italic: true, center: c !== 1 && c !== 2 && c !== 9, numFmt: value instanceof Date ? 'yyyy-mm-dd' : typeof value === 'number' ? '0' : undefined }),
  );
}

function ledgerInstructions(year: number, sectors: readonly string[]): string[] {
  return [
    `1. 本表为${year}年重点项目台账，放入 data/${year}/ 文件夹（文件名含“重点项目”）。每个项目一行，从示例行下面一行开始填写；空行会被跳过。`,
    '2. 读取的列（按表头文字识别，顺序可调）：项目名称；总投资（列名中的“万元”或“亿元”决定单位，默认万元）；领域（也认“类别”“行业”）；计划开工、实际开工、计划竣工（也认“计划完工”“计划建成”）、实际竣工；形象进度（也认“进展”）；责任单位（也认“牵头单位”）；责任领导（也认“牵头领导”“包联领导”）。其余列（序号、建设内容等）不读。',
    '3. 日期填 Excel 日期（如 2024-04-30），也可写文字“2024-04-30”“2024.4.30”“2024/4/30”“2024年4月30日”；未开工、未竣工的留空或写“—”“无”。写不成日期的内容会报错并指出单元格。',
    `4. “领域”决定项目写在讲话稿的哪个部分：${sectors.join('、')}（对应 tongbao.config.yaml 中 sectors 的 projects）。`,
    '5. 计划日期已过而实际日期为空的项目，讲话稿列为滞后项目；计划日期在会议所部署季度内的，列为本季度要完成的节点。',
    '6. 第一行（示例）仅作示范：项目名称以“（示例）”开头的行会被拒绝读取，放入数据文件夹前请删除。',
  ];
}
