// A hook for tests only: TONGBAO_TEST_PAUSE=<stage> stops a build at that stage and says so on
// stderr ("TONGBAO_PAUSED <stage> <pid>"), so that a test can kill it there without guessing timings.
import { writeSync } from 'node:fs';

export type Stage = 'render' | 'print' | 'stamp' | 'swap';

const LIMIT_MS = 120_000;

const pausesAt = (stage: Stage) => process.env.TONGBAO_TEST_PAUSE === stage;

function announce(stage: Stage): void {
  writeSync(2, `TONGBAO_PAUSED ${stage} ${process.pid}\n`);
}

/** Waits at `stage` until SIGUSR2 (or two minutes) when a test asked for it; the event loop keeps running. */
export async function pauseForTest(stage: Stage): Promise<void> {
  if (!pausesAt(stage)) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, LIMIT_MS);
    process.once('SIGUSR2', () => {
      clearTimeout(timer);
      resolve();
    });
    // Only now: a test may send the signal the moment it reads this line, and a SIGUSR2 that
    // nothing listens to ends the process (on a loaded machine the line and the signal can both
    // come before the next statement after the line).
    announce(stage);
  });
}

/** The same inside synchronous code (the swap), which nothing can interrupt but a kill. */
export function pauseForTestSync(stage: Stage): void {
  if (!pausesAt(stage)) return;
  announce(stage);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, LIMIT_MS);
}
