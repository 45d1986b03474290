// An edited speech as blocks of text: paragraphs and tables, from .md, .txt or .docx. Only the
// words matter to 核稿, so styles are dropped; numbering of paragraphs follows the document.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { unzipSync } from 'fflate';
import { UserError } from '../errors.js';

export type Block =
  | { readonly kind: 'paragraph'; readonly index: number; readonly text: string }
  | { readonly kind: 'table'; readonly index: number; readonly rows: readonly (readonly string[])[] };

export function readDraft(path: string): Block[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new UserError('找不到要核对的讲话稿：请确认文件路径', { file: path });
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.docx') return docxBlocks(bytes, path);
  if (ext === '.md' || ext === '.txt') return textBlocks(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''), ext === '.md');
  throw new UserError('只能核对 .docx、.md 或 .txt 文件：Word 文档请另存为 .docx', { file: path });
}

/** Paragraphs separated by blank lines (Markdown) or lines (text); Markdown tables as tables. */
export function textBlocks(text: string, markdown: boolean): Block[] {
  const chunks = markdown ? text.split(/\n[ \t]*\n/) : text.split(/\n/);
  const blocks: Block[] = [];
  for (const chunk of chunks) {
    const lines = chunk.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    if (lines.length === 0) continue;
    const index = blocks.length + 1;
    if (markdown && lines.every((line) => line.startsWith('|'))) blocks.push({ kind: 'table', index, rows: markdownRows(lines) });
    else blocks.push({ kind: 'paragraph', index, text: plain(lines.join(''), markdown) });
  }
  return blocks;
}

function markdownRows(lines: readonly string[]): string[][] {
  return lines
    .filter((line) => !/^\|[\s:|-]+\|$/.test(line))
    .map((line) => line.replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((cell) => plain(cell.trim(), true)));
}

/** Markdown's marks removed: heading hashes, escapes, emphasis. */
function plain(text: string, markdown: boolean): string {
  if (!markdown) return text;
  // Emphasis first, then escapes (any ASCII punctuation, as render/markdown/escape.ts writes them), so that
  // an escaped “\*\*” from the data stays text.
  return text.replace(/^#+\s*/, '').replace(/(?<!\\)(\*\*|__)/g, '').replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** word/document.xml's paragraphs and tables, in order. */
function docxBlocks(bytes: Uint8Array, path: string): Block[] {
  let xml: string;
  try {
    const files = unzipSync(bytes, { filter: (file) => file.name === 'word/document.xml' });
    xml = new TextDecoder().decode(files['word/document.xml']);
  } catch {
    throw new UserError('文件不是有效的 Word 文档（.docx），请在 Word 或 WPS 中另存为 .docx 后再核对', { file: path });
  }
  if (!xml) throw new UserError('Word 文档中没有正文（缺少 word/document.xml）', { file: path });
  const body = xml.replace(/<w:tbl\b[\s\S]*?<\/w:tbl>/g, (table) => `\u0000TABLE${encodeURIComponent(table)}\u0000`);
  const blocks: Block[] = [];
  for (const part of body.split('\u0000')) {
    if (part.startsWith('TABLE')) blocks.push({ kind: 'table', index: blocks.length + 1, rows: tableRows(decodeURIComponent(part.slice(5))) });
    else for (const paragraph of part.match(/<w:p\b[\s\S]*?<\/w:p>/g) ?? []) {
      const text = runText(paragraph).trim();
      if (text !== '') blocks.push({ kind: 'paragraph', index: blocks.length + 1, text });
    }
  }
  return blocks;
}

function tableRows(xml: string): string[][] {
  return (xml.match(/<w:tr\b[\s\S]*?<\/w:tr>/g) ?? []).map((row) => (row.match(/<w:tc\b[\s\S]*?<\/w:tc>/g) ?? []).map((cell) => runText(cell).trim()));
}

/** The text of w:t runs (breaks and tabs as nothing: Chinese prose has no spaces to keep). */
function runText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1]!)).join('');
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (_all, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[name as 'lt'] ?? '';
  });
}
