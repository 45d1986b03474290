// One reading stage, timed inside a fresh process (bundled like the CLI; the cache folder is
// $TONGBAO_CACHE_DIR): `node reading.mjs <config> <data> <through YYYY-MM> <meeting year>` prints
// the milliseconds ingestData took and how many files it read.
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../../src/config/config.js';
import { ingestData } from '../../src/ingest/dataset.js';

const [configFile, dataDir, through, meetingYear] = process.argv.slice(2);
const config = loadConfig(configFile!);
const [year, month] = through!.split('-').map(Number);
const start = performance.now();
const read = await ingestData(dataDir!, config, { year: year!, month: month! }, Number(meetingYear));
process.stdout.write(`${JSON.stringify({ ms: performance.now() - start, files: read.dataset.files.length })}\n`);
