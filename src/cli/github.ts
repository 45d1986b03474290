// On GitHub Actions, the commands tell the workflow what they did: step outputs (the artifact's
// name, the folder to upload) in $GITHUB_OUTPUT, and the job summary — the meeting, the files
// read, warnings and problems (check.md) and the files written — in $GITHUB_STEP_SUMMARY.
// Outside Actions these variables are unset and nothing happens.
import { appendFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface MeetingOutputs {
  /** "云溪区2023年二季度讲话稿": one artifact per district and meeting. */
  readonly artifact: string;
  /** The output folder, relative to the working directory. */
  readonly dir: string;
  /** The data folder: attendees.csv there means numbered copies. */
  readonly data: string;
}

export function setOutputs(outputs: MeetingOutputs, env: NodeJS.ProcessEnv = process.env): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  const attendees = join(outputs.data, 'attendees.csv');
  const lines = [`artifact=${outputs.artifact}`, `dir=${relative(process.cwd(), outputs.dir) || '.'}`, `attendees=${existsSync(attendees) ? attendees : ''}`];
  appendFileSync(file, `${lines.join('\n')}\n`);
}

export function addToSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, `${markdown.trimEnd()}\n\n`);
}
