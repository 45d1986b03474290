// npm run verify -- FILE: 核稿 of an edited draft (.docx, .md, .txt) against figures.json.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { FiguresDocument } from '../compute/document.js';
import { DataError, UsageError } from '../errors.js';
import { readDraft } from '../verify/draft.js';
import { verificationLines } from '../verify/report.js';
import { verifyDraft } from '../verify/verify.js';

export interface VerifyArgs {
  readonly file: string;
  readonly figures?: string;
}

/** Prints the problems and the unchecked numbers; exit 1 (a DataError) when the draft disagrees with the data. */
export function runVerify(args: VerifyArgs, write: (line: string) => void): void {
  const figuresPath = args.figures ?? join(dirname(args.file), 'figures.json');
  const document = readFigures(figuresPath);
  const result = verifyDraft(readDraft(args.file), document);
  const byId = new Map(document.figures.map((f) => [f.id, f]));
  write(`核稿：${relative(process.cwd(), args.file)} 对照 ${relative(process.cwd(), figuresPath)}（${document.meeting.year}年${document.meeting.quarter}季度会议，数据截至 ${document.cutOff}）`);
  for (const line of verificationLines(result, (id) => byId.get(id))) write(line);
  const summary = `核对了 ${result.confirmed + result.problems.length} 处数字：${result.problems.length} 处与数据不一致，${result.unchecked.length} 处未能核对`;
  if (result.problems.length > 0) throw new DataError(`核稿未通过，${summary}`);
  write(`核稿通过，${summary}`);
}

function readFigures(path: string): FiguresDocument {
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
