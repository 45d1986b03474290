// Numbered copies: the printed PDF is loaded once and each page given a watermark stream (the first
// page also a 内部资料 mark); a copy is the original bytes plus an incremental update holding the
// changed pages, the font and that copy's streams. One LXGW WenKai subset holds every character of
// every copy, so all copies share the same font objects.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { quoted } from '../../text.js';
// Imported statically: this module itself is loaded only when copies are asked for.
import fontkit from '@pdf-lib/fontkit';
import * as pdfLib from 'pdf-lib';
import type { PDFDocument, PDFFont, PDFHexString, PDFOperator, PDFPage, PDFRef } from 'pdf-lib';
import { type Attendee, AttendeesError } from './attendees.js';
import { KAI } from '../fonts/fonts.js';
import { changedSince, serialize, snapshot, updateSection } from './increment.js';
import { subsetFace } from '../fonts/subset.js';
import { pauseForTest } from '../../system/testPause.js';

export const INTERNAL_MARK = '内部资料 注意保存';

const FONT_KEY = 'TbStampFont';
const GS_KEY = 'TbStampGs';
const MM = 72 / 25.4;

type PdfLib = typeof pdfLib;

/** The copy's number as printed and in its file name: 01 … 99, 001 … for 100 or more copies. */
export function copyNumber(copy: number, total: number): string {
  return String(copy).padStart(Math.max(2, String(total).length), '0');
}

/** "03-张三.pdf", with characters that file systems refuse replaced. */
export function copyFileName(attendee: Attendee, total: number): string {
  const safe = attendee.name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').replace(/^\.+/, '_').slice(0, 60);
  return `${copyNumber(attendee.copy, total)}-${safe}.pdf`;
}

export function watermarkText(attendee: Attendee, total: number): string {
  return `${attendee.name} ${copyLabel(attendee, total)}`;
}

function copyLabel(attendee: Attendee, total: number): string {
  return `第${copyNumber(attendee.copy, total)}份`;
}

interface Stamp {
  readonly lib: PdfLib;
  readonly font: PDFFont;
  /** The font's glyph string of a text encoded up front. */
  readonly glyphs: (text: string) => PDFHexString;
  readonly total: number;
}

/** Writes one watermarked copy per attendee into `outDir`; returns the file names. */
export function stampCopies(pdfFile: string, attendees: readonly Attendee[], outDir: string): Promise<string[]> {
  return prepareCopies(attendees).stamp(pdfFile, outDir);
}

export interface PreparedCopies {
  /** Stamps the copies of `pdfFile`; the first is written once `after` has settled (all else is ready by then). */
  stamp(pdfFile: string, outDir: string, after?: Promise<unknown>): Promise<string[]>;
}

/** Starts what the copies need before the PDF exists (the watermark font), so that it is ready while the PDF prints. */
export function prepareCopies(attendees: readonly Attendee[]): PreparedCopies {
  const texts = [...attendees.flatMap((a) => [watermarkText(a, attendees.length), copyLabel(a, attendees.length)]), INTERNAL_MARK];
  const subset = subsetFace(KAI, texts.join(''));
  subset.catch(() => undefined);
  return { stamp: async (pdfFile, outDir, after) => writeStamped(pdfFile, attendees, texts, await subset, outDir, after) };
}

async function writeStamped(pdfFile: string, attendees: readonly Attendee[], texts: readonly string[], subset: Buffer, outDir: string, after?: Promise<unknown>): Promise<string[]> {
  const lib = pdfLib;
  const bytes = await readFile(pdfFile);
  const total = attendees.length;
  // Parsed in one go: the default yields to the event loop every 100 objects.
  const doc = await lib.PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: lib.ParseSpeeds.Fastest });
  const before = snapshot(doc.context);
  doc.registerFontkit(fontkit);
  // Already cut by harfbuzz; the tag marks it as a subset, as PDF readers expect.
  const font = await doc.embedFont(subset, { subset: false, customName: 'TBWMRK+LXGWWenKai-Regular' });
  checkNames(font, attendees);
  // Every text is encoded before the font is written, so its widths and ToUnicode map cover them all.
  const glyphs = new Map(texts.map((text) => [text, font.encodeText(text)]));
  const stamp: Stamp = { lib, font, glyphs: (text) => glyphs.get(text)!, total };
  const streams = prepareStreams(lib, doc, font);
  await doc.flush();
  // Shared by every copy, written out once: the pages' new resources and contents, the font, the graphics state.
  const shared = serialize(changedSince(doc.context, before));
  const trailer = { size: doc.context.largestObjectNumber + 1, root: doc.context.trailerInfo.Root as PDFRef, info: doc.context.trailerInfo.Info as PDFRef | undefined };
  await mkdir(outDir, { recursive: true });
  await after;
  const files: string[] = [];
  const writes = new WritePool(WRITES_AT_ONCE);
  for (const attendee of attendees) {
    const own = streams.map((ref, i) => [ref, doc.context.contentStream(stampOperators(stamp, doc.getPage(i), attendee, i === 0))] as const);
    const file = copyFileName(attendee, total);
    await writes.add(writeFile(join(outDir, file), [bytes, updateSection(bytes, [shared, serialize(own)], trailer)]));
    files.push(file);
    if (files.length === 1) {
      await writes.drain();
      await pauseForTest('stamp');
    }
  }
  await writes.drain();
  return files;
}

