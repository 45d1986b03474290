// Template helpers for the appendix table and the charts, in both output forms.
import Handlebars from 'handlebars';
import type { AppendixCell } from '../../narrate/appendix.js';
import { type HelperSpec, type Mode, provenance } from '../../narrate/helpers.js';
import { formatFixed } from '../../compute/round.js';
import type { Figure } from '../../types.js';
import { CHART_NAMES, type ChartName } from '../html/charts.js';
import { htmlText } from './escape.js';

type Lookup = (id: string) => Figure | undefined;

export const BLOCK_HELPER_SPECS: Readonly<Record<string, HelperSpec>> = {
  cell: { params: ['any'] },
  chart: { params: ['string'] },
};

/** `escape` makes data text safe in the template's output language (Markdown or HTML). */
export function registerBlockHelpers(hbs: typeof Handlebars, mode: Mode, lookup: Lookup, placeholder: (name: string) => string, escape: (text: string) => string): void {
  /** {{cell row.growth}} → "-3.2", in HTML with the figure's source on hover; {{cell row.name}} for plain text. */
  hbs.registerHelper('cell', (cell: AppendixCell | string | undefined) => tableCell(cell, mode, lookup, escape));
  /** {{chart "growth"}} / {{chart "rank"}}: an ECharts SVG in HTML and PDF; nothing in Markdown. */
  hbs.registerHelper('chart', (name: string) => {
    if (!CHART_NAMES.includes(name as ChartName)) throw new Error(`unknown chart "${name}": use ${CHART_NAMES.join(' or ')}`);
    return mode === 'md' ? '' : new Handlebars.SafeString(`\n\n${placeholder(`chart:${name}`)}\n\n`);
  });
}

/** A cell's text (escaped by the template's own escape, "|" included); in HTML a figure has its source on hover. */
function tableCell(cell: AppendixCell | string | undefined, mode: Mode, lookup: Lookup, escape: (text: string) => string): string | Handlebars.SafeString {
  const text = typeof cell === 'string' ? cell : (cell?.text ?? '—');
  const figure = typeof cell === 'object' ? cell.figure : undefined;
  if (mode === 'md' || !figure) return text;
  return new Handlebars.SafeString(`<span class="fig" title="${htmlText(tooltip(text, figure, lookup))}">${escape(text)}</span>`);
}

/**
 * The source of a cell. The appendix prints 与预期差 as 实际 − 预期 (negative below expectation)
 * while the figure holds 预期 − 实际: the tooltip then states the cell's own sum, so that its sign
 * matches the number it explains.
 */
function tooltip(text: string, figure: Figure, lookup: Lookup): string {
  const shown = Number(text);
  if (figure.kind !== 'gapToExpected' || figure.value == null || !(Math.sign(shown) === -Math.sign(figure.value) && shown !== 0)) return provenance(figure, lookup);
  const inputs = figure.inputs.flatMap((input) => ('figure' in input ? [lookup(input.figure)] : [])).filter((f): f is Figure => f !== undefined);
  const actual = inputs.find((f) => f.kind === 'growth');
  const expected = inputs.find((f) => f.kind === 'expected');
  if (actual?.value == null || expected?.value == null) return provenance(figure, lookup);
  const one = (value: number) => formatFixed(value, 1);
  return (
    `与预期差 = 同比增长 − 预期增速 = ${one(actual.value)} − ${one(expected.value)} = ${text}（负数为低于预期）；` +
    `同比增长：${provenance(actual, lookup)}；预期增速：${provenance(expected, lookup)}`
  );
}
