// Run by disk.test.ts inside `unshare -rm` (a private mount namespace, no root needed), with a tiny
// tmpfs mounted at argv[2]: real ENOSPC and EROFS from the kernel. Prints one JSON line of results.
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

const out = process.argv[2]!;
const args = ['report', '--quarter', 'Q2', '--config', 'test/fixtures/mini/tongbao.config.yaml', '--data', 'test/fixtures/mini/data', '--out', out, '--format', 'md'];

async function run(): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((text: string) => ((stderr += text), true)) as typeof process.stderr.write;
  try {
    return { code: await main(args), stderr };
  } finally {
    process.stderr.write = write;
  }
}

function tree(dir: string): Record<string, number> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name)).length]));
}

/** Fills the disk, then frees `keep` bytes: enough for the lock file, not for figures.json. */
function fill(keep: number): void {
  const filler = join(out, 'filler');
  const fd = openSync(filler, 'w');
  const block = Buffer.alloc(4096);
  try {
    for (;;) writeSync(fd, block);
  } catch {
    // ENOSPC: full
  } finally {
    closeSync(fd);
  }
  execFileSync('truncate', ['-s', String(statSync(filler).size - keep), filler]);
}

const previous = await run();
const before = tree(join(out, '2023-Q2'));
fill(16 * 1024);
const full = await run();
const afterFull = { briefing: tree(join(out, '2023-Q2')), out: readdirSync(out).sort() };
rmSync(join(out, 'filler'));
execFileSync('mount', ['-o', 'remount,ro', out]);
const readOnly = await run();
const afterReadOnly = tree(join(out, '2023-Q2'));
process.stdout.write(`${JSON.stringify({ previous, before, full, afterFull, readOnly, afterReadOnly })}\n`);
