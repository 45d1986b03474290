// The four tables made by statistics offices (#5 item 6): each read correctly, values asserted
// against the file, or — for the time-series exports — refused as returns with the reason.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { type ParsedTable, parseTable, readCell } from '../../src/ingest/table/parsedTable.js';
import { LABEL_HEADER, readReturn } from '../../src/ingest/sources/returns.js';
import { locateTable } from '../../src/ingest/table/locate.js';
import { readWorkbook } from '../../src/ingest/read/file.js';

const DIR = 'test/fixtures/returns/real';

async function tableOf(name: string): Promise<ParsedTable> {
  const workbook = await readWorkbook(`${DIR}/${name}`, name);
  const sheet = workbook.sheets[0]!;
  return parseTable(locateTable(sheet, LABEL_HEADER)!, { file: name, sheet: sheet.name });
}

/** "value unit @cell" of the row named `row` under the column whose header path is `column`. */
function valueAt(table: ParsedTable, row: string, column: string): string {
  const r = table.rows.find((x) => x.name === row || x.label === row);
  const c = table.columns.find((x) => x.path.join('|').normalize('NFKC').replace(/\s+/g, '') === column);
  if (!r || !c) return `no ${!r ? 'row' : 'column'}`;
  const q = readCell(table, r, c);
  return `${q.value} ${q.unit ?? '?'} @${q.source.cell}`;
}

const parentOf = (table: ParsedTable, name: string) => {
  const row = table.rows.find((x) => x.name === name)!;
  return row.parent === null ? null : table.rows[row.parent]!.name;
};

describe('国家统计局 规模以上工业增加值 release (tableeval_nbs_154_gongye_2024-05.xlsx)', () => {
  it('reads text numbers with separators, "…" as missing, units in names', async () => {
    const t = await tableOf('tableeval_nbs_154_gongye_2024-05.xlsx');
    expect(valueAt(t, '规模以上工业增加值', '1—5月|同比增长(%)')).toBe('6.2 % @E3');
    expect(valueAt(t, '规模以上工业增加值', '5月|绝对量')).toBe('null ? @B3');
    expect(valueAt(t, '出口交货值', '5月|绝对量')).toBe('12571 亿元 @B72');
    expect(valueAt(t, '规模以上工业发电量', '1—5月|绝对量')).toBe('36570 亿千瓦时 @D65');
    expect(valueAt(t, '硫酸', '5月|绝对量')).toBe('829 万吨 @B37');
    expect(valueAt(t, '乙烯', '1—5月|同比增长(%)')).toBe('-2.8 % @E39');
  });

  it('reads "0.0(百分点)" as a difference in 个百分点, not a growth in %', async () => {
    const t = await tableOf('tableeval_nbs_154_gongye_2024-05.xlsx');
    expect(valueAt(t, '产品销售率', '1—5月|同比增长(%)')).toBe('-0.4 百分点 @E71');
  });

  it('builds the hierarchy from leading spaces and 其中 at several depths; section rows carry no numbers', async () => {
    const t = await tableOf('tableeval_nbs_154_gongye_2024-05.xlsx');
    expect(t.rows.find((r) => r.name === '分三大门类')!.section).toBe(true);
    expect(parentOf(t, '采矿业')).toBe('分三大门类');
    expect(parentOf(t, '高技术制造业')).toBe('制造业');
    expect(parentOf(t, '外商及港澳台投资企业')).toBe('分经济类型'); // aligned after "其中："
    expect(parentOf(t, '轿车')).toBe('汽车');
    expect(parentOf(t, '运动型多用途乘用车(SUV)')).toBe('汽车');
    expect(parentOf(t, '火力发电量')).toBe('规模以上工业发电量');
  });
});

describe('国家统计局 社会消费品零售总额 release (tableeval_nbs_140_sheling_2024-05.xlsx)', () => {
  it('reads numbers stored as text, "-" as missing, the unit from "绝对量（亿元）", both (%) spellings', async () => {
    const t = await tableOf('tableeval_nbs_140_sheling_2024-05.xlsx');
    expect(valueAt(t, '社会消费品零售总额', '1—5月|绝对量(亿元)')).toBe('195237 亿元 @D3');
    expect(valueAt(t, '社会消费品零售总额', '5月|同比增长(%)')).toBe('3.7 % @C3');
    expect(valueAt(t, '实物商品网上零售额', '5月|绝对量(亿元)')).toBe('null ? @B6');
    expect(valueAt(t, '金银珠宝类', '5月|同比增长(%)')).toBe('-11 % @C20');
    expect(valueAt(t, '建筑及装潢材料类', '1—5月|同比增长(%)')).toBe('-0.4 % @E30');
    expect(parentOf(t, '限额以上单位消费品零售额')).toBe('社会消费品零售总额');
    expect(t.rows.find((r) => r.name === '按经营地分')!.section).toBe(true);
  });
});

describe('国家统计局 data-site exports (time series: read as tables, refused as returns)', () => {
  const config = loadConfig('tongbao.config.yaml');

  it('old binary .xls: metadata rows above, newest month first, blank months, 注 footer with U+3000', async () => {
    const t = await tableOf('nbs_gongyezengjiazhi_yuedu.xls');
    expect(t.title).toBe('数据库：月度数据');
    expect(valueAt(t, '工业增加值累计增长', '2020年3月')).toBe('-8.4 % @C5');
    expect(valueAt(t, '工业增加值同比增长', '2020年2月')).toBe('null ? @D4');
    expect(valueAt(t, '工业增加值同比增长', '2017年5月')).toBe('6.5 % @AH4');
    expect(t.rows).toHaveLength(2);
    expect(t.table.footer[0]!.value).toMatch(/^注：1\.从2011年起/);
  });

  it('GBK CSV without BOM: metadata lines, blank early years, 数据来源 footer', async () => {
    const t = await tableOf('nbs_zhuyaochengshi_shanghai_gbk.csv');
    expect(valueAt(t, '房地产开发投资额', '2019年')).toBe('4231.38 亿元 @B5');
    expect(valueAt(t, '商品房平均销售价格', '2018年')).toBe('26890.08 元/平方米 @C14');
    expect(valueAt(t, '房地产开发企业住宅竣工房屋面积', '2019年')).toBe('null ? @B11');
    expect(valueAt(t, '房地产开发企业土地开发面积', '2010年')).toBe('237.8 万平方米 @K17');
    expect(t.rows).toHaveLength(13);
  });

  it.each([
    ['nbs_gongyezengjiazhi_yuedu.xls', 'nbs_gongyezengjiazhi_yuedu.xls › 月度数据 › B3：这是按时期排列的时间序列表（表头为 2020年4月、2020年3月、2020年2月…），不是月度报表'],
    ['nbs_zhuyaochengshi_shanghai_gbk.csv', 'nbs_zhuyaochengshi_shanghai_gbk.csv › nbs_zhuyaochengshi_shanghai_gbk › B4：这是按时期排列的时间序列表（表头为 2019年、2018年、2017年…），不是月度报表'],
  ])('%s as a return is refused, saying why', async (name, message) => {
    const workbook = await readWorkbook(`${DIR}/${name}`, name);
    expect(() => readReturn(workbook, config, { year: 2020, month: 4 })).toThrow();
    try {
      readReturn(workbook, config, { year: 2020, month: 4 });
    } catch (error) {
      expect((error as { describe(): string }).describe()).toContain(message);
    }
  });
});
