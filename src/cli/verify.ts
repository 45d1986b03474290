// npm run verify -- FILE: 核稿 of an edited draft (.docx, .md, .txt) against figures.json.
import { dirname, join, relative } from 'node:path';
import { DataError } from '../errors.js';
import { readDraft } from '../verify/draft.js';
import { checkDraft } from '../verify/run.js';

export interface VerifyArgs {
  readonly file: string;
  readonly figures?: string;
}

/** Prints the problems and the unchecked numbers; exit 1 (a DataError) when the draft disagrees with the data. */
export function runVerify(args: VerifyArgs, write: (line: string) => void): void {
  const figuresPath = args.figures ?? join(dirname(args.file), 'figures.json');
  const { document, result, lines, summary } = checkDraft(readDraft(args.file), figuresPath);
  write(`核稿：${relative(process.cwd(), args.file)} 对照 ${relative(process.cwd(), figuresPath)}（${document.meeting.year}年${document.meeting.quarter}季度会议，数据截至 ${document.cutOff}）`);
  for (const line of lines) write(line);
  if (result.problems.length > 0) throw new DataError(`核稿未通过，${summary}`);
  write(`核稿通过，${summary}`);
}
