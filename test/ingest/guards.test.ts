// The reader's limits and format detection: absurd sizes, lying zip headers, encodings, CSV quoting.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv, decodeText } from '../../src/ingest/read/csv.js';
import { sniffFormat } from '../../src/ingest/read/sniff.js';
import { parseWorkbook, readWorkbook } from '../../src/ingest/read/file.js';
import { unzipLimited } from '../../src/ingest/read/zip.js';

const DIR = 'test/fixtures/returns';
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-guards-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return (error as { describe(): string }).describe();
  }
  throw new Error('not refused');
}

describe('limits', () => {
  it('refuses a file over 20 MB without reading it', async () => {
    const path = join(tmp, 'huge.xlsx');
    const fd = openSync(path, 'w');
    writeSync(fd, 'PK', 21 * 1024 * 1024); // sparse: only the last bytes exist
    closeSync(fd);
    expect(await refusal(() => readWorkbook(path, 'huge.xlsx'))).toBe('huge.xlsx：文件有 21 MB，超过 20 MB 的上限，不像一份报表：请检查是否放错文件');
  });

  it('refuses an entry that inflates past the size its directory declares', async () => {
    const bytes = new Uint8Array(readFileSync(`${DIR}/valid.xlsx`));
    const view = new DataView(bytes.buffer);
    // Shrink the declared size of every entry in the central directory to 10 bytes.
    for (let i = 0; i < bytes.length - 4; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 10, true);
    expect(await refusal(() => parseWorkbook(bytes, 'lying.xlsx'))).toBe('lying.xlsx：文件已损坏或不是有效的 Excel 工作簿（解压后的长度与目录不符），请让报送单位重新导出');
  });

  it('unzips a valid workbook completely', () => {
    const entries = unzipLimited(readFileSync(`${DIR}/valid.xlsx`), 'valid.xlsx');
    expect([...entries.keys()]).toContain('xl/worksheets/sheet1.xml');
  });
});

describe('file type by the first bytes', () => {
  it.each([
    ['valid.xlsx', 'xlsx'],
    ['xlsx-named.xls', 'xlsx'],
    ['old-format.xls', 'ole2'],
    ['wps-sheet.et', 'ole2'],
    ['encrypted.xlsx', 'encrypted'],
    ['html-saved-as.xls', 'html'],
    ['spreadsheetml-2003.xls', 'xml2003'],
    ['gbk.csv', 'text'],
    ['random-bytes.xlsx', 'unknown'],
  ])('%s is %s', (name, format) => expect(sniffFormat(readFileSync(`${DIR}/${name}`))).toBe(format));
});

describe('CSV', () => {
  it('decodes UTF-8 first and GB18030 otherwise', () => {
    expect(decodeText(readFileSync(`${DIR}/gbk.csv`), 'gbk.csv')).toMatchObject({ encoding: 'gb18030' });
    expect(decodeText(readFileSync(`${DIR}/utf8-bom.csv`), 'utf8-bom.csv')).toMatchObject({ encoding: 'utf-8' });
    expect(decodeText(readFileSync(`${DIR}/gbk.csv`), 'gbk.csv').text).toContain('社会消费品零售总额');
  });

  it('keeps quoted commas, quotes and line breaks; CRLF and tabs work', () => {
    expect(parseCsv('a,"1,234.5","say ""hi""","x\ny"\r\nb,2\r\n', 'x.csv')).toEqual([['a', '1,234.5', 'say "hi"', 'x\ny'], ['b', '2']]);
    expect(parseCsv('a\tb\n1\t2', 'x.csv')).toEqual([['a', 'b'], ['1', '2']]);
    expect(() => parseCsv('a,"b\n', 'x.csv')).toThrow('CSV 文件中有未闭合的引号');
  });
});
