import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { launch } from 'puppeteer-core';
import subsetFont from 'subset-font';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/build.js';
import { findBrowser } from '../../src/render/pdf/browser.js';
import { slicesFor, SLICED_FACES } from '../../src/render/fonts/fonts.js';
import { sfntToWoff } from '../../src/render/fonts/woff.js';

describe('sfntToWoff', () => {
  it('packs every table so that inflating it gives the TrueType table back, byte for byte', async () => {
    const [slice, used] = [...slicesFor(SLICED_FACES[0]!, '增长下降百分点')][0]!;
    const ttf = await subsetFont(readFileSync(slice.file), String.fromCodePoint(...used), { targetFormat: 'truetype' });
    const woff = sfntToWoff(ttf);
    expect(woff.toString('latin1', 0, 4)).toBe('wOFF');
    expect(woff.readUInt32BE(4)).toBe(ttf.readUInt32BE(0)); // flavor
    expect(woff.readUInt32BE(8)).toBe(woff.length);
    const count = woff.readUInt16BE(12);
    expect(count).toBe(ttf.readUInt16BE(4));
    for (let i = 0; i < count; i++) {
      const entry = 44 + 20 * i;
      const [tag, offset, compLength, origLength] = [0, 4, 8, 12].map((k) => woff.readUInt32BE(entry + k)) as [number, number, number, number];
      const record = [...Array(count).keys()].map((j) => 12 + 16 * j).find((r) => ttf.readUInt32BE(r) === tag)!;
      const original = ttf.subarray(ttf.readUInt32BE(record + 8), ttf.readUInt32BE(record + 8) + ttf.readUInt32BE(record + 12));
      const stored = woff.subarray(offset, offset + compLength);
      expect(compLength < origLength ? inflateSync(stored) : stored).toEqual(original);
      expect(offset % 4).toBe(0);
    }
  });
});

describe('the WOFF faces embedded in speech.html', () => {
  it('all load in the browser (a malformed font would end in status "error")', async () => {
    const out = mkdtempSync(join(tmpdir(), 'tongbao-woff-'));
    try {
      await buildReport({
        configFile: 'test/fixtures/mini/tongbao.config.yaml', dataDir: 'test/fixtures/mini/data', outDir: out, templateDir: 'templates/speech',
        meeting: { year: 2023, quarter: 2 }, formats: new Set(['html']), log: () => {},
      });
      const browser = await launch({ executablePath: findBrowser(), args: ['--no-sandbox', '--disable-gpu'], headless: true });
      try {
        const page = await browser.newPage();
        await page.goto(pathToFileURL(join(out, '2023-Q2', 'speech.html')).href);
        const statuses = await page.evaluate(async () => {
          const faces = [...document.fonts].filter((face) => face.family.includes('Noto Serif SC'));
          await Promise.all(faces.map((face) => face.load().catch(() => null)));
          return faces.map((face) => face.status);
        });
        expect(statuses.length).toBeGreaterThan(0);
        expect(new Set(statuses)).toEqual(new Set(['loaded']));
      } finally {
        await browser.close();
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
