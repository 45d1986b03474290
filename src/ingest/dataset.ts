// The data folder → one Dataset: finds the files a cut-off needs, reads each once, and reports
// what is missing or unreadable as findings (all of them, not just the first).
import { join } from 'node:path';
import { roundHalfUp } from '../compute/round.js';
import type { BureauConfig, Config } from '../config/config.js';
import { DataError } from '../errors.js';
import { compareCodePoints } from '../text.js';
import type { CheckFinding, Dataset, Observation, Project, Target, YearMonth } from '../types.js';
import { readCityTable } from './sources/cityTable.js';
import { type DataFile, type FileKind, listDataFiles, resolveRevisions } from './files.js';
import { auditTable } from './table/audit.js';
import { readProjects } from './sources/projects.js';
import { readReturn } from './sources/returns.js';
import { readTargets } from './sources/targets.js';
import type { Workbook } from './read/workbook.js';
import { parseWorkbook, readFileBytes } from './read/file.js';
import { type FileReading, cachedReading, readingKey, storeReading } from './readings.js';

export { classifyFile, latestQuarterEnd, yearsIn } from './files.js';

export interface Ingested {
  readonly dataset: Dataset;
  readonly findings: readonly CheckFinding[];
}

const KIND_ORDER: Readonly<Record<FileKind['kind'], number>> = { return: 0, cityTable: 1, targets: 2, projects: 3 };
const CITY_TABLE_BUREAU = '全市各区比较表（市统计局）';
const TARGETS_BUREAU = '目标任务表';

/**
 * Reads the returns of the cut-off's year up to the cut-off, the targets of that year and of the
 * meeting's year, and the project ledger of the meeting's year (or, failing that, the cut-off's).
 */
export async function ingestData(dataDir: string, config: Config, through: YearMonth, meetingYear: number): Promise<Ingested> {
  const findings: CheckFinding[] = [];
  const years = [...new Set([through.year, meetingYear])];
  const files = resolveRevisions(dataDir, listDataFiles(dataDir, years, config, findings), findings);
  const missingFindings = missingReturns(files, config, through);
  findings.push(...missingFindings);
  const ledgerYear = files.some((f) => f.kind.kind === 'projects' && f.year === meetingYear) ? meetingYear : through.year;
  // Returns before city tables, so a district's own figure is found in its bureau's return first.
  const wanted = files.filter((f) => isWanted(f, through, ledgerYear)).sort((a, b) => KIND_ORDER[a.kind.kind] - KIND_ORDER[b.kind.kind] || compareCodePoints(a.file, b.file));
  const read = { observations: [] as Observation[], targets: [] as Target[], projects: [] as Project[] };
  for (const entry of wanted) {
    try {
      const reading = await readDataFile(dataDir, entry, config);
      read.observations.push(...reading.observations);
      read.targets.push(...reading.targets);
      read.projects.push(...reading.projects);
      findings.push(...reading.findings);
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      findings.push({ level: 'error', kind: 'unreadable', message: error.message, source: { file: entry.file, ...error.location } });
    }
  }
  findings.push(...conflicts(read.observations));
  const missing = missingFindings
    .filter((f) => f.bureau !== TARGETS_BUREAU && f.month?.year === through.year && f.month.month === through.month)
    .map((f) => ({ bureau: f.bureau!, month: through }));
  const dataset = { observations: read.observations, targets: read.targets, projects: read.projects, files: wanted.map((f) => f.file), missing };
  return { dataset, findings };
}

/** The dataset, or a DataError listing every error found while reading it. */
export async function loadDataset(dataDir: string, config: Config, through: YearMonth, meetingYear: number): Promise<Dataset> {
  const ingested = await ingestData(dataDir, config, through, meetingYear);
  const errors = ingested.findings.filter((f) => f.level === 'error');
  if (errors.length > 0) throw findingsError(errors);
  return ingested.dataset;
}

