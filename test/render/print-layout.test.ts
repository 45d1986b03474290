// The printed page as a reader sees it, measured from the PDF's text boxes: justified lines never
// stretched letter by letter, the closing paragraph never leaving one line alone on a page, appendix
// header cells broken only where we break them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDraftPage } from '../../src/render/html/draftPage.js';
import { renderPage } from '../../src/render/html/page.js';
import { loadTemplates } from '../../src/render/markdown/speech.js';
import { MAX_SQUEEZE_PT, MAX_STRETCH_PT } from '../../src/render/pdf/justify.js';
import { type Printer, startPrinter } from '../../src/render/pdf/print.js';
import { browserPath } from '../helpers/browser.js';
import { narrated } from '../helpers/speech.js';
import { type PdfPage, readPdf } from '../helpers/pdf.js';

const noBrowser = browserPath() === undefined;

const CSS = readFileSync('templates/speech/style.css', 'utf8');
/** The stylesheet's letter-spacing of the printed body, in pt: the gap between two characters of a line that is not stretched. */
const BASE_GAP = -0.22;
const dir = mkdtempSync(join(tmpdir(), 'tongbao-print-layout-'));
let printer: Printer;

beforeAll(() => {
  if (!noBrowser) printer = startPrinter();
});
afterAll(async () => {
  await printer?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function print(name: string, markdown: string): Promise<PdfPage[]> {
  return printHtml(name, await renderDraftPage(markdown, { css: CSS, pageNumbers: 'outer' }));
}

async function printHtml(name: string, html: string): Promise<PdfPage[]> {
  await printer.print(dir, `${name}.pdf`, html, { date: new Date(Date.UTC(2023, 3, 1)) });
  return (await readPdf(join(dir, `${name}.pdf`))).pages;
}

/** Text boxes of the body grouped into lines (by baseline), left to right; page numbers left out. */
function bodyLines(page: PdfPage) {
  const byY = new Map<number, PdfPage['placed'][number][]>();
  for (const item of page.placed) {
    if (!item.str.trim() || /^—\s*\d+\s*—$/.test(item.str.trim())) continue;
    const y = Math.round(item.y * 2) / 2;
    byY.set(y, [...(byY.get(y) ?? []), item]);
  }
  return [...byY.entries()].sort((a, b) => b[0] - a[0]).map(([, items]) => items.sort((a, b) => a.x - b.x));
}

/** The gaps between neighbouring boxes of a line, in pt. */
function gaps(line: readonly PdfPage['placed'][number][]): number[] {
  return line.slice(1).map((item, i) => item.x - (line[i]!.x + line[i]!.width));
}

// 42 paragraphs, each with a number+unit+comma that cannot be split, at every position a line can
// end: without fitting, some lines would open gaps of 2 pt and more between all their characters.
const CJK = '经济运行总体平稳稳中承压各项指标完成情况好于预期部分指标仍需努力';
const crowded = Array.from({ length: 42 }, (_, i) => `${CJK.repeat(2).slice(0, 14 + (i % 14))}下降${(i * 7.3 + 11).toFixed(1)}%，低于预期${(i * 1.9 + 3).toFixed(1)}个百分点，${CJK}。`).join('\n\n');

describe.skipIf(noBrowser)('printed speech layout', () => {
  it(`never stretches a justified line by more than ${MAX_STRETCH_PT} pt a gap, nor tightens it by more than ${MAX_SQUEEZE_PT} pt`, async () => {
    const pages = await print('crowded', `# 标题\n\n（2023年4月）\n\n${crowded}\n`);
    const all = pages.flatMap((page) => bodyLines(page).filter((line) => line.length > 10).map(gaps));
    expect(all.length).toBeGreaterThan(100);
    const widest = Math.max(...all.flat());
    const tightest = Math.min(...all.flat());
    expect(widest).toBeLessThanOrEqual(BASE_GAP + MAX_STRETCH_PT + 0.05);
    expect(tightest).toBeGreaterThanOrEqual(BASE_GAP - MAX_SQUEEZE_PT - 0.05);
  });

  it('never leaves the last line of the closing paragraph alone on a page', async () => {
    // Five paragraphs of 4 full lines (2 + 109 + “。” = 4 × 28) and one of a line fill 21 of the
    // page's 22 lines: the closing paragraph of two lines would start on the last line.
    const full = Array.from({ length: 5 }, () => `${CJK.repeat(4).slice(0, 109)}。`).join('\n\n');
    const closing = `同志们，${CJK.repeat(2).slice(0, 40)}。`;
    const pages = await print('closing', `${full}\n\n${CJK.slice(0, 25)}。\n\n${closing}\n`);
    expect(pages).toHaveLength(2);
    const last = bodyLines(pages.at(-1)!);
    expect(last.length).toBeGreaterThanOrEqual(2);
    expect(last.map((line) => line.map((i) => i.str).join('')).join('')).toContain('同志们，');
  });

  it('breaks appendix header cells only between words, and lines up the two charts', async () => {
    const FIXTURE = 'test/fixtures/mini';
    const { speech } = await narrated(FIXTURE);
    const html = await renderPage(loadTemplates('templates/speech'), speech, { title: '讲话', css: CSS, appendix: true, pageNumbers: 'outer' });
    const landscape = (await printHtml('appendix', html)).filter((page) => page.width > page.height);
    const lines = landscape.flatMap((page) => bodyLines(page).map((line) => line.map((item) => item.str).join('')));
    for (const word of ['序号', '指标名称', '全年目标', '1—3月完成', '同比增长', '预期增速', '与预期差', '(百分点)', '完成全年', '目标(%)', '牵头单位']) {
      expect(lines.some((line) => line.includes(word)), word).toBe(true);
    }
    const captions = landscape.flatMap((page) => page.placed.filter((item) => /^图/.test(item.str.trim())));
    expect(captions).toHaveLength(2);
    expect(Math.abs(captions[0]!.y - captions[1]!.y)).toBeLessThan(1);
  });
});
