// The whole command, as a user runs it (`node bin/tongbao.mjs report --quarter Q2`: md + html +
// pdf), against the floor (floor.ts: the same browser printing the finished speech.html once, a
// process of its own) and against round 1's command, in alternating rounds of the same run. Also
// the same command with 100 numbered copies, and with an empty cache (a first run on new data).
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { type ProcessRun, median, ratio, runNode, seconds } from './measure.js';

export interface CommandResult {
  readonly floor: number;
  readonly floorPuppeteer: number;
  readonly ours: number;
  readonly oursCold: number;
  readonly round1?: number;
  readonly copies: number;
  readonly copiesAlone: number;
  readonly rss: number;
}

const REPORT = ['bin/tongbao.mjs', 'report', '--quarter', 'Q2'];

/** A floor program bundled like the CLI, so that it starts as fast as plain node can. */
async function buildFloor(cacheDir: string, name: string): Promise<string> {
  const file = join(cacheDir, `${name}.mjs`);
  await build({
    entryPoints: [`scripts/bench/${name}.ts`],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return file;
}

function attendeesCsv(dir: string, count: number): string {
  const file = join(dir, 'attendees-100.csv');
  const rows = Array.from({ length: count }, (_, i) => `参会人员${i + 1},区直单位${(i % 12) + 1}`);
  writeFileSync(file, `姓名,单位\n${rows.join('\n')}\n`);
  return file;
}

export async function commandBench(runs: number, work: string, cacheDir: string, round1: string | undefined, print: (line: string) => void): Promise<CommandResult> {
  const [floorProgram, puppeteerFloor] = await Promise.all([buildFloor(cacheDir, 'floor'), buildFloor(cacheDir, 'floorPuppeteer')]);
  const out = join(work, 'out');
  const attendees = attendeesCsv(work, 100);
  const html = join(out, '2023-Q2', 'speech.html');
  // A first report on new data: the cache holds only what setup puts there (fonts decoded, the
  // default templates compiled), nothing of the data, the charts or the document's font subsets.
  const prepared = join(work, 'cache-prepared');
  runNode(['dist/prepare.js'], { env: { TONGBAO_CACHE_DIR: prepared } });
  const cold = () => {
    const dir = mkdtempSync(join(work, 'cache-'));
    cpSync(prepared, dir, { recursive: true });
    return { TONGBAO_CACHE_DIR: dir };
  };
  const measures = {
    ours: () => runNode([...REPORT, '--out', out]),
    floor: () => runNode([floorProgram, html, join(work, 'floor.pdf')]),
    floorPuppeteer: () => runNode([puppeteerFloor, html, join(work, 'floor-puppeteer.pdf')]),
    oursCold: () => runNode([...REPORT, '--out', join(work, 'out-cold')], { env: cold() }),
    copies: () => runNode([...REPORT, '--out', join(work, 'out-copies'), '--attendees', attendees]),
    ...(round1 ? { round1: () => runNode(['bin/tongbao.mjs', 'report', '--quarter', 'Q2', '--out', join(work, 'out-round1')], { cwd: round1 }) } : {}),
  };
  mkdirSync(out, { recursive: true });
  // Warm-up: the page the floor prints, the disk cache, tongbao's cache.
  for (const measure of Object.values(measures)) measure();
  const times = new Map<string, ProcessRun[]>(Object.keys(measures).map((name) => [name, []]));
  for (let i = 0; i < runs; i++) for (const [name, measure] of Object.entries(measures)) times.get(name)!.push(measure());
  const wall = (name: string) => median(times.get(name)!.map((t) => t.wall));
  const cpu = (name: string) => median(times.get(name)!.map((t) => t.cpu));
  const rss = (name: string) => Math.max(...times.get(name)!.map((t) => t.rss));
  const line = (label: string, name: string) => print(`  ${label.padEnd(58)} ${seconds(wall(name)).padStart(7)}  CPU ${seconds(cpu(name)).padStart(7)}  peak ${rss(name).toFixed(0).padStart(3)} MB  ${ratio(wall(name), wall('floor'))} floor`);
  print(`whole command — example district, 2023 Q2, md + html + pdf, ${runs} alternating rounds, medians (CPU includes the browser)`);
  line('floor: the same browser printing speech.html once', 'floor');
  line('  the same through puppeteer-core (launch, newPage, goto, pdf)', 'floorPuppeteer');
  line('tongbao report --quarter Q2', 'ours');
  line('  the same on new data (cache as setup leaves it)', 'oursCold');
  line('  the same with 100 numbered copies (--attendees)', 'copies');
  if (round1) line('round 1 (1bf7d6c), its own example, same command', 'round1');
  const copiesAlone = wall('copies') - wall('ours');
  print(`  100 numbered copies on top of the report: ${seconds(copiesAlone)}`);
  return {
    floor: wall('floor'),
    floorPuppeteer: wall('floorPuppeteer'),
    ours: wall('ours'),
    oursCold: wall('oursCold'),
    ...(round1 ? { round1: wall('round1') } : {}),
    copies: wall('copies'),
    copiesAlone,
    rss: rss('ours'),
  };
}
