// npm run bench: times reading every example return (bytes → Workbook) against the unzip + SAX
// floor, then the example district's Q2 build (md + html + pdf) in-process and as a whole command,
// against baselines measured in the same run. Prints medians; never asserts anything.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { buildReport } from '../src/build.js';
import { parseWorkbook } from '../src/ingest/read/workbook.js';
import { startPrinter } from '../src/render/pdf/print.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const out = mkdtempSync(join(tmpdir(), 'tongbao-bench-'));

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;

/** One in-process build; returns the time spent in each stage, keyed by the stage's log line. */
async function timedBuild(): Promise<{ stages: Map<string, number>; total: number; files: readonly string[] }> {
  const marks: [string, number][] = [];
  const start = performance.now();
  const result = await buildReport({
    configFile: 'tongbao.config.yaml',
    dataDir: 'data',
    outDir: out,
    templateDir: 'templates/speech',
    meeting: { year: 2023, quarter: 2 },
    formats: new Set(['md', 'html', 'pdf']),
    log: (message) => marks.push([message.replace(/[：:].*$/, ''), performance.now()]),
  });
  const end = performance.now();
  const stages = new Map<string, number>();
  marks.forEach(([name, at], i) => stages.set(name, (marks[i + 1]?.[1] ?? end) - at));
  return { stages, total: end - start, files: result.computed.figures.length ? readFiles(out) : [] };
}

function readFiles(dir: string): string[] {
  return spawnSync('ls', [join(dir, '2023-Q2')], { encoding: 'utf8' }).stdout.trim().split('\n');
}

/** Baseline: a browser launch and one print of the page just built (same fonts), nothing else. */
async function bareChromiumPrint(): Promise<number> {
  const html = readFileSync(join(out, '2023-Q2', 'speech.html'), 'utf8');
  const dir = mkdtempSync(join(out, 'baseline-'));
  const start = performance.now();
  const printer = startPrinter();
  await printer.print(dir, 'baseline.pdf', html, { date: new Date(0) });
  await printer.close();
  return performance.now() - start;
}

function wholeCommand(): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/tongbao.ts', 'report', '--quarter', 'Q2', '--out', out], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return performance.now() - start;
}

// ---- Ingest: our reader vs the floor, per file, in the same run -------------------------------

const INGEST_RUNS = Number(process.env.BENCH_INGEST_RUNS ?? 21);
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

async function ingestBench(): Promise<void> {
  const files = exampleReturns().map((path) => ({ path, bytes: new Uint8Array(readFileSync(path)) }));
  const times = files.map(() => ({ ours: [] as number[], parts: [] as number[], sheets: [] as number[] }));
  for (let run = -3; run < INGEST_RUNS; run++) {
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
  console.log(`ingest — ${files.length} example .xlsx files in data/, ${INGEST_RUNS} runs, medians per file`);
  console.log(`  our reader (bytes → Workbook)                              ${perFile('ours')} ms/file`);
  console.log(`  floor: fflate unzipSync + saxes over the parts we read      ${perFile('parts')} ms/file`);
  console.log(`  floor: fflate unzipSync + saxes over the worksheets alone   ${perFile('sheets')} ms/file`);
  console.log(`  ratio to the parts floor, per file:      ${summary(ratios('parts'))}`);
  console.log(`  ratio to the worksheets floor, per file: ${summary(ratios('sheets'))}`);
  const worst = [...rows].sort((a, b) => b.ours / b.sheets - a.ours / a.sheets).slice(0, process.env.BENCH_VERBOSE ? rows.length : 3);
  for (const r of worst) console.log(`    ${r.path}: ${r.ours.toFixed(3)} ms vs ${r.parts.toFixed(3)} / ${r.sheets.toFixed(3)} ms (${(r.ours / r.parts).toFixed(2)}× / ${(r.ours / r.sheets).toFixed(2)}×)`);
}

await ingestBench();
if (process.env.BENCH_INGEST_ONLY) process.exit(0);

// ---- The whole build ---------------------------------------------------------------------------

const builds: Awaited<ReturnType<typeof timedBuild>>[] = [];
const chromium: number[] = [];
const commands: number[] = [];
await timedBuild(); // warm-up: module imports and disk cache
for (let i = 0; i < RUNS; i++) {
  builds.push(await timedBuild());
  chromium.push(await bareChromiumPrint());
  commands.push(wholeCommand());
}

const total = median(builds.map((b) => b.total));
console.log(`tongbao bench — example district, 2023 Q2 (md + html + pdf), ${RUNS} runs, medians`);
console.log(`  outputs: ${builds[0]!.files.join(', ')}`);
for (const stage of builds[0]!.stages.keys()) console.log(`  ${stage}${' '.repeat(Math.max(1, 22 - 2 * stage.length))}${ms(median(builds.map((b) => b.stages.get(stage) ?? 0)))}`);
console.log(`  in-process build      ${ms(total)}`);
console.log(`  whole command (node)  ${ms(median(commands))}`);
console.log('baselines in the same run:');
console.log(`  bare browser launch + one print of the same page   ${ms(median(chromium))}`);
console.log(`ratio: in-process build / bare Chromium print = ${(total / median(chromium)).toFixed(2)}`);
rmSync(out, { recursive: true, force: true });
