import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { findBrowser, openBrowser, type BrowserSession } from '../../src/render/pdf/browser.js';
import { htmlDocument, markdownToHtml } from '../../src/render/html/document.js';
import { EnvironmentError } from '../../src/errors.js';
import { copyPrintFonts } from '../../src/render/fonts/fonts.js';
import { stablePdf } from '../../src/render/pdf/pdf.js';

describe('stablePdf', () => {
  const raw = Buffer.from(
    "<< /CreationDate (D:20261125150901+08'00') /ModDate (D:20261125150902+08'00') >>\n" +
      '/ID (node00000107) /Headers [(node00000099) (node00000107)] /ID (node00000099)\n' +
      '<</Limits [(node00000099) (node00000107)]\n/Names [(node00000099) 61 0 R (node00000107) 9 0 R]>>',
    'latin1',
  );
  const out = stablePdf(raw, new Date('2023-04-12T08:30:00Z')).toString('latin1');

  it('writes the given date in UTC at the same length', () => {
    expect(out).toContain("/CreationDate (D:20230412083000+00'00') /ModDate (D:20230412083000+00'00')");
    expect(out.length).toBe(raw.length);
  });

  it('renumbers structure ids in order of first appearance', () => {
    expect(out).toContain('/ID (node00000001) /Headers [(node00000002) (node00000001)] /ID (node00000002)');
  });

  it('keeps the id tree sorted under the new ids', () => {
    expect(out).toContain('<</Limits [(node00000001) (node00000002)]\n/Names [(node00000001) 9 0 R (node00000002) 61 0 R]>>');
  });
});

function browserPath(): string | undefined {
  try {
    return findBrowser();
  } catch {
    return undefined;
  }
}

const noBrowser = browserPath() === undefined;

function run(command: string, ...args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8' });
}

const speech = `# 在全区二季度经济工作部署会上的讲话

（2023年4月）

同志们：

今天召开全区二季度经济工作部署会，主要任务是分析一季度经济形势，部署二季度重点工作。

## 一、看清形势、正视差距

### （一）总体运行情况

一季度，全区经济运行总体平稳、稳中承压，规上工业增加值<span class="fig" title="统计局.xlsx › 表1 › C5">增长5.2%</span>。

固定资产投资低于预期16.4个百分点，建筑安装工程投资、限上零售业2项指标居全市倒数第一。

| 指标 | 单位 | 1—3月 | 增速(%) |
|---|---|---:|---:|
| 规上工业增加值 | 亿元 | 12.3 | 5.2 |
| 固定资产投资 | 亿元 | 45.6 | -16.4 |

## 二、锚定目标、冲刺双过半

确保“五一”前开工，6月底前竣工，为完成全年目标任务奠定坚实基础。
`;

describe.skipIf(noBrowser)('printing to PDF', () => {
  const date = new Date('2023-04-12T00:00:00Z');
  let dir = '';
  let session: BrowserSession;
  let html = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tongbao-render-test-'));
    const fonts = await copyPrintFonts(`${speech}— 0123456789`, dir, '.');
    const css = fonts + readFileSync(new URL('../../templates/speech/style.css', import.meta.url), 'utf8');
    html = join(dir, 'speech.html');
    writeFileSync(html, htmlDocument({ title: '讲话', bodyHtml: markdownToHtml(speech), css }));
    session = await openBrowser();
    await session.printPdf(html, join(dir, 'a.pdf'), { date });
  }, 30_000);

  afterAll(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the text extractable', () => {
    const text = run('pdftotext', join(dir, 'a.pdf'), '-');
    for (const expected of ['在全区二季度经济工作部署会上的讲话', '（2023年4月）', '一、看清形势、正视差距', '（一）总体运行情况', '增长5.2%', '低于预期16.4个百分点', '规上工业增加值', '-16.4', '“五一”']) {
      expect(text).toContain(expected);
    }
  });

  it('embeds every font, Noto Serif SC among them', () => {
    const rows = run('pdffonts', join(dir, 'a.pdf')).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.split(/\s+/).at(-5)).toBe('yes');
    expect(rows.some((row) => row.includes('NotoSerifSC'))).toBe(true);
  });

  it('is A4 and dated as asked', () => {
    const info = run('pdfinfo', '-isodates', join(dir, 'a.pdf'));
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
    expect(Math.abs(Number(width) - 595)).toBeLessThanOrEqual(1);
    expect(Math.abs(Number(height) - 842)).toBeLessThanOrEqual(1);
    expect(info).toMatch(/CreationDate:\s+2023-04-12T00:00:00(Z|\+00)/);
  });

  it('prints page numbers as “— n —”', () => {
    expect(run('pdftotext', '-layout', join(dir, 'a.pdf'), '-')).toMatch(/—\s*1\s*—/);
  });

  it('gives identical bytes on a second render and in a second browser', async () => {
    await session.printPdf(html, join(dir, 'b.pdf'), { date });
    const other = await openBrowser();
    try {
      await other.printPdf(html, join(dir, 'c.pdf'), { date });
    } finally {
      await other.close();
    }
    const a = readFileSync(join(dir, 'a.pdf'));
    expect(readFileSync(join(dir, 'b.pdf')).equals(a)).toBe(true);
    expect(readFileSync(join(dir, 'c.pdf')).equals(a)).toBe(true);
  }, 30_000);

  it('loads nothing from outside the page’s folder and runs no script', async () => {
    const hostile = join(dir, 'hostile.html');
    const body = [
      '<p>正文</p>',
      '<img src="http://127.0.0.1:9/track.png">',
      '<link rel="stylesheet" href="file:///etc/hostname">',
      '<div style="background: url(file:///etc/passwd)">背景</div>',
      '<script>document.body.append("脚本运行了")</script>',
    ].join('\n');
    const fonts = await copyPrintFonts('正文背景', dir, '.');
    writeFileSync(hostile, htmlDocument({ title: 't', bodyHtml: body, css: `${fonts} body { font-family: "Noto Serif SC" }` }));
    const report = await session.printPdf(hostile, join(dir, 'hostile.pdf'), { date });
    expect(report.blocked).toEqual(expect.arrayContaining(['http://127.0.0.1:9/track.png', 'file:///etc/hostname', 'file:///etc/passwd']));
    expect(run('pdftotext', join(dir, 'hostile.pdf'), '-')).not.toContain('脚本运行了');
  });

  it('refuses to print when the page loads no font', async () => {
    const bare = join(dir, 'bare.html');
    writeFileSync(bare, htmlDocument({ title: 't', bodyHtml: '<p>正文</p>', css: 'body { font-family: serif }' }));
    await expect(session.printPdf(bare, join(dir, 'bare.pdf'), { date })).rejects.toThrow(EnvironmentError);
  });

  it('refuses to print when a font is outside the allowed folders', async () => {
    const outside = join(dir, 'outside.html');
    const css = `@font-face { font-family: X; src: url("file:///usr/share/nothing/x.woff2") format("woff2"); } body { font-family: X }`;
    writeFileSync(outside, htmlDocument({ title: 't', bodyHtml: '<p>正文</p>', css }));
    await expect(session.printPdf(outside, join(dir, 'outside.pdf'), { date })).rejects.toThrow(/字体文件加载失败/);
  });
});
