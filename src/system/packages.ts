// Installed npm packages: their versions name what is derived from them in cache keys.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const versions = new Map<string, string>();

/** The installed version of `pkg` ("" when it cannot be found: nothing is then cached under it twice alike). */
export function packageVersion(pkg: string): string {
  let version = versions.get(pkg);
  if (version === undefined) {
    try {
      const file = createRequire(import.meta.url).resolve(`${pkg}/package.json`);
      version = (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    } catch {
      version = '';
    }
    versions.set(pkg, version);
  }
  return version;
}
