// The test run shares one cache folder (test/setup/build.ts). A test file that must see the work
// done, not its cached result (a reader that cannot start, say), uses a folder of its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { resetCache } from '../../src/system/cache.js';

/** For the tests of the calling file: an empty cache folder, the run's own put back afterwards. */
export function useOwnCache(): void {
  const shared = process.env.TONGBAO_CACHE_DIR;
  let dir: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tongbao-own-cache-'));
    process.env.TONGBAO_CACHE_DIR = dir;
    resetCache();
  });
  afterAll(() => {
    if (shared === undefined) delete process.env.TONGBAO_CACHE_DIR;
    else process.env.TONGBAO_CACHE_DIR = shared;
    resetCache();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
}
