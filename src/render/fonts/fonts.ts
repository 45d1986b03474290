// The print fonts, all from npm packages so that every machine embeds the same ones. GB/T 9704
// asks for four faces; there is no free 仿宋 on npm, so each role gets the closest free face:
//   仿宋 body and 宋体 page numbers → Noto Serif SC 400 (a 宋 skeleton with thin, even strokes)
//   小标宋 title                    → Noto Serif SC 700
//   黑体 headings “一、”             → Noto Sans SC 700
//   楷体 date line, headings “（一）” → LXGW WenKai 500
// Noto comes split by unicode-range, so Chromium loads only the slices a document uses. WenKai
// ships whole (7 MB per file, ≈1.3 s to load per document): it is subset to the document's
// characters before printing.
import { readFileSync } from 'node:fs';
import { copyFile, link } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { EnvironmentError } from '../../errors.js';
import { cached, json, openPackageCache, packageKey } from '../../system/cache.js';
import { packageVersion } from '../../system/packages.js';
import { codePointsIn, parseUnicodeRange, type Range } from './unicode.js';

export interface SlicedFace {
  readonly family: string;
  readonly pkg: string;
  readonly css: string;
}

export interface WholeFace {
  readonly family: string;
  readonly weight: number;
  readonly pkg: string;
  readonly file: string;
}

export const SLICED_FACES: readonly SlicedFace[] = [
  { family: 'Noto Serif SC', pkg: '@fontsource/noto-serif-sc', css: '400.css' },
  { family: 'Noto Serif SC', pkg: '@fontsource/noto-serif-sc', css: '700.css' },
  { family: 'Noto Sans SC', pkg: '@fontsource/noto-sans-sc', css: '700.css' },
];

export const KAI: WholeFace = { family: 'LXGW WenKai', weight: 500, pkg: '@fontsource/lxgw-wenkai', file: 'files/lxgw-wenkai-latin-500-normal.woff2' };

/** PostScript name stems of the embedded fonts: any other font in a PDF is a system fallback. */
export const EMBEDDED_FONT_NAMES: readonly string[] = ['NotoSerifSC', 'NotoSansSC', 'LXGWWenKai'];

export interface Face {
  readonly family: string;
  readonly style: string;
  readonly weight: string;
  /** Absolute path of the woff2 file. */
  readonly file: string;
  readonly ranges: readonly Range[];
}

const cache = new Map<string, Face[]>();

/** The @font-face rules of one fontsource CSS file, woff2 only, with their unicode ranges. */
export function slicedFaces(face: SlicedFace): Face[] {
  const key = `${face.pkg}/${face.css}`;
  let faces = cache.get(key);
  if (!faces) {
    const dir = fontPackageDir(face.pkg);
    // Parsed once per installed package (a hundred unicode-range lists), then kept in the cache.
    const stored = packageKey('font-faces', dir, face.pkg, packageVersion(face.pkg), face.css);
    faces = cached('font-faces', stored, () => parseFaces(dir, face), json.encode, json.decode<Face[]>, openPackageCache());
    cache.set(key, faces);
  }
  return faces;
}

function parseFaces(dir: string, face: SlicedFace): Face[] {
  const css = readFileSync(join(dir, face.css), 'utf8');
  const faces = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => parseFace(dir, m[1] ?? ''));
  if (faces.length === 0) throw new EnvironmentError(`字体包文件没有字体定义：${join(dir, face.css)}`);
  return faces;
}

/**
 * Copies the font slices that hold characters of `text` into `dir`, and returns their @font-face
 * CSS with urls `<prefix>/<file>`: the print page then loads nothing from outside its own folder.
 */
export async function copyPrintFonts(text: string, dir: string, prefix: string): Promise<string> {
  const slices = SLICED_FACES.flatMap((face) => [...slicesFor(face, text).keys()]);
  await Promise.all(slices.map((slice) => placeFont(slice.file, join(dir, basename(slice.file)))));
  return slices.map((slice) => faceCss(slice, `${prefix}/${basename(slice.file)}`)).join('\n');
}

