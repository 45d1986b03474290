// Writes test/fixtures/returns/: one small real file per case of issue 5 (what bureaus actually
// send), byte-for-byte reproducible:  npx tsx scripts/make-return-fixtures.ts
// (xls-endless-loop.xls is not made here: it is a mutant the fuzz test found, kept as it was.)
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { saveWorkbook, utcDate } from './example-data/xlsx.js';

const DIR = 'test/fixtures/returns';
const STAMP = utcDate(2023, 4, 10);
const TITLE = '云溪区2023年1—3月主要经济指标完成情况表';

type Value = string | number | null | { n: number; fmt: string } | { formula: string; result?: number } | { error: string };
interface SheetSpec {
  readonly name?: string;
  readonly rows: readonly (readonly Value[])[];
  readonly merges?: readonly string[];
  readonly hidden?: boolean;
  readonly hiddenRows?: readonly number[];
  /** Cell indent levels by address. */
  readonly indents?: Readonly<Record<string, number>>;
}

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec): void {
  const ws = wb.addWorksheet(spec.name ?? 'Sheet1');
  spec.rows.forEach((row, r) => row.forEach((value, c) => setCell(ws.getCell(r + 1, c + 1), value)));
  for (const range of spec.merges ?? []) ws.mergeCells(range);
  for (const [address, indent] of Object.entries(spec.indents ?? {})) ws.getCell(address).alignment = { indent };
  for (const r of spec.hiddenRows ?? []) ws.getRow(r).hidden = true;
  if (spec.hidden) ws.state = 'hidden';
}

function setCell(cell: ExcelJS.Cell, value: Value): void {
  if (value === null) return;
  if (typeof value !== 'object') cell.value = value;
  else if ('n' in value) (cell.value = value.n), (cell.numFmt = value.fmt);
  else if ('formula' in value) cell.value = value.result === undefined ? { formula: value.formula } as ExcelJS.CellFormulaValue : { formula: value.formula, result: value.result };
  else cell.value = { error: value.error } as ExcelJS.CellErrorValue;
}

async function xlsx(name: string, ...sheets: SheetSpec[]): Promise<void> {
  await xlsxAt(join(DIR, name), ...sheets);
}

