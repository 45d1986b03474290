#!/usr/bin/env node
// Bundles src/ into dist/ with esbuild when a source file or the installed packages are newer than
// the last build (dist/.built), so the command loads a few plain JavaScript files instead of a
// graph of hundreds of modules. `npm run setup` runs it once (`node bin/build.mjs`); after that
// bin/tongbao.mjs and the tests only check the stamp (bin/built.mjs). Types are checked by `npm test` (tsc).
//
// The entry chunk holds only the command-line entry: what a command needs is imported from it
// afterwards, as chunks, so that the browser can start before the rest is even parsed.
// Packages that load files next to themselves stay outside the bundle: subset-font, fontverter,
// harfbuzzjs and wawoff2 find their WebAssembly through __dirname, @resvg/resvg-js its native module.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dist, isBuilt, root } from './built.mjs';

export { isBuilt, root };

/** Every file under `dir`, sorted, as paths relative to the project. */
function filesUnder(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(root.length + 1))
    .sort();
}

/**
 * The build's identity: a hash of the sources, the locked packages and this script. Cached values
 * (src/system/cache.ts) are keyed by it, so a changed tongbao never reads what an older one stored.
 */
export function buildId() {
  const hash = createHash('sha256');
  for (const file of [...filesUnder('src'), 'package-lock.json', 'bin/build.mjs']) {
    const path = join(root, file);
    if (existsSync(path)) hash.update(`${file}\0`).update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

/** True when dist/ is up to date (or was just built); false, with the reason on stderr, when not. */
export async function ensureBuilt() {
  return isBuilt() || build();
}

export async function build() {
  let esbuild;
  try {
    esbuild = createRequire(import.meta.url)('esbuild');
  } catch {
    process.stderr.write('错误：缺少编译工具 esbuild：请在项目目录运行 npm run setup（或 npm ci）\n');
    return false;
  }
  // Built beside dist/ and swapped in, so a command started meanwhile never sees half a build.
  const next = `${dist}.${process.pid}.tmp`;
  rmSync(next, { recursive: true, force: true });
  try {
    esbuild.buildSync({ ...bundleOptions({ tongbao: 'src/cli/tongbao.ts', prepare: 'src/cli/prepare.ts' }, next), logLevel: 'error' });
    await buildScripts(esbuild, next);
  } catch (error) {
    rmSync(next, { recursive: true, force: true });
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n错误：编译 src/ 失败，请先修正上面的错误\n`);
    return false;
  }
  // The .xls reader's worker runs as a file of its own (new URL('./xlsWorker.mjs', import.meta.url)).
  copyFileSync(join(root, 'src', 'ingest', 'read', 'xlsWorker.mjs'), join(next, 'xlsWorker.mjs'));
  writeFileSync(join(next, '.built'), '');
  const old = `${dist}.${process.pid}.old`;
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(next, dist);
  rmSync(old, { recursive: true, force: true });
  return true;
}

/** How src/ is bundled into `outdir`: the options of the command's build, for other entries too (the bench's). */
export function bundleOptions(entryPoints, outdir) {
  return {
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunk-[hash]',
    external: ['subset-font', 'fontverter', 'harfbuzzjs', 'wawoff2', '@resvg/resvg-js'],
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: { js: "import { createRequire as __tongbaoRequire } from 'node:module'; const require = __tongbaoRequire(import.meta.url);" },
    define: { __TONGBAO_BUILD__: JSON.stringify(buildId()) },
  };
}

/**
 * Scripts run from the code V8 compiled for them in an earlier run (src/system/compiled.ts), which
 * an ES module cannot be given on Node 20; each is one CommonJS file:
 * - xlsx-reader.cjs, the .xlsx reader (a rebuild after one return changed reads that one file). Its
 *   error classes are the bundle's own (require('tongbao:errors')), so that a DataError it throws is
 *   one to the rest of tongbao.
 * - echarts.cjs, the parts of ECharts the charts use (src/render/html/echartsParts.ts).
 */
export async function buildScripts(esbuild, outdir) {
  const errors = join(root, 'src', 'errors.ts');
  const sharedErrors = {
    name: 'shared-errors',
    setup(build) {
      build.onResolve({ filter: /errors\.js$/ }, (args) => (join(args.resolveDir, args.path).replace(/\.js$/, '.ts') === errors ? { path: 'tongbao:errors', external: true } : undefined));
    },
  };
  const script = (entry, name) =>
    esbuild.build({ absWorkingDir: root, entryPoints: [entry], outfile: join(outdir, name), bundle: true, format: 'cjs', platform: 'node', target: 'node20', plugins: [sharedErrors], logLevel: 'error' });
  await Promise.all([script('src/ingest/read/xlsx.ts', 'xlsx-reader.cjs'), script('src/render/html/echartsParts.ts', 'echarts.cjs')]);
}

/** `node bin/build.mjs` (npm run setup): builds (when out of date), then fills the cache for the first report (src/cli/prepare.ts). */
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!(await ensureBuilt())) process.exit(1);
  const prepared = spawnSync(process.execPath, [join(dist, 'prepare.js')], { stdio: 'inherit' });
  if (prepared.status !== 0) process.exit(1);
}
