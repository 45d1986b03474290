// What statistics bureaus really send (#9): sheets of another period, time-series exports, numbered
// area rows. Fixtures in test/fixtures/returns/, made by scripts/make-return-fixtures.ts.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { DataError } from '../../src/errors.js';
import { buildSheet, toA1 } from '../../src/ingest/read/workbook.js';
import { readWorkbook } from '../../src/ingest/read/file.js';
import { readCityTable } from '../../src/ingest/sources/cityTable.js';
import { readReturn } from '../../src/ingest/sources/returns.js';
import { monthInHeader } from '../../src/ingest/table/period.js';

const DIR = 'test/fixtures/returns';
const config = loadConfig('tongbao.config.yaml');
const MARCH = { year: 2023, month: 3 };

async function refusal(name: string, month = MARCH): Promise<string> {
  const workbook = await readWorkbook(`${DIR}/${name}`, name);
  try {
    readReturn(workbook, config, month);
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).describe();
  }
  throw new Error(`${name} was read, not refused`);
}

/** Every （「 has its closing 」）, in order. */
function balanced(text: string): boolean {
  const stack: string[] = [];
  const pairs: Record<string, string> = { '）': '（', '」': '「', ')': '(' };
  for (const ch of text) {
    if ('（「('.includes(ch)) stack.push(ch);
    else if (ch in pairs && stack.pop() !== pairs[ch]) return false;
  }
  return stack.length === 0;
}

describe('a sheet of another period is never read as this one', () => {
  it.each([
    ['1-8月', 8],
    ['1—3月累计', 3],
    ['2022年1-9月', 9],
    ['3月', 3],
    ['3月份', 3],
    ['前三季度', 9],
    ['增速(%)', undefined],
    ['上年同期', undefined],
    ['12月31日', undefined],
  ])('header "%s" names month %s', (text, month) => expect(monthInHeader(text)).toBe(month));

  it('a header cell "1—2月" in the 03 folder refuses the return, naming the cell', async () => {
    expect(await refusal('header-other-period.xlsx')).toBe('header-other-period.xlsx › Sheet1 › C2：表头「1—2月」是 2 月的数据，但文件放在 2023/03 文件夹：请核对是否放错月份，或报送的是旧表');
  });

  it('a title row below the first ("（2023年1—2月）") is checked as well', async () => {
    expect(await refusal('subtitle-other-period.xlsx')).toBe('subtitle-other-period.xlsx › Sheet1 › A2：标题写的是2023年2月的数据，但文件放在 2023/03 文件夹：请核对是否放错月份，或报送的是旧表');
  });

  it('the same files are read in the folder of their period', async () => {
    const workbook = await readWorkbook(`${DIR}/header-other-period.xlsx`, 'header-other-period.xlsx');
    // The title says 1—3月 while the header says 1—2月: in the 02 folder it is the title that disagrees.
    expect(() => readReturn(workbook, config, { year: 2023, month: 2 })).toThrow('标题写的是2023年3月的数据，但文件放在 2023/02 文件夹');
    const subtitled = await readWorkbook(`${DIR}/subtitle-other-period.xlsx`, 'subtitle-other-period.xlsx');
    const o = readReturn(subtitled, config, { year: 2023, month: 2 }).observations.find((x) => x.measure === 'value');
    expect(`${o?.value}@${o?.source.cell}`).toBe('23.1@C4');
  });
});

describe('a city table of another period', () => {
  it('the wide table in the wrong folder: its one sheet skipped, and so the file refused', async () => {
    const name = '2023/03/全市各区主要经济指标（2023年1-3月）.xlsx';
    const workbook = await readWorkbook(`test/fixtures/mini/data/${name}`, name);
    expect(() => readCityTable(workbook, config, { year: 2023, month: 2 })).toThrow(
      '全市比较表中各表都不是本期的数据（如 各区主要指标 › A1：标题写的是2023年3月的数据，但文件放在 2023/02 文件夹）：请核对是否放错月份',
    );
  });
});

describe('time-series exports are refused as what they are', () => {
  it('periods down column A (指标 | …同比增长(%) | …累计增长(%)): not "两列含义相同"', async () => {
    const message = await refusal('time-series-down.xlsx');
    expect(message).toBe('time-series-down.xlsx › Sheet1 › A3：这是按时期排列的时间序列表（「指标」列为 2020年4月、2020年3月、2020年2月…），不是月度报表：tongbao 只读“指标 × 本月/累计/上年同期/增速”格式的报表，请按月报格式填报');
    expect(balanced(message)).toBe(true);
  });

  it('periods under a 时间 header, which no return header matches', async () => {
    expect(await refusal('time-series-period-header.xlsx')).toBe('time-series-period-header.xlsx › Sheet1 › A2：这是按时期排列的时间序列表（「时间」列为 2020年4月、2020年3月、2020年2月…），不是月度报表：tongbao 只读“指标 × 本月/累计/上年同期/增速”格式的报表，请按月报格式填报');
  });

  it('two columns that mean the same are named in balanced brackets', async () => {
    const message = await refusal('duplicate-columns.xlsx');
    expect(message).toBe('duplicate-columns.xlsx › Sheet1 › D2：表头有两列含义相同（「1—3月」与「本年累计」），无法确定取哪一列');
    expect(balanced(message)).toBe(true);
  });
});

describe('area rows with numbering and 其中：', () => {
  it('"1.全市", "（一）云溪区", "其中：临江高新区" are matched after stripping, as indicator names are', async () => {
    const workbook = await readWorkbook(`${DIR}/city-numbered-areas.xlsx`, 'city-numbered-areas.xlsx');
    const { observations, findings } = readCityTable(workbook, config, MARCH);
    expect(observations.map((o) => `${o.area} ${o.measure} ${o.value} @${o.source.cell}`)).toEqual([
      '临江市 growth -1.2 @B4',
      '临江市 rank null @C4',
      '云溪区 growth -3.2 @B5',
      '云溪区 rank 2 @C5',
      '江滨区 growth -1.4 @B6',
      '江滨区 rank 1 @C6',
      '临江高新区 growth -2.3 @B7',
      '临江高新区 rank null @C7',
    ]);
    expect(findings).toEqual([]);
  });
});

describe('a city table with one header row', () => {
  it('reads "地区生产总值增速(%)" and "…位次" columns as the wide layout does', () => {
    const rows = [
      ['临江市各区县主要经济指标（2023年1—3月）'],
      ['地区', '地区生产总值增速(%)', '地区生产总值位次', '规上工业增加值比上年增长(%)'],
      ['全市', 4.1, '—', 3.0],
      ['云溪区', 4.6, 3, -3.2],
      ['江滨区', 5.0, 1, 2.0],
    ];
    const cells = rows.flatMap((row, r) => row.map((value, c) => ({ row: r, col: c, address: toA1(r, c), value, indent: 0 })));
    const workbook = { file: '2023/03/全市各区.xlsx', sheets: [buildSheet('2023/03/全市各区.xlsx', 'Sheet1', cells, [])] };
    const reading = readCityTable(workbook, config, MARCH);
    const ours = reading.observations.filter((o) => o.area === '云溪区').map((o) => `${o.indicator} ${o.measure} ${o.value} @${o.source.cell}`);
    expect(ours).toEqual(['gdp growth 4.6 @B4', 'gdp rank 3 @C4', 'industry_va growth -3.2 @D4']);
  });
});
