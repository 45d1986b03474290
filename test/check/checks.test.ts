// The checks one by one (#5 item 4): 表内审核 on fixture returns, series checks and 修订 on
// hand-made observations, and the 修订版 rule on files in a temporary folder.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkData } from '../../src/check/check.js';
import { auditTable } from '../../src/ingest/table/audit.js';
import { findRevisions } from '../../src/check/revisions.js';
import { checkSeries } from '../../src/check/series.js';
import { loadConfig } from '../../src/config/config.js';
import { findingsError } from '../../src/ingest/dataset.js';
import { DataError } from '../../src/errors.js';
import { type DataFile, classifyFile, resolveRevisions, revisionRank } from '../../src/ingest/files.js';
import { readReturn } from '../../src/ingest/sources/returns.js';
import { readWorkbook } from '../../src/ingest/read/file.js';
import type { CheckFinding, Observation } from '../../src/types.js';

const DIR = 'test/fixtures/returns';
const config = loadConfig('tongbao.config.yaml');
const brief = (f: CheckFinding) => `${f.level} ${f.kind} ${f.source?.cell ?? ''}`;

async function audit(name: string): Promise<CheckFinding[]> {
  const reading = readReturn(await readWorkbook(`${DIR}/${name}`, name), config, { year: 2023, month: 3 });
  return reading.tables.flatMap((table) => auditTable(table, config));
}

describe('表内审核', () => {
  it('part-exceeds-whole: a 其中 item larger than its parent, in another unit, is an error', async () => {
    const findings = await audit('part-exceeds-whole.xlsx');
    expect(findings.map(brief)).toEqual(['error partExceedsWhole C5']);
    expect(findings[0]!.message).toBe('「其中：限上零售业零售额」289000万元 大于其上级「社会消费品零售总额」25.9亿元（C4）：分项不能大于总数，请核对');
  });

  it('growth-mismatch: more than 0.1 个百分点 off 本期/上年同期 — error for a computed growth, warning for a reported one', async () => {
    const findings = await audit('growth-mismatch.xlsx');
    expect(findings.map(brief)).toEqual(['warning growthMismatch E4', 'error growthMismatch E5']);
    expect(findings[1]!.message).toBe('「招商引资到位资金」填报增速 25%，按本期 11.8（C5）与上年同期 9.6（D5）计算为 22.92%，相差 2.08 个百分点：请核对');
  });

  it('a clean return has no findings, and 42.5 for 12.5 ÷ 8.77 passes within the rounding of the values', async () => {
    expect(await audit('hierarchy.xlsx')).toEqual([]);
    expect(await audit('valid.xlsx')).toEqual([]);
  });
});

function obs(indicator: string, measure: Observation['measure'], month: number, value: number | null, unit = '亿元'): Observation {
  const cell = `C${month}`;
  return { indicator, area: '云溪区', period: { year: 2023, month, span: 'ytd' }, measure, value, unit, source: { file: `2023/${month}.xlsx`, sheet: 'Sheet1', cell } };
}

describe('series checks', () => {
  it('a 累计 that falls from one month to the next', () => {
    const findings = checkSeries([obs('retail_sales', 'value', 2, 16.5), obs('retail_sales', 'value', 3, 15.9)], config);
    expect(findings.map(brief)).toEqual(['warning cumulativeDecrease C3']);
    expect(findings[0]!.message).toBe('社会消费品零售总额累计值由2月的 16.5 降到3月的 15.9（上月见 2023/2.xlsx › Sheet1 › C2）：累计值一般不会减少，请核实是否填错或有退库、核减调整');
  });

  it('a unit slip of 万元 for 亿元 is an error (#9: it once went to print with a warning)', () => {
    const findings = checkSeries([obs('retail_sales', 'value', 2, 16.5), obs('retail_sales', 'value', 3, 259000)], config);
    expect(findings.map(brief)).toEqual(['error outlier C3']);
  });

  it('a growth that jumps by more than 50 个百分点 (but not for counts of projects)', () => {
    expect(checkSeries([obs('retail_sales', 'growth', 2, 5.1, '%'), obs('retail_sales', 'growth', 3, 72.5, '%')], config).map(brief)).toEqual(['warning outlier C3']);
    expect(checkSeries([obs('projects_signed', 'growth', 2, 0, '%'), obs('projects_signed', 'growth', 3, 100, '%')], config)).toEqual([]);
  });

  it('a value far outside the months before it', () => {
    const growth = [5.1, 5.3, 5.0, 5.4, 5.2, 5.3, 48.0].map((g, i) => obs('retail_sales', 'growth', i + 2, g, '%'));
    expect(checkSeries(growth, config).map(brief)).toEqual(['warning outlier C8']);
    expect(checkSeries(growth.slice(0, -1), config)).toEqual([]);
  });
});

