// Issue 14 through the built CLI (bin/tongbao.mjs → dist/): usage mistakes exit 2, hostile data
// exits 1 with one Chinese line per problem (never 3, 内部错误), and the outputs do not depend on
// the machine's locale.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';

const MINI = ['--config', 'test/fixtures/mini/tongbao.config.yaml', '--data', 'test/fixtures/mini/data'];
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-hostile-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function tongbao(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, ['bin/tongbao.mjs', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('--year', () => {
  it.each(['abc', '2023.5'])('--year %s is a usage error (exit 2), not a data error', (year) => {
    const run = tongbao(['check', '--quarter', 'Q2', '--year', year, ...MINI, '--out', join(tmp, 'year')]);
    expect(run.stderr).toBe(`错误：年份「${year}」无效：请写四位数字的年份（如 --year 2023）\n`);
    expect(run.code).toBe(2);
  }, 60_000);
});

describe('hostile data through check', () => {
  it('a cell of 1e309 and a link loop: exit 1, each named, no internal error', () => {
    const data = join(tmp, 'data');
    cpSync('test/fixtures/mini/data', data, { recursive: true });
    const file = join(data, '2023/2023年目标任务.xlsx');
    const entries = unzipSync(readFileSync(file));
    entries['xl/worksheets/sheet1.xml'] = strToU8(strFromU8(entries['xl/worksheets/sheet1.xml']!).replace('<c r="D8" s="5"><v>50</v></c>', '<c r="D8" s="5"><v>1e309</v></c>'));
    writeFileSync(file, zipSync(entries));
    symlinkSync('05', join(data, '2023/05'));
    const run = tongbao(['check', '--quarter', 'Q2', '--config', 'test/fixtures/mini/tongbao.config.yaml', '--data', data, '--out', join(tmp, 'out')]);
    expect(run.stderr).toContain('错误（无法读取）：2023/05：这是一个循环的符号链接（最终指向自己），已跳过：请在这里放入文件夹本身\n');
    expect(run.stderr).toContain('错误（无法读取）：2023/2023年目标任务.xlsx › 2023年目标 › D8：数值「Infinity」超出范围（绝对值须小于 10^15，即 1000 万亿）：请核对这个单元格，空缺请填“—”\n');
    expect(run.stderr).not.toContain('内部错误');
    expect(run.code).toBe(1);
  }, 60_000);
});

describe('the locale', () => {
  it('figures.json and check.md are the same bytes under LANG=zh_CN.UTF-8 and LANG=C, files in code-point order', () => {
    const outputs = ['zh_CN.UTF-8', 'C'].map((locale) => {
      const out = join(tmp, `locale-${locale}`);
      const run = tongbao(['report', '--quarter', 'Q2', ...MINI, '--out', out, '--format', 'md'], { LANG: locale, LC_ALL: locale, LANGUAGE: '' });
      expect(run.code, run.stderr).toBe(0);
      return ['figures.json', 'check.md'].map((name) => readFileSync(join(out, '2023-Q2', name), 'utf8'));
    });
    expect(outputs[0]).toEqual(outputs[1]);
    // 全 U+5168 < 商 U+5546 < 投 U+6295 < 科 U+79D1 (zh-CN collation would put 科 (kē) first).
    expect(JSON.parse(outputs[0]![0]!).files.slice(0, 8)).toEqual([
      '2023/01/投促局2023年1月招商引资.xlsx',
      '2023/02/商务局2023年1—2月限上商贸数据.xlsx',
      '2023/02/投促局2023年2月招商引资.xlsx',
      '2023/02/科工局2023年2月报表.xlsx',
      '2023/03/商务局2023年1—3月限上商贸数据.xlsx',
      '2023/03/投促局2023年3月招商引资.xlsx',
      '2023/03/科工局2023年3月报表.xlsx',
      '2023/02/全市各区主要经济指标（2023年1-2月）.xlsx',
    ]);
  }, 90_000);
});
