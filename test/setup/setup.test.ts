// npm run setup (scripts/setup.mjs) on other machines, with fake disks: which browser it finds on
// Linux, macOS and Windows, and what it installs (apt-get only where it exists).
import { describe, expect, it } from 'vitest';
import { findInstalledBrowser, onPath, plan } from '../../scripts/setup.mjs';

function machine(platform: string, files: string[], env: Record<string, string> = {}) {
  return { platform, env, exists: (path: string) => files.includes(path), list: () => [] as string[] };
}

describe('the browser setup finds', () => {
  it('on Debian: chromium in /usr/bin before Chrome, and any browser on PATH', () => {
    expect(findInstalledBrowser(machine('linux', ['/usr/bin/google-chrome-stable', '/usr/bin/chromium'], { HOME: '/home/u' }))).toBe('/usr/bin/chromium');
    expect(findInstalledBrowser(machine('linux', ['/home/u/bin/chromium'], { HOME: '/home/u', PATH: '/home/u/bin:/usr/bin' }))).toBe('/home/u/bin/chromium');
    expect(findInstalledBrowser(machine('linux', ['/opt/microsoft/msedge/msedge'], { HOME: '/home/u' }))).toBe('/opt/microsoft/msedge/msedge');
    expect(findInstalledBrowser(machine('linux', [], { HOME: '/home/u', PATH: '/usr/bin' }))).toBeUndefined();
  });

  it('on macOS: Chrome, Chromium or Edge in /Applications or ~/Applications', () => {
    const edge = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(findInstalledBrowser(machine('darwin', [edge], { HOME: '/Users/li' }))).toBe(edge);
    const own = '/Users/li/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findInstalledBrowser(machine('darwin', [own, edge], { HOME: '/Users/li' }))).toBe(own);
    expect(findInstalledBrowser(machine('darwin', ['/usr/bin/chromium'], { HOME: '/Users/li' }))).toBeUndefined();
  });

  it('on Windows: Edge under Program Files (x86), as on every Windows 10/11, even without the variables', () => {
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findInstalledBrowser(machine('win32', [edge], { USERPROFILE: 'C:\\Users\\王建国' }))).toBe(edge);
    const chrome = 'D:\\软件\\Google\\Chrome\\Application\\chrome.exe';
    expect(findInstalledBrowser(machine('win32', [edge, chrome], { ProgramFiles: 'D:\\软件', USERPROFILE: 'C:\\Users\\王建国' }))).toBe(chrome);
    const own = 'C:\\Users\\王建国\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findInstalledBrowser(machine('win32', [own], { LOCALAPPDATA: 'C:\\Users\\王建国\\AppData\\Local' }))).toBe(own);
  });

  it('PUPPETEER_EXECUTABLE_PATH first, and nothing when it points nowhere', () => {
    expect(findInstalledBrowser(machine('linux', ['/x/chrome', '/usr/bin/chromium'], { PUPPETEER_EXECUTABLE_PATH: '/x/chrome' }))).toBe('/x/chrome');
    expect(findInstalledBrowser(machine('linux', ['/usr/bin/chromium'], { PUPPETEER_EXECUTABLE_PATH: '/gone' }))).toBeUndefined();
  });
});

describe('what setup installs', () => {
  it('nothing when a browser is there; pdftotext only for the tests', () => {
    expect(plan({ browser: '/usr/bin/chromium', pdftotext: undefined, aptGet: '/usr/bin/apt-get', tests: false, platform: 'linux' })).toEqual({ apt: [], missing: [] });
    expect(plan({ browser: '/usr/bin/chromium', pdftotext: undefined, aptGet: '/usr/bin/apt-get', tests: true, platform: 'linux' })).toEqual({ apt: ['poppler-utils'], missing: [] });
  });

  it('Debian\'s chromium through apt-get when no browser is found', () => {
    expect(plan({ browser: undefined, pdftotext: '/usr/bin/pdftotext', aptGet: '/usr/bin/apt-get', tests: true, platform: 'linux' })).toEqual({ apt: ['chromium'], missing: [] });
  });

  it('without apt-get, says what to install instead of trying', () => {
    const mac = plan({ browser: undefined, pdftotext: undefined, aptGet: undefined, tests: true, platform: 'darwin' });
    expect(mac.apt).toEqual([]);
    expect(mac.missing).toEqual([expect.stringMatching(/Google Chrome 或 Microsoft Edge/), expect.stringMatching(/brew install poppler/)]);
    const windows = plan({ browser: undefined, pdftotext: '/x', aptGet: undefined, tests: false, platform: 'win32' });
    expect(windows.missing).toEqual([expect.stringMatching(/Windows 10\/11 自带 Microsoft Edge/)]);
  });

  it('finds programs on PATH the way each system does', () => {
    expect(onPath('apt-get', machine('linux', ['/usr/bin/apt-get'], { PATH: '/usr/local/bin:/usr/bin' }))).toBe('/usr/bin/apt-get');
    expect(onPath('pdftotext', machine('win32', ['C:\\poppler\\bin\\pdftotext.exe'], { PATH: 'C:\\Windows;C:\\poppler\\bin', PATHEXT: '.COM;.EXE' }))).toBe('C:\\poppler\\bin\\pdftotext.exe');
    expect(onPath('apt-get', machine('linux', [], { PATH: '/usr/bin' }))).toBeUndefined();
  });
});
