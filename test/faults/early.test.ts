// The browser the command starts before loading the rest of itself: the build takes it over (one
// browser, one temp folder), and one that no build took — the options were wrong — is closed.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/render/pdf/find.js';
import { isAlive } from '../../src/system/processes.js';
import { browsersOf, entries, hasBrowser, killRunsLeft, startTongbao, waitFor } from '../helpers/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'tongbao-early-'));
afterAll(() => {
  killRunsLeft();
  rmSync(dir, { recursive: true, force: true });
});

const MINI = ['--config', 'test/fixtures/mini/tongbao.config.yaml', '--data', 'test/fixtures/mini/data'];
/** The real browser behind a script that notes each start (its process id) in `<script>.starts`. */
function countingBrowser(name: string): { exe: string; starts: () => number[] } {
  const exe = join(dir, name);
  writeFileSync(exe, `#!/bin/sh\necho $$ >> '${exe}.starts'\nexec '${findBrowser()}' "$@"\n`);
  chmodSync(exe, 0o755);
  const starts = () => (existsSync(`${exe}.starts`) ? readFileSync(`${exe}.starts`, 'utf8').trim().split('\n').map(Number) : []);
  return { exe, starts };
}

const tempFolders = (pid: number) => [...entries(tmpdir(), `tongbao-browser-${pid}-`), ...(tmpdir() === '/tmp' ? [] : entries('/tmp', `tongbao-browser-${pid}-`))];

describe.skipIf(!hasBrowser())('the browser started early', () => {
  it('is started before the options are even parsed, and closed when they are wrong: no process, no temp folder left', async () => {
    const browser = countingBrowser('usage');
    const run = startTongbao(['report', '--quarter', 'Q9', ...MINI, '--out', join(dir, 'out-usage')], { PUPPETEER_EXECUTABLE_PATH: browser.exe });
    const result = await run.done;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('错误：');
    expect(browser.starts()).toHaveLength(1);
    await waitFor(() => !isAlive(browser.starts()[0]!) && browsersOf(run.pid).length === 0, 'the early browser to be gone');
    expect(tempFolders(run.pid)).toEqual([]);
  }, 120_000);

  it('is the one the build prints with: one browser, one temp folder while printing, none after', async () => {
    const browser = countingBrowser('report');
    const run = startTongbao(['report', '--quarter', 'Q2', ...MINI, '--out', join(dir, 'out')], { PUPPETEER_EXECUTABLE_PATH: browser.exe, TONGBAO_TEST_PAUSE: 'print' });
    await run.pausedAt('print');
    expect(tempFolders(run.pid)).toHaveLength(1);
    run.child.kill('SIGUSR2');
    const result = await run.done;
    expect(result.code).toBe(0);
    expect(browser.starts()).toHaveLength(1);
    expect(tempFolders(run.pid)).toEqual([]);
    expect(browsersOf(run.pid)).toEqual([]);
  }, 120_000);
});
