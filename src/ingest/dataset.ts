// The data folder → one Dataset: finds the files a cut-off needs, reads each once, checks completeness.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BureauConfig, Config } from '../config/config.js';
import { DataError } from '../errors.js';
import type { Dataset, MissingReturn, Observation, Project, Target, YearMonth } from '../types.js';
import { readCityTable } from './cityTable.js';
import { readProjects } from './projects.js';
import { readReturn } from './returns.js';
import { readTargets } from './targets.js';
import { readWorkbook } from './workbook.js';

export type FileKind = { kind: 'return'; bureau: BureauConfig } | { kind: 'cityTable' } | { kind: 'targets' } | { kind: 'projects' };

interface DataFile {
  /** Relative to the data folder, with forward slashes. */
  readonly file: string;
  readonly year: number;
  /** Month folder, or undefined for files directly under the year (targets, projects). */
  readonly month: number | undefined;
  readonly kind: FileKind;
}

const KIND_ORDER: Readonly<Record<FileKind['kind'], number>> = { return: 0, cityTable: 1, targets: 2, projects: 3 };
const CITY_TABLE_BUREAU = '全市各区比较表（市统计局）';
const TARGETS_BUREAU = '目标任务表';

/** Years that have a folder under the data folder, ascending. */
export function yearsIn(dataDir: string): number[] {
  return listDir(dataDir).filter((name) => /^\d{4}$/.test(name) && isDir(join(dataDir, name))).map(Number).sort((a, b) => a - b);
}

/**
 * Reads the returns of the cut-off's year up to the cut-off, the targets of that year and of the
 * meeting's year, and the project ledger of the meeting's year (or, failing that, the cut-off's).
 */
/** The newest quarter-end month (3, 6, 9, 12) that has files in its folder. */
export function latestQuarterEnd(dataDir: string): YearMonth | undefined {
  for (const year of yearsIn(dataDir).reverse()) {
    for (const month of [12, 9, 6, 3]) {
      const dir = join(dataDir, String(year), String(month).padStart(2, '0'));
      if (listDir(dir).some(isSpreadsheetName)) return { year, month };
    }
  }
  return undefined;
}

export async function loadDataset(dataDir: string, config: Config, through: YearMonth, meetingYear: number): Promise<Dataset> {
  const files = listDataFiles(dataDir, [...new Set([through.year, meetingYear])], config);
  const missing = missingReturns(files, config, through);
  if (isFatal(missing, config, through)) throw missingError(missing);
  const ledgerYear = files.some((f) => f.kind.kind === 'projects' && f.year === meetingYear) ? meetingYear : through.year;
  // Returns before city tables, so a district's own figure is found in its bureau's return first.
  const wanted = files.filter((f) => isWanted(f, through, ledgerYear)).sort((a, b) => KIND_ORDER[a.kind.kind] - KIND_ORDER[b.kind.kind]);
  const observations: Observation[] = [];
  const targets: Target[] = [];
  const projects: Project[] = [];
  for (const entry of wanted) {
    const workbook = await readWorkbook(join(dataDir, entry.file), entry.file);
    const month = { year: entry.year, month: entry.month ?? 12 };
    if (entry.kind.kind === 'return') observations.push(...readReturn(workbook, config, month));
    if (entry.kind.kind === 'cityTable') observations.push(...readCityTable(workbook, config, month));
    if (entry.kind.kind === 'targets') targets.push(...readTargets(workbook, config, entry.year));
    if (entry.kind.kind === 'projects') projects.push(...readProjects(workbook));
  }
  checkConflicts(observations);
  return { observations, targets, projects, files: wanted.map((f) => f.file), missing };
}

function isWanted(file: DataFile, through: YearMonth, ledgerYear: number): boolean {
  if (file.kind.kind === 'targets') return true;
  if (file.kind.kind === 'projects') return file.year === ledgerYear;
  return file.year === through.year && file.month !== undefined && file.month <= through.month;
}

function listDataFiles(dataDir: string, years: readonly number[], config: Config): DataFile[] {
  const files: DataFile[] = [];
  for (const y of years) {
    const yearDir = join(dataDir, String(y));
    for (const name of listDir(yearDir)) {
      if (/^\d{2}$/.test(name) && isDir(join(yearDir, name))) {
        for (const file of listDir(join(yearDir, name)).filter(isSpreadsheetName)) {
          files.push({ file: `${y}/${name}/${file}`, year: y, month: Number(name), kind: classifyFile(file, `${y}/${name}/${file}`, config) });
        }
      } else if (isSpreadsheetName(name)) {
        files.push({ file: `${y}/${name}`, year: y, month: undefined, kind: classifyFile(name, `${y}/${name}`, config) });
      }
    }
  }
  return files;
}

function isSpreadsheetName(name: string): boolean {
  return !name.startsWith('.') && !name.startsWith('~$') && /\.(xlsx|xlsm|xls|et|csv)$/i.test(name);
}

