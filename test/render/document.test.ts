import { describe, it, expect } from 'vitest';
import { htmlDocument, markdownToHtml } from '../../src/render/html/document.js';

describe('markdownToHtml', () => {
  it('passes figure spans through untouched', () => {
    const span = '<span class="fig" title="统计局.xlsx › 表1 › C5">5.2%</span>';
    expect(markdownToHtml(`规上工业增加值增长${span}。`)).toBe(`<p>规上工业增加值增长${span}。</p>\n`);
    expect(markdownToHtml('| 增速 |\n|---|\n| <span class="fig" title="x">5.2%</span> |')).toContain(
      '<td><span class="fig" title="x">5.2%</span></td>',
    );
  });

  it('keeps Chinese punctuation, dashes and percentages as they are', () => {
    const text = '确保“五一”前开工，1—3月增长5.2%，低于预期16.4个百分点；（一）总体平稳。';
    expect(markdownToHtml(text)).toBe(`<p>${text}</p>\n`);
  });

  it('escapes bare text markup characters', () => {
    expect(markdownToHtml('A & B < C')).toBe('<p>A &amp; B &lt; C</p>\n');
  });

  it('renders headings and GFM tables', () => {
    const html = markdownToHtml('# 标题\n\n（2023年4月）\n\n## 一、看清形势\n\n| 指标 | 增速 |\n|---|---:|\n| 投资 | 5.2 |\n');
    expect(html).toContain('<h1>标题</h1>\n<p>（2023年4月）</p>\n<h2>一、看清形势</h2>');
    expect(html).toContain('<td align="right">5.2</td>');
  });

  it('drops line breaks between Chinese characters but not between words', () => {
    expect(markdownToHtml('第一行\n第二行，\n第三行')).toBe('<p>第一行第二行，第三行</p>\n');
    expect(markdownToHtml('one\ntwo')).toBe('<p>one\ntwo</p>\n');
  });
});

describe('htmlDocument', () => {
  const page = htmlDocument({ title: '讲话 <草稿> & "定稿"', bodyHtml: '<p>正文</p>', css: 'body { color: #000 }' });

  it('is a complete Chinese page with the css inline', () => {
    expect(page.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<style>\nbody { color: #000 }\n</style>');
    expect(page).toContain('<body>\n<p>正文</p>\n</body>\n</html>\n');
  });

  it('escapes the title', () => {
    expect(page).toContain('<title>讲话 &lt;草稿&gt; &amp; &quot;定稿&quot;</title>');
  });

  it('has no scripts and no external references', () => {
    expect(page).not.toMatch(/<script|<link|src=|href=/i);
  });

  it('adds extra head content', () => {
    expect(htmlDocument({ title: 't', bodyHtml: '', css: '', head: '<meta name="x" content="y">' })).toContain(
      '<meta name="x" content="y">\n</head>',
    );
  });
});
