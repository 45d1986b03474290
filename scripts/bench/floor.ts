// The floor the speed issue measures the whole command against, as a process of its own: the same
// Chromium with the same flags, started the way tongbao starts it, opening the finished
// speech.html and printing it once (A4, CSS page size, tagged, outline — the options tongbao
// prints with), then closing. Nothing else: no data, no templates, no fonts prepared.
//   node floor.mjs <speech.html> <out.pdf>
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findBrowser } from '../../src/render/pdf/browser.js';
import { launchBrowser } from '../../src/render/pdf/launch.js';

const [html, pdf] = process.argv.slice(2);
if (!html || !pdf) throw new Error('usage: floor <speech.html> <out.pdf>');
const launched = await launchBrowser(findBrowser(), 30_000);
try {
  const page = await launched.browser.newPage();
  await page.goto(pathToFileURL(resolve(html)).href, { waitUntil: 'load' });
  await writeFile(pdf, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true }));
} finally {
  await launched.close();
}
