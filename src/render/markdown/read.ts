// Reads a speech's Markdown back: the speech blocks (title, date line, headings, paragraphs) and the
// appendix table 附表, from marked's tokens. Used by the Word output and by `render` of an edited draft.
import { Lexer, type Token, type Tokens } from 'marked';

export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

/** title: the speech's title; date: the line under it; heading1 “一、”; heading2 “（一）”; flush: “同志们：”. */
export type BlockKind = 'title' | 'date' | 'heading1' | 'heading2' | 'heading3' | 'body' | 'flush';

export interface Block {
  readonly kind: BlockKind;
  readonly runs: readonly Run[];
}

export type Align = 'left' | 'center' | 'right';

/** The appendix as printed: a title, the unit line above the table, the table, the notes below. */
export interface AppendixTable {
  readonly title: string;
  readonly unitLine: string;
  readonly header: readonly string[];
  readonly align: readonly Align[];
  readonly rows: readonly (readonly string[])[];
  readonly notes: readonly string[];
}

/**
 * A header cell's lines: a unit in brackets goes on a line of its own, and a longer name breaks after
 * four characters (同比增长 / (%), 完成全年 / 目标(%), 1—3月 / 完成), never inside a word at random.
 */
export function headerLines(text: string): string[] {
  const bracket = text.search(/[(（]/);
  const [main, unit] = bracket > 0 ? [text.slice(0, bracket), text.slice(bracket)] : [text, ''];
  const chars = [...main];
  if (chars.length <= 4) return unit ? [main, unit] : [main];
  return [chars.slice(0, 4).join(''), chars.slice(4).join('') + unit];
}

export interface SpeechDocument {
  /** The Markdown before the appendix heading. */
  readonly speech: string;
  readonly blocks: readonly Block[];
  readonly appendix?: AppendixTable;
}

/** The appendix starts at the first level-2 heading that begins with 附表. */
const APPENDIX_HEADING = /^##[ \t]+附表/m;

// A line break inside a Chinese paragraph would print as a space: it is dropped between CJK characters.
const CJK = '[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef]';
const CJK_BREAK = new RegExp(`(?<=${CJK})[ \\t]*\\n[ \\t]*(?=${CJK})`, 'gu');

export function readSpeechMarkdown(markdown: string): SpeechDocument {
  const at = markdown.search(APPENDIX_HEADING);
  const speech = at < 0 ? markdown : markdown.slice(0, at);
  const appendix = at < 0 ? undefined : readAppendix(markdown.slice(at));
  return { speech, blocks: speechBlocks(speech), appendix };
}

/**
 * “同志们：” and other salutations are printed flush left (no two-character indent). The Markdown has
 * no mark for it, so a short paragraph ending in a full-width colon is taken as one.
 */
export function isSalutation(text: string): boolean {
  return /^[^，。；！？\s]{1,12}：$/u.test(text.trim());
}

function speechBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const token of new Lexer({ gfm: true }).lex(markdown)) {
    const previous = blocks.at(-1);
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      blocks.push({ kind: headingKind(heading.depth), runs: inlineRuns(heading.tokens) });
    } else if (token.type === 'paragraph') {
      const runs = inlineRuns((token as Tokens.Paragraph).tokens);
      const text = runs.map((r) => r.text).join('');
      const kind: BlockKind = previous?.kind === 'title' && /^（.*）$/u.test(text) ? 'date' : isSalutation(text) ? 'flush' : 'body';
      blocks.push({ kind, runs });
    } else if (token.type === 'list') {
      for (const item of (token as Tokens.List).items) blocks.push({ kind: 'body', runs: inlineRuns(item.tokens.flatMap(childTokens)) });
    } else if (token.type === 'blockquote' || token.type === 'code' || token.type === 'html') {
      const text = 'text' in token ? String(token.text).trim() : '';
      if (text) blocks.push({ kind: 'body', runs: [{ text }] });
    }
  }
  return blocks;
}

function headingKind(depth: number): BlockKind {
  return depth === 1 ? 'title' : depth === 2 ? 'heading1' : depth === 3 ? 'heading2' : 'heading3';
}

function childTokens(token: Token): Token[] {
  return 'tokens' in token && token.tokens ? token.tokens : [token];
}

/** Inline tokens → runs of plain text with bold/italic; links and images print as their text. */
export function inlineRuns(tokens: readonly Token[] = [], style: Omit<Run, 'text'> = {}): Run[] {
  const runs: Run[] = [];
  for (const token of tokens) {
    if (token.type === 'strong') runs.push(...inlineRuns((token as Tokens.Strong).tokens, { ...style, bold: true }));
    else if (token.type === 'em') runs.push(...inlineRuns((token as Tokens.Em).tokens, { ...style, italic: true }));
    else if ('tokens' in token && token.tokens && token.type !== 'text') runs.push(...inlineRuns(token.tokens, style));
    else if (token.type === 'br') runs.push({ ...style, text: '\n' });
    else if (token.type !== 'html') runs.push({ ...style, text: plainText(token) });
  }
  return merge(runs.filter((r) => r.text !== ''));
}

function plainText(token: Token): string {
  const text = token.type === 'escape' || token.type === 'codespan' ? (token as Tokens.Escape).text : 'text' in token ? String(token.text) : token.raw;
  return decodeEntities(text).replace(CJK_BREAK, '').replace(/\s*\n\s*/g, ' ');
}

function merge(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const last = out.at(-1);
    if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic) out[out.length - 1] = { ...last, text: last.text + run.text };
    else out.push(run);
  }
  return out;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_all, name: string) => ENTITIES[name]!);
}

/** The appendix part: “## 附表…”, the unit line, the table, “注：” and the numbered notes. */
function readAppendix(markdown: string): AppendixTable | undefined {
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const title = tokens.find((t): t is Tokens.Heading => t.type === 'heading');
  const tableAt = tokens.findIndex((t) => t.type === 'table');
  if (!title || tableAt < 0) return undefined;
  const table = tokens[tableAt] as Tokens.Table;
  const before = tokens.slice(0, tableAt).filter((t): t is Tokens.Paragraph => t.type === 'paragraph');
  const cellText = (cell: Tokens.TableCell) => inlineRuns(cell.tokens).map((r) => r.text).join('').trim();
  return {
    title: textOf(title.tokens),
    unitLine: before.map((p) => textOf(p.tokens)).join(' '),
    header: table.header.map(cellText),
    align: table.align.map((a) => a ?? 'left'),
    rows: table.rows.map((row) => row.map(cellText)),
    notes: notesAfter(tokens.slice(tableAt + 1)),
  };
}

function textOf(tokens: readonly Token[]): string {
  return inlineRuns(tokens).map((r) => r.text).join('').trim();
}

/** Lines after the table; “注：” on its own is dropped, numbered items keep their number. */
function notesAfter(tokens: readonly Token[]): string[] {
  const lines: string[] = [];
  for (const token of tokens) {
    if (token.type === 'paragraph') {
      lines.push(...(token as Tokens.Paragraph).raw.split('\n').map((line) => textOf(new Lexer().inlineTokens(line.trim()))));
    } else if (token.type === 'list') {
      const list = token as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      list.items.forEach((item, i) => lines.push(`${list.ordered ? `${start + i}. ` : ''}${textOf(item.tokens.flatMap(childTokens))}`));
    }
  }
  return lines.filter((line) => line !== '' && line !== '注：' && line !== '注:');
}
