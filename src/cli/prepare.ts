// `node dist/prepare.js`, run once by `npm run setup` after the build (bin/build.mjs): puts in the
// cache what the first report would otherwise have to make — the 楷体 font decoded from its woff2
// (≈1 s), the web page's body face decoded slice by slice, the default templates compiled, the
// project's configurations and the default seasons.yaml checked (YAML and zod, ≈0.1 s), and the code
// that draws charts compiled (by drawing one of each kind) — so that a fresh clone's first run
// spends its time on the data alone.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config/config.js';
import { UserError } from '../errors.js';
import { SEASONS_FILE, loadSeasons } from '../narrate/season.js';
import { KAI, SLICED_FACES } from '../render/fonts/fonts.js';
import { CHART_NAMES, renderCharts } from '../render/html/charts.js';
import { plainFont, preparePlainSlices } from '../render/fonts/subset.js';
import { loadTemplates, precompileTemplates } from '../render/markdown/speech.js';
import { settleCacheWrites } from '../system/cache.js';
import { projectFile } from '../system/project.js';
import { ROOT_PATHS, districtNames, districtPaths } from './districts.js';

await plainFont(KAI);
await preparePlainSlices(SLICED_FACES[0]!);
precompileTemplates(loadTemplates(projectFile('templates', 'speech')));
const districts = [ROOT_PATHS, ...districtNames(projectFile()).map((name) => districtPaths(name, projectFile()))];
for (const config of districts.map((paths) => projectFile(paths.config)).filter((file) => existsSync(file))) checkedQuietly(() => loadConfig(config));
checkedQuietly(() => loadSeasons(join(projectFile('templates', 'speech'), SEASONS_FILE), 1));
await renderCharts(CHART_NAMES, [{ name: '示例', growth: 1.5, expected: 2, rank: 2, rankedUnits: 3, bottomPlace: null }]);
await settleCacheWrites();

/** A file with a mistake is not setup's to report: check and report name it, with its line. */
function checkedQuietly(check: () => unknown): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
  }
}
