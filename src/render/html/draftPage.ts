// The HTML page of an edited speech.md (`render`): the same layout as the page `report` makes, from
// the Markdown alone. The appendix table is printed as edited, and the charts are drawn from it.
import { type AppendixTable, headerLines, isSalutation, readSpeechMarkdown } from '../markdown/read.js';
import { CHART_CAPTIONS, CHART_NAMES, chartRowsFromTable, renderCharts } from './charts.js';
import { escapeHtml, htmlDocument, markdownToHtml } from './document.js';
import type { PageNumbers } from './page.js';

export interface DraftPageOptions {
  readonly css: string;
  readonly pageNumbers: PageNumbers;
}

export async function renderDraftPage(markdown: string, options: DraftPageOptions): Promise<string> {
  const draft = readSpeechMarkdown(markdown);
  const title = draft.blocks.find((block) => block.kind === 'title')?.runs.map((run) => run.text).join('') ?? '讲话稿';
  const speech = flushSalutations(markdownToHtml(draft.speech));
  const appendix = draft.appendix ? await appendixHtml(draft.appendix) : '';
  return htmlDocument({ title, bodyHtml: `${speech}${appendix}`, css: options.css, bodyClass: `page-numbers-${options.pageNumbers}` });
}

/** “同志们：” printed flush left, as the template's {{#noindent}} does. */
function flushSalutations(html: string): string {
  return html.replace(/<p>([^<]*)<\/p>/g, (all, text: string) => (isSalutation(text) ? `<p class="noindent">${text}</p>` : all));
}

/** The columns of the template's table, by their headers: the stylesheet sizes and aligns them by class. */
const COLUMNS: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/^序号$/, 'c-index', 'index'],
  [/^指标/, 'c-name', 'name'],
  [/^单位$/, 'c-unit', 'unit'],
  [/^全年目标$/, 'c-target', 'target'],
  [/完成$/, 'c-value', 'num'],
  [/^同比/, 'c-growth', 'num'],
  [/^预期/, 'c-expected', 'num'],
  [/^与预期差/, 'c-gap', 'num'],
  [/^完成全年目标/, 'c-completion', 'num'],
  [/位次/, 'c-rank', 'rank'],
  [/牵头/, 'c-lead', 'lead'],
];

async function appendixHtml(table: AppendixTable): Promise<string> {
  const columns = table.header.map((header, i) => {
    const known = COLUMNS.find(([pattern]) => pattern.test(header));
    return known ? { col: known[1], td: known[2] } : { col: '', td: table.align[i] === 'right' ? 'num' : '' };
  });
  const cls = (name: string) => (name ? ` class="${name}"` : '');
  const head = table.header.map((header) => `<th>${headerLines(header).map(escapeHtml).join('<br>')}</th>`).join('');
  const rows = table.rows.map((row) => `<tr>${columns.map((c, i) => `<td${cls(c.td)}>${escapeHtml(row[i] ?? '')}</td>`).join('')}</tr>`);
  return [
    '<section class="appendix">',
    `<h2 class="appendix-title">${escapeHtml(table.title)}</h2>`,
    table.unitLine ? `<p class="appendix-unit">${escapeHtml(table.unitLine)}</p>` : '',
    '<table class="appendix-table">',
    `<colgroup>${columns.map((c) => `<col${cls(c.col)}>`).join('')}</colgroup>`,
    `<thead>\n<tr>${head}</tr>\n</thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
    table.notes.length > 0 ? `<div class="appendix-notes">\n<p>注：</p>\n${table.notes.map((note) => `<p>${escapeHtml(note)}</p>`).join('\n')}\n</div>` : '',
    await chartsHtml(table),
    '</section>',
    '',
  ]
    .filter(Boolean)
    .join('\n');
}

async function chartsHtml(table: AppendixTable): Promise<string> {
  const charts = await renderCharts(CHART_NAMES, chartRowsFromTable(table));
  if (charts.size === 0) return '';
  const figures = [...charts].map(
    ([name, svg], i) => `<figure class="chart">\n<div class="chart-svg chart-${name}">\n${svg}\n</div>\n<figcaption>图${i + 1} ${escapeHtml(CHART_CAPTIONS[name])}</figcaption>\n</figure>`,
  );
  return `<div class="charts">\n${figures.join('\n')}\n</div>`;
}
