// Ranking rules on hand-made city tables: each case lists the table and the expected figures.
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/compute/compute.js';
import { type Config, loadConfig } from '../../src/config/config.js';
import type { Dataset, Figure, Observation } from '../../src/types.js';

const base = loadConfig('test/fixtures/mini/tongbao.config.yaml'); // 云溪区, 江滨区, 城东区; 临江高新区 不参与排名

type Row = readonly [area: string, growth: number | null, rank: number | null];

function cityTable(month: number, rows: readonly Row[], indicator = 'industry_va'): Observation[] {
  const file = `2023/${String(month).padStart(2, '0')}/city.xlsx`;
  return rows.flatMap(([area, growth, rank], i) => [
    { indicator, area, period: { year: 2023, month, span: 'ytd' as const }, measure: 'growth' as const, value: growth, unit: '%', source: { file, sheet: 'S', cell: `B${i + 5}` } },
    ...(rank === undefined ? [] : [{ indicator, area, period: { year: 2023, month, span: 'ytd' as const }, measure: 'rank' as const, value: rank, unit: '', source: { file, sheet: 'S', cell: `C${i + 5}` } }]),
  ]);
}

function figures(observations: Observation[], month = 6, config: Config = base): Map<string, Figure> {
  const dataset: Dataset = { observations, targets: [], projects: [], files: [], missing: [] };
  const computed = computeFigures(config, dataset, { year: 2023, month }, { year: 2023, month: month + 3 });
  return new Map(computed.figures.map((f) => [f.id, f]));
}

const value = (map: Map<string, Figure>, id: string) => map.get(id)?.value;

describe('位次 from the city table', () => {
  it('counts N over ranked units only, so 倒数第k = N − rank + 1', () => {
    const f = figures(cityTable(6, [['云溪区', -3.2, 3], ['江滨区', 4.5, 1], ['城东区', 1.0, 2], ['临江高新区', 8.0, null]]));
    expect(value(f, 'industry_va.rank')).toBe(3);
    expect(value(f, 'industry_va.rankedUnits')).toBe(3); // 高新区 shows "—"
    expect(value(f, 'industry_va.rankFromBottom')).toBe(1);
    expect(f.get('industry_va.rank')!.inputs).toEqual([{ source: { file: '2023/06/city.xlsx', sheet: 'S', cell: 'C5' } }]);
  });

  it('does not say 倒数 when a configured district has no row in the table (N unknown)', () => {
    const f = figures(cityTable(6, [['云溪区', -3.2, 2], ['江滨区', 4.5, 1]])); // 城东区 missing
    expect(value(f, 'industry_va.rank')).toBe(2);
    expect(f.has('industry_va.rankFromBottom')).toBe(false);
    expect(f.has('industry_va.rankedUnits')).toBe(false);
  });

  it('counts a district shown with "—" as not ranked, so N is the units actually ranked', () => {
    const f = figures(cityTable(6, [['云溪区', -3.2, 2], ['江滨区', 4.5, 1], ['城东区', null, null]]));
    expect(value(f, 'industry_va.rankedUnits')).toBe(2);
    expect(value(f, 'industry_va.rankFromBottom')).toBe(1);
  });

  it('respects ties (并列): two units at 1, ours at 1', () => {
    const f = figures(cityTable(6, [['云溪区', 4.5, 1], ['江滨区', 4.5, 1], ['城东区', 1.0, 3]]));
    expect(value(f, 'industry_va.rankShared')).toBe(2);
    expect(value(f, 'industry_va.rankFromBottom')).toBe(3);
  });

  it('moves 前移/后移 against last month and the previous quarter end', () => {
    const f = figures([
      ...cityTable(3, [['云溪区', -3.2, 3], ['江滨区', 4.5, 1], ['城东区', 1.0, 2]]),
      ...cityTable(5, [['云溪区', 0.5, 2], ['江滨区', 4.5, 1], ['城东区', 0.1, 3]]),
      ...cityTable(6, [['云溪区', 5.0, 1], ['江滨区', 4.5, 2], ['城东区', 1.0, 3]]),
    ]);
    expect(value(f, 'industry_va.rankMoveMonth')).toBe(1); // 2nd in May → 1st: 前移1位
    expect(value(f, 'industry_va.rankMoveQuarter')).toBe(2); // 3rd in March → 1st: 前移2位
    expect(value(f, 'industry_va.rank@2023-05')).toBe(2);
  });
});

describe('位次 recomputed only when the table has none, and flagged', () => {
  it('ranks by growth, highest first, ties sharing, 不参与排名 excluded', () => {
    const rows: Row[] = [['云溪区', 1.0, null], ['江滨区', 4.5, null], ['城东区', 1.0, null], ['临江高新区', 9.9, null]];
    const f = figures(cityTable(6, rows));
    const rank = f.get('industry_va.rank')!;
    expect(rank.value).toBe(2); // 江滨 4.5 first; 云溪 and 城东 at 1.0 share 2nd
    expect(rank.formula).toContain('重新排出');
    expect(rank.note).toContain('请与市统计局核对');
    expect(value(f, 'industry_va.rankedUnits')).toBe(3);
  });

  it('ranks lowest first for a lower-is-better indicator', () => {
    const config = { ...base, indicators: base.indicators.map((i) => (i.id === 'industry_va' ? { ...i, lowerIsBetter: true } : i)) };
    const f = figures(cityTable(6, [['云溪区', 1.0, null], ['江滨区', 4.5, null], ['城东区', 0.2, null]]), 6, config);
    expect(value(f, 'industry_va.rank')).toBe(2);
  });

  it('does not guess when a ranked unit has no growth', () => {
    const f = figures(cityTable(6, [['云溪区', 1.0, null], ['江滨区', null, null], ['城东区', 0.2, null]]));
    expect(f.has('industry_va.rank')).toBe(false);
  });
});
