// Code points and CSS unicode-range lists.

/** An inclusive range of code points. */
export type Range = readonly [lo: number, hi: number];

/** "U+4e00-9fff,U+3000" → [[0x4e00, 0x9fff], [0x3000, 0x3000]] */
export function parseUnicodeRange(text: string): Range[] {
  return text.split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
    const start = Number.parseInt(lo ?? '', 16);
    return [start, hi === undefined ? start : Number.parseInt(hi, 16)] as const;
  });
}

let last: { readonly text: string; readonly points: ReadonlySet<number> } | undefined;

/** The distinct printable code points of a text, without whitespace and control characters. */
export function codePointsIn(text: string): Set<number> {
  // The same document's text is asked about several times in a row (coverage, each face's slices).
  if (last?.text !== text) {
    const points = new Set<number>();
    // Each distinct character is tested once, not each of the text's thousands.
    for (const char of new Set(text)) {
      if (!/[\s\p{Cc}\p{Cf}]/u.test(char)) points.add(char.codePointAt(0)!);
    }
    last = { text, points };
  }
  return new Set(last.points);
}

/** Every distinct character of a text once, in code point order: what a font subset depends on. */
export function distinctCharacters(text: string): string {
  return [...new Set(text)].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
}
