// Which processes still run, and which use a folder: for the output lock, for temp folders of
// builds that died, and for making sure no browser of ours outlives a build.
import { readFileSync, readdirSync } from 'node:fs';
import { hostname } from 'node:os';

/** Who holds a lock or a folder: enough to tell later whether that process still runs. */
export interface Owner {
  readonly pid: number;
  readonly host: string;
  /** Linux: the start time from /proc, so that a reused process id is not taken for the owner. */
  readonly started?: string;
}

export function currentOwner(): Owner {
  return { pid: process.pid, host: hostname(), started: startTime(process.pid) };
}

/** Linux: field 22 of /proc/<pid>/stat (clock ticks since boot); undefined elsewhere. */
export function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the owner still runs; a process on another machine counts as running (we cannot tell). */
export function ownerAlive(owner: Owner): boolean {
  if (owner.host !== hostname()) return true;
  if (!isAlive(owner.pid)) return false;
  const started = startTime(owner.pid);
  return owner.started === undefined || started === undefined || started === owner.started;
}

/**
 * Linux: the processes with an option naming a path inside `dir` (a browser's --user-data-dir, its
 * crash handler's --database). Empty where there is no /proc.
 */
export function processesUsing(dir: string): number[] {
  return processesWithOption(`${dir}/`);
}

/**
 * Linux: the processes with a command-line option (--name=…) whose value contains `text`. Chromium's
 * child processes rewrite their command line into one string separated by spaces, so an option is
 * matched within one NUL-separated argument, not within one space-separated word.
 */
export function processesWithOption(text: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const option = new RegExp(`--[\\w-]+=[^\\0]*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  return entries
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return option.test(readFileSync(`/proc/${entry}/cmdline`, 'utf8'));
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

/** SIGKILL to each; a process that is already gone is fine. */
export function killAll(pids: readonly number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
