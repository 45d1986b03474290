// Issue 14 (faults): real builds killed with SIGKILL at each stage — rendering, printing, stamping,
// between the renames of the swap — and a Ctrl-C; after each, the process table holds no browser of
// ours and out/2023-Q2 holds the previous complete briefing; the next build (or check) removes what
// the dead one left and, after a kill inside the swap, completes it. One chain of builds, each
// checking what the previous one left, keeps the number of processes small.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browsersOf, entries, hasBrowser, killRunsLeft, startTongbao, waitFor } from '../helpers/processes.js';

const MINI = ['--quarter', 'Q2', '--config', 'test/fixtures/mini/tongbao.config.yaml', '--data', 'test/fixtures/mini/data'];
const ATTENDEES = ['--attendees', 'test/fixtures/attendees-gb18030.csv']; // 3 people
const root = mkdtempSync(join(tmpdir(), 'tongbao-faults-'));
const tmp = join(root, 'tmp'); // the builds' TMPDIR
const out = join(root, 'out');
const briefing = join(out, '2023-Q2');
mkdirSync(tmp);
const env = { TMPDIR: tmp, SOURCE_DATE_EPOCH: '' };

afterAll(() => {
  killRunsLeft();
  rmSync(root, { recursive: true, force: true });
});

/** Every file under a folder (hidden ones too) → SHA-256. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string, prefix: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else files[`${prefix}${name}`] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir, '');
  return files;
}

/** Starts a build that stops at `stage`, and waits until it has. */
async function buildPausedAt(stage: string, extra: readonly string[] = []) {
  const run = startTongbao(['report', ...MINI, '--out', out, ...extra], { ...env, TONGBAO_TEST_PAUSE: stage });
  await run.pausedAt(stage);
  return run;
}

async function kill(run: ReturnType<typeof startTongbao>) {
  run.child.kill('SIGKILL');
  await run.done;
  // The browser notices its pipe closing and exits: no browser of ours may be left.
  await waitFor(() => browsersOf(run.pid).length === 0, 'the browser of a killed build to exit');
}

/** What a build with process id `pid` leaves when killed: its staging folder, its browser's temp folder. */
function leftoversOf(pid: number): string[] {
  // The browser's folder is in TMPDIR, or in /tmp when TMPDIR is too long for its socket.
  return [...entries(out, `.2023-Q2.building-${pid}`), ...entries(tmp, `tongbao-browser-${pid}-`), ...entries('/tmp', `tongbao-browser-${pid}-`)];
}

describe.skipIf(!hasBrowser())('builds killed at each stage', () => {
  it('leave no browser running and the previous briefing in place; the next build clears up; check completes a swap', async () => {
    // The previous briefing: Markdown only.
    const first = await startTongbao(['report', ...MINI, '--out', out, '--format', 'md'], env).done;
    expect(first.code).toBe(0);
    const previous = tree(briefing);

    // Rendering, with the browser started: a second build at the same time is refused.
    const rendering = await buildPausedAt('render', ATTENDEES);
    await waitFor(() => browsersOf(rendering.pid).length > 0, 'the browser to start');
    const second = await startTongbao(['report', ...MINI, '--out', out, '--format', 'md'], env).done;
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`错误：另一个 tongbao 进程（生成，进程号 ${rendering.pid}）正在使用`);
    await kill(rendering);
    expect(leftoversOf(rendering.pid)).toHaveLength(2); // what the next build must remove
    expect(tree(briefing)).toEqual(previous);

    const printing = await buildPausedAt('print', ATTENDEES);
    expect(leftoversOf(rendering.pid)).toEqual([]);
    await kill(printing);
    expect(tree(briefing)).toEqual(previous);

    const stamping = await buildPausedAt('stamp', ATTENDEES);
    expect(leftoversOf(printing.pid)).toEqual([]);
    expect(browsersOf(stamping.pid)).toEqual([]); // closed before stamping
    await kill(stamping);
    expect(tree(briefing)).toEqual(previous);

    // Between the renames: the journal is written and the first file moved in.
    const swapping = await buildPausedAt('swap', ATTENDEES);
    expect(leftoversOf(stamping.pid)).toEqual([]);
    await kill(swapping);
    // Committed (the journal), check.md moved in first, the PDF still waiting in the staging folder.
    const staging = join(out, `.2023-Q2.building-${swapping.pid}`);
    expect(entries(staging).sort()).toEqual(['.journal.json', '.tongbao-manifest.json', 'copies', 'figures.json', 'speech.html', 'speech.md', 'speech.pdf']);
    expect(tree(briefing)['speech.pdf']).toBeUndefined();

    const check = await startTongbao(['check', ...MINI, '--out', out], env).done;
    expect(check.code).toBe(0);
    expect(check.stderr).toContain('上一次生成在替换');
    expect(check.stderr).toContain('现已替换完成');
    const done = tree(briefing);
    expect(Object.keys(done).filter((file) => file.startsWith('copies/'))).toHaveLength(3);
    expect(done['speech.pdf']).toBeDefined();
    expect(done['speech.md']).toBe(previous['speech.md']); // same data, same draft: nothing moved aside
    expect(Object.keys(done).some((file) => file.includes('edited'))).toBe(false);
    expect(JSON.parse(readFileSync(join(briefing, '.tongbao-manifest.json'), 'utf8')).copies.pdf).toBe(done['speech.pdf']);
    expect(readdirSync(out)).toEqual(['2023-Q2']); // no staging folder, no lock
  }, 240_000);

  it('under a temp path of 100+ characters, a full build succeeds and removes its browser folder', async () => {
    const longTmp = join(root, 'x'.repeat(100 - root.length), 'speed', 'tmp');
    mkdirSync(longTmp, { recursive: true });
    expect(longTmp.length).toBeGreaterThanOrEqual(100);
    const before = tree(briefing);
    const run = startTongbao(['report', ...MINI, '--out', out], { ...env, TMPDIR: longTmp });
    const result = await run.done;
    expect(result.stderr).not.toContain('内部错误');
    expect(result.code).toBe(0);
    const after = tree(briefing);
    // The same data prints the same PDF, so the copies stamped from it stay.
    expect(after['speech.pdf']).toBe(before['speech.pdf']);
    expect(Object.keys(after).filter((file) => file.startsWith('copies/'))).toHaveLength(3);
    expect([...entries(longTmp, `tongbao-browser-${run.pid}-`), ...entries('/tmp', `tongbao-browser-${run.pid}-`)]).toEqual([]);
  }, 120_000);

  it('Ctrl-C (SIGINT) stops the browser and removes the staging folder at once, exit 130', async () => {
    const before = tree(briefing);
    const run = await buildPausedAt('render');
    await waitFor(() => browsersOf(run.pid).length > 0, 'the browser to start');
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('已中断（SIGINT）');
    await waitFor(() => browsersOf(run.pid).length === 0, 'the browser to exit');
    expect(leftoversOf(run.pid)).toEqual([]);
    expect(readdirSync(out)).toEqual(['2023-Q2']);
    expect(tree(briefing)).toEqual(before);
  }, 120_000);
});
