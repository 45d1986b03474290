// Before any test: dist/ is bundled once, so tests that run the built command (node
// bin/tongbao.mjs) never compile it themselves, several at a time.
import { ensureBuilt } from '../../bin/build.mjs';

export default function setup(): void {
  if (!ensureBuilt()) throw new Error('esbuild failed to build dist/');
}