/** Which bureau (or table) a file belongs to, by the words in its name. */
export function classifyFile(name: string, file: string, config: Config): FileKind {
  const has = (words: readonly string[]) => words.some((word) => name.includes(word));
  if (has(config.cityTable.files)) return { kind: 'cityTable' };
  if (has(config.targets.files)) return { kind: 'targets' };
  if (has(config.projects.files)) return { kind: 'projects' };
  const bureaus = config.bureaus.filter((bureau) => has(bureau.files));
  if (bureaus.length === 1) return { kind: 'return', bureau: bureaus[0]! };
  const names = bureaus.map((b) => b.name).join('、');
  throw new DataError(
    bureaus.length === 0
      ? '无法判断这个文件属于哪个单位：请按“单位名+年月”命名（如“科工局2023年3月报表.xlsx”），或在配置 bureaus 的 files 中加入文件名里的字样'
      : `文件名同时匹配多个单位（${names}），无法判断：请改文件名或调整配置 bureaus 的 files`,
    { file },
  );
}

function missingReturns(files: readonly DataFile[], config: Config, through: YearMonth): MissingReturn[] {
  const inMonth = files.filter((f) => f.year === through.year && f.month === through.month);
  const missing: MissingReturn[] = [];
  for (const bureau of config.bureaus) {
    const found = inMonth.filter((f) => f.kind.kind === 'return' && f.kind.bureau.id === bureau.id);
    if (found.length > 1) {
      throw new DataError(`${bureau.name}在同一月份有${found.length}个文件（${found.map((f) => f.file).join('、')}），无法判断用哪一个：请只保留一个`, { file: found[0]!.file });
    }
    if (bureau.months.includes(through.month) && found.length === 0) missing.push({ bureau: bureau.name, month: through });
  }
  const cityTableDue = config.cityTable.months.includes(through.month);
  if (cityTableDue && !inMonth.some((f) => f.kind.kind === 'cityTable')) missing.push({ bureau: CITY_TABLE_BUREAU, month: through });
  if (!files.some((f) => f.month === undefined && f.year === through.year && f.kind.kind === 'targets')) {
    missing.push({ bureau: TARGETS_BUREAU, month: { year: through.year, month: 12 } });
  }
  return missing;
}

/**
 * Without the targets, or without any of the month's returns, there is no briefing to write; a few
 * late returns are reported (and said plainly in the speech) but do not stop it.
 */
function isFatal(missing: readonly MissingReturn[], config: Config, through: YearMonth): boolean {
  const due = config.bureaus.filter((b) => b.months.includes(through.month)).length;
  const late = missing.filter((m) => m.bureau !== CITY_TABLE_BUREAU && m.bureau !== TARGETS_BUREAU).length;
  return missing.some((m) => m.bureau === TARGETS_BUREAU) || (due > 0 && late === due);
}

/** The warning printed for returns that are late but not fatal. */
export function describeMissing(missing: readonly MissingReturn[]): string | undefined {
  if (missing.length === 0) return undefined;
  const { year, month } = missing[0]!.month;
  return `${year}年${month}月以下报表尚未报送：${missing.map((m) => m.bureau).join('、')}；讲话稿中相关内容暂缺，补齐后请重新生成`;
}

function missingError(missing: readonly MissingReturn[]): DataError {
  const returns = missing.filter((m) => m.bureau !== TARGETS_BUREAU);
  const parts: string[] = [];
  if (returns.length > 0) {
    const { year, month } = returns[0]!.month;
    const folder = `${year}/${String(month).padStart(2, '0')}`;
    parts.push(`${year}年${month}月缺少以下报表（未报送）：${returns.map((m) => m.bureau).join('、')}。请把报表放入 data/${folder}/ 后重试`);
  }
  const targets = missing.find((m) => m.bureau === TARGETS_BUREAU);
  if (targets) parts.push(`缺少${targets.month.year}年目标任务表：请放入 data/${targets.month.year}/（文件名含“目标任务”）`);
  return new DataError(parts.join('；'));
}

/** The same number read twice with different values (two files or sheets disagree) is never resolved silently. */
function checkConflicts(observations: readonly Observation[]): void {
  const seen = new Map<string, Observation>();
  for (const o of observations) {
    const key = `${o.indicator}|${o.area}|${o.period.year}-${o.period.month}-${o.period.span}|${o.measure}`;
    const earlier = seen.get(key);
    if (earlier && earlier.value !== null && o.value !== null && !sameNumber(earlier.value, o.value)) {
      const a = `${earlier.source.file} › ${earlier.source.sheet} › ${earlier.source.cell}`;
      throw new DataError(`同一数字在两处不一致：${a} 为 ${earlier.value}，此处为 ${o.value}：请核对后只保留正确的一处`, o.source);
    }
    if (!earlier || earlier.value === null) seen.set(key, o);
  }
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function isDir(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
