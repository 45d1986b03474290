// The command draws charts with dist/echarts.cjs, only the parts of ECharts the charts use
// (src/render/html/echartsParts.ts); the sources use the whole package. Both must draw the same SVG,
// for every kind of chart and row the appendix can hold.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ChartRow, CHART_WIDTH, chartRows, growthOption, rankOption } from '../../src/render/html/charts.js';
import { loadCompiled } from '../../src/system/compiled.js';
import { narrated } from '../helpers/speech.js';

type Init = Pick<typeof import('echarts'), 'init'>;

function draw(echarts: Init, option: NonNullable<ReturnType<typeof growthOption>>): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: Number(option.height) });
  chart.setOption({ ...option, height: undefined });
  const svg = chart.renderToSVGString();
  chart.dispose();
  // zrender numbers its instances and classes per process, as the command renumbers them per chart.
  const ids = new Map<string, number>();
  return svg.replace(/\bzr\d+-([a-z]+)-\d+\b/g, (id, kind: string) => `${kind}-${ids.get(id) ?? ids.set(id, ids.size).get(id)}`);
}

// Rows the fixtures lack: no growth, no target, last and second to last place, a tie.
const EDGES: ChartRow[] = [
  { name: '规上工业增加值', growth: -3.2, expected: 5, rank: 7, rankedUnits: 7, bottomPlace: 1 },
  { name: '固定资产投资', growth: null, expected: 6, rank: 6, rankedUnits: 7, bottomPlace: 2 },
  { name: '社会消费品零售总额', growth: 4.1, expected: null, rank: null, rankedUnits: 7, bottomPlace: null },
  { name: '一般公共预算收入', growth: 12.3, expected: 8, rank: 1, rankedUnits: 7, bottomPlace: null },
];

describe('the parts of ECharts the command draws with', () => {
  it('draw every chart exactly as the whole package does', async () => {
    const parts = loadCompiled<Init>(resolve('dist/echarts.cjs')).exports;
    const whole = createRequire(import.meta.url)('echarts') as Init;
    const rowSets = [EDGES, ...(await Promise.all(['.', 'test/fixtures/mini'].map(async (fixture) => chartRows((await narrated(fixture)).speech.context.appendix))))];
    let drawn = 0;
    for (const rows of rowSets) {
      for (const option of [growthOption(rows), rankOption(rows)]) {
        if (!option) continue;
        const svg = draw(parts, option);
        expect(svg).toContain('<svg');
        expect(svg).toBe(draw(whole, option));
        drawn++;
      }
    }
    expect(drawn).toBe(6);
  });
});
