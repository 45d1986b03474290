// Charts drawn on the server by Apache ECharts as inline SVG: no page JavaScript, and the labels stay
// real text in the page's fonts. ECharts is loaded only when a chart is not in the cache.
import { createRequire } from 'node:module';
import type * as ECharts from 'echarts';
import type { Appendix } from '../../narrate/appendix.js';
import { BUNDLED, cacheKey, cachedAsync, text } from '../../system/cache.js';
import { loadBundled } from '../../system/compiled.js';
import { packageVersion } from '../../system/packages.js';
import type { AppendixTable } from '../markdown/read.js';

export type ChartName = 'growth' | 'rank';

export const CHART_NAMES: readonly ChartName[] = ['growth', 'rank'];

/** The captions under the charts (after “图n”), as templates/speech/appendix.html.hbs writes them. */
export const CHART_CAPTIONS: Readonly<Record<ChartName, string>> = { growth: '主要指标同比增长与预期增速（%）', rank: '主要指标全市位次' };

/** What a chart shows of one indicator; numbers as the appendix prints them. */
export interface ChartRow {
  readonly name: string;
  readonly growth: number | null;
  readonly expected: number | null;
  readonly rank: number | null;
  /** How many districts the city ranks. */
  readonly rankedUnits: number | null;
  /** 倒数第一 (1) or 第二 (2) when the speech would say so, else null: drawn red. */
  readonly bottomPlace: number | null;
}

export const CHART_WIDTH = 520;
const BELOW = '#b0282e';
const ABOVE = '#1f3b73';
const EXPECTED = '#a3a3a3';
const FONT = { fontFamily: 'Noto Serif SC', fontSize: 12, color: '#000' };

type EChartsOption = Record<string, unknown>;

/** The rows of the typed appendix, as the table prints them. */
export function chartRows(appendix: Appendix): ChartRow[] {
  const printed = (text: string) => (text === '—' ? null : Number(text));
  return appendix.rows.map((r) => ({
    name: r.name,
    growth: r.growth.figure ? printed(r.growth.text) : null,
    expected: r.expected.figure ? printed(r.expected.text) : null,
    rank: r.rank.figure?.value ?? null,
    rankedUnits: r.rankedUnits,
    bottomPlace: r.bottomPlace,
  }));
}

/**
 * The rows of an appendix table read back from Markdown (an edited draft), found by their headers.
 * The number of ranked districts comes from the note “共N个…参与排名”; ties at the bottom are not
 * known there, so 倒数 is counted as N − 位次 + 1.
 */
export function chartRowsFromTable(table: AppendixTable): ChartRow[] {
  const column = (pattern: RegExp) => table.header.findIndex((h) => pattern.test(h));
  const name = column(/指标/);
  const growth = column(/同比/);
  const expected = column(/预期增速/);
  const rank = column(/位次/);
  const units = Number(/共(\d+)个[^。]*参与排名/.exec(table.notes.join('\n'))?.[1] ?? Number.NaN);
  const number = (row: readonly string[], i: number) => {
    const value = i < 0 ? Number.NaN : Number.parseFloat(row[i] ?? '');
    return Number.isFinite(value) ? value : null;
  };
  return table.rows.map((row) => {
    const place = number(row, rank);
    const rankedUnits = Number.isFinite(units) ? units : null;
    return {
      name: row[name] ?? '',
      growth: number(row, growth),
      expected: number(row, expected),
      rank: place,
      rankedUnits,
      bottomPlace: place !== null && rankedUnits !== null && rankedUnits - place + 1 <= 2 && place > 2 ? rankedUnits - place + 1 : null,
    };
  });
}

/** SVG markup of each named chart, in the order asked; a chart without data is omitted. */
export async function renderCharts(names: readonly ChartName[], rows: readonly ChartRow[]): Promise<Map<ChartName, string>> {
  const options = new Map<ChartName, EChartsOption>();
  for (const name of names) {
    const option = name === 'growth' ? growthOption(rows) : rankOption(rows);
    if (option) options.set(name, option);
  }
  if (options.size === 0) return new Map();
  // Charts side by side have one height, so that their captions line up.
  const height = Math.max(...[...options.values()].map((option) => Number(option.height)));
  const charts = new Map<ChartName, string>();
  // A chart depends on its option (the formatters are code: the build is part of the key), its size and ECharts.
  for (const [name, option] of options) {
    const key = cacheKey('chart', name, packageVersion('echarts'), String(height), JSON.stringify(option));
    charts.set(name, await cachedAsync('charts', key, async () => drawChart((await loadECharts()).init, name, option, height), text.encode, text.decode));
  }
  // The code that drew them, for the next process that has a chart to draw.
  if (echarts) (await echarts).keep();
  return charts;
}

