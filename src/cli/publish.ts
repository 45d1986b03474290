// `npm run publish -- --quarter Q2`: after the meeting, keep its figures under published/ so that
// later checks, in CI too, report a resubmitted return as 修订.
import { relative, resolve } from 'node:path';
import { publishMeeting } from '../check/published.js';
import { UsageError } from '../errors.js';
import { outputFolder } from '../output/folder.js';
import type { Meeting } from '../narrate/context.js';
import { quarterName } from '../period.js';

export interface PublishArgs {
  readonly quarter: string;
  readonly through?: string;
  readonly year?: string;
  readonly data: string;
  readonly out: string;
  readonly published: string;
  readonly force: boolean;
}

export function publishCommand(meetingOf: (args: PublishArgs) => Meeting) {
  return async (args: PublishArgs): Promise<void> => {
    if (args.through !== undefined) throw new UsageError('发布的是会议本身的数字：--through 试算的结果不能发布，请去掉 --through');
    const meeting = meetingOf(args);
    const folder = outputFolder(args.out, meeting);
    const result = publishMeeting(folder.dir, args.published, folder.name, args.force);
    const file = relative(process.cwd(), resolve(result.file)).split('\\').join('/');
    const title = `${meeting.year}年${quarterName(meeting.quarter)}会议`;
    if (!result.changed) {
      process.stdout.write(`${file} 已是${title}的数字，无需改动\n`);
      return;
    }
    process.stdout.write(`已发布${title}的数字：${file}\n请提交到仓库，之后的检查（包括 GitHub 上的自动生成）才能发现修订：\n  git add "${file}" && git commit -m "发布${title}数字"\n`);
  };
}
