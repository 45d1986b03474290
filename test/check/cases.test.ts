// The golden cases' data (test/cases/<case>/, written by scripts/generate-example-data.ts) pass the
// strict data check: every file read, no error and no warning, so their golden outputs state only
// what the data says. What each case's speech must say is in its NOTES.md.
import { describe, expect, it } from 'vitest';
import { checkData } from '../../src/check/check.js';
import { loadConfig } from '../../src/config/config.js';

async function check(name: string) {
  const root = `test/cases/${name}`;
  const config = loadConfig(`${root}/tongbao.config.yaml`);
  return checkData({ dataDir: `${root}/data`, config, through: { year: 2023, month: 3 }, meetingYear: 2023 });
}

describe('golden cases pass the strict data check', () => {
  it('county: 5 bureaus × their months, 2 city tables, targets and ledger — 15 files, nothing found', async () => {
    const result = await check('county');
    expect(result.findings).toEqual([]);
    // 县财政局 1–3月 (3), the other four bureaus 2–3月 (8), city tables 2–3月 (2), targets, ledger.
    expect(result.dataset.files).toHaveLength(15);
    expect(result.dataset.projects).toHaveLength(5);
  });

  it('no-rank: 3 bureaus, growth-only city tables, an empty ledger — 11 files, one warning: ranks are recomputed', async () => {
    const result = await check('no-rank');
    expect(result.findings.map((f) => [f.level, f.kind, f.source?.file])).toEqual([['warning', 'recomputedRank', expect.stringContaining('2023/03/')]]);
    expect(result.findings[0]!.message).toMatch(/^全市比较表没有.*的位次：讲话稿中的位次按各区县增速推算（增速相同者并列），请与市统计局核对后再用$/);
    expect(result.dataset.files).toHaveLength(11);
    expect(result.dataset.projects).toEqual([]);
    // The city tables give no 位次: only growths are read from them.
    const fromCityTable = result.dataset.observations.filter((o) => o.source.file.includes('各区县主要指标增速'));
    expect(fromCityTable.length).toBeGreaterThan(0);
    expect(fromCityTable.every((o) => o.measure === 'growth')).toBe(true);
  });
});
