// One real file per case of issue #5 (test/fixtures/returns/, made by scripts/make-return-fixtures.ts):
// each asserts the value read, with its cell, or the exact Chinese error naming file/sheet/cell.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { DataError } from '../../src/errors.js';
import { readDate } from '../../src/ingest/sources/projects.js';
import { setLegacyTimeLimit } from '../../src/ingest/read/xls.js';
import { type ReturnReading, readReturn } from '../../src/ingest/sources/returns.js';
import { parseWorkbook, readWorkbook } from '../../src/ingest/read/file.js';
import type { Measure, Span } from '../../src/types.js';

const DIR = 'test/fixtures/returns';
const config = loadConfig('tongbao.config.yaml');
const MARCH = { year: 2023, month: 3 };

async function read(name: string): Promise<ReturnReading> {
  return readReturn(await readWorkbook(`${DIR}/${name}`, name), config, MARCH);
}

/** "value@cell" of one observation, e.g. "25.9@Sheet1!C4". */
function at(reading: ReturnReading, indicator: string, measure: Measure, span: Span = 'ytd'): string {
  const o = reading.observations.find((x) => x.indicator === indicator && x.measure === measure && x.period.span === span);
  return o ? `${o.value}@${o.source.sheet}!${o.source.cell}` : 'none';
}

async function refusal(name: string): Promise<string> {
  try {
    await read(name);
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).describe();
  }
  throw new Error(`${name} was read, not refused`);
}

describe('structure (#5 item 1)', () => {
  it('header-three-rows: three header rows with merges, 本月 and 1—3月累计, 增长/增减(±%)', async () => {
    const r = await read('header-three-rows.xlsx');
    expect(at(r, 'retail_sales', 'value', 'month')).toBe('9.1@Sheet1!C5');
    expect(at(r, 'retail_sales', 'growth', 'month')).toBe('6.5@Sheet1!D5');
    expect(at(r, 'retail_sales', 'value')).toBe('25.9@Sheet1!E5');
    expect(at(r, 'retail_sales', 'prevYear')).toBe('24.16@Sheet1!F5');
    expect(at(r, 'retail_sales', 'growth')).toBe('7.2@Sheet1!G5');
  });

  it('columns-any-order: 增幅 first, 本年累计, label in column C, unit column last', async () => {
    const r = await read('columns-any-order.xlsx');
    expect([at(r, 'retail_sales', 'growth'), at(r, 'retail_sales', 'value'), at(r, 'retail_sales', 'prevYear')]).toEqual(['7.2@Sheet1!A3', '25.9@Sheet1!B3', '24.16@Sheet1!D3']);
  });

  it('units-everywhere: title 单位：万元, name （亿元）, unit column; 万元 → 亿元, 万元 kept for a 万元 indicator', async () => {
    const r = await read('units-everywhere.xlsx');
    expect(at(r, 'retail_sales', 'value')).toBe('25.9@Sheet1!C3'); // 259000 万元 from the title line
    expect(at(r, 'retail_above', 'value')).toBe('8.88@Sheet1!C4'); // （亿元） in the name
    expect(at(r, 'wholesale', 'value')).toBe('12.5@Sheet1!C5'); // unit column
    expect(at(r, 'accommodation', 'value')).toBe('3210@Sheet1!C6'); // 万元 in the catalogue too
    expect(r.problems).toEqual([]);
  });

  it('unit-in-header: "绝对量（万元）" under a merged 3月 / 1—5月 header, "指 标" with a space', async () => {
    const r = await read('unit-in-header.xlsx');
    expect(at(r, 'retail_sales', 'value', 'month')).toBe('9.1@Sheet1!B4');
    expect(at(r, 'retail_sales', 'value')).toBe('25.9@Sheet1!D4');
  });

  it('hierarchy: 一、/（一）, 其中：, #, U+3000, cell indent and spaces make parents; children never added in', async () => {
    const r = await read('hierarchy.xlsx');
    const rows = r.tables[0]!.rows;
    const parentOf = (label: string) => {
      const row = rows.find((x) => x.label === label)!;
      return row.parent === null ? null : rows[row.parent]!.label;
    };
    expect(parentOf('（一）第一产业增加值')).toBe('一、地区生产总值');
    expect(parentOf('其中：网上零售额')).toBe('二、社会消费品零售总额');
    expect(parentOf('城镇')).toBe('二、社会消费品零售总额'); // aligned under the text after 其中：
    expect(parentOf('#限额以上')).toBe('二、社会消费品零售总额');
    expect(parentOf('三、规上工业总产值')).toBeNull();
    expect(parentOf('高新技术产业产值')).toBe('三、规上工业总产值'); // cell indent 1
    expect(parentOf('战略性新兴产业产值')).toBe('高新技术产业产值'); // four spaces
    expect(at(r, 'gdp', 'value')).toBe('61.11@Sheet1!C4'); // 一、 stripped for matching
    expect(at(r, 'retail_sales', 'value')).toBe('25.9@Sheet1!C6'); // not 25.9 + 5.1 + 20.1 + 9.9
  });

  it('hidden-sheet: the hidden sheet with stale data is never read', async () => {
    const r = await read('hidden-sheet.xlsx');
    expect(at(r, 'retail_sales', 'value')).toBe('25.9@一季度!C4');
    expect(r.observations.every((o) => o.source.sheet === '一季度')).toBe(true);
  });

  it('sheet-by-month: of sheets 1月/2月/3月 and 填报说明, the folder month is read', async () => {
    const r = await read('sheet-by-month.xlsx');
    expect(at(r, 'retail_sales', 'value')).toBe('24@3月!C4');
    const wb = await readWorkbook(`${DIR}/sheet-by-month.xlsx`, 'sheet-by-month.xlsx');
    expect(() => readReturn(wb, config, { year: 2023, month: 5 })).toThrow('工作簿中按月份命名的工作表「1月」「2月」「3月」里没有 5 月的：请确认报送的是 2023 年 5 月的数据');
  });

  it('hidden-row: a hidden row is not read, and the table says which', async () => {
    const r = await read('hidden-row.xlsx');
    expect(at(r, 'retail_above', 'value')).toBe('none');
    expect(r.tables[0]!.table.hiddenRows).toEqual([4]);
  });

  it('footer: 注： and 填报人： end the data; a row after them is not read', async () => {
    const r = await read('footer.xlsx');
    expect(at(r, 'retail_sales', 'value')).toBe('25.9@Sheet1!C4');
    expect(at(r, 'retail_above', 'value')).toBe('none');
  });
});

