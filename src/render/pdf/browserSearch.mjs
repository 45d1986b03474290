// Where a Chrome, Chromium or Edge may be installed, per operating system. Plain JavaScript with
// no dependencies, so that scripts/setup.mjs can use it before `npm ci` and before compiling;
// src/render/pdf/browser.ts uses the same list to print. Paths are built with the target
// system's rules (win32 or posix), so the search can be tested for any system on any other.
import { posix, win32 } from 'node:path';

const CACHE_LAYOUTS = [
  ['chrome', ['chrome-linux64/chrome', 'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing', 'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing', 'chrome-win64/chrome.exe']],
  ['chrome-headless-shell', ['chrome-headless-shell-linux64/chrome-headless-shell', 'chrome-headless-shell-mac-arm64/chrome-headless-shell', 'chrome-headless-shell-mac-x64/chrome-headless-shell', 'chrome-headless-shell-win64/chrome-headless-shell.exe']],
];

const LINUX_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];
const LINUX_DIRS = ['/usr/bin', '/snap/bin'];
const LINUX_OPT = ['/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge'];
const MAC_APPS = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
const WINDOWS_EXES = ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe', 'Chromium\\Application\\chrome.exe'];

/**
 * Candidate executables in order of preference: the newest in puppeteer's cache, then the
 * system's browsers.
 * @param {{ platform: string, env: Record<string, string | undefined>, home: string, list: (dir: string) => string[] }} where
 * @returns {string[]}
 */
export function browserCandidates(where) {
  return [...cachedBrowsers(where), ...systemBrowsers(where)];
}

/**
 * @param {{ platform: string, env: Record<string, string | undefined>, home: string, list: (dir: string) => string[] }} where
 * @returns {string[]}
 */
function cachedBrowsers({ platform, env, home, list }) {
  const path = platform === 'win32' ? win32 : posix;
  const cacheDir = env.PUPPETEER_CACHE_DIR || path.join(home, '.cache', 'puppeteer');
  const installs = CACHE_LAYOUTS.flatMap(([folder, executables]) =>
    list(path.join(cacheDir, folder)).map((version) => ({ dir: path.join(cacheDir, folder, version), version, executables })),
  );
  // Stable sort: for equal versions the full chrome stays ahead of the headless shell.
  installs.sort((a, b) => compareVersions(b.version, a.version));
  return installs.flatMap(({ dir, executables }) => executables.map((exe) => path.join(dir, exe)));
}

/**
 * Chrome, Chromium and Edge where their installers put them: on Linux every folder of PATH and
 * the usual fixed places; on macOS /Applications and ~/Applications; on Windows Program Files
 * (Edge comes with every Windows 10 and 11) and the user's own AppData.
 * @param {{ platform: string, env: Record<string, string | undefined>, home: string }} where
 * @returns {string[]}
 */
export function systemBrowsers({ platform, env, home }) {
  if (platform === 'win32') {
    const roots = [env.ProgramFiles || 'C:\\Program Files', env['ProgramFiles(x86)'] || 'C:\\Program Files (x86)', env.LOCALAPPDATA].filter(Boolean);
    return WINDOWS_EXES.flatMap((exe) => roots.map((root) => win32.join(/** @type {string} */ (root), exe)));
  }
  if (platform === 'darwin') return MAC_APPS.flatMap((app) => ['/Applications', posix.join(home, 'Applications')].map((dir) => posix.join(dir, app)));
  // The usual folders first, in a fixed order, then the rest of PATH.
  const dirs = [...new Set([...LINUX_DIRS, ...(env.PATH ?? '').split(':').filter(Boolean)])];
  return [...dirs.flatMap((dir) => LINUX_NAMES.map((name) => posix.join(dir, name))), ...LINUX_OPT];
}

/**
 * Compares puppeteer cache folder names such as "linux-131.0.6778.204" by version number.
 * @param {string} a
 * @param {string} b
 * @returns {number}
 */
export function compareVersions(a, b) {
  /** @param {string} name */
  const parts = (name) => name.replace(/^[^\d]*/, '').split('.').map((part) => Number.parseInt(part, 10) || 0);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * What to install when no browser is found, in the words of the user's system.
 * @param {string} platform
 * @returns {string}
 */
export function installHint(platform) {
  const set = '或设置环境变量 PUPPETEER_EXECUTABLE_PATH 指向浏览器程序';
  if (platform === 'win32') return `未找到可用的 Chrome/Edge 浏览器：Windows 10/11 自带 Microsoft Edge，请确认它未被卸载，或安装 Google Chrome，${set}`;
  if (platform === 'darwin') return `未找到可用的 Chrome/Chromium/Edge 浏览器：请安装 Google Chrome 或 Microsoft Edge，${set}`;
  return `未找到可用的 Chromium/Chrome 浏览器：Debian/Ubuntu 请运行 sudo apt-get install -y chromium（或 npm run setup），${set}`;
}
