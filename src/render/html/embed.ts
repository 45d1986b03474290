// The body face for speech.html, embedded: Noto Serif SC cut to the page's characters, as WOFF data
// URLs. The page then reads well on a machine without Chinese fonts; where the official fonts are
// installed (仿宋_GB2312, 楷体 …), the stylesheet prefers them.
import { readFile } from 'node:fs/promises';
import { SLICED_FACES, slicesFor } from '../fonts/fonts.js';
import { sfntToWoff } from '../fonts/woff.js';

export async function embeddedFontStyle(text: string): Promise<string> {
  const { default: subsetFont } = await import('subset-font');
  const faces: string[] = [];
  for (const [slice, used] of slicesFor(SLICED_FACES[0]!, text)) {
    const woff = sfntToWoff(await subsetFont(await readFile(slice.file), String.fromCodePoint(...used), { targetFormat: 'truetype' }));
    faces.push(
      `@font-face { font-family: ${slice.family}; font-style: normal; font-weight: 400; font-display: swap; ` +
        `src: url(data:font/woff;base64,${woff.toString('base64')}) format("woff"); unicode-range: ${used.map((p) => `U+${p.toString(16)}`).join(',')}; }`,
    );
  }
  return `<style>\n${faces.join('\n')}\n</style>`;
}
