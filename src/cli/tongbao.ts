// Entry point: `npm run report -- --quarter Q2` runs `tongbao report --quarter Q2`. Kept small: when
// the command will print a PDF, the browser is started before the rest of the program is loaded.
import { cleanUpOnSignals } from '../system/interrupt.js';
import { closeEarlyBrowser, startBrowserEarly } from '../render/pdf/early.js';
import { settleCacheWrites } from '../system/cache.js';
import { willPrint } from './argv.js';

cleanUpOnSignals((line) => process.stderr.write(`${line}\n`));

const argv = process.argv.slice(2);
if (willPrint(argv)) startBrowserEarly();
try {
  const { main } = await import('./main.js');
  process.exitCode = await main(argv);
} finally {
  await Promise.all([closeEarlyBrowser(), settleCacheWrites()]);
}
