// npm run bench: times the example district's Q2 build (md + html + pdf) in-process and as a whole
// command, against baselines measured in the same run. Prints medians; never asserts anything.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { buildReport } from '../src/build.js';
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

/** Baseline: exceljs alone loading the same 2023 Q1 files the build reads. */
async function rawExcelLoad(): Promise<number> {
  const files = spawnSync('bash', ['-c', 'ls data/2023/0[123]/*.xlsx data/2023/*.xlsx'], { encoding: 'utf8' }).stdout.trim().split('\n');
  const start = performance.now();
  for (const file of files) await new ExcelJS.Workbook().xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return performance.now() - start;
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

const builds: Awaited<ReturnType<typeof timedBuild>>[] = [];
const excel: number[] = [];
const chromium: number[] = [];
const commands: number[] = [];
await timedBuild(); // warm-up: module imports and disk cache
for (let i = 0; i < RUNS; i++) {
  builds.push(await timedBuild());
  excel.push(await rawExcelLoad());
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
console.log(`  exceljs load of the same returns   ${ms(median(excel))}`);
console.log(`  bare browser launch + one print of the same page   ${ms(median(chromium))}`);
console.log(`ratio: in-process build / bare Chromium print = ${(total / median(chromium)).toFixed(2)}`);
rmSync(out, { recursive: true, force: true });
