// A content-addressed cache of what tongbao derives from its inputs and from npm packages: returns
// already read, compiled templates, charts, font subsets. An entry is found by the SHA-256 of
// everything its value depends on — the input's bytes, the build of tongbao (a hash of its
// sources and locked packages, so a new version never reads an old entry) and whatever else the
// caller names — so an edited or renamed input simply misses. Each entry carries the SHA-256 of
// its value and is used only when it matches: a damaged entry is ignored and written again.
//
// Where: node_modules/.cache/tongbao/ beside the installed packages (CI can keep it between runs),
// or $TONGBAO_CACHE_DIR. Never inside data/. Running from the TypeScript sources (tests), there is
// no build to key on, so that cache is off unless TONGBAO_CACHE_DIR names a folder; what is derived
// from npm packages alone (a font decoded) is keyed by the packages' versions and always kept.
// Reading or writing the cache never fails a build: on any error the value is computed anew.
import { createHash, hash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

declare const __TONGBAO_BUILD__: string | undefined;

/**
 * The build's identity (set by bin/build.mjs). Running from src/, it is "sources" (no cache), or
 * $TONGBAO_SOURCES_BUILD: the test setup sets it to the same hash of the sources for a test run.
 */
export const BUILD_ID: string = typeof __TONGBAO_BUILD__ === 'string' ? __TONGBAO_BUILD__ : process.env.TONGBAO_SOURCES_BUILD || 'sources';

/** True in the bundle bin/build.mjs makes (dist/), false running from the TypeScript sources. */
export const BUNDLED: boolean = typeof __TONGBAO_BUILD__ === 'string';

export interface Cache {
  /** The value stored under `key` in `kind`, if present and intact. */
  get(kind: string, key: string): Buffer | undefined;
  set(kind: string, key: string, value: Uint8Array): void;
}

const DIGEST = 32;

/** The SHA-256 (hex) of the build and the parts, each length-prefixed so that no two lists of parts collide. */
export function cacheKey(...parts: readonly (string | Uint8Array)[]): string {
  return packageKey(BUILD_ID, ...parts);
}

/** The same without the build: for what depends only on npm packages (name their versions in the parts). */
export function packageKey(...parts: readonly (string | Uint8Array)[]): string {
  const key = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    key.update(`${bytes.length}:`).update(bytes);
  }
  return key.digest('hex');
}

export function sha256(bytes: Uint8Array | string): string {
  return hash('sha256', bytes, 'hex');
}

/** The SHA-256 an entry carries (one call: a rebuild checks one entry per unchanged file). */
function digest(value: Uint8Array): Buffer {
  return hash('sha256', value, 'buffer');
}

class FolderCache implements Cache {
  constructor(readonly dir: string) {}

  get(kind: string, key: string): Buffer | undefined {
    const file = this.#path(kind, key);
    let entry: Buffer;
    try {
      entry = readFileSync(file);
    } catch {
      return undefined;
    }
    const value = entry.subarray(DIGEST);
    if (entry.length < DIGEST || !digest(value).equals(entry.subarray(0, DIGEST))) {
      rmSync(file, { force: true });
      return undefined;
    }
    return value;
  }

  set(kind: string, key: string, value: Uint8Array): void {
    const file = this.#path(kind, key);
    const entry = Buffer.concat([digest(value), value]);
    // Written in the background (the build does not wait for it), whole under a name of its own,
    // then renamed: a reader never sees half an entry.
    const partial = `${file}.${process.pid}.${++this.#written}.part`;
    const write = (async () => {
      try {
        await mkdir(dirname(file), { recursive: true });
        await writeFile(partial, entry);
        await rename(partial, file);
      } catch {
        await rm(partial, { force: true }).catch(() => undefined);
      }
    })();
    pending.add(write);
    void write.finally(() => pending.delete(write));
  }

  #written = 0;

  #path(kind: string, key: string): string {
    return join(this.dir, kind, key.slice(0, 2), key);
  }
}

const NO_CACHE: Cache = { get: () => undefined, set: () => undefined };

const pending = new Set<Promise<void>>();

/** Waits until every entry stored so far is on disk (the command does before it ends). */
export async function settleCacheWrites(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}

/** The cache folder: $TONGBAO_CACHE_DIR, else node_modules/.cache/tongbao of the project tongbao runs in. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.TONGBAO_CACHE_DIR) return env.TONGBAO_CACHE_DIR;
  // dist/ (the bundle) or src/system/ (the sources): the project is the nearest folder with node_modules.
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules', '.cache', 'tongbao');
  }
  return undefined;
}

let shared: { build: Cache; packages: Cache } | undefined;

function caches(): { build: Cache; packages: Cache } {
  if (!shared) {
    const dir = cacheDir();
    const buildKeyed = dir !== undefined && (BUILD_ID !== 'sources' || process.env.TONGBAO_CACHE_DIR !== undefined);
    // (From the sources with a folder named, entries are keyed by "sources" or the sources' hash.)
    shared = { build: buildKeyed ? new FolderCache(dir) : NO_CACHE, packages: dir ? new FolderCache(dir) : NO_CACHE };
  }
  return shared;
}

/** The process's cache of build-keyed entries (one that holds nothing when it is off). */
export function openCache(): Cache {
  return caches().build;
}

/** The cache of what depends on npm packages alone. */
export function openPackageCache(): Cache {
  return caches().packages;
}

/** For tests: forget the folder chosen, so that a changed $TONGBAO_CACHE_DIR applies. */
export function resetCache(): void {
  shared = undefined;
}

/** `compute()`, or the value cached under `key`; `encode`/`decode` turn it into bytes and back. */
export function cached<T>(kind: string, key: string, compute: () => T, encode: (value: T) => Uint8Array, decode: (bytes: Buffer) => T, cache: Cache = openCache()): T {
  const hit = cache.get(kind, key);
  if (hit) {
    try {
      return decode(hit);
    } catch {
      // An entry that does not decode is as good as absent.
    }
  }
  const value = compute();
  cache.set(kind, key, encode(value));
  return value;
}

/** The same for a value computed asynchronously. */
export async function cachedAsync<T>(kind: string, key: string, compute: () => Promise<T>, encode: (value: T) => Uint8Array, decode: (bytes: Buffer) => T): Promise<T> {
  const cache = openCache();
  const hit = cache.get(kind, key);
  if (hit) {
    try {
      return decode(hit);
    } catch {
      // as above
    }
  }
  const value = await compute();
  cache.set(kind, key, encode(value));
  return value;
}

/** JSON for cached values. */
export const json = {
  encode: (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value), 'utf8'),
  decode: <T>(bytes: Buffer): T => JSON.parse(bytes.toString('utf8')) as T,
};

/** Text for cached values. */
export const text = {
  encode: (value: string): Uint8Array => Buffer.from(value, 'utf8'),
  decode: (bytes: Buffer): string => bytes.toString('utf8'),
};

