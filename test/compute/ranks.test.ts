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

/** A city of 12 ranked units: the peers of the mini config plus nine more. */
function twelveUnits(): Config {
  const extra = ['甲区', '乙区', '丙区', '丁区', '戊区', '己区', '庚区', '辛区', '壬区'].map((name) => ({ name, aliases: [], ranked: true }));
  return { ...base, peers: [...base.peers, ...extra] };
}

const TWELVE = ['云溪区', '江滨区', '城东区', '甲区', '乙区', '丙区', '丁区', '戊区', '己区', '庚区', '辛区', '壬区'];

describe('倒数 under ties (issue #9): 1 + the ranked units strictly behind', () => {
  it('two units sharing 位次 11 of 12 with none 12th are both 并列倒数第一', () => {
    // competition ranks 1…10 for ten units, then 11, 11
    const ranks = [11, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const rows = TWELVE.map((area, i) => [area, 1, ranks[i]!] as Row);
    const f = figures(cityTable(6, rows), 6, twelveUnits());
    expect(value(f, 'industry_va.rank')).toBe(11);
    expect(value(f, 'industry_va.rankedUnits')).toBe(12);
    expect(value(f, 'industry_va.rankFromBottom')).toBe(1); // N − 位次 + 1 would say 2
    expect(value(f, 'industry_va.rankShared')).toBe(2);
  });

  it('a tie in the middle moves 倒数 the same way: 1, 2, 3, 4, 5, 5, 7 → the two 5th are 倒数第二', () => {
    const seven = TWELVE.slice(0, 7);
    const config = { ...base, peers: [...base.peers.filter((p) => p.ranked), ...['甲区', '乙区', '丙区', '丁区'].map((name) => ({ name, aliases: [], ranked: true }))] };
    const ranks = [5, 1, 2, 3, 4, 5, 7];
    const f = figures(cityTable(6, seven.map((area, i) => [area, 1, ranks[i]!] as Row)), 6, config);
    expect(value(f, 'industry_va.rankedUnits')).toBe(7);
    expect(value(f, 'industry_va.rankFromBottom')).toBe(2); // N − 位次 + 1 would say 3 and drop it from 排位靠后
  });
});

describe('位次 from the city table', () => {
  it('counts N over ranked units only; without ties 倒数第k = N − rank + 1', () => {
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

  it('respects ties (并列): two units at 1, ours at 1; 倒数 counts only the units strictly behind', () => {
    const f = figures(cityTable(6, [['云溪区', 4.5, 1], ['江滨区', 4.5, 1], ['城东区', 1.0, 3]]));
    expect(value(f, 'industry_va.rankShared')).toBe(2);
    expect(value(f, 'industry_va.rankFromBottom')).toBe(2); // only 城东区 is behind
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
