// Issue 14, numbers: a cell holding a non-finite or absurdly large number ("1e309", NaN, Infinity,
// 10^15 and more), as text or as a number in the sheet's XML, is refused naming its cell by check
// and by report; every other number reads as written (negative zero as 0, full-width digits,
// thousands separators, U+2212 minus). A property test over the cell reader, and a fuzz test that
// writes each value into a real workbook and runs check and report on it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/build.js';
import { checkData } from '../../src/check/check.js';
import { loadConfig } from '../../src/config/config.js';
import { DataError, UserError } from '../../src/errors.js';
import { NUMBER_LIMIT, readQuantity } from '../../src/ingest/table/values.js';

const SEED = Number(process.env.NUMBERS_SEED ?? 14);
const MINI = 'test/fixtures/mini';
const config = loadConfig(`${MINI}/tongbao.config.yaml`);

/** A value as a cell holds it: a number in the XML (<v>1e309</v>) or text. */
type Written = { readonly xml: string } | { readonly text: string };

/** What the cell must read as: a number, or a refusal. */
function expected(written: Written): number | 'refused' {
  const ascii = 'xml' in written ? written.xml : written.text.normalize('NFKC').replace(/[−－]/g, '-').replace(/,(?=\d{3}(\D|$))/g, '');
  const n = Number(ascii);
  return Number.isFinite(n) && Math.abs(n) < NUMBER_LIMIT ? n + 0 : 'refused';
}

const SPECIAL = ['1e309', '-1e309', 'NaN', 'Infinity', '-Infinity', 'INF', '-INF', '1e15', '-1e15', '999999999999999.9', '1E+400', '5e-324', '1.7976931348623157e308', '-0', '0'];
const double = fc.oneof(fc.double(), fc.double({ min: -1e7, max: 1e7, noNaN: true }), fc.constantFrom(-0, 1e15, -1e15, 1e-300, Number.MAX_VALUE));
const xmlNumber = fc.oneof(
  fc.constantFrom(...SPECIAL),
  double.map((n) => (Object.is(n, -0) ? '-0' : String(n))),
  double.map((n) => n.toExponential()),
).map((xml): Written => ({ xml }));

