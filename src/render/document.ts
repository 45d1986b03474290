// Markdown → HTML body, and the complete self-contained page around it.
import { Marked } from 'marked';

// A line break inside a Chinese paragraph would print as a space: drop it between CJK characters.
const CJK_BREAK = /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])\n(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu;

const marked = new Marked({
  gfm: true,
  breaks: false,
  walkTokens(token) {
    if (token.type === 'text' && !('tokens' in token && token.tokens)) {
      token.text = token.text.replace(CJK_BREAK, '');
    }
  },
});

/** GFM Markdown to HTML. Inline HTML such as `<span class="fig" title="…">…</span>` passes through. */
export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}

export interface HtmlDocumentInput {
  readonly title: string;
  readonly bodyHtml: string;
  readonly css: string;
  /** Extra trusted HTML for <head>. */
  readonly head?: string;
}

/** A complete page with the CSS inline: no external references, no scripts. */
export function htmlDocument({ title, bodyHtml, css, head = '' }: HtmlDocumentInput): string {
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${css.replace(/<\/style/gi, '<\\/style')}\n</style>`,
    ...(head ? [head] : []),
    '</head>',
    '<body>',
    bodyHtml,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
