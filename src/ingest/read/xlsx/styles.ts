// styles.xml → what each cell style (cellXfs index, a cell's s="…") means for reading: its number
// format, whether that format shows dates, and the indent of its alignment. Fonts, fills and
// borders are never looked at, so only the numFmts and cellXfs sections are parsed.
import type { Budget } from './budget.js';
import { formatOf, isDateFormat } from './numFmt.js';
import { type Attributes, parseXml } from './xml.js';

export interface CellStyle {
  readonly numFmt?: string;
  readonly isDate: boolean;
  readonly indent: number;
}

export const PLAIN_STYLE: CellStyle = { isDate: false, indent: 0 };

export function readStyles(data: Uint8Array | undefined, part: string, budget: Budget): readonly CellStyle[] {
  if (!data) return [];
  const declared = new Map<number, string>();
  const xfs: { numFmtId: number; indent: number }[] = [];
  let inCellXfs = false;
  parseXml(sections(data), part, {
    open(name: string, a: Attributes) {
      if (name === 'numFmt') declared.set(integer(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfs.push({ numFmtId: integer(a.numFmtId), indent: 0 });
      else if (name === 'alignment' && inCellXfs && xfs.length > 0) xfs[xfs.length - 1]!.indent = integer(a.indent);
    },
    close(name: string) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  }, budget);
  const styles = new Map<string, CellStyle>();
  return xfs.map(({ numFmtId, indent }) => {
    const numFmt = formatOf(numFmtId, declared);
    const key = `${indent}|${numFmt ?? ''}`;
    let style = styles.get(key);
    if (!style) styles.set(key, (style = numFmt ? { numFmt, isDate: isDateFormat(numFmt), indent } : { isDate: false, indent }));
    return style;
  });
}

/** A non-negative decimal attribute, 0 when absent or not a number. */
function integer(text: string | undefined): number {
  const n = text === undefined ? NaN : parseInt(text, 10);
  return n >= 0 ? n : 0;
}

/**
 * The <numFmts> and <cellXfs> sections of styles.xml wrapped in one root, or the whole part
 * when they cannot be cut out plainly (namespace prefixes, comments): the rest is never used.
 */
function sections(data: Uint8Array): string {
  const text = new TextDecoder().decode(data);
  if (/<!--|<!\[CDATA\[|<\w+:styleSheet\b/.test(text)) return text;
  const cut = (tag: string) => {
    const start = text.indexOf(`<${tag}`);
    if (start < 0) return '';
    const close = text.indexOf(`</${tag}>`, start);
    if (close >= 0) return text.slice(start, close + tag.length + 3);
    const selfClosing = text.indexOf('/>', start);
    return selfClosing >= 0 && text.slice(start, selfClosing).indexOf('>') < 0 ? text.slice(start, selfClosing + 2) : '';
  };
  return `<styleSheet>${cut('numFmts')}${cut('cellXfs')}</styleSheet>`;
}
