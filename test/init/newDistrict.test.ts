// A new district from nothing to a briefing, as a staffer would do it: `init` with flags (the built
// CLI), the generated forms filled by a script (as the bureaus would fill them), `report`.
// No file is written by hand.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillForms } from '../../scripts/example-data/fillForms.js';
import { loadConfig } from '../../src/config/config.js';

const dir = mkdtempSync(join(tmpdir(), 'tongbao-init-'));
const district = join(dir, '青山区');

function tongbao(args: readonly string[]) {
  const run = spawnSync(process.execPath, ['bin/tongbao.mjs', ...args], { encoding: 'utf8', env: { ...process.env, npm_lifecycle_event: undefined } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function cell(file: string, label: string, header: RegExp): Promise<number> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0]!;
  const headers = sheet.getRow(3).values as unknown[];
  const col = headers.findIndex((h) => typeof h === 'string' && header.test(h));
  let value: unknown;
  sheet.eachRow((row) => {
    if (row.getCell(2).value === label) value = row.getCell(col).value;
  });
  return value as number;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('init → filled forms → report, for 青山区 of 江城市', () => {
  let init: ReturnType<typeof tongbao>;
  let report: ReturnType<typeof tongbao>;
  beforeAll(async () => {
    init = tongbao(['init', '--dir', district, '--district', '青山区', '--city', '江城市', '--peers', '东湖区,西山区', '--unranked', '江城高新区', '--bureaus', '统计局,工信局,商务局,投促局', '--forms', '2024-03']);
    if (init.code !== 0) return;
    const config = loadConfig(join(district, 'tongbao.config.yaml'));
    await fillForms({ formsDir: join(district, 'forms'), dataDir: join(district, 'data'), config, months: [{ year: 2024, month: 3 }], seed: '青山区' });
    report = tongbao(['report', '--quarter', 'Q2', '--config', join(district, 'tongbao.config.yaml'), '--data', join(district, 'data'), '--out', join(district, 'out'), '--format', 'md']);
  }, 180_000);

  it('init writes the config, the month folders and the forms, and says what to do next', () => {
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('已新建 青山区');
    expect(init.stdout).toContain('下一步');
    const config = readFileSync(join(district, 'tongbao.config.yaml'), 'utf8');
    expect(config.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*tongbao\.config\.schema\.json$/);
    expect(readdirSync(join(district, 'data', '2024')).filter((name) => !name.endsWith('.xlsx'))).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12']);
    expect(readdirSync(join(district, 'forms', '2024', '03')).sort()).toEqual(
      ['全市各区主要经济指标（2024年1-3月）.xlsx', '商务局2024年3月报表.xlsx', '工信局2024年3月报表.xlsx', '投促局2024年3月报表.xlsx', '统计局2024年3月报表.xlsx'].sort(),
    );
  });

  it('the config names the district, the city with 全市, the peers and the chosen bureaus\' indicators', () => {
    const config = loadConfig(join(district, 'tongbao.config.yaml'));
    expect(config.district).toEqual({ name: '青山区', kind: '区', aliases: ['青山'], ranked: true });
    expect(config.speech.reporter).toBe('区发改局');
    expect(config.indicators.find((i) => i.id === 'negative_firms')?.role).toBe('negativeFirms');
    expect(config.city.aliases).toEqual(['全市', '江城']);
    expect(config.peers.map((p) => [p.name, p.ranked])).toEqual([['东湖区', true], ['西山区', true], ['江城高新区', false]]);
    expect(config.bureaus.map((b) => b.name)).toEqual(['统计局', '工信局', '商务局', '投促局']);
    expect(config.bureaus[1]!.files).toContain('工信局');
    expect(new Set(config.indicators.map((i) => i.bureau))).toEqual(new Set(['tjj', 'kgj', 'swj', 'tcj']));
  });

  it('report writes a briefing from the filled forms and exits 0', () => {
    expect(report.stderr).not.toContain('错误');
    expect(report.code).toBe(0);
    expect(existsSync(join(district, 'out', '2024-Q2', 'speech.md'))).toBe(true);
  });

  it('states the numbers the bureaus typed, with their gaps and ranks', async () => {
    const march = join(district, 'data', '2024', '03');
    const growth = await cell(join(march, '工信局2024年3月报表.xlsx'), '规上工业增加值', /同比/);
    const expected = await cell(join(district, 'data', '2024', '2024年目标任务.xlsx'), '规上工业增加值', /一季度/);
    const city = join(march, '全市各区主要经济指标（2024年1-3月）.xlsx');
    const figures = JSON.parse(readFileSync(join(district, 'out', '2024-Q2', 'figures.json'), 'utf8')).figures as { id: string; value: number; inputs: { source?: { file: string; cell: string } }[] }[];
    const figure = (id: string) => figures.find((f) => f.id === id);
    expect(figure('industry_va.growth')).toMatchObject({ value: growth, inputs: [{ source: { file: '2024/03/工信局2024年3月报表.xlsx', cell: 'G4' } }] });
    expect(figure('industry_va.expected')?.value).toBe(expected);
    expect(figure('industry_va.gapToExpected')?.value).toBeCloseTo(expected - growth, 9);
    expect(await cityCell(city, '规上工业增加值', 0)).toBe(growth); // the city table agrees with the return
    expect(figure('industry_va.rank')?.value).toBe(await cityCell(city, '规上工业增加值', 1));
    const speech = readFileSync(join(district, 'out', '2024-Q2', 'speech.md'), 'utf8');
    const said = `规上工业增加值${growth < 0 ? '下降' : '增长'}${Math.abs(growth).toFixed(1)}%`;
    expect(speech).toContain(said);
    expect(speech).not.toMatch(/NaN|undefined|null|Infinity|（）/);
  });
});

/** 青山区's growth (offset 0) or rank (offset 1) under an indicator's merged header in the city table. */
async function cityCell(file: string, indicator: string, offset: number): Promise<number> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0]!;
  const col = (sheet.getRow(3).values as unknown[]).indexOf(indicator) + offset;
  let value = 0;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === '青山区') value = row.getCell(col).value as number;
  });
  return value;
}
