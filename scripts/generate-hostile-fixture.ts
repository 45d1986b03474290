// Writes test/fixtures/issue-14-hostile-text/: the mini fixture with texts in the data that try to
// become markup in the documents (issue 14) — a heading, bold, a table pipe, tags hidden behind the
// data's own backslash or a URL, a javascript: link, a template field — in project names, 责任单位,
// 牵头单位 and an indicator's name in the config. Every output must show them as the text they are.
//
//   npx tsx scripts/generate-hostile-fixture.ts
//
// Deterministic: the altered workbooks are saved with saveWorkbook's fixed dates and zip times.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { saveWorkbook } from './example-data/xlsx.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MINI = join(ROOT, 'test/fixtures/mini');
const OUT = join(ROOT, 'test/fixtures/issue-14-hostile-text');

/** The hostile texts, by the cell (or config line) they replace; the test reads them from here. */
export const HOSTILE = {
  /** 临江路线迁移改造项目 (start due 2023-04-28): a line break, then a heading. */
  roadProject: '临江路线迁移改造项目\n# 伪造的一级标题',
  /** 区人民医院综合业务大楼 (finish due 2023-06-30): bold and a table pipe. */
  hospitalProject: '区人民医院**加粗**综合楼|二期',
  /** 临江路's 责任单位: a tag. */
  roadUnit: '<img src=x onerror=alert(8)>',
  /** the hospital's 责任单位: a Handlebars field. */
  hospitalUnit: '{{meeting.year}}区卫生健康局',
  /** 牵头单位 of 规上工业增加值: a URL just before a tag (an autolink would swallow the escape). */
  industryLead: 'http://x.com\\<b onmouseover=alert(10)>区科工局</b>',
  /** 牵头单位 of 限上零售业零售额: the data's own backslash before a tag. */
  retailLead: '\\<img src=x onerror=alert(9)//>区商务局',
  /** 牵头单位 of 限上住宿业营业额: a javascript: link and a pipe. */
  accommodationLead: '[点我](javascript:alert(11))区商务局|住宿科',
  /** The config's name of 限上批发业销售额 (the return's label stays matched through an alias). */
  wholesaleName: '限上批发业销售额<img src=x onerror=alert(12)>',
} as const;

async function replaceCells(file: string, replacements: ReadonlyArray<readonly [string, string]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  for (const [address, text] of replacements) {
    if (ws.getCell(address).value === null) throw new Error(`${address} is empty in ${file}`);
    ws.getCell(address).value = text;
  }
  await saveWorkbook(wb, file, new Date(Date.UTC(2023, 3, 1)));
}

function replaceInConfig(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`"${from}" not in ${file}`);
  writeFileSync(file, text.replace(from, to));
}

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  cpSync(MINI, OUT, { recursive: true });
  await replaceCells(join(OUT, 'data/2023/2023年重点项目台账.xlsx'), [
    ['B5', HOSTILE.roadProject],
    ['K5', HOSTILE.roadUnit],
    ['B6', HOSTILE.hospitalProject],
    ['K6', HOSTILE.hospitalUnit],
  ]);
  await replaceCells(join(OUT, 'data/2023/2023年目标任务.xlsx'), [
    ['J4', HOSTILE.industryLead],
    ['J6', HOSTILE.retailLead],
    ['J7', HOSTILE.accommodationLead],
  ]);
  replaceInConfig(
    join(OUT, 'tongbao.config.yaml'),
    'name: 限上批发业销售额, aliases: [限额以上批发业销售额]',
    `name: '${HOSTILE.wholesaleName}', aliases: [限上批发业销售额, 限额以上批发业销售额]`,
  );
  console.log(`→ ${OUT}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
