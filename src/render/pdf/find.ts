// Which browser prints the PDF: $PUPPETEER_EXECUTABLE_PATH, else the newest browser in puppeteer's
// cache, else a system Chrome/Chromium/Edge (browserSearch.mjs, shared with npm run setup). Plain
// Node only, so that the command can look before loading anything else.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { EnvironmentError } from '../../errors.js';
import { browserCandidates, installHint } from './browserSearch.mjs';
import { listDir } from '../../system/listDir.js';

export { compareVersions } from './browserSearch.mjs';

export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
  list: (dir: string) => string[] = listDir,
  platform: string = process.platform,
): string {
  const configured = env.PUPPETEER_EXECUTABLE_PATH;
  if (configured) {
    if (exists(configured)) return configured;
    throw new EnvironmentError(`环境变量 PUPPETEER_EXECUTABLE_PATH 指向的浏览器不存在：${configured}`);
  }
  const found = browserCandidates({ platform, env, home: env.HOME || env.USERPROFILE || homedir(), list }).find((path) => exists(path));
  if (found === undefined) throw new EnvironmentError(installHint(platform));
  return found;
}

