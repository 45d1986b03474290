// The pipeline, read top to bottom: config → ingest → compute → narrate → render → write.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CheckResult, checkData } from './check/check.js';
import { findingLines, renderCheckMarkdown } from './check/checkReport.js';
import { type Computed, computeFigures } from './compute/compute.js';
import { figuresDocument } from './compute/document.js';
import { type Config, loadConfig } from './config/config.js';
import { EnvironmentError, UsageError } from './errors.js';
import { findingsError } from './ingest/dataset.js';
import { type Meeting, type Speech, narrate } from './narrate/context.js';
import { SEASONS_FILE, loadSeasons } from './narrate/season.js';
import { cutOffFor, goalFor, monthLabel, quarterName } from './period.js';
import { type Attendee, readAttendees } from './render/copies/attendees.js';
import type { PreparedCopies } from './render/copies/stamp.js';
import { type OfficeFonts, officeFonts } from './render/fonts/office.js';
import { renderPage, withEmbeddedFonts } from './render/html/page.js';
import { type Printer, startPrinter } from './render/pdf/print.js';
import { markdownText } from './render/markdown/escape.js';
import { loadTemplates, renderSpeech } from './render/markdown/speech.js';
import { outputFolder } from './output/folder.js';
import { planSwap } from './output/plan.js';
import { type OutputSession, withOutputFolder } from './output/session.js';
import { commitSwap, createStaging } from './output/swap.js';
import { pauseForTest } from './system/testPause.js';
import type { Dataset, YearMonth } from './types.js';

export type Format = 'md' | 'html' | 'pdf' | 'docx';

export interface BuildOptions {
  readonly configFile: string;
  readonly dataDir: string;
  readonly outDir: string;
  readonly templateDir: string;
  readonly meeting: Meeting;
  /** Overrides the cut-off implied by the meeting's quarter. */
  readonly through?: YearMonth;
  readonly formats: ReadonlySet<Format>;
  /** One line per stage, for the user. */
  readonly log: (message: string) => void;
  /** Seconds since 1970 for the PDF's dates; defaults to the month after the cut-off. */
  readonly sourceDateEpoch?: string;
  /** CSV of attendees (姓名, 单位): one numbered, watermarked copy of the PDF each, in copies/. */
  readonly attendees?: string;
  /** Folder of the published meetings' figures (published/), for the 修订 check. */
  readonly published?: string;
}

export interface BuildResult {
  readonly dir: string;
  readonly files: readonly string[];
  readonly computed: Computed;
}

export async function buildReport(options: BuildOptions): Promise<BuildResult> {
  const folder = outputFolder(options.outDir, options.meeting, options.through);
  return withOutputFolder(folder, 'report', async (session) => {
    for (const note of session.recovered) options.log(note);
    // The browser starts now, so its launch overlaps reading the data.
    const printer = options.formats.has('pdf') ? startPrinter() : undefined;
    try {
      return await build(options, session, printer);
    } finally {
      await printer?.close();
    }
  });
}

async function build(options: BuildOptions, session: OutputSession, printer: Printer | undefined): Promise<BuildResult> {
  const config = loadConfig(options.configFile);
  // Templates are checked before any data is read: a typo stops the build at its line.
  const templates = loadTemplates(options.templateDir);
  const seasons = loadSeasons(join(options.templateDir, SEASONS_FILE), options.meeting.quarter);
  const fonts = officeFonts(config.pdf.fonts, options.configFile);
  const attendees = readCopies(options);
  const cutOff = options.through ?? cutOffFor(options.meeting);
  options.log(`读取报表：${options.dataDir}（数据截至 ${monthLabel(cutOff)}）`);
  const finalDir = session.folder.dir;
  const checked = await readData(options, config, cutOff, finalDir);
  const dataset = checked.dataset;
  options.log(`计算指标：${dataset.files.length} 个文件，${dataset.observations.length} 个数据`);
  const computed = computeFigures(config, dataset, cutOff, goalFor(options.meeting));
  const speech = narrate(config, computed, options.meeting, seasons, dataset.missing);
  options.log('生成讲话稿');
  const markdown = renderSpeech(templates, speech, 'md', { appendix: config.pdf.appendix });
  const staging = createStaging(session.folder);
  try {
    let copies: Promise<PreparedCopies> | undefined;
    const prepare = () => (copies ??= import('./render/copies/stamp.js').then(({ prepareCopies }) => prepareCopies(attendees)));
    // What the copies need is made while the PDF prints.
    const whilePrinting = attendees.length > 0 ? () => void prepare().catch(() => undefined) : undefined;
    const files = await writeOutputs(options, { staging: staging.dir, markdown, config, computed, dataset, speech, templates, cutOff, pdf: config.pdf, fonts, printer, whilePrinting });
    // The browser is done: it exits while the copies' PDF is parsed (the copies are written once it
    // is gone, its memory free) or while the outputs are put in place.
    const closing = printer?.close();
    if (attendees.length > 0) files.push(...(await writeCopies(options, staging.dir, attendees.length, await prepare(), closing)));
    const plan = planSwap(staging.dir, finalDir, new Set(files));
    for (const note of plan.notes) options.log(note);
    const check = renderCheckMarkdown(checked, { title: meetingTitle(options), through: cutOff });
    await writeFile(join(staging.dir, 'check.md'), check + outputNotes([...session.recovered, ...plan.notes]));
    files.push('check.md');
    if (!session.lock.held()) throw new EnvironmentError(`${finalDir} 的锁文件被另一个 tongbao 进程接管，本次生成没有替换任何文件：请等它结束后重新生成`);
    commitSwap(staging.dir, finalDir, plan);
    return { dir: finalDir, files: files.map((file) => join(finalDir, file)), computed };
  } finally {
    staging.discard();
  }
}

