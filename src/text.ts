// Text from the data as messages show it, and the one order of texts used in outputs.

/** How many characters of a cell's text a message quotes. */
export const QUOTE_LIMIT = 40;

/**
 * A cell's (or file name's) text quoted in a message: 「…」, at most QUOTE_LIMIT characters (a cell
 * may hold a megabyte), control characters shown as \n, \t, \x1b so that it stays on one line and
 * cannot steer the terminal.
 */
export function quoted(value: unknown, limit = QUOTE_LIMIT): string {
  const text = String(value).trim();
  const head = firstCodePoints(text, limit);
  const shown = head.length < text.length ? `${printable(head)}…（共 ${[...text].length} 字）` : printable(text);
  return `「${shown}」`;
}

/**
 * Data text (an area's name, a file name) inside a YAML line a message asks the user to paste into
 * tongbao.config.yaml: bare when it is plain text, else double-quoted, never spanning lines.
 */
export function yamlScalar(text: string): string {
  const shown = printable(text);
  return /^[^\s:,[\]{}#&*!|>'"%@`?-][^:,[\]{}#]*$/.test(shown) && !/\s$/.test(shown) ? shown : JSON.stringify(shown);
}

/** Line breaks, tabs and other control characters as visible escapes (\n, \t, \x1b). */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => CONTROL_NAMES[ch] ?? `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

const CONTROL_NAMES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u2028': '\\u2028', '\u2029': '\\u2029' };

function firstCodePoints(text: string, count: number): string {
  if (text.length <= count) return text;
  let end = 0;
  for (let n = 0; n < count && end < text.length; n++) end += text.codePointAt(end)! > 0xffff ? 2 : 1;
  return text.slice(0, end);
}

/**
 * Code-point order: the same on every machine. localeCompare follows LANG (pinyin under zh_CN,
 * code units under C), so files and findings would be listed differently on two machines.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const x = a[Symbol.iterator]();
  const y = b[Symbol.iterator]();
  for (;;) {
    const p = x.next();
    const q = y.next();
    if (p.done || q.done) return p.done && q.done ? 0 : p.done ? -1 : 1;
    const difference = p.value.codePointAt(0)! - q.value.codePointAt(0)!;
    if (difference !== 0) return difference;
  }
}
