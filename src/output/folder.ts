// Where a meeting's briefing goes: out/2023-Q2/, or out/2023-Q2-through-2023-02/ when --through
// reviews another month, so that a trial run never replaces the real meeting's folder.
import { join, resolve } from 'node:path';
import type { Meeting } from '../narrate/context.js';
import { cutOffFor, monthLabel } from '../period.js';
import type { YearMonth } from '../types.js';

export interface OutputFolder {
  /** The --out folder, absolute. */
  readonly outDir: string;
  /** The briefing's folder name inside it. */
  readonly name: string;
  /** outDir/name */
  readonly dir: string;
}

export function outputFolder(outDir: string, meeting: Meeting, through?: YearMonth): OutputFolder {
  const meetingName = `${meeting.year}-Q${meeting.quarter}`;
  const usual = cutOffFor(meeting);
  const own = through !== undefined && (through.year !== usual.year || through.month !== usual.month);
  const name = own ? `${meetingName}-through-${monthLabel(through)}` : meetingName;
  const root = resolve(outDir);
  return { outDir: root, name, dir: join(root, name) };
}

/** A build's staging folder: `.2023-Q2.building-<pid>` beside the briefing's folder. */
export function stagingDir(folder: OutputFolder, pid: number = process.pid): string {
  return join(folder.outDir, `${stagingPrefix(folder)}${pid}`);
}

export function stagingPrefix(folder: OutputFolder): string {
  return `.${folder.name}.building-`;
}

export function lockFile(folder: OutputFolder): string {
  return join(folder.outDir, `.${folder.name}.lock`);
}
