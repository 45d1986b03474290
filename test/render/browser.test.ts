import { describe, it, expect } from 'vitest';
import { compareVersions, findBrowser, openBrowser } from '../../src/render/pdf/browser.js';
import { EnvironmentError } from '../../src/errors.js';

/** A fake disk: `files` exist, `dirs` maps a folder to its entries. */
function disk(files: string[], dirs: Record<string, string[]> = {}) {
  return {
    exists: (path: string) => files.includes(path),
    list: (dir: string) => dirs[dir] ?? [],
  };
}

function find(env: NodeJS.ProcessEnv, fake: ReturnType<typeof disk>, platform = 'linux'): string {
  return findBrowser(env, fake.exists, fake.list, platform);
}

const cache = '/home/u/.cache/puppeteer';
const chrome = (v: string) => `${cache}/chrome/linux-${v}/chrome-linux64/chrome`;
const shell = (v: string) => `${cache}/chrome-headless-shell/linux-${v}/chrome-headless-shell-linux64/chrome-headless-shell`;

describe('findBrowser', () => {
  it('prefers PUPPETEER_EXECUTABLE_PATH over everything else', () => {
    const fake = disk(['/opt/my-chrome', '/usr/bin/chromium', chrome('131.0.1.2')], {
      [`${cache}/chrome`]: ['linux-131.0.1.2'],
    });
    expect(find({ HOME: '/home/u', PUPPETEER_EXECUTABLE_PATH: '/opt/my-chrome' }, fake)).toBe('/opt/my-chrome');
  });

  it('rejects a PUPPETEER_EXECUTABLE_PATH that does not exist, naming it', () => {
    const fake = disk(['/usr/bin/chromium']);
    const run = () => find({ PUPPETEER_EXECUTABLE_PATH: '/opt/gone' }, fake);
    expect(run).toThrow(EnvironmentError);
    expect(run).toThrow(/PUPPETEER_EXECUTABLE_PATH.*\/opt\/gone/);
  });

  it('takes the newest browser in puppeteer’s cache before system browsers', () => {
    const fake = disk([chrome('120.0.0.1'), chrome('131.0.6778.204'), shell('131.0.6778.9'), '/usr/bin/chromium'], {
      [`${cache}/chrome`]: ['linux-120.0.0.1', 'linux-131.0.6778.204'],
      [`${cache}/chrome-headless-shell`]: ['linux-131.0.6778.9'],
    });
    expect(find({ HOME: '/home/u' }, fake)).toBe(chrome('131.0.6778.204'));
  });

  it('finds a headless shell when it is the newest', () => {
    const fake = disk([chrome('120.0.0.1'), shell('131.0.0.0')], {
      [`${cache}/chrome`]: ['linux-120.0.0.1'],
      [`${cache}/chrome-headless-shell`]: ['linux-131.0.0.0'],
    });
    expect(find({ HOME: '/home/u' }, fake)).toBe(shell('131.0.0.0'));
  });

  it('reads PUPPETEER_CACHE_DIR', () => {
    const exe = '/cache/chrome/linux-140.0.0.0/chrome-linux64/chrome';
    const fake = disk([exe, '/usr/bin/chromium'], { '/cache/chrome': ['linux-140.0.0.0'] });
    expect(find({ HOME: '/home/u', PUPPETEER_CACHE_DIR: '/cache' }, fake)).toBe(exe);
  });

  it('falls back to system browsers in order', () => {
    expect(find({ HOME: '/h' }, disk(['/usr/bin/google-chrome', '/usr/bin/chromium']))).toBe('/usr/bin/chromium');
    expect(find({ HOME: '/h' }, disk(['/snap/bin/chromium', '/usr/bin/google-chrome']))).toBe('/usr/bin/google-chrome');
    expect(find({ HOME: '/h' }, disk(['/snap/bin/chromium']))).toBe('/snap/bin/chromium');
  });

  it('looks under %ProgramFiles% on Windows', () => {
    const exe = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    expect(find({ HOME: '/h', ProgramFiles: 'C:\\Program Files' }, disk([exe]), 'win32')).toBe(exe);
  });

  it('says in Chinese what to install when nothing is found', () => {
    const run = () => find({ HOME: '/h' }, disk([]));
    expect(run).toThrow(EnvironmentError);
    expect(run).toThrow(/未找到可用的 Chromium\/Chrome 浏览器.*apt-get install -y chromium.*PUPPETEER_EXECUTABLE_PATH/);
  });
});

describe('compareVersions', () => {
  it('compares cache folder names numerically', () => {
    expect(compareVersions('linux-131.0.6778.204', 'linux-131.0.6778.85')).toBeGreaterThan(0);
    expect(compareVersions('linux-99.0.0.0', 'linux-100.0.0.0')).toBeLessThan(0);
    expect(compareVersions('linux-1.2.3', 'linux-1.2.3')).toBe(0);
  });
});

describe('openBrowser', () => {
  it('reports a browser that cannot start, naming it', async () => {
    await expect(openBrowser('/nonexistent/chrome')).rejects.toThrow(EnvironmentError);
    await expect(openBrowser('/nonexistent/chrome')).rejects.toThrow(/无法运行浏览器 \/nonexistent\/chrome（ENOENT）/);
  });
});