async function xlsxAt(path: string, ...sheets: SheetSpec[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tongbao fixtures';
  for (const sheet of sheets) addSheet(wb, sheet);
  await saveWorkbook(wb, path, STAMP);
}

/** The usual header: 指标名称 | 计量单位 | 1—3月 | 上年同期 | 同比增长(%). */
const HEADER = ['指标名称', '计量单位', '1—3月', '上年同期', '同比增长(%)'];
const simple = (rows: readonly (readonly Value[])[], extra: Partial<SheetSpec> = {}): SheetSpec => ({ rows: [[TITLE], ['填报单位：云溪区统计局', null, null, null, '单位：亿元、%'], HEADER, ...rows], merges: ['A1:E1'], ...extra });

// ── structure ────────────────────────────────────────────────────────────────────────────────
async function structure(): Promise<void> {
  await xlsx('header-three-rows.xlsx', {
    rows: [
      [TITLE],
      ['序号', '指标名称', '本月', null, '1—3月累计', null, null, '备注'],
      [null, null, '绝对值', '增长(%)', '绝对值', '上年同期', '增减(±%)', null],
      [null, null, '(亿元)', null, '(亿元)', '(亿元)', null, null],
      [1, '社会消费品零售总额', 9.1, 6.5, 25.9, 24.16, 7.2, null],
    ],
    merges: ['A1:H1', 'A2:A4', 'B2:B4', 'C2:D2', 'E2:G2', 'H2:H4', 'D3:D4', 'G3:G4'],
  });
  await xlsx('columns-any-order.xlsx', {
    rows: [[TITLE], ['增幅(%)', '本年累计', '指标', '上年同期', '单位'], [7.2, 25.9, '社会消费品零售总额', 24.16, '亿元']],
  });
  await xlsx('units-everywhere.xlsx', {
    rows: [
      ['云溪区2023年1—3月主要经济指标（单位：万元）'],
      ['指标名称', '计量单位', '1—3月', '上年同期', '同比增长(%)'],
      ['社会消费品零售总额', null, 259000, 241600, 7.2],
      ['限上零售业零售额（亿元）', null, 8.88, 9.68, -8.3],
      ['限上批发业销售额', '亿元', 12.5, 8.77, 42.6],
      ['限上住宿业营业额', '万元', 3210, 3050, 5.2],
    ],
  });
  await xlsx('unit-in-header.xlsx', { rows: [[TITLE], ['指 标', '3月', null, '1—3月', null], [null, '绝对量（万元）', '同比增长（%）', '绝对量（万元）', '同比增长(%)'], ['社会消费品零售总额', 91000, 6.5, 259000, 7.2]], merges: ['A2:A3', 'B2:C2', 'D2:E2'] });
  await xlsx('hierarchy.xlsx', simple([
    ['一、地区生产总值', '亿元', 61.11, 58.42, 4.6],
    ['（一）第一产业增加值', '亿元', 3.2, 3.1, 3.0],
    ['二、社会消费品零售总额', '亿元', 25.9, 24.16, 7.2],
    ['其中：网上零售额', '亿元', 5.1, 4.2, 21.4],
    ['　　　城镇', '亿元', 20.1, 19.0, 5.8],
    ['#限额以上', '亿元', 9.9, 9.5, 4.2],
    ['三、规上工业总产值', '亿元', 120.5, 118.2, 1.9],
    ['高新技术产业产值', '亿元', 60.2, 55.1, 9.3],
    ['    战略性新兴产业产值', '亿元', 30.1, 28.0, 7.5],
  ], { indents: { A11: 1 } }));
  await xlsx('hidden-sheet.xlsx', { ...simple([['社会消费品零售总额', '亿元', 99.99, 88.88, 12.5]]), name: '2022年旧数据', hidden: true }, { ...simple([['社会消费品零售总额', '亿元', 25.9, 24.16, 7.2]]), name: '一季度' });
  await xlsx('sheet-by-month.xlsx', { name: '填报说明', rows: [['指标名称', '说明'], ['社会消费品零售总额', '按月累计填报']] }, ...[1, 2, 3].map((m) => ({ ...simple([['社会消费品零售总额', '亿元', 8 * m, 7.5 * m, 6.7]]), name: `${m}月` })));
  await xlsx('hidden-row.xlsx', simple([['社会消费品零售总额', '亿元', 25.9, 24.16, 7.2], ['限上零售业零售额', '亿元', 99, 98, 1]], { hiddenRows: [5] }));
  await xlsx('footer.xlsx', simple([['社会消费品零售总额', '亿元', 25.9, 24.16, 7.2], ['注：本表数据为快报数。'], ['填报人：张丽    审核人：李建国'], ['限上零售业零售额', '亿元', 99, 98, 1]]));
}

// ── values ───────────────────────────────────────────────────────────────────────────────────
async function values(): Promise<void> {
  await xlsx('text-numbers.xlsx', simple([
    ['社会消费品零售总额', '亿元', '1,234.56', '１２３．４', '增长5.2%'],
    ['限上零售业零售额', '亿元', '８.８８', '9.68', '下降3.1'],
    ['限上批发业销售额', '亿元', '12.5', '8.77', '\u22125.2'],
    ['限上住宿业营业额', '万元', '3210', '3050', '－５．２'],
    ['限上餐饮业营业额', '万元', '3210', '3050', '5.2%'],
  ]));
  await xlsx('percent-format.xlsx', simple([
    ['社会消费品零售总额', '亿元', 25.9, 24.16, { n: 0.072, fmt: '0.0%' }],
    ['限上零售业零售额', '亿元', 8.88, 9.68, -8.3],
  ]));
  await xlsx('red-negative.xlsx', simple([['限上零售业零售额', '亿元', 8.88, 9.68, { n: -8.3, fmt: '0.0;[Red]0.0' }]]));
  await xlsx('blank-markers.xlsx', simple([
    ['社会消费品零售总额', '亿元', '—', '/', '…'],
    ['限上零售业零售额', '亿元', '无', '不可比', { error: '#DIV/0!' }],
    ['限上批发业销售额', '亿元', { error: '#N/A' }, '——', '-'],
  ]));
  await xlsx('formula-cached.xlsx', simple([['社会消费品零售总额', '亿元', 25.9, 24.16, { formula: 'ROUND((C4/D4-1)*100,1)', result: 7.2 }]]));
  // Saved as <c r="E4"><f>ROUND(…)</f><v>0</v></c>: a formula whose saved result is 0.
  await xlsx('formula-cached-zero.xlsx', simple([['社会消费品零售总额', '亿元', 25.9, 25.9, { formula: 'ROUND((C4/D4-1)*100,1)', result: 0 }]]));
  await xlsx('formula-no-result.xlsx', simple([['社会消费品零售总额', '亿元', 25.9, 24.16, { formula: 'ROUND((C4/D4-1)*100,1)' }]]));
  await xlsx('unreadable-text.xlsx', simple([['社会消费品零售总额', '亿元', '约26亿', 24.16, 7.2]]));
  await xlsx('date-serial.xlsx', { rows: [['项目名称', '总投资（万元）', '计划开工'], ['临江路线迁移改造项目', 2509, 45044], ['区人民医院综合业务大楼', 45000, { n: 45107, fmt: 'yyyy-mm-dd' }]] });
}

// ── checks ───────────────────────────────────────────────────────────────────────────────────
async function audits(): Promise<void> {
  await xlsx('part-exceeds-whole.xlsx', simple([
    ['社会消费品零售总额', '亿元', 25.9, 24.16, 7.2],
    ['其中：限上零售业零售额', '万元', 289000, 96800, 198.6],
  ]));
  await xlsx('growth-mismatch.xlsx', simple([
    ['社会消费品零售总额', '亿元', 25.9, 24.16, 9.2],
    ['招商引资到位资金', '亿元', 11.8, 9.6, 25.0],
    ['限上批发业销售额', '亿元', 12.5, 8.77, 42.5],
  ]));
}

// ── shapes that are not a monthly return (#9) ────────────────────────────────────────────────
async function notReturns(): Promise<void> {
  await xlsx('time-series-down.xlsx', {
    rows: [['数据库：月度数据'], ['指标', '工业增加值同比增长(%)', '工业增加值累计增长(%)'], ['2020年4月', 3.9, -4.9], ['2020年3月', -1.1, -8.4], ['2020年2月', '—', -13.5]],
  });
  await xlsx('time-series-period-header.xlsx', {
    rows: [['时间', '社会消费品零售总额当期值(亿元)', '社会消费品零售总额累计值(亿元)'], ['2020年4月', 28178, 106758], ['2020年3月', 26450, 78580], ['2020年2月', '—', 52130]],
  });
  await xlsx('duplicate-columns.xlsx', simple([['社会消费品零售总额', '亿元', 25.9, 24.16, 7.2]], { rows: [[TITLE], ['指标名称', '计量单位', '1—3月', '本年累计', '同比增长(%)'], ['社会消费品零售总额', '亿元', 25.9, 25.9, 7.2]] }));
}

// ── periods and areas (#9) ───────────────────────────────────────────────────────────────────
async function periods(): Promise<void> {
  const rows = [['社会消费品零售总额', '亿元', 23.1, 21.6, 6.9]];
  const february = ['指标名称', '计量单位', '1—2月', '上年同期', '同比增长(%)'];
  await xlsx('header-other-period.xlsx', { rows: [[TITLE], february, ...rows] });
  await xlsx('subtitle-other-period.xlsx', { rows: [['云溪区主要经济指标完成情况表'], ['（2023年1—2月）'], february, ...rows] });
  // A wide city table whose area rows carry numbering and 其中： as real tables do.
  await xlsx('city-numbered-areas.xlsx', {
    rows: [
      ['临江市各区县主要经济指标（2023年1—3月）'],
      ['地区', '规上工业增加值', null],
      [null, '增速(%)', '位次'],
      ['1.全市', -1.2, null],
      ['（一）云溪区', -3.2, 2],
      ['（二）江滨区', -1.4, 1],
      ['其中：临江高新区', -2.3, '—'],
    ],
    merges: ['A2:A3', 'B2:C2'],
  });
}

// ── targets (#9) ─────────────────────────────────────────────────────────────────────────────
async function targets(): Promise<void> {
  const title = ['云溪区2023年主要经济指标目标任务表'];
  await xlsx('targets-percent-fraction.xlsx', {
    rows: [title, ['指标名称', '目标表述', '一季度预期增速(%)', '全年预期增速(%)'], ['社会消费品零售总额', '增长6%左右', { n: 0.045, fmt: '0.0%' }, { n: 0.06, fmt: '0.0%' }]],
  });
  await xlsx('targets-headers.xlsx', {
    rows: [
      title,
      ['序号', '指标名称', '一季度目标(%)', '1-6月增长(%)', '全年目标(%)', '全年目标(万元)', '牵头单位', '备注'],
      [1, '规上工业总产值', 2, 3.5, 5, 5000000, '区科工局', null],
      [2, '招商引资到位资金', '—', '—', '—', 500000, '区投促局', '市下达'],
    ],
  });
  await xlsx('targets-unit-conflict.xlsx', { rows: [title, ['指标名称', '单位', '全年目标(亿元)'], ['招商引资到位资金', '万元', 50]] });
  await xlsx('targets-unknown-header.xlsx', { rows: [title, ['指标名称', '全年目标', '争取数'], ['规上工业总产值', 500, 520]] });
  await xlsx('targets-no-horizon.xlsx', { rows: [title, ['指标名称', '全年目标', '预期增速(%)'], ['规上工业总产值', 500, 5]] });
}

// ── files ────────────────────────────────────────────────────────────────────────────────────
function legacy(): void {
  const ws = XLSX.utils.aoa_to_sheet([[TITLE], HEADER, ['社会消费品零售总额', '亿元', 25.9, 24.16, 7.2], ['限上零售业零售额', '亿元', 8.88, 9.68, -8.3]]);
  ws['!merges'] = [XLSX.utils.decode_range('A1:E1')];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  const biff8 = XLSX.write(wb, { type: 'buffer', bookType: 'xls' }) as Buffer;
  writeFileSync(join(DIR, 'old-format.xls'), biff8);
  writeFileSync(join(DIR, 'wps-sheet.et'), biff8);
  wb.Props = { Author: 'tongbao fixtures', CreatedDate: STAMP };
  writeFileSync(join(DIR, 'spreadsheetml-2003.xls'), XLSX.write(wb, { type: 'string', bookType: 'xlml' }) as string);
  const html = `<html><head><meta charset="gb2312"></head><body><table><tr><td colspan="5">${TITLE}</td></tr><tr>${HEADER.map((h) => `<td>${h}</td>`).join('')}</tr><tr><td>社会消费品零售总额</td><td>亿元</td><td>25.9</td><td>24.16</td><td>7.2</td></tr></table></body></html>`;
  writeFileSync(join(DIR, 'html-saved-as.xls'), Buffer.from(new TextEncoder().encode(html)));
  const csv = `${TITLE}\n${HEADER.join(',')}\n社会消费品零售总额,亿元,"1,025.9",24.16,7.2\n限上零售业零售额,亿元,8.88,9.68,-8.3\n`;
  writeFileSync(join(DIR, 'utf8-bom.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]));
  writeFileSync(join(DIR, 'gbk.csv'), encodeGb(csv));
}

/**
 * test/fixtures/formats/: one month's data folder in which every bureau sends a different file
 * format (.xls, .et, HTML and SpreadsheetML saved as .xls, .xlsx), for the test of the built command.
 */
async function formatsFolder(): Promise<void> {
  const dir = 'test/fixtures/formats/data/2023';
  const sheetOf = (row: readonly (string | number)[]) => {
    const ws = XLSX.utils.aoa_to_sheet([[TITLE], HEADER, [...row]]);
    ws['!merges'] = [XLSX.utils.decode_range('A1:E1')];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
    wb.Props = { Author: 'tongbao fixtures', CreatedDate: STAMP };
    return wb;
  };
  mkdirSync(`${dir}/03`, { recursive: true });
  const industry = sheetOf(['规上工业总产值', '亿元', 120.5, 118.2, 1.9]);
  writeFileSync(`${dir}/03/科工局2023年3月报表.xls`, XLSX.write(industry, { type: 'buffer', bookType: 'xls' }) as Buffer);
  const housing = sheetOf(['房地产开发投资', '亿元', 8.76, 9.6, -8.7]);
  writeFileSync(`${dir}/03/住建局2023年3月报表.et`, XLSX.write(housing, { type: 'buffer', bookType: 'xls' }) as Buffer);
  const rows = [[TITLE], HEADER, ['限上批发业销售额', '亿元', 12.5, 8.77, 42.6]];
  const html = `<html><head><meta charset="utf-8"></head><body><table>${rows.map((r, i) => `<tr>${r.map((c) => `<td${i === 0 ? ' colspan="5"' : ''}>${c}</td>`).join('')}</tr>`).join('')}</table></body></html>`;
  writeFileSync(`${dir}/03/商务局2023年1—3月限上商贸数据.xls`, html);
  const attracted = sheetOf(['招商引资到位资金', '亿元', 11.8, 9.6, '—']);
  writeFileSync(`${dir}/03/投促局2023年3月招商引资.xls`, XLSX.write(attracted, { type: 'string', bookType: 'xlml' }) as string);
  await xlsxAt(`${dir}/03/统计局2023年1—3月主要指标.xlsx`, simple([['社会消费品零售总额', '亿元', 25.9, 24.16, 7.2]]));
  await xlsxAt(`${dir}/2023年目标任务.xlsx`, {
    rows: [['云溪区2023年目标任务'], ['指标名称', '单位', '全年目标', '一季度预期增速(%)'], ['社会消费品零售总额', '亿元', '—', 6.5], ['招商引资到位资金', '亿元', 50, '—']],
  });
}

/** GB18030 bytes for the few characters used, via the decoder (Node has no GB encoder). */
function encodeGb(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch) ?? [0x3f])));
}

