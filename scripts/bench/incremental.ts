// Incremental reading: the reading stage (ingestData: list, read and parse the data files) in a
// fresh process with an empty cache, against the same after one return changed since the last
// build (the other files come from the cache). Both in fresh processes, so the code is equally cold.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { median, ratio } from './measure.js';

const RETURN = join('2023', '03', '科工局2023年3月报表.xlsx');

async function bundle(cacheDir: string): Promise<string> {
  const file = join(cacheDir, 'reading.mjs');
  await build({ entryPoints: ['scripts/bench/reading.ts'], outfile: file, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  return file;
}

function readOnce(program: string, data: string, through: string, year: string, cache: string): { ms: number; files: number } {
  const run = spawnSync(process.execPath, [program, 'tongbao.config.yaml', data, through, year], { encoding: 'utf8', env: { ...process.env, TONGBAO_CACHE_DIR: cache } });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as { ms: number; files: number };
}

/** Changes one number of the return (its bytes, not its name or size: parts stored, digits swapped). */
function touch(file: string, round: number): void {
  const parts = unzipSync(readFileSync(file));
  const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
  parts['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace(/<v>(\d)(\d)\.(\d+)<\/v>/, (_all, a: string, b: string, rest: string) => (round % 2 ? `<v>${b}${a}.${rest}</v>` : `<v>${a}${b}.${rest}</v>`)));
  writeFileSync(file, zipSync(parts, { level: 0 }));
}

export interface IncrementalResult {
  readonly files: number;
  readonly cold: number;
  readonly rebuild: number;
}

export async function incrementalBench(runs: number, work: string, cacheDir: string, print: (line: string) => void): Promise<IncrementalResult[]> {
  const program = await bundle(cacheDir);
  const data = join(work, 'incremental', 'data');
  mkdirSync(data, { recursive: true });
  cpSync('data', data, { recursive: true });
  const results: IncrementalResult[] = [];
  print(`incremental — the reading stage in a fresh process, ${runs} runs, medians`);
  for (const [label, through, year] of [['2023 Q2 meeting (the example briefing)', '2023-03', '2023'], ['2023 Q1 meeting (all of 2022)', '2022-12', '2023']] as const) {
    const warm = mkdtempSync(join(work, 'cache-'));
    touch(join(data, RETURN), 0);
    readOnce(program, data, through, year, warm); // the last build
    const cold: number[] = [];
    const rebuild: number[] = [];
    let files = 0;
    for (let i = 1; i <= runs; i++) {
      const first = readOnce(program, data, through, year, mkdtempSync(join(work, 'cache-')));
      cold.push(first.ms);
      files = first.files;
      touch(join(data, RETURN), i);
      rebuild.push(readOnce(program, data, through, year, warm).ms);
    }
    const result = { files, cold: median(cold), rebuild: median(rebuild) };
    print(`  ${label}, ${files} files: empty cache ${result.cold.toFixed(0)} ms, one return changed ${result.rebuild.toFixed(0)} ms — ${ratio(result.rebuild, result.cold)}`);
    results.push(result);
  }
  return results;
}