type Init = (typeof ECharts)['init'];
let echarts: Promise<{ init: Init; keep(): void }> | undefined;

/**
 * Bundled: dist/echarts.cjs, only the parts the charts use (echartsParts.ts), from V8's code cache.
 * From the sources: the package's own CommonJS bundle (one file loads in ≈0.1 s; the ES module tree
 * of the same parts takes 0.35 s).
 */
function loadECharts(): Promise<{ init: Init; keep(): void }> {
  const loading = (echarts ??= (async () => {
    if (!BUNDLED) return { init: (createRequire(import.meta.url)('echarts') as typeof ECharts).init, keep: () => undefined };
    const compiled = loadBundled<{ init: Init }>('echarts.cjs');
    return { init: compiled.exports.init, keep: compiled.keep };
  })());
  return loading;
}

function drawChart(init: Init, name: ChartName, option: EChartsOption, height: number): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height });
  chart.setOption({ ...option, height: undefined });
  const svg = stableIds(chart.renderToSVGString(), name);
  chart.dispose();
  return svg;
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

/** One decimal, as the table prints it (-18.0, not -18). */
function oneDecimal(value: number): string {
  return value.toFixed(1);
}

/**
 * 同比增长 against 预期增速 for each indicator that has both. Growth below expectation is drawn red,
 * as a series of its own stacked on the same place, so that the legend names it.
 */
export function growthOption(rows: readonly ChartRow[]): EChartsOption | undefined {
  const shown = rows.filter((r) => r.growth !== null && r.expected !== null).reverse();
  if (shown.length === 0) return undefined;
  const label = { show: true, position: 'right', ...FONT, fontSize: 11, formatter: (p: { value: number }) => oneDecimal(p.value) };
  const below = (r: ChartRow) => r.growth! < r.expected!;
  const bars = (name: string, color: string, keep: (r: ChartRow) => boolean) => ({
    name,
    type: 'bar',
    stack: 'growth',
    barGap: '10%',
    data: shown.map((r) => (keep(r) ? r.growth : '-')),
    itemStyle: { color },
    label,
  });
  return {
    height: rowHeight(shown.length, 34),
    animation: false,
    textStyle: FONT,
    legend: { top: 0, textStyle: FONT, data: ['同比增长', '同比增长（低于预期）', '预期增速'] },
    grid: { left: 8, right: 40, top: 30, bottom: 24, containLabel: true },
    xAxis: { type: 'value', name: '%', axisLabel: FONT, splitLine: { lineStyle: { color: '#e0e0e0' } } },
    yAxis: { type: 'category', data: shown.map((r) => r.name), axisLabel: FONT, axisTick: { show: false } },
    series: [
      bars('同比增长', ABOVE, (r) => !below(r)),
      bars('同比增长（低于预期）', BELOW, below),
      { name: '预期增速', type: 'bar', data: shown.map((r) => r.expected), itemStyle: { color: EXPECTED }, label: { ...label, color: '#555' } },
    ],
  };
}

/** The district's place among the city's districts, 1 = first; the bottom two in red, named in the legend. */
export function rankOption(rows: readonly ChartRow[]): EChartsOption | undefined {
  const shown = rows.filter((r) => r.rank !== null).reverse();
  if (shown.length === 0) return undefined;
  const total = Math.max(...shown.map((r) => Math.max(r.rank!, r.rankedUnits ?? 0)));
  const lagging = (r: ChartRow) => r.bottomPlace !== null;
  const points = (name: string, color: string, keep: (r: ChartRow) => boolean) => ({
    name,
    type: 'scatter',
    symbolSize: 12,
    data: shown.filter(keep).map((r) => [r.rank, r.name]),
    itemStyle: { color },
    label: { show: true, position: 'right', ...FONT, fontSize: 11, formatter: (p: { value: [number, string] }) => `第${p.value[0]}位` },
  });
  return {
    height: rowHeight(shown.length, 26),
    animation: false,
    textStyle: FONT,
    legend: { top: 0, textStyle: FONT, data: ['全市位次', '倒数第一、二位'] },
    grid: { left: 8, right: 56, top: 30, bottom: 24, containLabel: true },
    xAxis: { type: 'value', min: 1, max: total, interval: 1, name: '位次', nameLocation: 'end', axisLabel: FONT, splitLine: { lineStyle: { color: '#e0e0e0' } } },
    yAxis: { type: 'category', data: shown.map((r) => r.name), axisLabel: FONT, axisTick: { show: false } },
    series: [points('全市位次', ABOVE, (r) => !lagging(r)), points('倒数第一、二位', BELOW, lagging)],
  };
}
