// Template helpers for the appendix table and the charts, in both output forms.
import Handlebars from 'handlebars';
import type { AppendixCell } from '../../narrate/appendix.js';
import { type HelperSpec, type Mode, provenance } from '../../narrate/helpers.js';
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
  return new Handlebars.SafeString(`<span class="fig" title="${htmlText(provenance(figure, lookup))}">${escape(text)}</span>`);
}
