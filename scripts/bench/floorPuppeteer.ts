// The floor as round 1 could have measured it, for reference: puppeteer-core launching the same
// Chromium with the same flags, opening the finished speech.html and printing it once.
//   node floorPuppeteer.mjs <speech.html> <out.pdf>
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from 'puppeteer-core';
import { findBrowser } from '../../src/render/pdf/find.js';

const [html, pdf] = process.argv.slice(2);
if (!html || !pdf) throw new Error('usage: floorPuppeteer <speech.html> <out.pdf>');
const dir = mkdtempSync(join(tmpdir(), 'tongbao-floor-'));
const browser = await launch({
  executablePath: findBrowser(),
  headless: 'shell',
  pipe: true,
  userDataDir: join(dir, 'profile'),
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  env: { ...process.env, TMPDIR: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') },
});
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(resolve(html)).href, { waitUntil: 'load' });
  await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true });
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
