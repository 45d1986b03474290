// Prints the page to speech.pdf with the embedded npm fonts: checks that they cover every character,
// subsets the whole-file 楷体 face, and prints from a file:// page inside the output folder.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../errors.js';
import { KAI, copyPrintFonts, uncoveredCharacters } from '../fonts/fonts.js';
import { type OfficeFonts, officeFaces } from '../fonts/office.js';
import { subsetFace } from '../fonts/subset.js';

/** A character of the document that no embedded font can draw (the PDF would use a system font). */
export class FontCoverageError extends UserError {}

export interface PrintOptions {
  /** Written as the PDF's CreationDate and ModDate. */
  readonly date: Date;
  /** The office's own font files (pdf.fonts), in place of the bundled faces. */
  readonly fonts?: OfficeFonts;
}

/** A browser started ahead of time (its launch overlaps reading the data), printing one document. */
export interface Printer {
  /** Prints `html` to `<dir>/<name>`, using `dir` for the temporary page and fonts. */
  print(dir: string, name: string, html: string, options: PrintOptions): Promise<void>;
  /** Closes the browser, whether or not it printed; safe to call more than once. */
  close(): Promise<void>;
}

export function startPrinter(): Printer {
  // Imported here: md/html-only builds never load the printing code.
  const opening = import('./browser.js').then(({ openBrowser }) => openBrowser());
  opening.catch(() => undefined);
  let closing: Promise<void> | undefined;
  return {
    print: async (dir, name, html, options) => {
      const text = visibleText(html);
      checkCoverage(text);
      const fontDir = join(dir, FONT_DIR);
      const page = join(dir, '.print.html');
      try {
        const faces = await fontFaces(text, fontDir);
        const office = await officeFaces(options.fonts ?? {}, text, fontDir, FONT_DIR);
        await writeFile(page, printableHtml(html, `${faces}\n${office.css}`));
        await (await opening).printPdf(page, join(dir, name), { date: options.date, extraFontNames: office.names });
      } finally {
        await Promise.all([rm(page, { force: true }), rm(fontDir, { recursive: true, force: true })]);
      }
    },
    close: () => (closing ??= opening.then((browser) => browser.close(), () => undefined)),
  };
}

/** The page with the print fonts' @font-face rules, and the class that makes the stylesheet use only them. */
function printableHtml(html: string, faces: string): string {
  return html.replace(/<html([^>]*)>/, '<html$1 class="embedded-fonts">').replace('</head>', `<style>\n${faces}\n</style>\n</head>`);
}

const FONT_DIR = '.print-fonts';

async function fontFaces(text: string, fontDir: string): Promise<string> {
  await mkdir(fontDir, { recursive: true });
  const kaiFile = 'kai.ttf';
  await writeFile(join(fontDir, kaiFile), await subsetFace(KAI, text));
  const kai = [
    '@font-face {',
    `  font-family: '${KAI.family}';`,
    `  font-weight: ${KAI.weight};`,
    '  font-display: block;',
    `  src: url("${FONT_DIR}/${kaiFile}") format("truetype");`,
    '}',
  ].join('\n');
  // The page numbers “— n —” come from the stylesheet, not the text.
  return `${await copyPrintFonts(`${text}— 0123456789`, fontDir, FONT_DIR)}\n${kai}`;
}

function checkCoverage(text: string): void {
  const missing = uncoveredCharacters(text);
  if (missing.length === 0) return;
  const list = missing.slice(0, 10).map((c) => `「${c}」(U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join('、');
  throw new FontCoverageError(`讲话稿中的字符 ${list} 不在嵌入的字体（Noto Serif SC）中，PDF 会用本机字体代替：请在报表或模板中改用常用字`);
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** The text a reader sees: the body without tags, styles and comments, entities decoded. */
export function visibleText(html: string): string {
  const body = html.slice(html.indexOf('<body'));
  return body
    .replace(/<style[\s\S]*?<\/style>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, code: string) => {
      if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(Number.parseInt(code.slice(2), 16));
      if (code.startsWith('#') && code !== '#39') return String.fromCodePoint(Number(code.slice(1)));
      return ENTITIES[code] ?? all;
    });
}
