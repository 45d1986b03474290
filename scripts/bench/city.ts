// City scale: 15 districts, each a copy of the example data (161 files) under its own district name,
// checked cold (empty cache) for the 2023 Q1 meeting, which reads the whole of 2022 and both years'
// targets: 110 files a district, 1,650 in all.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runNode, seconds } from './measure.js';

export const DISTRICTS = 15;
const MEETING = ['--quarter', 'Q1', '--year', '2023'];

export interface District {
  readonly name: string;
  readonly config: string;
  readonly data: string;
  readonly out: string;
}

/** districts/<n>/ with the example's data and a config naming the district 第n区 (alias 云溪区, as the city table says). */
export function makeCity(work: string): District[] {
  const config = readFileSync('tongbao.config.yaml', 'utf8');
  if (!/^ {2}name: 云溪区\n {2}kind: 区\n {2}aliases: \[云溪\]$/m.test(config)) throw new Error('tongbao.config.yaml: district block not as the bench expects');
  return Array.from({ length: DISTRICTS }, (_, i) => {
    const name = `第${i + 1}区`;
    const dir = join(work, 'districts', name);
    mkdirSync(dir, { recursive: true });
    cpSync('data', join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'tongbao.config.yaml'), config.replace(/^ {2}name: 云溪区$/m, `  name: ${name}`).replace(/^ {2}aliases: \[云溪\]$/m, '  aliases: [云溪区, 云溪]'));
    return { name, config: join(dir, 'tongbao.config.yaml'), data: join(dir, 'data'), out: join(dir, 'out') };
  });
}

export interface CityResult {
  readonly processes: { readonly wall: number; readonly rss: number };
  readonly oneProcess?: { readonly wall: number; readonly rss: number };
}

export function cityBench(work: string, print: (line: string) => void): CityResult {
  const districts = makeCity(work);
  const cold = () => ({ TONGBAO_CACHE_DIR: mkdtempSync(join(work, 'cache-')) });
  const start = performance.now();
  let rss = 0;
  for (const d of districts) {
    const run = runNode(['bin/tongbao.mjs', 'check', ...MEETING, '--config', d.config, '--data', d.data, '--out', d.out], { env: cold() });
    rss = Math.max(rss, run.rss);
  }
  const processes = { wall: performance.now() - start, rss };
  print(`city — ${DISTRICTS} districts × 161 files (the example), check for the 2023 Q1 meeting (110 files read each), empty cache`);
  print(`  one process per district, one after another: ${seconds(processes.wall)} in all, ${seconds(processes.wall / DISTRICTS)} a district, peak ${rss.toFixed(0)} MB`);
  return { processes };
}
