// Writes test/fixtures/city-card/data/: a city statistics bureau's monthly card (月报卡) for a
// fictional 清江市, shaped as real cards are and unlike the example's own wide table — one workbook,
// 21 sheets: a 目录, other departments' tables without a 地区 column, one comparison sheet per
// indicator (named only in its title row, or by the sheet's name), a merged "1-9月" over
// 绝对额(万元) | 增速(%) | 排名, rows 全市 / 市辖区 / 经开区 without a rank, short names in some sheets
// and full names in others, values stored unrounded, ties in rank (one at the bottom), rich-text
// header cells, sheet names with trailing spaces, a sheet still of 1-8月, and two hidden sheets.
// Plus our district's own return and the year's targets. Byte-for-byte reproducible:
//   npx tsx scripts/make-city-card-fixture.ts
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { saveWorkbook, utcDate } from './example-data/xlsx.js';

const DIR = 'test/fixtures/city-card/data/2025';
const STAMP = utcDate(2025, 10, 14);

interface Area {
  readonly full: string;
  readonly short: string;
}

/** The twelve ranked 县市区 of 清江市; 东湖区 is the district the briefing is for. */
const AREAS: readonly Area[] = [
  { full: '东湖区', short: '东湖' },
  { full: '西岭区', short: '西岭' },
  { full: '南港区', short: '南港' },
  { full: '北塘区', short: '北塘' },
  { full: '石门县', short: '石门' },
  { full: '白沙县', short: '白沙' },
  { full: '瑶山瑶族自治县', short: '瑶山' },
  { full: '龙泉市', short: '龙泉' },
  { full: '桃源县', short: '桃源' },
  { full: '青溪县', short: '青溪' },
  { full: '梅岭县', short: '梅岭' },
  { full: '安平县', short: '安平' },
];

/** One comparison sheet: per area (in AREAS order) the amount (null: none) and the growth. */
interface Comparison {
  readonly name: string;
  readonly title: string;
  /** The merged period over the value columns; undefined for a sheet without one. */
  readonly period?: string;
  /** Header texts of the amount, growth and rank columns (amount null: no amount column). */
  readonly columns: readonly [string | null, string, string];
  readonly names: 'full' | 'short';
  readonly city: readonly [number | null, number];
  readonly urban: readonly [number | null, number];
  readonly devZone: readonly [number | null, number];
  readonly rows: readonly (readonly [number | null, number])[];
  /** Numbering on the area labels ("1.全市", "（一）东湖区"), as some cards carry. */
  readonly numbered?: boolean;
  readonly hidden?: boolean;
  /** Extra rows of areas the config does not name. */
  readonly extra?: readonly (readonly [string, number | null, number])[];
}

const RICH_FONT_LATIN = { name: 'Times New Roman', size: 10 };
const RICH_FONT_CJK = { name: '宋体', size: 10 };

/** "1-9月" as a card stores it: digits in a Latin font, 月 in a Chinese one. */
function rich(text: string): ExcelJS.CellRichTextValue {
  const runs = text.match(/[\x20-\x7e]+|[^\x20-\x7e]+/g) ?? [text];
  return { richText: runs.map((run) => ({ text: run, font: /[\x20-\x7e]/.test(run) ? RICH_FONT_LATIN : RICH_FONT_CJK })) };
}

/** Competition ranks by growth as shown (two decimals), highest first: 1, 2, 2, 4. */
function ranks(growths: readonly number[]): number[] {
  const shown = growths.map((g) => Math.round(g * 100));
  return shown.map((g) => 1 + shown.filter((h) => h > g).length);
}

