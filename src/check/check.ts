// The data check (`npm run check`, and inside `report`): read everything once, then list what is
// missing, unreadable or implausible. Errors stop a build; warnings are written to check.md.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import { DataError } from '../errors.js';
import { type Ingested, ingestData } from '../ingest/dataset.js';
import type { CheckFinding, YearMonth } from '../types.js';
import { auditTable } from './audit.js';
import { findRevisions, readPublished } from './revisions.js';
import { checkSeries } from './series.js';

export interface CheckOptions {
  readonly dataDir: string;
  readonly config: Config;
  readonly through: YearMonth;
  readonly meetingYear: number;
  /** The previous build's folder (out/<year>-Q<n>/), whose figures.json the 修订 check reads. */
  readonly previousBuild?: string;
}

export interface CheckResult extends Ingested {
  /** Every finding, errors first, in a stable order. */
  readonly findings: readonly CheckFinding[];
  readonly errors: number;
  readonly warnings: number;
}

export async function checkData(options: CheckOptions): Promise<CheckResult> {
  const { dataDir, config } = options;
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    throw new DataError(`找不到数据文件夹「${dataDir}」：请用 --data 指定存放报表的文件夹`);
  }
  const ingested = await ingestData(dataDir, config, options.through, options.meetingYear);
  const observations = ingested.dataset.observations;
  const published = options.previousBuild ? readPublished(join(options.previousBuild, 'figures.json')) : [];
  const findings = [
    ...ingested.findings,
    ...ingested.tables.flatMap((table) => auditTable(table, config)),
    ...checkSeries(observations, config),
    ...findRevisions(published, observations, config),
  ];
  const sorted = sortFindings(findings);
  const errors = sorted.filter((f) => f.level === 'error').length;
  return { ...ingested, findings: sorted, errors, warnings: sorted.length - errors };
}

const KIND_ORDER: readonly CheckFinding['kind'][] = ['missing', 'missingIndicator', 'duplicate', 'unreadable', 'conflict', 'partExceedsWhole', 'growthMismatch', 'cumulativeDecrease', 'outlier', 'revision', 'superseded', 'hiddenRow'];

function sortFindings(findings: readonly CheckFinding[]): CheckFinding[] {
  const place = (f: CheckFinding) => `${f.source?.file ?? ''}|${f.source?.sheet ?? ''}|${(f.source?.cell ?? '').padStart(8, ' ')}`;
  return [...findings].sort(
    (a, b) =>
      Number(a.level === 'warning') - Number(b.level === 'warning') ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      // Missing returns stay in month order, then the config's order of bureaus.
      (a.kind === 'missing' ? 0 : place(a).localeCompare(place(b))) ||
      (a.kind === 'missing' ? 0 : a.message.localeCompare(b.message)),
  );
}
