// The figures of meetings already held: `npm run publish` copies a build's figures.json to
// published/<year>-Q<n>/figures.json, committed with the data, so that every later check (in CI
// too, where out/ starts empty) can tell a resubmitted return from a first one (修订).
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, UsageError } from '../errors.js';

const MEETING_FOLDER = /^\d{4}-Q[1-4]$/;

/** The figures.json of every published meeting, oldest first. */
export function publishedFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => MEETING_FOLDER.test(name) && existsSync(join(dir, name, 'figures.json')))
    .sort()
    .map((name) => join(dir, name, 'figures.json'));
}

export interface PublishResult {
  readonly file: string;
  readonly changed: boolean;
}

/**
 * Copies <build>/figures.json to <published>/<meeting>/figures.json. A meeting published with
 * other figures is history: it is replaced only with `force`.
 */
export function publishMeeting(buildDir: string, publishedDir: string, meeting: string, force: boolean): PublishResult {
  const source = join(buildDir, 'figures.json');
  if (!existsSync(source)) throw new UsageError(`没有找到 ${source}：请先运行 npm run report 生成这次会议的讲话稿，再发布`);
  const text = readFileSync(source, 'utf8');
  checkFigures(text, source);
  const target = join(publishedDir, meeting, 'figures.json');
  if (existsSync(target)) {
    const old = readFileSync(target, 'utf8');
    if (old === text) return { file: target, changed: false };
    if (!force) throw new UsageError(`${target} 已发布过，内容与这次生成的不同：已开过的会议的数字是修订检查的依据，一般不应改动；确需覆盖请加 --force`);
  }
  mkdirSync(join(publishedDir, meeting), { recursive: true });
  const temporary = `${target}.${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, target);
  return { file: target, changed: true };
}

function checkFigures(text: string, file: string): void {
  try {
    const json = JSON.parse(text) as { figures?: unknown };
    if (Array.isArray(json.figures)) return;
  } catch {
    // reported below
  }
  throw new DataError('不是 tongbao 生成的 figures.json（没有 figures 列表）：请重新运行 npm run report', { file });
}
