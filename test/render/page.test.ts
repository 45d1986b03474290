// The HTML page: appendix and charts put in after Markdown → HTML, wherever the templates ask.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Speech } from '../../src/narrate/context.js';
import { chartRows, renderCharts } from '../../src/render/html/charts.js';
import { renderPage } from '../../src/render/html/page.js';
import { loadTemplates, renderSpeech } from '../../src/render/markdown/speech.js';
import { narrated } from '../helpers/speech.js';

const FIXTURE = 'test/fixtures/mini';
const dir = mkdtempSync(join(tmpdir(), 'tongbao-page-'));
let speech: Speech;

beforeAll(async () => {
  speech = (await narrated(FIXTURE)).speech;
  // The shipped templates, with a chart in the speech itself.
  cpSync('templates/speech', dir, { recursive: true });
  const main = readFileSync(join(dir, 'speech.md.hbs'), 'utf8').replace('{{> deployment}}', '{{chart "rank"}}\n\n图 全市位次\n\n{{> deployment}}');
  writeFileSync(join(dir, 'speech.md.hbs'), main);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = (appendix: boolean) => renderPage(loadTemplates(dir), speech, { title: '讲话', css: '', appendix, pageNumbers: 'center' });

describe('renderPage', () => {
  it('puts a chart where the speech template asks, and the appendix with its two charts at the end', async () => {
    const html = await page(true);
    expect(html).not.toContain('<!--tongbao:');
    expect(html.match(/<svg/g)).toHaveLength(3);
    expect(html.indexOf('chart-svg chart-rank')).toBeLessThan(html.indexOf('<h2>二、'));
    expect(html.indexOf('<section class="appendix">')).toBeGreaterThan(html.indexOf('<h2>三、'));
    expect(html).toContain('<body class="page-numbers-center">');
  });

  it('explains the appendix gap with the sum the cell shows (实际 − 预期), sign included', async () => {
    const html = await page(true);
    // 规上工业增加值: growth −3.2 (科工局 F5), expected 2.0: the cell prints −5.2; the figure holds 预期 − 实际 = 5.2.
    const title = /<span class="fig" title="([^"]*)">-5.2<\/span>/.exec(html)?.[1]?.replaceAll('&#x3D;', '=');
    expect(title).toMatch(/^与预期差 = 同比增长 − 预期增速 = -3\.2 − 2\.0 = -5\.2（负数为低于预期）；同比增长：2023\/03\/科工局[^；]*› F5；预期增速：/);
    // 限上批发业销售额: 42.6 − 30.0 = 12.6, positive in both.
    const above = /<span class="fig" title="([^"]*)">12.6<\/span>/.exec(html)?.[1]?.replaceAll('&#x3D;', '=');
    expect(above).toMatch(/^与预期差 = 同比增长 − 预期增速 = 42\.6 − 30\.0 = 12\.6（负数为低于预期）；/);
  });

  it('leaves the appendix out when the config says so', async () => {
    const html = await page(false);
    expect(html).not.toContain('appendix');
    expect(html.match(/<svg/g)).toHaveLength(1);
  });

  it('writes no chart into the Markdown, and the appendix as a Markdown table', () => {
    const md = renderSpeech(loadTemplates(dir), speech, 'md');
    expect(md).not.toMatch(/<svg|tongbao:|图1/);
    expect(md).toContain('## 附表：主要经济指标完成情况表');
    expect(md).toContain('| 1 | 规上工业增加值 | % | 增长5%左右 | — | -3.2 | 2.0 | -5.2 | — | 3 | 区科工局 |');
  });
});

describe('renderCharts', () => {
  it('draws the same SVG every time, with no process-wide instance numbers', async () => {
    const rows = chartRows(speech.context.appendix);
    const first = await renderCharts(['growth', 'rank'], rows);
    const second = await renderCharts(['growth', 'rank'], rows);
    expect(first.get('growth')).toBe(second.get('growth'));
    expect(first.get('rank')).not.toMatch(/zr\d/);
    expect(first.get('growth')).toContain('>规上工业增加值</text>');
    expect(first.get('rank')).toContain('>第1位</text>');
  });
});