function comparisonSheet(wb: ExcelJS.Workbook, spec: Comparison): void {
  const ws = wb.addWorksheet(spec.name);
  if (spec.hidden) ws.state = 'hidden';
  const [amountHeader, growthHeader, rankHeader] = spec.columns;
  const headers = [amountHeader, growthHeader, rankHeader].filter((h): h is string => h !== null);
  const width = 1 + headers.length;
  ws.getCell(1, 1).value = spec.title;
  ws.mergeCells(1, 1, 1, width);
  let row = 2;
  if (spec.period) {
    ws.getCell(2, 1).value = '地区';
    ws.mergeCells(2, 1, 3, 1);
    ws.getCell(2, 2).value = rich(spec.period);
    ws.mergeCells(2, 2, 2, width);
    row = 3;
  } else {
    ws.getCell(2, 1).value = '地区';
  }
  headers.forEach((h, i) => (ws.getCell(row, 2 + i).value = rich(h)));
  const rankOf = ranks(spec.rows.map(([, g]) => g));
  const label = (text: string, index: number) => (spec.numbered ? (index === 0 ? `1.${text}` : `（${'一二三四五六七八九十'[index - 1] ?? index}）${text}`) : text);
  const lines: [string, number | null, number, number | string | null][] = [
    [label('全市', 0), ...spec.city, null],
    ['市辖区', ...spec.urban, null],
    ...spec.rows.map(([a, g], i): [string, number | null, number, number] => [label(AREAS[i]![spec.names], i + 1), a, g, rankOf[i]!]),
    ['经开区', ...spec.devZone, '—'],
    ...(spec.extra ?? []).map(([name, a, g]): [string, number | null, number, null] => [name, a, g, null]),
  ];
  for (const [name, amount, growth, rank] of lines) {
    row++;
    ws.getCell(row, 1).value = name;
    let col = 2;
    if (amountHeader !== null) setNumber(ws.getCell(row, col++), amount, '0.00');
    setNumber(ws.getCell(row, col++), growth, '0.0');
    ws.getCell(row, col).value = rank;
  }
  ws.getCell(row + 1, 1).value = '注：位次按增速由高到低排列，市辖区、经开区不参与排名。';
}

function setNumber(cell: ExcelJS.Cell, value: number | null, fmt: string): void {
  if (value === null) return;
  cell.value = value;
  cell.numFmt = fmt;
}

/** Other departments' tables: no 地区 column, so never a comparison. */
function plainSheet(wb: ExcelJS.Workbook, name: string, rows: readonly (readonly (string | number | null)[])[], hidden = false): void {
  const ws = wb.addWorksheet(name);
  if (hidden) ws.state = 'hidden';
  rows.forEach((values, r) => values.forEach((value, c) => value !== null && (ws.getCell(r + 1, c + 1).value = value)));
}

const G = (...pairs: [number | null, number][]) => pairs;

