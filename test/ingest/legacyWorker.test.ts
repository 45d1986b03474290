// A legacy-format reader that cannot start (its worker script missing from the installation, a
// module it imports not found) is a bug of tongbao, not a damaged file of the user's (#9): it
// must not read as "文件可能已损坏", and --debug must show the real cause.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { DataError } from '../../src/errors.js';
import { setLegacyWorkerUrl } from '../../src/ingest/read/xls.js';
import { parseWorkbook } from '../../src/ingest/read/file.js';
import { useOwnCache } from '../helpers/cache.js';

// The formats fixture is read by other tests too: here it must really be read, not found in the run's cache.
useOwnCache();

const REAL_WORKER = new URL('../../src/ingest/read/xlsWorker.mjs', import.meta.url);
const out = mkdtempSync(join(tmpdir(), 'tongbao-worker-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
afterEach(() => setLegacyWorkerUrl(REAL_WORKER));

const missingWorker = () => setLegacyWorkerUrl(pathToFileURL(join(out, 'no-such-dir', 'xlsWorker.mjs')));

async function cli(args: readonly string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    return { code: await main(args), stderr };
  } finally {
    spy.mockRestore();
    stdout.mockRestore();
  }
}

describe('the .xls reader when its worker cannot start', () => {
  it('rejects with an internal error (not a DataError) carrying the real cause', async () => {
    missingWorker();
    const bytes = readFileSync('test/fixtures/returns/old-format.xls');
    const error = await parseWorkbook(bytes, 'old-format.xls').then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(DataError);
    expect((error as Error).message).toMatch(/^旧版表格读取线程（xlsWorker\.mjs）无法运行：Cannot find module/);
    expect(((error as Error).cause as { code?: string }).code).toBe('MODULE_NOT_FOUND');
  });

  it('check exits 3 with one line saying it is a bug; --debug prints the cause with its code', async () => {
    missingWorker();
    const args = ['check', '--quarter', 'Q2', '--config', 'test/fixtures/formats/tongbao.config.yaml', '--data', 'test/fixtures/formats/data', '--out', out];
    const plain = await cli(args);
    expect(plain.code).toBe(3);
    expect(plain.stderr).toMatch(/^内部错误：旧版表格读取线程（xlsWorker\.mjs）无法运行：Cannot find module .*（这是程序缺陷，请加 --debug 重新运行并把输出反馈给开发者）\n$/);
    expect(plain.stderr).not.toContain('文件可能已损坏');
    const debug = await cli([...args, '--debug']);
    expect(debug.code).toBe(3);
    expect(debug.stderr).toContain('[cause]: Error: Cannot find module');
    expect(debug.stderr).toContain("code: 'MODULE_NOT_FOUND'");
  });

  it('reads again once the worker is back', async () => {
    missingWorker();
    await parseWorkbook(readFileSync('test/fixtures/returns/old-format.xls'), 'old-format.xls').catch(() => undefined);
    setLegacyWorkerUrl(REAL_WORKER);
    const workbook = await parseWorkbook(readFileSync('test/fixtures/returns/old-format.xls'), 'old-format.xls');
    expect(workbook.sheets[0]!.rows[2]![2]!.value).toBe(25.9);
  });
});
