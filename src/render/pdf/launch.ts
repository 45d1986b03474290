// Starting the browser ourselves, so that its whole life is ours to end:
// - it talks over a pipe (fds 3/4): when the build dies, even by SIGKILL, the pipe closes and
//   Chromium exits (checked on Linux: gone within a second);
// - it leads its own process group, and all it writes (profile, temp files, crash reports) is
//   under one temp folder named after the build's process id, so that closing can wait until no
//   process uses that folder before removing it, and the next build can remove the folder of a
//   build that died (and kill whatever still uses it);
// - its exit and anything it says that is not the DevTools protocol are seen, so that a browser
//   that quits, talks nonsense or hangs is reported in Chinese, not as protocol internals.
// Starting it (startBrowser) needs nothing but Node, so the command can do it first thing and let
// the browser boot while the rest of the program loads and reads the data.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { onInterrupt } from '../../system/interrupt.js';
import { isAlive, killAll, processesUsing } from '../../system/processes.js';
import { Connection, ProtocolTimeout } from './cdp.js';
import { BrowserPipe } from './pipe.js';
import { listDir } from '../../system/listDir.js';

/** A browser process just started: its pipe is open, it may not be ready to answer yet. */
export interface StartedBrowser {
  readonly executablePath: string;
  readonly connection: Connection;
  /** Why the browser stopped being usable, if it did: it exited, or talked nonsense. */
  trouble(): Trouble | undefined;
  /** What it printed last (its stderr), for --debug. */
  output(): string;
  /** When the pipe has closed, waits (a little) until the browser's exit is seen too. */
  settle(): Promise<void>;
  /** Closes the browser, waits until none of its processes is left, removes its temp folder. */
  close(): Promise<void>;
}

/** A browser that has answered: ready to print. */
export interface BrowserProcess extends StartedBrowser {
  /** As the browser reports it, e.g. "HeadlessChrome/131.0.6778.204". */
  readonly product: string;
}

export type Trouble =
  | { readonly kind: 'exited'; readonly code: number | null; readonly signal: string | null }
  | { readonly kind: 'garbage' }
  | { readonly kind: 'cannotRun'; readonly code: string };

/** Why the browser did not start; the message holds the end of what it printed (shown with --debug). */
export class LaunchError extends Error {
  constructor(
    readonly trouble: Trouble | 'timeout' | undefined,
    output: string,
    options: { cause: unknown },
  ) {
    super(`the browser did not start${output ? `; it printed:\n${output}` : ''}`, options);
  }
}

/** How long the browser may take to start, and to answer any one request while printing. */
export const BROWSER_TIMEOUT_MS = 30_000;

const PREFIX = 'tongbao-browser-';

/** Waits for the browser to close of itself before killing it, and for its processes to go. */
const GRACE_MS = 5_000;

/** Spawns the browser; `timeoutMs` bounds each call made to it later. */
export function startBrowser(executablePath: string, timeoutMs: number): StartedBrowser {
  removeStaleTempDirs();
  const tempDir = mkdtempSync(join(tempBase(), `${PREFIX}${process.pid}-`));
  const child = spawnBrowser(executablePath, tempDir);
  const watch = watchProcess(child);
  const forget = onInterrupt(() => {
    killGroup(child);
    removeUsedFolderNow(tempDir);
  });
  const pipe = new BrowserPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
  const connection = new Connection(pipe, timeoutMs);
  let closing: Promise<void> | undefined;
  return {
    executablePath,
    connection,
    trouble: () => watch.spawnError ?? (pipe.garbage ? { kind: 'garbage' } : watch.exit),
    output: () => watch.output(),
    settle: async () => {
      if (pipe.closed) await withDeadline(watch.exited, GRACE_MS).catch(() => undefined);
    },
    close: () =>
      (closing ??= (async () => {
        forget();
        await shutDown(connection, child, watch.exited, tempDir);
      })()),
  };
}

/** Waits until the browser answers (within its time limit); a browser that does not is closed. */
export async function launchBrowser(started: StartedBrowser): Promise<BrowserProcess> {
  try {
    // Its first answer: the call's own time limit is the launch's.
    const { product } = await started.connection.send<{ product: string }>('Browser.getVersion');
    return { ...started, product };
  } catch (error) {
    await started.close(); // after which its exit, if it exited of itself, is known
    const why = error instanceof ProtocolTimeout ? 'timeout' : started.trouble();
    throw new LaunchError(why, started.output(), { cause: error });
  }
}

/** The flags puppeteer-core 24 starts a headless shell with, and ours (same profile folder layout). */
function browserArgs(profileDir: string): string[] {
  return [
    '--allow-pre-commit-input',
    '--disable-background-networking',
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--disable-breakpad',
    '--disable-client-side-phishing-detection',
    '--disable-component-extensions-with-background-pages',
    '--disable-crash-reporter',
    '--disable-default-apps',
    '--disable-dev-shm-usage',
    '--disable-hang-monitor',
    '--disable-infobars',
    '--disable-ipc-flooding-protection',
    '--disable-popup-blocking',
    '--disable-prompt-on-repost',
    '--disable-renderer-backgrounding',
    '--disable-search-engine-choice-screen',
    '--disable-sync',
    '--enable-automation',
    '--export-tagged-pdf',
    '--force-color-profile=srgb',
    '--generate-pdf-document-outline',
    '--metrics-recording-only',
    '--no-first-run',
    '--password-store=basic',
    '--use-mock-keychain',
    '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
    '--enable-features=PdfOopif',
    `--user-data-dir=${profileDir}`,
    '--headless',
    '--hide-scrollbars',
    '--mute-audio',
    '--disable-extensions',
    'about:blank',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--remote-debugging-pipe',
  ];
}

