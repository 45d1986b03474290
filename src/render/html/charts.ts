// Charts drawn on the server by Apache ECharts as inline SVG: no page JavaScript, and the labels stay
// real text in the page's fonts. ECharts is imported only when a document asks for a chart.
import { createRequire } from 'node:module';
import type * as ECharts from 'echarts';
import type { Appendix, AppendixRow } from '../../narrate/appendix.js';

export type ChartName = 'growth' | 'rank';

export const CHART_NAMES: readonly ChartName[] = ['growth', 'rank'];

const WIDTH = 520;
const BELOW = '#b0282e';
const ABOVE = '#1f3b73';
const EXPECTED = '#a3a3a3';
const FONT = { fontFamily: 'Noto Serif SC', fontSize: 12, color: '#000' };

type EChartsOption = Record<string, unknown>;

/** SVG markup of each named chart, in the order asked; a chart without data is omitted. */
export async function renderCharts(names: readonly ChartName[], appendix: Appendix): Promise<Map<ChartName, string>> {
  const options = new Map<ChartName, EChartsOption>();
  for (const name of names) {
    const option = name === 'growth' ? growthOption(appendix.rows) : rankOption(appendix.rows);
    if (option) options.set(name, option);
  }
  if (options.size === 0) return new Map();
  // The CommonJS bundle: one file loads in ≈0.06 s; the ES module tree takes several times longer.
  const echarts = createRequire(import.meta.url)('echarts') as typeof ECharts;
  const charts = new Map<ChartName, string>();
  for (const [name, option] of options) {
    const height = Number(option.height);
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
    chart.setOption({ ...option, height: undefined });
    charts.set(name, stableIds(chart.renderToSVGString(), name));
    chart.dispose();
  }
  return charts;
}

/** zrender numbers instances and classes per process (zr0-cls-4): renumber them per chart, in order. */
function stableIds(svg: string, chart: ChartName): string {
  const ids = new Map<string, string>();
  return svg.replace(/\bzr\d+-([a-z]+)-(\d+)\b/g, (id, kind: string) => {
    if (!ids.has(id)) ids.set(id, `chart-${chart}-${kind}-${ids.size}`);
    return ids.get(id)!;
  });
}

function rowHeight(rows: number, each: number): number {
  return 70 + rows * each;
}

/** 同比增长 against 预期增速 for each indicator that has both. */
export function growthOption(rows: readonly AppendixRow[]): EChartsOption | undefined {
  const shown = rows.filter((r) => r.growth.figure && r.expected.figure).reverse();
  if (shown.length === 0) return undefined;
  // Labels print the table's one-decimal text (-18.0, not -18).
  const label = { show: true, position: 'right', ...FONT, fontSize: 11, formatter: (p: { data: { text: string } }) => p.data.text };
  const growth = shown.map((r) => {
    const value = Number(r.growth.text);
    return { value, text: r.growth.text, itemStyle: { color: value < Number(r.expected.text) ? BELOW : ABOVE } };
  });
  return {
    height: rowHeight(shown.length, 34),
    animation: false,
    textStyle: FONT,
    legend: { top: 0, textStyle: FONT, data: ['同比增长', '预期增速'] },
    grid: { left: 8, right: 40, top: 30, bottom: 24, containLabel: true },
    xAxis: { type: 'value', name: '%', axisLabel: FONT, splitLine: { lineStyle: { color: '#e0e0e0' } } },
    yAxis: { type: 'category', data: shown.map((r) => r.name), axisLabel: FONT, axisTick: { show: false } },
    series: [
      { name: '同比增长', type: 'bar', barGap: '10%', data: growth, itemStyle: { color: ABOVE }, label },
      { name: '预期增速', type: 'bar', data: shown.map((r) => ({ value: Number(r.expected.text), text: r.expected.text })), itemStyle: { color: EXPECTED }, label: { ...label, color: '#555' } },
    ],
  };
}

/** The district's place among the city's districts, 1 = first; the bottom two in red. */
export function rankOption(rows: readonly AppendixRow[]): EChartsOption | undefined {
  const shown = rows.filter((r) => r.rank.figure?.value != null).reverse();
  if (shown.length === 0) return undefined;
  const total = Math.max(...shown.map((r) => Math.max(r.rank.figure!.value!, r.rankedUnits ?? 0)));
  const data = shown.map((r) => {
    const rank = r.rank.figure!.value!;
    const lagging = r.bottomPlace !== null;
    return { value: [rank, r.name], itemStyle: { color: lagging ? BELOW : ABOVE } };
  });
  return {
    height: rowHeight(shown.length, 26),
    animation: false,
    textStyle: FONT,
    grid: { left: 8, right: 56, top: 30, bottom: 24, containLabel: true },
    xAxis: { type: 'value', min: 1, max: total, interval: 1, name: '位次', nameLocation: 'end', axisLabel: FONT, splitLine: { lineStyle: { color: '#e0e0e0' } } },
    yAxis: { type: 'category', data: shown.map((r) => r.name), axisLabel: FONT, axisTick: { show: false } },
    series: [
      {
        type: 'scatter',
        symbolSize: 12,
        data,
        label: { show: true, position: 'right', ...FONT, fontSize: 11, formatter: (p: { value: [number, string] }) => `第${p.value[0]}位` },
      },
    ],
  };
}
