// speech.docx opened by LibreOffice and printed to PDF: A4 pages, 22 lines of 28 characters, “— n —”
// footers, the appendix landscape. LibreOffice is not installed by setup (nor in CI): without
// `soffice` these tests are skipped, and say so.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDocx } from '../../src/render/docx/adapter.js';
import { loadTemplates, renderSpeech } from '../../src/render/markdown/speech.js';
import { type PdfPage, pdfText, readPdf } from '../helpers/pdf.js';
import { narrated } from '../helpers/speech.js';

function findSoffice(): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of ['soffice', 'libreoffice']) {
    const found = dirs.map((dir) => join(dir, name)).find((file) => existsSync(file));
    if (found) return found;
  }
  return undefined;
}

const soffice = findSoffice();
const SKIP = soffice ? '' : '（已跳过：本机没有 LibreOffice（soffice），setup 与 CI 不安装它）';
if (!soffice) console.warn(`docx-libreoffice: skipped, LibreOffice (soffice) is not installed`);

const dir = mkdtempSync(join(tmpdir(), 'tongbao-docx-lo-'));
let pages: PdfPage[] = [];
let plain = '';
let pdf = '';

beforeAll(async () => {
  if (!soffice) return;
  const FIXTURE = 'test/fixtures/mini';
  const { speech } = await narrated(FIXTURE);
  const markdown = renderSpeech(loadTemplates('templates/speech'), speech, 'md');
  writeFileSync(join(dir, 'speech.docx'), await reportDocx(markdown, speech.context.appendix, new Date(Date.UTC(2023, 3, 1))));
  const profile = pathToFileURL(join(dir, 'profile')).href;
  execFileSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'speech.docx')], { stdio: 'pipe', timeout: 180_000 });
  pdf = join(dir, 'speech.pdf');
  pages = (await readPdf(pdf)).pages;
  plain = pdfText(pdf).replace(/\s+/g, '');
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** pdftotext's lines of one page in reading order, white space dropped (LibreOffice spaces out CJK). */
function pageLines(page: number): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-raw', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  return text.split('\n').map((line) => line.replace(/\s+/g, '')).filter(Boolean);
}

describe.skipIf(!soffice)(`speech.docx in LibreOffice${SKIP}`, () => {
  it('prints A4 portrait pages for the speech and landscape pages for the appendix', () => {
    const portrait = pages.filter((p) => Math.round(p.width) === 595 && Math.round(p.height) === 842);
    const landscape = pages.filter((p) => Math.round(p.width) === 842 && Math.round(p.height) === 595);
    expect(portrait.length).toBeGreaterThanOrEqual(4);
    expect(landscape.length).toBeGreaterThanOrEqual(1);
    expect(portrait.length + landscape.length).toBe(pages.length);
    expect(pages.findIndex((p) => p.width > p.height)).toBe(portrait.length);
  });

  it('sets full pages of 22 lines of 28 characters, with “— n —” under them', () => {
    // pdftotext's lines of a full page (page 2), spaces dropped: the page number is the last.
    const lines = pageLines(2);
    expect(lines.at(-1)).toBe('—2—');
    const body = lines.slice(0, -1);
    expect(body).toHaveLength(22);
    // Lines of Chinese text only (no narrow digits or Latin letters): full ones hold 28 characters,
    // none more (headings and the last lines of paragraphs are shorter).
    const chinese = body.filter((line) => !/[0-9A-Za-z.%]/.test(line)).map((line) => [...line].length);
    expect(Math.max(...chinese)).toBe(28);
    expect(chinese.filter((n) => n === 28).length).toBeGreaterThanOrEqual(3);
  });

  it('mirrors the margins: 28 mm on the left of odd pages, 26 mm on the left of even pages', () => {
    const left = (page: PdfPage) => Math.min(...page.placed.filter((item) => item.str.trim() && item.y > 100 && item.y < 760).map((item) => item.x));
    // 28 mm = 79.4 pt, 26 mm = 73.7 pt.
    expect(Math.abs(left(pages[2]!) - 79.4)).toBeLessThan(1.5);
    expect(Math.abs(left(pages[1]!) - 73.7)).toBeLessThan(1.5);
  });

  it('keeps the whole text: title, salutation, the appendix title and its notes', () => {
    const text = plain;
    expect(text).toContain('在全区二季度经济运行部署会议上的讲话');
    expect(text).toContain('同志们：');
    expect(text).toContain('附表：主要经济指标完成情况表');
    expect(text).toContain('—1—');
  });
});
