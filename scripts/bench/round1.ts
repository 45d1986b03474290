// The command as it was at the end of round 1 (commit 1bf7d6c, the state the speed issue measured
// as 2.1× the floor), built once from git into node_modules/.cache/tongbao/bench/ and run there on
// its own example data and templates, so that "≤ 0.5× of itself" is measured in the same run.
// Its packages resolve from this project's node_modules (round 1's dependencies are a subset).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROUND1_COMMIT = '1bf7d6c';

/** Where round 1 is built, or undefined (with the reason) when git or the commit is not there. */
export function prepareRound1(cacheDir: string): { dir?: string; why?: string } {
  const dir = join(cacheDir, `round1-${ROUND1_COMMIT}`);
  if (existsSync(join(dir, 'dist', '.built'))) return { dir };
  const has = spawnSync('git', ['cat-file', '-e', `${ROUND1_COMMIT}^{commit}`], { stdio: 'ignore' });
  if (has.status !== 0) return { why: `git commit ${ROUND1_COMMIT} is not in this clone (shallow?)` };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = spawnSync('git', ['archive', '--format=tar', ROUND1_COMMIT, 'bin', 'src', 'templates', 'data', 'tongbao.config.yaml', 'tsconfig.json', 'tsconfig.build.json', 'package.json'], { maxBuffer: 1 << 30 });
  if (archive.status !== 0) return { why: `git archive failed: ${archive.stderr.toString()}` };
  const untar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (untar.status !== 0) return { why: `tar failed: ${untar.stderr.toString()}` };
  const tsc = spawnSync(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.build.json')], { encoding: 'utf8' });
  if (tsc.status !== 0) return { why: `round 1 did not compile: ${tsc.stdout}${tsc.stderr}` };
  writeFileSync(join(dir, 'dist', '.built'), '');
  return { dir };
}
