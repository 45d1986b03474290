// Issue 14 (faults): browsers that exit at once, talk nonsense or hang — small shell scripts standing
// in for Chromium — and a real Chromium killed in the middle of printing. Each is one Chinese line,
// without puppeteer's English internals, and leaves no process behind.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/errors.js';
import { openBrowser } from '../../src/render/pdf/browser.js';
import { BrowserPipe } from '../../src/render/pdf/pipe.js';
import { isAlive } from '../../src/system/processes.js';
import { browsersOf, entries, hasBrowser, killRunsLeft, startTongbao, waitFor } from '../helpers/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'tongbao-fake-browsers-'));
afterAll(() => {
  killRunsLeft();
  rmSync(dir, { recursive: true, force: true });
});

/** A shell script in place of a browser; it writes its process id to <name>.pid. */
function fakeBrowser(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\necho $$ > '${path}.pid'\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

const ENGLISH_INTERNALS = /Protocol error|Target closed|TargetCloseError|Connection closed|timed out|protocolTimeout|not valid JSON|Execution context/;

async function refusal(open: Promise<unknown>): Promise<string> {
  const error = await open.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EnvironmentError);
  const message = (error as Error).message;
  expect(message).not.toMatch(ENGLISH_INTERNALS);
  return message;
}

describe('a browser that is not one', () => {
  it('exits at once: says so with its exit code', async () => {
    const exe = fakeBrowser('exits', 'echo "cannot start" >&2\nexit 7');
    expect(await refusal(openBrowser(exe))).toBe(
      `浏览器 ${exe} 启动后立即退出（退出码 7）：请确认它是可以运行的 Chromium/Chrome，或用环境变量 PUPPETEER_EXECUTABLE_PATH 指定别的浏览器；加 --debug 可看到浏览器自己的输出`,
    );
  });

  it('prints garbage on the DevTools pipe: refused, not a crash, and stopped', async () => {
    const exe = fakeBrowser('garbage', `printf 'garbage\\0{"not":' >&4\nexec sleep 600`);
    expect(await refusal(openBrowser(exe))).toContain(`浏览器 ${exe} 返回了无法识别的数据，不像是 Chromium/Chrome`);
    expect(isAlive(Number(readFileSync(`${exe}.pid`, 'utf8')))).toBe(false);
  });

  it('hangs: refused when the time is up (30 s for real; 1 s here), and stopped', async () => {
    const exe = fakeBrowser('hangs', 'exec sleep 600');
    expect(await refusal(openBrowser(exe, 1000))).toContain(`浏览器 ${exe} 在 1 秒内没有启动完成，已将它结束`);
    expect(isAlive(Number(readFileSync(`${exe}.pid`, 'utf8')))).toBe(false);
  });

  it('through the CLI: one Chinese line, exit 1, no stack', async () => {
    const exe = fakeBrowser('exits-cli', 'exit 3');
    const run = await startTongbao(['report', '--quarter', 'Q2', '--config', 'test/fixtures/mini/tongbao.config.yaml', '--data', 'test/fixtures/mini/data', '--out', join(dir, 'out')], {
      PUPPETEER_EXECUTABLE_PATH: exe,
    }).done;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`错误：浏览器 ${exe} 启动后立即退出（退出码 3）`);
    expect(run.stderr).not.toMatch(/\n\s+at |内部错误/);
    expect(entries(join(dir, 'out'))).toEqual([]); // nothing half-made, no lock left
  });
});

describe('the DevTools pipe', () => {
  const messages = async (chunks: readonly Buffer[]) => {
    const [toBrowser, fromBrowser] = [new PassThrough(), new PassThrough()];
    const pipe = new BrowserPipe(toBrowser, fromBrowser);
    const got: string[] = [];
    pipe.onmessage = (message) => got.push(message);
    for (const chunk of chunks) fromBrowser.write(chunk);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    return { got, garbage: pipe.garbage };
  };

  it('joins messages split across reads (also inside a UTF-8 character) and splits reads holding several', async () => {
    const bytes = Buffer.from('{"id":1,"result":"讲话"}\0{"id":2}\0{"id":3,"x":"稿"}\0');
    const cut = bytes.indexOf(Buffer.from('话')) + 1; // inside 话
    expect(await messages([bytes.subarray(0, cut), bytes.subarray(cut, cut + 20), bytes.subarray(cut + 20)])).toEqual({
      got: ['{"id":1,"result":"讲话"}', '{"id":2}', '{"id":3,"x":"稿"}'],
      garbage: false,
    });
  });

  it('stops at the first message that is not a JSON object', async () => {
    expect(await messages([Buffer.from('{"id":1}\0null\0{"id":2}\0')])).toEqual({ got: ['{"id":1}'], garbage: true });
  });
});

describe.skipIf(!hasBrowser())('Chromium killed while printing', () => {
  it('is reported in Chinese, exit 1; nothing of the build is left', async () => {
    const out = join(dir, 'out-killed');
    const run = startTongbao(['report', '--quarter', 'Q2', '--config', 'test/fixtures/mini/tongbao.config.yaml', '--data', 'test/fixtures/mini/data', '--out', out], {
      TONGBAO_TEST_PAUSE: 'print',
    });
    await run.pausedAt('print');
    for (const pid of browsersOf(run.pid)) process.kill(pid, 'SIGKILL');
    await waitFor(() => browsersOf(run.pid).length === 0, 'the browser to die');
    run.child.kill('SIGUSR2'); // go on printing
    const result = await run.done;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('错误：浏览器在生成 PDF 时意外退出（被信号 SIGKILL 结束）');
    expect(result.stderr).not.toMatch(ENGLISH_INTERNALS);
    expect(entries(out)).toEqual([]);
    expect([...entries(tmpdir(), `tongbao-browser-${run.pid}-`), ...entries('/tmp', `tongbao-browser-${run.pid}-`)]).toEqual([]);
  }, 120_000);
});
