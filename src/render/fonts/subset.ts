// Subsets of a whole-file font (LXGW WenKai), cut with harfbuzz. Decompressing the 7 MB woff2
// takes ≈0.35 s, so the plain TrueType is cached in the temp folder, keyed by package version.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { EnvironmentError } from '../../errors.js';
import { fontPackageDir, type WholeFace } from './fonts.js';

const memory = new Map<string, Promise<Buffer>>();

/** A TrueType subset of `face` holding the characters of `text` (those the font has). */
export async function subsetFace(face: WholeFace, text: string): Promise<Buffer> {
  const [{ default: subsetFont }, sfnt] = await Promise.all([import('subset-font'), plainFont(face)]);
  return subsetFont(sfnt, text, { targetFormat: 'truetype' });
}

/** The face as uncompressed TrueType, from memory, the temp-folder cache, or the package. */
export function plainFont(face: WholeFace): Promise<Buffer> {
  return plainWoff2(face.pkg, join(fontPackageDir(face.pkg), face.file));
}

/** A woff2 file of a font package as uncompressed TrueType, cached like plainFont. */
export function plainWoff2(pkg: string, woff2File: string): Promise<Buffer> {
  const cached = cachePath(pkg, woff2File);
  let font = memory.get(cached);
  if (!font) {
    font = loadPlain(woff2File, cached);
    memory.set(cached, font);
  }
  return font;
}

/** The path of plainWoff2's cached TrueType file, written first if missing (for tools that read files). */
export async function plainWoff2File(pkg: string, woff2File: string): Promise<string> {
  await plainWoff2(pkg, woff2File);
  return cachePath(pkg, woff2File);
}

function cachePath(pkg: string, woff2File: string): string {
  const version = (JSON.parse(readFileSync(join(fontPackageDir(pkg), 'package.json'), 'utf8')) as { version: string }).version;
  return join(tmpdir(), 'tongbao-font-cache', `${basename(woff2File, '.woff2')}-${version}.ttf`);
}

async function loadPlain(woff2File: string, cached: string): Promise<Buffer> {
  // Read in one go: an async read of 16 MB takes 32 round trips through a busy event loop (≈0.4 s).
  if (existsSync(cached)) return readFileSync(cached);
  let packed: Buffer;
  try {
    packed = await readFile(woff2File);
  } catch (error) {
    throw new EnvironmentError(`缺少字体文件 ${woff2File}：请在项目目录运行 npm install`, {}, { cause: error });
  }
  const { convert } = await import('fontverter');
  const plain = await convert(packed, 'sfnt');
  // Written under a unique name and renamed, so parallel builds never read half a file.
  await mkdir(join(cached, '..'), { recursive: true });
  const partial = `${cached}.${process.pid}.part`;
  await writeFile(partial, plain);
  await rename(partial, cached);
  return plain;
}
