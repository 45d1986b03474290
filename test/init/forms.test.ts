// The blank forms of `npm run init`, filled in every cell meant to be filled (with exceljs, as a
// bureau's Excel would), read back by the project's reader: every number comes back exactly, from
// its own cell, and nothing else is read.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/config.js';
import { parseWorkbook } from '../../src/ingest/read/file.js';
import { readCityTable } from '../../src/ingest/sources/cityTable.js';
import { readProjects } from '../../src/ingest/sources/projects.js';
import { readReturn } from '../../src/ingest/sources/returns.js';
import { readTargets } from '../../src/ingest/sources/targets.js';
import { BUREAU_KINDS } from '../../src/init/catalogue.js';
import { generateConfig } from '../../src/init/config.js';
import { type FormFile, formContext, monthForms, yearForms } from '../../src/init/forms/forms.js';

const JUNE = { year: 2024, month: 6 };
let config: Config;
let forms: FormFile[];

beforeAll(async () => {
  config = generateConfig(
    {
      district: { name: '青山区', kind: '区', aliases: ['青山'], ranked: true },
      city: { name: '江城市', kind: '市', aliases: ['江城'] },
      peers: [{ name: '东湖区', aliases: ['东湖'], ranked: true }, { name: '西山县', aliases: ['西山'], ranked: true }, { name: '江城高新区', aliases: ['高新区'], ranked: false }],
      bureaus: BUREAU_KINDS.map((kind) => ({ kind, name: kind.name })),
      reporter: '区发改局',
    },
    'tongbao.config.schema.json',
  ).config;
  const ctx = formContext(config);
  forms = [...(await monthForms(ctx, JUNE)), ...(await yearForms(ctx, 2024))];
});

interface Filled {
  readonly bytes: Uint8Array;
  /** A1 address → the number written. */
  readonly numbers: Map<string, number>;
}

/** Writes a distinct number into every unlocked cell with number validation of the first sheet. */
async function fillEveryNumber(bytes: Uint8Array): Promise<Filled> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const numbers = new Map<string, number>();
  sheet.eachRow((row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const validation = cell.dataValidation;
      if (cell.protection?.locked !== false || (validation?.type !== 'decimal' && validation?.type !== 'whole')) return;
      const k = numbers.size + 1;
      // Whole numbers for counts and ranks; rates ≥ −100 written negative, amounts with decimals.
      const value = validation.type === 'whole' ? k : validation.formulae?.[0] === -100 ? -(k * 0.3 + 0.05) : k * 1.25 + 0.001;
      cell.value = value;
      numbers.set(cell.address, value);
    }),
  );
  return { bytes: new Uint8Array(await book.xlsx.writeBuffer()), numbers };
}

const formAt = (pattern: RegExp) => forms.find((f) => pattern.test(f.path))!;

