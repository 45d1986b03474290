// The floor the speed issue measures the whole command against, as a process of its own: the same
// Chromium with the same flags, started and spoken to the way tongbao does it (in the blank tab it
// starts with), opening the finished speech.html and printing it once with tongbao's print options,
// then closing. Nothing else: no data, no templates, no fonts prepared, no request filter, no checks.
//   node floor.mjs <speech.html> <out.pdf>
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findBrowser } from '../../src/render/pdf/find.js';
import { launchBrowser, startBrowser } from '../../src/render/pdf/launch.js';
import { attach, blankTab, load, printToPdf } from '../../src/render/pdf/pdf.js';

const [html, pdf] = process.argv.slice(2);
if (!html || !pdf) throw new Error('usage: floor <speech.html> <out.pdf>');
const browser = await launchBrowser(startBrowser(findBrowser(), 30_000));
try {
  // The blank tab the browser starts with, as tongbao prints in it.
  const targetId = (await blankTab(browser.connection)) ?? (await browser.connection.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' })).targetId;
  const page = await attach(browser.connection, targetId);
  await page.send('Page.enable');
  await load(page, pathToFileURL(resolve(html)).href);
  await writeFile(pdf, await printToPdf(page));
} finally {
  await browser.close();
}
