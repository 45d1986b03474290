// Prints every non-empty cell of a workbook's visible sheets with its address, for writing tests by hand:
//   npx tsx scripts/dump-workbook.ts data/2023/03/科工局2023年3月报表.xlsx
// Cells that cannot be read (a formula without a saved result …) are shown with why; a file that
// cannot be read at all is one Chinese line, as the CLI prints it.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../src/errors.js';
import type { Cell, Workbook } from '../src/ingest/read/workbook.js';
import { readWorkbook } from '../src/ingest/read/file.js';

export function dumpWorkbook(workbook: Workbook): string[] {
  const lines: string[] = [];
  for (const sheet of workbook.sheets) {
    lines.push(`## ${sheet.name}`);
    for (const row of sheet.rows) {
      const cells = row.filter((cell) => cell.value !== null || cell.problem !== undefined || cell.error !== undefined);
      if (cells.length > 0) lines.push(cells.map((cell) => `${cell.address}=${shown(cell)}`).join(' | '));
    }
  }
  return lines;
}

function shown(cell: Cell): string {
  if (cell.problem !== undefined) return `〔无法读取：${cell.problem}〕`;
  if (cell.error !== undefined) return cell.error;
  return cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : String(cell.value);
}

async function main(paths: readonly string[]): Promise<number> {
  if (paths.length === 0) {
    process.stderr.write('用法：npx tsx scripts/dump-workbook.ts <文件> [更多文件]\n');
    return 2;
  }
  for (const path of paths) {
    try {
      process.stdout.write(`${dumpWorkbook(await readWorkbook(path, path)).join('\n')}\n`);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      process.stderr.write(`错误：${error.describe()}\n`);
      return 1;
    }
  }
  return 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) process.exitCode = await main(process.argv.slice(2));
