// What reading one data file gives (its numbers, targets or projects, and what was wrong
// with it), kept in the cache (src/system/cache.ts) so that a return whose bytes have not changed
// since the last build is not parsed again. The key holds everything the reading depends on: the
// file's bytes (SHA-256), its path in the data folder (its sources name it, and its folder gives
// its month), the whole validated config (bureaus, catalogue, aliases, units), and tongbao's build.
// An edit, a rename or a config change is therefore a new key; a file that cannot be read is never
// cached (its error is found again each time).
import type { Config } from '../config/config.js';
import { cacheKey, openCache, sha256 } from '../system/cache.js';
import type { CheckFinding, Observation, Project, Target } from '../types.js';

/** A file's numbers and what is wrong with it (表内审核 included): plain data, as JSON keeps it. */
export interface FileReading {
  readonly observations: readonly Observation[];
  readonly targets: readonly Target[];
  readonly projects: readonly Project[];
  readonly findings: readonly CheckFinding[];
}

const KIND = 'readings';
const configDigests = new WeakMap<Config, string>();

function configDigest(config: Config): string {
  let digest = configDigests.get(config);
  if (digest === undefined) {
    digest = sha256(JSON.stringify(config));
    configDigests.set(config, digest);
  }
  return digest;
}

export function readingKey(bytes: Uint8Array, file: string, config: Config): string {
  return cacheKey('reading', sha256(bytes), file, configDigest(config));
}

/** The reading stored under `key`, if any (an entry that does not decode counts as none). */
export function cachedReading(key: string): FileReading | undefined {
  const bytes = openCache().get(KIND, key);
  if (!bytes) return undefined;
  try {
    const reading = JSON.parse(bytes.toString('utf8')) as FileReading;
    return FIELDS.every((field) => Array.isArray(reading?.[field])) ? reading : undefined;
  } catch {
    return undefined;
  }
}

const FIELDS = ['observations', 'targets', 'projects', 'findings'] as const;

/** A reading holds plain data only (no dates, no sets: tables are audited as they are read, not kept). */
export function storeReading(key: string, reading: FileReading): void {
  openCache().set(KIND, key, Buffer.from(JSON.stringify(reading), 'utf8'));
}
