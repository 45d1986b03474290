// speech.html on a desktop screen: the appendix table fits on the page card, with no horizontal
// scrollbar hidden at the bottom of a long table.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPage } from '../../src/render/html/page.js';
import { loadTemplates } from '../../src/render/markdown/speech.js';
import { browserPath } from '../helpers/browser.js';
import { narrated } from '../helpers/speech.js';

const browser = browserPath();
const dir = mkdtempSync(join(tmpdir(), 'tongbao-screen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!browser)('speech.html on screen', () => {
  it('shows the whole appendix table inside the page at 1280 and 1024 px', async () => {
    const FIXTURE = 'test/fixtures/mini';
    const { speech } = await narrated(FIXTURE);
    const css = readFileSync('templates/speech/style.css', 'utf8');
    const html = await renderPage(loadTemplates('templates/speech'), speech, { title: '讲话', css, appendix: true, pageNumbers: 'outer' });
    writeFileSync(join(dir, 'speech.html'), html);
    const chromium = await launch({ executablePath: browser, args: ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${join(dir, 'profile')}`] });
    try {
      const page = await chromium.newPage();
      await page.setJavaScriptEnabled(false);
      for (const width of [1280, 1024]) {
        await page.setViewport({ width, height: 900 });
        await page.goto(pathToFileURL(join(dir, 'speech.html')).href);
        const box = await page.evaluate(() => {
          const card = document.body.getBoundingClientRect();
          const table = document.querySelector('table.appendix-table')!;
          const section = document.querySelector('section.appendix')!;
          return { card: [card.left, card.right], table: [table.getBoundingClientRect().left, table.getBoundingClientRect().right], overflow: section.scrollWidth - section.clientWidth, page: document.documentElement.scrollWidth - innerWidth };
        });
        expect(box.table[0], `${width}px`).toBeGreaterThanOrEqual(box.card[0]!);
        expect(box.table[1], `${width}px`).toBeLessThanOrEqual(box.card[1]!);
        expect(box.overflow, `${width}px`).toBe(0);
        expect(box.page, `${width}px`).toBeLessThanOrEqual(0);
      }
    } finally {
      await chromium.close();
    }
  }, 60_000);
});
