// `node dist/prepare.js`, run once by `npm run setup` after the build (bin/build.mjs): puts in the
// cache what the first report would otherwise have to make — the 楷体 font decoded from its woff2
// (≈1 s), the web page's body face decoded slice by slice, and the default templates compiled — so
// that a fresh clone's first run is as fast as any.
import { KAI, SLICED_FACES } from '../render/fonts/fonts.js';
import { plainFont, preparePlainSlices } from '../render/fonts/subset.js';
import { loadTemplates, precompileTemplates } from '../render/markdown/speech.js';
import { settleCacheWrites } from '../system/cache.js';
import { projectFile } from '../system/project.js';

await plainFont(KAI);
await preparePlainSlices(SLICED_FACES[0]!);
precompileTemplates(loadTemplates(projectFile('templates', 'speech')));
await settleCacheWrites();
