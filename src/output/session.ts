// A build's or check's hold on a briefing folder: the lock, what interrupted builds left behind
// dealt with first, and file-system errors said in Chinese with the path the user knows.
import { fileSystemError } from '../system/fsErrors.js';
import { type OutputFolder, stagingDir } from './folder.js';
import { type Lock, lockOutput } from './lock.js';
import { recoverInterrupted } from './swap.js';

export interface OutputSession {
  readonly folder: OutputFolder;
  readonly lock: Lock;
  /** What recovering from an interrupted build did, in Chinese. */
  readonly recovered: readonly string[];
}

export async function withOutputFolder<T>(folder: OutputFolder, command: 'report' | 'check', work: (session: OutputSession) => Promise<T>): Promise<T> {
  try {
    const lock = lockOutput(folder, command);
    try {
      return await work({ folder, lock, recovered: recoverInterrupted(folder) });
    } finally {
      lock.release();
    }
  } catch (error) {
    // Paths inside the staging folder are named as they will be in the briefing folder.
    throw fileSystemError(error, (path) => path.replace(stagingDir(folder), folder.dir), folder.dir) ?? error;
  }
}
