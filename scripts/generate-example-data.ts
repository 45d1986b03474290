// Writes the example returns (.xlsx) that tongbao reads.
//
//   npx tsx scripts/generate-example-data.ts [example|mini|good|bad|county|no-rank|all]
//
//   example → data/                              云溪区, 2022-01 … 2023-06 (the story in example-data/story.ts)
//   mini    → test/fixtures/mini/data/           a small exact fixture (+ its tongbao.config.yaml)
//   good    → test/fixtures/contrast/good/data/  the mini world going well (example-data/contrast.ts;
//   bad     → test/fixtures/contrast/bad/data/   and going badly      read with the mini config)
//   county  → test/cases/county/                 golden case: 青山县, five bureaus (example-data/county.ts)
//   no-rank → test/cases/no-rank/                golden case: a city table without 位次 (example-data/noRank.ts)
//   all (or none) → all of them
//
// Output is deterministic: the same script gives byte-identical files (fixed document dates,
// fixed zip entry times, a seeded PRNG). The year folders are rewritten from scratch.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/config.js';
import { badWorld, goodWorld } from './example-data/contrast.js';
import { countyConfig, countyWorld } from './example-data/county.js';
import { exampleWorld } from './example-data/example.js';
import type { OutputFile } from './example-data/layouts.js';
import { miniConfig, miniWorld } from './example-data/mini.js';
import { noRankConfig, noRankWorld } from './example-data/noRank.js';
import { saveWorkbook } from './example-data/xlsx.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MAIN_CONFIG = join(ROOT, 'tongbao.config.yaml');
const MINI_ROOT = join(ROOT, 'test/fixtures/mini');
const CONTRAST_ROOT = join(ROOT, 'test/fixtures/contrast');
const CASES_ROOT = join(ROOT, 'test/cases');

async function writeFiles(dataDir: string, files: readonly OutputFile[]): Promise<void> {
  const years = new Set(files.map((f) => f.path.split('/')[0]!));
  for (const year of years) rmSync(join(dataDir, year), { recursive: true, force: true });
  for (const file of files) await saveWorkbook(file.build(), join(dataDir, file.path), file.stamp);
  console.log(`${files.length} files → ${dataDir}`);
}

async function writeExample(): Promise<void> {
  await writeFiles(join(ROOT, 'data'), exampleWorld(loadConfig(MAIN_CONFIG)));
}

async function writeMini(): Promise<void> {
  mkdirSync(MINI_ROOT, { recursive: true });
  writeFileSync(join(MINI_ROOT, 'tongbao.config.yaml'), miniConfig(readFileSync(MAIN_CONFIG, 'utf8')));
  await writeFiles(join(MINI_ROOT, 'data'), miniWorld());
}

/** A golden case: its config beside its data (the expected outputs there are not touched). */
async function writeCase(name: string, config: string, files: readonly OutputFile[]): Promise<void> {
  const root = join(CASES_ROOT, name);
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'tongbao.config.yaml'), config);
  await writeFiles(join(root, 'data'), files);
}

const WORLDS: Readonly<Record<string, () => Promise<void>>> = {
  example: writeExample,
  mini: writeMini,
  good: () => writeFiles(join(CONTRAST_ROOT, 'good/data'), goodWorld()),
  bad: () => writeFiles(join(CONTRAST_ROOT, 'bad/data'), badWorld()),
  county: () => writeCase('county', countyConfig(), countyWorld()),
  'no-rank': () => writeCase('no-rank', noRankConfig(), noRankWorld()),
};

async function main(): Promise<void> {
  const which = process.argv[2] ?? 'all';
  if (which !== 'all' && !(which in WORLDS)) {
    console.error(`用法：npx tsx scripts/generate-example-data.ts [${[...Object.keys(WORLDS), 'all'].join('|')}]`);
    process.exit(2);
  }
  for (const [name, write] of Object.entries(WORLDS)) if (which === 'all' || which === name) await write();
}

await main();
