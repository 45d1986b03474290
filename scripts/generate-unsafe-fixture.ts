// Writes test/fixtures/issue-6-unsafe-text/: the mini fixture with markup in texts that reach the
// documents — a project name and a 牵头单位 — to test that every output shows them as text.
//
//   npx tsx scripts/generate-unsafe-fixture.ts
//
// Deterministic: the altered workbooks are saved with saveWorkbook's fixed dates and zip times.
import { cpSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { saveWorkbook } from './example-data/xlsx.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MINI = join(ROOT, 'test/fixtures/mini');
const OUT = join(ROOT, 'test/fixtures/issue-6-unsafe-text');

export const UNSAFE_PROJECT = '临江路线迁移改造<img src=x onerror=alert(1)>项目';
export const UNSAFE_LEAD = '区商务局<script>alert(2)</script>';

async function replaceText(file: string, from: string, to: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  let found = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === from) (cell.value = to), found++;
      }),
    ),
  );
  if (found === 0) throw new Error(`"${from}" not found in ${file}`);
  await saveWorkbook(wb, file, new Date(Date.UTC(2023, 3, 1)));
}

rmSync(OUT, { recursive: true, force: true });
cpSync(MINI, OUT, { recursive: true });
await replaceText(join(OUT, 'data/2023/2023年重点项目台账.xlsx'), '临江路线迁移改造项目', UNSAFE_PROJECT);
await replaceText(join(OUT, 'data/2023/2023年目标任务.xlsx'), '区商务局', UNSAFE_LEAD);
console.log(`→ ${OUT}`);
