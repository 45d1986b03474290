// Incremental reading: the reading stage (ingestData: list, read and parse the data files) in a
// fresh process with an empty cache, against the same after one return changed since the last
// build (the other files come from the cache). Both in fresh processes, so the code is equally cold.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { buildScripts, bundleOptions } from '../../bin/build.mjs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { median, ratio } from './measure.js';

/** The return changed before each rebuild: one the meeting reads. */
const RETURNS = { '2023-03': join('2023', '03', '科工局2023年3月报表.xlsx'), '2022-12': join('2022', '12', '云溪区科技和工业局2022年12月工业月报.xlsx') } as const;

/** reading.ts bundled as the CLI is (bin/build.mjs): packages inside, the readers in chunks of their own, the .xlsx reader a script with its compiled code cached. */
async function bundle(cacheDir: string): Promise<string> {
  const dir = join(cacheDir, 'reading');
  await esbuild.build({ ...bundleOptions({ reading: 'scripts/bench/reading.ts' }, dir), logLevel: 'warning' });
  await buildScripts(esbuild, dir);
  return join(dir, 'reading.js');
}

function readOnce(program: string, data: string, through: string, year: string, cache: string): { ms: number; files: number } {
  const run = spawnSync(process.execPath, [program, 'tongbao.config.yaml', data, through, year], { encoding: 'utf8', env: { ...process.env, TONGBAO_CACHE_DIR: cache } });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as { ms: number; files: number };
}

/**
 * Changes one number of the return to a value it has not had before in this run (its bytes, not
 * its name or size: parts stored, a two-digit number replaced by another), so the cache cannot have it.
 */
function touch(file: string, original: Uint8Array, round: number): void {
  const parts = unzipSync(original);
  const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
  parts['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace(/<v>\d\d\.(\d+)<\/v>/, (_all, rest: string) => `<v>${10 + round}.${rest}</v>`));
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
    const file = join(data, RETURNS[through]);
    const original = new Uint8Array(readFileSync(file));
    const warm = mkdtempSync(join(work, 'cache-'));
    touch(file, original, 0);
    readOnce(program, data, through, year, warm); // the last build
    const cold: number[] = [];
    const rebuild: number[] = [];
    let files = 0;
    for (let i = 1; i <= runs; i++) {
      const first = readOnce(program, data, through, year, mkdtempSync(join(work, 'cache-')));
      cold.push(first.ms);
      files = first.files;
      touch(file, original, i);
      rebuild.push(readOnce(program, data, through, year, warm).ms);
    }
    const result = { files, cold: median(cold), rebuild: median(rebuild) };
    print(`  ${label}, ${files} files: empty cache ${result.cold.toFixed(0)} ms, one return changed ${result.rebuild.toFixed(0)} ms — ${ratio(result.rebuild, result.cold)}`);
    results.push(result);
  }
  return results;
}
