// scripts/dump-workbook.ts, the tool for reading a workbook's cells by hand (#9): a formula without
// a saved result is shown (not dropped), and a wrong path is one Chinese line, no stack.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dumpWorkbook } from '../../scripts/dump-workbook.js';
import { readWorkbook } from '../../src/ingest/read/file.js';

describe('dump-workbook', () => {
  it('shows a formula cell without its saved result, saying so', async () => {
    const lines = dumpWorkbook(await readWorkbook('test/fixtures/returns/formula-no-result.xlsx', 'formula-no-result.xlsx'));
    expect(lines[4]).toBe('A4=社会消费品零售总额 | B4=亿元 | C4=25.9 | D4=24.16 | E4=〔无法读取：公式没有保存计算结果：请在 Excel 中打开该文件、重新计算并保存后再报送〕');
  });

  it('shows error values as such', async () => {
    const lines = dumpWorkbook(await readWorkbook('test/fixtures/returns/blank-markers.xlsx', 'blank-markers.xlsx'));
    expect(lines[5]).toBe('A5=限上零售业零售额 | B5=亿元 | C5=无 | D5=不可比 | E5=#DIV/0!');
  });

  it('a wrong path: one Chinese line on stderr, exit 1, no stack', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/dump-workbook.ts', 'no/such/file.xlsx'], { encoding: 'utf8' });
    expect(run.stderr).toBe('错误：no/such/file.xlsx：找不到这个文件：请检查路径和文件名\n');
    expect(run.stdout).toBe('');
    expect(run.status).toBe(1);
  });
});
