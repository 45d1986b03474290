// What the disk refuses (full, read-only, no permission, a file where a folder should be, a file
// held open) is the user's environment, not a bug: one Chinese line naming the path.
import { isAbsolute, relative } from 'node:path';
import { EnvironmentError } from '../errors.js';

/** A file held open by another program (the PDF open in WPS or Acrobat) cannot be replaced. */
const LOCKED = (path: string) => `请先关闭已打开的 ${path}（如在 WPS、Word 或 PDF 阅读器中打开），然后重新运行`;

const MESSAGES: Readonly<Record<string, (path: string) => string>> = {
  ENOSPC: (path) => `磁盘空间不足，无法写入 ${path}：请清理磁盘后重新生成（上一次的完整输出保持不变）`,
  EDQUOT: (path) => `磁盘配额已用完，无法写入 ${path}：请清理后重新生成（上一次的完整输出保持不变）`,
  EROFS: (path) => `${path} 在只读的磁盘上，无法写入：请用 --out 指定一个可写的文件夹`,
  EACCES: (path) => `没有权限读写 ${path}：请检查这个文件夹的权限，或用 --out 指定一个可写的文件夹`,
  EPERM: (path) => `没有权限读写 ${path}：请检查这个文件夹的权限，或用 --out 指定一个可写的文件夹`,
  EEXIST: (path) => `${path} 是一个文件，不是文件夹：请把它改名或删除，或用 --out 指定别的文件夹`,
  ENOTDIR: (path) => `${path} 的上级路径中有一个文件挡住了文件夹：请把它改名或删除，或用 --out 指定别的文件夹`,
  EBUSY: LOCKED,
  EMFILE: (path) => `打开的文件太多，无法打开 ${path}：请关闭一些程序后重新生成`,
  ENFILE: (path) => `系统打开的文件太多，无法打开 ${path}：请关闭一些程序后重新生成`,
  EIO: (path) => `读写 ${path} 时磁盘出错（EIO）：请检查磁盘后重新生成`,
};

/**
 * The environment error for a file-system error, or undefined for anything else. `shown` turns an
 * internal path (a staging folder) into the one the user knows; `where` stands in when the error
 * has no path (a failed write() names none).
 */
export function fileSystemError(error: unknown, shown: (path: string) => string = (path) => path, where?: string, platform: string = process.platform): EnvironmentError | undefined {
  const { code, path = where } = (error ?? {}) as NodeJS.ErrnoException;
  // Windows says EPERM, not EBUSY, when another program holds the file open.
  const message = code === 'EPERM' && platform === 'win32' ? LOCKED : code === undefined ? undefined : MESSAGES[code];
  if (message === undefined || typeof path !== 'string') return undefined;
  return new EnvironmentError(message(displayPath(shown(path))), {}, { cause: error });
}

/** Relative to the working folder when inside it, as the user typed it; absolute otherwise. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
