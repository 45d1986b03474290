// Collects figures under stable ids; every figure records where its number came from.
import type { Figure, FigureInput, FigureKind, Observation, Period, Source } from '../types.js';
import { monthLabel } from '../period.js';

/** Decimals a unit is stated with (domain.md §2: 亿元 2, 万元 integer, % one decimal …). */
export function precisionOf(unit: string): number {
  if (unit === '%' || unit === '个百分点') return 1;
  if (/^(万元|元|吨|户|家|个|人|项|头|辆)$/.test(unit)) return 0;
  if (unit === '') return 0;
  return 2;
}

export function figureId(indicator: string, kind: string, period?: Period, cutOff?: Period): string {
  const base = `${indicator}.${kind}`;
  if (!period || !cutOff || (period.year === cutOff.year && period.month === cutOff.month)) return base;
  return `${base}@${monthLabel(period)}`;
}

export class FigureBook {
  private readonly byId = new Map<string, Figure>();

  add(figure: Figure): Figure {
    if (this.byId.has(figure.id)) throw new Error(`figure ${figure.id} computed twice`);
    this.byId.set(figure.id, figure);
    return figure;
  }

  /** A figure read as published from one cell. */
  observed(id: string, kind: FigureKind, o: Observation): Figure {
    return this.add({
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
    });
  }

  /** A figure derived from other figures (or sources) by a formula stated in words. */
  derived(fields: Omit<Figure, 'inputs' | 'precision'> & { inputs: readonly (Figure | Source)[]; precision?: number }): Figure {
    const inputs: FigureInput[] = fields.inputs.map((input) => ('id' in input ? { figure: input.id } : { source: input }));
    return this.add({ ...fields, precision: fields.precision ?? precisionOf(fields.unit), inputs });
  }

  get(id: string): Figure | undefined {
    return this.byId.get(id);
  }

  all(): Figure[] {
    return [...this.byId.values()];
  }
}
