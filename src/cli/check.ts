// `npm run check`: the data check of one district, or of several in one process (`--district
// 东湖区,西山区` or `--district 全部`): the program loads once and each further district costs only
// its own reading, which is what checking a whole city takes (see README, 多个区县).
import { relative } from 'node:path';
import { meetingTitle } from '../build.js';
import { checkData } from '../check/check.js';
import { findingLines, renderCheckMarkdown, writeCheckMarkdown } from '../check/checkReport.js';
import { loadConfig } from '../config/config.js';
import { DataError, UsageError } from '../errors.js';
import type { Meeting } from '../narrate/context.js';
import { outputFolder } from '../output/folder.js';
import { withOutputFolder } from '../output/session.js';
import { cutOffFor, parseMonth, quarterName } from '../period.js';
import { districtList, districtPaths, isSeveral } from './districts.js';
import { addToSummary, setOutputs } from './github.js';

/** The options every command about one meeting takes (report, check). */
export interface MeetingArgs {
  quarter: string;
  year?: string;
  through?: string;
  district?: string;
  data: string;
  out: string;
  config: string;
  published: string;
}

export interface CheckArgs extends MeetingArgs {
  strict: boolean;
}

type MeetingOf = (args: Pick<CheckArgs, 'quarter' | 'year' | 'data'>) => Meeting;

interface Checked {
  readonly errors: number;
  readonly warnings: number;
  readonly summary: string;
}

/** Exit 0 when clean, 1 on errors (or on warnings with --strict); check.md is written either way. */
export async function runCheck(args: CheckArgs, meetingOf: MeetingOf, rawArgs: readonly string[]): Promise<void> {
  if (args.district !== undefined && isSeveral(args.district)) return runChecks(args, meetingOf, rawArgs);
  const checked = await checkOne(args, meetingOf, true);
  if (failed(checked, args.strict)) throw new DataError(`${checked.summary}${checked.errors > 0 ? '' : '（--strict：警告也视为未通过）'}`);
  process.stdout.write(`${checked.summary}\n`);
}

async function checkOne(args: CheckArgs, meetingOf: MeetingOf, single: boolean): Promise<Checked> {
  const meeting = meetingOf(args);
  const through = args.through === undefined ? cutOffFor(meeting) : parseMonth(args.through);
  const folder = outputFolder(args.out, meeting, args.through === undefined ? undefined : through);
  const config = loadConfig(args.config);
  if (single) setOutputs({ artifact: `${config.district.name}${meeting.year}年${quarterName(meeting.quarter)}讲话稿`, dir: folder.dir, data: args.data });
  const { result, path, markdown } = await withOutputFolder(folder, 'check', async ({ recovered }) => {
    for (const note of recovered) process.stderr.write(`${note}\n`);
    const result = await checkData({ dataDir: args.data, config, through, meetingYear: meeting.year, previousBuild: folder.dir, published: args.published });
    const markdown = renderCheckMarkdown(result, { title: meetingTitle({ meeting }), through });
    return { result, markdown, path: await writeCheckMarkdown(folder.dir, markdown) };
  });
  addToSummary(markdown);
  for (const line of findingLines(result.findings)) process.stderr.write(`${line}\n`);
  return { errors: result.errors, warnings: result.warnings, summary: `数据检查：${result.errors} 个错误，${result.warnings} 个警告，详见 ${relative(process.cwd(), path)}` };
}

/** Each district with its own config, data, published figures and output folder, one after another. */
async function runChecks(args: CheckArgs, meetingOf: MeetingOf, rawArgs: readonly string[]): Promise<void> {
  const explicit = ['config', 'data', 'out', 'published'].filter((option) => rawArgs.some((arg) => arg === `--${option}` || arg.startsWith(`--${option}=`)));
  if (explicit.length > 0) throw new UsageError(`检查多个区县时各用各的文件夹，不能同时给出 ${explicit.map((o) => `--${o}`).join('、')}`);
  const failures: string[] = [];
  for (const name of districtList(args.district!)) {
    const paths = districtPaths(name);
    process.stderr.write(`${name}：\n`);
    const checked = await checkOne({ ...args, config: paths.config, data: paths.data, out: paths.out, published: paths.published }, meetingOf, false);
    process.stdout.write(`${name} ${checked.summary}\n`);
    if (failed(checked, args.strict)) failures.push(name);
  }
  if (failures.length > 0) throw new DataError(`数据检查未通过的区县：${failures.join('、')}${args.strict ? '（--strict：警告也视为未通过）' : ''}`);
}

function failed(checked: Checked, strict: boolean): boolean {
  return checked.errors > 0 || (strict && checked.warnings > 0);
}