/** Copies written while the next ones are made: the waits for the disk overlap. */
const WRITES_AT_ONCE = 8;

class WritePool {
  readonly #running = new Set<Promise<void>>();
  #failed: unknown;

  constructor(private readonly size: number) {}

  /** Starts tracking `write`; waits while `size` writes are under way. A failure is thrown (here or by drain) once none is left running. */
  async add(write: Promise<void>): Promise<void> {
    const tracked = write.then(
      () => void this.#running.delete(tracked),
      (error: unknown) => {
        this.#running.delete(tracked);
        this.#failed ??= error;
      },
    );
    this.#running.add(tracked);
    if (this.#running.size >= this.size) await Promise.race(this.#running);
    if (this.#failed !== undefined) await this.drain();
  }

  async drain(): Promise<void> {
    await Promise.all(this.#running);
    if (this.#failed !== undefined) throw this.#failed;
  }
}

/** A name the stamping font cannot draw would print as empty boxes in the watermark. */
function checkNames(font: PDFFont, attendees: readonly Attendee[]): void {
  const drawable = new Set(font.getCharacterSet());
  for (const attendee of attendees) {
    const missing = [...attendee.name].filter((c) => !/\s/.test(c) && !drawable.has(c.codePointAt(0)!));
    if (missing.length > 0) {
      throw new AttendeesError(`参会人员名单第${attendee.copy}人${quoted(attendee.name)}中的「${missing.join('')}」不在水印字体（霞鹜文楷）中，无法印出：请改用常用字或拼音`);
    }
  }
}

/** Gives each page the font, a translucent graphics state, and an empty stream drawn last. */
function prepareStreams(lib: PdfLib, doc: PDFDocument, font: PDFFont): PDFRef[] {
  const { context } = doc;
  const gs = context.register(context.obj({ Type: 'ExtGState', ca: 0.3, CA: 0.3 }));
  return doc.getPages().map((page) => {
    const node = page.node;
    node.normalize();
    // The page's own drawing is wrapped in q … Q, so whatever state it leaves does not move the stamp.
    const start = context.register(context.contentStream([lib.pushGraphicsState()]));
    const end = context.register(context.contentStream([lib.popGraphicsState()]));
    node.wrapContentStreams(start, end);
    node.setFontDictionary(lib.PDFName.of(FONT_KEY), font.ref);
    node.setExtGState(lib.PDFName.of(GS_KEY), gs);
    const ref = context.nextRef();
    node.addContentStream(ref);
    return ref;
  });
}

function stampOperators({ lib, font, glyphs, total }: Stamp, page: PDFPage, attendee: Attendee, first: boolean): PDFOperator[] {
  const { width, height } = page.getSize();
  const text = watermarkText(attendee, total);
  const size = 32;
  const angle = Math.atan2(height, width);
  const textWidth = font.widthOfTextAtSize(text, size);
  const fixed = { font: FONT_KEY, xSkew: lib.degrees(0), ySkew: lib.degrees(0) };
  const marks = [0.32, 0.68].flatMap((t) => {
    // Each line is centred on a point of the page's diagonal.
    const x = width * t - (Math.cos(angle) * textWidth) / 2 + (Math.sin(angle) * size) / 3;
    const y = height * t - (Math.sin(angle) * textWidth) / 2 - (Math.cos(angle) * size) / 3;
    return lib.drawText(glyphs(text), { ...fixed, color: lib.rgb(0.35, 0.35, 0.35), size, rotate: lib.radians(angle), x, y, graphicsState: GS_KEY });
  });
  if (!first) return marks;
  const label = copyLabel(attendee, total);
  const line = { ...fixed, color: lib.rgb(0, 0, 0), size: 14, rotate: lib.degrees(0), y: height - 20 * MM };
  return [
    ...marks,
    ...lib.drawText(glyphs(INTERNAL_MARK), { ...line, x: 28 * MM }),
    ...lib.drawText(glyphs(label), { ...line, x: width - 26 * MM - font.widthOfTextAtSize(label, 14) }),
  ];
}
