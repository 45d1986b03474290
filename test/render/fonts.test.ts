import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { printFontFaces } from '../../src/render/fonts.js';

describe('printFontFaces', () => {
  const css = printFontFaces();
  const faces = css.match(/@font-face \{[^}]*\}/g) ?? [];

  it('declares serif 400/700 and sans 700 under fontsource’s family names', () => {
    const kinds = new Set(faces.map((face) => `${/font-family: ([^;]+);/.exec(face)?.[1]} ${/font-weight: (\d+)/.exec(face)?.[1]}`));
    expect([...kinds].sort()).toEqual(["'Noto Sans SC' 700", "'Noto Serif SC' 400", "'Noto Serif SC' 700"]);
  });

  it('keeps only woff2 sources, as absolute file urls that exist, each with its unicode-range', () => {
    expect(faces.length).toBeGreaterThan(100);
    for (const face of faces) {
      const urls = [...face.matchAll(/url\("([^"]+)"\)/g)].map((m) => m[1] ?? '');
      expect(urls).toHaveLength(1);
      expect(urls[0]).toMatch(/^file:\/\/.*\.woff2$/);
      expect(existsSync(fileURLToPath(urls[0] ?? ''))).toBe(true);
      expect(face).toMatch(/unicode-range: U\+/);
    }
    expect(css).not.toContain('.woff)');
  });

  it('is computed once', () => {
    expect(printFontFaces()).toBe(css);
  });
});
