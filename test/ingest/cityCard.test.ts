// A city statistics bureau's monthly card (月报卡), read by configuration alone (#9 Must show 3).
// Fixture: test/fixtures/city-card/ (scripts/make-city-card-fixture.ts): 21 sheets of a fictional
// 清江市 card — 目录, other departments' tables, 11 one-indicator comparison sheets (two not in the
// catalogue, one still 1-8月), two hidden sheets — plus 东湖区统计局's return and the targets.
// Every expected value below is read by hand from the cells named beside it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/build.js';
import { checkData } from '../../src/check/check.js';
import { type Config, loadConfig, parseConfig } from '../../src/config/config.js';
import { DataError } from '../../src/errors.js';
import type { Workbook } from '../../src/ingest/read/workbook.js';
import { readWorkbook } from '../../src/ingest/read/file.js';
import { type CityTableReading, readCityTable } from '../../src/ingest/sources/cityTable.js';
import type { Figure } from '../../src/types.js';

const FIXTURE = 'test/fixtures/city-card';
const CARD = '2025/09/清江市2025年9月统计月报卡.xlsx';
const SEPTEMBER = { year: 2025, month: 9 };
const configText = readFileSync(`${FIXTURE}/tongbao.config.yaml`, 'utf8');
const config = loadConfig(`${FIXTURE}/tongbao.config.yaml`);
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-card-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let workbook: Workbook;
let reading: CityTableReading;
beforeAll(async () => {
  workbook = await readWorkbook(`${FIXTURE}/data/${CARD}`, CARD);
  reading = readCityTable(workbook, config, SEPTEMBER);
});

/** "value @sheet!cell" of one observation. */
function at(indicator: string, area: string, measure: string): string {
  const o = reading.observations.find((x) => x.indicator === indicator && x.area === area && x.measure === measure);
  return o ? `${o.value} @${o.source.sheet}!${o.source.cell}` : 'none';
}

describe('reading the card', () => {
  it('reads the nine comparison sheets of catalogue indicators, never a hidden, stale or other department\'s sheet', () => {
    expect(workbook.sheets).toHaveLength(19); // 21 sheets, 2 hidden (旧表, 备份)
    const read = [...new Set(reading.observations.map((o) => o.source.sheet))];
    expect(read).toEqual(['工业处1 ', '社会消费品零售总额', '投资处1', '投资处2', '财政', '外贸', '房地产开发投资  ', '商品房销售面积']);
  });

  it('one indicator per sheet, named by its title row (A1) or, without one, by the sheet: raw values, 万元 → 亿元', () => {
    expect(at('industry_va', '东湖区', 'growth')).toBe('4.31623612 @工业处1 !C6'); // A1 "2025年1-9月规模工业增加值"
    expect(at('industry_va', '东湖区', 'rank')).toBe('6 @工业处1 !D6');
    expect(at('industry_va', '东湖区', 'value')).toBe('none'); // 绝对额(万元) of a growth-only indicator is not read
    expect(at('retail_sales', '东湖区', 'value')).toBe('127.595999447981 @社会消费品零售总额!B6'); // 1275959.99447981 万元
    expect(at('retail_sales', '东湖区', 'growth')).toBe('6.02816 @社会消费品零售总额!C6');
    expect(at('exports', '东湖区', 'value')).toBe('23.4567891234 @外贸!B6'); // 总量(万元) 234567.891234
    expect(at('fai', '东湖区', 'growth')).toBe('-5.71234 @投资处1!B6'); // A1 "…固定资产投资（不含农户）", an alias
    expect(at('housing_sales_area', '东湖区', 'value')).toBe('45.678912 @商品房销售面积!B6'); // named by the sheet; 万平方米 as configured
  });

  it('short names in one sheet, full names in another, numbered rows in a third, through aliases', () => {
    expect(at('industry_va', '瑶山县', 'rank')).toBe('7 @工业处1 !D12'); // 瑶山瑶族自治县
    expect(at('retail_sales', '瑶山县', 'rank')).toBe('2 @社会消费品零售总额!D12'); // 瑶山
    expect(at('budget_revenue', '东湖区', 'value')).toBe('9.87654 @财政!B5'); // （一）东湖区, 本期(亿元)
    expect(at('budget_revenue', '清江市', 'growth')).toBe('3.4567 @财政!C3'); // 1.全市, 比上年增长(%)
  });

  it('全市, 市辖区 and 经开区 have no rank', () => {
    expect(at('retail_sales', '清江市', 'rank')).toBe('null @社会消费品零售总额!D4');
    expect(at('retail_sales', '市辖区', 'rank')).toBe('null @社会消费品零售总额!D5');
    expect(at('retail_sales', '清江经济技术开发区', 'rank')).toBe('null @社会消费品零售总额!D18'); // "—"
    expect(at('retail_sales', '清江经济技术开发区', 'growth')).toBe('6.9123 @社会消费品零售总额!C18');
  });

  it('ties: 东湖 and 安平 share 位次 11 at the bottom (−12.35 as shown)', () => {
    expect([at('fai_construction', '东湖区', 'rank'), at('fai_construction', '安平县', 'rank')]).toEqual(['11 @投资处2!C6', '11 @投资处2!C17']);
  });

  it('the sheet still of 1-8月 (header B2, its title names no period) is skipped with a warning naming it; nothing else is said', () => {
    expect(at('retail_above', '东湖区', 'growth')).toBe('none');
    expect(reading.findings.map((f) => `${f.level} ${f.kind} ${f.source?.sheet} › ${f.source?.cell}：${f.message}`)).toEqual([
      'warning staleSheet 贸易处2 › B2：表头「1-8月」是 8 月的数据，但文件放在 2025/09 文件夹：这张表已跳过，其中的增速和位次不用于本期；如市统计局已发布本期数据，请换成新表',
    ]);
  });

  it('an area not configured stops nothing when its sheet\'s indicator is not used (清江高新区 in 住户)', () => {
    expect(reading.observations.some((o) => o.source.sheet === '住户')).toBe(false);
  });

  it('where it matters, every unknown area of the file is listed in one message with the config lines to add', () => {
    const narrower: Config = parseConfig(configText.replace('aliases: [瑶山, 瑶山瑶族自治县]', 'aliases: [瑶山]').replace('  - { name: 市辖区, ranked: false }\n', ''));
    let message = '';
    try {
      readCityTable(workbook, narrower, SEPTEMBER);
    } catch (error) {
      expect(error).toBeInstanceOf(DataError);
      message = (error as DataError).describe();
    }
    expect(message).toBe(
      `${CARD}：全市比较表中有 2 个地区不在配置的区县名单中：「市辖区」（工业处1 › A5 等 8 处）、「瑶山瑶族自治县」（工业处1 › A12 等 5 处）。` +
        '请在 tongbao.config.yaml 的 peers 中写明（简称、全称写进 aliases；不参与排名的写 ranked: false）：\n' +
        '  - { name: 瑶山县, aliases: [瑶山, 瑶山瑶族自治县] }   # 改写 peers 中已有的这一行\n' +
        '  - { name: 市辖区, ranked: false }',
    );
  });
});

