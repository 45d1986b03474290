// A CommonJS bundle run with the code V8 compiled for it in an earlier run (src/system/compiled.ts):
// the stored code is taken when it fits, and a damaged or outdated entry is never used — the
// script then simply compiles again. Through the built command, the .xlsx reader is such a script.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { settleCacheWrites } from '../../src/system/cache.js';
import { loadCompiled } from '../../src/system/compiled.js';
import { useOwnCache } from '../helpers/cache.js';

useOwnCache();
const dir = mkdtempSync(join(tmpdir(), 'tongbao-compiled-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Sums {
  sum(values: readonly number[]): number;
  refuse(): never;
}

const SOURCE = `
const { DataError } = require('tongbao:errors');
const { join } = require('node:path');
exports.sum = (values) => values.reduce((total, value) => total + value, 0);
exports.refuse = () => { throw new DataError('不是报表', { file: join('2023', 'a.xlsx') }); };
`;

function stored(): string[] {
  const dir = join(process.env.TONGBAO_CACHE_DIR!, 'v8-code');
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The script written to a file of a new name: V8 keeps what this process compiled by source and
 * name, and would not even look at stored code for a script it has seen — a new process has seen none.
 */
let copies = 0;
function script(source = SOURCE): string {
  const file = join(dir, `sums-${++copies}.cjs`);
  writeFileSync(file, source);
  return file;
}

describe('a script run with its stored compiled code', () => {

  it('runs, gets the modules it is given, and takes the stored code the second time', async () => {
    const first = loadCompiled<Sums>(script(), { 'tongbao:errors': { DataError } });
    expect(first.fromCache).toBe(false);
    expect(first.exports.sum([1.5, 2.25, 3])).toBe(6.75);
    // Its errors are this program's own classes.
    expect(() => first.exports.refuse()).toThrow(DataError);
    first.keep();
    await settleCacheWrites();
    expect(stored()).toHaveLength(1);

    const second = loadCompiled<Sums>(script(), { 'tongbao:errors': { DataError } });
    expect(second.fromCache).toBe(true);
    expect(second.exports.sum([4, 5])).toBe(9);
  });

  it('compiles again when the stored code is damaged, is not what V8 made, or the script has changed', async () => {
    const [entry] = stored();
    const bytes = readFileSync(entry!);
    bytes[bytes.length - 100]! ^= 0xff;
    writeFileSync(entry!, bytes);
    const damaged = loadCompiled<Sums>(script(), { 'tongbao:errors': { DataError } });
    expect(damaged.fromCache).toBe(false);
    expect(damaged.exports.sum([1, 2])).toBe(3);
    damaged.keep();
    await settleCacheWrites();
    expect(loadCompiled<Sums>(script(), { 'tongbao:errors': { DataError } }).fromCache).toBe(true);

    // An intact entry (its digest matches) whose bytes are not code V8 made for this script.
    const foreign = Buffer.from('not compiled code, though stored whole'.repeat(40));
    writeFileSync(entry!, Buffer.concat([createHash('sha256').update(foreign).digest(), foreign]));
    const rejected = loadCompiled<Sums>(script(), { 'tongbao:errors': { DataError } });
    expect(rejected.fromCache).toBe(false);
    expect(rejected.exports.sum([2, 3])).toBe(5);

    const changed = loadCompiled<Sums>(script(SOURCE.replace('total + value', 'total + 2 * value')), { 'tongbao:errors': { DataError } });
    expect(changed.fromCache).toBe(false);
    expect(changed.exports.sum([1, 2])).toBe(6);
  });
});
