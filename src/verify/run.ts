// 核稿 as a step: a draft's blocks against the figures.json of its meeting, with the lines to print.
// Used by `verify` (which fails on a mismatch) and by `render` (which warns and goes on).
import { existsSync, readFileSync } from 'node:fs';
import type { FiguresDocument } from '../compute/document.js';
import { DataError, UsageError } from '../errors.js';
import type { Block } from './draft.js';
import { verificationLines } from './report.js';
import { type Verification, verifyDraft } from './verify.js';

export interface DraftCheck {
  readonly document: FiguresDocument;
  readonly result: Verification;
  /** The problems and the numbers left unchecked, one line each. */
  readonly lines: readonly string[];
  /** 核对了 n 处数字：… */
  readonly summary: string;
}

export function checkDraft(blocks: readonly Block[], figuresPath: string): DraftCheck {
  const document = readFigures(figuresPath);
  const result = verifyDraft(blocks, document);
  const byId = new Map(document.figures.map((f) => [f.id, f]));
  const lines = verificationLines(result, (id) => byId.get(id));
  const summary = `核对了 ${result.confirmed + result.problems.length} 处数字：${result.problems.length} 处与数据不一致，${result.unchecked.length} 处未能核对`;
  return { document, result, lines, summary };
}

export function readFigures(path: string): FiguresDocument {
  if (!existsSync(path)) {
    throw new UsageError(`找不到 ${path}：核稿要对照生成讲话稿时写出的 figures.json，请用 --figures 指明（在 out/<年份>-Q<n>/ 中）`);
  }
  try {
    const document = JSON.parse(readFileSync(path, 'utf8')) as FiguresDocument;
    if (!Array.isArray(document.figures) || !Array.isArray(document.indicators)) throw new Error('not a figures.json');
    return document;
  } catch {
    throw new DataError('不是 tongbao 生成的 figures.json（或由旧版本生成）：请重新运行 npm run report 后再核稿', { file: path });
  }
}