async function card(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tongbao fixtures';
  plainSheet(wb, '目录', [['2025年9月清江市统计月报卡 目录'], ['序号', '表名'], [1, '全市主要经济指标'], [2, '规模工业增加值'], [3, '社会消费品零售总额'], [4, '固定资产投资'], [5, '建筑安装工程投资']]);
  plainSheet(wb, '全市主要指标 ', [
    ['2025年1-9月清江市主要经济指标'],
    ['指标', '单位', '1-9月', '比上年同期增长(%)'],
    ['地区生产总值', '亿元', 1854.3, 5.2],
    ['规模工业增加值', '%', null, 5.1],
    ['社会消费品零售总额', '亿元', 796.2, 5.8],
  ]);
  comparisonSheet(wb, {
    name: '工业处1 ', title: '2025年1-9月规模工业增加值', period: '1-9月', columns: ['绝对额(万元)', '增速(%)', '排名'], names: 'full',
    city: [8123456.78901, 5.0712], urban: [3012345.6789, 4.81234], devZone: [612345.123, 7.31234],
    rows: G([702345.61234, 4.31623612], [912345.1, 6.81234], [812345.2, 6.21234], [712345.3, 5.91234], [612345.4, 5.11234], [512345.5, 4.51234],
      [412345.6, 4.11234], [392345.7, 3.91234], [312345.8, 3.21234], [292345.9, 2.81234], [212345.1, 1.71234], [112345.2, -0.61234]),
  });
  comparisonSheet(wb, {
    name: '社会消费品零售总额', title: '社会消费品零售总额', period: '1-9月', columns: ['绝对额(万元)', '增速(%)', '排名'], names: 'short',
    city: [7962345.12345, 5.8123], urban: [4012345.6789, 5.5123], devZone: [212345.6, 6.9123],
    rows: G([1275959.99447981, 6.02816], [1012345.5, 5.27412], [985432.1, 6.55123], [875432.2, 5.68712], [765432.3, 5.51234], [665432.4, 5.27388],
      [565432.5, 6.21234], [465432.6, 5.9123], [365432.7, 4.8123], [265432.8, 4.5123], [165432.9, 4.2123], [105432.1, 3.9123]),
  });
  comparisonSheet(wb, {
    name: '投资处1', title: '2025年1-9月固定资产投资（不含农户）', period: '1-9月', columns: [null, '增速(%)', '位次'], names: 'full',
    city: [null, -2.61234], urban: [null, -3.11234], devZone: [null, 1.2345],
    rows: G([null, -5.71234], [null, 3.31234], [null, -1.21234], [null, 0.41234], [null, -2.61234], [null, -3.81234],
      [null, 2.11234], [null, -0.91234], [null, -4.41234], [null, 1.61234], [null, -6.81234], [null, -7.21234]),
  });
  comparisonSheet(wb, {
    name: '投资处2', title: '2025年1-9月建筑安装工程投资', period: '1-9月', columns: [null, '增速(%)', '位次'], names: 'short',
    city: [null, -4.1234], urban: [null, -5.2345], devZone: [null, -1.2345],
    // 东湖 and 安平 share the last place (−12.35 as shown): 位次 11 twice, none 12th.
    rows: G([null, -12.3456], [null, 2.1234], [null, -1.5234], [null, 0.8234], [null, -3.4234], [null, -6.7234],
      [null, 1.2234], [null, -8.9234], [null, -2.2234], [null, -10.1234], [null, -0.4234], [null, -12.3512]),
  });
  comparisonSheet(wb, {
    // Still last month's table: only the header cell "1-8月" says so.
    name: '贸易处2', title: '限上零售业零售额', period: '1-8月', columns: ['绝对额(万元)', '增速(%)', '排名'], names: 'short',
    city: [2012345.1, 3.1234], urban: [1012345.1, 2.9234], devZone: [112345.1, 4.1234],
    rows: G([312345.1, -9.1234], [212345.1, 4.2234], [192345.1, 3.3234], [182345.1, 2.4234], [172345.1, 1.5234], [162345.1, 0.6234],
      [152345.1, -0.3234], [142345.1, -1.2234], [132345.1, -2.1234], [122345.1, -3.0234], [112345.1, -4.9234], [102345.1, -5.8234]),
  });
  comparisonSheet(wb, {
    name: '财政', title: '2025年1-9月一般公共预算收入', columns: ['本期(亿元)', '比上年增长(%)', '位次'], names: 'full', numbered: true,
    city: [120.12345, 3.4567], urban: [60.1234, 2.8765], devZone: [8.1234, 5.4321],
    rows: G([9.87654, 4.1234], [12.3456, 6.5432], [11.2345, 5.4321], [10.1234, 5.4321], [9.1234, 3.2109], [8.2345, 2.1098],
      [7.3456, 1.0987], [6.4567, 0.9876], [5.5678, -0.8765], [4.6789, -1.7654], [3.789, -2.6543], [2.8901, -3.5432]),
  });
  comparisonSheet(wb, {
    name: '外贸', title: '2025年1-9月进出口总额', period: '1-9月', columns: ['总量(万元)', '增速(%)', '排名'], names: 'full',
    city: [1567890.12, 8.1234], urban: [987654.32, 9.2345], devZone: [234567.89, 12.3456],
    rows: G([234567.891234, 10.56789], [345678.9, 15.4321], [298765.4, 11.2345], [198765.4, 8.7654], [98765.4, 7.6543], [88765.4, 6.5432],
      [78765.4, 5.4321], [68765.4, 4.3219], [58765.4, 3.2198], [48765.4, 2.1987], [38765.4, 1.0986], [28765.4, -0.9876]),
  });
  comparisonSheet(wb, {
    name: '住户', title: '2025年1-9月城乡居民人均可支配收入', period: '1-9月', columns: ['绝对额(元)', '增速(%)', '排名'], names: 'short',
    city: [28765.4, 5.1], urban: [34567.8, 4.9], devZone: [30123.4, 5.3],
    rows: G([31234.5, 5.0], [33456.7, 4.8], [32345.6, 4.9], [31876.5, 5.1], [25678.9, 5.6], [24567.8, 5.7],
      [21345.6, 6.1], [26789.0, 5.4], [23456.7, 5.8], [22345.6, 5.9], [20123.4, 6.3], [19876.5, 6.4]),
    extra: [['清江高新区', 35678.9, 4.7]],
  });
  comparisonSheet(wb, {
    name: '工业处2', title: '2025年1-9月规模工业企业利润总额', period: '1-9月', columns: ['绝对额(万元)', '增速(%)', '排名'], names: 'full',
    city: [456789.1, -3.1], urban: [234567.1, -2.1], devZone: [45678.1, 1.1],
    rows: G([34567.1, -5.1], [45678.2, 2.1], [40123.3, 1.1], [35678.4, 0.1], [30123.5, -1.1], [25678.6, -2.1],
      [20123.7, -3.1], [15678.8, -4.1], [10123.9, -6.1], [9678.1, -7.1], [8123.2, -8.1], [7678.3, -9.1]),
  });
  comparisonSheet(wb, {
    name: '房地产开发投资  ', title: '2025年1-9月房地产开发投资', period: '1-9月', columns: [null, '增速(%)', '排名'], names: 'short',
    city: [null, -11.2345], urban: [null, -12.3456], devZone: [null, -5.4321],
    // 东湖 and 北塘 share 位次 7 (−13.45 as shown): a tie in the middle, 9 next.
    rows: G([null, -13.4512], [null, -2.1234], [null, -4.3456], [null, -13.4478], [null, -8.7654], [null, -6.5432],
      [null, -9.8765], [null, -10.9876], [null, -15.6789], [null, -18.7654], [null, -21.8765], [null, -24.9876]),
  });
  comparisonSheet(wb, {
    // The title names no indicator: the sheet's name does.
    name: '商品房销售面积', title: '各县市区主要指标完成情况（2025年1-9月）', period: '1-9月', columns: ['绝对额(万平方米)', '增速(%)', '排名'], names: 'full',
    city: [456.789123, -8.1234], urban: [234.567891, -9.2345], devZone: [34.5678, -2.3456],
    rows: G([45.678912, -10.1234], [56.789123, -3.2345], [50.123456, -5.3456], [42.345678, -7.4567], [38.901234, -9.5678], [35.567891, -11.6789],
      [32.123456, -13.789], [28.789123, -15.8901], [25.345678, -17.9012], [22.901234, -19.0123], [18.567891, -21.1234], [15.123456, -23.2345]),
  });
  comparisonSheet(wb, {
    name: '旧表', title: '2024年1-9月规模工业增加值', period: '1-9月', columns: ['绝对额(万元)', '增速(%)', '排名'], names: 'full', hidden: true,
    city: [7812345.1, 4.8], urban: [2912345.1, 4.5], devZone: [512345.1, 6.9],
    rows: G([682345.1, 9.9], [812345.1, 6.1], [712345.1, 5.6], [612345.1, 5.1], [512345.1, 4.6], [412345.1, 4.1],
      [312345.1, 3.6], [292345.1, 3.1], [212345.1, 2.6], [192345.1, 2.1], [112345.1, 1.6], [92345.1, 1.1]),
  });
  comparisonSheet(wb, {
    name: '备份', title: '2025年1-9月规模工业增加值', period: '1-9月', columns: ['绝对额(万元)', '增速(%)', '排名'], names: 'full', hidden: true,
    city: [8000000, 5], urban: [3000000, 4.8], devZone: [600000, 7.3],
    rows: G([700000, 8.88], [900000, 6.8], [800000, 6.2], [700000, 5.9], [600000, 5.1], [500000, 4.5],
      [400000, 4.1], [390000, 3.9], [310000, 3.2], [290000, 2.8], [210000, 1.7], [110000, -0.6]),
  });
  plainSheet(wb, '能源', [['2025年1-9月全市能源消费'], ['指标', '单位', '9月', '1-9月', '增速(%)'], ['全社会用电量', '亿千瓦时', 12.3, 101.2, 4.5], ['工业用电量', '亿千瓦时', 7.1, 60.3, 3.2]]);
  plainSheet(wb, '价格', [['2025年9月居民消费价格'], ['项目', '上年同月=100', '上月=100'], ['居民消费价格总指数', 100.3, 99.9], ['食品烟酒', 99.1, 100.2]]);
  plainSheet(wb, '金融', [['2025年9月末金融机构存贷款'], ['指标', '期末余额(亿元)', '比年初增加(亿元)', '同比增长(%)'], ['各项存款余额', 3456.7, 234.5, 7.8], ['各项贷款余额', 2987.6, 198.7, 8.9]]);
  plainSheet(wb, '农业', [['2025年前三季度农业生产'], ['指标', '单位', '前三季度', '增速(%)'], ['农林牧渔业总产值', '亿元', 234.5, 3.6], ['生猪出栏', '万头', 123.4, 2.1]]);
  plainSheet(wb, '交通', [['2025年1-9月交通运输'], ['指标', '单位', '1-9月', '增速(%)'], ['公路货运量', '万吨', 4567.8, 5.6], ['公路客运量', '万人', 1234.5, -3.4]]);
  plainSheet(wb, '说明', [['主要统计指标解释'], ['规模工业：年主营业务收入2000万元及以上的工业法人单位。'], ['位次按增速由高到低排列。']]);
  await saveWorkbook(wb, join(DIR, '09', '清江市2025年9月统计月报卡.xlsx'), STAMP);
}

