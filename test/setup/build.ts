// Before any test: dist/ is bundled once, so tests that run the built command (node
// bin/tongbao.mjs) never build it themselves, several at a time. And the run gets a cache folder of
// its own (empty, so that a first run and a repeated one behave alike), keyed by the hash of the
// sources as the bundle is: what one test computes (a template compiled, a return read, a chart)
// another reuses, in-process and in the commands tests start. The decoded fonts setup made are
// shared, not decoded again. Tests of the cache itself use folders of their own.
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildId, ensureBuilt, root } from '../../bin/build.mjs';

export default async function setup(): Promise<() => void> {
  if (!(await ensureBuilt())) throw new Error('esbuild failed to build dist/');
  const dir = mkdtempSync(join(tmpdir(), 'tongbao-test-cache-'));
  const fonts = join(root, 'node_modules', '.cache', 'tongbao', 'fonts');
  if (existsSync(fonts)) symlinkSync(fonts, join(dir, 'fonts'));
  process.env.TONGBAO_CACHE_DIR = dir;
  process.env.TONGBAO_SOURCES_BUILD = buildId();
  // Retried: a worker may still be writing its last cache entries as the run ends (ENOTEMPTY).
  return () => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}
