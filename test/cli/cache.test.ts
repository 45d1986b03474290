// The reading cache through the built command: a rebuild after one return changed in place (same
// name, size and time) states the new value; the cache lives where it is told to, never in data/.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { tongbao } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tongbao-cli-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RETURN = '2023/03/科工局2023年3月报表.xlsx';

function rewrite(file: string, edit: (sheet: string) => string): void {
  const parts = unzipSync(readFileSync(file));
  parts['xl/worksheets/sheet1.xml'] = strToU8(edit(strFromU8(parts['xl/worksheets/sheet1.xml']!)));
  writeFileSync(file, zipSync(parts, { level: 0, mtime: new Date('2023-04-08T00:00:00Z') }));
  utimesSync(file, new Date('2023-04-08T09:00:00Z'), new Date('2023-04-08T09:00:00Z'));
}

const files = (folder: string) => (readdirSync(folder, { recursive: true }) as string[]).filter((f) => statSync(join(folder, f)).isFile()).sort();

describe('a rebuild with the cache (built command)', () => {
  it('states the new value of a return changed in place, and keeps the cache out of data/', () => {
    cpSync('test/fixtures/mini', join(dir, 'mini'), { recursive: true });
    const data = join(dir, 'mini', 'data');
    const cache = join(dir, 'cache');
    const build = () => {
      const run = tongbao(['report', '--quarter', 'Q2', '--format', 'md', '--config', join(dir, 'mini', 'tongbao.config.yaml'), '--data', data, '--out', join(dir, 'out')], { TONGBAO_CACHE_DIR: cache });
      expect(run.stderr).not.toContain('错误');
      expect(run.code).toBe(0);
      const figures = JSON.parse(readFileSync(join(dir, 'out', '2023-Q2', 'figures.json'), 'utf8')) as { figures: { id: string; value: number }[] };
      return figures.figures.find((f) => f.id === 'industry_output.value')!.value;
    };
    rewrite(join(data, RETURN), (sheet) => sheet);
    const size = statSync(join(data, RETURN)).size;
    const dataFiles = files(data);

    expect(build()).toBe(35.67);
    expect(files(join(cache, 'readings')).length).toBe(11); // the mini data's 11 files, read once each
    expect(files(join(cache, 'v8-code')).length).toBe(1); // the .xlsx reader's compiled code (src/system/compiled.ts)
    rewrite(join(data, RETURN), (sheet) => sheet.replace('<v>35.67</v>', '<v>35.68</v>'));
    expect(statSync(join(data, RETURN)).size).toBe(size);
    expect(build()).toBe(35.68);
    expect(files(join(cache, 'readings')).length).toBe(12); // only the changed return was read again
    expect(files(join(cache, 'v8-code')).length).toBe(1);
    expect(files(data)).toEqual(dataFiles);

    // The reader run from its stored code refuses a broken return as the module would: one line
    // naming the file and sheet, exit 1 — its DataError is tongbao's own, not an internal error.
    rewrite(join(data, RETURN), (sheet) => sheet.replace('<sheetData>', '<sheetData><row'));
    const broken = tongbao(['check', '--quarter', 'Q2', '--config', join(dir, 'mini', 'tongbao.config.yaml'), '--data', data, '--out', join(dir, 'out')], { TONGBAO_CACHE_DIR: cache });
    expect(broken.code).toBe(1);
    expect(broken.stderr).not.toContain('内部错误');
    expect(broken.stdout + broken.stderr).toContain(`${RETURN} › Sheet1：文件已损坏或不是有效的 Excel 工作簿（xl/worksheets/sheet1.xml 不是有效的 XML）`);
  });
});
