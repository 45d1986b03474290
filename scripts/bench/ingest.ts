// Ingest: our .xlsx reader against the unzip + SAX floor, per file, on every example return.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { parseWorkbook } from '../../src/ingest/read/file.js';
import { median } from './measure.js';

const SAX_OPTIONS = { position: false } as const;
const noop = () => {};
const READ_PARTS = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/;
const SHEET_PARTS = /^xl\/worksheets\/[^/]+\.xml$/;

/** The floor: fflate unzips the whole file, saxes parses the parts `parts` matches, with no work. */
function floor(bytes: Uint8Array, parts: RegExp): void {
  const entries = unzipSync(bytes);
  for (const name of Object.keys(entries)) {
    if (!parts.test(name)) continue;
    const parser = new SaxesParser(SAX_OPTIONS);
    parser.on('opentag', noop);
    parser.on('closetag', noop);
    parser.on('text', noop);
    parser.write(strFromU8(entries[name]!)).close();
  }
}

function exampleReturns(): string[] {
  return (readdirSync('data', { recursive: true }) as string[]).filter((f) => f.endsWith('.xlsx')).map((f) => join('data', f)).sort();
}

export interface IngestResult {
  readonly files: number;
  readonly ours: number;
  /** Median over files of (ours ÷ floor over the parts we read). */
  readonly medianRatio: number;
  readonly worstRatio: number;
}

export async function ingestBench(runs: number, print: (line: string) => void): Promise<IngestResult> {
  const files = exampleReturns().map((path) => ({ path, bytes: new Uint8Array(readFileSync(path)) }));
  const times = files.map(() => ({ ours: [] as number[], parts: [] as number[], sheets: [] as number[] }));
  for (let run = -3; run < runs; run++) {
    for (const [i, { path, bytes }] of files.entries()) {
      const t0 = performance.now();
      await parseWorkbook(bytes, path);
      const t1 = performance.now();
      floor(bytes, READ_PARTS);
      const t2 = performance.now();
      floor(bytes, SHEET_PARTS);
      const t3 = performance.now();
      if (run < 0) continue; // warm-up
      times[i]!.ours.push(t1 - t0);
      times[i]!.parts.push(t2 - t1);
      times[i]!.sheets.push(t3 - t2);
    }
  }
  const rows = files.map(({ path }, i) => {
    const t = times[i]!;
    return { path, ours: median(t.ours), parts: median(t.parts), sheets: median(t.sheets) };
  });
  const ratios = (key: 'parts' | 'sheets') => rows.map((r) => r.ours / r[key]).sort((a, b) => a - b);
  const summary = (values: number[]) => `median ${median(values).toFixed(2)}×, 90th percentile ${values[Math.floor(values.length * 0.9)]!.toFixed(2)}×, worst ${values[values.length - 1]!.toFixed(2)}×`;
  const perFile = (key: 'ours' | 'parts' | 'sheets') => median(rows.map((r) => r[key])).toFixed(3);
  print(`ingest — ${files.length} example .xlsx files in data/, ${runs} runs, medians per file`);
  print(`  our reader (bytes → Workbook)                              ${perFile('ours')} ms/file`);
  print(`  floor: fflate unzipSync + saxes over the parts we read      ${perFile('parts')} ms/file`);
  print(`  floor: fflate unzipSync + saxes over the worksheets alone   ${perFile('sheets')} ms/file`);
  print(`  ratio to the parts floor, per file:      ${summary(ratios('parts'))}`);
  print(`  ratio to the worksheets floor, per file: ${summary(ratios('sheets'))}`);
  const worst = [...rows].sort((a, b) => b.ours / b.sheets - a.ours / a.sheets).slice(0, process.env.BENCH_VERBOSE ? rows.length : 3);
  for (const r of worst) print(`    ${r.path}: ${r.ours.toFixed(3)} ms vs ${r.parts.toFixed(3)} / ${r.sheets.toFixed(3)} ms (${(r.ours / r.parts).toFixed(2)}× / ${(r.ours / r.sheets).toFixed(2)}×)`);
  const parts = ratios('parts');
  return { files: files.length, ours: Number(perFile('ours')), medianRatio: median(parts), worstRatio: parts[parts.length - 1]! };
}
