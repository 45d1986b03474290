// The parts of Apache ECharts the charts use — bar and scatter series, grid (with the labels kept
// inside it), legend, the SVG renderer — and nothing else. bin/build.mjs bundles this file as
// dist/echarts.cjs: 1.3 MB where the whole package is 3.8 MB, run from V8's code cache
// (system/compiled.ts), so that a first chart costs a fraction of loading all of ECharts. A test
// draws every chart with it and with the whole package and finds the same SVG.
import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, ScatterChart, GridComponent, LegendComponent, LegacyGridContainLabel, SVGRenderer]);

export const { init } = echarts;