/** Decimal text as offices type it: 1234.5, 1,234.5, −1,234.5, full-width １，２３４．５, or an exponent. */
const typed = fc
  .record({
    minus: fc.constantFrom('', '-', '−', '－'),
    whole: fc.oneof(fc.stringMatching(/^[1-9]\d{0,17}$/), fc.constant('0')),
    fraction: fc.stringMatching(/^\d{0,4}$/),
    grouped: fc.boolean(),
    fullWidth: fc.boolean(),
  })
  .map(({ minus, whole, fraction, grouped, fullWidth }) => {
    const digits = grouped ? whole.replace(/\B(?=(\d{3})+$)/g, ',') : whole;
    const text = `${minus}${digits}${fraction ? `.${fraction}` : ''}`;
    return fullWidth ? text.replace(/[0-9.,-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : text;
  });
const textNumber = fc.oneof(typed, fc.constantFrom(...SPECIAL, '１ｅ３０９', '-1e309')).map((text): Written => ({ text }));

describe('a number cell, read on its own', () => {
  const where = { file: '2023/03/投促局.xlsx', sheet: 'Sheet1' };
  const read = (written: Written) => readQuantity({ address: 'D4', value: 'xml' in written ? Number(written.xml) : written.text, indent: 0 }, where).value;

  it('reads every finite number below 10^15 as written and refuses the rest, naming the cell', () => {
    fc.assert(
      fc.property(fc.oneof(xmlNumber, textNumber), (written) => {
        const want = expected(written);
        if (want !== 'refused') {
          const value = read(written);
          expect(value).toBe(want);
          expect(Object.is(value, -0)).toBe(false);
          return;
        }
        let error: unknown;
        try {
          read(written);
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(DataError);
        expect((error as DataError).location).toEqual({ ...where, cell: 'D4' });
        expect((error as DataError).message).toMatch(/^(数值「.{1,40}」(超出范围|不是数字)|无法识别的数值「.{1,40}」)/);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('says which rule refused it', () => {
    expect(() => read({ text: '1e309' })).toThrow('数值「1e309」超出范围（绝对值须小于 10^15，即 1000 万亿）：请核对这个单元格，空缺请填“—”');
    expect(() => read({ xml: 'NaN' })).toThrow('数值「NaN」不是数字');
    expect(read({ text: '１，２３４．５' })).toBe(1234.5);
    expect(read({ text: '−999,999,999,999,999.9' })).toBe(-999999999999999.9);
    expect(read({ xml: '-0' })).toBe(0);
  });
});

// The fuzz through check and report: the mini fixture's 投促局 returns, city table, targets and
// project ledger (the other bureaus' returns are missing: warnings only).
const FILES = ['2023/02/投促局2023年2月招商引资.xlsx', '2023/03/投促局2023年3月招商引资.xlsx', '2023/03/全市各区主要经济指标（2023年1-3月）.xlsx', '2023/2023年目标任务.xlsx', '2023/2023年重点项目台账.xlsx'];
const TARGETS = '2023/2023年目标任务.xlsx';
const LEDGER = '2023/2023年重点项目台账.xlsx';
const RETURN = '2023/03/投促局2023年3月招商引资.xlsx';
const CITY = '2023/03/全市各区主要经济指标（2023年1-3月）.xlsx';
interface Cell {
  readonly file: string;
  readonly cell: string;
  readonly sheet: string;
  readonly figure?: string;
  /** Only a number > 0 is accepted (a full-year target). */
  readonly positive?: boolean;
}

/** The cells written into, and the figure each one is read into (if it is read into one as it is). */
const CELLS: readonly [Cell, Cell, ...Cell[]] = [
  { file: TARGETS, cell: 'D8', sheet: '2023年目标', figure: 'investment_attracted.target', positive: true }, // 招商引资到位资金 全年目标 50 亿元
  { file: LEDGER, cell: 'D5', sheet: '项目台账', figure: 'project.2.totalInvestment' }, // 临江路线迁移改造项目 总投资 2509 万元
  { file: RETURN, cell: 'F4', sheet: 'Sheet1' }, // 招商引资到位资金 上年同期 9.6: the base of a computed growth
  { file: CITY, cell: 'B7', sheet: '各区主要指标' }, // 江滨区 规上工业增加值 增速 4.5
  { file: CITY, cell: 'C7', sheet: '各区主要指标' }, // 江滨区 规上工业增加值 位次 1
];

const tmp = mkdtempSync(join(tmpdir(), 'tongbao-numbers-'));
const data = join(tmp, 'data');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The workbook with one cell's content replaced in its sheet XML, keeping the cell's style. */
function withCell(bytes: Uint8Array, address: string, written: Written): Uint8Array {
  const entries = unzipSync(bytes);
  const xml = strFromU8(entries['xl/worksheets/sheet1.xml']!);
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const cell = new RegExp(`<c r="${address}"( s="\\d+")?[^>]*>.*?</c>`);
  if (!cell.test(xml)) throw new Error(`no cell ${address}`);
  const content = 'xml' in written ? `><v>${written.xml}</v>` : ` t="inlineStr"><is><t>${escape(written.text)}</t></is>`;
  entries['xl/worksheets/sheet1.xml'] = strToU8(xml.replace(cell, (_all, style: string | undefined) => `<c r="${address}"${style ?? ''}${content}</c>`));
  return zipSync(entries);
}

interface Outcome {
  readonly check: Awaited<ReturnType<typeof checkData>>;
  readonly report: { readonly error: unknown; readonly figures?: { id: string; value: number | null }[]; readonly speech?: string };
}

/** check and report (md) on the data with one cell written. */
async function run(target: Cell, written: Written): Promise<Outcome> {
  const path = join(data, target.file);
  const original = readFileSync(path);
  writeFileSync(path, withCell(original, target.cell, written));
  try {
    const check = await checkData({ dataDir: data, config, through: { year: 2023, month: 3 }, meetingYear: 2023 });
    const out = mkdtempSync(join(tmp, 'out-'));
    try {
      await buildReport({ configFile: `${MINI}/tongbao.config.yaml`, dataDir: data, outDir: out, templateDir: 'templates/speech', meeting: { year: 2023, quarter: 2 }, formats: new Set(['md']), log: () => undefined });
    } catch (error) {
      return { check, report: { error } };
    }
    const figures = JSON.parse(readFileSync(join(out, '2023-Q2', 'figures.json'), 'utf8')).figures;
    return { check, report: { error: undefined, figures, speech: readFileSync(join(out, '2023-Q2', 'speech.md'), 'utf8') } };
  } finally {
    writeFileSync(path, original);
  }
}

/** The contract, whatever the value: refused naming the cell, or read as written and stated sanely. */
function expectContract(target: Cell, written: Written, { check, report }: Outcome): void {
  const read = expected(written);
  const want = target.positive && read !== 'refused' && read <= 0 ? 'refused' : read;
  const at = check.findings.filter((f) => f.level === 'error' && f.source?.file === target.file && f.source.cell === target.cell);
  if (want === 'refused') {
    expect(at.map((f) => f.kind), JSON.stringify({ target, written })).toEqual(['unreadable']);
    expect(report.error).toBeInstanceOf(DataError);
    // The .xlsx reader itself refuses what is no number at all in the XML (NaN, INF).
    expect((report.error as DataError).describe()).toMatch(new RegExp(`^${target.file} › ${target.sheet} › ${target.cell}：((无法识别的)?数值「|全年目标应为正数|单元格中保存的数值无法识别)`));
    return;
  }
  // Another rule may refuse a number that is fine as a number (位次 must be a whole number ≥ 1).
  if (target.figure) expect(at.filter((f) => f.kind === 'unreadable'), JSON.stringify({ target, written })).toEqual([]);
  if (report.error !== undefined) {
    // A value read right can still be refused by a check (增速不符) or make a figure no one can
    // state (a target of 0 → 完成率 ∞): a UserError, never a crash.
    expect(report.error).toBeInstanceOf(UserError);
    if (target.figure) expect((report.error as UserError).describe()).toContain(target.cell);
    return;
  }
  if (target.figure) expect(report.figures!.find((f) => f.id === target.figure)?.value).toBe(want);
  for (const figure of report.figures!) expect(figure.value === null || Math.abs(figure.value) < NUMBER_LIMIT, figure.id).toBe(true);
  expect(report.speech).not.toMatch(/NaN|Infinity|undefined|-0(?![.\d])/);
}

describe('numbers through check and report', () => {
  beforeAll(() => {
    for (const file of FILES) cpSync(join(MINI, 'data', file), join(data, file));
  });

  it.each([
    ['1e309 in the XML', CELLS[0], { xml: '1e309' }],
    ['-1e309 as text', CELLS[0], { text: '-1e309' }],
    ['NaN in the XML', CELLS[1], { xml: 'NaN' }],
    ['Infinity as text', CELLS[1], { text: 'Infinity' }],
    ['10^15 in the XML', CELLS[1], { xml: '1000000000000000' }],
  ] as const)('refuses %s, naming the cell, in check and in report', async (_name, target, written) => {
    const outcome = await run(target, written);
    expect(outcome.check.errors).toBeGreaterThan(0);
    expectContract(target, written, outcome);
  }, 30_000);

  it('reads -0, full-width digits and thousands separators as the numbers they are', async () => {
    const zero = await run(CELLS[1], { xml: '-0' });
    expectContract(CELLS[1], { xml: '-0' }, zero);
    expect(zero.report.speech).toContain('总投资0万元的临江路线迁移改造项目'); // not “-0万元”
    const wide = await run(CELLS[0], { text: '１，２００．５' });
    expect(wide.report.figures!.find((f) => f.id === 'investment_attracted.target')?.value).toBe(1200.5);
    // 11.80 ÷ 1200.5 × 100 = 0.98…% of the year's target
    expect(wide.report.speech).toContain('全年招商引资到位资金目标为1200.5亿元，目前完成全年目标的1.0%');
  }, 30_000);

  it('a target of 0 is refused by check and report, naming its cell: it leaves nothing to complete', async () => {
    const outcome = await run(CELLS[0], { text: '0' });
    expectContract(CELLS[0], { text: '0' }, outcome);
    expect((outcome.report.error as DataError).message).toBe('全年目标应为正数，这里是 0：请核对；没有总量目标的请填“—”');
  }, 30_000);

  it('a target of 1e-300 is read, and the 完成率 of 10^301 % it gives is refused by the check naming both cells', async () => {
    const outcome = await run(CELLS[0], { text: '1e-300' });
    // 11.80 ÷ 1e-300 × 100 = 1.18e303: far above 300 % (#9), so the check stops it before compute.
    const message =
      '2023/03/投促局2023年3月招商引资.xlsx › Sheet1 › D4：「招商引资到位资金」完成全年目标的 1.18e+303%（本期 11.8亿元（2023/03/投促局2023年3月招商引资.xlsx › Sheet1 › D4），' +
      '全年目标 1e-300亿元（2023/2023年目标任务.xlsx › 2023年目标 › D8））：超过 300% 或小于 0，多半是单位或数字填错，请核对两处';
    expect(outcome.check.findings.filter((f) => f.level === 'error').map((f) => `${f.source?.file} › ${f.source?.sheet} › ${f.source?.cell}：${f.message}`)).toEqual([message]);
    expect(outcome.report.error).toBeInstanceOf(DataError);
    expect((outcome.report.error as DataError).describe()).toBe(message);
  }, 30_000);

  it('fuzz: any number, in the XML or as text, in a target, a project ledger, a return and the city table', async () => {
    const cases = fc.sample(fc.tuple(fc.constantFrom(...CELLS), fc.oneof(xmlNumber, textNumber)), { seed: SEED, numRuns: Number(process.env.NUMBERS_RUNS ?? 8) });
    for (const [target, written] of cases) expectContract(target, written, await run(target, written));
  }, 120_000);
});
