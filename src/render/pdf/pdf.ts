// Print one HTML file to PDF in an open browser, refusing to print without the embedded fonts,
// and make the bytes depend only on the HTML and the given date.
import { writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EnvironmentError } from '../../errors.js';
import { EMBEDDED_FONT_NAMES } from '../fonts/fonts.js';
import { pauseForTest } from '../../system/testPause.js';
import { fitJustifiedLines } from './justify.js';
import { type Connection, ProtocolError } from './cdp.js';

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

/** The page went somewhere else while loading (a redirect in the template, say). */
export class NavigationError extends ProtocolError {}

/** A page of the browser, as a DevTools session. */
export interface Page {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  on(method: string, listener: (params: Record<string, unknown>) => void): () => void;
  next(method: string): Promise<Record<string, unknown>>;
  /** The value of a JavaScript expression in the page (awaited when it is a promise). */
  evaluate<T>(expression: string): Promise<T>;
}

/** A blank page set up for printing: requests filtered, scripts off, laid out for print. */
export interface PrintPage extends Page {
  /** Lets the page load files inside these folders only (from now on). */
  allow(dirs: readonly string[]): void;
  /** What it asked for and was refused; the fonts among them. */
  readonly blocked: readonly string[];
  readonly fontFailures: readonly string[];
  close(): Promise<void>;
}

/**
 * Opens a page and sets it up; done ahead of time, it is ready when the document is. The blank tab
 * the browser opened as it started is taken when nobody uses it: its renderer is already running.
 */
export async function openPage(connection: Connection): Promise<PrintPage> {
  const targetId = (await blankTab(connection)) ?? (await connection.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' })).targetId;
  const close = () => connection.send('Target.closeTarget', { targetId }).then(() => undefined, () => undefined);
  try {
    const page = await attach(connection, targetId);
    const filter = allowOnlyLocalFiles(page);
    // Sent together (the browser handles a page's calls in order): one wait instead of five.
    await Promise.all([
      // The window size puppeteer gives a new page; the print layout does not depend on it.
      page.send('Emulation.setDeviceMetricsOverride', { width: 800, height: 600, deviceScaleFactor: 1, mobile: false, screenOrientation: { angle: 0, type: 'portraitPrimary' } }),
      page.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }),
      page.send('Emulation.setScriptExecutionDisabled', { value: true }),
      // Lay the page out for print before the font check, so the faces it finds are the ones printed.
      page.send('Emulation.setEmulatedMedia', { media: 'print' }),
      page.send('Page.enable'),
    ]);
    return { ...page, ...filter, close };
  } catch (error) {
    await close();
    throw error;
  }
}

interface TargetInfo {
  readonly targetId: string;
  readonly type: string;
  readonly url: string;
  readonly attached: boolean;
}

export async function blankTab(connection: Connection): Promise<string | undefined> {
  const { targetInfos } = await connection.send<{ targetInfos: TargetInfo[] }>('Target.getTargets');
  return targetInfos.find((target) => target.type === 'page' && target.url === 'about:blank' && !target.attached)?.targetId;
}

/** Prints `htmlFile` to `pdfFile` in `page`, which is closed afterwards. */
export async function printPage(page: PrintPage, htmlFile: string, pdfFile: string, options: PdfOptions): Promise<PrintReport> {
  try {
    page.allow([dirname(resolve(htmlFile))]);
    await load(page, pathToFileURL(resolve(htmlFile)).href);
    await checkFonts(page, page.fontFailures);
    await fitJustifiedLines(page);
    await pauseForTest('print');
    const pdf = await printToPdf(page);
    checkEmbeddedFonts(pdf, options.extraFontNames);
    await writeFile(pdfFile, stablePdf(pdf, options.date));
    return { blocked: page.blocked };
  } finally {
    // Not waited for: the PDF is written, and the browser closes the tab with itself if need be.
    void page.close();
  }
}

export async function attach(connection: Connection, targetId: string): Promise<Page> {
  const { sessionId } = await connection.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
  const page: Page = {
    send: (method, params) => connection.send(method, params, sessionId),
    on: (method, listener) => connection.on(method, listener, sessionId),
    next: (method) => connection.next(method, sessionId),
    evaluate: async <T>(expression: string) => {
      const { result, exceptionDetails } = await page.send<{ result: { value: T }; exceptionDetails?: { text?: string } }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
      if (exceptionDetails) throw new ProtocolError(`Runtime.evaluate: ${exceptionDetails.text ?? 'exception'}`);
      return result.value;
    },
  };
  return page;
}

