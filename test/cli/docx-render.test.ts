// Through the built CLI (bin/tongbao.mjs runs dist/): --format docx, then the edit → render loop.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphs, readDocx } from '../helpers/docxRead.js';

const MINI = ['--config', 'test/fixtures/mini/tongbao.config.yaml', '--data', 'test/fixtures/mini/data'];
const out = mkdtempSync(join(tmpdir(), 'tongbao-cli-docx-'));
const built = join(out, '2023-Q2');

function tongbao(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, ['bin/tongbao.mjs', ...args], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '', ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const docxText = (file: string) => paragraphs(readDocx(readFileSync(file)).part('word/document.xml')).map((p) => p.text).join('\n');

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('tongbao report --format docx', () => {
  let run: ReturnType<typeof tongbao>;
  beforeAll(() => {
    // No browser is needed for Word: one that does not exist is named, and never asked for.
    run = tongbao(['report', '--quarter', 'Q2', ...MINI, '--out', out, '--format', 'md,docx'], { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' });
  }, 120_000);

  it('writes speech.docx beside speech.md without a browser, and says so', () => {
    expect(run.stderr).not.toContain('错误');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2023-Q2/speech.docx');
    expect(existsSync(join(built, 'speech.pdf'))).toBe(false);
    expect(docxText(join(built, 'speech.docx'))).toContain('规上工业增加值下降3.2%，低于预期5.2个百分点');
  });

  it('verifies clean: every number of the Word text and table binds to figures.json', () => {
    const run = tongbao(['verify', join(built, 'speech.docx')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/核稿通过，核对了 \d+ 处数字：0 处与数据不一致，0 处未能核对/);
  }, 60_000);
});

describe('tongbao render FILE.md', () => {
  it('turns the unedited speech.md into the same speech.docx, byte for byte', () => {
    const copy = join(out, 'copy');
    mkdirSync(copy);
    copyFileSync(join(built, 'speech.md'), join(copy, 'speech.md'));
    copyFileSync(join(built, 'figures.json'), join(copy, 'figures.json'));
    const run = tongbao(['render', join(copy, 'speech.md'), '--format', 'docx']);
    expect(run.code).toBe(0);
    expect(readFileSync(join(copy, 'speech.docx')).equals(readFileSync(join(built, 'speech.docx')))).toBe(true);
  }, 60_000);

  it('keeps the edits, in the text and in the appendix table, in Word and HTML', () => {
    const edited = join(out, 'edited');
    mkdirSync(edited);
    const markdown = readFileSync(join(built, 'speech.md'), 'utf8')
      .replace('同志们：', '同志们：\n\n这是秘书改过的一段话。')
      .replace('| 区科工局 |', '| 区科技和工业局 |');
    writeFileSync(join(edited, 'speech.md'), markdown);
    const run = tongbao(['render', join(edited, 'speech.md'), '--format', 'docx,html', '--config', 'test/fixtures/mini/tongbao.config.yaml']);
    expect(run.stderr).not.toContain('错误');
    expect(run.code).toBe(0);
    const text = docxText(join(edited, 'speech.docx'));
    expect(text).toContain('这是秘书改过的一段话。');
    expect(text).toContain('区科技和工业局');
    const html = readFileSync(join(edited, 'speech.html'), 'utf8');
    expect(html).toContain('<p>这是秘书改过的一段话。</p>');
    expect(html).toContain('<td class="lead">区科技和工业局</td>');
    expect(html).toContain('<p class="noindent">同志们：</p>');
  }, 60_000);

  it('refuses a missing file and an unknown format in Chinese, exit 2', () => {
    const missing = tongbao(['render', join(out, 'nope.md')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^错误：找不到讲话稿/);
    const format = tongbao(['render', join(built, 'speech.md'), '--format', 'pdfx']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('render 只能生成 html、pdf、docx');
  }, 60_000);
});