describe('the briefing from the card (figures.json)', () => {
  let figures: Map<string, Figure>;
  let speech: string;
  beforeAll(async () => {
    const result = await buildReport({
      configFile: `${FIXTURE}/tongbao.config.yaml`, dataDir: `${FIXTURE}/data`, outDir: join(tmp, 'out'), templateDir: resolve('templates/speech'),
      meeting: { year: 2025, quarter: 4 }, formats: new Set(['md']), log: () => undefined,
    });
    const json = JSON.parse(readFileSync(join(result.dir, 'figures.json'), 'utf8')) as { figures: Figure[] };
    figures = new Map(json.figures.map((f) => [f.id, f]));
    speech = readFileSync(join(result.dir, 'speech.md'), 'utf8');
  });

  const value = (id: string) => figures.get(id)?.value;
  const cell = (id: string) => {
    const input = figures.get(id)?.inputs[0];
    return input && 'source' in input ? `${input.source.sheet}!${input.source.cell}` : undefined;
  };

  it('a city-only indicator (source: city): growth, amount, rank and 倒数 from its sheet', () => {
    expect([value('exports.growth'), cell('exports.growth')]).toEqual([10.56789, '外贸!C6']);
    expect([value('exports.value'), cell('exports.value')]).toEqual([23.4567891234, '外贸!B6']);
    expect([value('exports.rank'), value('exports.rankedUnits'), value('exports.rankFromBottom')]).toEqual([3, 12, 10]); // 9 ranked below
    expect([value('retail_sales.growth'), value('retail_sales.rank'), value('retail_sales.rankFromBottom')]).toEqual([6.02816, 3, 10]);
    expect([value('fai.growth'), value('fai.rank'), value('fai.rankFromBottom')]).toEqual([-5.71234, 10, 3]); // 梅岭, 安平 below
  });

  it('names nobody for a city-only indicator the targets sheet does not list (no bureau leads it)', () => {
    expect(speech).toContain('| 外贸进出口总额 | 亿元 | — | 23.46 | 10.6 | — | — | — | 3 | — |');
    expect(speech).not.toMatch(/清江市牵头|由清江市/);
  });

  it('our bureau\'s 4.3 and the card\'s 4.31623612 are one growth (no conflict); the return is the source', () => {
    expect([value('industry_va.growth'), cell('industry_va.growth')]).toEqual([4.3, 'Sheet1!D3']);
    expect([value('industry_va.rank'), cell('industry_va.rank'), value('industry_va.rankFromBottom')]).toEqual([6, '工业处1 !D6', 7]);
  });

  it('the speech states them', () => {
    expect(speech).toContain('外贸进出口总额增长10.6%，居全市第3位');
    expect(speech).toContain('社会消费品零售总额增长6.0%，与预期持平，居全市第3位');
    expect(speech).toContain('固定资产投资下降5.7%，居全市第10位');
    expect(speech).toContain('建筑安装工程投资下降12.3%，并列居全市倒数第一'); // 位次 11 of 12, shared, none 12th
  });

  it('no 未报送 or 缺少指标 for the city-only indicators: the check has only the stale sheet to say', async () => {
    const result = await checkData({ dataDir: `${FIXTURE}/data`, config, through: SEPTEMBER, meetingYear: 2025 });
    expect(result.findings.map((f) => `${f.level} ${f.kind} ${f.source?.sheet ?? ''}`)).toEqual(['warning staleSheet 贸易处2']);
  });

  it('ties in the middle are shared (房地产开发投资: 东湖, 北塘 both 7)', () => {
    expect([value('real_estate_investment.rank'), value('real_estate_investment.rankShared')]).toEqual([7, 2]);
    expect([value('fai_construction.rank'), value('fai_construction.rankShared')]).toEqual([11, 2]);
  });

  // 倒数 = 1 + the number of ranked districts strictly behind (domain.md §2), not N − 位次 + 1.
  it('倒数 with a tie at the bottom: 位次 11 shared, none 12th → 并列倒数第一', () => {
    expect(value('fai_construction.rankFromBottom')).toBe(1);
  });

  it('倒数 with a tie in the middle: 位次 7 shared, 9–12 behind → 倒数第五', () => {
    expect(value('real_estate_investment.rankFromBottom')).toBe(5);
  });
});
