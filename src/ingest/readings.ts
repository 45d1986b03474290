// What reading one data file gives (its numbers, tables, targets or projects, and what was wrong
// with it), kept in the cache (src/system/cache.ts) so that a return whose bytes have not changed
// since the last build is not parsed again. The key holds everything the reading depends on: the
// file's bytes (SHA-256), its path in the data folder (its sources name it, and its folder gives
// its month), the whole validated config (bureaus, catalogue, aliases, units), and tongbao's build.
// An edit, a rename or a config change is therefore a new key; a file that cannot be read is never
// cached (its error is found again each time).
import type { Config } from '../config/config.js';
import { cacheKey, openCache, sha256 } from '../system/cache.js';
import type { CheckFinding, Observation, Project, Target } from '../types.js';
import type { Cell, Sheet } from './read/workbook.js';
import type { ParsedTable } from './table/parsedTable.js';

export interface FileReading {
  readonly observations: readonly Observation[];
  readonly targets: readonly Target[];
  readonly projects: readonly Project[];
  readonly tables: readonly ParsedTable[];
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
    const entry = JSON.parse(bytes.toString('utf8')) as Entry;
    const reading = entry?.reading;
    if (!FIELDS.every((field) => Array.isArray(reading?.[field]))) return undefined;
    // Every date and set written must be found where cells and sheets keep them, else the entry is not used.
    const revived = reviveTables(reading.tables);
    return revived.dates === entry.dates && revived.sets === entry.sets ? reading : undefined;
  } catch {
    return undefined;
  }
}

const FIELDS = ['observations', 'targets', 'projects', 'tables', 'findings'] as const;

/** A stored reading, with how many dates and sets it held (as tagged objects: JSON has neither). */
interface Entry {
  readonly dates: number;
  readonly sets: number;
  readonly reading: FileReading;
}

export function storeReading(key: string, reading: FileReading): void {
  const counts = { dates: 0, sets: 0 };
  const text = JSON.stringify(reading, function (this: Record<string, unknown>, field: string, value: unknown) {
    const raw = this[field];
    if (raw instanceof Date) return counts.dates++, { $date: raw.getTime() };
    if (raw instanceof Set) return counts.sets++, { $set: [...raw] };
    return value;
  });
  openCache().set(KIND, key, Buffer.from(`{"dates":${counts.dates},"sets":${counts.sets},"reading":${text}}`, 'utf8'));
}

/**
 * Dates and sets back in place. They occur only in the sheets the tables keep (cell values, merged
 * values, hidden rows) and the tables' preamble and footer cells: reviving those alone is several
 * times faster than a reviver over every value, and the counts above catch any elsewhere.
 */
function reviveTables(tables: readonly ParsedTable[]): { dates: number; sets: number } {
  const counts = { dates: 0, sets: 0 };
  const date = (value: unknown) => {
    if (typeof value !== 'object' || value === null || !('$date' in value)) return value;
    counts.dates++;
    return new Date((value as { $date: number }).$date);
  };
  const cell = (c: Cell) => Object.assign(c, { value: date(c.value), ...('spanned' in c ? { spanned: date(c.spanned) } : {}) });
  const sheets = new Set<Sheet>();
  for (const { table } of tables) {
    table.preamble.forEach(cell);
    table.footer.forEach(cell);
    sheets.add(table.sheet);
  }
  for (const sheet of sheets) {
    for (const row of sheet.rows) row.forEach(cell);
    const hidden = sheet.hiddenRows as unknown;
    if (typeof hidden === 'object' && hidden !== null && '$set' in hidden) {
      counts.sets++;
      Object.assign(sheet, { hiddenRows: new Set((hidden as { $set: number[] }).$set) });
    }
  }
  return counts;
}
