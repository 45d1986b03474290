// What one .xlsx may cost (issue 14, resource limits): files that are no return — a million rows,
// millions of formatted empty cells, a lying zip entry — are refused early, saying which limit
// they hit and where. The files are generated here; nothing huge is committed. No timing asserts.
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../src/ingest/read/file.js';
import { XLSX_LIMITS } from '../../src/ingest/read/xlsx/budget.js';
import { makeXlsx, worksheet } from '../helpers/xlsx.js';

const defaults = { ...XLSX_LIMITS };
afterEach(() => Object.assign(XLSX_LIMITS, defaults));

async function refusal(bytes: Uint8Array, name: string): Promise<string> {
  try {
    await parseWorkbook(bytes, name);
  } catch (error) {
    return (error as { describe(): string }).describe();
  }
  throw new Error('not refused');
}

describe('.xlsx resource limits', () => {
  it('refuses a sheet of 1,048,576 rows at the 100,001st row', async () => {
    const bytes = makeXlsx({ level: 0, sheets: [{ name: '数据', xml: '<row><c><v>1</v></c></row>'.repeat(1_048_576) }] });
    expect(await refusal(bytes, 'rows.xlsx')).toBe('rows.xlsx › 数据：工作表超过 100000 行（读到第 100001 行），不像一份报表，已停止读取：请删除表格以外的行后重新报送');
  });

  it('refuses a value far below any table (row 1,048,576)', async () => {
    const bytes = makeXlsx({ sheets: [{ name: 'Sheet1', xml: '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>2</v></c></row>' }] });
    expect(await refusal(bytes, 'far.xlsx')).toBe('far.xlsx › Sheet1：工作表超过 100000 行（读到第 1048576 行），不像一份报表，已停止读取：请删除表格以外的行后重新报送');
  });

  it('refuses 2.9 million formatted empty cells at the 500,001st', async () => {
    const row = `<row>${'<c s="1"/>'.repeat(100)}</row>`;
    const bytes = makeXlsx({ level: 0, cellXfs: '<xf numFmtId="0"/><xf numFmtId="0" fillId="1"/>', sheets: [{ name: '表1', xml: row.repeat(29_000) }] });
    expect(await refusal(bytes, 'empty-cells.xlsx')).toBe('empty-cells.xlsx › 表1：单元格超过 500000 个（设置了格式的空单元格也算在内），不像一份报表，已停止读取：请删除表格以外的行、列和格式后重新报送');
  });

  it('refuses a sheet that would fill more than 2 million cells', async () => {
    const rows = Array.from({ length: 130 }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`).join('');
    expect(await refusal(makeXlsx({ sheets: [{ name: 'Sheet1', xml: rows }] }), 'wide.xlsx')).toBe('wide.xlsx › Sheet1：工作表过大（约 130 行 × 16384 列），不像一份报表：请删除表格以外的内容后重新报送');
  });

  it('refuses a file with more XML elements than the limit, wherever they are', async () => {
    XLSX_LIMITS.elements = 1000;
    const bytes = makeXlsx({ strings: Array.from({ length: 600 }, (_, i) => `<si><t>${i}</t></si>`), sheets: [{ name: 'Sheet1', xml: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }] });
    expect(await refusal(bytes, 'strings.xlsx')).toBe('strings.xlsx：文件内容过多（XML 元素超过 1000 个），不像一份报表，已停止读取：请删除表格以外的内容后重新报送');
  });

  it('refuses a cell whose text is longer than Excel allows', async () => {
    const bytes = makeXlsx({ sheets: [{ name: 'Sheet1', xml: `<row r="1"><c r="B1" t="inlineStr"><is><t>${'字'.repeat(40_000)}</t></is></c></row>` }] });
    expect(await refusal(bytes, 'text.xlsx')).toBe('text.xlsx › Sheet1 › B1：单元格的文字超过 32767 个字符（Excel 的上限），文件可能已损坏，已停止读取：请检查文件或让报送单位重新导出');
  });

  it('stops a file that takes longer than the time limit', async () => {
    XLSX_LIMITS.seconds = 0;
    const bytes = makeXlsx({ sheets: [{ name: 'Sheet1', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
    expect(await refusal(bytes, 'slow.xlsx')).toBe('slow.xlsx：读取超过 0 秒仍未完成，不像一份报表，已停止读取：请检查文件是否过大或已损坏，或让报送单位重新导出');
  });

  it('refuses a zip bomb whose directory declares 1 KB for 40 MB of XML, without inflating it', async () => {
    const bomb = zipSync({ 'xl/workbook.xml': strToU8(`<workbook>${' '.repeat(40 * 1024 * 1024)}</workbook>`), 'xl/worksheets/sheet1.xml': strToU8(worksheet('')) }, { level: 1 });
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (let i = 0; i < bomb.length - 4; i++) if (view.getUint32(i, true) === 0x02014b50 && view.getUint32(i + 24, true) > 1024 * 1024) view.setUint32(i + 24, 1024, true);
    expect(await refusal(bomb, 'bomb.xlsx')).toBe('bomb.xlsx：文件已损坏或不是有效的 Excel 工作簿（解压后的长度与目录不符），请让报送单位重新导出');
  });
});
