// Templates are checked against the context's shape before anything is rendered: each mistake is a
// TemplateError naming the file and line, whatever branch the data would take.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/build.js';
import { TemplateError } from '../../src/errors.js';
import { loadTemplates } from '../../src/render/markdown/speech.js';
import { tongbao } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'tongbao-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the shipped templates with one partial's text replaced. */
function templatesWith(partial: string, change: (text: string) => string): string {
  const dir = mkdtempSync(join(tmp, 'set-'));
  cpSync('templates/speech', dir, { recursive: true });
  const file = join(dir, partial);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
  return dir;
}

function failure(dir: string): TemplateError {
  try {
    loadTemplates(dir);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('the template set was accepted');
}

describe('checking templates against the context', () => {
  it('accepts the shipped template set', () => {
    expect(() => loadTemplates('templates/speech')).not.toThrow();
  });

  it('refuses a misspelt figure inside a helper, at its line', () => {
    // line 5 of partials/indicator-review.hbs is the first "{{growth f.growth}}"
    const error = failure(templatesWith('partials/indicator-review.hbs', (t) => t.replace('{{growth f.growth}}', '{{growth f.grwoth}}')));
    expect(error.describe()).toMatch(/partials\/indicator-review\.hbs › 第5行：没有“f\.grwoth”这一项（f可用的有：id、value、prevYear、growth/);
  });

  it('refuses a field that does not exist, even in a branch the data would not take', () => {
    const error = failure(templatesWith('speech.md.hbs', (t) => t.replace('{{meeting.quarterName}}经济运行部署会议上', '{{meeting.quartername}}经济运行部署会议上')));
    expect(error.describe()).toMatch(/speech\.md\.hbs › 第1行：没有“meeting\.quartername”这一项（meeting可用的有：year、quarter、quarterName、dateLine）/);
  });

  it.each([
    ['an unknown helper', '{{grwth f.growth}}', /没有名为“grwth”的助手/],
    ['a helper given the wrong kind of thing', '{{growth f.rank}}', /助手“growth”的第1个参数应是一个数字（如 f\.growth），“f\.rank”不是/],
    ['a figure printed without a helper', '{{f.growth}}', /“f\.growth”不是一段文字，不能直接写进讲话稿：数字请用助手说出，如 \{\{growth f\.growth\}\}/],
    ['a helper with too many arguments', '{{growth f.growth f.gap}}', /助手“growth”应有 1 个参数，这里有 2 个/],
    ['an unknown partial', '{{> indicator-reveiw}}', /找不到部分模板“indicator-reveiw”/],
    ['an unknown block helper', '{{#whenever f.growth}}x{{/whenever}}', /不是可用的块助手/],
  ])('refuses %s', (_what, line, message) => {
    const error = failure(templatesWith('partials/indicator-review.hbs', (t) => `${t.trimEnd()}\n${line}\n`));
    expect(error.describe()).toMatch(message);
    expect(error.location.file).toMatch(/partials\/indicator-review\.hbs$/);
    expect(error.location.cell).toBe(`第${readFileSync('templates/speech/partials/indicator-review.hbs', 'utf8').trimEnd().split('\n').length + 1}行`);
  });

  it('refuses @index outside a list (closing.hbs is used at the top level)', () => {
    const error = failure(templatesWith('partials/closing.hbs', (t) => `${t.trimEnd()}{{@index}}\n`));
    expect(error.describe()).toMatch(/partials\/closing\.hbs › 第2行：“@index”不存在：它只能用在 \{\{#each\}\} 或 \{\{#join\}\} 之内/);
  });

  it('stops at the line of a helper whose figure the data lacks, instead of saying 不可比', async () => {
    const dir = templatesWith('partials/indicator-review.hbs', () => '{{name}}{{gap f.gap}}\n');
    const out = mkdtempSync(join(tmp, 'out-'));
    const build = buildReport({
      configFile: 'test/fixtures/mini/tongbao.config.yaml', dataDir: 'test/fixtures/mini/data', outDir: out, templateDir: dir,
      meeting: { year: 2023, quarter: 2 }, formats: new Set(['md']), log: () => undefined,
    });
    // 规上工业总产值 has no 预期, hence no gap: the unguarded {{gap f.gap}} cannot be said
    await expect(build).rejects.toThrow(TemplateError);
    await expect(build).rejects.toMatchObject({ location: { cell: '第1行' }, message: expect.stringMatching(/要说的数字在数据中不存在：请用 \{\{#if …\}\} 把这句话包起来/) });
  });

  it('stops the built command with the file and line, in Chinese, exit 1', () => {
    const dir = templatesWith('partials/indicator-review.hbs', (t) => t.replace('{{growth f.growth}}', '{{growth f.grwoth}}'));
    const run = tongbao(['report', '--quarter', 'Q2', '--config', 'test/fixtures/mini/tongbao.config.yaml', '--data', 'test/fixtures/mini/data', '--template', dir, '--out', join(tmp, 'out'), '--format', 'md']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^错误：.*partials\/indicator-review\.hbs › 第5行：没有“f\.grwoth”这一项/m);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/); // no stack
  });
});
