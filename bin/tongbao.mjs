#!/usr/bin/env node
// Runs the compiled CLI (plain node starts faster than a TypeScript loader), compiling src/ first
// whenever a source file is newer than the last build.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.built');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const built = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (newest(join(root, 'src')) > built) {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('错误：编译 src/ 失败，请先修正上面的类型错误\n');
    process.exit(3);
  }
  writeFileSync(stamp, '');
}
await import(pathToFileURL(join(root, 'dist', 'cli', 'tongbao.js')).href);
