// 核稿 on the example district's Q2 speech (test/cases/example-q2): the generated draft is clean;
// an edited one is flagged exactly where its figures were changed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FiguresDocument } from '../../src/compute/document.js';
import { readDraft, textBlocks } from '../../src/verify/draft.js';
import { verifyDraft } from '../../src/verify/verify.js';
import { docxOf } from '../helpers/docx.js';
import { tongbao } from '../helpers/cli.js';

const CASE = 'test/cases/example-q2';
const figures = JSON.parse(readFileSync(join(CASE, 'figures.json'), 'utf8')) as FiguresDocument;
const speech = readFileSync(join(CASE, 'speech.md'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-verify-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The example speech with six edits: three numbers, a rank, a direction, and a paragraph added. */
const EDITS: ReadonlyArray<readonly [string, string]> = [
  // 一、二是: 科工局 F5 −3.2 → the draft says −3.4
  ['规上工业增加值下降3.2%，低于预期5.2个百分点', '规上工业增加值下降3.4%，低于预期5.2个百分点'],
  // （四）: 目标任务 D19 50亿元 → 60
  ['全年招商引资到位资金目标为50亿元', '全年招商引资到位资金目标为60亿元'],
  // （一）: 37 ÷ 86 = 43.0% → 41.0
  ['负增长企业数37家，负增长企业面43.0%', '负增长企业数37家，负增长企业面41.0%'],
  // （二）: 限上零售业 rank 7 of 7 → 倒数第一, the draft says 倒数第二
  ['限上零售业零售额下降8.3%，降幅比1—2月扩大1.4个百分点，居全市倒数第一', '限上零售业零售额下降8.3%，降幅比1—2月扩大1.4个百分点，居全市倒数第二'],
  // （二）: 商品房销售面积 −18.0 → the draft says 增长
  ['商品房销售面积下降18.0%，降幅比1—2月收窄4.4个百分点', '商品房销售面积增长18.0%，降幅比1—2月收窄4.4个百分点'],
  // a paragraph of prose added before 三、, with numbers no figure backs
  ['## 三、', '全区新增城镇就业岗位1200个，城镇登记失业率控制在3.5%以内。\n\n## 三、'],
];

function edited(): string {
  return EDITS.reduce((text, [from, to]) => {
    expect(text).toContain(from);
    return text.replace(from, to);
  }, speech);
}

const paragraphOf = (text: string, needle: string) => textBlocks(text, true).find((b) => b.kind === 'paragraph' && b.text.includes(needle))!.index;

describe('核稿 (verify)', () => {
  it('finds nothing wrong in the speech as generated, and nothing it cannot check', () => {
    const result = verifyDraft(textBlocks(speech, true), figures);
    expect(result.problems).toEqual([]);
    expect(result.unchecked).toEqual([]);
    expect(result.confirmed).toBeGreaterThan(300);
  });

  it('flags exactly the edited figures of a Markdown draft, each with what the data says and its cell', () => {
    const text = edited();
    const result = verifyDraft(textBlocks(text, true), figures);
    expect(result.problems.map((p) => [p.block, p.says, p.data])).toEqual([
      [paragraphOf(text, '二是有6项'), '规上工业增加值下降3.4%', '规上工业增加值下降3.2%'],
      [paragraphOf(text, '负增长企业面41.0%'), '负增长企业数负增长企业面41.0%', '负增长企业数负增长企业面43.0%'],
      [paragraphOf(text, '限上零售业零售额下降8.3%，降幅比1—2月扩大1.4个百分点，居全市倒数第二'), '商品房销售面积增长18.0%', '商品房销售面积下降18.0%'],
      [paragraphOf(text, '限上零售业零售额下降8.3%，降幅比1—2月扩大1.4个百分点，居全市倒数第二'), '限上零售业零售额居全市倒数第二', '限上零售业零售额居倒数第一'],
      [paragraphOf(text, '目标为60亿元'), '招商引资到位资金目标为60亿元', '招商引资到位资金目标为50亿元'],
    ]);
    expect(result.problems[0]!.figure?.inputs).toEqual([{ source: { file: '2023/03/科工局2023年3月报表.xlsx', sheet: 'Sheet1', cell: 'F5' } }]);
    const added = paragraphOf(text, '1200个');
    expect(result.unchecked.map((u) => [u.block, u.text])).toEqual([[added, '1200个'], [added, '3.5%以内']]);
  });

  it('reads a .docx draft (runs joined, the appendix as a table) and flags the same places', () => {
    const blocks = textBlocks(edited(), true).map((b) => (b.kind === 'table' ? b.rows : b.text));
    const path = join(tmp, 'edited.docx');
    writeFileSync(path, docxOf(blocks));
    const fromDocx = verifyDraft(readDraft(path), figures);
    const fromMarkdown = verifyDraft(textBlocks(edited(), true), figures);
    expect(fromDocx.problems.map((p) => [p.block, p.says])).toEqual(fromMarkdown.problems.map((p) => [p.block, p.says]));
    expect(fromDocx.unchecked).toHaveLength(2);
  });

  it('reads the Word file tongbao itself writes (runs split by font, the appendix a Word table) and flags the same places', async () => {
    const { renderDocx } = await import('../../src/render/docx/docx.js');
    const path = join(tmp, 'rendered.docx');
    writeFileSync(path, await renderDocx({ markdown: edited(), chartRows: [], date: new Date(Date.UTC(2023, 3, 1)), pageNumbers: 'outer' }));
    const fromWord = verifyDraft(readDraft(path), figures);
    const fromMarkdown = verifyDraft(textBlocks(edited(), true), figures);
    expect(fromWord.problems.map((p) => [p.says, p.data])).toEqual(fromMarkdown.problems.map((p) => [p.says, p.data]));
    expect(fromWord.unchecked.map((u) => u.text)).toEqual(['1200个', '3.5%以内']);
  });

  it('checks the appendix table cell by cell', () => {
    const text = speech.replace('| 9 | 限上零售业零售额 | 亿元 | 增长6% | 9.03 | -8.3 |', '| 9 | 限上零售业零售额 | 亿元 | 增长6% | 9.03 | -3.8 |');
    const result = verifyDraft(textBlocks(text, true), figures);
    expect(result.problems.map((p) => [p.says, p.data])).toEqual([['限上零售业零售额 同比增长(%)：-3.8', '限上零售业零售额 同比增长(%)：-8.3']]);
  });

  it('prints each problem through the built command and exits 1; a clean draft exits 0', () => {
    const draft = join(tmp, 'speech.md');
    writeFileSync(draft, edited());
    const run = tongbao(['verify', draft, '--figures', join(CASE, 'figures.json')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('与数据不一致 5 处：');
    expect(run.stdout).toContain('稿中：规上工业增加值下降3.4%');
    expect(run.stdout).toContain('数据：规上工业增加值下降3.2%（来源：2023/03/科工局2023年3月报表.xlsx › Sheet1 › F5）');
    expect(run.stdout).toContain('未能核对 2 处');
    expect(run.stderr).toMatch(/^错误：核稿未通过/m);
    const clean = tongbao(['verify', join(CASE, 'speech.md')]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/核稿通过，核对了 \d+ 处数字：0 处与数据不一致，0 处未能核对/);
  });
});
