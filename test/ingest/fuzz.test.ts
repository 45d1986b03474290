// Bounded fuzz (#5 item 7): thousands of byte- and cell-level mutations of valid returns, each
// ending in a result or a typed UserError — no crash, no hang. The hang guard is per case and
// starts when the worker says a case has started (never while the worker is still loading), and
// it is generous: a case takes milliseconds, a hang never ends, so a loaded machine cannot trip it.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { FuzzMessage } from './fuzz.worker.js';

// FUZZ_SEED / FUZZ_COUNT explore further by hand; the committed run is fixed.
const COUNT = Number(process.env.FUZZ_COUNT ?? 2500);
const SEED = process.env.FUZZ_SEED ?? 'tongbao-issue-5';
const PER_CASE_MS = 30_000;

interface Summary {
  readonly outcomes: Record<string, number>;
  readonly crashes: readonly string[];
  readonly ms: number;
}

// The worker loads TypeScript through tsx's API (a --import flag does not reach worker threads).
const ENTRY = JSON.stringify(new URL('./fuzz.worker.ts', import.meta.url).href);
const FUZZ_WORKER = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${ENTRY}, ${ENTRY}))`;

function runFuzz(code = FUZZ_WORKER, perCaseMs = PER_CASE_MS): Promise<Summary> {
  const started = performance.now();
  const worker = new Worker(code, { eval: true, workerData: { seed: SEED, count: COUNT } });
  return new Promise((resolve, reject) => {
    let current = 'before the first case';
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void worker.terminate();
        reject(new Error(`hang: case ${current} ran longer than ${perCaseMs} ms (seed ${SEED})`));
      }, perCaseMs);
    };
    worker.on('message', (message: FuzzMessage) => {
      if (message.type === 'start') {
        current = `#${message.index} ${message.label}`;
        arm();
        return;
      }
      clearTimeout(timer);
      void worker.terminate();
      resolve({ outcomes: message.outcomes!, crashes: message.crashes!, ms: performance.now() - started });
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`worker crashed at ${current}: ${error.message}`));
    });
  });
}

describe('fuzzing the reader', () => {
  it(`${COUNT} mutated returns each end in a result or a UserError`, async () => {
    const summary = await runFuzz();
    console.log(`fuzz: ${COUNT} cases in ${Math.round(summary.ms)} ms`, summary.outcomes);
    expect(summary.crashes).toEqual([]);
    expect(summary.outcomes.result! + summary.outcomes.userError!).toBe(COUNT);
    expect(summary.outcomes.result).toBeGreaterThan(100); // the mutations are not all fatal
    expect(summary.outcomes.userError).toBeGreaterThan(100);
  }, 120_000);

  it('the hang guard stops a case that never ends, and only from the moment it started', async () => {
    // Loads slowly (busy 0.6 s before its first case, longer than the guard), then hangs in case #0.
    // (Both loops spin a core: kept short, the guard short too; a slower machine only waits longer.)
    const code = `const { parentPort } = require('node:worker_threads');
      const until = Date.now() + 600; while (Date.now() < until);
      parentPort.postMessage({ type: 'start', index: 0, label: 'endless' });
      for (;;);`;
    await expect(runFuzz(code, 250)).rejects.toThrow(`hang: case #0 endless ran longer than 250 ms (seed ${SEED})`);
  }, 30_000);
});
