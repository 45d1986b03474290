// Files of the tongbao project itself (package.json, the JSON Schema, the default templates), found
// from wherever the code runs: src/… as TypeScript, or dist/ as the bundle (one level down).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The project's folder: the nearest one above this code that holds a package.json. */
export function projectRoot(): string {
  if (root === undefined) {
    let dir = dirname(fileURLToPath(import.meta.url));
    while (!existsSync(join(dir, 'package.json')) && dir !== dirname(dir)) dir = dirname(dir);
    root = dir;
  }
  return root;
}

export function projectFile(...parts: readonly string[]): string {
  return join(projectRoot(), ...parts);
}
