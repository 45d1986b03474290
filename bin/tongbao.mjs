#!/usr/bin/env node
// Runs the bundled CLI (dist/tongbao.js), building it first whenever src/ or the installed
// packages are newer than the last build (npm run setup builds it once).
import module from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isBuilt, root } from './built.mjs';

if (!isBuilt() && !(await (await import('./build.mjs')).build())) process.exit(3);
// Node 22 and later keep the compiled code of the bundle between runs (Node 20 has no such cache).
module.enableCompileCache?.(join(process.env.TONGBAO_CACHE_DIR || join(root, 'node_modules', '.cache', 'tongbao'), 'v8'));
await import(pathToFileURL(join(root, 'dist', 'tongbao.js')).href);
