// `npm run check` and the checks inside `report`, run as a user would on copies of the mini
// fixture with problems put in (#5 items 4 and 5).
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { tongbao } from '../helpers/cli.js';

const MINI = 'test/fixtures/mini';
const CONFIG = ['--config', `${MINI}/tongbao.config.yaml`];
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));


/** A copy of the mini data folder to break. */
function copyData(name: string): string {
  const dir = join(tmp, name);
  cpSync(`${MINI}/data`, dir, { recursive: true });
  return dir;
}

async function setCell(path: string, address: string, value: string | number, saveAs = path): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  wb.worksheets[0]!.getCell(address).value = value;
  writeFileSync(saveAs, Buffer.from(await wb.xlsx.writeBuffer()));
}

function treeHash(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(`${path}\0${statSync(path).mtimeMs}\0`).update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

describe('npm run check', () => {
  it('on clean data: exit 0, check.md says so', () => {
    const out = join(tmp, 'out-clean');
    const run = tongbao(['check', '--quarter', 'Q2', ...CONFIG, '--data', `${MINI}/data`, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('数据检查：0 个错误，0 个警告');
    expect(readFileSync(join(out, '2023-Q2', 'check.md'), 'utf8')).toContain('**结论：未发现问题**。');
  });

  it('on broken data: every error listed with file/sheet/cell, exit 1; report stops and keeps the previous output', async () => {
    const data = copyData('broken');
    await setCell(join(data, '2023/03/商务局2023年1—3月限上商贸数据.xlsx'), 'D5', '约9.9亿');
    unlinkSync(join(data, '2023/03/投促局2023年3月招商引资.xlsx'));
    const out = join(tmp, 'out-broken');
    const check = tongbao(['check', '--quarter', 'Q2', ...CONFIG, '--data', data, '--out', out]);
    expect(check.code).toBe(1);
    // One late return among three is a warning (the briefing says so); the unreadable cell is an error.
    expect(check.stderr).toContain('警告（未报送）：投促局2023年3月报表未报送');
    expect(check.stderr).toContain('错误（无法读取）：2023/03/商务局2023年1—3月限上商贸数据.xlsx › Sheet1 › D5：无法识别的数值「约9.9亿」');
    expect(check.stderr).toContain('错误：数据检查：1 个错误，1 个警告');
    const markdown = readFileSync(join(out, '2023-Q2', 'check.md'), 'utf8');
    expect(markdown).toContain('| 2023年3月 | 投促局 | 警告 |');
    expect(markdown).toContain('| 无法读取 | 2023/03/商务局2023年1—3月限上商贸数据.xlsx › Sheet1 › D5 |');

    const good = tongbao(['report', '--quarter', 'Q2', ...CONFIG, '--data', `${MINI}/data`, '--out', out, '--format', 'md']);
    expect(good.code).toBe(0);
    const before = treeHash(join(out, '2023-Q2'));
    const bad = tongbao(['report', '--quarter', 'Q2', ...CONFIG, '--data', data, '--out', out, '--format', 'md']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('错误：2023/03/商务局2023年1—3月限上商贸数据.xlsx › Sheet1 › D5：无法识别的数值「约9.9亿」');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(treeHash(join(out, '2023-Q2'))).toBe(before);
  });

  it('warnings fail only with --strict', () => {
    const data = copyData('duplicate');
    cpSync(join(data, '2023/03/科工局2023年3月报表.xlsx'), join(data, '2023/03/科工局2023年3月报表(1).xlsx'));
    const args = ['check', '--quarter', 'Q2', ...CONFIG, '--data', data, '--out', join(tmp, 'out-dup')];
    const lenient = tongbao(args);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain('警告（修订版替代）：2023/03/科工局2023年3月报表(1).xlsx：同一单位同一月份有2个文件');
    const strict = tongbao([...args, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('（--strict：警告也视为未通过）');
  });

  it('修订: a resubmitted return that changes a published figure is listed, old → new with cells', async () => {
    const out = join(tmp, 'out-revised');
    expect(tongbao(['report', '--quarter', 'Q2', ...CONFIG, '--data', `${MINI}/data`, '--out', out, '--format', 'md']).code).toBe(0);
    const data = copyData('revised');
    const original = join(data, '2023/03/商务局2023年1—3月限上商贸数据.xlsx');
    await setCell(original, 'D5', 9.95, join(data, '2023/03/商务局2023年1—3月限上商贸数据（修订）.xlsx'));
    const run = tongbao(['report', '--quarter', 'Q2', ...CONFIG, '--data', data, '--out', out, '--format', 'md']);
    expect(run.code).toBe(0);
    const markdown = readFileSync(join(out, '2023-Q2', 'check.md'), 'utf8');
    expect(markdown).toContain('修订：限上零售业零售额2023年3月 由 9.87 改为 9.95（原 2023/03/商务局2023年1—3月限上商贸数据.xlsx › Sheet1 › D5，现 2023/03/商务局2023年1—3月限上商贸数据（修订）.xlsx › Sheet1 › D5）');
    expect(markdown).toContain('修订版替代');
  });
});

describe('nothing under data/ is ever written', () => {
  it('a report and a check leave the data tree byte-for-byte (and mtime) unchanged', () => {
    const before = treeHash(`${MINI}/data`);
    const out = join(tmp, 'out-readonly');
    expect(tongbao(['report', '--quarter', 'Q2', ...CONFIG, '--data', `${MINI}/data`, '--out', out, '--format', 'md']).code).toBe(0);
    expect(tongbao(['check', '--quarter', 'Q2', ...CONFIG, '--data', `${MINI}/data`, '--out', out]).code).toBe(0);
    expect(treeHash(`${MINI}/data`)).toBe(before);
    expect(existsSync(join(out, '2023-Q2', 'check.md'))).toBe(true);
  });
});
