// Finding and launching the headless browser that prints the PDF.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, win32 } from 'node:path';
import { launch, type Browser } from 'puppeteer-core';
import { EnvironmentError } from '../../errors.js';
import { printPage, type PdfOptions, type PrintReport } from './pdf.js';

export type { PdfOptions, PrintReport } from './pdf.js';

export interface BrowserSession {
  printPdf(htmlFile: string, pdfFile: string, options: PdfOptions): Promise<PrintReport>;
  close(): Promise<void>;
}

const INSTALL_HINT =
  '未找到可用的 Chromium/Chrome 浏览器：Debian/Ubuntu 请运行 sudo apt-get install -y chromium，' +
  '或设置环境变量 PUPPETEER_EXECUTABLE_PATH 指向浏览器程序';

// @page margin boxes (the page numbers) arrived in Chrome 131.
const MIN_MAJOR_VERSION = 131;

const CACHE_LAYOUTS: ReadonlyArray<readonly [folder: string, executables: readonly string[]]> = [
  [
    'chrome',
    [
      'chrome-linux64/chrome',
      'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
      'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
      'chrome-win64/chrome.exe',
    ],
  ],
  [
    'chrome-headless-shell',
    [
      'chrome-headless-shell-linux64/chrome-headless-shell',
      'chrome-headless-shell-mac-arm64/chrome-headless-shell',
      'chrome-headless-shell-mac-x64/chrome-headless-shell',
      'chrome-headless-shell-win64/chrome-headless-shell.exe',
    ],
  ],
];

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];

const WINDOWS_BROWSERS = [
  'Google\\Chrome\\Application\\chrome.exe',
  'Chromium\\Application\\chrome.exe',
  'Microsoft\\Edge\\Application\\msedge.exe',
];

/**
 * The browser to print with: $PUPPETEER_EXECUTABLE_PATH, else the newest browser in puppeteer's
 * cache, else a system Chrome/Chromium/Edge.
 */
export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
  list: (dir: string) => string[] = listDir,
): string {
  const configured = env.PUPPETEER_EXECUTABLE_PATH;
  if (configured) {
    if (exists(configured)) return configured;
    throw new EnvironmentError(`环境变量 PUPPETEER_EXECUTABLE_PATH 指向的浏览器不存在：${configured}`);
  }
  const found = [...cachedBrowsers(env, list), ...systemBrowsers(env)].find((path) => exists(path));
  if (found === undefined) throw new EnvironmentError(INSTALL_HINT);
  return found;
}

function cachedBrowsers(env: NodeJS.ProcessEnv, list: (dir: string) => string[]): string[] {
  const cacheDir = env.PUPPETEER_CACHE_DIR || join(env.HOME || homedir(), '.cache', 'puppeteer');
  const installs = CACHE_LAYOUTS.flatMap(([folder, executables]) =>
    list(join(cacheDir, folder)).map((version) => ({ dir: join(cacheDir, folder, version), version, executables })),
  );
  // Stable sort: for equal versions the full chrome stays ahead of the headless shell.
  installs.sort((a, b) => compareVersions(b.version, a.version));
  return installs.flatMap(({ dir, executables }) => executables.map((exe) => join(dir, exe)));
}

function systemBrowsers(env: NodeJS.ProcessEnv): string[] {
  const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter((root): root is string => !!root);
  return [...SYSTEM_BROWSERS, ...roots.flatMap((root) => WINDOWS_BROWSERS.map((exe) => win32.join(root, exe)))];
}

/** Compares puppeteer cache folder names such as "linux-131.0.6778.204" by version number. */
export function compareVersions(a: string, b: string): number {
  const parts = (name: string) => name.replace(/^[^\d]*/, '').split('.').map((part) => Number.parseInt(part, 10) || 0);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** One headless browser for a whole build; call close() when done. */
export async function openBrowser(executablePath: string = findBrowser()): Promise<BrowserSession> {
  const tempDir = await mkdtemp(join(tmpdir(), 'tongbao-browser-'));
  let browser: Browser | undefined;
  try {
    browser = await launchIn(tempDir, executablePath);
    await checkVersion(browser);
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await rm(tempDir, { recursive: true, force: true });
    if (error instanceof EnvironmentError) throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new EnvironmentError(`无法启动浏览器 ${executablePath}：${reason}`, {}, { cause: error });
  }
  const opened = browser;
  return {
    printPdf: (htmlFile, pdfFile, options) => printPage(opened, htmlFile, pdfFile, options),
    close: async () => {
      try {
        await opened.close();
      } finally {
        await rm(tempDir, { recursive: true, force: true });
      }
    },
  };
}

// Chromium also writes to the temp folder, ~/.config and ~/.cache, not only to --user-data-dir.
async function launchIn(tempDir: string, executablePath: string): Promise<Browser> {
  const dirs = { tmp: join(tempDir, 'tmp'), config: join(tempDir, 'config'), cache: join(tempDir, 'cache'), profile: join(tempDir, 'profile') };
  const { tmp, config, cache, profile } = dirs;
  await Promise.all(Object.values(dirs).map((dir) => mkdir(dir)));
  return launch({
    executablePath,
    headless: 'shell', // plain --headless
    pipe: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      `--user-data-dir=${profile}`,
    ],
    env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp, XDG_CONFIG_HOME: config, XDG_CACHE_HOME: cache },
  });
}

async function checkVersion(browser: Browser): Promise<void> {
  const version = await browser.version();
  const major = Number.parseInt(/\/(\d+)\./.exec(version)?.[1] ?? '', 10);
  if (major < MIN_MAJOR_VERSION) {
    throw new EnvironmentError(`浏览器版本过旧（${version}），无法打印页码：请升级到 Chromium/Chrome ${MIN_MAJOR_VERSION} 或更高版本`);
  }
}
