// Issue 14: data text written into Markdown stays text, whatever it holds. Checked by rendering with
// marked — plain, and through the project's own Markdown → HTML — the way a viewer would.
import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/render/html/document.js';
import { htmlText, markdownText } from '../../src/render/markdown/escape.js';

const renderers = { marked: (md: string) => marked.parse(md, { async: false, gfm: true }), project: markdownToHtml };

/** The HTML's elements, and its text with marked's five escapes decoded. */
function read(html: string): { tags: string[]; text: string } {
  const tags = [...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]!);
  const text = html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\n$/, '');
  return { tags, text };
}

// What data may hold to break out: every character Markdown or HTML give a meaning, the words that
// start autolinks and javascript: links, line breaks, and ordinary Chinese text around them.
const HOSTILE = [
  '\\', '`', '*', '_', '~', '<', '>', '[', ']', '(', ')', '!', '#', '|', '&', ';', ':', '/', '@', '.', '-', '+', '=',
  '{', '}', '"', "'", ' ', '  ', '\n', '\t', '1', '3.', '2)', 'a', 'x', 'http', 'https://', 'www.', 'mailto:', 'javascript:',
  'img', 'src=x', 'onerror=alert(1)', 'b', '&lt;', '&#60;', '&amp;', '临江', '项目', '，', '。', '　', '—', '—',
];
const hostileText = fc.array(fc.constantFrom(...HOSTILE), { maxLength: 24 }).map((parts) => parts.join(''));
const anyText = fc.oneof(hostileText, fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));
/** Line breaks and tabs become spaces (or nothing between Chinese characters); the ends are trimmed. */
const oneLine = fc.string({ unit: fc.constantFrom(...HOSTILE.filter((part) => !/[\n\t]/.test(part))), maxLength: 24 }).map((s) => s.trim());

describe('markdownText', () => {
  it('keeps text that means nothing to Markdown as it is', () => {
    expect(markdownText('限上零售业零售额下降8.3%，低于预期13.3个百分点')).toBe('限上零售业零售额下降8.3%，低于预期13.3个百分点');
    expect(markdownText('-3.2')).toBe('-3.2');
    expect(markdownText('1.5万吨项目')).toBe('1.5万吨项目');
    expect(markdownText('R&D中心')).toBe('R&D中心');
    expect(markdownText('snake_case')).toBe('snake_case');
  });

  it('escapes only what would be read as markup, where it would be', () => {
    expect(markdownText('# 伪造的一级标题')).toBe('\\# 伪造的一级标题');
    expect(markdownText('**加粗**')).toBe('\\*\\*加粗\\*\\*');
    expect(markdownText('临江|二期')).toBe('临江\\|二期');
    expect(markdownText('<img src=x onerror=alert(8)>')).toBe('\\<img src=x onerror=alert(8)\\>');
    expect(markdownText('\\<img>')).toBe('\\\\\\<img\\>');
    expect(markdownText('[点我](javascript:alert(1))')).toBe('\\[点我\\](javascript:alert(1))');
    expect(markdownText('http://x.com')).toBe('http\\://x.com');
    expect(markdownText('www.x.com')).toBe('www\\.x.com');
    expect(markdownText('a@b.cn')).toBe('a\\@b.cn');
    expect(markdownText('&lt;')).toBe('\\&lt;');
    expect(markdownText('{{meeting.year}}')).toBe('\\{\\{meeting.year\\}\\}');
    expect(markdownText('1. 项目')).toBe('1\\. 项目');
    expect(markdownText('- 项目')).toBe('\\- 项目');
    expect(markdownText('===')).toBe('\\===');
    expect(markdownText('_x_')).toBe('\\_x\\_');
    // only dashes, colons and pipes: under another line it would be a table's delimiter row (found by fast-check)
    expect(markdownText('-:')).toBe('\\-:');
    expect(markdownText(':-')).toBe(':\\-');
    expect(markdownText('--:')).toBe('\\-\\-:');
  });

  it('puts a cell\'s line breaks on one line: none between Chinese characters, a space elsewhere', () => {
    expect(markdownText('临江路线\n迁移改造项目')).toBe('临江路线迁移改造项目');
    expect(markdownText('项目\n# 标题')).toBe('项目 # 标题'); // mid-line: no heading
    expect(markdownText('  A\r\nB\t C  ')).toBe('A B  C');
  });

  for (const [name, render] of Object.entries(renderers)) {
    it(`(${name}) any text inside a sentence renders as exactly that text, in one paragraph`, () => {
      fc.assert(
        fc.property(oneLine, (s) => {
          const { tags, text } = read(render(`前${markdownText(s)}后`));
          expect(tags).toEqual(['p']);
          expect(text).toBe(`前${s.replace(/\0/g, '\uFFFD')}后`);
        }),
        { numRuns: 1500 },
      );
    });

    it(`(${name}) any text opening a line, or holding line breaks, opens no block or element`, () => {
      fc.assert(
        fc.property(anyText, (s) => {
          const md = markdownText(s);
          const { tags } = read(render(md));
          expect(tags).toEqual(md === '' ? [] : ['p']);
          expect(read(render(`${md}\n${md}`)).tags).toEqual(md === '' ? [] : ['p']);
        }),
        { numRuns: 1500 },
      );
    });

    it(`(${name}) any text in a table cell stays in its cell`, () => {
      fc.assert(
        fc.property(oneLine, anyText, (s, t) => {
          const html = render(`| a | b |\n| --- | --- |\n| ${markdownText(s)} | ${markdownText(t)} |\n`);
          const { tags } = read(html);
          expect(tags.filter((tag) => tag === 'td')).toHaveLength(2);
          expect(tags.every((tag) => ['table', 'thead', 'tbody', 'tr', 'th', 'td'].includes(tag))).toBe(true);
          const first = /<td>([\s\S]*?)<\/td>/.exec(html)![1]!;
          expect(read(first).text).toBe(s.replace(/\0/g, '\uFFFD'));
        }),
        { numRuns: 1000 },
      );
    });
  }
});

describe('htmlText', () => {
  it('escapes the five HTML characters and keeps line breaks inside an attribute', () => {
    expect(htmlText(`a<b>&"'\nc`)).toBe('a&lt;b&gt;&amp;&quot;&#39;&#10;c');
  });
});
