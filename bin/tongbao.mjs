#!/usr/bin/env node
// Runs the bundled CLI (dist/tongbao.js), building it first whenever src/ or the installed
// packages are newer than the last build (npm run setup builds it once).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, root } from './build.mjs';

if (!ensureBuilt()) process.exit(3);
await import(pathToFileURL(join(root, 'dist', 'tongbao.js')).href);
