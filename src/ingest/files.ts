// The data folder's files: which bureau (or table) each belongs to, by the words in its name, and
// which of two files for one bureau and month is the one to read (the 修订版 rule).
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { BureauConfig, Config } from '../config/config.js';
import { DataError } from '../errors.js';
import { compareCodePoints } from '../text.js';
import type { CheckFinding, YearMonth } from '../types.js';
import { listDir } from '../system/listDir.js';

export type FileKind = { kind: 'return'; bureau: BureauConfig } | { kind: 'cityTable' } | { kind: 'targets' } | { kind: 'projects' };

export interface DataFile {
  /** Relative to the data folder, with forward slashes. */
  readonly file: string;
  readonly year: number;
  /** Month folder, or undefined for files directly under the year (targets, projects). */
  readonly month: number | undefined;
  readonly kind: FileKind;
}

/** Years that have a folder under the data folder, ascending. */
export function yearsIn(dataDir: string): number[] {
  return listDir(dataDir).filter((name) => /^\d{4}$/.test(name) && isDir(join(dataDir, name))).map(Number).sort((a, b) => a - b);
}

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

/**
 * Every data file of the given years; a name that matches no bureau (or several) is a finding.
 * Only regular files are read: a year or month folder, or a file named like a return, that is a
 * FIFO, a link out of the data folder or a link loop is an error finding naming it, and skipped.
 */
export function listDataFiles(dataDir: string, years: readonly number[], config: Config, findings: CheckFinding[]): DataFile[] {
  const root = realpathSync(dataDir);
  const files: DataFile[] = [];
  const usable = (file: string, want: Entry['kind']) => {
    const entry = entryOf(root, join(dataDir, file));
    if (entry.kind === 'other') findings.push({ level: 'error', kind: 'unreadable', message: `${entry.problem}，已跳过：请在这里放入${want === 'dir' ? '文件夹' : '报表文件'}本身`, source: { file } });
    return entry.kind === want;
  };
  const add = (file: string, year: number, month: number | undefined, name: string) => {
    if (!usable(file, 'file')) return;
    try {
      files.push({ file, year, month, kind: classifyFile(name, file, config) });
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      findings.push({ level: 'error', kind: 'unreadable', message: error.message, source: error.location });
    }
  };
  for (const y of years) {
    if (entryOf(root, join(dataDir, String(y))).kind === 'missing' || !usable(String(y), 'dir')) continue;
    for (const name of listDir(join(dataDir, String(y)))) {
      if (/^\d{2}$/.test(name) && entryOf(root, join(dataDir, String(y), name)).kind !== 'file') {
        if (!usable(`${y}/${name}`, 'dir')) continue;
        for (const file of listDir(join(dataDir, String(y), name)).filter(isSpreadsheetName)) add(`${y}/${name}/${file}`, y, Number(name), file);
      } else if (isSpreadsheetName(name)) add(`${y}/${name}`, y, undefined, name);
    }
  }
  return files;
}

type Entry = { kind: 'file' | 'dir' | 'missing' } | { kind: 'other'; problem: string };

