// The installed command (`node bin/tongbao.mjs`, which runs the compiled dist/ and compiles it
// first when src/ is newer) reads every file format a bureau sends (#9 Must show 1). Tests that
// import src/ cannot see a file tsc does not ship (the .xls worker once was one): this one can.
// test/fixtures/formats/ is made by scripts/make-return-fixtures.ts; each bureau sends one format.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const FIXTURE = ['--config', 'test/fixtures/formats/tongbao.config.yaml', '--data', 'test/fixtures/formats/data'];
const out = mkdtempSync(join(tmpdir(), 'tongbao-formats-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function built(args: readonly string[]) {
  const run = spawnSync(process.execPath, ['bin/tongbao.mjs', ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface FigureJson {
  readonly id: string;
  readonly value: number | null;
  readonly inputs: readonly { source?: { file: string; sheet: string; cell: string } }[];
}

describe('the built command on .xls, .et, HTML-as-xls, SpreadsheetML and .xlsx returns', () => {
  let check: ReturnType<typeof built>;
  let report: ReturnType<typeof built>;
  let figures: Map<string, FigureJson>;
  beforeAll(() => {
    check = built(['check', '--quarter', 'Q2', ...FIXTURE, '--out', out, '--strict']);
    report = built(['report', '--quarter', 'Q2', ...FIXTURE, '--out', out, '--format', 'md']);
    const json = JSON.parse(readFileSync(join(out, '2023-Q2', 'figures.json'), 'utf8')) as { figures: FigureJson[] };
    figures = new Map(json.figures.map((f) => [f.id, f]));
  });

  it('check reads all six files without an error or warning', () => {
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('数据检查：0 个错误，0 个警告');
    expect(readFileSync(join(out, '2023-Q2', 'check.md'), 'utf8')).toContain('读取 6 个文件');
  });

  it.each([
    // figure id, value as typed in the fixture, file it must come from, cell
    ['industry_output.value', 120.5, '2023/03/科工局2023年3月报表.xls', 'C3'], // BIFF8
    ['industry_output.growth', 1.9, '2023/03/科工局2023年3月报表.xls', 'E3'],
    ['real_estate_investment.value', 8.76, '2023/03/住建局2023年3月报表.et', 'C3'], // WPS .et
    ['real_estate_investment.growth', -8.7, '2023/03/住建局2023年3月报表.et', 'E3'],
    ['wholesale.value', 12.5, '2023/03/商务局2023年1—3月限上商贸数据.xls', 'C3'], // HTML saved as .xls
    ['wholesale.growth', 42.6, '2023/03/商务局2023年1—3月限上商贸数据.xls', 'E3'],
    ['investment_attracted.value', 11.8, '2023/03/投促局2023年3月招商引资.xls', 'C3'], // SpreadsheetML 2003
    ['investment_attracted.prevYear', 9.6, '2023/03/投促局2023年3月招商引资.xls', 'D3'],
    ['retail_sales.value', 25.9, '2023/03/统计局2023年1—3月主要指标.xlsx', 'C4'], // .xlsx
    ['retail_sales.growth', 7.2, '2023/03/统计局2023年1—3月主要指标.xlsx', 'E4'],
    ['investment_attracted.target', 50, '2023/2023年目标任务.xlsx', 'C4'],
  ])('report: %s = %s from %s › %s', (id, value, file, cell) => {
    expect(report.code).toBe(0);
    expect(figures.get(id)?.value).toBe(value);
    expect(figures.get(id)?.inputs).toEqual([{ source: { file, sheet: 'Sheet1', cell } }]);
  });

  it('report: the computed figures and the speech use them (11.80 ÷ 9.60 − 1 = 22.9%; 11.80 ÷ 50 = 23.6%)', () => {
    expect(figures.get('investment_attracted.growth')?.value).toBeCloseTo(22.9167, 4);
    expect(figures.get('investment_attracted.completion')?.value).toBeCloseTo(23.6, 9);
    const speech = readFileSync(join(out, '2023-Q2', 'speech.md'), 'utf8');
    expect(speech).toContain('招商引资到位资金增长22.9%');
    expect(speech).toContain('限上批发业销售额增长42.6%');
  });
});
