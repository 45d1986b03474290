// Looking up observations by what they mean; the first non-blank one wins (returns before city tables).
import type { Measure, Observation, Span, YearMonth } from '../types.js';

export interface ObservationQuery {
  readonly indicator: string;
  readonly area: string;
  readonly at: YearMonth;
  readonly span: Span;
  readonly measure: Measure;
}

export class ObservationIndex {
  private readonly byKey = new Map<string, Observation[]>();
  private readonly areasByFile = new Map<string, Set<string>>();

  constructor(observations: readonly Observation[]) {
    for (const o of observations) {
      const areas = this.areasByFile.get(o.source.file) ?? new Set<string>();
      areas.add(o.area);
      this.areasByFile.set(o.source.file, areas);
      const key = keyOf({ indicator: o.indicator, area: o.area, at: o.period, span: o.period.span, measure: o.measure });
      const list = this.byKey.get(key);
      if (list) list.push(o);
      else this.byKey.set(key, [o]);
    }
  }

  /** The observation with a number, else one showing a blank, else undefined (never reported). */
  find(query: ObservationQuery): Observation | undefined {
    const list = this.byKey.get(keyOf(query));
    return list?.find((o) => o.value !== null) ?? list?.[0];
  }

  /** The areas' observations read from city comparison tables (files that hold several areas). */
  inCityTable(query: Omit<ObservationQuery, 'area'>, areas: readonly string[]): Observation[] {
    const isCityTable = (o: Observation) => (this.areasByFile.get(o.source.file)?.size ?? 0) > 1;
    return areas.flatMap((area) => this.byKey.get(keyOf({ ...query, area }))?.filter(isCityTable) ?? []);
  }
}

function keyOf(q: ObservationQuery): string {
  return `${q.indicator}|${q.area}|${q.at.year}-${q.at.month}|${q.span}|${q.measure}`;
}