/** What a path is, following a symbolic link only while it stays inside the data folder (`root`, real). */
function entryOf(root: string, path: string): Entry {
  const own = lstatSync(path, { throwIfNoEntry: false });
  if (!own) return { kind: 'missing' };
  let real = path;
  if (own.isSymbolicLink()) {
    try {
      real = realpathSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { kind: 'other', problem: code === 'ELOOP' ? '这是一个循环的符号链接（最终指向自己）' : '这是一个符号链接，但它指向的文件不存在' };
    }
    const inside = relative(root, real);
    if (inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return { kind: 'other', problem: `这是一个指向数据文件夹以外（${real}）的符号链接` };
  }
  const target = own.isSymbolicLink() ? statSync(real) : own;
  if (target.isFile()) return { kind: 'file' };
  if (target.isDirectory()) return { kind: 'dir' };
  return { kind: 'other', problem: '这不是普通文件（是命名管道、套接字或设备），无法读取' };
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
  if (bureaus.length > 0) throw new DataError(`文件名同时匹配多个单位（${names}），无法判断：请改文件名或调整配置 bureaus 的 files`, { file });
  const cityWord = CITY_TABLE_WORDS.exec(name.normalize('NFKC'))?.[0];
  if (cityWord !== undefined) {
    const words = config.cityTable.files.map((w) => `“${w}”`).join('、');
    throw new DataError(`文件名含“${cityWord}”，像是市统计局的全市比较表（月报卡），但不含配置 cityTable 的 files 中的字样（${words}）：如是比较表，请在 tongbao.config.yaml 的 cityTable.files 中加入“${cityWord}”；如是部门报表，请按“单位名+年月”命名`, { file });
  }
  throw new DataError('无法判断这个文件属于哪个单位：请按“单位名+年月”命名（如“科工局2023年3月报表.xlsx”），或在配置 bureaus 的 files 中加入文件名里的字样', { file });
}

/** Words of a city statistics bureau's comparison table in a file name. */
const CITY_TABLE_WORDS = /月报卡|各县市区|各县区|各区县|各县\(市、?区\)|全市|比较/;

export function slotOf(file: DataFile): string {
  const who = file.kind.kind === 'return' ? `return:${file.kind.bureau.id}` : file.kind.kind;
  return `${who}|${file.year}|${file.month ?? ''}`;
}

/**
 * One file per bureau and month. Of several, the revision wins: a name with 修订/更正/订正/修正/
 * 重报 ranks above one without, and a higher number in "（2）", "_2", "v2", "第2版" above a lower.
 * Byte-identical copies are one file. A tie at the top is an error asking which to keep.
 */
export function resolveRevisions(dataDir: string, files: readonly DataFile[], findings: CheckFinding[]): DataFile[] {
  const slots = new Map<string, DataFile[]>();
  for (const file of files) slots.set(slotOf(file), [...(slots.get(slotOf(file)) ?? []), file]);
  const kept: DataFile[] = [];
  for (const group of slots.values()) {
    const chosen = group.length === 1 ? group[0] : chooseRevision(dataDir, group, findings);
    if (chosen) kept.push(chosen);
  }
  return kept;
}

function chooseRevision(dataDir: string, group: readonly DataFile[], findings: CheckFinding[]): DataFile | undefined {
  const ranked = [...group].sort((a, b) => revisionRank(b.file) - revisionRank(a.file) || compareCodePoints(a.file, b.file));
  const top = ranked.filter((f) => revisionRank(f.file) === revisionRank(ranked[0]!.file));
  const distinct = top.filter((f, i) => !top.slice(0, i).some((g) => sameBytes(dataDir, f.file, g.file)));
  const list = group.map((f) => f.file).join('、');
  if (distinct.length > 1) {
    findings.push({ level: 'error', kind: 'duplicate', message: `同一单位同一月份有${group.length}个文件（${list}），无法判断用哪一个：请删去旧的，或在新文件名中注明“修订”`, source: { file: ranked[0]!.file } });
    return undefined;
  }
  const chosen = ranked[0]!;
  const others = group.filter((f) => f !== chosen).map((f) => f.file).join('、');
  findings.push({ level: 'warning', kind: 'superseded', message: `同一单位同一月份有${group.length}个文件，读取「${chosen.file}」，不读「${others}」（修订版优先，内容相同的只读一份）`, source: { file: chosen.file } });
  return chosen;
}

const REVISED = /修订|更正|订正|修正|重报|更新版/;

export function revisionRank(file: string): number {
  const name = (file.split('/').pop() ?? file).normalize('NFKC').replace(/\.[^.]+$/, '');
  const mark = REVISED.test(name) ? 1000 : 0;
  const number = /\((\d{1,2})\)$|[vV](\d{1,2})$|第(\d{1,2})版|(?:修订|更正|订正|修正|重报)版?(\d{1,2})/.exec(name)?.slice(1).find((n) => n !== undefined);
  return mark + (number === undefined ? 0 : Number(number));
}

function sameBytes(dataDir: string, a: string, b: string): boolean {
  try {
    const x = statSync(join(dataDir, a));
    const y = statSync(join(dataDir, b));
    return x.size === y.size && readFileSync(join(dataDir, a)).equals(readFileSync(join(dataDir, b)));
  } catch {
    return false;
  }
}


function isDir(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false; // a link loop (ELOOP) or an unreadable entry: listDataFiles reports it when it is needed
  }
}