/** A hard link to the package's file (no bytes copied); a copy where links cannot be made (another disk). */
async function placeFont(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

/** The slices of a face that hold characters of `text`, each with those characters, in slice order. */
export function slicesFor(face: SlicedFace, text: string): Map<Face, number[]> {
  const points = [...codePointsIn(text)].sort((a, b) => a - b);
  const slices = slicedFaces(face);
  const index = rangeIndex(face, slices);
  return index ? slicesByIndex(slices, index, points) : slicesByRange(slices, points);
}

/** Each slice's ranges searched for the points: a slice's points in the order of its ranges. */
function slicesByRange(slices: readonly Face[], points: readonly number[]): Map<Face, number[]> {
  const used = new Map<Face, number[]>();
  for (const slice of slices) {
    const inSlice = slice.ranges.flatMap(([lo, hi]) => between(points, lo, hi));
    if (inSlice.length > 0) used.set(slice, inSlice);
  }
  return used;
}

/** Every range of a face, ordered by its start, with its slice and its place among the slice's ranges. */
interface RangeIndex {
  readonly lo: readonly number[];
  readonly hi: readonly number[];
  readonly slice: readonly number[];
  readonly range: readonly number[];
}

const indexes = new Map<string, RangeIndex | null>();

/** The face's ranges in one sorted list, when no two of them overlap (fontsource's never do); else null. */
function rangeIndex(face: SlicedFace, slices: readonly Face[]): RangeIndex | null {
  const key = `${face.pkg}/${face.css}`;
  if (!indexes.has(key)) {
    const all = slices.flatMap((slice, s) => slice.ranges.map(([lo, hi], r) => ({ lo, hi, s, r }))).sort((a, b) => a.lo - b.lo);
    const disjoint = all.every((range, i) => i === 0 || range.lo > all[i - 1]!.hi);
    indexes.set(key, disjoint ? { lo: all.map((r) => r.lo), hi: all.map((r) => r.hi), slice: all.map((r) => r.s), range: all.map((r) => r.r) } : null);
  }
  return indexes.get(key)!;
}

/**
 * The same result as slicesByRange, found point by point (a binary search each) instead of range by
 * range: a face has thousands of ranges and a document a few thousand characters.
 */
function slicesByIndex(slices: readonly Face[], index: RangeIndex, points: readonly number[]): Map<Face, number[]> {
  const found = new Map<number, Map<number, number[]>>();
  for (const point of points) {
    let [a, b] = [0, index.lo.length];
    while (a < b) {
      const mid = (a + b) >> 1;
      if (index.lo[mid]! <= point) a = mid + 1;
      else b = mid;
    }
    const at = a - 1;
    if (at < 0 || index.hi[at]! < point) continue;
    const ranges = found.get(index.slice[at]!) ?? new Map<number, number[]>();
    found.set(index.slice[at]!, ranges);
    ranges.set(index.range[at]!, [...(ranges.get(index.range[at]!) ?? []), point]);
  }
  const used = new Map<Face, number[]>();
  for (const [s, ranges] of [...found].sort((x, y) => x[0] - y[0])) {
    used.set(slices[s]!, [...ranges].sort((x, y) => x[0] - y[0]).flatMap(([, inRange]) => inRange));
  }
  return used;
}

/** Characters of `text` that the body face (Noto Serif SC 400) cannot draw. */
export function uncoveredCharacters(text: string): string[] {
  const covered = new Set([...slicesFor(SLICED_FACES[0]!, text).values()].flat());
  return [...codePointsIn(text)].filter((p) => !covered.has(p)).map((p) => String.fromCodePoint(p));
}

/** The values of an ascending list that lie in [lo, hi], found by binary search. */
function between(sorted: readonly number[], lo: number, hi: number): number[] {
  let [a, b] = [0, sorted.length];
  while (a < b) {
    const mid = (a + b) >> 1;
    if (sorted[mid]! < lo) a = mid + 1;
    else b = mid;
  }
  const found: number[] = [];
  for (let i = a; i < sorted.length && sorted[i]! <= hi; i++) found.push(sorted[i]!);
  return found;
}

export function fontPackageDir(pkg: string): string {
  try {
    return dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`));
  } catch (error) {
    throw new EnvironmentError(`缺少字体包 ${pkg}：请在项目目录运行 npm install`, {}, { cause: error });
  }
}

function parseFace(dir: string, body: string): Face {
  const family = property(body, 'font-family');
  const woff2 = /url\(([^)]+\.woff2)\)/.exec(body)?.[1];
  if (!family || !woff2) throw new EnvironmentError(`无法读取字体包中的字体定义：${dir}`);
  const range = property(body, 'unicode-range');
  return {
    family,
    style: property(body, 'font-style') ?? 'normal',
    weight: property(body, 'font-weight') ?? '400',
    file: join(dir, woff2.replace(/^['"]|['"]$/g, '')),
    ranges: range ? parseUnicodeRange(range) : [[0, 0x10ffff]],
  };
}

function faceCss(face: Face, url: string): string {
  return [
    '@font-face {',
    `  font-family: ${face.family};`,
    `  font-style: ${face.style};`,
    `  font-weight: ${face.weight};`,
    '  font-display: block;',
    `  src: url("${url}") format("woff2");`,
    `  unicode-range: ${face.ranges.map(([lo, hi]) => (lo === hi ? `U+${hex(lo)}` : `U+${hex(lo)}-${hex(hi)}`)).join(',')};`,
    '}',
  ].join('\n');
}

function hex(n: number): string {
  return n.toString(16);
}

function property(body: string, name: string): string | undefined {
  return new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+);`).exec(body)?.[1]?.trim();
}
