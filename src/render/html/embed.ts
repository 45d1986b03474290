// The body face for speech.html, embedded: Noto Serif SC cut to the page's characters, as WOFF data
// URLs. The page then reads well on a machine without Chinese fonts; where the official fonts are
// installed (仿宋_GB2312, 楷体 …), the stylesheet prefers them. Cut once per set of characters
// (cached): a rebuild whose text uses the same characters reuses it.
import { cacheKey, cachedAsync, text as asText } from '../../system/cache.js';
import { SLICED_FACES, slicesFor } from '../fonts/fonts.js';
import { plainWoff2 } from '../fonts/subset.js';
import { packageVersion } from '../../system/packages.js';
import { distinctCharacters } from '../fonts/unicode.js';
import { sfntToWoff } from '../fonts/woff.js';

export async function embeddedFontStyle(text: string): Promise<string> {
  const face = SLICED_FACES[0]!;
  const characters = distinctCharacters(text);
  const key = cacheKey('embedded-font', face.pkg, packageVersion(face.pkg), face.css, 'subset-font', packageVersion('subset-font'), characters);
  return cachedAsync('embedded-fonts', key, () => cutFaces(characters), asText.encode, asText.decode);
}

async function cutFaces(text: string): Promise<string> {
  const { default: subsetFont } = await import('subset-font');
  const faces: string[] = [];
  for (const [slice, used] of slicesFor(SLICED_FACES[0]!, text)) {
    const woff = sfntToWoff(await subsetFont(await plainWoff2(SLICED_FACES[0]!.pkg, slice.file), String.fromCodePoint(...used), { targetFormat: 'truetype' }));
    faces.push(
      `@font-face { font-family: ${slice.family}; font-style: normal; font-weight: 400; font-display: swap; ` +
        `src: url(data:font/woff;base64,${woff.toString('base64')}) format("woff"); unicode-range: ${used.map((p) => `U+${p.toString(16)}`).join(',')}; }`,
    );
  }
  return `<style>\n${faces.join('\n')}\n</style>`;
}