describe('values (#5 item 2)', () => {
  it('text-numbers: "1,234.56", full-width digits and minus, U+2212, 增长/下降, "5.2%"', async () => {
    const r = await read('text-numbers.xlsx');
    expect(at(r, 'retail_sales', 'value')).toBe('1234.56@Sheet1!C4');
    expect(at(r, 'retail_sales', 'prevYear')).toBe('123.4@Sheet1!D4');
    expect(at(r, 'retail_sales', 'growth')).toBe('5.2@Sheet1!E4');
    expect(at(r, 'retail_above', 'growth')).toBe('-3.1@Sheet1!E5');
    expect(at(r, 'wholesale', 'growth')).toBe('-5.2@Sheet1!E6');
    expect(at(r, 'accommodation', 'growth')).toBe('-5.2@Sheet1!E7');
    expect(at(r, 'catering', 'growth')).toBe('5.2@Sheet1!E8');
  });

  it('percent-format: 0.072 under "0.0%" is 7.2; 5.2 under a (%) header stays', async () => {
    const r = await read('percent-format.xlsx');
    expect(at(r, 'retail_sales', 'growth')).toBe('7.2@Sheet1!E4');
    expect(at(r, 'retail_above', 'growth')).toBe('-8.3@Sheet1!E5');
  });

  it('red-negative: "0.0;[Red]0.0" shows 8.3 in red, the raw value −8.3 is read', async () => {
    expect(at(await read('red-negative.xlsx'), 'retail_above', 'growth')).toBe('-8.3@Sheet1!E4');
  });

  it('blank-markers: —, /, …, 无, 不可比, #DIV/0!, #N/A, ——, - are missing, never 0', async () => {
    const r = await read('blank-markers.xlsx');
    expect(r.observations).toHaveLength(9);
    expect(r.observations.every((o) => o.value === null)).toBe(true);
  });

  it('formula-cached: a formula is read from its cached result', async () => {
    expect(at(await read('formula-cached.xlsx'), 'retail_sales', 'growth')).toBe('7.2@Sheet1!E4');
  });

  it('formula-cached-zero: a formula whose saved result is 0 (<f>…</f><v>0</v>) is the value 0 (#9)', async () => {
    const workbook = await parseWorkbook(readFileSync(`${DIR}/formula-cached-zero.xlsx`), 'formula-cached-zero.xlsx');
    const e4 = workbook.sheets[0]!.rows[3]![4]!;
    expect([e4.address, e4.value, e4.problem]).toEqual(['E4', 0, undefined]);
    expect(at(await read('formula-cached-zero.xlsx'), 'retail_sales', 'growth')).toBe('0@Sheet1!E4'); // 25.9 ÷ 25.9 − 1
  });

  it('formula-no-result: a formula without a cached result is an error naming the cell', async () => {
    const r = await read('formula-no-result.xlsx');
    expect(r.problems.map((p) => p.describe())).toEqual(['formula-no-result.xlsx › Sheet1 › E4：公式没有保存计算结果：请在 Excel 中打开该文件、重新计算并保存后再报送']);
  });

  it('unreadable-text: text that is no number is an error naming the cell', async () => {
    const r = await read('unreadable-text.xlsx');
    expect(r.problems.map((p) => p.describe())).toEqual(['unreadable-text.xlsx › Sheet1 › C4：无法识别的数值「约26亿」：请填写数字，空缺请填“—”']);
  });

  it('date-serial: an Excel serial and a date-formatted cell both read as dates', async () => {
    const sheet = (await readWorkbook(`${DIR}/date-serial.xlsx`, 'date-serial.xlsx')).sheets[0]!;
    const where = { file: 'date-serial.xlsx', sheet: 'Sheet1' };
    expect(readDate(sheet.rows[1]![2]!, where)).toBe('2023-04-28');
    expect(readDate(sheet.rows[2]![2]!, where)).toBe('2023-06-30');
  });
});

