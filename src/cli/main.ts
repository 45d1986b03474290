// The command line: options in, one place where user errors are printed, exit codes out.
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { inspect } from 'node:util';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { type Format, buildReport } from '../build.js';
import { UsageError, UserError } from '../errors.js';
import { latestQuarterEnd, yearsIn } from '../ingest/dataset.js';
import type { Meeting } from '../narrate/context.js';
import { parseMonth, parseQuarter, parseYear, quarterName } from '../period.js';
import { fileSystemError } from '../system/fsErrors.js';
import { previewCommand } from './preview.js';
import { renderCommand } from './render.js';
import { type CheckArgs, type MeetingArgs, runCheck } from './check.js';
import { runVerify } from './verify.js';
import { applyDistrict } from './districts.js';
import { addToSummary } from './github.js';
import { initCommand } from './init.js';
import { commandsOf, misuse, packageVersion, skipHelpCache } from './niceties.js';
import { type PublishArgs, publishCommand } from './publish.js';

const FORMATS: readonly Format[] = ['md', 'html', 'pdf', 'docx'];

export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const cli = parser(argv);
    skipHelpCache(cli);
    const misused = misuse(argv, process.env, commandsOf(cli));
    if (misused) throw misused;
    await cli.parseAsync();
    return 0;
  } catch (error) {
    return report(error, debug);
  }
}

/** The options of the commands that build a meeting's briefing or check its data. */
const MEETING_OPTIONS = {
  quarter: { type: 'string', demandOption: '请用 --quarter 指明会议所在季度（Q1–Q4）', describe: '会议所在季度：Q2 即二季度部署会，回顾截至3月的数据；latest 表示按最新数据推算' },
  year: { type: 'string', describe: '会议年份（四位数字），默认取数据文件夹中最新的年份' },
  through: { type: 'string', describe: '数据截止月份 YYYY-MM，覆盖由季度推算的截止月份' },
  district: { type: 'string', describe: '区县：districts/<区县>/ 中的配置和数据，结果写入 out/<区县>/；check 可用逗号列出多个区县，或写“全部”' },
  data: { type: 'string', default: 'data', describe: '存放报表的文件夹' },
  out: { type: 'string', default: 'out', describe: '输出文件夹，结果写入 <out>/<年份>-Q<n>/' },
  config: { type: 'string', default: 'tongbao.config.yaml', describe: '配置文件' },
  published: { type: 'string', default: 'published', describe: '已发布会议的数字（npm run publish 写入），修订检查据此比较' },
  template: { type: 'string', default: 'speech', describe: '模板名称（templates/ 下的文件夹）' },
  format: { type: 'string', default: 'md,html,pdf', describe: '输出格式，逗号分隔：md、html、pdf、docx（Word）' },
  attendees: { type: 'string', describe: '参会人员名单 CSV（姓名,单位；UTF-8 或 GB18030），为每人生成带水印的编号 PDF，写入 copies/' },
} as const;

/** preview: the meeting's options, the quarter by default the latest in the data. */
const PREVIEW_OPTIONS = {
  quarter: { type: 'string', describe: '会议所在季度，默认按最新数据推算（同 --quarter latest）' },
  year: MEETING_OPTIONS.year,
  through: MEETING_OPTIONS.through,
  data: MEETING_OPTIONS.data,
  config: MEETING_OPTIONS.config,
  template: MEETING_OPTIONS.template,
} as const;

/** render: where the draft's layout comes from. */
const RENDER_OPTIONS = { config: MEETING_OPTIONS.config, template: MEETING_OPTIONS.template } as const;

function parser(argv: readonly string[]) {
  const district = [applyDistrict(argv)];
  return yargs(hideBin(['node', 'tongbao', ...argv]))
    .scriptName('tongbao')
    .locale('zh_CN')
    .usage('用法：npm run report -- --quarter Q2 [选项]')
    .command('report', '读取 data/ 中的报表，生成季度经济运行讲话稿（Markdown、HTML、PDF、Word）和 figures.json', (y) => y.options(MEETING_OPTIONS), (args) => runReport(args as unknown as ReportArgs), district)
    .command('check', '只检查数据：未报送、无法读取的单元格、表内审核、修订，结果写入 <out>/<年份>-Q<n>/check.md', (y) => y.options({ ...MEETING_OPTIONS, strict: { type: 'boolean', default: false, describe: '有警告时也以退出码 1 结束' } }), (args) => runCheck(args as unknown as CheckArgs, meetingOf, argv), district)
    .command('publish', '会后发布这次会议的数字：把 <out>/<年份>-Q<n>/figures.json 存入 published/，之后的检查据此发现修订', (y) => y.options({ ...MEETING_OPTIONS, force: { type: 'boolean', default: false, describe: '覆盖已发布的不同数字' } }), (args) => publishCommand(meetingOf)(args as unknown as PublishArgs), district)
    .command('verify <file>', '核稿：逐一核对改过的讲话稿（.docx、.md、.txt）中的数字与 figures.json 是否一致', (y) => y.positional('file', { type: 'string', describe: '要核对的讲话稿' }).option('figures', { type: 'string', describe: 'figures.json 的位置，默认与讲话稿同一文件夹' }), (args) => runVerify({ file: String(args.file), figures: args.figures as string | undefined }, (line) => process.stdout.write(`${line}\n`)))
    .command(initCommand)
    .command(renderCommand(RENDER_OPTIONS))
    .command(previewCommand(PREVIEW_OPTIONS, (args) => meetingOf({ ...args, quarter: args.quarter ?? 'latest' })))
    .demandCommand(1, '请指定命令，例如：npm run report -- --quarter Q2')
    .options({ debug: { type: 'boolean', default: false, describe: '出错时显示完整的内部错误信息' } })
    .strict()
    .help('help', '显示帮助')
    .alias('help', 'h')
    .version('version', '显示版本号', packageVersion())
    .fail((message, error) => {
      throw error ?? new UsageError(`${message}（用 --help 查看全部选项）`);
    });
}

