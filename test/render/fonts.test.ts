import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { printFontFaces, uncoveredCharacters } from '../../src/render/fonts.js';
import { visibleText } from '../../src/render/print.js';

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

describe('fonts for one document', () => {
  it('keeps only the slices that hold a character of the text', () => {
    const some = printFontFaces('同志们：1—3月').match(/@font-face \{[^}]*\}/g) ?? [];
    expect(some.length).toBeGreaterThan(0);
    expect(some.length).toBeLessThan(20);
    expect(printFontFaces('').match(/@font-face/g)).toBeNull();
  });

  it('finds the characters the body face cannot draw', () => {
    expect(uncoveredCharacters('在全区二季度经济运行部署会议上的讲话 — 5.2%“五一”<img>')).toEqual([]);
    expect(uncoveredCharacters('项目\u{30000}名称')).toEqual(['\u{30000}']); // CJK Extension G
  });
});

describe('visibleText', () => {
  it('is the body text a reader sees: no tags, styles, comments or CDATA; entities decoded', () => {
    const html = '<html><head><style>x{}</style></head><body><p class="a">增长&lt;5&gt; &amp; “五一”&#39;</p><!--tongbao:chart:growth--><svg><style><![CDATA[.zr{}]]></style><text>图</text></svg></body></html>';
    expect(visibleText(html)).toBe('增长<5> & “五一”\'图');
  });
});