/** What happened to the briefing folder's files, for check.md (paths are the user's: written as text). */
function outputNotes(notes: readonly string[]): string {
  return notes.length === 0 ? '' : ['', '## 输出文件', '', ...notes.map((note) => `- ${markdownText(note)}`), ''].join('\n');
}

/** Read before any work, so that a bad list fails fast. */
function readCopies(options: BuildOptions): Attendee[] {
  if (options.attendees === undefined) return [];
  if (!options.formats.has('pdf')) throw new UsageError('--attendees 需要生成 PDF：请在 --format 中包含 pdf');
  return readAttendees(options.attendees);
}

async function writeCopies(options: BuildOptions, staging: string, count: number, copies: PreparedCopies, after: Promise<void> | undefined): Promise<string[]> {
  options.log(`生成 ${count} 份编号副本`);
  const files = await copies.stamp(join(staging, 'speech.pdf'), join(staging, 'copies'), after);
  return files.map((file) => `copies/${file}`);
}

/** Reads and checks the data: errors stop the build (all listed), warnings are logged. */
async function readData(options: BuildOptions, config: Config, cutOff: YearMonth, previousBuild: string): Promise<CheckResult> {
  const checked = await checkData({ dataDir: options.dataDir, config, through: cutOff, meetingYear: options.meeting.year, previousBuild, published: options.published });
  const errors = checked.findings.filter((f) => f.level === 'error');
  if (errors.length > 0) throw findingsError(errors);
  for (const line of findingLines(checked.findings)) options.log(line);
  return checked;
}

export function meetingTitle(options: Pick<BuildOptions, 'meeting'>): string {
  return `${options.meeting.year}年${quarterName(options.meeting.quarter)}经济运行部署会议`;
}

interface Outputs {
  readonly staging: string;
  readonly markdown: string;
  readonly config: Config;
  readonly computed: Computed;
  readonly dataset: Dataset;
  readonly speech: Speech;
  readonly templates: ReturnType<typeof loadTemplates>;
  readonly cutOff: YearMonth;
  readonly pdf: Config['pdf'];
  readonly fonts: OfficeFonts;
  readonly printer: Printer | undefined;
  /** Called once the browser has the page to print. */
  readonly whilePrinting?: () => void;
}

async function writeOutputs(options: BuildOptions, out: Outputs): Promise<string[]> {
  const files = ['figures.json'];
  await writeFile(join(out.staging, 'figures.json'), figuresJson(options, out));
  if (options.formats.has('md')) {
    await writeFile(join(out.staging, 'speech.md'), out.markdown);
    files.push('speech.md');
  }
  await pauseForTest('render');
  if (options.formats.has('docx')) files.push(await writeDocx(options, out));
  if (!options.formats.has('html') && !options.formats.has('pdf')) return files;
  const title = out.markdown.split('\n', 1)[0]!.replace(/^#\s*/, '');
  const css = await readFile(join(options.templateDir, 'style.css'), 'utf8').catch(() => '');
  const html = await renderPage(out.templates, out.speech, { title, css, appendix: out.pdf.appendix, pageNumbers: out.pdf.pageNumbers });
  if (out.printer) options.log('生成 PDF');
  // The web page's fonts are cut while the browser prints.
  const printing = out.printer?.print(out.staging, 'speech.pdf', html, { date: pdfDate(options, out.cutOff), fonts: out.fonts });
  printing?.catch(() => undefined);
  if (printing) out.whilePrinting?.();
  if (options.formats.has('html')) {
    await writeFile(join(out.staging, 'speech.html'), await withEmbeddedFonts(html));
    files.push('speech.html');
  }
  if (printing) {
    await printing;
    files.push('speech.pdf');
  }
  return files;
}

async function writeDocx(options: BuildOptions, out: Outputs): Promise<string> {
  options.log('生成 Word 文档');
  const { reportDocx } = await import('./render/docx/adapter.js');
  const appendix = out.pdf.appendix ? out.speech.context.appendix : undefined;
  await writeFile(join(out.staging, 'speech.docx'), await reportDocx(out.markdown, appendix, pdfDate(options, out.cutOff), out.pdf.pageNumbers));
  return 'speech.docx';
}

/** SOURCE_DATE_EPOCH when set, else the first day after the cut-off: never the clock. */
function pdfDate(options: BuildOptions, cutOff: YearMonth): Date {
  const epoch = options.sourceDateEpoch;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(Date.UTC(cutOff.year, cutOff.month, 1));
}

function figuresJson(options: BuildOptions, out: Outputs): string {
  const document = figuresDocument(out.config, out.computed, { year: options.meeting.year, quarter: options.meeting.quarter }, out.dataset.files);
  return `${JSON.stringify(document, null, 2)}\n`;
}
