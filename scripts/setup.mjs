#!/usr/bin/env node
// npm run setup: one-time preparation on Linux, macOS or Windows, with nothing but Node.
//   1. npm ci (the project's dependencies);
//   2. a browser to print the PDF: Chrome, Chromium or Edge already installed is used as it is;
//      only where none is found and apt-get exists (Debian, Ubuntu) is Debian's chromium installed;
//   3. with --test, poppler-utils (pdftotext) for the tests, again only through apt-get.
// It prints what it found and what it did.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, posix, resolve, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserCandidates, installHint } from '../src/render/pdf/browserSearch.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The first browser found, honouring PUPPETEER_EXECUTABLE_PATH as the build does.
 * @param {{ platform: string, env: Record<string, string | undefined>, exists: (path: string) => boolean, list: (dir: string) => string[] }} where
 * @returns {string | undefined}
 */
export function findInstalledBrowser({ platform, env, exists, list }) {
  const configured = env.PUPPETEER_EXECUTABLE_PATH;
  if (configured) return exists(configured) ? configured : undefined;
  const home = env.HOME || env.USERPROFILE || homedir();
  return browserCandidates({ platform, env, home, list }).find((path) => exists(path));
}

/**
 * A program on PATH (with Windows' extensions), or undefined.
 * @param {string} name
 * @param {{ platform: string, env: Record<string, string | undefined>, exists: (path: string) => boolean }} where
 * @returns {string | undefined}
 */
export function onPath(name, { platform, env, exists }) {
  const windows = platform === 'win32';
  const extensions = windows ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? env.Path ?? '').split(windows ? ';' : ':').filter(Boolean)) {
    for (const extension of extensions) {
      const path = (windows ? win32 : posix).join(dir, `${name}${extension.toLowerCase()}`);
      if (exists(path)) return path;
    }
  }
  return undefined;
}

/**
 * What setup will do, decided from what is there (pure, for tests): the system packages to
 * install with apt-get, and what to tell the user when they cannot be installed.
 * @param {{ browser: string | undefined, pdftotext: string | undefined, aptGet: string | undefined, tests: boolean, platform: string }} found
 * @returns {{ apt: string[], missing: string[] }}
 */
export function plan({ browser, pdftotext, aptGet, tests, platform }) {
  const wanted = [...(browser ? [] : ['chromium']), ...(tests && !pdftotext ? ['poppler-utils'] : [])];
  if (wanted.length === 0) return { apt: [], missing: [] };
  if (aptGet) return { apt: wanted, missing: [] };
  return { apt: [], missing: wanted.map((pkg) => (pkg === 'chromium' ? installHint(platform) : popplerHint(platform))) };
}

/** @param {string} platform */
function popplerHint(platform) {
  if (platform === 'darwin') return '测试需要 pdftotext：请运行 brew install poppler';
  if (platform === 'win32') return '测试需要 pdftotext：请安装 poppler（如 winget install oschwartz10612.Poppler 或 scoop install poppler）并把它的 bin 文件夹加入 PATH';
  return '测试需要 pdftotext：请用系统的包管理器安装 poppler-utils（或 poppler）';
}

/** @param {string} command @param {string[]} args */
function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' && !command.endsWith('.exe') });
  if (result.status !== 0) {
    process.stderr.write(`错误：${command} ${args.join(' ')} 失败（退出码 ${result.status ?? result.signal}）\n`);
    process.exit(1);
  }
}

/** npm as the running npm (npm run setup sets npm_execpath), else from PATH. @param {string[]} args */
function npm(args) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.c?js$/.test(npmCli)) run(process.execPath, [npmCli, ...args]);
  else run(process.platform === 'win32' ? 'npm.cmd' : 'npm', args);
}

/** @param {string} dir */
function listDir(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function main() {
  const tests = process.argv.includes('--test');
  const where = { platform: process.platform, env: process.env, exists: existsSync, list: listDir };
  const done = [];
  if (!process.argv.includes('--no-install')) {
    console.log('安装 npm 依赖（npm ci）……');
    npm(['ci', '--no-audit', '--no-fund']);
    done.push('已安装 npm 依赖');
  }
  // The command's bundle (dist/), and what the first report would otherwise make (the fonts decoded,
  // the default templates compiled, in node_modules/.cache/tongbao/): bin/build.mjs.
  console.log('编译 tongbao（dist/）并准备字体……');
  run(process.execPath, [join(root, 'bin', 'build.mjs')]);
  done.push('已编译 dist/，字体已解压到 node_modules/.cache/tongbao/');
  const found = { browser: findInstalledBrowser(where), pdftotext: onPath('pdftotext', where), aptGet: process.platform === 'linux' ? onPath('apt-get', where) : undefined, tests, platform: process.platform };
  const steps = plan(found);
  if (steps.apt.length > 0) {
    const sudo = typeof process.getuid === 'function' && process.getuid() !== 0 ? ['sudo'] : [];
    console.log(`安装系统软件包：${steps.apt.join(' ')}（apt-get${sudo.length ? '，需要 sudo' : ''}）`);
    const [command, ...prefix] = [...sudo, 'apt-get'];
    run(command, [...prefix, 'update', '-qq']);
    run(command, [...prefix, 'install', '-y', '-qq', '--no-install-recommends', ...steps.apt]);
    done.push(`已用 apt-get 安装 ${steps.apt.join('、')}`);
  }
  const browser = findInstalledBrowser(where);
  done.push(browser ? `打印 PDF 的浏览器：${browser}` : '未找到浏览器');
  if (tests) done.push(onPath('pdftotext', where) ? `测试用的 pdftotext：${onPath('pdftotext', where)}` : '未找到 pdftotext');
  for (const line of done) console.log(`  ${line}`);
  if (steps.missing.length > 0 || !browser) {
    for (const line of steps.missing.length > 0 ? steps.missing : [installHint(process.platform)]) process.stderr.write(`错误：${line}\n`);
    process.exit(1);
  }
  console.log('准备完成。');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
