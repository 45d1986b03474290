// A CommonJS bundle run with the code V8 compiled for it in an earlier run (Node 22 keeps that
// for every module with module.enableCompileCache; Node 20 has no such cache, and ES modules
// cannot be given one). Used for what a rebuild runs once in a fresh process — the .xlsx reader
// when one return has changed — where compiling the code costs as much as running it.
//
// The stored code is an entry of the cache (src/system/cache.ts), keyed by the bundle's bytes and
// the Node version; V8 checks it against the source and its own version and flags, and ignores it
// when they differ (the bundle is then compiled as usual and the entry written again).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { cacheKey, openCache, sha256 } from './cache.js';

export interface Compiled<T> {
  readonly exports: T;
  /** True when V8 took the code stored by an earlier run. */
  readonly fromCache: boolean;
  /** Stores the code compiled so far: call it after the first use, so that the functions that ran are in it too. */
  keep(): void;
}

const KIND = 'v8-code';

/** Runs the bundle `file`; its require() gets `provided[id]` for the ids named there, Node's require otherwise. */
export function loadCompiled<T>(file: string, provided: Readonly<Record<string, unknown>> = {}): Compiled<T> {
  const source = readFileSync(file, 'utf8');
  const key = cacheKey(KIND, sha256(source), process.version, process.arch);
  const cache = openCache();
  const stored = cache.get(KIND, key);
  const script = new Script(`(function (exports, require, module, __filename) {${source}\n})`, { filename: file, ...(stored ? { cachedData: stored } : {}) });
  const fromCache = stored !== undefined && !script.cachedDataRejected;
  const nodeRequire = createRequire(file);
  const module = { exports: {} as T };
  const run = script.runInThisContext() as (exports: T, require: (id: string) => unknown, module: { exports: T }, filename: string) => void;
  run(module.exports, (id) => (Object.hasOwn(provided, id) ? provided[id] : nodeRequire(id)), module, file);
  let kept = fromCache;
  return {
    exports: module.exports,
    fromCache,
    keep() {
      if (kept) return;
      kept = true;
      cache.set(KIND, key, script.createCachedData());
    },
  };
}

/** The same for a script bin/build.mjs writes beside the bundle's chunks (dist/xlsx-reader.cjs, dist/echarts.cjs). */
export function loadBundled<T>(name: string, provided: Readonly<Record<string, unknown>> = {}): Compiled<T> {
  return loadCompiled<T>(fileURLToPath(new URL(`./${name}`, import.meta.url)), provided);
}
