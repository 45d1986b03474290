// Justified Chinese lines stretch every gap between characters when a number with its unit and
// punctuation (“29.6%，”) does not fit at the end of a line: the line then reads “2 9 . 6 % ，比 1—2
// 月 回 落”. Chromium cannot compress punctuation or hang it, so before printing each such line is
// fitted here: the next characters are pulled onto it with a slightly tighter letter-spacing when
// that needs less than the stretch would, always within the bounds below.
import type { Page } from './pdf.js';

/** The widest gap a justified line may add between two characters, in pt (1/10 of the 3号 body). */
export const MAX_STRETCH_PT = 1.6;
/** The most a line may be tightened, per gap, in pt. */
export const MAX_SQUEEZE_PT = 1.2;

export interface FitReport {
  readonly tightened: number;
  /** Lines still stretched above MAX_STRETCH_PT (an unbreakable run longer than a few characters). */
  readonly overStretched: number;
}

/**
 * Fits the lines of the speech's paragraphs in the page as loaded, laid out at the print text width
 * the stylesheet names (`--print-text-width` on :root; no fitting without it). The spans it adds
 * stay for printing.
 */
export async function fitJustifiedLines(page: Page): Promise<FitReport> {
  // Sent as source text: a TypeScript loader (tsx, vitest) may wrap inner functions in its own
  // `__name` helper, which the page lacks.
  const args = JSON.stringify({ stretchPt: MAX_STRETCH_PT, squeezePt: MAX_SQUEEZE_PT });
  return page.evaluate(`(() => { var __name = (f) => f; return (${fitInPage.toString()})(${args}); })()`) as Promise<FitReport>;
}

/** Runs inside the page: self-contained. */
function fitInPage({ stretchPt, squeezePt }: { stretchPt: number; squeezePt: number }): FitReport {
  const PX_PER_PT = 96 / 72;
  const textWidth = getComputedStyle(document.documentElement).getPropertyValue('--print-text-width').trim();
  if (!textWidth) return { tightened: 0, overStretched: 0 };
  const body = document.body;
  const savedWidth = body.style.width;
  body.style.width = textWidth;
  let tightened = 0;
  let overStretched = 0;

  type Char = { node: Text; offset: number };
  const charsOf = (p: Element): Char[] => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const chars: Char[] = [];
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let i = 0; i < node.data.length; i++) if (!/\s/.test(node.data[i]!)) chars.push({ node, offset: i });
    }
    return chars;
  };
  const range = document.createRange();
  const rectOf = (c: Char): DOMRect => {
    range.setStart(c.node, c.offset);
    range.setEnd(c.node, c.offset + 1);
    return range.getBoundingClientRect();
  };
  /** A line as [first, last] character indexes. */
  type Line = [number, number];
  /** Lines by the top of each character's box. */
  const linesOf = (rects: readonly DOMRect[]): Line[] => {
    const lines: Line[] = [];
    rects.forEach((rect, i) => {
      const last = lines.at(-1);
      if (last && Math.abs(rects[last[0]]!.top - rect.top) < 2) last[1] = i;
      else lines.push([i, i]);
    });
    return lines;
  };
  const wrap = (chars: readonly Char[], from: number, to: number, letterSpacingPx: number) => {
    const r = document.createRange();
    r.setStart(chars[from]!.node, chars[from]!.offset);
    r.setEnd(chars[to]!.node, chars[to]!.offset + 1);
    const span = document.createElement('span');
    span.className = 'fit-line';
    span.style.letterSpacing = `${letterSpacingPx}px`;
    span.appendChild(r.extractContents());
    r.insertNode(span);
    return span;
  };
  const unwrap = (span: HTMLElement) => {
    span.replaceWith(...span.childNodes);
  };

  /** A paragraph's characters where justified, and left-aligned (`natural`) only where fitting compares the two. */
  type Measure = { chars: Char[]; justified: DOMRect[]; lines: Line[]; natural: DOMRect[] };
  const LIMIT_PX = stretchPt * PX_PER_PT;
  const stretchOf = (m: Measure, [a, b]: Line) => {
    const width = m.justified[b]!.right - m.justified[a]!.left;
    const used = m.natural[b]!.right - m.natural[a]!.left;
    return { width, used, stretch: (width - used) / Math.max(1, b - a) };
  };
  const justifiedOf = (p: HTMLElement): Measure => {
    const chars = charsOf(p);
    const justified = chars.map(rectOf);
    return { chars, justified, lines: linesOf(justified), natural: [] };
  };
  /**
   * With the paragraph laid out left-aligned (the same line breaks): each line's first and last
   * character, and every character of the line after one stretched too far (they may be pulled up).
   * Measuring is most of the time fitting takes; most characters are never compared.
   */
  const addNatural = (m: Measure) => {
    m.lines.slice(0, -1).forEach(([a, b], line) => {
      m.natural[a] = rectOf(m.chars[a]!);
      m.natural[b] = rectOf(m.chars[b]!);
      if (stretchOf(m, [a, b]).stretch <= LIMIT_PX) return;
      const [from, to] = m.lines[line + 1]!;
      for (let i = from; i <= to; i++) m.natural[i] = rectOf(m.chars[i]!);
    });
  };

  const fitParagraph = (p: HTMLElement, first: Measure) => {
    const baseSpacing = Number.parseFloat(getComputedStyle(p).letterSpacing) || 0;
    // Measured again only after the paragraph changed.
    let m = first;
    const measure = () => {
      m = justifiedOf(p);
      p.style.textAlign = 'left';
      addNatural(m);
      p.style.textAlign = '';
    };
    for (let line = 0, guard = 0; guard < 200; guard++) {
      if (line >= m.lines.length - 1) return;
      const [a, b] = m.lines[line]!;
      const { width, used, stretch } = stretchOf(m, [a, b]);
      if (stretch <= LIMIT_PX) {
        line++;
        continue;
      }
      // Pull the next characters up, one more each try, until the line ends after them.
      const next = m.lines[line + 1]!;
      let fitted = false;
      let changed = false;
      let extra = 0;
      for (let k = 1; k <= next[1] - next[0] + 1 && !fitted; k++) {
        extra += m.natural[b + k]!.width;
        const squeeze = (used + extra - width) / (b + k - a);
        if (squeeze > Math.min(stretch, squeezePt * PX_PER_PT)) break;
        const span = wrap(charsOf(p), a, b + k, baseSpacing - squeeze - 0.01);
        changed = true;
        const after = linesOf(charsOf(p).map(rectOf));
        if (after[line]?.[1] === b + k) {
          fitted = true;
          tightened++;
        } else unwrap(span);
      }
      if (!fitted) overStretched++;
      if (changed) measure();
      line++;
    }
  };

  // Every paragraph measured first, justified and then left-aligned: two layouts of the page in all,
  // not two a paragraph. Fitting one paragraph moves the next ones up or down, never sideways, and
  // lines are told apart by their height within a paragraph, so these measures stay true.
  const paragraphs = [...document.querySelectorAll<HTMLElement>('body > p')];
  const measures = paragraphs.map(justifiedOf);
  const left = document.createElement('style');
  left.textContent = 'body > p { text-align: left !important; }';
  document.head.append(left);
  measures.forEach(addNatural);
  left.remove();
  paragraphs.forEach((p, i) => fitParagraph(p, measures[i]!));
  body.style.width = savedWidth;
  return { tightened, overStretched };
}
