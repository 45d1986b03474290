// Entry point: `npm run report -- --quarter Q2` runs `tongbao report --quarter Q2`.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
