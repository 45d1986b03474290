// Row hierarchy as returns show it: leading spaces (half- or full-width), the cell's indent,
// "其中：" and "#" marks, and 一、/（一）/1./（1） numbering. A child is never added into its parent;
// the tree only tells which row is part of which (for 表内审核 and for matching names).
import { normalizeLabel } from '../../config/config.js';
import { unitIn } from './units.js';

export interface RowLabel {
  /** The label cell's text as stored, untrimmed (indentation is read before NFKC). */
  readonly raw: string;
  /** The cell's own indent level (alignment), 0 when none. */
  readonly cellIndent: number;
}

export interface RowShape {
  /** The label without indentation, numbering kept: "其中：建筑安装工程投资". */
  readonly label: string;
  /** The label as matched against the catalogue: no numbering, marks or unit. */
  readonly name: string;
  /** The unit a trailing bracket names: "出口交货值（亿元）" → 亿元. */
  readonly unit: string | undefined;
  /** Indentation in half-width columns (a full-width space counts 2, a cell indent level 2). */
  readonly indent: number;
  /** "其中：" or "#": a part listed under its parent. */
  readonly partOf: boolean;
  /** 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）; 0 without numbering. */
  readonly outline: number;
  /** Index of the parent row in the same list, or null at the top. */
  readonly parent: number | null;
  readonly depth: number;
}

const PART_MARK = /^(?:其中\s*[:：]?|[#＃]+)\s*/;
const OUTLINES: ReadonlyArray<[RegExp, number]> = [
  [/^[一二三四五六七八九十]+\s*[、．.]/, 1],
  [/^[（(]\s*[一二三四五六七八九十]+\s*[）)]/, 2],
  [/^\d{1,2}\s*[、．.](?!\d)/, 3],
  [/^[（(]\s*\d{1,2}\s*[）)]/, 4],
];

interface Open {
  readonly index: number;
  readonly indent: number;
  readonly outline: number;
  readonly partOf: boolean;
  /** Where the text after "其中：" starts: a later row indented to here continues the list. */
  readonly textIndent: number;
  readonly parent: number | null;
}

export function shapeRows(labels: readonly RowLabel[]): RowShape[] {
  const shapes: RowShape[] = [];
  const open: Open[] = [];
  for (const [index, { raw, cellIndent }] of labels.entries()) {
    const lead = /^[\s\u3000]*/.exec(raw)![0];
    const indent = width(lead) + cellIndent * 2;
    const label = raw.trim();
    const mark = PART_MARK.exec(label)?.[0] ?? '';
    const outline = OUTLINES.find(([pattern]) => pattern.test(label))?.[1] ?? 0;
    const row = { index, indent, outline, partOf: mark !== '', textIndent: indent + width(mark) };
    const placed = place(open, row);
    open.push(placed);
    const depth = placed.parent === null ? 0 : shapes[placed.parent]!.depth + 1;
    const unit = unitIn(label);
    const name = normalizeLabel(label).replace(unit === undefined ? /$^/ : /\([^()]*\)$/, '');
    shapes.push({ label, name, unit, indent: placed.indent, partOf: placed.partOf, outline, parent: placed.parent, depth });
  }
  return shapes;
}

/** Closes the rows this one is not under and returns it with its parent. */
function place(open: Open[], row: Omit<Open, 'parent'>): Open {
  const continued = !row.partOf && row.outline === 0 && row.indent > 0 ? [...open].reverse().find((o) => o.partOf && o.textIndent === row.indent) : undefined;
  if (continued) {
    while (open.length > 0 && open[open.length - 1] !== continued) open.pop();
    open.pop();
    return { ...row, indent: continued.indent, partOf: true, textIndent: continued.textIndent, parent: continued.parent };
  }
  const closes = (o: Open): boolean => {
    if (row.partOf) return o.indent > row.indent || (o.indent === row.indent && o.partOf);
    if (row.outline > 0) return (o.outline === 0 && o.indent >= row.indent) || o.outline >= row.outline;
    return o.indent >= row.indent;
  };
  while (open.length > 0 && closes(open[open.length - 1]!)) open.pop();
  return { ...row, parent: open[open.length - 1]?.index ?? null };
}

/** Display width: CJK and full-width characters take two columns, a tab four. */
export function width(text: string): number {
  let columns = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\t') columns += 4;
    else if (code === 0x3000 || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6)) columns += 2;
    else columns += 1;
  }
  return columns;
}
