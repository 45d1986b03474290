// What a return's column means, from its header words (本月 | 1—3月累计 | 上年同期 | 同比增长(%) …).
import type { Measure } from '../../types.js';
import type { Column } from './locate.js';

export type Scope = 'month' | 'ytd';

export type ColumnRole =
  | { readonly kind: 'unit' }
  /** `horizon`: for a forecast (预计上半年增长), the month its cumulative period ends. */
  | { readonly kind: 'measure'; readonly measure: Measure; readonly scope: Scope; readonly horizon?: number }
  | { readonly kind: 'ignore' };

const IGNORED = /序号|备注|责任|牵头|完成率|恢复率|目标|增减额|增加额|占比|比重|位次|排名|说明/;
const UNIT = /^(计量)?单位$/;
const BASE_2019 = /2019/;
const PREV_YEAR = /上年|去年/;
const GROWTH = /同比|增长|增速|增幅|增减|±|比上年/;
const VALUE = /本月|当月|绝对值|绝对额|绝对量|累计|本年|\d+[-—–~～至]\d+月|\d+月|季度|上半年|全年|期末|数值|完成|本期|总量/;
const MONTH_SCOPE = /本月|当月/;
const FORECAST = /预计|预测|预估|测算/;
const HORIZONS: ReadonlyArray<[RegExp, number]> = [
  [/前三季度|1[-—–~～]9月/, 9],
  [/上半年|1[-—–~～]6月/, 6],
  [/一季度|1[-—–~～]3月/, 3],
  [/全年/, 12],
];
const SINGLE_MONTH = /(^|\|)\d+月/;

export function classifyColumn(column: Column): ColumnRole {
  const key = column.key;
  if (key === '' || IGNORED.test(key)) return { kind: 'ignore' };
  if (UNIT.test(key)) return { kind: 'unit' };
  if (FORECAST.test(key)) {
    const horizon = HORIZONS.find(([pattern]) => pattern.test(key))?.[1];
    return horizon === undefined ? { kind: 'ignore' } : { kind: 'measure', measure: 'forecast', scope: 'ytd', horizon };
  }
  const scope = scopeOf(key);
  if (BASE_2019.test(key)) return GROWTH.test(key) ? { kind: 'ignore' } : { kind: 'measure', measure: 'base2019', scope };
  if (PREV_YEAR.test(key) && !GROWTH.test(key)) return { kind: 'measure', measure: 'prevYear', scope };
  if (GROWTH.test(key)) return { kind: 'measure', measure: 'growth', scope };
  if (VALUE.test(key)) return { kind: 'measure', measure: 'value', scope };
  return { kind: 'ignore' };
}

function scopeOf(key: string): Scope {
  if (/累计|本年|期末|季度|上半年|全年/.test(key)) return 'ytd';
  if (/\d+[-—–~～至]\d+月/.test(key)) return 'ytd';
  if (MONTH_SCOPE.test(key) || SINGLE_MONTH.test(key)) return 'month';
  return 'ytd';
}