/** Navigates and waits for the load event (Page.enable sent before); a page that leaves for another address is refused. */
export async function load(page: Page, url: string): Promise<void> {
  const loaded = page.next('Page.loadEventFired');
  loaded.catch(() => undefined);
  const { errorText } = await page.send<{ errorText?: string }>('Page.navigate', { url });
  if (errorText) throw new Error(`${errorText} at ${url}`);
  await loaded;
  const { frameTree } = await page.send<{ frameTree: { frame: { url: string } } }>('Page.getFrameTree');
  if (frameTree.frame.url !== url) throw new NavigationError(`Navigated away from ${url} to ${frameTree.frame.url}`);
}

/**
 * Lets through file:// requests inside the allowed folders, fails the rest; collects them and the
 * fonts among them. Takes effect once Fetch.enable is sent (with `*`: every request is paused here).
 */
function allowOnlyLocalFiles(page: Page): Pick<PrintPage, 'allow' | 'blocked' | 'fontFailures'> {
  const fontFailures: string[] = [];
  const blocked: string[] = [];
  let dirs: readonly string[] = [];
  page.on('Fetch.requestPaused', (event) => {
    const { requestId, request, resourceType } = event as { requestId: string; request: { url: string }; resourceType: string };
    if (isInside(request.url, dirs)) return void page.send('Fetch.continueRequest', { requestId }).catch(() => undefined);
    blocked.push(request.url);
    if (resourceType === 'Font') fontFailures.push(`${request.url}（net::ERR_ACCESS_DENIED）`);
    void page.send('Fetch.failRequest', { requestId, errorReason: 'AccessDenied' }).catch(() => undefined);
  });
  return { fontFailures, blocked, allow: (allowed) => void (dirs = allowed) };
}

function isInside(url: string, dirs: readonly string[]): boolean {
  if (!url.startsWith('file:')) return false;
  const file = fileURLToPath(url);
  return dirs.some((dir) => {
    const rel = relative(dir, file);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  });
}

const FONT_STATUS = `document.fonts.ready.then(() => {
  const faces = [...document.fonts];
  return { loaded: faces.filter((face) => face.status === 'loaded').length, failed: faces.filter((face) => face.status === 'error').map((face) => face.family) };
})`;

async function checkFonts(page: Page, fontFailures: readonly string[]): Promise<void> {
  const { loaded, failed } = await page.evaluate<{ loaded: number; failed: string[] }>(FONT_STATUS);
  if (fontFailures.length > 0 || failed.length > 0) {
    const what = fontFailures.length > 0 ? fontFailures.join('、') : failed.join('、');
    throw new EnvironmentError(`字体文件加载失败，无法生成 PDF：${what}`);
  }
  if (loaded === 0) throw new EnvironmentError('页面没有加载任何字体，PDF 中的中文会显示为方框：请检查字体包 @fontsource/noto-serif-sc');
}

/**
 * A4 by the stylesheet's @page size, backgrounds printed; tagged, with bookmarks from the headings
 * (the outline needs the tagged PDF). Page numbers come from the stylesheet's @page margin boxes,
 * which use the embedded fonts (a header/footer template would fall back to system fonts).
 */
const PRINT = {
  transferMode: 'ReturnAsStream',
  landscape: false,
  displayHeaderFooter: false,
  headerTemplate: '',
  footerTemplate: '',
  printBackground: true,
  scale: 1,
  paperWidth: 8.2677,
  paperHeight: 11.6929,
  marginTop: 0,
  marginBottom: 0,
  marginLeft: 0,
  marginRight: 0,
  pageRanges: '',
  preferCSSPageSize: true,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
};

/** Largest piece of the PDF asked for at a time. */
const READ_SIZE = 16 * 1024 * 1024;

export async function printToPdf(page: Page): Promise<Buffer> {
  const { stream } = await page.send<{ stream: string }>('Page.printToPDF', PRINT);
  const parts: Buffer[] = [];
  for (;;) {
    const { data, base64Encoded, eof } = await page.send<{ data: string; base64Encoded?: boolean; eof: boolean }>('IO.read', { handle: stream, size: READ_SIZE });
    parts.push(Buffer.from(data, base64Encoded ? 'base64' : 'utf8'));
    if (eof) break;
  }
  await page.send('IO.close', { handle: stream });
  return Buffer.concat(parts);
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
