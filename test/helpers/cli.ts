// Runs the command as a user does: node bin/tongbao.mjs, i.e. the compiled dist/ (built once for
// the whole test run by test/setup/build.ts).
import { spawnSync } from 'node:child_process';

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function tongbao(args: readonly string[], env: NodeJS.ProcessEnv = {}): Run {
  const run = spawnSync(process.execPath, ['bin/tongbao.mjs', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
