// pdf.fonts: a font file the office owns (here a stand-in, test/fixtures/fonts/office-fangsong.ttf,
// made by scripts/make-font-fixture.ts) prints the body in place of the bundled face, as a subset.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { officeFonts, sfntNames } from '../../src/render/fonts/office.js';
import { renderDraftPage } from '../../src/render/html/draftPage.js';
import { startPrinter } from '../../src/render/pdf/print.js';
import { browserPath } from '../helpers/browser.js';
import { embeddedFonts, pdfText } from '../helpers/pdf.js';

const FONT = 'test/fixtures/fonts/office-fangsong.ttf';
const dir = mkdtempSync(join(tmpdir(), 'tongbao-office-fonts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const noBrowser = browserPath() === undefined;

describe('office fonts (pdf.fonts)', () => {
  it('resolves files relative to the config file and refuses a missing one, naming the option', () => {
    expect(officeFonts({ fangsong: 'fonts/office-fangsong.ttf' }, 'test/fixtures/tongbao.config.yaml')).toEqual({ fangsong: resolve(FONT) });
    expect(() => officeFonts({ kai: 'fonts/楷体_GB2312.ttf' }, 'test/fixtures/tongbao.config.yaml')).toThrow(ConfigError);
    expect(() => officeFonts({ kai: 'fonts/楷体_GB2312.ttf' }, 'test/fixtures/tongbao.config.yaml')).toThrow(/pdf\.fonts\.kai 指向的字体文件不存在/);
  });

  it('reads the names a PDF will carry for the font', () => {
    expect(sfntNames(readFileSync(FONT))).toEqual(expect.arrayContaining(['TongbaoTestFang']));
  });

  it.skipIf(noBrowser)('prints the body in the office font, embedded as a subset', async () => {
    const markdown = '# 在全区二季度经济运行部署会议上的讲话\n\n（2023年4月）\n\n同志们：\n\n今天召开会议，主要任务是回顾一季度情况，分析当前面临的困难和问题，安排工作。规上工业增加值下降3.2%，低于预期5.2个百分点。\n';
    const printer = startPrinter();
    try {
      const html = await renderDraftPage(markdown, { css: readFileSync('templates/speech/style.css', 'utf8'), pageNumbers: 'outer' });
      await printer.print(dir, 'office.pdf', html, { date: new Date(Date.UTC(2023, 3, 1)), fonts: { fangsong: resolve(FONT) } });
    } finally {
      await printer.close();
    }
    const fonts = await embeddedFonts(join(dir, 'office.pdf'));
    const office = fonts.find((font) => font.name.startsWith('TongbaoTestFang'));
    expect(office?.embedded).toBe(true);
    for (const char of '同志们今天召开会议困难和问题') expect(office!.chars.has(char), char).toBe(true);
    // Only the body's characters: not the title's 讲话 set in 小标宋 (bundled), nor characters the text lacks.
    expect(office!.chars.has('讲')).toBe(false);
    expect(office!.chars.size).toBeLessThan(80);
    // The bundled body face carries none of the body's characters.
    const bundledBody = fonts.filter((font) => font.name.startsWith('NotoSerifSC') && font.chars.has('—'));
    for (const font of bundledBody) expect(font.chars.has('们')).toBe(false);
    expect(pdfText(join(dir, 'office.pdf')).replace(/\s+/g, '')).toContain('同志们：今天召开会议');
  }, 60_000);
});
