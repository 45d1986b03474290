// Replacing the briefing folder's files with a build's new ones, as one transaction. The build
// writes everything into a staging folder beside it; then a journal listing every rename is
// written (atomically), and from that moment the new briefing is committed: the renames run at
// once, synchronously (no signal handler can cut in), and if the process is killed among them the
// next build or check replays the journal. The folder itself is never removed or renamed, so
// nothing the build did not make — other formats, hand edits, the user's own files — is touched.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { onInterrupt } from '../system/interrupt.js';
import { displayPath } from '../system/fsErrors.js';
import { pauseForTestSync } from '../system/testPause.js';
import { type OutputFolder, stagingDir, stagingPrefix } from './folder.js';
import { COPIES_DIR, MANIFEST, type Manifest, manifestJson, sha256 } from './manifest.js';
import type { SwapPlan } from './plan.js';
import { listDir } from '../system/listDir.js';

const JOURNAL = '.journal.json';

type Step = { readonly op: 'aside'; readonly from: string; readonly to: string } | { readonly op: 'remove' | 'put'; readonly path: string };

export interface Staging {
  readonly dir: string;
  /** Removes the staging folder unless its swap was committed (then the next build finishes it). */
  discard(): void;
}

export function createStaging(folder: OutputFolder): Staging {
  const dir = stagingDir(folder);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const discard = () => {
    if (!existsSync(join(dir, JOURNAL))) rmSync(dir, { recursive: true, force: true });
  };
  const forget = onInterrupt(discard);
  return {
    dir,
    discard: () => {
      forget();
      discard();
    },
  };
}

/** The output files in a staging folder, paths inside it with "/", in code-point order. */
export function stagedOutputs(staging: string): string[] {
  const walk = (dir: string, prefix: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .filter((entry) => !entry.name.startsWith('.'))
      .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]));
  return walk(staging, '').sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Writes the manifest and the journal, then moves the new files in. */
export function commitSwap(staging: string, final: string, plan: SwapPlan): void {
  const puts = stagedOutputs(staging);
  writeFileSync(join(staging, MANIFEST), manifestJson(newManifest(staging, final, plan, puts)));
  const steps: Step[] = [
    ...plan.asides.map(({ from, to }) => ({ op: 'aside' as const, from, to })),
    ...plan.removals.map((path) => ({ op: 'remove' as const, path })),
    ...[...puts, MANIFEST].map((path) => ({ op: 'put' as const, path })),
  ];
  writeFileSync(join(staging, `${JOURNAL}.part`), JSON.stringify({ steps }));
  renameSync(join(staging, `${JOURNAL}.part`), join(staging, JOURNAL));
  // Committed.
  mkdirSync(final, { recursive: true });
  runStep(steps[0]!, staging, final);
  pauseForTestSync('swap');
  finishSwap(staging, final);
}

/** Runs (again) every step of a committed journal, then removes the staging folder. Idempotent. */
export function finishSwap(staging: string, final: string): void {
  const { steps } = JSON.parse(readFileSync(join(staging, JOURNAL), 'utf8')) as { steps: Step[] };
  mkdirSync(final, { recursive: true });
  for (const step of steps) runStep(step, staging, final);
  removeIfEmpty(join(final, COPIES_DIR));
  unlinkSync(join(staging, JOURNAL));
  rmSync(staging, { recursive: true, force: true });
}

function runStep(step: Step, staging: string, final: string): void {
  if (step.op === 'aside') {
    // Done once the new name exists (the draft's own name is then taken by the new draft).
    if (existsSync(join(final, step.from)) && !existsSync(join(final, step.to))) renameSync(join(final, step.from), join(final, step.to));
  } else if (step.op === 'remove') {
    rmSync(join(final, step.path), { force: true });
  } else if (existsSync(join(staging, step.path))) {
    mkdirSync(dirname(join(final, step.path)), { recursive: true });
    renameSync(join(staging, step.path), join(final, step.path));
  }
}

function newManifest(staging: string, final: string, plan: SwapPlan, puts: readonly string[]): Manifest {
  const replaced = new Set([...puts, ...plan.asides.map((aside) => aside.from)]);
  const kept = Object.entries(plan.previous?.files ?? {}).filter(([file]) => !replaced.has(file) && existsSync(join(final, file)));
  const written = puts.filter((file) => !file.startsWith(`${COPIES_DIR}/`)).map((file) => [file, sha256(join(staging, file))] as const);
  return { files: Object.fromEntries([...kept, ...written]), ...(plan.copies ? { copies: plan.copies } : {}) };
}

function removeIfEmpty(dir: string): void {
  try {
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  } catch {
    // not there
  }
}

/**
 * Before a build or check (holding the lock): finishes a swap that a killed build committed, and
 * removes staging folders of builds that died before committing. Returns what it did, in Chinese.
 */
export function recoverInterrupted(folder: OutputFolder): string[] {
  const notes: string[] = [];
  for (const entry of listDir(folder.outDir)) {
    const path = join(folder.outDir, entry);
    if (entry.startsWith(stagingPrefix(folder))) {
      if (existsSync(join(path, JOURNAL))) {
        finishSwap(path, folder.dir);
        notes.push(`上一次生成在替换 ${displayPath(folder.dir)} 中的文件时被中断，现已替换完成`);
      } else {
        rmSync(path, { recursive: true, force: true });
      }
    } else if (entry.startsWith(`.${folder.name}.old-`)) {
      // Left by versions that swapped whole folders: the previous briefing, renamed away.
      if (existsSync(folder.dir)) rmSync(path, { recursive: true, force: true });
      else {
        renameSync(path, folder.dir);
        notes.push(`上一次生成在替换 ${displayPath(folder.dir)} 时被中断，已恢复此前的完整输出`);
      }
    }
  }
  // check.md is written through a temporary file of the checking process (see writeCheckMarkdown).
  for (const entry of listDir(folder.dir)) if (/^\.check\.md\.\d+$/.test(entry)) rmSync(join(folder.dir, entry), { force: true });
  return notes;
}