describe('files (#5 item 3)', () => {
  it.each([
    ['old-format.xls', 'Sheet1!C3'],
    ['wps-sheet.et', 'Sheet1!C3'],
    ['html-saved-as.xls', 'Sheet1!C3'],
    ['spreadsheetml-2003.xls', 'Sheet1!C3'],
    ['xlsx-named.xls', 'Sheet1!C4'],
  ])('%s is typed by its bytes and read', async (name, cell) => {
    expect(at(await read(name), 'retail_sales', 'value')).toBe(`25.9@${cell}`);
  });

  it.each(['gbk.csv', 'utf8-bom.csv'])('%s is decoded correctly, quoted "1,025.9" included', async (name) => {
    const r = await read(name);
    expect(at(r, 'retail_sales', 'value')).toBe(`1025.9@${name.replace('.csv', '')}!C3`);
    expect(at(r, 'retail_above', 'growth')).toBe(`-8.3@${name.replace('.csv', '')}!E4`);
  });

  it.each([
    ['empty.xlsx', 'empty.xlsx：文件是空的（0 字节），请让报送单位重新报送'],
    ['truncated.xlsx', 'truncated.xlsx：文件已损坏或不是有效的 Excel 工作簿（找不到 zip 目录，文件可能不完整），请让报送单位重新导出'],
    ['not-a-workbook.xlsx', 'not-a-workbook.xlsx：这是一个压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml）：请确认报送的是 .xlsx 文件'],
    ['random-bytes.xlsx', 'random-bytes.xlsx：不是 Excel 或 CSV 文件（文件开头既不是 .xlsx、.xls 也不是文本），请检查文件内容或让报送单位重新导出'],
    ['encrypted.xlsx', 'encrypted.xlsx：文件设置了打开密码，无法读取：请让报送单位取消密码（Excel：文件 › 信息 › 保护工作簿 › 用密码进行加密，清空密码）后重新报送'],
    ['zip-bomb.xlsx', 'zip-bomb.xlsx：文件解压后超过 64 MB（约 80 MB），不像一份报表，已拒绝读取：请检查文件或让报送单位重新导出'],
    ['merge-bomb.xlsx', 'merge-bomb.xlsx › Sheet1：合并单元格过多或范围过大（1 处，共 17179721728 个单元格），不像一份报表：请取消多余的合并后重新报送'],
  ])('%s stops with a clear error', async (name, message) => {
    expect(await refusal(name)).toBe(message);
  });

  it('xls-endless-loop.xls (found by the fuzz test: SheetJS loops for ever on it) is stopped by the time limit', async () => {
    setLegacyTimeLimit(1000);
    try {
      expect(await refusal('xls-endless-loop.xls')).toBe('xls-endless-loop.xls：读取这个旧版 .xls/.et 文件超过 1 秒仍未完成，文件可能已损坏：请用 Excel 或 WPS 打开后“另存为” Excel 工作簿（.xlsx）再报送');
      expect(at(await read('old-format.xls'), 'retail_sales', 'value')).toBe('25.9@Sheet1!C3'); // a fresh reader after the stop
    } finally {
      setLegacyTimeLimit(10_000);
    }
  });
});
