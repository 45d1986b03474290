#!/usr/bin/env node
// Runs the compiled CLI (plain node starts faster than a TypeScript loader), compiling src/ first
// whenever a source file is newer than the last build.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, root } from './build.mjs';

if (!ensureBuilt()) {
  process.stderr.write('错误：编译 src/ 失败，请先修正上面的类型错误\n');
  process.exit(3);
}
await import(pathToFileURL(join(root, 'dist', 'cli', 'tongbao.js')).href);