describe('the blank return of each bureau', () => {
  it('has a form for every bureau that reports in June, and the city table', () => {
    const names = forms.map((f) => f.path);
    for (const bureau of config.bureaus) expect(names).toContain(`2024/06/${bureau.name}2024年6月报表.xlsx`);
    expect(names).toContain('2024/06/全市各区主要经济指标（2024年1-6月）.xlsx');
  });

  it('reads back every filled number exactly, from its own cell, for every bureau', async () => {
    for (const bureau of config.bureaus) {
      const form = formAt(new RegExp(`/${bureau.name}2024年6月报表`));
      const filled = await fillEveryNumber(form.bytes);
      expect(filled.numbers.size).toBeGreaterThan(0);
      const workbook = await parseWorkbook(filled.bytes, form.path);
      const reading = readReturn(workbook, config, JUNE);
      expect(reading.problems).toEqual([]);
      const read = new Map(reading.observations.filter((o) => o.value !== null).map((o) => [o.source.cell, o.value]));
      expect(read, bureau.name).toEqual(filled.numbers);
      for (const o of reading.observations) expect(config.indicators.find((i) => i.id === o.indicator)?.bureau).toBe(bureau.id);
    }
  });

  it('reads each column as what its header says', async () => {
    const form = formAt(/科工局2024年6月报表/);
    const filled = await fillEveryNumber(form.bytes);
    const { observations } = readReturn(await parseWorkbook(filled.bytes, form.path), config, JUNE);
    const output = observations.filter((o) => o.indicator === 'industry_output' && o.value !== null);
    // Row 5 (规上工业总产值): D 本月, E 1—6月累计, F 上年同期累计, G 同比增长(%), H 预计前三季度增长(%).
    expect(output.map((o) => [o.source.cell, o.measure, o.period.span, o.period.month])).toEqual([
      ['D5', 'value', 'month', 6],
      ['E5', 'value', 'ytd', 6],
      ['F5', 'prevYear', 'ytd', 6],
      ['G5', 'growth', 'ytd', 6],
      ['H5', 'forecast', 'ytd', 9],
    ]);
    // 规上工业增加值 is published as a rate only; 企业数 is a stock, read as 期末.
    expect(observations.filter((o) => o.indicator === 'industry_va' && o.value !== null).map((o) => o.measure)).toEqual(['growth', 'forecast']);
    expect(observations.find((o) => o.indicator === 'industry_firms' && o.measure === 'value' && o.value !== null)?.period.span).toBe('stock');
  });

  it('is protected except the cells to fill, which accept numbers only, and carries a 填报说明 sheet the reader does not read', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(formAt(/商务局2024年6月报表/).bytes) as unknown as ArrayBuffer);
    const [sheet, notes] = book.worksheets;
    expect(book.worksheets.map((s) => s.name)).toEqual(['商务局', '填报说明']);
    // exceljs keeps the parsed <sheetProtection> on the sheet, untyped.
    const protection = (ws: ExcelJS.Worksheet) => (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet;
    expect(protection(sheet!)).toBe(true);
    expect(protection(notes!)).toBe(true);
    expect(sheet!.getCell('A1').value).toBe('青山区商务局2024年1—6月主要经济指标完成情况表');
    expect(sheet!.getCell('B4').protection?.locked).not.toBe(false); // 指标名称 locked
    expect(sheet!.getCell('E4').protection?.locked).toBe(false);
    expect(sheet!.getCell('E4').dataValidation).toMatchObject({ type: 'decimal', showErrorMessage: true, errorStyle: 'stop' });
    const workbook = await parseWorkbook(formAt(/商务局2024年6月报表/).bytes, 'x.xlsx');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['商务局', '填报说明']);
    const blank = readReturn(workbook, config, JUNE);
    expect(blank.tables.map((t) => t.sheet)).toEqual(['商务局']);
    expect(blank.problems).toEqual([]);
    expect(blank.observations.filter((o) => o.value !== null)).toEqual([]);
  });

  it('names the month in the title, as the reader checks against the folder', async () => {
    const form = formAt(/统计局2024年6月报表/);
    const workbook = await parseWorkbook(form.bytes, form.path);
    expect(() => readReturn(workbook, config, { year: 2024, month: 5 })).toThrow(/标题写的是2024年6月的数据，但文件放在 2024\/05 文件夹/);
  });

  it('leaves out quarterly indicators between quarter ends and bureaus that do not report that month', async () => {
    const may = await monthForms(formContext(config), { year: 2024, month: 5 });
    expect(may.map((f) => f.path)).not.toContain('2024/05/农业农村局2024年5月报表.xlsx');
    const stats = await parseWorkbook(may.find((f) => f.path.includes('统计局'))!.bytes, 'x.xlsx');
    const labels = stats.sheets[0]!.rows.map((row) => row[1]?.value);
    expect(labels).toContain('固定资产投资');
    expect(labels).not.toContain('地区生产总值'); // quarterly
  });

  it('is the same file when generated twice', async () => {
    const again = await monthForms(formContext(config), JUNE);
    expect(Buffer.from(again[0]!.bytes).equals(Buffer.from(forms[0]!.bytes))).toBe(true);
  });
});

describe('the city table to copy the city\'s figures into', () => {
  it('reads back every growth and rank exactly', async () => {
    const form = formAt(/全市各区主要经济指标/);
    const filled = await fillEveryNumber(form.bytes);
    const { observations, findings } = readCityTable(await parseWorkbook(filled.bytes, form.path), config, JUNE);
    expect(findings).toEqual([]);
    const read = new Map(observations.filter((o) => o.value !== null).map((o) => [o.source.cell, o.value]));
    expect(read).toEqual(filled.numbers);
    const areas = new Set(observations.map((o) => o.area));
    expect([...areas]).toEqual(['江城市', '青山区', '东湖区', '西山县', '江城高新区']);
    // 全市 and the unranked 高新区 have no rank to fill.
    expect(observations.filter((o) => o.measure === 'rank' && o.value !== null && (o.area === '江城市' || o.area === '江城高新区'))).toEqual([]);
  });
});

