// Print one HTML file to PDF in an open browser, refusing to print without the embedded fonts,
// and make the bytes depend only on the HTML and the given date.
import { writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { EnvironmentError } from '../../errors.js';
import { EMBEDDED_FONT_NAMES } from '../fonts/fonts.js';
import { pauseForTest } from '../../system/testPause.js';
import { fitJustifiedLines } from './justify.js';

export interface PdfOptions {
  /** Written as the PDF's CreationDate and ModDate. */
  readonly date: Date;
  /** Fonts besides the bundled ones that the PDF may carry (the office's own, pdf.fonts). */
  readonly extraFontNames?: readonly string[];
}

/** What the page asked for and was refused (anything outside its own folder). */
export interface PrintReport {
  readonly blocked: readonly string[];
}

export async function printPage(browser: Browser, htmlFile: string, pdfFile: string, options: PdfOptions): Promise<PrintReport> {
  const page = await browser.newPage();
  try {
    const { fontFailures, blocked } = await allowOnlyLocalFiles(page, [dirname(resolve(htmlFile))]);
    await page.setJavaScriptEnabled(false);
    // Lay the page out for print before the font check, so the faces it finds are the ones printed.
    await page.emulateMediaType('print');
    await page.goto(pathToFileURL(resolve(htmlFile)).href, { waitUntil: 'load' });
    await checkFonts(page, fontFailures);
    await fitJustifiedLines(page);
    await pauseForTest('print');
    // Page numbers come from the stylesheet's @page margin boxes, which use the embedded fonts;
    // a footerTemplate cannot load them and falls back to whatever system font is installed.
    // outline: PDF bookmarks from the headings (needs the tagged PDF, Chromium's default).
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true });
    checkEmbeddedFonts(pdf, options.extraFontNames);
    await writeFile(pdfFile, stablePdf(pdf, options.date));
    return { blocked };
  } finally {
    await page.close();
  }
}

/** Lets through file:// requests inside `dirs`, aborts the rest; collects them and the fonts that failed. */
async function allowOnlyLocalFiles(page: Page, dirs: readonly string[]): Promise<{ fontFailures: string[]; blocked: string[] }> {
  const fontFailures: string[] = [];
  const blocked: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (isInside(request.url(), dirs)) return void request.continue();
    blocked.push(request.url());
    void request.abort('accessdenied');
  });
  page.on('requestfailed', (request: HTTPRequest) => {
    if (request.resourceType() === 'font') fontFailures.push(`${request.url()}（${request.failure()?.errorText ?? '失败'}）`);
  });
  return { fontFailures, blocked };
}

function isInside(url: string, dirs: readonly string[]): boolean {
  if (!url.startsWith('file:')) return false;
  const file = fileURLToPath(url);
  return dirs.some((dir) => {
    const rel = relative(dir, file);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  });
}

async function checkFonts(page: Page, fontFailures: readonly string[]): Promise<void> {
  const { loaded, failed } = await page.evaluate(async () => {
    await document.fonts.ready;
    const faces = [...document.fonts];
    return {
      loaded: faces.filter((face) => face.status === 'loaded').length,
      failed: faces.filter((face) => face.status === 'error').map((face) => face.family),
    };
  });
  if (fontFailures.length > 0 || failed.length > 0) {
    const what = fontFailures.length > 0 ? fontFailures.join('、') : failed.join('、');
    throw new EnvironmentError(`字体文件加载失败，无法生成 PDF：${what}`);
  }
  if (loaded === 0) throw new EnvironmentError('页面没有加载任何字体，PDF 中的中文会显示为方框：请检查字体包 @fontsource/noto-serif-sc');
}

/** Fails when Chromium drew anything with a font other than the embedded npm fonts. */
export function checkEmbeddedFonts(pdf: Uint8Array, extra: readonly string[] = []): void {
  const names = pdfFontNames(pdf);
  const foreign = names.filter((name) => ![...EMBEDDED_FONT_NAMES, ...extra].some((stem) => name.startsWith(stem)));
  if (foreign.length > 0) {
    throw new EnvironmentError(`PDF 中有字符使用了本机字体（${[...new Set(foreign)].join('、')}），而不是嵌入的字体：请检查讲话稿中的生僻字或特殊符号`);
  }
}

/** The /BaseFont names of a PDF without the subset tag (ABCDEF+). */
export function pdfFontNames(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString('latin1');
  return [...text.matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([^\s/<>[\]()]+)/g)].map((m) => m[1]!);
}

/**
 * Chromium stamps the current time and, in tagged PDFs, structure ids (DOM node ids) that vary
 * between browser processes. Dates and ids are rewritten at the same byte length, so the xref
 * offsets stay valid, and the id tree is re-sorted under the new ids.
 */
export function stablePdf(pdf: Uint8Array, date: Date): Buffer {
  const text = Buffer.from(pdf).toString('latin1');
  const ids = new Map<string, string>();
  const out = text
    .replace(/\/(CreationDate|ModDate) \((D:[^)]*)\)/g, (_all, key: string, old: string) => `/${key} (${pdfDate(date, old.length)})`)
    .replace(/\(node(\d+)\)/g, (_all, digits: string) => {
      if (!ids.has(digits)) ids.set(digits, String(ids.size + 1).padStart(digits.length, '0'));
      return `(node${ids.get(digits)})`;
    })
    .replace(/\/Limits \[\(node\d+\) \(node\d+\)\](\s*)\/Names \[([^\]]*)\]/g, (_all, space: string, names: string) =>
      sortedIdTree(space, names),
    );
  return Buffer.from(out, 'latin1');
}

/** The IDTree leaf as Skia writes it: names in order, the lowest and highest as limits. */
function sortedIdTree(space: string, names: string): string {
  const entries = [...names.matchAll(/\((node\d+)\) (\d+ \d+ R)/g)].map(([, id, ref]) => ({ id: id ?? '', ref: ref ?? '' }));
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sorted = entries.map(({ id, ref }) => `(${id}) ${ref}`).join(' ');
  if (sorted.length !== names.length) throw new Error('unexpected PDF IDTree layout');
  return `/Limits [(${entries[0]?.id}) (${entries.at(-1)?.id})]${space}/Names [${sorted}]`;
}

/** D:YYYYMMDDHHmmss+00'00' in UTC, as Skia writes it; fails if that would change the length. */
function pdfDate(date: Date, length: number): string {
  const iso = date.toISOString();
  const text = `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+00'00'`;
  if (text.length !== length) throw new Error(`unexpected PDF date length ${length}`);
  return text;
}
