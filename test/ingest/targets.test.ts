// The targets workbook (#9): every column is understood or refused naming its cell, and a growth
// target stored as a fraction under a "0.0%" format reads as returns read it.
// Fixtures: test/fixtures/returns/targets-*.xlsx, made by scripts/make-return-fixtures.ts.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { DataError } from '../../src/errors.js';
import { type Workbook, buildSheet, toA1 } from '../../src/ingest/read/workbook.js';
import { readWorkbook } from '../../src/ingest/read/file.js';
import { readTargets } from '../../src/ingest/sources/targets.js';
import type { Target } from '../../src/types.js';

const DIR = 'test/fixtures/returns';
const config = loadConfig('tongbao.config.yaml');

async function targets(name: string): Promise<Target[]> {
  return readTargets(await readWorkbook(`${DIR}/${name}`, name), config, 2023);
}

/** "kind horizon value unit @cell" per target, in sheet order. */
const shown = (list: readonly Target[]) => list.map((t) => `${t.indicator} ${t.kind} ${t.horizon} ${t.value}${t.unit} @${t.source.cell}`);

async function refusal(name: string): Promise<string> {
  const error = await targets(name).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DataError);
  return (error as DataError).describe();
}

describe('targets workbook', () => {
  it('0.06 under "0.0%" is 6 and agrees with its wording "增长6%左右"; 0.045 is 4.5', async () => {
    const list = await targets('targets-percent-fraction.xlsx');
    expect(shown(list)).toEqual(['retail_sales growth 3 4.5% @C3', 'retail_sales growth 12 6% @D3']);
    expect(list[1]).toMatchObject({ qualifier: 'about', text: '增长6%左右' });
  });

  it('a header with % or 增长 is a growth target of its horizon; one with a unit is an amount (万元 → 亿元)', async () => {
    // 一季度目标(%) → 3; 1-6月增长(%) → 6; 全年目标(%) → 12 (never an amount of 5 亿元); 全年目标(万元) → amount.
    expect(shown(await targets('targets-headers.xlsx'))).toEqual([
      'industry_output growth 3 2% @C3',
      'industry_output growth 6 3.5% @D3',
      'industry_output growth 12 5% @E3',
      'industry_output amount 12 500亿元 @F3', // 5000000 万元
      'investment_attracted amount 12 50亿元 @F4', // 500000 万元
    ]);
  });

  it('a header it does not understand is an error naming the cell and listing the words it knows', async () => {
    expect(await refusal('targets-unknown-header.xlsx')).toBe(
      'targets-unknown-header.xlsx › Sheet1 › C2：目标任务表的表头「争取数」无法识别：能识别的有：指标名称、序号、单位（计量单位）、目标表述、牵头单位（责任单位）、备注；' +
        '增速目标带“%”或“增长/增速/预期”并写明时段（一季度、上半年、前三季度、全年，或1-3月、1-6月、1-9月），如“一季度预期增速(%)”“全年目标(%)”；' +
        '总量目标写“全年目标”（单位取单位列）或在括号中写明单位，如“全年目标(亿元)”“上半年目标(个)”；请改成其中一种写法，或删去这一列',
    );
  });

  it('a growth header without a horizon is an error naming the cell', async () => {
    expect(await refusal('targets-no-horizon.xlsx')).toBe('targets-no-horizon.xlsx › Sheet1 › C2：表头「预期增速(%)」是增速目标，但没有写明时段：请写明一季度、上半年、前三季度或全年（如“上半年预期增速(%)”）');
  });

  it('a unit in the header that contradicts the unit column is an error naming the cell', async () => {
    expect(await refusal('targets-unit-conflict.xlsx')).toBe('targets-unit-conflict.xlsx › Sheet1 › C3：表头写单位「亿元」，单位列写「万元」，两者不一致：请改正其中一处');
  });

  it('the example targets sheet still reads (全年目标 with the unit column, 目标表述, 牵头单位)', async () => {
    const list = readTargets(await readWorkbook('data/2023/2023年目标任务.xlsx', '2023年目标任务.xlsx'), config, 2023);
    expect(shown(list.filter((t) => t.indicator === 'industry_va'))).toEqual(['industry_va growth 3 2% @F8', 'industry_va growth 6 2% @G8', 'industry_va growth 9 3.5% @H8', 'industry_va growth 12 5% @I8']);
    expect(list.find((t) => t.indicator === 'investment_attracted' && t.kind === 'amount')).toMatchObject({ value: 50, unit: '亿元', leadUnit: '区投促局' });
  });
});

/** A one-sheet targets workbook from rows of plain values. */
function workbook(rows: readonly (readonly (string | number | null)[])[]): Workbook {
  const cells = rows.flatMap((row, r) => row.flatMap((value, c) => (value === null ? [] : [{ row: r, col: c, address: toA1(r, c), value, indent: 0 }])));
  return { file: '2023/目标任务.xlsx', sheets: [buildSheet('2023/目标任务.xlsx', '目标', cells, [])] };
}

describe('text in an amount column (never a rate read as an amount)', () => {
  const header = ['指标名称', '单位', '全年目标', '全年预期增速(%)'];

  it('refuses a rate typed under 全年目标, naming the cell: 增长5.5%左右 is not 5.5亿元', () => {
    const book = workbook([header, ['地区生产总值', '亿元', '增长5.5%左右', 5.5]]);
    expect(() => readTargets(book, config, 2023)).toThrow(DataError);
    expect(() => readTargets(book, config, 2023)).toThrow(/这一列是总量目标，单元格写的是增速「增长5\.5%左右」/);
  });

  it('reads a unit written in the cell: 5000万元 in a 亿元 row is 0.5亿元', () => {
    const list = readTargets(workbook([header, ['招商引资到位资金', '亿元', '5000万元', null]]), config, 2023);
    expect(shown(list)).toEqual(['investment_attracted amount 12 0.5亿元 @C2']);
  });
});