/** One file's reading: from the cache when its bytes, path and the config are as when it was stored. */
async function readDataFile(dataDir: string, entry: DataFile, config: Config): Promise<FileReading> {
  const bytes = readFileBytes(join(dataDir, entry.file), entry.file);
  const key = readingKey(bytes, entry.file, config);
  const hit = cachedReading(key);
  if (hit) return hit;
  const reading = readWorkbookAs(await parseWorkbook(bytes, entry.file), entry, config);
  storeReading(key, reading);
  return reading;
}

function readWorkbookAs(workbook: Workbook, entry: DataFile, config: Config): FileReading {
  const month = { year: entry.year, month: entry.month ?? 12 };
  const none = { observations: [], targets: [], projects: [], findings: [] };
  switch (entry.kind.kind) {
    case 'return':
      return readReturnFile(workbook, entry, config, month);
    case 'cityTable': {
      const table = readCityTable(workbook, config, month);
      return { ...none, observations: table.observations, findings: table.findings };
    }
    case 'targets':
      return { ...none, targets: readTargets(workbook, config, entry.year) };
    case 'projects':
      return { ...none, projects: readProjects(workbook) };
  }
}

function readReturnFile(workbook: Workbook, entry: DataFile, config: Config, month: YearMonth): FileReading {
  const reading = readReturn(workbook, config, month);
  const findings: CheckFinding[] = [...missingIndicators(entry, reading.observations, config, month.month)];
  for (const problem of reading.problems) findings.push({ level: 'error', kind: 'unreadable', message: problem.message, source: problem.location });
  for (const table of reading.tables) {
    findings.push(...auditTable(table, config));
    for (const row of table.table.hiddenRows) {
      findings.push({ level: 'warning', kind: 'hiddenRow', message: `第${row + 1}行是隐藏行，未读取：如其中有需要的数字，请取消隐藏后重新报送`, source: { file: table.file, sheet: table.sheet } });
    }
  }
  return { observations: reading.observations, targets: [], projects: [], findings };
}

/** A return without any catalogue indicator is the wrong table; one without some of its bureau's is incomplete. */
function missingIndicators(entry: DataFile, observations: readonly Observation[], config: Config, month: number): CheckFinding[] {
  if (entry.kind.kind !== 'return') return [];
  const source = { file: entry.file };
  if (observations.length === 0) {
    return [{ level: 'error', kind: 'missingIndicator', message: '报表中没有读到指标目录中的任何指标：请确认报送的是本单位的月报；如指标名称写法不同，请在配置 indicators 的 aliases 中加入表中的写法', source }];
  }
  const bureau = entry.kind.bureau.id;
  const due = config.indicators.filter((i) => i.source === 'returns' && i.bureau === bureau && (i.frequency === 'monthly' || (i.frequency === 'quarterly' && month % 3 === 0)));
  return due
    .filter((i) => !observations.some((o) => o.indicator === i.id))
    .map((i) => ({ level: 'warning' as const, kind: 'missingIndicator' as const, message: `报表中没有「${i.name}」这一行：讲话稿将不提这一指标；如表中写法不同，请在配置的 aliases 中加入`, source }));
}

function isWanted(file: DataFile, through: YearMonth, ledgerYear: number): boolean {
  if (file.kind.kind === 'targets') return true;
  if (file.kind.kind === 'projects') return file.year === ledgerYear;
  return file.year === through.year && file.month !== undefined && file.month <= through.month;
}

/**
 * Returns not in the folder (未报送). Without any of the cut-off month's returns, or without the
 * year's targets, there is no briefing to write: errors. A few late returns are warnings: the
 * briefing goes on and says plainly what is missing.
 */
function missingReturns(files: readonly DataFile[], config: Config, through: YearMonth): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const has = (month: number, test: (f: DataFile) => boolean) => files.some((f) => f.year === through.year && f.month === month && test(f));
  const isIn = (month: number) => (bureau: BureauConfig) => has(month, (f) => f.kind.kind === 'return' && f.kind.bureau.id === bureau.id);
  for (let month = 1; month <= through.month; month++) {
    const due = config.bureaus.filter((bureau) => bureau.months.includes(month));
    const late = due.filter((bureau) => !isIn(month)(bureau));
    const level = month === through.month && late.length === due.length ? 'error' : 'warning';
    for (const bureau of late) findings.push(missing(level, bureau.name, { year: through.year, month }));
  }
  const cityTableDue = config.cityTable.months.includes(through.month);
  if (cityTableDue && !has(through.month, (f) => f.kind.kind === 'cityTable')) findings.push(missing('warning', CITY_TABLE_BUREAU, through));
  if (!files.some((f) => f.month === undefined && f.year === through.year && f.kind.kind === 'targets')) {
    findings.push({ level: 'error', kind: 'missing', bureau: TARGETS_BUREAU, month: { year: through.year, month: 12 }, message: `缺少${through.year}年目标任务表：请放入 data/${through.year}/（文件名含“目标任务”）` });
  }
  return findings;
}

