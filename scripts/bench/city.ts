// City scale: 15 districts in districts/<name>/, each a copy of the example data (161 files) under a
// district name of its own, checked cold (empty cache) for the 2023 Q1 meeting, which reads the
// whole of 2022 and both years' targets: 110 files a district, 1,650 in all. Once as 15 processes
// one after another, once as one `check --district 全部`.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runNode, seconds } from './measure.js';

export const DISTRICTS = 15;
const CHECK = [resolve('bin/tongbao.mjs'), 'check', '--quarter', 'Q1', '--year', '2023'];

/** <city>/districts/第n区/ with the example's data and a config naming the district 第n区 (alias 云溪区, as the city table says). */
function makeCity(city: string): string[] {
  const config = readFileSync('tongbao.config.yaml', 'utf8');
  if (!/^ {2}name: 云溪区\n {2}kind: 区\n {2}aliases: \[云溪\]$/m.test(config)) throw new Error('tongbao.config.yaml: district block not as the bench expects');
  return Array.from({ length: DISTRICTS }, (_, i) => {
    const name = `第${i + 1}区`;
    const dir = join(city, 'districts', name);
    mkdirSync(dir, { recursive: true });
    cpSync('data', join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'tongbao.config.yaml'), config.replace(/^ {2}name: 云溪区$/m, `  name: ${name}`).replace(/^ {2}aliases: \[云溪\]$/m, '  aliases: [云溪区, 云溪]'));
    return name;
  });
}

export interface CityResult {
  readonly processes: { readonly wall: number; readonly rss: number };
  readonly oneProcess: { readonly wall: number; readonly rss: number };
}

export function cityBench(work: string, print: (line: string) => void): CityResult {
  const city = join(work, 'city');
  const names = makeCity(city);
  const cold = () => ({ TONGBAO_CACHE_DIR: mkdtempSync(join(work, 'cache-')) });
  const runs = names.map((name) => runNode([...CHECK, '--district', name], { cwd: city, env: cold() }));
  const processes = { wall: runs.reduce((sum, run) => sum + run.wall, 0), rss: Math.max(...runs.map((run) => run.rss)) };
  const one = runNode([...CHECK, '--district', '全部'], { cwd: city, env: cold() });
  const oneProcess = { wall: one.wall, rss: one.rss };
  print(`city — ${DISTRICTS} districts × 161 files (the example), check for the 2023 Q1 meeting (110 files read each), empty cache`);
  print(`  one process per district, one after another: ${seconds(processes.wall)} in all, ${seconds(processes.wall / DISTRICTS)} a district, peak ${processes.rss.toFixed(0)} MB`);
  print(`  one process (check --district 全部):          ${seconds(oneProcess.wall)} in all, ${seconds(oneProcess.wall / DISTRICTS)} a district, peak ${oneProcess.rss.toFixed(0)} MB`);
  return { processes, oneProcess };
}