function spawnBrowser(executablePath: string, tempDir: string): ChildProcess {
  const dirs = { config: join(tempDir, 'config'), cache: join(tempDir, 'cache'), profile: join(tempDir, 'profile') };
  for (const dir of Object.values(dirs)) mkdirSync(dir);
  // Chromium also writes to the temp folder, ~/.config and ~/.cache, not only to --user-data-dir.
  const env = { ...process.env, TMPDIR: tempDir, TMP: tempDir, TEMP: tempDir, XDG_CONFIG_HOME: dirs.config, XDG_CACHE_HOME: dirs.cache };
  return spawn(executablePath, browserArgs(dirs.profile), { detached: process.platform !== 'win32', env, stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
}

interface Watch {
  readonly spawnError?: Trouble;
  readonly exit?: Trouble;
  readonly exited: Promise<void>;
  /** The last lines the browser wrote to stderr. */
  output(): string;
}

function watchProcess(child: ChildProcess): Watch {
  const tail: string[] = [];
  // Read all of it, so that a talkative browser never blocks on a full pipe.
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    tail.push(...text.split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 20));
  });
  const watch: { -readonly [K in keyof Watch]: Watch[K] } = { exited: Promise.resolve(), output: () => tail.join('\n') };
  watch.exited = new Promise<void>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      watch.spawnError = { kind: 'cannotRun', code: error.code ?? 'unknown' };
      resolve();
    });
    child.once('exit', (code, signal) => {
      watch.exit = { kind: 'exited', code, signal };
      resolve();
    });
  });
  return watch;
}

async function shutDown(connection: Connection, child: ChildProcess, exited: Promise<void>, tempDir: string): Promise<void> {
  const running = () => child.exitCode === null && child.signalCode === null;
  if (running() && !connection.closed) await withDeadline(connection.send('Browser.close'), GRACE_MS).catch(() => undefined);
  if (running()) killGroup(child);
  connection.close();
  await withDeadline(exited, GRACE_MS).catch(() => undefined);
  await untilNoneUses(tempDir);
  // Never fails a build: a folder left behind is removed by the next build.
  await rm(tempDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
}

/**
 * On an interrupt, at once and synchronously: kills what still uses the folder (the crash handler
 * leads a process group of its own) and removes it; then looks again for a moment, until twice in
 * a row nothing uses it and it is gone. A crash handler forked as the browser was killed does not
 * name the folder yet, escapes the kill, and then writes its database there: once in a full test
 * run on a loaded machine, the folder was left after Ctrl-C.
 */
function removeUsedFolderNow(dir: string): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let quiet = 0, waited = 0; quiet < 2 && waited < INTERRUPT_GRACE_MS; waited += 50) {
    const users = processesUsing(dir);
    killAll(users);
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    } catch {
      // written to while being removed: the next look removes it
    }
    quiet = users.length === 0 && !existsSync(dir) ? quiet + 1 : 0;
    if (quiet < 2) Atomics.wait(pause, 0, 0, 50);
  }
}

/** How long Ctrl-C may wait for the browser's folder to stay gone. */
const INTERRUPT_GRACE_MS = 1_000;

/** Child processes (renderers, the crash handler) may outlive the browser by a moment. */
async function untilNoneUses(dir: string): Promise<void> {
  for (let waited = 0; waited < GRACE_MS; waited += 50) {
    if (processesUsing(dir).length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  killAll(processesUsing(dir));
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    if (process.platform === 'win32') execFileSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' });
    else process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

const DEADLINE = Symbol('deadline');

/** `promise`, or a rejection with DEADLINE after `ms`; the timer never keeps the process alive. */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(DEADLINE), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

// Chromium's ProcessSingleton binds a Unix socket at <TMPDIR>/org.chromium.Chromium.XXXXXX/SingletonSocket;
// a socket path holds at most 107 bytes on Linux (103 on macOS), else Chromium stops at once.
const SOCKET_PATH_MAX = process.platform === 'darwin' ? 103 : 107;
const SOCKET_SUFFIX = '/org.chromium.Chromium.XXXXXX/SingletonSocket';

/** The user's temp folder, or /tmp when its path is too long for the browser's socket. */
export function tempBase(base: string = tmpdir()): string {
  const longest = `${base}/${PREFIX}${'9'.repeat(7)}-XXXXXX${SOCKET_SUFFIX}`;
  if (process.platform === 'win32' || Buffer.byteLength(longest) <= SOCKET_PATH_MAX || !existsSync('/tmp')) return base;
  return '/tmp';
}

/** Legacy folders (no process id in the name) count as stale after this long. */
const LEGACY_STALE_MS = 60 * 60 * 1000;

/** Temp folders of builds that died: whatever still uses them is killed, then they are removed. */
export function removeStaleTempDirs(): void {
  for (const base of new Set([tmpdir(), tempBase()])) {
    for (const entry of listDir(base)) {
      const dir = join(base, entry);
      if (!entry.startsWith(PREFIX) || !isStale(entry, dir)) continue;
      killAll(processesUsing(dir));
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
      } catch {
        // still busy: the next build tries again
      }
    }
  }
}

function isStale(entry: string, dir: string): boolean {
  const owner = /^tongbao-browser-(\d+)-/.exec(entry);
  try {
    if (owner) return Number(owner[1]) !== process.pid && !isAlive(Number(owner[1]));
    return Date.now() - statSync(dir).mtimeMs > LEGACY_STALE_MS;
  } catch {
    return false;
  }
}

