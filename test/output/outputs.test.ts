// Issue 11 item 2: outputs never destroy each other or edits. A build replaces only the formats it
// was asked for; a draft changed by hand is moved aside as speech.edited-<n>.md and announced;
// --through builds get a folder of their own; numbered copies stay with the PDF they were stamped
// from. In-process builds of Markdown and HTML on the mini fixture (no browser); the copies' rules
// on real files in a folder shaped as a build leaves it.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Format, buildReport } from '../../src/build.js';
import { EnvironmentError } from '../../src/errors.js';
import { outputFolder } from '../../src/output/folder.js';
import { lockOutput } from '../../src/output/lock.js';
import { MANIFEST, manifestJson } from '../../src/output/manifest.js';
import { planSwap } from '../../src/output/plan.js';

const root = mkdtempSync(join(tmpdir(), 'tongbao-outputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function build(outDir: string, formats: readonly Format[], extra: { through?: { year: number; month: number } } = {}) {
  const log: string[] = [];
  const result = await buildReport({
    configFile: 'test/fixtures/mini/tongbao.config.yaml', dataDir: 'test/fixtures/mini/data', outDir, templateDir: 'templates/speech',
    meeting: { year: 2023, quarter: 2 }, formats: new Set(formats), log: (line) => log.push(line), ...extra,
  });
  return { ...result, log };
}

const read = (...path: string[]) => readFileSync(join(...path), 'utf8');
const sha = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('a build replaces only what it was asked for', () => {
  it('--format md keeps speech.html (and its record in the manifest)', async () => {
    const out = join(root, 'formats');
    await build(out, ['md', 'html']);
    const html = read(out, '2023-Q2', 'speech.html');
    await build(out, ['md']);
    expect(read(out, '2023-Q2', 'speech.html')).toBe(html);
    const manifest = JSON.parse(read(out, '2023-Q2', MANIFEST));
    expect(manifest.files['speech.html']).toBe(sha(html));
    expect(manifest.files['speech.md']).toBe(sha(read(out, '2023-Q2', 'speech.md')));
  });

  it('leaves files the user put into the folder alone', async () => {
    const out = join(root, 'own-files');
    await build(out, ['md']);
    writeFileSync(join(out, '2023-Q2', '领导批示.txt'), '请再压缩一些');
    await build(out, ['md']);
    expect(read(out, '2023-Q2', '领导批示.txt')).toBe('请再压缩一些');
  });
});

describe('a draft edited by hand', () => {
  it('is moved aside as speech.edited-1.md, then -2, announced on the terminal and in check.md', async () => {
    const out = join(root, 'edited');
    const dir = join(out, '2023-Q2');
    await build(out, ['md']);
    const generated = read(dir, 'speech.md');
    const edited = generated.replace('同志们：', '同志们、朋友们：');
    writeFileSync(join(dir, 'speech.md'), edited);
    const second = await build(out, ['md']);
    expect(read(dir, 'speech.edited-1.md')).toBe(edited);
    expect(read(dir, 'speech.md')).toBe(generated);
    const note = `${dir}/speech.md 在上次生成之后被改动过，已改名为 speech.edited-1.md 保留；新生成的是 speech.md`;
    expect(second.log).toContain(note);
    expect(read(dir, 'check.md')).toContain(`## 输出文件\n\n- ${note}\n`);

    writeFileSync(join(dir, 'speech.md'), `${generated}\n补充一段。\n`);
    await build(out, ['md']);
    expect(read(dir, 'speech.edited-2.md')).toBe(`${generated}\n补充一段。\n`);
    expect(read(dir, 'speech.edited-1.md')).toBe(edited);
  });

  it('untouched, it is simply replaced: nothing moved aside, nothing said', async () => {
    const out = join(root, 'untouched');
    await build(out, ['md']);
    const again = await build(out, ['md']);
    expect(readdirSync(join(out, '2023-Q2')).filter((name) => name.includes('edited'))).toEqual([]);
    expect(again.log.join('\n')).not.toContain('改动');
    expect(read(out, '2023-Q2', 'check.md')).not.toContain('## 输出文件');
  });

  it('in a folder without a manifest (an older version wrote it): moved aside only if it differs from the new draft', async () => {
    const out = join(root, 'no-manifest');
    const dir = join(out, '2023-Q2');
    await build(out, ['md']);
    rmSync(join(dir, MANIFEST));
    await build(out, ['md']); // same bytes as the new draft: nothing to keep
    expect(existsSync(join(dir, 'speech.edited-1.md'))).toBe(false);
    rmSync(join(dir, MANIFEST));
    writeFileSync(join(dir, 'speech.md'), '旧版本生成、可能改过的稿子');
    await build(out, ['md']);
    expect(read(dir, 'speech.edited-1.md')).toBe('旧版本生成、可能改过的稿子');
  });

  it('speech.md that this build does not write is not touched, edited or not', async () => {
    const out = join(root, 'not-asked');
    await build(out, ['md']);
    writeFileSync(join(out, '2023-Q2', 'speech.md'), '改过的稿子');
    await build(out, ['html']);
    expect(read(out, '2023-Q2', 'speech.md')).toBe('改过的稿子');
    expect(existsSync(join(out, '2023-Q2', 'speech.edited-1.md'))).toBe(false);
  });
});

describe('--through', () => {
  it('writes out/2023-Q2-through-2023-02/ and leaves the meeting’s own folder alone', async () => {
    const out = join(root, 'through');
    await build(out, ['md']);
    const real = read(out, '2023-Q2', 'speech.md');
    const trial = await build(out, ['md'], { through: { year: 2023, month: 2 } });
    expect(trial.dir).toBe(join(out, '2023-Q2-through-2023-02'));
    expect(read(out, '2023-Q2', 'speech.md')).toBe(real);
    expect(JSON.parse(read(out, '2023-Q2-through-2023-02', 'figures.json')).cutOff).toBe('2023-02');
    // --through at the meeting's own cut-off is the meeting itself.
    expect(outputFolder(out, { year: 2023, quarter: 2 }, { year: 2023, month: 3 }).name).toBe('2023-Q2');
  });
});

describe('numbered copies follow the PDF they were stamped from', () => {
  const pdfA = Buffer.from('%PDF-1.7 A');
  const pdfB = Buffer.from('%PDF-1.7 B');
  const COPIES = ['copies/01-王建国.pdf', 'copies/02-李红梅.pdf'];

  /** A briefing folder with speech.pdf (A) and its two copies, as a build leaves it, and an empty staging folder. */
  function folders(name: string) {
    const final = join(root, name, '2023-Q2');
    const staging = join(root, name, '.2023-Q2.building-1');
    mkdirSync(join(final, 'copies'), { recursive: true });
    mkdirSync(staging, { recursive: true });
    writeFileSync(join(final, 'speech.pdf'), pdfA);
    for (const copy of COPIES) writeFileSync(join(final, copy), `${pdfA} + stamp`);
    writeFileSync(join(final, MANIFEST), manifestJson({ files: { 'speech.pdf': sha(pdfA) }, copies: { pdf: sha(pdfA), files: COPIES } }));
    writeFileSync(join(final, 'copies', '说明.txt'), 'the user’s own'); // not a copy
    return { final, staging };
  }

  it('a new PDF without --attendees: the old copies are removed, and the user is told', () => {
    const { final, staging } = folders('new-pdf');
    writeFileSync(join(staging, 'speech.pdf'), pdfB);
    const plan = planSwap(staging, final, new Set(['speech.pdf']));
    expect(plan.removals).toEqual(COPIES);
    expect(plan.copies).toBeUndefined();
    expect(plan.notes).toEqual([`PDF 已重新生成，按旧 PDF 盖章的 2 份编号副本已从 ${final}/copies 删除；需要副本请加 --attendees 重新生成`]);
  });

  it('the same PDF again (same data): the copies stay', () => {
    const { final, staging } = folders('same-pdf');
    writeFileSync(join(staging, 'speech.pdf'), pdfA);
    const plan = planSwap(staging, final, new Set(['speech.pdf']));
    expect(plan.removals).toEqual([]);
    expect(plan.copies).toEqual({ pdf: sha(pdfA), files: COPIES });
  });

  it('no PDF in this build (md only): the PDF stays, so do its copies', () => {
    const { final, staging } = folders('md-only');
    writeFileSync(join(staging, 'speech.md'), '讲话稿');
    const plan = planSwap(staging, final, new Set(['speech.md']));
    expect(plan.removals).toEqual([]);
    expect(plan.copies).toEqual({ pdf: sha(pdfA), files: COPIES });
  });

  it('new copies: those of the old list not stamped again are removed', () => {
    const { final, staging } = folders('new-list');
    writeFileSync(join(staging, 'speech.pdf'), pdfB);
    mkdirSync(join(staging, 'copies'));
    writeFileSync(join(staging, COPIES[0]!), `${pdfB} + stamp`);
    const plan = planSwap(staging, final, new Set(['speech.pdf', COPIES[0]!]));
    expect(plan.removals).toEqual([COPIES[1]]);
    expect(plan.copies).toEqual({ pdf: sha(pdfB), files: [COPIES[0]] });
  });
});

describe('the lock', () => {
  it('refuses a second holder while the first lives, and is taken over from a process that died', () => {
    const folder = outputFolder(join(root, 'lock'), { year: 2023, quarter: 2 });
    const lock = lockOutput(folder, 'report');
    expect(() => lockOutput(folder, 'check')).toThrow(EnvironmentError);
    expect(() => lockOutput(folder, 'check')).toThrow(`另一个 tongbao 进程（生成，进程号 ${process.pid}）正在使用 ${folder.dir}：请等它结束后再运行`);
    lock.release();
    // A process that has exited: its lock is stale.
    const dead = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));
    writeFileSync(join(folder.outDir, '.2023-Q2.lock'), JSON.stringify({ pid: dead, host: hostname(), command: 'report' }));
    const taken = lockOutput(folder, 'report');
    expect(taken.held()).toBe(true);
    taken.release();
    expect(readdirSync(folder.outDir)).toEqual([]);
  });
});
