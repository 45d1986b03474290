// Runs the command as a user does: node bin/tongbao.mjs, i.e. the compiled dist/ (built once for
// the whole test run by test/setup/build.ts).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The built command with `args`; `cwd` is the folder it runs in (the project by default). */
export function tongbao(args: readonly string[], env: NodeJS.ProcessEnv = {}, cwd?: string): Run {
  const run = spawnSync(process.execPath, [resolve('bin/tongbao.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, ...env }, cwd });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