async function broken(): Promise<void> {
  await xlsx('valid.xlsx', simple([['社会消费品零售总额', '亿元', 25.9, 24.16, 7.2]]));
  const valid = await import('node:fs').then((fs) => fs.readFileSync(join(DIR, 'valid.xlsx')));
  writeFileSync(join(DIR, 'xlsx-named.xls'), valid);
  writeFileSync(join(DIR, 'empty.xlsx'), new Uint8Array());
  writeFileSync(join(DIR, 'truncated.xlsx'), valid.subarray(0, Math.floor(valid.length / 2)));
  writeFileSync(join(DIR, 'not-a-workbook.xlsx'), zipSync({ 'readme.txt': [strToU8('hello'), { mtime: new Date(2023, 3, 10) }] }));
  writeFileSync(join(DIR, 'random-bytes.xlsx'), Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256)));
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', Buffer.alloc(64, 0x5a));
  writeFileSync(join(DIR, 'encrypted.xlsx'), XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
  const entries = unzipSync(valid);
  const mtime = new Date(2023, 3, 10);
  const rezip = (patch: Record<string, Uint8Array>) => zipSync(Object.fromEntries(Object.entries({ ...entries, ...patch }).map(([k, v]) => [k, [v, { mtime }]])) as Zippable, { level: 9 });
  writeFileSync(join(DIR, 'zip-bomb.xlsx'), rezip({ 'xl/media/padding.bin': new Uint8Array(80 * 1024 * 1024) }));
  const sheet = new TextDecoder().decode(entries['xl/worksheets/sheet1.xml']);
  const merged = sheet.replace(/<mergeCells[^>]*>.*?<\/mergeCells>/s, '').replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A10:XFD1048576"/></mergeCells>');
  writeFileSync(join(DIR, 'merge-bomb.xlsx'), rezip({ 'xl/worksheets/sheet1.xml': strToU8(merged) }));
}

mkdirSync(DIR, { recursive: true });
await structure();
await values();
await audits();
await targets();
await notReturns();
await periods();
legacy();
await broken();
await formatsFolder();