interface ReportArgs extends MeetingArgs {
  template: string;
  format: string;
  attendees?: string;
}

function meetingOf(args: Pick<ReportArgs, 'quarter' | 'year' | 'data'>): Meeting {
  const year = args.year === undefined ? undefined : parseYear(args.year);
  return args.quarter.trim() === 'latest' ? latestMeeting(args.data) : { quarter: parseQuarter(args.quarter), year: year ?? latestYear(args.data) };
}

async function runReport(args: ReportArgs): Promise<void> {
  const { year, quarter } = meetingOf(args);
  const result = await buildReport({
    configFile: args.config,
    dataDir: args.data,
    outDir: args.out,
    templateDir: resolve('templates', args.template),
    meeting: { year, quarter },
    through: args.through === undefined ? undefined : parseMonth(args.through),
    formats: parseFormats(args.format),
    log: (message) => process.stderr.write(`${message}\n`),
    sourceDateEpoch: process.env.SOURCE_DATE_EPOCH,
    attendees: args.attendees,
    published: args.published,
  });
  const lines = [`已生成 ${year}年${quarterName(quarter)}讲话稿：`, ...result.files.map((file) => `  ${relative(process.cwd(), file)}`)];
  process.stdout.write(`${lines.join('\n')}\n`);
  addToSummary(lines.join('\n'));
}

/** The meeting that reviews the newest quarter in the data: data through June → the Q3 meeting. */
function latestMeeting(dataDir: string): Meeting {
  checkDataDir(dataDir);
  const end = latestQuarterEnd(dataDir);
  if (!end) throw new UsageError(`数据文件夹「${dataDir}」中没有任何季末月份（3、6、9、12月）的报表`);
  return end.month === 12 ? { year: end.year + 1, quarter: 1 } : { year: end.year, quarter: end.month / 3 + 1 };
}

function checkDataDir(dataDir: string): void {
  if (!existsSync(dataDir)) throw new UsageError(`找不到数据文件夹「${dataDir}」：请用 --data 指定存放报表的文件夹`);
}

function latestYear(dataDir: string): number {
  checkDataDir(dataDir);
  const years = yearsIn(dataDir);
  if (years.length === 0) throw new UsageError(`数据文件夹「${dataDir}」中没有年份文件夹（如 2023/）：请按 data/<年份>/<月份>/ 存放报表`);
  return years[years.length - 1]!;
}

function parseFormats(text: string): Set<Format> {
  const formats = text.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => !FORMATS.includes(f as Format));
  if (unknown.length > 0 || formats.length === 0) throw new UsageError(`输出格式「${unknown.join(',') || text}」无效：只能是 md、html、pdf、docx，用逗号分隔`);
  return new Set(formats as Format[]);
}

function report(thrown: unknown, debug: boolean): number {
  // An OS refusal the output code did not wrap (a file held open, no permission) is still the user's.
  const error = thrown instanceof UserError ? thrown : (fileSystemError(thrown) ?? thrown);
  if (error instanceof UserError) addToSummary(`**错误：** ${error.describe()}`);
  if (error instanceof UserError) {
    process.stderr.write(`错误：${error.describe()}\n`);
    if (debug && error.cause) process.stderr.write(`${String((error.cause as Error).stack ?? error.cause)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
  process.stderr.write(`内部错误：${error instanceof Error ? error.message : String(error)}（这是程序缺陷，请加 --debug 重新运行并把输出反馈给开发者）\n`);
  // inspect() prints the stack with its chain of causes: the real reason is often in a cause.
  if (debug) process.stderr.write(`${inspect(error, { depth: 6 })}\n`);
  return 3;
}
