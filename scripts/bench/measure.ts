// Small tools for the bench: medians, formatting, and whole processes timed with their CPU and
// peak memory (children included, as the shell's `time` counts them).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

export interface ProcessRun {
  /** Wall time from spawn to exit, ms. */
  readonly wall: number;
  /** CPU of the process and every child it waited for (the browser too), ms; NaN where /proc is missing. */
  readonly cpu: number;
  /** Peak resident memory of the node process itself, MB. */
  readonly rss: number;
}

const RSS_HOOK = fileURLToPath(new URL('./rss.mjs', import.meta.url));
const CLOCK_TICKS_PER_S = 100;

/** User + system CPU of the children this process has waited for (Linux /proc), in ms. */
function childrenCpu(): number {
  if (!existsSync('/proc/self/stat')) return Number.NaN;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS_PER_S;
}

/** Runs `node <args>` in `cwd`, failing loudly on a non-zero exit (unless `codes` allows it). */
export function runNode(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; codes?: readonly number[] } = {}): ProcessRun {
  const rssFile = resolve(options.cwd ?? '.', `.bench-rss-${process.pid}`);
  const cpuBefore = childrenCpu();
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--import', RSS_HOOK, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    env: { ...process.env, ...options.env, BENCH_RSS_FILE: rssFile },
  });
  const wall = performance.now() - start;
  const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : Number.NaN;
  rmSync(rssFile, { force: true });
  if (!(options.codes ?? [0]).includes(run.status ?? -1)) throw new Error(`node ${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
  return { wall, cpu: childrenCpu() - cpuBefore, rss };
}
