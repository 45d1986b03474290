// The .xlsx reader on files whose XML is written here by hand: every kind of cell, style and
// structure the reader must keep (issue 12), each value stated by hand.
import { describe, expect, it } from 'vitest';
import { type Sheet, type Workbook, cellAt } from '../../src/ingest/read/workbook.js';
import { parseWorkbook } from '../../src/ingest/read/file.js';
import { makeXlsx, worksheet } from '../helpers/xlsx.js';

const read = (bytes: Uint8Array, name = 'hand.xlsx'): Promise<Workbook> => parseWorkbook(bytes, name);
const at = (sheet: Sheet, address: string) => sheet.rows.flat().find((c) => c.address === address);

async function refusal(bytes: Uint8Array, name = 'hand.xlsx'): Promise<string> {
  try {
    await read(bytes, name);
  } catch (error) {
    return (error as { describe(): string }).describe();
  }
  throw new Error('not refused');
}

describe('cell values', () => {
  it('reads numbers, shared and inline strings, booleans, errors and string formulas', async () => {
    const wb = await read(makeXlsx({
      strings: ['<si><t>规上工业增加值</t></si>', '<si><t xml:space="preserve"> 亿元 </t></si>'],
      sheets: [{ name: 'Sheet1', xml: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>25.9</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>内联</t></is></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#DIV/0!</v></c><c r="G1" t="str"><f>"同比"&amp;"增长"</f><v>同比增长</v></c><c r="H1"><v>-3.1E-2</v></c></row>' }],
    }));
    const s = wb.sheets[0]!;
    expect(s.rows[0]!.map((c) => c.value)).toEqual(['规上工业增加值', 25.9, ' 亿元 ', '内联', true, null, '同比增长', -0.031]);
    expect(at(s, 'F1')).toEqual({ address: 'F1', value: null, error: '#DIV/0!', indent: 0 });
  });

  it('reads a cached 0 as the number 0; a formula with no saved result is a problem of its cell', async () => {
    const wb = await read(makeXlsx({ sheets: [{ name: 'Sheet1', xml: '<row r="4"><c r="E4"><f>0*1</f><v>0</v></c><c r="F4"><f>SUM(A1:A2)</f></c><c r="G4" t="b"><f>1&gt;2</f><v>0</v></c><c r="H4" t="str"><f>""</f><v></v></c></row>' }] }));
    const s = wb.sheets[0]!;
    expect(at(s, 'E4')).toEqual({ address: 'E4', value: 0, indent: 0 });
    expect(at(s, 'F4')!.value).toBeNull();
    expect(at(s, 'F4')!.problem).toBe('公式没有保存计算结果：请在 Excel 中打开该文件、重新计算并保存后再报送');
    expect(at(s, 'G4')!.value).toBe(false);
    expect(at(s, 'H4')!.value).toBe('');
  });

  it('reads shared formulas from each cell\'s own cached result', async () => {
    const wb = await read(makeXlsx({ sheets: [{ name: 'Sheet1', xml: '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" ref="B2:B3" si="0">A2*2</f><v>4</v></c></row><row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c></row>' }] }));
    expect([at(wb.sheets[0]!, 'B2')!.value, at(wb.sheets[0]!, 'B3')!.value]).toEqual([4, 6]);
  });

  it('joins rich-text runs and leaves out phonetic runs', async () => {
    const wb = await read(makeXlsx({
      strings: ['<si><r><t>规上</t></r><r><rPr><b/><sz val="11"/></rPr><t>工业</t></r><rPh sb="0" eb="2"><t>きじょう</t></rPh><phoneticPr fontId="1"/></si>'],
      sheets: [{ name: 'Sheet1', xml: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>增</t></r><r><t>速</t></r></is></c></row>' }],
    }));
    expect(wb.sheets[0]!.rows[0]!.map((c) => c.value)).toEqual(['规上工业', '增速']);
  });

  it('decodes XML entities and Excel\'s _xHHHH_ escapes', async () => {
    const wb = await read(makeXlsx({
      strings: ['<si><t>R&amp;D &lt;研发&gt; &#x4E2D;</t></si>', '<si><t>第一行_x000D_\n第二行</t></si>', '<si><t>_x005F_x000D_ 原样</t></si>'],
      sheets: [{ name: 'Sheet1', xml: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' }],
    }));
    expect(wb.sheets[0]!.rows[0]!.map((c) => c.value)).toEqual(['R&D <研发> 中', '第一行\r\n第二行', '_x000D_ 原样']);
  });

  it('reads date-formatted numbers as Dates at UTC midnight, in the 1900 and the 1904 date systems', async () => {
    const xfs = '<xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/>';
    const numFmts = '<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>';
    const rows = '<row r="1"><c r="A1" s="1"><v>45044</v></c><c r="B1" s="2"><v>45107</v></c><c r="C1"><v>45044</v></c></row>';
    const wb1900 = await read(makeXlsx({ numFmts, cellXfs: xfs, sheets: [{ name: 'Sheet1', xml: rows }] }));
    expect(wb1900.sheets[0]!.rows[0]!.map((c) => c.value)).toEqual([new Date('2023-04-28T00:00:00Z'), new Date('2023-06-30T00:00:00Z'), 45044]);
    expect(at(wb1900.sheets[0]!, 'B1')!.numFmt).toBe('yyyy"年"m"月"d"日"');
    const wb1904 = await read(makeXlsx({ date1904: true, numFmts, cellXfs: xfs, sheets: [{ name: 'Sheet1', xml: '<row r="1"><c r="A1" s="1"><v>43582</v></c></row>' }] }));
    expect(at(wb1904.sheets[0]!, 'A1')!.value).toEqual(new Date('2023-04-28T00:00:00Z'));
  });
});

describe('styles', () => {
  it('gives each cell the number format of its style, built-in or declared, and the indent of its alignment', async () => {
    const wb = await read(makeXlsx({
      numFmts: '<numFmt numFmtId="176" formatCode="0.0%"/><numFmt numFmtId="177" formatCode="0.0;[红色]0.0"/>',
      cellXfs: '<xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="177"/><xf numFmtId="10"/><xf numFmtId="0"><alignment horizontal="left" indent="2"/></xf>',
      sheets: [{ name: 'Sheet1', xml: '<row r="1"><c r="A1" s="1"><v>0.052</v></c><c r="B1" s="2"><v>-8.3</v></c><c r="C1" s="3"><v>0.1</v></c><c r="D1" s="4" t="inlineStr"><is><t>其中：网上零售额</t></is></c><c r="E1"><v>1</v></c></row>' }],
    }));
    expect(wb.sheets[0]!.rows[0]).toEqual([
      { address: 'A1', value: 0.052, numFmt: '0.0%', indent: 0 },
      { address: 'B1', value: -8.3, numFmt: '0.0;[红色]0.0', indent: 0 },
      { address: 'C1', value: 0.1, numFmt: '0.00%', indent: 0 },
      { address: 'D1', value: '其中：网上零售额', indent: 2 },
      { address: 'E1', value: 1, indent: 0 },
    ]);
  });
});

describe('structure', () => {
  it('drops hidden and very hidden sheets and keeps names as written, trailing spaces included', async () => {
    const wb = await read(makeXlsx({
      sheets: [
        { name: '一季度 ', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: '旧数据', state: 'hidden', xml: '<row r="1"><c r="A1"><v>2</v></c></row>' },
        { name: '说明', state: 'veryHidden', xml: '<row r="1"><c r="A1"><v>3</v></c></row>' },
        { name: 'R&D', xml: '<row r="1"><c r="A1"><v>4</v></c></row>' },
      ],
    }));
    expect(wb.sheets.map((s) => s.name)).toEqual(['一季度 ', 'R&D']);
  });

  it('marks merge slaves with the master\'s value, fills every row up to its last cell, lists hidden rows', async () => {
    const xml = worksheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>指标</t></is></c><c r="B1" t="inlineStr"><is><t>1—3月</t></is></c></row><row r="2"><c r="B2" t="inlineStr"><is><t>绝对量</t></is></c><c r="C2" t="inlineStr"><is><t>增长</t></is></c></row><row r="3" hidden="1"><c r="A3"><v>9</v></c></row><row r="4" hidden="1" s="1" customFormat="1"/><row r="5"><c r="D5"><v>1</v></c></row>',
      '<mergeCells count="2"><mergeCell ref="A1:A2"/><mergeCell ref="B1:C1"/></mergeCells>',
    );
    const s = (await read(makeXlsx({ sheets: [{ name: 'Sheet1', xml }] }))).sheets[0]!;
    expect(at(s, 'A2')).toEqual({ address: 'A2', value: null, spanned: '指标', indent: 0 });
    expect(at(s, 'C1')).toEqual({ address: 'C1', value: null, spanned: '1—3月', indent: 0 });
    expect(s.rows.map((r) => r.length)).toEqual([3, 3, 1, 0, 4]);
    expect(s.rows[4]!.slice(0, 3)).toEqual(['A5', 'B5', 'C5'].map((address) => ({ address, value: null, indent: 0 })));
    expect([...s.hiddenRows!]).toEqual([2]); // row 4 is hidden but empty
    expect(cellAt(s, 9, 9)).toEqual({ address: 'J10', value: null, indent: 0 });
  });

  it('reads a worksheet whose elements carry a namespace prefix', async () => {
    const xml = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    expect((await read(makeXlsx({ sheets: [{ name: 'Sheet1', xml }] }))).sheets[0]!.rows[0]![0]!.value).toBe(7);
  });

  it('refuses a cell written twice and merges that overlap, naming the cell', async () => {
    const twice = makeXlsx({ sheets: [{ name: 'Sheet1', xml: '<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>' }] });
    expect(await refusal(twice)).toBe('hand.xlsx › Sheet1 › A1：文件已损坏或不是有效的 Excel 工作簿（单元格 A1 出现了两次），请让报送单位重新导出');
    const overlap = makeXlsx({ sheets: [{ name: 'Sheet1', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c></row>', '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>') }] });
    expect(await refusal(overlap)).toBe('hand.xlsx › Sheet1 › B2：文件已损坏或不是有效的 Excel 工作簿（合并单元格 B2 属于两个合并区域），请让报送单位重新导出');
  });

  it('refuses a cell that points at a shared string the file does not have', async () => {
    const bytes = makeXlsx({ strings: ['<si><t>a</t></si>'], sheets: [{ name: 'Sheet1', xml: '<row r="1"><c r="A1" t="s"><v>25</v></c></row>' }] });
    expect(await refusal(bytes)).toBe('hand.xlsx › Sheet1 › A1：文件已损坏或不是有效的 Excel 工作簿（单元格引用了不存在的共享字符串「25」），请让报送单位重新导出');
  });
});
