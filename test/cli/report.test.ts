// Runs the CLI as a user would, on the mini fixture, and reads the PDF as a reader would.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tongbao } from '../helpers/cli.js';

const MINI = ['--config', 'test/fixtures/mini/tongbao.config.yaml', '--data', 'test/fixtures/mini/data'];
const out = mkdtempSync(join(tmpdir(), 'tongbao-cli-'));


afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('tongbao report on the mini fixture', () => {
  let run: ReturnType<typeof tongbao>;
  beforeAll(() => {
    run = tongbao(['report', '--quarter', 'Q2', ...MINI, '--out', out]);
  });

  it('writes the four outputs, says where, exits 0', () => {
    expect(run.stderr).not.toContain('错误');
    expect(run.code).toBe(0);
    for (const file of ['speech.md', 'speech.html', 'speech.pdf', 'figures.json']) {
      expect(existsSync(join(out, '2023-Q2', file))).toBe(true);
      expect(run.stdout).toContain(`2023-Q2/${file}`);
    }
  });

  it('prints the hand-computed figures in the PDF text', () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(out, '2023-Q2', 'speech.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '').replace(/—\d+—/g, ''); // page numbers may fall mid-sentence
    for (const phrase of [
      '在全区二季度经济运行部署会议上的讲话',
      '规上工业增加值下降3.2%，低于预期5.2个百分点', // 2.0 − (−3.2)
      '限上零售业零售额下降8.3%，低于预期13.3个百分点',
      '限上批发业销售额增长42.6%',
      '高于预期12.6个百分点', // 30.0 − 42.6
      '居全市倒数第一', // 规上工业增加值 rank 3 of 3
      '招商引资到位资金增长22.9%', // 11.80 ÷ 9.60 − 1
      '完成全年目标的23.6%，落后时序进度1.4个百分点', // 11.80 ÷ 50; 25.0%
      '总投资4.5亿元的区人民医院综合业务大楼要确保6月底前竣工', // 45000万元, finish due 2023-06-30
      '总投资2509万元的临江路线迁移改造项目要确保“五一”前开工', // start due 2023-04-28
    ]) {
      expect(text).toContain(phrase);
    }
  });

  it('records each figure with its source file, sheet and A1 cell', () => {
    const json = JSON.parse(readFileSync(join(out, '2023-Q2', 'figures.json'), 'utf8'));
    expect(json.cutOff).toBe('2023-03');
    const gap = json.figures.find((f: { id: string }) => f.id === 'retail_above.gapToExpected');
    expect(gap).toMatchObject({ value: 13.3, unit: '个百分点', inputs: [{ figure: 'retail_above.expected' }, { figure: 'retail_above.growth' }] });
    const growth = json.figures.find((f: { id: string }) => f.id === 'retail_above.growth');
    expect(growth.inputs).toEqual([{ source: { file: '2023/03/商务局2023年1—3月限上商贸数据.xlsx', sheet: 'Sheet1', cell: 'F5' } }]);
  });

  it('shows a figure\'s source on hover in the HTML', () => {
    const html = readFileSync(join(out, '2023-Q2', 'speech.html'), 'utf8');
    expect(html).toContain('<span class="fig" title="2023/03/商务局2023年1—3月限上商贸数据.xlsx › Sheet1 › F5">下降8.3%</span>');
  });
});

describe('--quarter latest (used by the GitHub workflow)', () => {
  it('picks the meeting that reviews the newest quarter-end in the data', () => {
    const latest = join(out, 'latest');
    const run = tongbao(['report', '--quarter', 'latest', ...MINI, '--out', latest, '--format', 'md']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已生成 2023年二季度讲话稿'); // mini data ends at 2023-03
    expect(existsSync(join(latest, '2023-Q2', 'speech.md'))).toBe(true);
  });
});

describe('--through and --year', () => {
  it('review an earlier cut-off under the meeting named by --quarter and --year, in a folder of its own', () => {
    const earlier = join(out, 'through');
    const run = tongbao(['report', '--quarter', 'Q2', '--year', '2023', '--through', '2023-02', ...MINI, '--out', earlier, '--format', 'md']);
    expect(run.code).toBe(0);
    // Never the real Q2 meeting's folder.
    expect(existsSync(join(earlier, '2023-Q2'))).toBe(false);
    const json = JSON.parse(readFileSync(join(earlier, '2023-Q2-through-2023-02', 'figures.json'), 'utf8'));
    expect(json.cutOff).toBe('2023-02');
    // 1—2月: 规上工业增加值 −1.8% (2023/02 科工局), 批发 11.42 vs 8.10 → 41.0%
    expect(json.figures.find((f: { id: string }) => f.id === 'industry_va.growth').value).toBe(-1.8);
    expect(readFileSync(join(earlier, '2023-Q2-through-2023-02', 'speech.md'), 'utf8')).toContain('1—2月，');
  });
});

describe('mistakes a user can make', () => {
  const refused = (args: readonly string[], env: NodeJS.ProcessEnv = {}) => {
    const run = tongbao(args, env);
    expect(run.code).not.toBe(0);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.stderr.trim().split('\n').filter((line) => line.startsWith('错误'))).toHaveLength(1);
    return run.stderr;
  };

  it('an unknown quarter', () => {
    expect(refused(['report', '--quarter', 'Q5', ...MINI, '--out', out])).toContain('季度「Q5」无效：请写 Q1、Q2、Q3 或 Q4');
  });

  it('a missing data folder', () => {
    expect(refused(['report', '--quarter', 'Q2', '--data', 'no-such-folder', '--out', out])).toContain('找不到数据文件夹「no-such-folder」');
  });

  it('a quarter whose returns are not there yet, listing them', () => {
    expect(refused(['report', '--quarter', 'Q3', ...MINI, '--out', out])).toContain(
      '2023年6月缺少以下报表（未报送）：科工局、商务局、投促局',
    );
  });

  it('no browser, saying what to install, and leaving the previous output in place', () => {
    const before = readFileSync(join(out, '2023-Q2', 'speech.pdf'));
    const stderr = refused(['report', '--quarter', 'Q2', ...MINI, '--out', out], { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' });
    expect(stderr).toContain('PUPPETEER_EXECUTABLE_PATH');
    expect(readFileSync(join(out, '2023-Q2', 'speech.pdf'))).toEqual(before);
  });

  it('explains the options in Chinese', () => {
    const run = tongbao(['report', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('会议所在季度');
    expect(run.stdout).toContain('数据截止月份');
  });
});