/** 东湖区统计局's own return: 规上工业增加值 4.3 (the card's 4.31623612, as the bureau rounds it). */
async function districtReturn(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tongbao fixtures';
  const ws = wb.addWorksheet('Sheet1');
  const rows: (string | number | null)[][] = [
    ['东湖区2025年1—9月主要经济指标'],
    ['指标名称', '计量单位', '1—9月', '同比增长(%)'],
    ['规上工业增加值', '%', '—', 4.3],
    ['填报人：周敏'],
  ];
  rows.forEach((values, r) => values.forEach((value, c) => value !== null && (ws.getCell(r + 1, c + 1).value = value)));
  ws.mergeCells('A1:D1');
  await saveWorkbook(wb, join(DIR, '09', '东湖区统计局2025年1-9月主要经济指标.xlsx'), STAMP);
}

async function targets(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tongbao fixtures';
  const ws = wb.addWorksheet('2025年目标');
  const rows: (string | number)[][] = [
    ['东湖区2025年主要经济指标目标任务表'],
    ['指标名称', '目标表述', '前三季度预期增速(%)', '全年预期增速(%)', '牵头单位'],
    ['规上工业增加值', '增长6%左右', 5.5, 6, '区工信局'],
    ['社会消费品零售总额', '增长6.5%以上', 6, 6.5, '区商务局'],
    ['建筑安装工程投资', '增长3%', 2, 3, '区发改局'],
  ];
  rows.forEach((values, r) => values.forEach((value, c) => (ws.getCell(r + 1, c + 1).value = value)));
  await saveWorkbook(wb, join(DIR, '2025年目标任务.xlsx'), STAMP);
}

await card();
await districtReturn();
await targets();
