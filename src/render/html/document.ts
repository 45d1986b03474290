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
  // The templates write no links or images: any that appear came from a return's text, and must not
  // make a reader's browser fetch anything or follow a javascript: url. They print as their text.
  renderer: {
    link(token) {
      return this.parser.parseInline(token.tokens);
    },
    image(token) {
      return escapeHtml(token.text);
    },
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
  /** Class names on <body>, e.g. the page-number placement. */
  readonly bodyClass?: string;
}

/** A complete page with the CSS inline: no external references, no scripts. */
export function htmlDocument({ title, bodyHtml, css, head = '', bodyClass = '' }: HtmlDocumentInput): string {
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
    bodyClass ? `<body class="${escapeHtml(bodyClass)}">` : '<body>',
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

/** Replaces each `<!--tongbao:NAME-->` marker by blocks.get(NAME); others stay, or go with `dropRest`. */
export function fillPlaceholders(html: string, blocks: ReadonlyMap<string, string>, dropRest = false): string {
  return html.replace(/<!--tongbao:([\w:-]+)-->\n?/g, (all, name: string) => blocks.get(name) ?? (dropRest ? '' : all));
}

/** The names of the markers in a page, in order. */
export function placeholdersIn(html: string): string[] {
  return [...html.matchAll(/<!--tongbao:([\w:-]+)-->/g)].map((m) => m[1]!);
}
