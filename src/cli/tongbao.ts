// Entry point: `npm run report -- --quarter Q2` runs `tongbao report --quarter Q2`.
import { main } from './main.js';
import { cleanUpOnSignals } from '../system/interrupt.js';

cleanUpOnSignals((line) => process.stderr.write(`${line}\n`));

process.exitCode = await main(process.argv.slice(2));
