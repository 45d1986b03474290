// A value 1000× off its history (万元 typed into an 亿元 row) stops check and report with an error
// naming the cell, unless tongbao.config.yaml acknowledges that cell (#9).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/build.js';
import { checkData } from '../../src/check/check.js';
import { checkSeries } from '../../src/check/series.js';
import { type Config, loadConfig, parseConfig } from '../../src/config/config.js';
import type { Observation } from '../../src/types.js';

const MINI = 'test/fixtures/mini';
const config = loadConfig(`${MINI}/tongbao.config.yaml`);
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-slip-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ACK = '\nacknowledged:\n  - { file: 2023/03/科工局2023年3月报表.xlsx, sheet: Sheet1, cell: E6, reason: 企业集中入库，已与科工局核实 }\n';
const acknowledging = (): Config => parseConfig(readFileSync(`${MINI}/tongbao.config.yaml`, 'utf8') + ACK);

function output(month: number, value: number): Observation {
  const source = { file: `2023/${String(month).padStart(2, '0')}/科工局.xlsx`, sheet: 'Sheet1', cell: 'E6' };
  return { indicator: 'industry_output', area: '云溪区', period: { year: 2023, month, span: 'ytd' }, measure: 'value', value, unit: '亿元', source };
}

describe('checkSeries: the odd one out of a year is named', () => {
  it('90300 among 23.33 … 75.2 亿元: an error at May (median 48.1), not at June', () => {
    const series = [output(2, 23.33), output(3, 35.67), output(4, 48.1), output(5, 90300), output(6, 75.2)];
    const slips = checkSeries(series, config).filter((f) => f.level === 'error');
    expect(slips.map((f) => `${f.source?.file} ${f.message}`)).toEqual([
      '2023/05/科工局.xlsx 规上工业总产值5月为 90300亿元，与本年各月的中位数 48.1亿元相差上千倍：多半是万元与亿元填混了，请核对单位后改正；如数字确实无误，请在 tongbao.config.yaml 的 acknowledged 中写明：- { file: 2023/05/科工局.xlsx, sheet: Sheet1, cell: E6, reason: 已与报送单位核实 }',
    ]);
  });

  it('a 1000× change of 999 is not one (23.33 → 23307)', () => {
    expect(checkSeries([output(2, 23.33), output(3, 23307)], config).filter((f) => f.level === 'error')).toEqual([]);
  });
});

describe('check and report on the mini data with 35670 typed into the 亿元 row (科工局 2023/03 E6, was 35.67)', () => {
  let data: string;
  beforeAll(async () => {
    data = join(tmp, 'slip');
    cpSync(`${MINI}/data`, data, { recursive: true });
    const path = join(data, '2023/03/科工局2023年3月报表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    wb.worksheets[0]!.getCell('E6').value = 35670;
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  });

  const build = (configFile: string) =>
    buildReport({
      configFile, dataDir: data, outDir: join(tmp, 'out'), templateDir: resolve('templates/speech'),
      meeting: { year: 2023, quarter: 2 }, formats: new Set(['md']), log: () => undefined,
    });

  it('check: an error naming the cell and the lines to acknowledge it; report stops', async () => {
    const result = await checkData({ dataDir: data, config, through: { year: 2023, month: 3 }, meetingYear: 2023 });
    const errors = result.findings.filter((f) => f.level === 'error');
    expect(errors.map((f) => `${f.source?.file} › ${f.source?.sheet} › ${f.source?.cell}：${f.message}`)).toEqual([
      '2023/03/科工局2023年3月报表.xlsx › Sheet1 › E6：规上工业总产值3月为 35670亿元，与2月的 23.33亿元（2023/02/科工局2023年2月报表.xlsx › Sheet1 › E6）相差上千倍：多半是万元与亿元填混了，请核对单位后改正；如数字确实无误，请在 tongbao.config.yaml 的 acknowledged 中写明：- { file: 2023/03/科工局2023年3月报表.xlsx, sheet: Sheet1, cell: E6, reason: 已与报送单位核实 }',
    ]);
    await expect(build(`${MINI}/tongbao.config.yaml`)).rejects.toThrow('规上工业总产值3月为 35670亿元');
  });

  it('acknowledged in the config: no finding at that cell, and the report is written', async () => {
    const result = await checkData({ dataDir: data, config: acknowledging(), through: { year: 2023, month: 3 }, meetingYear: 2023 });
    expect(result.findings.filter((f) => f.source?.cell === 'E6' && f.source.file?.includes('科工局'))).toEqual([]);
    const configFile = join(tmp, 'acknowledging.yaml');
    writeFileSync(configFile, readFileSync(`${MINI}/tongbao.config.yaml`, 'utf8') + ACK);
    const built = await build(configFile);
    expect(built.computed.figures.find((f) => f.id === 'industry_output.value')?.value).toBe(35670);
  });

  it('the acknowledgement is validated: a cell that is not an address is a config error', () => {
    const bad = readFileSync(`${MINI}/tongbao.config.yaml`, 'utf8') + '\nacknowledged:\n  - { file: a.xlsx, sheet: Sheet1, cell: 第6行, reason: 核实 }\n';
    expect(() => parseConfig(bad)).toThrow('配置项 acknowledged[1].cell 有误：应为单元格地址，如 D5');
  });
});
