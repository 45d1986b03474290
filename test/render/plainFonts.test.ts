// Fonts decoded from the npm packages' woff2 files: several at once come out whole (the decoder is
// not reentrant: decoded side by side they were damaged), and a damaged kept file is decoded again.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SLICED_FACES, slicedFaces } from '../../src/render/fonts/fonts.js';
import { plainWoff2, plainWoff2File } from '../../src/render/fonts/subset.js';
import { resetCache } from '../../src/system/cache.js';

const dir = mkdtempSync(join(tmpdir(), 'tongbao-plain-fonts-'));
const runCache = process.env.TONGBAO_CACHE_DIR;
process.env.TONGBAO_CACHE_DIR = dir;
resetCache();
afterAll(() => {
  restore('TONGBAO_CACHE_DIR', runCache);
  resetCache();
  rmSync(dir, { recursive: true, force: true });
});

/** Whether a TrueType file's table directory lies inside it and its first table is where it says. */
function whole(font: Buffer): boolean {
  if (font.readUInt32BE(0) !== 0x00010000 && font.toString('latin1', 0, 4) !== 'OTTO') return false;
  const tables = font.readUInt16BE(4);
  return Array.from({ length: tables }, (_, i) => 12 + 16 * i).every((at) => font.readUInt32BE(at + 8) + font.readUInt32BE(at + 12) <= font.length);
}

describe('decoded npm fonts', () => {
  const face = SLICED_FACES[0]!;
  const slices = slicedFaces(face).slice(0, 4);

  it('several decoded at once are whole TrueType fonts, kept as files', async () => {
    const fonts = await Promise.all(slices.map((slice) => plainWoff2(face.pkg, slice.file)));
    expect(fonts.every(whole)).toBe(true);
    const files = await Promise.all(slices.map((slice) => plainWoff2File(face.pkg, slice.file)));
    files.forEach((file, i) => expect(readFileSync(file).equals(fonts[i]!)).toBe(true));
  });

  it('a kept file that is damaged (cut short, or not a font) is decoded again and replaced', async () => {
    const [cut, garbage] = slicedFaces(face).slice(10, 12);
    const where = (slice: typeof cut) => join(dir, 'fonts', readdirSync(join(dir, 'fonts'))[0]!, `${basename(slice!.file, '.woff2')}.ttf`);
    const reference = await plainWoff2(face.pkg, slicedFaces(face)[12]!.file); // any whole font, cut below
    writeFileSync(where(cut), reference.subarray(0, reference.length >> 1));
    writeFileSync(where(garbage), Buffer.from('OpenPGP? no: 98 63 53 00 01 2b d8 b1 FEDG'));
    for (const slice of [cut!, garbage!]) {
      const font = await plainWoff2(face.pkg, slice.file);
      expect(whole(font)).toBe(true);
      expect(readFileSync(where(slice)).equals(font)).toBe(true);
    }
  });
});

/** Puts an environment variable back as it was (absent when it was). */
function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
