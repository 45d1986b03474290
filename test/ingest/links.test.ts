// Issue 14: only regular files under data/ are read. A FIFO named like a return (which once hung
// the build), a symbolic link that loops (once ELOOP, exit 3) or leaves the data folder is an error
// finding naming its path, and is skipped; a link to a regular file inside data/ is read.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/build.js';
import { checkData } from '../../src/check/check.js';
import { loadConfig } from '../../src/config/config.js';
import { DataError } from '../../src/errors.js';
import { yearsIn } from '../../src/ingest/files.js';
import { readWorkbook } from '../../src/ingest/read/file.js';

const MINI = 'test/fixtures/mini';
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-links-'));
const data = join(tmp, 'data');
const outside = join(tmp, 'elsewhere');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const hasMkfifo = (() => {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return process.platform !== 'win32';
  } catch {
    return false;
  }
})();

describe.skipIf(!hasMkfifo)('files under data/ that are not regular files', () => {
  const KGJ = '2023/03/科工局2023年3月报表.xlsx';
  const SWJ = '2023/03/商务局2023年1—3月限上商贸数据.xlsx';
  const TCJ = '2023/03/投促局2023年3月招商引资.xlsx';

  beforeAll(() => {
    cpSync(`${MINI}/data`, data, { recursive: true });
    mkdirSync(outside);
    // A FIFO in place of 科工局's March return: opening it for reading would wait for a writer.
    rmSync(join(data, KGJ));
    execFileSync('mkfifo', [join(data, KGJ)]);
    // 商务局's March return moved out of data/ and linked back.
    renameSync(join(data, SWJ), join(outside, 'swj.xlsx'));
    symlinkSync(join(outside, 'swj.xlsx'), join(data, SWJ));
    // A link loop named like a return, and a month folder that is a link loop.
    symlinkSync('循环.xlsx', join(data, '2023/03/循环.xlsx'));
    symlinkSync('04', join(data, '2023/04'));
    // 投促局's March return moved to another folder inside data/ and linked: read as usual.
    mkdirSync(join(data, 'shared'));
    renameSync(join(data, TCJ), join(data, 'shared/tcj.xlsx'));
    symlinkSync('../../shared/tcj.xlsx', join(data, TCJ));
    // A year folder that loops is not a year.
    symlinkSync('2024', join(data, '2024'));
  });

  it('check lists each, naming its path, skips it, and reads a link that stays inside data/', async () => {
    const result = await checkData({ dataDir: data, config: loadConfig(`${MINI}/tongbao.config.yaml`), through: { year: 2023, month: 3 }, meetingYear: 2023 });
    const unreadable = result.findings.filter((f) => f.kind === 'unreadable').map((f) => [f.level, f.source?.file, f.message]);
    expect(unreadable).toEqual([
      // in code-point order of the paths: 商 U+5546, 循 U+5FAA, 科 U+79D1
      ['error', '2023/03/商务局2023年1—3月限上商贸数据.xlsx', `这是一个指向数据文件夹以外（${join(outside, 'swj.xlsx')}）的符号链接，已跳过：请在这里放入报表文件本身`],
      ['error', '2023/03/循环.xlsx', '这是一个循环的符号链接（最终指向自己），已跳过：请在这里放入报表文件本身'],
      ['error', '2023/03/科工局2023年3月报表.xlsx', '这不是普通文件（是命名管道、套接字或设备），无法读取，已跳过：请在这里放入报表文件本身'],
      ['error', '2023/04', '这是一个循环的符号链接（最终指向自己），已跳过：请在这里放入文件夹本身'],
    ]);
    expect(result.dataset.files).toContain(TCJ);
    expect(result.dataset.observations.some((o) => o.source.file === TCJ && o.indicator === 'investment_attracted' && o.value === 11.8)).toBe(true);
    expect(result.dataset.files).not.toContain(KGJ);
  }, 20_000);

  it('report stops with those errors (exit 1), and never hangs on the FIFO', async () => {
    const run = buildReport({
      configFile: `${MINI}/tongbao.config.yaml`, dataDir: data, outDir: join(tmp, 'out'), templateDir: 'templates/speech',
      meeting: { year: 2023, quarter: 2 }, formats: new Set(['md']), log: () => undefined,
    });
    await expect(run).rejects.toThrow(DataError);
    await expect(run).rejects.toThrow(/数据有 4 处错误[\s\S]*命名管道/);
  }, 20_000);

  it('a FIFO opened directly is refused at once', async () => {
    await expect(readWorkbook(join(data, KGJ), KGJ)).rejects.toThrow('这不是普通文件（是命名管道、套接字、设备或文件夹），无法读取');
  });

  it('a looping year folder is not taken for a year', () => {
    expect(yearsIn(data)).toEqual([2023]);
  });

  it('a link to a return inside data/ builds as the file itself would', async () => {
    const clean = join(tmp, 'clean');
    cpSync(`${MINI}/data`, clean, { recursive: true });
    mkdirSync(join(clean, 'shared'));
    copyFileSync(join(clean, TCJ), join(clean, 'shared/tcj.xlsx'));
    rmSync(join(clean, TCJ));
    symlinkSync('../../shared/tcj.xlsx', join(clean, TCJ));
    const result = await checkData({ dataDir: clean, config: loadConfig(`${MINI}/tongbao.config.yaml`), through: { year: 2023, month: 3 }, meetingYear: 2023 });
    expect(result.errors).toBe(0);
    expect(result.dataset.files).toContain(TCJ);
  }, 20_000);
});
