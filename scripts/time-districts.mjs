#!/usr/bin/env node
// The time of one district's briefing as the workflow runs it (a whole `report` process, md +
// html + pdf), per district of this repository, and what 15 districts cost one after another on
// one machine. Median of N runs after one warm-up run (which also compiles dist/).
//   node scripts/time-districts.mjs [--runs 5] [--quarter Q2]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listDistricts } from './districts.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('runs', '5'));
const quarter = arg('quarter', 'Q2');
const out = mkdtempSync(join(tmpdir(), 'tongbao-time-'));

/** @param {string} district */
function once(district) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['bin/tongbao.mjs', 'report', '--district', district, '--quarter', quarter, '--out', join(out, district)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${district}: ${run.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  for (const district of listDistricts('.')) {
    once(district);
    const times = Array.from({ length: runs }, () => once(district));
    const m = median(times);
    console.log(`${district}：每次 ${m.toFixed(2)} 秒（${runs} 次中位数，${times.map((t) => t.toFixed(2)).join(' / ')}）；15 个区县在一台机器上依次约 ${(15 * m).toFixed(0)} 秒`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
