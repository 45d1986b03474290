// Issue #6: the documents as a reader gets them — built by the CLI, then read back with pdf.js,
// pdftotext and pdf-lib: layout, fonts, bookmarks, appendix, charts, numbered copies, escaping,
// and byte-identical rebuilds.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/render/pdf/browser.js';
import { tongbao } from '../helpers/cli.js';
import { type PdfPage, embeddedFonts, pdfText, readPdf } from '../helpers/pdf.js';

const MINI = 'test/fixtures/mini';
const UNSAFE = 'test/fixtures/issue-6-unsafe-text';
// Saved as GB18030, as Excel saves a CSV on Chinese Windows.
const ATTENDEES = 'test/fixtures/attendees-gb18030.csv';
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-documents-'));

function build(fixture: string, out: string, extra: readonly string[] = []): void {
  const run = tongbao(['report', '--quarter', 'Q2', '--config', `${fixture}/tongbao.config.yaml`, '--data', `${fixture}/data`, '--out', out, ...extra], { SOURCE_DATE_EPOCH: '' });
  if (run.code !== 0) throw new Error(`build failed: ${run.stderr}`);
}

const hasBrowser = (() => {
  try {
    return findBrowser() !== '';
  } catch {
    return false;
  }
})();

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!hasBrowser)('the mini briefing with numbered copies', () => {
  const [a, b] = [join(tmp, 'a'), join(tmp, 'b')];
  const dir = join(a, '2023-Q2');
  let pages: PdfPage[];
  let outline: string[];

  beforeAll(async () => {
    build(MINI, a, ['--attendees', ATTENDEES]);
    build(MINI, b, ['--attendees', ATTENDEES]);
    ({ pages, outline } = await readPdf(join(dir, 'speech.pdf')));
  }, 60_000);

  it('gives byte-identical md, html, pdf and copies on a second build', () => {
    for (const file of ['speech.md', 'speech.html', 'speech.pdf', 'figures.json', ...readdirSync(join(dir, 'copies')).map((f) => `copies/${f}`)]) {
      expect(readFileSync(join(b, '2023-Q2', file)).equals(readFileSync(join(dir, file))), file).toBe(true);
    }
  });

  it('prints the speech on A4 portrait and the appendix on A4 landscape pages', () => {
    const sizes = pages.map((p) => `${Math.round(p.width)}x${Math.round(p.height)}`);
    const appendixFrom = pages.findIndex((p) => p.text.includes('附表：主要经济指标完成情况表'));
    expect(appendixFrom).toBeGreaterThan(0);
    expect(sizes.slice(0, appendixFrom).every((s) => s === '595x842')).toBe(true);
    expect(sizes.slice(appendixFrom).every((s) => s === '842x595')).toBe(true);
  });

  it('sets the body on the GB/T 9704 grid: 22 lines of 28 characters in a 156 mm wide block', () => {
    // The fullest portrait page of the speech: lines by baseline, above the page number.
    const linesOf = (page: (typeof pages)[number]) => {
      const lines = new Map<number, { text: string; left: number; right: number }>();
      for (const item of page.placed.filter((i) => i.y > 100 && i.str.trim() !== '')) {
        const line = lines.get(Math.round(item.y)) ?? { text: '', left: Infinity, right: 0 };
        lines.set(Math.round(item.y), { text: line.text + item.str, left: Math.min(line.left, item.x), right: Math.max(line.right, item.x + item.width) });
      }
      return lines;
    };
    const portrait = pages.filter((page) => page.height > page.width);
    const lines = portrait.map(linesOf).reduce((a, b) => (b.size > a.size ? b : a));
    const ems = (text: string) => [...text.replace(/\s/g, '')].reduce((n, c) => n + (/[\x21-\x7e]/.test(c) ? 0.5 : 1), 0);
    expect(lines.size).toBe(22);
    expect(Math.max(...[...lines.values()].map((l) => ems(l.text)))).toBe(28);
    const widest = Math.max(...[...lines.values()].map((l) => ((l.right - l.left) / 72) * 25.4));
    expect(widest).toBeGreaterThan(155);
    expect(widest).toBeLessThan(157);
  });

  it('numbers pages “— n —” on the outer side: odd pages right, even pages left', () => {
    for (const [i, page] of pages.slice(0, 2).entries()) {
      const number = page.placed.find((item) => item.str.replace(/\s/g, '') === `—${i + 1}—`);
      expect(number, `page ${i + 1}`).toBeDefined();
      const centre = number!.x + number!.width / 2;
      expect(i % 2 === 0 ? centre > page.width / 2 + 100 : centre < page.width / 2 - 100).toBe(true);
    }
  });

  it('has bookmarks for the title, the headings and the appendix', () => {
    expect(outline[0]).toBe('在全区二季度经济运行部署会议上的讲话');
    expect(outline).toContain('一、正视差距，切实增强抓好二季度经济工作的紧迫感');
    expect(outline).toContain('（一）在工业稳增长上聚力攻坚');
    expect(outline.at(-1)).toBe('附表：主要经济指标完成情况表');
  });

  it('draws every character with the embedded npm fonts, none with a system font', async () => {
    const fonts = await embeddedFonts(join(dir, 'speech.pdf'));
    expect(fonts.every((f) => f.embedded)).toBe(true);
    expect(new Set(fonts.map((f) => f.name.replace(/-.*|Thin|ExtraLight/g, '')))).toEqual(new Set(['NotoSerifSC', 'NotoSansSC', 'LXGWWenKai']));
    const drawable = new Set(fonts.flatMap((f) => [...f.chars]));
    const missing = [...new Set(pdfText(join(dir, 'speech.pdf')).replace(/\s/g, ''))].filter((c) => !drawable.has(c));
    expect(missing).toEqual([]);
  });

  it('prints the appendix table with its unit line, header, rows and notes', () => {
    const text = pages.filter((p) => p.width > p.height).map((p) => p.text.replace(/\s/g, '')).join('');
    expect(text).toContain('单位：亿元、%');
    expect(text).toContain('序号指标名称单位全年目标1—3月完成同比增长(%)预期增速(%)与预期差(百分点)完成全年目标(%)全市位次牵头单位');
    expect(text).toContain('1规上工业增加值%增长5%左右—-3.22.0-5.2—3区科工局');
    expect(text).toContain('6招商引资到位资金亿元5011.8022.9——23.6—区投促局');
    expect(text).toContain('4.“—”表示无此项数据或不可比。');
  });

  it('draws both charts as text-bearing SVG in the PDF appendix', () => {
    const text = pages.filter((p) => p.width > p.height).map((p) => p.text).join('');
    expect(text).toContain('图1 主要指标同比增长与预期增速（%）');
    expect(text).toContain('图2 主要指标全市位次');
    expect(text).toContain('第1位'); // 限上批发业销售额's point label
  });

  it('writes a self-contained HTML page: no script, nothing external, charts inline, sources on hover', () => {
    const html = readFileSync(join(dir, 'speech.html'), 'utf8');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|href=|url\((?!data:font\/woff;base64,)/i);
    expect(html.match(/<svg/g)).toHaveLength(2);
    // The body face, cut to the page's characters, so that it reads without Chinese fonts installed.
    expect(html).toMatch(/@font-face \{ font-family: 'Noto Serif SC'; [^}]*src: url\(data:font\/woff;base64,/);
    expect(html.length).toBeLessThan(400_000);
    expect(html).toContain('<body class="page-numbers-outer">');
    expect(html).toMatch(/<td class="num"><span class="fig" title="2023\/03\/商务局2023年1—3月限上商贸数据.xlsx › Sheet1 › F5">-8.3<\/span><\/td>/);
  });

  it('writes copies/NN-姓名.pdf, each page watermarked with the name and number, the first page marked 内部资料', async () => {
    expect(readdirSync(join(dir, 'copies'))).toEqual(['01-王建国.pdf', '02-李红梅.pdf', '03-张伟.pdf']);
    const copy = await readPdf(join(dir, 'copies', '02-李红梅.pdf'));
    const fonts = execFileSync('pdffonts', [join(dir, 'copies', '02-李红梅.pdf')], { encoding: 'utf8' }).trim().split('\n').slice(2);
    for (const row of fonts) expect(row).toMatch(/^[A-Z]{6}\+(NotoSerifSC|NotoSansSC|LXGWWenKai)\S*\s.*yes yes yes\s+\d+\s+\d+$/);
    expect(copy.pages).toHaveLength(pages.length);
    copy.pages.forEach((page, i) => {
      expect(page.items.filter((item) => item === '李红梅 第02份').length, `page ${i + 1}`).toBeGreaterThanOrEqual(1);
      expect(page.items.includes('内部资料 注意保存'), `page ${i + 1}`).toBe(i === 0);
      expect(page.text.replace('李红梅 第02份', '')).toContain(pages[i]!.text.slice(0, 20));
    });
  });
});

describe.skipIf(!hasBrowser)('#6 text from a return is text in every output', () => {
  const dir = join(tmp, 'unsafe', '2023-Q2');

  beforeAll(() => build(UNSAFE, join(tmp, 'unsafe')), 30_000);

  it('escapes it in the HTML, in the speech and in the appendix', () => {
    const html = readFileSync(join(dir, 'speech.html'), 'utf8');
    expect(html).not.toMatch(/<img|<script/i);
    expect(html).toContain('临江路线迁移改造&lt;img src=x onerror=alert(1)&gt;项目');
    expect(html).toContain('<td class="lead">区商务局&lt;script&gt;alert(2)&lt;/script&gt;</td>');
  });

  it('shows it as text in the PDF', () => {
    // pdftotext drops or adds spaces in justified lines: compare without them.
    const text = pdfText(join(dir, 'speech.pdf')).replace(/\s/g, '');
    expect(text).toContain('临江路线迁移改造<imgsrc=xonerror=alert(1)>项目');
    expect(text).toContain('由区商务局<script>alert(2)</script>牵头');
  });

  it('keeps it from becoming markup in the Markdown', () => {
    const md = readFileSync(join(dir, 'speech.md'), 'utf8');
    expect(md).toContain('临江路线迁移改造\\<img src=x onerror=alert(1)\\>项目');
    expect(md).not.toMatch(/(^|[^\\])<img/);
  });
});

describe.skipIf(!hasBrowser)('the example district’s appendix, long enough for two pages', () => {
  const dir = join(tmp, 'example', '2023-Q2');
  let pages: PdfPage[];

  beforeAll(async () => {
    build('.', join(tmp, 'example'), ['--format', 'md,pdf']);
    ({ pages } = await readPdf(join(dir, 'speech.pdf')));
  }, 30_000);

  it('never splits a table row across pages, and repeats the header on each page', () => {
    const md = readFileSync(join(dir, 'speech.md'), 'utf8');
    const rows = md.split('\n').filter((line) => /^\| \d+ \|/.test(line)).map((line) => line.replace(/[|\s]/g, ''));
    expect(rows.length).toBeGreaterThan(20);
    const landscape = pages.filter((p) => p.width > p.height).map((p) => p.text.replace(/\s/g, ''));
    const tablePages = landscape.filter((text) => text.includes('序号指标名称'));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(landscape.some((text) => text.includes(row)), row).toBe(true);
  });
});

describe('mistakes with --attendees', () => {
  const run = (args: readonly string[]) => {
    const result = tongbao(['report', '--quarter', 'Q2', '--config', `${MINI}/tongbao.config.yaml`, '--data', `${MINI}/data`, '--out', join(tmp, 'bad'), ...args]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('错误'))).toHaveLength(1);
    return result;
  };

  it('a list that is not there, before any work', () => {
    const result = run(['--attendees', 'no-such-list.csv']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('错误：no-such-list.csv：找不到参会人员名单');
    expect(result.stderr).not.toContain('读取报表');
  });

  it('copies without a PDF', () => {
    const result = run(['--format', 'md', '--attendees', ATTENDEES]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--attendees 需要生成 PDF');
  });
});
