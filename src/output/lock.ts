// One build (or check) at a time per briefing folder: out/.2023-Q2.lock names the process that holds
// it. A lock whose process has died is taken over; a live one stops the second build with a message.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { EnvironmentError } from '../errors.js';
import { onInterrupt } from '../system/interrupt.js';
import { type Owner, currentOwner, ownerAlive } from '../system/processes.js';
import { displayPath } from '../system/fsErrors.js';
import { type OutputFolder, lockFile } from './folder.js';

export interface Lock {
  /** Whether the lock file still names this process (checked before the output is replaced). */
  held(): boolean;
  release(): void;
}

interface Holder extends Owner {
  readonly command: string;
}

/** A lock file younger than this with no content yet is being written by its owner right now. */
const FRESH_MS = 5_000;

export function lockOutput(folder: OutputFolder, command: 'report' | 'check'): Lock {
  mkdirSync(folder.outDir, { recursive: true });
  const path = lockFile(folder);
  const me: Holder = { ...currentOwner(), command };
  if (!create(path, me)) {
    const holder = readHolder(path);
    if (holder ? ownerAlive(holder) : isFresh(path)) throw busy(folder, path, holder);
    rmSync(path, { force: true }); // its process has died
    if (!create(path, me)) throw busy(folder, path, readHolder(path));
  }
  const ours = () => sameHolder(readHolder(path), me);
  const releaseNow = () => {
    try {
      if (ours()) rmSync(path, { force: true });
    } catch {
      // left behind: its process is gone, so the next build takes it over
    }
  };
  const forget = onInterrupt(releaseNow);
  return {
    held: ours,
    release: () => {
      forget();
      releaseNow();
    },
  };
}

/** Creates the lock file only if there is none; false when another exists. */
function create(path: string, holder: Holder): boolean {
  try {
    writeFileSync(path, `${JSON.stringify(holder)}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC') rmSync(path, { force: true }); // created, but empty
    throw error;
  }
}

function readHolder(path: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Holder;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? holder : undefined;
  } catch {
    return undefined;
  }
}

function isFresh(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs < FRESH_MS;
  } catch {
    return false;
  }
}

function sameHolder(a: Holder | undefined, b: Holder): boolean {
  return a !== undefined && a.pid === b.pid && a.host === b.host && a.started === b.started;
}

function busy(folder: OutputFolder, path: string, holder: Holder | undefined): EnvironmentError {
  const who = holder ? `另一个 tongbao 进程（${holder.command === 'check' ? '数据检查' : '生成'}，进程号 ${holder.pid}${holder.host === currentOwner().host ? '' : `，在 ${holder.host} 上`}）` : '另一个 tongbao 进程';
  return new EnvironmentError(
    `${who}正在使用 ${displayPath(folder.dir)}：请等它结束后再运行。如果确定没有别的 tongbao 在运行，删除 ${displayPath(path)} 后重试`,
  );
}