function missing(level: CheckFinding['level'], bureau: string, month: YearMonth): CheckFinding {
  return { level, kind: 'missing', bureau, month, message: `${bureau}${month.year}年${month.month}月报表未报送` };
}

/** The same number read twice with different values (two files or sheets disagree) is never resolved silently. */
function conflicts(observations: readonly Observation[]): CheckFinding[] {
  const seen = new Map<string, Observation>();
  const findings: CheckFinding[] = [];
  for (const o of observations) {
    const key = `${o.indicator}|${o.area}|${o.period.year}-${o.period.month}-${o.period.span}|${o.measure}`;
    const earlier = seen.get(key);
    if (earlier && earlier.value !== null && o.value !== null && !agreeAsWritten(earlier.value, o.value)) {
      const a = `${earlier.source.file} › ${earlier.source.sheet} › ${earlier.source.cell}`;
      findings.push({ level: 'error', kind: 'conflict', message: `同一数字在两处不一致：${a} 为 ${earlier.value}，此处为 ${o.value}：请核对后只保留正确的一处`, source: o.source });
    }
    if (!earlier || earlier.value === null) seen.set(key, o);
  }
  return findings;
}

/**
 * Two readings of one number agree when they are equal to the fewer decimals either was written
 * with: a return's 4.3 and the city card's unrounded 4.31623612 are one growth; 4.3 and 4.4 are not.
 */
export function agreeAsWritten(a: number, b: number): boolean {
  const decimals = Math.min(decimalsOf(a), decimalsOf(b));
  return roundHalfUp(a, decimals) === roundHalfUp(b, decimals);
}

function decimalsOf(x: number): number {
  const text = String(x);
  if (/e/i.test(text)) return 10;
  return text.split('.')[1]?.length ?? 0;
}

/** One DataError for a list of error findings; missing returns of one month read as one sentence. */
export function findingsError(errors: readonly CheckFinding[]): DataError {
  const lines = summarize(errors);
  const only = errors.length === 1 ? errors[0]! : undefined;
  if (only?.source) return new DataError(only.message, only.source);
  if (lines.length === 1) return new DataError(lines[0]!);
  return new DataError(`数据有 ${lines.length} 处错误，请改正后重试：\n${lines.map((line, i) => `  ${i + 1}. ${line}`).join('\n')}`);
}

/** Findings as lines: missing returns grouped by month, others with their location. */
export function summarize(findings: readonly CheckFinding[]): string[] {
  const lines: string[] = [];
  const byMonth = new Map<string, CheckFinding[]>();
  for (const f of findings) {
    if (f.kind === 'missing' && f.month && f.bureau !== TARGETS_BUREAU) byMonth.set(`${f.month.year}-${f.month.month}`, [...(byMonth.get(`${f.month.year}-${f.month.month}`) ?? []), f]);
  }
  for (const group of byMonth.values()) {
    const { year, month } = group[0]!.month!;
    lines.push(`${year}年${month}月缺少以下报表（未报送）：${group.map((f) => f.bureau).join('、')}。请把报表放入 data/${year}/${String(month).padStart(2, '0')}/ 后重试`);
  }
  for (const f of findings) {
    if (f.kind === 'missing' && f.bureau !== TARGETS_BUREAU) continue;
    const where = f.source ? [f.source.file, f.source.sheet, f.source.cell].filter(Boolean).join(' › ') : '';
    lines.push(where && f.kind !== 'missing' ? `${where}：${f.message}` : f.message);
  }
  return lines;
}
