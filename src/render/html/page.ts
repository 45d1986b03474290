// The speech as one self-contained HTML page: the speech's Markdown → HTML, then the appendix table
// and the charts put in where their markers are (SVG and tables never pass through Markdown).
import type { Speech } from '../../narrate/context.js';
import { CHART_NAMES, type ChartName, chartRows, renderCharts } from './charts.js';
import { embeddedFontStyle } from './embed.js';
import { fillPlaceholders, htmlDocument, markdownToHtml, placeholdersIn } from './document.js';
import { visibleText } from '../pdf/print.js';
import { type TemplateSet, renderAppendixHtml, renderSpeech } from '../markdown/speech.js';

export type PageNumbers = 'outer' | 'center';

export interface PageOptions {
  readonly title: string;
  readonly css: string;
  readonly appendix: boolean;
  /** Page numbers on the outer side (odd pages right, even pages left) or centred. */
  readonly pageNumbers: PageNumbers;
}

export async function renderPage(templates: TemplateSet, speech: Speech, options: PageOptions): Promise<string> {
  const html = markdownToHtml(renderSpeech(templates, speech, 'html', { appendix: options.appendix }));
  const appendix = options.appendix ? renderAppendixHtml(templates, speech) : '';
  const body = fillPlaceholders(html, new Map([['appendix', appendix]]));
  const wanted = placeholdersIn(body)
    .map((name) => name.replace(/^chart:/, ''))
    .filter((name): name is ChartName => CHART_NAMES.includes(name as ChartName));
  const charts = await renderCharts([...new Set(wanted)], chartRows(speech.context.appendix));
  const blocks = new Map([...charts].map(([name, svg]) => [`chart:${name}`, `<div class="chart-svg chart-${name}">\n${svg}\n</div>\n`]));
  return htmlDocument({ title: options.title, bodyHtml: fillPlaceholders(body, blocks, true), css: options.css, bodyClass: `page-numbers-${options.pageNumbers}` });
}

/** The page as shipped in speech.html: with the body face embedded (see embed.ts). */
export async function withEmbeddedFonts(html: string): Promise<string> {
  return html.replace('</head>', `${await embeddedFontStyle(visibleText(html))}\n</head>`);
}
