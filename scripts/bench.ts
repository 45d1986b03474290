// npm run bench: every target of the speed issue (12), each measured against its baseline in the
// same run, medians of whole processes where the issue speaks of commands. Prints; asserts nothing.
//   BENCH_RUNS (5)         rounds of the whole command
//   BENCH_INGEST_RUNS (21) passes over the example returns for the reader
//   BENCH_INCREMENTAL_RUNS (11) pairs of reading stages (each a process of 20–100 ms: a few more
//                          of them steady a ratio that one busy moment of the machine would move)
//   BENCH_ONLY=ingest,command,incremental,city   run some sections only
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cityBench } from './bench/city.js';
import { commandBench } from './bench/command.js';
import { incrementalBench } from './bench/incremental.js';
import { ingestBench } from './bench/ingest.js';
import { prepareRound1, ROUND1_COMMIT } from './bench/round1.js';
import { ratio, seconds } from './bench/measure.js';
import { ensureBuilt } from '../bin/build.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const INGEST_RUNS = Number(process.env.BENCH_INGEST_RUNS ?? 21);
const INCREMENTAL_RUNS = Number(process.env.BENCH_INCREMENTAL_RUNS ?? 11);
const only = new Set((process.env.BENCH_ONLY ?? 'ingest,command,incremental,city').split(','));
const cacheDir = join('node_modules', '.cache', 'tongbao', 'bench');
mkdirSync(cacheDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'tongbao-bench-'));
const print = (line: string) => console.log(line);
const summary: string[] = [];
const target = (what: string, value: string, goal: string, met: boolean) => summary.push(`  ${met ? '✓' : '✗'} ${what.padEnd(52)} ${value.padEnd(26)} target ${goal}`);

if (!(await ensureBuilt())) throw new Error('dist/ could not be built');
const started = performance.now();
print(`tongbao bench — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}, Node ${process.version}`);
try {
  if (only.has('ingest')) {
    const ingest = await ingestBench(INGEST_RUNS, print);
    target('ingest per file ÷ unzip+SAX floor (median, worst)', `${ingest.medianRatio.toFixed(2)}×, ${ingest.worstRatio.toFixed(2)}×`, '≤ 3×', ingest.worstRatio <= 3);
  }
  if (only.has('command')) {
    const round1 = prepareRound1(cacheDir);
    if (round1.why) print(`round 1 not measured: ${round1.why}`);
    const command = await commandBench(RUNS, work, cacheDir, round1.dir, print);
    target('whole command ÷ floor', ratio(command.ours, command.floor), '≤ 1.3×', command.ours <= 1.3 * command.floor);
    target('whole command ÷ floor through puppeteer (reference)', ratio(command.ours, command.floorPuppeteer), '≤ 1.3×', command.ours <= 1.3 * command.floorPuppeteer);
    target('whole command on new data ÷ floor', ratio(command.oursCold, command.floor), '≤ 1.3×', command.oursCold <= 1.3 * command.floor);
    if (command.round1 !== undefined) target(`whole command ÷ itself in round 1 (${ROUND1_COMMIT})`, ratio(command.ours, command.round1), '≤ 0.5×', command.ours <= 0.5 * command.round1);
    target('100 numbered copies on top of the report', seconds(command.copiesAlone), '≤ 1 s', command.copiesAlone <= 1000);
  }
  if (only.has('incremental')) {
    const [q2] = await incrementalBench(INCREMENTAL_RUNS, work, cacheDir, print);
    target(`reading stage after one changed return ÷ cold (${q2!.files} files)`, ratio(q2!.rebuild, q2!.cold), '≤ 0.3×', q2!.rebuild <= 0.3 * q2!.cold);
  }
  if (only.has('city')) {
    const city = cityBench(work, print);
    for (const [how, run] of [['one process', city.oneProcess], ['15 processes', city.processes]] as const) {
      target(`city: 15 districts checked cold (${how})`, `${seconds(run.wall)}, peak ${run.rss.toFixed(0)} MB`, '≤ 10 s, ≤ 400 MB', run.wall <= 10_000 && run.rss <= 400);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
print(`targets (bench took ${seconds(performance.now() - started)}, load average now ${loadavg()[0]!.toFixed(1)}):`);
for (const line of summary) print(line);
