// The city comparison table to copy the city statistics bureau's figures into, when its own file
// cannot be used: 地区 | per ranked indicator 增速 | 位次, 全市 first (the layout cityTable.ts reads).
import type { Config } from '../../config/config.js';
import { periodName } from '../../narrate/phrases.js';
import type { YearMonth } from '../../types.js';
import { type Book, type HeaderCell, addSheet, freezeAbove, header, instructions, label, line, newBook, notApplicable, protect, title, toFill } from './book.js';
import type { FormContext } from './forms.js';

export function cityTableFileName(month: YearMonth): string {
  return `全市各区主要经济指标（${month.year}年${periodName(month.month, 'months').replace('—', '-')}）.xlsx`;
}

/** The areas in the city's order: 全市, this district, the others. */
function areas(config: Config): { name: string; ranked: boolean; city: boolean }[] {
  return [
    { name: '全市', ranked: false, city: true },
    { name: config.district.name, ranked: config.district.ranked, city: false },
    ...config.peers.map((peer) => ({ name: peer.name, ranked: peer.ranked, city: false })),
  ];
}

export async function cityTableForm(ctx: FormContext, month: YearMonth): Promise<Book | undefined> {
  const ranked = ctx.config.indicators.filter((i) => i.ranked && (i.frequency !== 'quarterly' || month.month % 3 === 0));
  if (ranked.length === 0) return undefined;
  const book = await newBook(`${ctx.config.city.name}统计局`);
  const width = 1 + ranked.length * 2;
  const sheet = addSheet(book, '各区主要指标', [14, ...ranked.flatMap(() => [10, 8])]);
  title(sheet, `${ctx.config.city.name}各区县主要经济指标（${month.year}年${periodName(month.month, 'months')}）`, width);
  line(sheet, 2, '单位：%', width - 1, width, 'right');
  const top: HeaderCell[] = [{ text: '地区', rows: 2 }, ...ranked.map((i) => ({ text: i.name, cols: 2 }))];
  const headerRow = header(sheet, 3, [top, ranked.flatMap(() => ['增速', '位次'])], width);
  freezeAbove(sheet, headerRow);
  const list = areas(ctx.config);
  list.forEach((area, r) => {
    const row = headerRow + 1 + r;
    label(sheet.getCell(row, 1), area.name);
    ranked.forEach((_, c) => {
      toFill(sheet.getCell(row, 2 + c * 2), 'growth', '0.0');
      const rank = sheet.getCell(row, 3 + c * 2);
      if (area.ranked) toFill(rank, 'rank', '0');
      else notApplicable(rank);
    });
  });
  const unranked = list.filter((a) => !a.ranked && !a.city).map((a) => a.name);
  line(sheet, headerRow + list.length + 2, `注：增速为累计同比增速(%)，位次照抄市统计局公布的排名${unranked.length > 0 ? `；${unranked.join('、')}不参与排名` : ''}。`, 1, width);
  await protect(sheet);
  await instructions(book, '全市各区比较表填写说明', [
    `1. 本表用于录入${ctx.config.city.name}统计局公布的各区县主要经济指标（${month.year}年${periodName(month.month, 'months')}）；市统计局的原表能直接读取时，不必填写本表，把原表放入数据文件夹即可。`,
    '2. 增速填写数字部分（增长5.2%填 5.2，下降3.1%填 -3.1）；位次照抄市统计局的排名，并列的填相同位次。',
    `3. ${ctx.config.district.name}的增速须与本区报表中的增速一致，不一致时生成会报错。`,
    '4. 没有数据的留空；不参与排名的地区位次为“—”。',
  ]);
  return book;
}
