// Making figures: one read as published from a cell, or one derived from other figures by a
// formula stated in words. Every figure names its inputs, so figures.json can be checked by hand.
import { DataError } from '../errors.js';
import { NUMBER_LIMIT } from '../ingest/table/values.js';
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
  if (fields.value !== null && !(Math.abs(fields.value) < NUMBER_LIMIT)) throw outOfRange(fields);
  const inputs: FigureInput[] = fields.inputs.map((input) => ('id' in input ? { figure: input.id } : { source: input }));
  return { ...fields, precision: fields.precision ?? precisionOf(fields.unit), inputs };
}

/** Cells within bounds can still give an absurd result (a base of 1e-300): the error names them. */
function outOfRange(fields: DerivedFields): DataError {
  const sources = fields.inputs.flatMap((input) => ('id' in input ? input.inputs.flatMap((inner) => ('source' in inner ? [inner.source] : [])) : [input]));
  const cells = sources.map((s) => `${s.file} › ${s.sheet} › ${s.cell}`).join('、') || fields.inputs.map((input) => ('id' in input ? input.id : input.cell)).join('、');
  return new DataError(`按“${fields.formula}”由 ${cells} 算出 ${fields.value}，超出范围（绝对值须小于 10^15）：请核对这些单元格`, sources[0] ?? {});
}

/** The same period with another span (a stock indicator's 期末, a month's 当月). */
export function at(month: YearMonth, span: Period['span']): Period {
  return { year: month.year, month: month.month, span };
}
