// Issue 14: a CSV in an encoding tongbao does not read (Big5, UTF-32, UTF-16 without a BOM) is
// refused saying so and naming the encodings it reads, not as “找不到表头”; the attendees list is
// read by the returns' CSV reader, so a cut-off list is refused as a cut-off return is.
// Fixtures: scripts/make-encoding-fixtures.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError, UserError } from '../../src/errors.js';
import { readWorkbook } from '../../src/ingest/read/file.js';
import { readAttendees } from '../../src/render/copies/attendees.js';

const DIR = 'test/fixtures/returns';
const SUPPORTED = '能读取的编码为 UTF-8（有无 BOM 均可）、GB18030/GBK、带 BOM 的 UTF-16。请用 Excel 或 WPS 打开后另存为 .xlsx（或“CSV UTF-8”）';
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-encodings-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function refusal(run: () => Promise<unknown> | unknown): Promise<UserError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('CSV encodings', () => {
  it.each([
    ['encoding-big5.csv', 'Big5（繁体中文）'],
    ['encoding-utf32.csv', 'UTF-32LE'],
    ['encoding-utf16-no-bom.csv', 'UTF-16LE（没有 BOM）'],
  ])('%s is refused by its encoding, with the ones that are read', async (name, encoding) => {
    const error = await refusal(() => readWorkbook(`${DIR}/${name}`, name));
    expect(error).toBeInstanceOf(DataError);
    expect(error.describe()).toBe(`${name}：文件的编码是 ${encoding}，不支持：${SUPPORTED}`);
  });

  it('reads UTF-16 with a BOM, tab-separated (Excel’s “Unicode 文本”)', async () => {
    const sheet = (await readWorkbook(`${DIR}/encoding-utf16-bom.csv`, 'encoding-utf16-bom.csv')).sheets[0]!;
    expect(sheet.rows[1]!.map((cell) => cell.value)).toEqual(['指标名称', '计量单位', '1—3月', '上年同期', '同比增长(%)']);
    expect(sheet.rows[2]!.map((cell) => cell.value)).toEqual(['社会消费品零售总额', '亿元', '1025.9', '24.16', '7.2']);
  });

  it('still reads GBK and GB18030 (Simplified text, all of it GB2312) as before', async () => {
    const sheet = (await readWorkbook(`${DIR}/gbk.csv`, 'gbk.csv')).sheets[0]!;
    expect(sheet.rows[2]!.map((cell) => cell.value)).toEqual(['社会消费品零售总额', '亿元', '1,025.9', '24.16', '7.2']);
    const real = (await readWorkbook(`${DIR}/real/nbs_zhuyaochengshi_shanghai_gbk.csv`, 'x.csv')).sheets[0]!;
    expect(real.rows[0]![0]!.value).toBe('数据库：主要城市年度数据');
  });
});

describe('the attendees list goes through the same CSV reader', () => {
  const list = (name: string, bytes: Buffer | string) => {
    const file = join(tmp, name);
    writeFileSync(file, bytes);
    return file;
  };

  it('refuses an unclosed quote, as in a return, naming the line it opens on', async () => {
    const file = list('cut.csv', '姓名,单位\n王建国,区政府办\n"李红梅,区发改局\n');
    const error = await refusal(() => readAttendees(file));
    expect(error.describe()).toBe(`${file} › A3：CSV 文件中有未闭合的引号（第 3 行开始），文件可能不完整：请重新导出`);
    const asReturn = await refusal(() => readWorkbook(file, 'cut.csv'));
    expect(asReturn.message).toBe(error.message);
  });

  it('refuses Big5 and UTF-32 lists by their encoding', async () => {
    const big5 = list('big5.csv', Buffer.from([0xa9, 0x6d, 0xa6, 0x57, 0x0a, 0xa4, 0xfd, 0xab, 0xd8, 0xb0, 0xea, 0x0a])); // 姓名 / 王建國 in Big5
    expect((await refusal(() => readAttendees(big5))).message).toBe(`文件的编码是 Big5（繁体中文），不支持：${SUPPORTED}`);
  });

  it('counts lines across quoted line breaks when it names an empty 姓名', async () => {
    const file = list('multiline.csv', '姓名,单位\n王建国,"区政府办\n综合科"\n,区发改局\n');
    expect((await refusal(() => readAttendees(file))).describe()).toBe(`${file} › 第4行：姓名为空：请填写姓名或删除该行`);
  });
});