describe('修订 against the last build', () => {
  const published = [
    { id: 'retail_sales.value', indicator: 'retail_sales', kind: 'value', period: { year: 2023, month: 3, span: 'ytd' }, value: 25.9, formula: 'reported', inputs: [{ source: { file: '2023/03/统计局.xlsx', sheet: 'Sheet1', cell: 'D7' } }] },
    { id: 'retail_sales.base2019', indicator: 'retail_sales', kind: 'value', period: { year: 2023, month: 3, span: 'ytd' }, value: 20.1, formula: 'reported', inputs: [] },
  ];

  it('lists a changed number with old → new and both cells', () => {
    const findings = findRevisions(published, [{ ...obs('retail_sales', 'value', 3, 26.4), source: { file: '2023/03/统计局（修订）.xlsx', sheet: 'Sheet1', cell: 'D7' } }], config);
    expect(findings.map((f) => f.message)).toEqual(['修订：社会消费品零售总额2023年3月 由 25.9 改为 26.4（原 2023/03/统计局.xlsx › Sheet1 › D7，现 2023/03/统计局（修订）.xlsx › Sheet1 › D7）：已发布的数字有变化，请确认']);
  });

  it('says nothing when the numbers are the same, and compares base2019 with base2019 only', () => {
    expect(findRevisions(published, [obs('retail_sales', 'value', 3, 25.9)], config)).toEqual([]);
  });
});

describe('file names (#9)', () => {
  it('an unmatched name that looks like a city table points to cityTable.files, not bureaus', () => {
    const refusal = (name: string) => {
      try {
        classifyFile(name, `2025/09/${name}`, config);
      } catch (error) {
        return (error as DataError).describe();
      }
      return 'classified';
    };
    expect(refusal('2025年9月月报卡.xlsx')).toBe('2025/09/2025年9月月报卡.xlsx：文件名含“月报卡”，像是市统计局的全市比较表（月报卡），但不含配置 cityTable 的 files 中的字样（“全市各区”、“各区主要经济指标”）：如是比较表，请在 tongbao.config.yaml 的 cityTable.files 中加入“月报卡”；如是部门报表，请按“单位名+年月”命名');
    expect(refusal('各县市区主要指标比较.xlsx')).toContain('文件名含“各县市区”，像是市统计局的全市比较表');
    expect(refusal('2025年9月报表.xlsx')).toBe('2025/09/2025年9月报表.xlsx：无法判断这个文件属于哪个单位：请按“单位名+年月”命名（如“科工局2023年3月报表.xlsx”），或在配置 bureaus 的 files 中加入文件名里的字样');
  });
});

describe('修订版 rule: two files for one bureau and month', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongbao-revisions-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const bureau = config.bureaus.find((b) => b.id === 'kgj')!;
  const put = (name: string, source = 'valid.xlsx'): DataFile => {
    mkdirSync(join(dataDir, '2023/03'), { recursive: true });
    copyFileSync(join(DIR, source), join(dataDir, '2023/03', name));
    return { file: `2023/03/${name}`, year: 2023, month: 3, kind: { kind: 'return', bureau } };
  };

  it('ranks marks and numbers', () => {
    expect(revisionRank('科工局2023年3月报表.xlsx')).toBe(0);
    expect(revisionRank('科工局2023年3月报表（2）.xlsx')).toBe(2);
    expect(revisionRank('科工局2023年3月报表（修订）.xlsx')).toBe(1000);
    expect(revisionRank('科工局2023年3月报表更正版2.xlsx')).toBe(1002);
    expect(revisionRank('科工局2023年3月报表修订2.xlsx')).toBe(1002);
    expect(revisionRank('住建局 2023.03 月报.xlsx')).toBe(0);
  });

  it('the revision supersedes the original, and says so', () => {
    const findings: CheckFinding[] = [];
    const kept = resolveRevisions(dataDir, [put('科工局2023年3月报表.xlsx'), put('科工局2023年3月报表（修订）.xlsx', 'percent-format.xlsx')], findings);
    expect(kept.map((f) => f.file)).toEqual(['2023/03/科工局2023年3月报表（修订）.xlsx']);
    expect(findings.map((f) => f.message)).toEqual(['同一单位同一月份有2个文件，读取「2023/03/科工局2023年3月报表（修订）.xlsx」，不读「2023/03/科工局2023年3月报表.xlsx」（修订版优先，内容相同的只读一份）']);
  });

  it('two different files without a mark: an error asking which', () => {
    const findings: CheckFinding[] = [];
    expect(resolveRevisions(dataDir, [put('科工局3月.xlsx'), put('科工局三月.xlsx', 'percent-format.xlsx')], findings)).toEqual([]);
    expect(findings.map(brief)).toEqual(['error duplicate ']);
    expect(findings[0]!.message).toBe('同一单位同一月份有2个文件（2023/03/科工局3月.xlsx、2023/03/科工局三月.xlsx），无法判断用哪一个：请删去旧的，或在新文件名中注明“修订”');
  });

  it('byte-identical copies are one file', () => {
    const findings: CheckFinding[] = [];
    expect(resolveRevisions(dataDir, [put('科工局A.xlsx'), put('科工局B.xlsx')], findings).map((f) => f.file)).toEqual(['2023/03/科工局A.xlsx']);
    expect(findings.map(brief)).toEqual(['warning superseded ']);
  });
});

