// Through the CLI: --version, --district, and 修订 remembered across a fresh
// clone — build, `publish`, out/ gone (as in CI), a resubmitted return, `check` says 修订.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { tongbao as run } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tongbao-publish-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The built command, as npm would not run it (no npm_lifecycle_event: the CLI reads that to spot a swallowed option). */
function tongbao(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  return run(args, { npm_lifecycle_event: undefined, ...env });
}

describe('small things users expect of the command line', () => {
  it('--version prints the version of package.json', () => {
    const run = tongbao(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('--district builds the district of districts/<name>/ with its own config and data', () => {
    const out = join(dir, 'district-out');
    const run = tongbao(['report', '--district', '东湖区', '--quarter', 'Q2', '--format', 'md', '--out', out]);
    expect(run.stderr).not.toContain('错误');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('读取报表：districts/东湖区/data（数据截至 2023-03）');
    const json = JSON.parse(readFileSync(join(out, '2023-Q2', 'figures.json'), 'utf8'));
    expect(json.files).toContain('2023/03/工信局2023年3月报表.xlsx');
  });

});

describe('修订 across builds: npm run publish keeps the published figures', () => {
  const district = join(dir, '东湖区');
  const paths = (out: string) => ['--config', join(district, 'tongbao.config.yaml'), '--data', join(district, 'data'), '--out', out, '--published', join(district, 'published')];

  it('publish copies the meeting\'s figures.json; after out/ is gone, a changed return is a 修订', async () => {
    cpSync('districts/东湖区', district, { recursive: true });
    const first = tongbao(['report', '--quarter', 'Q2', '--format', 'md', ...paths(join(dir, 'out1'))]);
    expect(first.code).toBe(0);
    const publish = tongbao(['publish', '--quarter', 'Q2', ...paths(join(dir, 'out1'))]);
    expect(publish.stderr).toBe('');
    expect(publish.code).toBe(0);
    const published = join(district, 'published', '2023-Q2', 'figures.json');
    expect(publish.stdout).toContain('已发布2023年二季度会议的数字');
    expect(readFileSync(published, 'utf8')).toBe(readFileSync(join(dir, 'out1', '2023-Q2', 'figures.json'), 'utf8'));

    // The bureau resubmits March with 规上工业总产值 14.48 → 15.48 亿元 (cell E5).
    const file = join(district, 'data', '2023', '03', '工信局2023年3月报表.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets[0]!.getCell('E5').value).toBe(14.48);
    book.worksheets[0]!.getCell('E5').value = 15.48;
    await book.xlsx.writeFile(file);

    const check = tongbao(['check', '--quarter', 'Q2', ...paths(join(dir, 'fresh-out'))]);
    expect(check.code).toBe(0);
    expect(check.stderr).toContain('警告（修订）：2023/03/工信局2023年3月报表.xlsx › 工信局 › E5：修订：规上工业总产值2023年3月 由 14.48 改为 15.48');
    expect(existsSync(join(dir, 'out1'))).toBe(true);
  });

  it('publishing the same figures again changes nothing', () => {
    const again = tongbao(['publish', '--quarter', 'Q2', ...paths(join(dir, 'out1'))]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('已是2023年二季度会议的数字，无需改动');
  });
});
