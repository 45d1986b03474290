// Reading PDFs as a reader would: page text via pdf.js, page sizes, fonts, bookmarks.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  /** Text items as drawn (one per text-showing operation), in drawing order. */
  readonly items: readonly string[];
  /** Each item with its position (PDF units, origin bottom left). */
  readonly placed: readonly { readonly str: string; readonly x: number; readonly y: number; readonly width: number }[];
  readonly text: string;
}

export async function readPdf(file: string): Promise<{ pages: PdfPage[]; outline: string[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const placed = content.items.flatMap((item) => ('str' in item ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width }] : []));
    const items = placed.map((item) => item.str);
    pages.push({ width, height, items, placed, text: items.join('') });
  }
  const outline = flatten((await doc.getOutline()) ?? []);
  await doc.destroy();
  return { pages, outline };
}

interface OutlineNode {
  readonly title: string;
  readonly items: readonly OutlineNode[];
}

function flatten(nodes: readonly OutlineNode[]): string[] {
  return nodes.flatMap((node) => [node.title, ...flatten(node.items)]);
}

/** pdftotext's reading of the whole document. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

export interface EmbeddedFont {
  /** BaseFont without the subset tag. */
  readonly name: string;
  readonly embedded: boolean;
  /** The characters its ToUnicode map can produce. */
  readonly chars: ReadonlySet<string>;
}

/** Every font dictionary in the file (Type0 fonts with their descendant's FontFile), via pdf-lib. */
export async function embeddedFonts(file: string): Promise<EmbeddedFont[]> {
  const lib = await import('pdf-lib');
  const doc = await lib.PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const { context } = doc;
  const name = (dict: { lookup(key: unknown): unknown }, key: string) => dict.lookup(lib.PDFName.of(key));
  const fonts: EmbeddedFont[] = [];
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof lib.PDFDict) || name(object, 'Type') !== lib.PDFName.of('Font') || name(object, 'Subtype') !== lib.PDFName.of('Type0')) continue;
    const base = String(name(object, 'BaseFont')).replace(/^\/([A-Z]{6}\+)?/, '');
    const descendants = name(object, 'DescendantFonts');
    const descendant = descendants instanceof lib.PDFArray ? descendants.lookup(0) : undefined;
    const descriptor = descendant instanceof lib.PDFDict ? descendant.lookup(lib.PDFName.of('FontDescriptor')) : undefined;
    if (!(descriptor instanceof lib.PDFDict)) throw new Error(`font ${base} has no descriptor`);
    const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.has(lib.PDFName.of(key)));
    const toUnicode = object.lookup(lib.PDFName.of('ToUnicode'));
    const cmap = toUnicode instanceof lib.PDFRawStream ? Buffer.from(lib.decodePDFRawStream(toUnicode).decode()).toString('latin1') : '';
    fonts.push({ name: base, embedded, chars: cmapChars(cmap) });
  }
  return fonts;
}

/** The Unicode text of bfchar and bfrange entries of a ToUnicode CMap. */
function cmapChars(cmap: string): Set<string> {
  const chars = new Set<string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, , dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) chars.add(utf16(dst!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const start = Number.parseInt(dst!, 16);
      for (let i = 0; i <= Number.parseInt(hi!, 16) - Number.parseInt(lo!, 16); i++) chars.add(String.fromCharCode(start + i));
    }
    for (const [, , , list] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\[([^\]]*)\]/g)) {
      for (const [, hex] of list!.matchAll(/<([0-9A-Fa-f]+)>/g)) chars.add(utf16(hex!));
    }
  }
  return chars;
}
