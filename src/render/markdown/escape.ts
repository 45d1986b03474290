// Text from the data (a project's name, a 牵头单位, a file name, a cell's text) written into Markdown
// or HTML stays text: it opens no tag, link, autolink, heading, list, table cell or emphasis, whatever
// backslashes, URLs or brackets it holds. Templates are trusted; data never is.

// A Han character or CJK/full-width punctuation: a line break between two of them is no space.
const CJK = '[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef]';
const CJK_BREAK = new RegExp(`(?<=${CJK})[ \\t]*[\\r\\n\\u2028\\u2029\\v\\f]\\s*(?=${CJK})`, 'gu');
const BREAK = /\s*[\r\n\u2028\u2029\v\f]\s*|\t/g;

/**
 * Data text → Markdown source that CommonMark/GFM renderers (marked, GitHub, VS Code …) show as
 * exactly that text, on one line. Only what Markdown or HTML would interpret is escaped, some of it
 * only where it would be interpreted, so the text still reads naturally in speech.md: “临江路\*二期”,
 * “-3.2”, “1.5万吨”, but “\# 标题” and “1\. 项目”.
 */
export function markdownText(text: string): string {
  return oneLine(text)
    // A backslash first, so the data's own backslashes cannot cancel ours; then what opens tags,
    // links, code, emphasis, strikethrough and table cells anywhere in a line.
    .replace(/[\\`*<>[\]|~]/g, '\\$&')
    // An entity reference (&lt; &#60;) would be shown decoded; a bare & is text.
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    // _ between two letters or digits is never emphasis; elsewhere it may be.
    .replace(/_/g, (_u, at: number, all: string) => (isWordChar(all[at - 1]) && isWordChar(all[at + 1]) ? '_' : '\\_'))
    // GFM autolinks (http://, ftp://, www., mailto:, e-mail addresses) are broken by an escape.
    .replace(/(https?|ftp|mailto|xmpp):/gi, '$1\\:')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/(?<=[A-Za-z0-9._+-])@/g, '\\@')
    // {{ }} in data is text, never taken for a template field left unrendered.
    .replace(/[{}]{2,}/g, (braces) => braces.replace(/[{}]/g, '\\$&'))
    .replace(LINE_START, '\\$&')
    // Text of only dashes, colons and pipes (“-:”) under another line would make it a table's header.
    .replace(/^[\s:|\\-]*-[\s:|\\-]*$/, (row) => row.replace(/(?<!\\)-/g, '\\-'))
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

// What starts a block when the text opens a line: “# 标题”, a list item “- ”/“+ ”, a rule “---”,
// a setext underline “===”.
const LINE_START = /^(?:#|[-+](?=\s|$|-)|=(?==*\s*$))/;

/** Text inside an HTML element or a quoted attribute, line breaks kept as character references. */
export function htmlText(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
    .replace(/[\r\n\t]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * One line, trimmed: a line break between Chinese characters (Alt+Enter in a cell) disappears, any
 * other becomes a space. In Markdown a line break would end a table row or start a block.
 */
function oneLine(text: string): string {
  return text.replace(CJK_BREAK, '').replace(BREAK, ' ').trim();
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}
