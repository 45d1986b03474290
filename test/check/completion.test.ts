// 完成全年目标 that cannot be right stops the build (#9): a target of 0 (once an internal crash),
// refused by the targets reader at its cell, and a completion above 300 % or below 0, naming the
// target's and the value's cells.
// On copies of the mini fixture: 投促局 2023/03 D4 = 11.8 亿元 (招商引资到位资金, 本年累计);
// target sheet D8 = its 全年目标 (50 in the fixture).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/build.js';
import { checkData } from '../../src/check/check.js';
import { completionProblem } from '../../src/check/completion.js';
import { loadConfig } from '../../src/config/config.js';

const MINI = 'test/fixtures/mini';
const config = loadConfig(`${MINI}/tongbao.config.yaml`);
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-completion-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function withTarget(name: string, target: number): Promise<string> {
  const dir = join(tmp, name);
  cpSync(`${MINI}/data`, dir, { recursive: true });
  const path = join(dir, '2023/2023年目标任务.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  wb.worksheets[0]!.getCell('D8').value = target;
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return dir;
}

async function errorsOf(dataDir: string): Promise<string[]> {
  const result = await checkData({ dataDir, config, through: { year: 2023, month: 3 }, meetingYear: 2023 });
  return result.findings.filter((f) => f.level === 'error').map((f) => `${f.source?.file} › ${f.source?.sheet} › ${f.source?.cell}：${f.message}`);
}

describe('completionProblem', () => {
  it.each([
    [11.8, 50, undefined], // 23.6 %
    [11.8, 0, 'target'],
    [11.8, -5, 'target'],
    [150, 50, undefined], // exactly 300 % is still possible
    [151, 50, 'range'], // 302 %
    [-1, 50, 'range'], // −2 %
  ])('%s of %s → %s', (value, target, problem) => {
    expect(completionProblem(value, target)).toBe(problem);
  });
});

describe('the check and the report', () => {
  it('a target of 0 (once an internal crash) is refused naming its cell, and report stops', async () => {
    const data = await withTarget('zero', 0);
    expect(await errorsOf(data)).toEqual(['2023/2023年目标任务.xlsx › 2023年目标 › D8：全年目标应为正数，这里是 0：请核对；没有总量目标的请填“—”']);
    const build = buildReport({
      configFile: `${MINI}/tongbao.config.yaml`, dataDir: data, outDir: join(tmp, 'out'), templateDir: resolve('templates/speech'),
      meeting: { year: 2023, quarter: 2 }, formats: new Set(['md']), log: () => undefined,
    });
    await expect(build).rejects.toThrow('全年目标应为正数，这里是 0');
  });

  it('a completion above 300 % (11.8 ÷ 3 × 100 = 393.3) is an error naming both cells', async () => {
    const data = await withTarget('tiny', 3);
    expect(await errorsOf(data)).toEqual([
      '2023/03/投促局2023年3月招商引资.xlsx › Sheet1 › D4：「招商引资到位资金」完成全年目标的 393.3%（本期 11.8亿元（2023/03/投促局2023年3月招商引资.xlsx › Sheet1 › D4），全年目标 3亿元（2023/2023年目标任务.xlsx › 2023年目标 › D8））：超过 300% 或小于 0，多半是单位或数字填错，请核对两处',
    ]);
  });
});
