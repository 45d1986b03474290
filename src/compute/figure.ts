// Making figures: one read as published from a cell, or one derived from other figures by a
// formula stated in words. Every figure names its inputs, so figures.json can be checked by hand.
import { monthLabel } from '../period.js';
import type { Figure, FigureInput, FigureKind, Observation, Period, Source, YearMonth } from '../types.js';

/** Decimals a unit is stated with (domain.md §2: 亿元 2, 万元 integer, % one decimal …). */
export function precisionOf(unit: string): number {
  if (unit === '%' || unit === '个百分点') return 1;
  if (/^(万元|元|吨|户|家|个|人|项|头|辆|位|天)$/.test(unit)) return 0;
  if (unit === '') return 0;
  return 2;
}

/** `<indicator>.<name>`, with `@YYYY-MM` when the figure is of another month than the cut-off. */
export function figureId(indicator: string, name: string, at?: YearMonth, cutOff?: YearMonth): string {
  const base = `${indicator}.${name}`;
  if (!at || !cutOff || (at.year === cutOff.year && at.month === cutOff.month)) return base;
  return `${base}@${monthLabel(at)}`;
}

/** A figure read as published from one cell. */
export function observed(id: string, kind: FigureKind, o: Observation): Figure {
  return {
    id,
    indicator: o.indicator,
    kind,
    period: o.period,
    value: o.value,
    unit: o.unit,
    precision: precisionOf(o.unit),
    formula: 'reported',
    inputs: [{ source: o.source }],
    ...(o.value === null ? { note: '报表中为空' } : {}),
  };
}

export type DerivedFields = Omit<Figure, 'inputs' | 'precision'> & { readonly inputs: readonly (Figure | Source)[]; readonly precision?: number };

/** A figure derived from other figures (or cells) by a formula stated in words. */
export function derived(fields: DerivedFields): Figure {
  const inputs: FigureInput[] = fields.inputs.map((input) => ('id' in input ? { figure: input.id } : { source: input }));
  return { ...fields, precision: fields.precision ?? precisionOf(fields.unit), inputs };
}

/** The same period with another span (a stock indicator's 期末, a month's 当月). */
export function at(month: YearMonth, span: Period['span']): Period {
  return { year: month.year, month: month.month, span };
}
