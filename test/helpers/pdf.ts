// Reading PDFs as a reader would: page text via pdf.js, page sizes, fonts, bookmarks.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  /** Text items as drawn (one per text-showing operation), in drawing order. */
  readonly items: readonly string[];
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
    const items = content.items.map((item) => ('str' in item ? item.str : ''));
    pages.push({ width, height, items, text: items.join('') });
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
