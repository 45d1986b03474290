import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { copyPrintFonts, uncoveredCharacters } from '../../src/render/fonts/fonts.js';
import { visibleText } from '../../src/render/pdf/print.js';

describe('copyPrintFonts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tongbao-fonts-'));
  let css = '';
  let faces: string[] = [];

  beforeAll(async () => {
    css = await copyPrintFonts('在全区二季度经济运行部署会议上的讲话（2023年4月）— 1 —', dir, '.print-fonts');
    faces = css.match(/@font-face \{[^}]*\}/g) ?? [];
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('declares serif 400/700 and sans 700 under fontsource’s family names', () => {
    const kinds = new Set(faces.map((face) => `${/font-family: ([^;]+);/.exec(face)?.[1]} ${/font-weight: (\d+)/.exec(face)?.[1]}`));
    expect([...kinds].sort()).toEqual(["'Noto Sans SC' 700", "'Noto Serif SC' 400", "'Noto Serif SC' 700"]);
  });

  it('copies only the slices the text needs into the page’s folder, and points at them there', () => {
    const files = readdirSync(dir);
    expect(files.length).toBe(faces.length);
    expect(faces.length).toBeLessThan(40);
    for (const face of faces) {
      const url = /url\("([^"]+)"\) format\("woff2"\)/.exec(face)?.[1] ?? '';
      expect(url).toMatch(/^\.print-fonts\/[\w-]+\.woff2$/);
      expect(existsSync(join(dir, url.replace('.print-fonts/', '')))).toBe(true);
      expect(face).toMatch(/unicode-range: U\+/);
    }
  });

  it('copies nothing for a text without characters', async () => {
    expect(await copyPrintFonts('', dir, '.')).toBe('');
  });
});

describe('fonts for one document', () => {
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
