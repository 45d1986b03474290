// Running the built command (node bin/tongbao.mjs) as a process that a test can stop at a named stage
// (TONGBAO_TEST_PAUSE), kill, or let go on; waiting for conditions with a generous guard instead of
// sleeping; and the browser processes a build started.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { findBrowser } from '../../src/render/pdf/browser.js';
import { isAlive, processesWithOption } from '../../src/system/processes.js';

export interface Run {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Resolves once the build announces it has stopped at `stage`; rejects if it ends first. */
  pausedAt(stage: string): Promise<void>;
  readonly done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

const started = new Set<ChildProcess>();

/** For afterAll: kills the runs still going (a failed test may leave one paused). */
export function killRunsLeft(): void {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export function startTongbao(args: readonly string[], env: NodeJS.ProcessEnv = {}): Run {
  const child = spawn(process.execPath, ['bin/tongbao.mjs', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const done = new Promise<Awaited<Run['done']>>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  const pausedAt = (stage: string) =>
    new Promise<void>((resolve, reject) => {
      const look = () => {
        if (stderr.includes(`TONGBAO_PAUSED ${stage} `)) resolve();
        else if (child.exitCode !== null || child.signalCode !== null) reject(new Error(`tongbao ended before ${stage}: ${stderr}`));
        else setTimeout(look, 20);
      };
      look();
    });
  return { child, pid: child.pid!, pausedAt, done };
}

/** Polls `condition` every 50 ms; fails after `guardMs` (generous: the machine may be loaded). */
export async function waitFor(condition: () => boolean, what: string, guardMs = 30_000): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > guardMs) throw new Error(`still waiting after ${guardMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The browser processes of the build with process id `pid`: their folders are named after it. */
export function browsersOf(pid: number): number[] {
  return processesWithOption(`/tongbao-browser-${pid}-`).filter(isAlive);
}

/** Entries of a folder whose names start with `prefix`. */
export function entries(dir: string, prefix = ''): string[] {
  try {
    return readdirSync(dir).filter((name) => name.startsWith(prefix));
  } catch {
    return [];
  }
}

/** Whether this machine has a browser to print with (tests that need one skip otherwise). */
export function hasBrowser(): boolean {
  try {
    return findBrowser() !== '';
  } catch {
    return false;
  }
}
