// A hook for tests only: TONGBAO_TEST_PAUSE=<stage> stops a build at that stage and says so on
// stderr ("TONGBAO_PAUSED <stage> <pid>"), so that a test can kill it there without guessing timings.
import { writeSync } from 'node:fs';

export type Stage = 'render' | 'print' | 'stamp' | 'swap';

const LIMIT_MS = 120_000;

function announce(stage: Stage): boolean {
  if (process.env.TONGBAO_TEST_PAUSE !== stage) return false;
  writeSync(2, `TONGBAO_PAUSED ${stage} ${process.pid}\n`);
  return true;
}

/** Waits at `stage` until SIGUSR2 (or two minutes) when a test asked for it; the event loop keeps running. */
export async function pauseForTest(stage: Stage): Promise<void> {
  if (!announce(stage)) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, LIMIT_MS);
    process.once('SIGUSR2', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** The same inside synchronous code (the swap), which nothing can interrupt but a kill. */
export function pauseForTestSync(stage: Stage): void {
  if (announce(stage)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, LIMIT_MS);
}
