// What `npm run setup` leaves in the cache for the first report (node dist/prepare.js, built): the
// default templates compiled, each configuration of the project and the default seasons.yaml checked,
// the chart code compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { districtNames } from '../../src/cli/districts.js';

const dir = mkdtempSync(join(tmpdir(), 'tongbao-prepare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Entries of one kind in the cache folder (each under a two-letter folder of its key). */
function entries(kind: string): string[] {
  const root = join(dir, kind);
  return existsSync(root) ? readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name) : [];
}

describe('setup’s preparation (dist/prepare.js)', () => {
  it('compiles the templates and the chart code, and checks the configurations and seasons.yaml, into the cache', () => {
    // The fonts decoded by this machine's setup are shared (decoding them again takes seconds).
    symlinkSync(join(process.env.TONGBAO_CACHE_DIR!, 'fonts'), join(dir, 'fonts'));
    const run = spawnSync(process.execPath, ['dist/prepare.js'], { encoding: 'utf8', env: { ...process.env, TONGBAO_CACHE_DIR: dir } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(entries('templates').length).toBeGreaterThan(10);
    // tongbao.config.yaml and one per districts/<name>/ (东湖区 in this repository).
    expect(districtNames()).toEqual(['东湖区']);
    expect(entries('config')).toHaveLength(2);
    expect(entries('seasons')).toHaveLength(1);
    // dist/echarts.cjs as V8 compiled it, after drawing one chart of each kind.
    expect(entries('v8-code')).toHaveLength(1);
    expect(entries('charts')).toHaveLength(2);
  });
});
