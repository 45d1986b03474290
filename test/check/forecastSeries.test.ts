// A bureau's forecasts from month to month (预计一季度 in February, 预计上半年 in March) are rates
// of different periods, not a 累计 that should only grow.
import { describe, expect, it } from 'vitest';
import { checkSeries } from '../../src/check/series.js';
import { loadConfig } from '../../src/config/config.js';
import type { Observation } from '../../src/types.js';

const config = loadConfig('tongbao.config.yaml');

function forecast(month: number, horizon: number, value: number): Observation {
  return { indicator: 'retail_above', area: '云溪区', period: { year: 2023, month: horizon, span: 'ytd' }, measure: 'forecast', value, unit: '%', source: { file: `2023/0${month}/商务局.xlsx`, sheet: 'Sheet1', cell: 'H5' } };
}

describe('series checks on forecasts', () => {
  it('a lower forecast for a later period is not a 累计值减少', () => {
    expect(checkSeries([forecast(2, 3, 7.4), forecast(3, 6, 7.3)], config)).toEqual([]);
  });
});