describe('errors that stop a report', () => {
  const cell: CheckFinding = { level: 'error', kind: 'unreadable', message: '无法识别的数值「约5亿」：请填写数字，空缺请填“—”', source: { file: 'a.xlsx', sheet: 'Sheet1', cell: 'C5' } };
  const missing = (bureau: string): CheckFinding => ({ level: 'error', kind: 'missing', bureau, month: { year: 2023, month: 6 }, message: `${bureau}2023年6月报表未报送` });

  it('one error reads as one located line', () => {
    expect(findingsError([cell]).describe()).toBe('a.xlsx › Sheet1 › C5：无法识别的数值「约5亿」：请填写数字，空缺请填“—”');
  });

  it('missing returns of a month read as one sentence; several errors are numbered', () => {
    expect(findingsError([missing('科工局'), missing('商务局')]).describe()).toBe('2023年6月缺少以下报表（未报送）：科工局、商务局。请把报表放入 data/2023/06/ 后重试');
    expect(findingsError([missing('科工局'), cell]).describe()).toBe('数据有 2 处错误，请改正后重试：\n  1. 2023年6月缺少以下报表（未报送）：科工局。请把报表放入 data/2023/06/ 后重试\n  2. a.xlsx › Sheet1 › C5：无法识别的数值「约5亿」：请填写数字，空缺请填“—”');
  });
});

describe('returns without their indicators', () => {
  const data = mkdtempSync(join(tmpdir(), 'tongbao-indicators-'));
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it('a table with none of the catalogue is an error; a return lacking one of its rows a warning', async () => {
    cpSync('test/fixtures/mini/data', data, { recursive: true });
    copyFileSync(join(DIR, 'valid.xlsx'), join(data, '2023/03/投促局2023年3月招商引资.xlsx')); // 社会消费品零售总额 only
    const kgj = join(data, '2023/03/科工局2023年3月报表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(kgj);
    wb.worksheets[0]!.getCell('A6').value = '规上工业用电量';
    writeFileSync(kgj, Buffer.from(await wb.xlsx.writeBuffer()));
    const mini = loadConfig('test/fixtures/mini/tongbao.config.yaml');
    const result = await checkData({ dataDir: data, config: mini, through: { year: 2023, month: 3 }, meetingYear: 2023 });
    expect(result.findings.filter((f) => f.kind === 'missingIndicator').map((f) => `${f.level} ${f.source?.file}：${f.message}`)).toEqual([
      'error 2023/03/投促局2023年3月招商引资.xlsx：报表中没有读到指标目录中的任何指标：请确认报送的是本单位的月报；如指标名称写法不同，请在配置 indicators 的 aliases 中加入表中的写法',
      'warning 2023/03/科工局2023年3月报表.xlsx：报表中没有「规上工业总产值」这一行：讲话稿将不提这一指标；如表中写法不同，请在配置的 aliases 中加入',
    ]);
  });
});

describe('a configured district missing from the city table', () => {
  it('is a warning naming the table (compute then states no 倒数: see test/compute/ranks.test.ts)', async () => {
    const mini = loadConfig('test/fixtures/mini/tongbao.config.yaml');
    const withPeer = { ...mini, peers: [...mini.peers, { name: '北山区', aliases: [], ranked: true }] };
    const checked = await checkData({ dataDir: 'test/fixtures/mini/data', config: withPeer, through: { year: 2023, month: 3 }, meetingYear: 2023 });
    const missing = checked.findings.filter((f) => f.kind === 'missingArea');
    expect(missing.map((f) => `${f.level} ${f.source?.file}`)).toEqual(['warning 2023/03/全市各区主要经济指标（2023年1-3月）.xlsx']);
    expect(missing[0]!.message).toContain('全市比较表中没有「北山区」这一行');
    expect(checked.errors).toBe(0);
  });
});
