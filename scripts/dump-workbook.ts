// Prints every non-empty cell of a workbook's visible sheets with its address, for writing tests by hand:
//   npx tsx scripts/dump-workbook.ts data/2023/03/科工局2023年3月报表.xlsx
import { readWorkbook } from '../src/ingest/read/workbook.js';

async function dump(path: string): Promise<void> {
  const workbook = await readWorkbook(path, path);
  for (const sheet of workbook.sheets) {
    console.log(`## ${sheet.name}`);
    for (const row of sheet.rows) {
      const cells = row.filter((cell) => cell.value !== null);
      const shown = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
      if (cells.length > 0) console.log(cells.map((cell) => `${cell.address}=${shown(cell.value)}`).join(' | '));
    }
  }
}

for (const path of process.argv.slice(2)) await dump(path);
