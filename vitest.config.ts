import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import SlowestFirst from './test/setup/sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/build.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { TZ: 'Asia/Shanghai' },
    // Many tests wait on a command or a browser they started: one test file per core (vitest's own
    // default leaves a core free, which on 2 cores runs the files one at a time).
    maxWorkers: Math.max(2, availableParallelism()),
    // Test files share a worker's loaded modules (importing the sources again for every file cost
    // ≈12 s of a 2-core run). A test that changes shared state — process.env, the cache folder
    // (resetCache) — puts it back when it is done.
    isolate: false,
    sequence: { sequencer: SlowestFirst },
  },
});
