// Issue 12 (incremental): a return whose bytes have not changed is taken from the cache, and nothing
// else is. The mini data is read into a cache folder of the test's own; then one return is edited in
// place (same name, same size, same modification time: only its bytes say it changed), one renamed,
// the config changed, and the cache's entries damaged — each time the result must equal a reading
// without any cache.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { ingestData } from '../../src/ingest/dataset.js';
import { type FileReading, cachedReading, storeReading } from '../../src/ingest/readings.js';
import { resetCache, settleCacheWrites } from '../../src/system/cache.js';
import type { Observation } from '../../src/types.js';

const root = mkdtempSync(join(tmpdir(), 'tongbao-cache-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const MARCH = { year: 2023, month: 3 };
const RETURN = '2023/03/科工局2023年3月报表.xlsx';

let dir: string;
let cacheDir: string;
const runCache = process.env.TONGBAO_CACHE_DIR;
beforeEach(() => {
  dir = mkdtempSync(join(root, 'case-'));
  cpSync('test/fixtures/mini', dir, { recursive: true });
  cacheDir = join(dir, 'cache');
  process.env.TONGBAO_CACHE_DIR = cacheDir;
  resetCache();
});
afterEach(() => {
  restore('TONGBAO_CACHE_DIR', runCache);
  resetCache();
});

const data = () => join(dir, 'data');
async function read() {
  const reading = await ingestData(data(), loadConfig(join(dir, 'tongbao.config.yaml')), MARCH, 2023);
  await settleCacheWrites(); // entries are written in the background
  return reading;
}

/** The same reading with no cache at all. */
async function uncached() {
  const saved = process.env.TONGBAO_CACHE_DIR;
  process.env.TONGBAO_CACHE_DIR = join(dir, `fresh-${Math.random()}`);
  resetCache();
  try {
    return await read();
  } finally {
    restore('TONGBAO_CACHE_DIR', saved);
    resetCache();
  }
}

function entries(): string[] {
  try {
    return (readdirSync(join(cacheDir, 'readings'), { recursive: true }) as string[]).filter((f) => statSync(join(cacheDir, 'readings', f)).isFile());
  } catch {
    return [];
  }
}

/** The value of 规上工业总产值 (E6 of the March return, 35.67 亿元 in the fixture). */
function output(observations: readonly Observation[]): Observation | undefined {
  return observations.find((o) => o.indicator === 'industry_output' && o.measure === 'value' && o.period.month === 3 && o.source.cell === 'E6');
}

/** Rewrites the return with its worksheet changed by `edit`, every part stored (not deflated), so that an edit of equal length keeps the file's size. */
function rewrite(file: string, edit: (sheet: string) => string): void {
  const parts = unzipSync(readFileSync(file));
  parts['xl/worksheets/sheet1.xml'] = strToU8(edit(strFromU8(parts['xl/worksheets/sheet1.xml']!)));
  writeFileSync(file, zipSync(parts, { level: 0, mtime: new Date('2023-04-08T00:00:00Z') }));
}

/** An entry as the cache writes it: the SHA-256 of the value, then the value. */
function withChecksum(value: string): Buffer {
  return Buffer.concat([createHash('sha256').update(value).digest(), Buffer.from(value)]);
}

describe('the reading cache', () => {
  it('a second reading comes from the cache, equal to the first', async () => {
    const first = await read();
    const stored = entries();
    expect(stored).toHaveLength(first.dataset.files.length); // one entry per file read (11 in the mini data)
    expect(await read()).toEqual(first);
    expect(entries()).toEqual(stored); // nothing new was parsed and stored
  });

  it('a return edited in place (same name, size and time) is read again: the new value appears', async () => {
    const file = join(data(), RETURN);
    const time = new Date('2023-04-08T09:00:00Z');
    rewrite(file, (sheet) => sheet); // stored parts: the edit below keeps the size
    utimesSync(file, time, time);
    const before = statSync(file);
    expect(output((await read()).dataset.observations)?.value).toBe(35.67);

    rewrite(file, (sheet) => sheet.replace('<c r="E6" s="8"><v>35.67</v>', '<c r="E6" s="8"><v>35.68</v>'));
    utimesSync(file, time, time);
    expect(statSync(file).size).toBe(before.size);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);

    const after = await read();
    expect(output(after.dataset.observations)?.value).toBe(35.68);
    expect(after).toEqual(await uncached());
  });

  it('a renamed return is read under its new name: no source names the old one', async () => {
    await read();
    const renamed = '2023/03/科技和工业局2023年3月报表.xlsx';
    renameSync(join(data(), RETURN), join(data(), renamed));
    const after = await read();
    const text = JSON.stringify(after);
    expect(text).not.toContain(RETURN);
    expect(output(after.dataset.observations)?.source.file).toBe(renamed);
    expect(after.dataset.files).toContain(renamed);
    expect(after).toEqual(await uncached());
  });

  it('a config change that affects reading is read again (a catalogue name that no longer matches)', async () => {
    expect(output((await read()).dataset.observations)).toBeDefined();
    const config = join(dir, 'tongbao.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('aliases: [规模以上工业总产值]', 'aliases: []'));
    const after = await read();
    expect(output(after.dataset.observations)).toBeUndefined();
    expect(after).toEqual(await uncached());
  });

  it('damaged entries are ignored, never trusted: changed bytes, cut short, emptied, or not the right JSON', async () => {
    const first = await read();
    const files = entries().map((f) => join(cacheDir, 'readings', f));
    const damage = [
      (bytes: Buffer) => Buffer.concat([bytes.subarray(0, bytes.length - 3), Buffer.from('9}}')]), // a changed value
      (bytes: Buffer) => bytes.subarray(0, bytes.length >> 1), // cut short
      () => Buffer.alloc(0), // emptied
      (bytes: Buffer) => Buffer.concat([bytes.subarray(0, 32), Buffer.from('{"observations":1}')]), // old checksum, other content
      () => withChecksum('{"observations":1,"targets":[]}'), // intact, but not a reading
      () => withChecksum('[]'),
    ];
    files.forEach((file, i) => writeFileSync(file, damage[i % damage.length]!(readFileSync(file))));
    expect(await read()).toEqual(first);
  });
});

describe('a stored reading', () => {
  const reading: FileReading = {
    observations: [{ indicator: 'gdp', area: '云溪区', period: { year: 2023, month: 3, span: 'ytd' }, measure: 'growth', value: 4.6, unit: '%', source: { file: 'x.xlsx', sheet: 'Sheet1', cell: 'F4' } }],
    targets: [],
    projects: [],
    findings: [{ level: 'warning', kind: 'hiddenRow', message: '第5行是隐藏行', source: { file: 'x.xlsx', sheet: 'Sheet1' } }],
  };

  it('comes back as it was stored: numbers, sources and findings (the tables were audited when read)', async () => {
    storeReading('k1', reading);
    await settleCacheWrites();
    expect(cachedReading('k1')).toEqual(reading);
  });
});

/** Puts an environment variable back as it was (absent when it was). */
function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

describe('表内审核 on a cached reading', () => {
  it('gives the same findings from the cache as from the file (part exceeds whole)', async () => {
    // test/fixtures/returns/part-exceeds-whole.xlsx: 网上零售额 (其中) above 限上零售业零售额
    cpSync('test/fixtures/returns/part-exceeds-whole.xlsx', join(data(), '2023/03/商务局2023年1—3月限上商贸数据.xlsx'));
    const first = await read();
    const second = await read();
    const audit = (r: Awaited<ReturnType<typeof read>>) => r.findings.filter((f) => f.kind === 'partExceedsWhole').map((f) => `${f.source?.cell} ${f.message}`);
    expect(audit(first)).toHaveLength(1);
    expect(audit(second)).toEqual(audit(first));
    expect(entries().length).toBeGreaterThan(0);
  });
});
