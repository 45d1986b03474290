// Subsets of a whole-file font (LXGW WenKai), cut with harfbuzz, and the npm fonts decoded from
// woff2 to plain TrueType. Decompressing the 7 MB WenKai woff2 takes ≈0.35–1 s, so decoded fonts
// are kept as files (`npm run setup` makes them) under node_modules/.cache/tongbao/fonts/, named
// by the package's and the decoder's versions; each subset is cached by the characters it holds.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { EnvironmentError } from '../../errors.js';
import { cacheDir, cacheKey, cachedAsync } from '../../system/cache.js';
import { packageVersion } from '../../system/packages.js';
import { type SlicedFace, type WholeFace, fontPackageDir, slicedFaces } from './fonts.js';
import { distinctCharacters } from './unicode.js';

const memory = new Map<string, Promise<Buffer>>();
const raw = { encode: (value: Buffer) => value, decode: (bytes: Buffer) => bytes };

/** A TrueType subset of `face` holding the characters of `text` (those the font has). */
export async function subsetFace(face: WholeFace, text: string): Promise<Buffer> {
  // A subset depends only on which characters it holds.
  const characters = distinctCharacters(text);
  const key = cacheKey('subset', face.pkg, packageVersion(face.pkg), face.file, characters);
  return cachedAsync('font-subsets', key, async () => {
    const [{ default: subsetFont }, sfnt] = await Promise.all([import('subset-font'), plainFont(face)]);
    return subsetFont(sfnt, characters, { targetFormat: 'truetype' });
  }, raw.encode, raw.decode);
}

/** The face as uncompressed TrueType. */
export function plainFont(face: WholeFace): Promise<Buffer> {
  return plainWoff2(face.pkg, join(fontPackageDir(face.pkg), face.file));
}

/** A woff2 file of a font package as uncompressed TrueType, from memory, the cache, or the package. */
export function plainWoff2(pkg: string, woff2File: string): Promise<Buffer> {
  const file = plainPath(pkg, woff2File);
  let font = memory.get(file);
  if (!font) {
    font = loadPlain(woff2File, file);
    memory.set(file, font);
  }
  return font;
}

/** The path of plainWoff2's TrueType file, written first if missing (for tools that read files). */
export async function plainWoff2File(pkg: string, woff2File: string): Promise<string> {
  await plainWoff2(pkg, woff2File);
  return plainPath(pkg, woff2File);
}

/** Decodes every slice of `face` into the cache (npm run setup): the web page's face is cut from them. */
export async function preparePlainSlices(face: SlicedFace): Promise<void> {
  for (const slice of slicedFaces(face)) await plainWoff2(face.pkg, slice.file);
}

function plainPath(pkg: string, woff2File: string): string {
  const folder = `${pkg.replace('/', '+')}@${packageVersion(pkg)}-fontverter@${packageVersion('fontverter')}`;
  const base = cacheDir();
  return join(base ? join(base, 'fonts') : join(tmpdir(), 'tongbao-font-cache'), folder, `${basename(woff2File, '.woff2')}.ttf`);
}

async function loadPlain(woff2File: string, file: string): Promise<Buffer> {
  // Read in one go: an async read of 16 MB takes 32 round trips through a busy event loop (≈0.4 s).
  const kept = existsSync(file) ? readFileSync(file) : undefined;
  if (kept && isWholeSfnt(kept)) return kept;
  let packed: Buffer;
  try {
    packed = await readFile(woff2File);
  } catch (error) {
    throw new EnvironmentError(`缺少字体文件 ${woff2File}：请在项目目录运行 npm install`, {}, { cause: error });
  }
  const plain = await decodeWoff2(packed);
  // Written under a unique name and renamed, so parallel builds never read half a file; a file that
  // cannot be written is no error (the font is decoded again next time).
  const partial = `${file}.${process.pid}.part`;
  try {
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(partial, plain);
    await rename(partial, file);
  } catch {
    await rm(partial, { force: true }).catch(() => undefined);
  }
  return plain;
}

let decoding: Promise<unknown> = Promise.resolve();

/**
 * woff2 → TrueType, one at a time: fontverter's WebAssembly decoder is not reentrant, and two
 * decodings at once return damaged fonts (seen: charts drawn with empty boxes).
 */
function decodeWoff2(packed: Buffer): Promise<Buffer> {
  const next = decoding.then(async () => (await import('fontverter')).convert(packed, 'sfnt'));
  decoding = next.catch(() => undefined);
  return next;
}

/** A kept font whose table directory points inside the file (a damaged or cut file is decoded again). */
function isWholeSfnt(font: Buffer): boolean {
  if (font.length < 12) return false;
  const tables = font.readUInt16BE(4);
  if (tables === 0 || 12 + 16 * tables > font.length) return false;
  for (let i = 0; i < tables; i++) {
    const record = 12 + 16 * i;
    if (font.readUInt32BE(record + 8) + font.readUInt32BE(record + 12) > font.length) return false;
  }
  return true;
}
