// Whether dist/ is up to date: bin/tongbao.mjs asks on every run, before anything else is loaded.
// Only node:fs and node:path here, so that the browser the command starts first is not held up by
// the build's own modules (bin/build.mjs is loaded only when dist/ has to be built again).
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const dist = join(root, 'dist');
export const stamp = join(dist, '.built');

/** Files whose change means dist/ must be built again (besides src/). */
function inputs() {
  return [join(root, 'package-lock.json'), join(root, 'node_modules', '.package-lock.json'), join(root, 'bin', 'build.mjs')];
}

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function mtime(path) {
  return statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;
}

export function isBuilt() {
  const built = mtime(stamp);
  return built > 0 && newest(join(root, 'src')) <= built && inputs().every((file) => mtime(file) <= built);
}