describe('the targets workbook', () => {
  it('reads back every amount and expected growth exactly; the example row is not an indicator', async () => {
    const form = formAt(/目标任务/);
    const filled = await fillEveryNumber(form.bytes);
    const targets = readTargets(await parseWorkbook(filled.bytes, form.path), config, 2024);
    expect(new Map(targets.map((t) => [t.source.cell, t.value]))).toEqual(filled.numbers);
    const growth = targets.filter((t) => t.indicator === 'industry_va').map((t) => [t.kind, t.horizon]);
    expect(growth).toEqual([['growth', 3], ['growth', 6], ['growth', 9], ['growth', 12]]);
    expect(targets.find((t) => t.indicator === 'investment_attracted' && t.kind === 'amount')?.unit).toBe('亿元');
    // The example row (row 4) shows 2.0 for 上半年 but is never read.
    expect(targets.some((t) => t.source.cell.endsWith('4') && t.source.cell.length === 2)).toBe(false);
  });

  it('keeps the wording of a target with its qualifier', async () => {
    const form = formAt(/目标任务/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(form.bytes) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const row = sheet.getColumn(2).values.findIndex((v) => v === '规上工业增加值');
    sheet.getCell(row, 5).value = '增长6%左右（上半年增长4%以上）';
    sheet.getCell(row, 7).value = 4;
    sheet.getCell(row, 9).value = 6;
    const targets = readTargets(await parseWorkbook(new Uint8Array(await book.xlsx.writeBuffer()), form.path), config, 2024);
    expect(targets.filter((t) => t.indicator === 'industry_va').map((t) => [t.horizon, t.value, t.qualifier, t.text])).toEqual([
      [6, 4, 'atLeast', '上半年增长4%以上'],
      [12, 6, 'about', '增长6%左右'],
    ]);
  });
});

describe('the project ledger', () => {
  async function ledgerWith(rows: number, keepExample: boolean): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(formAt(/重点项目台账/).bytes) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    for (let i = 0; i < rows; i++) {
      const row = 5 + i;
      sheet.getCell(row, 2).value = `测试项目${i + 1}`;
      sheet.getCell(row, 4).value = 1000 * (i + 1) + 0.5;
      sheet.getCell(row, 5).value = '工业';
      sheet.getCell(row, 6).value = new Date(Date.UTC(2024, 3, 10 + i));
      sheet.getCell(row, 8).value = new Date(Date.UTC(2024, 11, 1 + i));
      sheet.getCell(row, 9).value = i === 0 ? new Date(Date.UTC(2024, 10, 30)) : null;
      sheet.getCell(row, 10).value = `进度${i + 1}`;
      sheet.getCell(row, 11).value = '区科工局';
      sheet.getCell(row, 12).value = `领导${i + 1}`;
    }
    if (!keepExample) sheet.spliceRows(4, 1);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it('reads every field of every filled row, after the example row is deleted', async () => {
    const projects = readProjects(await parseWorkbook(await ledgerWith(3, false), '2024/2024年重点项目台账.xlsx'));
    expect(projects.map((p) => [p.name, p.totalInvestment, p.sector, p.plannedStart, p.actualStart, p.plannedFinish, p.actualFinish, p.progress, p.unit, p.leader])).toEqual([
      ['测试项目1', 1000.5, '工业', '2024-04-10', null, '2024-12-01', '2024-11-30', '进度1', '区科工局', '领导1'],
      ['测试项目2', 2000.5, '工业', '2024-04-11', null, '2024-12-02', null, '进度2', '区科工局', '领导2'],
      ['测试项目3', 3000.5, '工业', '2024-04-12', null, '2024-12-03', null, '进度3', '区科工局', '领导3'],
    ]);
  });

  it('refuses the example row when it is left in, naming its cell', async () => {
    const workbook = await parseWorkbook(await ledgerWith(1, true), '2024/2024年重点项目台账.xlsx');
    expect(() => readProjects(workbook)).toThrow(/（示例）智能装备产业园一期」是台账模板中的示例行/);
    try {
      readProjects(workbook);
    } catch (error) {
      expect((error as { location: unknown }).location).toEqual({ file: '2024/2024年重点项目台账.xlsx', sheet: '项目台账', cell: 'B4' });
    }
  });

  it('offers dates, numbers and the config\'s 领域 words in the cells to fill', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(formAt(/重点项目台账/).bytes) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('F5').dataValidation?.type).toBe('date');
    expect(sheet.getCell('D5').dataValidation?.type).toBe('decimal');
    expect(sheet.getCell('E5').dataValidation).toMatchObject({ type: 'list', formulae: ['"工业,制造业,商贸,消费,文旅,服务业,农业,民生,社会事业,基础设施,其他"'] });
  });
});
