// Issue 12 (city scale): several districts checked in one process, `check --district 甲区,乙区` or
// `--district 全部`, each with its own config, data and output folder, through the built command.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { districtList } from '../../src/cli/districts.js';
import { tongbao } from '../helpers/cli.js';

const city = mkdtempSync(join(tmpdir(), 'tongbao-city-'));
afterAll(() => rmSync(city, { recursive: true, force: true }));

/** districts/<name>/: the mini data under the district name `name` (the city table's 云溪区 row is its alias). */
function district(name: string): string {
  const dir = join(city, 'districts', name);
  cpSync('test/fixtures/mini', dir, { recursive: true });
  const config = join(dir, 'tongbao.config.yaml');
  const text = readFileSync(config, 'utf8');
  writeFileSync(config, text.replace(/^ {2}name: 云溪区$/m, `  name: ${name}`).replace(/^ {2}aliases: \[云溪\]$/m, '  aliases: [云溪区, 云溪]'));
  return dir;
}

describe('check of several districts in one process', () => {
  district('甲区');
  district('乙区');
  district('丙区');
  rmSync(join(city, 'districts', '丙区', 'data', '2023', '2023年目标任务.xlsx')); // an error: no targets

  it('names them with 全部 or a list; a name that does not exist is refused', () => {
    expect(districtList('全部', city)).toEqual(['丙区', '甲区', '乙区']); // sorted as districtNames sorts (zh-CN)
    expect(districtList('甲区、乙区', city)).toEqual(['甲区', '乙区']);
    expect(() => districtList('甲区,丁区', city)).toThrow('找不到区县「丁区」');
  });

  it('writes each district its check.md; exit 1 names the district with errors, the others pass', () => {
    const run = tongbao(['check', '--quarter', 'Q2', '--district', '全部'], {}, city);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('甲区 数据检查：0 个错误');
    expect(run.stdout).toContain('乙区 数据检查：0 个错误');
    expect(run.stdout).toContain('丙区 数据检查：1 个错误');
    expect(run.stderr).toContain('错误：数据检查未通过的区县：丙区');
    for (const name of ['甲区', '乙区', '丙区']) expect(existsSync(join(city, 'out', name, '2023-Q2', 'check.md'))).toBe(true);
    expect(readFileSync(join(city, 'out', '丙区', '2023-Q2', 'check.md'), 'utf8')).toContain('目标任务表');
    expect(readFileSync(join(city, 'out', '甲区', '2023-Q2', 'check.md'), 'utf8')).toContain('**结论：未发现问题**');
  });

  it('a list of clean districts exits 0', () => {
    const run = tongbao(['check', '--quarter', 'Q2', '--district', '甲区,乙区'], {}, city);
    expect(run.stderr).not.toContain('错误');
    expect(run.code).toBe(0);
  });

  it('is for check only, and each district keeps its own folders', () => {
    const report = tongbao(['report', '--quarter', 'Q2', '--district', '甲区,乙区'], {}, city);
    expect(report.code).toBe(2);
    expect(report.stderr).toContain('一次只能生成一个区县');
    const out = tongbao(['check', '--quarter', 'Q2', '--district', '全部', '--out', 'elsewhere'], {}, city);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('不能同时给出 --out');
  });
});
