// `render`: an edited speech.md back into HTML, PDF and Word with the layout of `report`. The
// Markdown is the whole truth: the text as edited, the appendix table as edited (never replaced by
// figures.json), the charts drawn from that table.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { PdfConfig } from './config/config.js';
import { DataError, UsageError } from './errors.js';
import { MANIFEST, manifestJson, readManifest, sha256 } from './output/manifest.js';
import { freeName } from './output/plan.js';
import { chartRowsFromTable } from './render/html/charts.js';
import { renderDraftPage } from './render/html/draftPage.js';
import { withEmbeddedFonts } from './render/html/page.js';
import { readSpeechMarkdown } from './render/markdown/read.js';
import type { OfficeFonts } from './render/fonts/office.js';
import type { PrintOptions } from './render/pdf/print.js';
import { displayPath } from './system/fsErrors.js';
import { textBlocks } from './verify/draft.js';
import { checkDraft } from './verify/run.js';

export type DraftFormat = 'html' | 'pdf' | 'docx';

export interface DraftOptions {
  /** The edited speech, e.g. out/2023-Q2/speech.md. */
  readonly file: string;
  /** Where the outputs go; the Markdown's own folder by default. */
  readonly outDir?: string;
  readonly formats: ReadonlySet<DraftFormat>;
  readonly templateDir: string;
  readonly pdf: Pick<PdfConfig, 'pageNumbers'>;
  /** The office's own font files for the PDF (pdf.fonts, resolved). */
  readonly fonts?: OfficeFonts;
  /** Seconds since 1970 for the documents' dates (SOURCE_DATE_EPOCH). */
  readonly sourceDateEpoch?: string;
  readonly log: (message: string) => void;
}

/** Writes <name>.html / .pdf / .docx for <name>.md; returns the files written. */
export async function renderDraft(options: DraftOptions): Promise<string[]> {
  const markdown = readDraft(options.file);
  const outDir = resolve(options.outDir ?? dirname(options.file));
  const name = basename(options.file, extname(options.file));
  verifyFirst(markdown, options);
  const date = draftDate(options);
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const put = async (file: string, data: string | Buffer) => {
    written.push(await writeAtomically(join(outDir, file), data));
  };
  if (options.formats.has('docx')) {
    options.log('生成 Word 文档');
    const { renderDocx } = await import('./render/docx/docx.js');
    const appendix = readSpeechMarkdown(markdown).appendix;
    const docx = await renderDocx({ markdown, chartRows: appendix ? chartRowsFromTable(appendix) : [], date, pageNumbers: options.pdf.pageNumbers });
    await keepEditedWord(outDir, `${name}.docx`, docx, options.log);
    await put(`${name}.docx`, docx);
    await recordInManifest(outDir, `${name}.docx`, docx);
  }
  if (options.formats.has('html') || options.formats.has('pdf')) {
    const css = await readFile(join(options.templateDir, 'style.css'), 'utf8').catch(() => '');
    const html = await renderDraftPage(markdown, { css, pageNumbers: options.pdf.pageNumbers });
    if (options.formats.has('html')) await put(`${name}.html`, await withEmbeddedFonts(html));
    if (options.formats.has('pdf')) written.push(await printDraft(outDir, `${name}.pdf`, html, { date, fonts: options.fonts }, options.log));
  }
  return written;
}

/** 核稿 before rendering: every mismatch with figures.json beside the draft is a warning; render goes on. */
function verifyFirst(markdown: string, options: DraftOptions): void {
  const figures = join(dirname(options.file), 'figures.json');
  if (!existsSync(figures)) {
    options.log(`警告（未核稿）：讲话稿旁没有 figures.json，数字未与数据核对；可用 npm run verify -- ${options.file} --figures <figures.json> 核稿`);
    return;
  }
  const { result, lines, summary } = checkDraft(textBlocks(markdown, true), figures);
  if (result.problems.length === 0 && result.unchecked.length === 0) {
    options.log(`核稿通过，${summary}`);
    return;
  }
  options.log(`警告（核稿）：${summary}；仍按稿排版，请核对：`);
  for (const line of lines) options.log(line);
}

function readDraft(file: string): string {
  if (extname(file).toLowerCase() !== '.md') throw new UsageError(`render 只接受 Markdown 讲话稿（.md）：「${file}」`);
  if (!existsSync(file)) throw new UsageError(`找不到讲话稿「${file}」：请给出 speech.md 的路径，如 out/2023-Q2/speech.md`);
  const markdown = readFileSync(file, 'utf8');
  if (!/^#\s+\S/m.test(markdown)) throw new DataError('讲话稿没有标题行（以“# ”开头的一行），无法排版：请保留第一行的标题', { file });
  return markdown;
}

/** SOURCE_DATE_EPOCH; else, as `report` does, the month after the cut-off in figures.json beside the draft; else the date line. */
function draftDate(options: DraftOptions): Date {
  const epoch = options.sourceDateEpoch;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const figures = join(dirname(options.file), 'figures.json');
  const cutOff = existsSync(figures) ? /"cutOff":\s*"(\d{4})-(\d{2})"/.exec(readFileSync(figures, 'utf8')) : null;
  if (cutOff) return new Date(Date.UTC(Number(cutOff[1]), Number(cutOff[2]), 1));
  const line = /（(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?）/.exec(readFileSync(options.file, 'utf8'));
  if (line) return new Date(Date.UTC(Number(line[1]), Number(line[2]) - 1, Number(line[3] ?? 1)));
  return new Date(Date.UTC(2000, 0, 1));
}

async function printDraft(outDir: string, file: string, html: string, print: PrintOptions, log: (message: string) => void): Promise<string> {
  log('生成 PDF');
  const { startPrinter } = await import('./render/pdf/print.js');
  const printer = startPrinter();
  const staging = join(outDir, `.${file}.rendering-${process.pid}`);
  try {
    await mkdir(staging, { recursive: true });
    await printer.print(staging, file, html, print);
    await rename(join(staging, file), join(outDir, file));
    return join(outDir, file);
  } finally {
    await Promise.all([printer.close(), rm(staging, { recursive: true, force: true })]);
  }
}

/**
 * A Word file edited by hand since tongbao wrote it (its bytes are not those the folder's manifest
 * records) is moved aside as <name>.edited-<n>.docx, never overwritten, and the user is told.
 */
async function keepEditedWord(outDir: string, file: string, fresh: Buffer, log: (message: string) => void): Promise<void> {
  const current = join(outDir, file);
  if (!existsSync(current)) return;
  const hash = sha256(current);
  if (hash === readManifest(outDir)?.files[file] || hash === createHash('sha256').update(fresh).digest('hex')) return;
  const aside = freeName(outDir, file);
  await rename(current, join(outDir, aside));
  log(`${displayPath(current)} 在上次生成之后被改动过，已改名为 ${aside} 保留；新生成的是 ${file}`);
}

/** Where `report` keeps a manifest, the Word file written here is recorded, so that report knows it as its own. */
async function recordInManifest(outDir: string, file: string, data: Buffer): Promise<void> {
  const manifest = readManifest(outDir);
  if (!manifest) return;
  const files = { ...manifest.files, [file]: createHash('sha256').update(data).digest('hex') };
  await writeAtomically(join(outDir, MANIFEST), manifestJson({ ...manifest, files }));
}

/** Written under a temporary name and renamed: a reader never sees half a file. */
async function writeAtomically(file: string, data: string | Buffer): Promise<string> {
  const partial = `${file}.${process.pid}.part`;
  await writeFile(partial, data);
  await rename(partial, file);
  return file;
}
