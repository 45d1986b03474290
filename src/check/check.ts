// The data check (`npm run check`, and inside `report`): read everything once, then list what is
// missing, unreadable or implausible. Errors stop a build; warnings are written to check.md.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import { DataError } from '../errors.js';
import { type Ingested, ingestData } from '../ingest/dataset.js';
import { compareCodePoints } from '../text.js';
import type { CheckFinding, Observation, YearMonth } from '../types.js';
import { checkCompletion } from './completion.js';
import { publishedFiles } from './published.js';
import { findRevisions, readPublished } from './revisions.js';
import { checkSeries } from './series.js';

export interface CheckOptions {
  readonly dataDir: string;
  readonly config: Config;
  readonly through: YearMonth;
  readonly meetingYear: number;
  /** The previous build's folder (out/<year>-Q<n>/), whose figures.json the 修订 check reads. */
  readonly previousBuild?: string;
  /** The published meetings' folder (published/), whose figures the 修订 check reads too. */
  readonly published?: string;
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
  const published = [
    ...(options.previousBuild ? readPublished(join(options.previousBuild, 'figures.json')) : []),
    ...(options.published ? publishedFiles(options.published).flatMap(readPublished) : []),
  ];
  const findings = [
    ...ingested.findings,
    ...checkSeries(observations, config),
    ...checkCompletion(observations, ingested.dataset.targets, config, options.through),
    ...findRevisions(published, observations, config),
    ...missingAreas(observations, config, options.through),
    ...recomputedRanks(observations, config, options.through),
  ];
  const sorted = sortFindings(findings);
  const errors = sorted.filter((f) => f.level === 'error').length;
  return { ...ingested, findings: sorted, errors, warnings: sorted.length - errors };
}

const KIND_ORDER: readonly CheckFinding['kind'][] = ['missing', 'missingIndicator', 'duplicate', 'unreadable', 'conflict', 'partExceedsWhole', 'implausibleTarget', 'growthMismatch', 'cumulativeDecrease', 'outlier', 'revision', 'superseded', 'staleSheet', 'hiddenRow', 'missingArea', 'recomputedRank'];

/**
 * A configured district that has no row in the cut-off month's city table leaves the number of
 * ranked districts unknown: the briefing then states no 倒数第k, and the staffer should know why.
 */
function missingAreas(observations: readonly Observation[], config: Config, through: YearMonth): CheckFinding[] {
  const areasByFile = new Map<string, Set<string>>();
  for (const o of observations) {
    if (o.period.year !== through.year || o.period.month !== through.month || (o.measure !== 'rank' && o.measure !== 'growth')) continue;
    areasByFile.set(o.source.file, (areasByFile.get(o.source.file) ?? new Set()).add(o.area));
  }
  const ranked = [config.district.name, ...config.peers.filter((p) => p.ranked).map((p) => p.name)];
  return [...areasByFile]
    .filter(([, areas]) => areas.size > 1)
    .flatMap(([file, areas]) =>
      ranked.filter((area) => !areas.has(area)).map((area): CheckFinding => ({
        level: 'warning', kind: 'missingArea', source: { file },
        message: `全市比较表中没有「${area}」这一行：参与排名的区县数无法确定，讲话稿不说“倒数第几”；请核对比较表，或在配置 peers 中写明其简称、标注 ranked: false`,
      })),
    );
}

/**
 * A city table with growths but no 位次 for a ranked indicator: compute ranks the districts by
 * growth itself, and the staffer should confirm those places with the city's statistics bureau.
 */
function recomputedRanks(observations: readonly Observation[], config: Config, through: YearMonth): CheckFinding[] {
  const atCutOff = observations.filter((o) => o.period.year === through.year && o.period.month === through.month && o.area !== config.district.name);
  const byFile = new Map<string, Set<string>>();
  for (const indicator of config.indicators.filter((i) => i.ranked)) {
    const table = atCutOff.filter((o) => o.indicator === indicator.id);
    const growthFile = table.find((o) => o.measure === 'growth')?.source.file;
    if (growthFile === undefined || table.some((o) => o.measure === 'rank')) continue;
    byFile.set(growthFile, (byFile.get(growthFile) ?? new Set()).add(indicator.name));
  }
  return [...byFile].map(([file, names]): CheckFinding => ({
    level: 'warning', kind: 'recomputedRank', source: { file },
    message: `全市比较表没有${[...names].join('、')}的位次：讲话稿中的位次按各区县增速推算（增速相同者并列），请与市统计局核对后再用`,
  }));
}

function sortFindings(findings: readonly CheckFinding[]): CheckFinding[] {
  const place = (f: CheckFinding) => `${f.source?.file ?? ''}|${f.source?.sheet ?? ''}|${(f.source?.cell ?? '').padStart(8, ' ')}`;
  return [...findings].sort(
    (a, b) =>
      Number(a.level === 'warning') - Number(b.level === 'warning') ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      // Missing returns stay in month order, then the config's order of bureaus.
      (a.kind === 'missing' ? 0 : compareCodePoints(place(a), place(b))) ||
      (a.kind === 'missing' ? 0 : compareCodePoints(a.message, b.message)),
  );
}
