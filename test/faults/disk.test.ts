// Issue 14 (faults): what the disk refuses is the user's environment, said in Chinese with the path,
// exit 1, the previous briefing kept — a full disk and a read-only one for real (a tiny tmpfs in a
// private mount namespace), --out naming a file, a previous figures.json that is not tongbao's.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/build.js';
import { DataError, EnvironmentError } from '../../src/errors.js';

const root = mkdtempSync(join(tmpdir(), 'tongbao-disk-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const build = (outDir: string) =>
  buildReport({
    configFile: 'test/fixtures/mini/tongbao.config.yaml', dataDir: 'test/fixtures/mini/data', outDir, templateDir: 'templates/speech',
    meeting: { year: 2023, quarter: 2 }, formats: new Set(['md']), log: () => {},
  });

async function refusal(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

// Unprivileged user namespaces let a test mount a tmpfs of its own; skip where the kernel forbids it.
const canMount = spawnSync('unshare', ['-rm', 'sh', '-c', `mount -t tmpfs -o size=64k tmpfs '${root}'`]).status === 0;

describe.skipIf(!canMount)('a full disk and a read-only disk (real ENOSPC and EROFS on a 1 MB tmpfs)', () => {
  it('are refused in Chinese with the path, exit 1, the previous briefing untouched, nothing left behind', () => {
    const out = join(root, 'tmpfs');
    mkdirSync(out);
    const run = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=1m tmpfs "$1" && exec "$2" --import tsx test/faults/diskScenario.ts "$1"', 'sh', out, process.execPath], {
      encoding: 'utf8',
      env: { ...process.env, TMPDIR: root },
    });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout.trim().split("\n").at(-1)!);
    expect(result.previous.code).toBe(0);

    expect(result.full.code).toBe(1);
    // Named as the user knows it, not as the staging folder the build was writing into.
    expect(result.full.stderr).toContain(`错误：磁盘空间不足，无法写入 ${join(out, '2023-Q2')}：请清理磁盘后重新生成（上一次的完整输出保持不变）\n`);
    expect(result.full.stderr).not.toContain('内部错误');
    expect(result.afterFull.briefing).toEqual(result.before);
    expect(result.afterFull.out).toEqual(['2023-Q2', 'filler']); // no staging folder, no lock

    expect(result.readOnly.code).toBe(1);
    expect(result.readOnly.stderr).toBe(`错误：${join(out, '.2023-Q2.lock')} 在只读的磁盘上，无法写入：请用 --out 指定一个可写的文件夹\n`);
    expect(result.afterReadOnly).toEqual(result.before);
  });
});

describe('the output folder refused', () => {
  it('--out naming a file', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'not a folder');
    const error = await refusal(build(file));
    expect(error).toBeInstanceOf(EnvironmentError);
    expect(error.message).toBe(`${file} 是一个文件，不是文件夹：请把它改名或删除，或用 --out 指定别的文件夹`);
  });

  it('a previous figures.json with nulls where numbers were: named, the folder untouched', async () => {
    const out = join(root, 'nulls');
    await build(out);
    const figures = join(out, '2023-Q2', 'figures.json');
    const json = JSON.parse(readFileSync(figures, 'utf8'));
    json.figures[0].inputs = null;
    json.figures[0].period.year = null;
    writeFileSync(figures, JSON.stringify(json));
    const before = readdirSync(join(out, '2023-Q2')).map((name) => readFileSync(join(out, '2023-Q2', name), 'utf8'));
    const error = await refusal(build(out));
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).describe()).toMatch(new RegExp(`^${figures.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}：上次生成的 figures.json 第1项（industry_va.growth）的 period 缺少年份或月份：.*请删除它后重新生成`));
    expect(readdirSync(join(out, '2023-Q2')).map((name) => readFileSync(join(out, '2023-Q2', name), 'utf8'))).toEqual(before);
    expect(readdirSync(out)).toEqual(['2023-Q2']);
  });
});
