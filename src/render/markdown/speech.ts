// Handlebars templates → the speech's Markdown, in plain (md) or source-annotated (html) form. The
// template set is checked against the context's shape when it is loaded (check.ts), so a typo stops
// the build at its line whatever the data.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { TemplateError } from '../../errors.js';
import type { ReportContext, Speech } from '../../narrate/context.js';
import { HELPER_SPECS, type Mode, TemplateDataError, registerHelpers } from '../../narrate/helpers.js';
import { REPORT_SHAPE, type Shape } from '../../narrate/shape.js';
import { chartRows, growthOption, rankOption } from '../html/charts.js';
import { BLOCK_HELPER_SPECS, registerBlockHelpers } from './blocks.js';
import { type CheckEnv, type TemplateSource, checkTemplate } from './check.js';
import { htmlText, markdownText } from './escape.js';
import { cacheKey, cached, openCache, text as asText } from '../../system/cache.js';
import { packageVersion } from '../../system/packages.js';

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

export interface TemplateSet {
  readonly dir: string;
  readonly main: TemplateSource;
  /** By name: "situation", "actions/retail" (partials/actions/retail.hbs). */
  readonly partials: ReadonlyMap<string, TemplateSource>;
  /** The appendix table in each output form; undefined when the template set has none. */
  readonly appendix: { readonly md?: TemplateSource; readonly html?: TemplateSource };
}

export interface SpeechOptions {
  /** Include the appendix table (附表) where the template asks for it with {{> appendix}}. */
  readonly appendix: boolean;
}

const MAIN = 'speech.md.hbs';
const APPENDIX = { md: 'appendix.md.hbs', html: 'appendix.html.hbs' } as const;
const ACTIONS = 'actions/';

/** Reads a template set and checks every template in it; any problem is a TemplateError at its line. */
export function loadTemplates(dir: string): TemplateSet {
  const read = (file: string): TemplateSource => {
    const path = join(dir, file);
    let source: string;
    try {
      source = readFileSync(path, 'utf8');
    } catch {
      throw new TemplateError(`找不到模板文件：请确认 ${displayPath(path)} 存在`, { file: displayPath(path) });
    }
    refuseRedirect(source, displayPath(path));
    return { file: displayPath(path), source };
  };
  const partials = new Map(partialFiles(join(dir, 'partials')).map((name) => [name, read(join('partials', `${name}.hbs`))]));
  const optional = (file: string) => (existsSync(join(dir, file)) ? read(file) : undefined);
  const templates = { dir, main: read(MAIN), partials, appendix: { md: optional(APPENDIX.md), html: optional(APPENDIX.html) } };
  checkTemplates(templates);
  return templates;
}

function partialFiles(dir: string, prefix = ''): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const sorted = entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return sorted.flatMap((entry) => {
    if (entry.isDirectory()) return partialFiles(join(dir, entry.name), `${prefix}${entry.name}/`);
    return entry.name.endsWith('.hbs') ? [`${prefix}${entry.name.slice(0, -'.hbs'.length)}`] : [];
  });
}

function displayPath(path: string): string {
  return relative(process.cwd(), path).split('\\').join('/');
}

/** The root shape templates see: the report, plus which charts have data. */
const TEMPLATE_SHAPE: Shape = {
  kind: 'object',
  type: 'report',
  fields: { ...REPORT_SHAPE.fields, charts: { kind: 'object', type: 'charts', fields: { growth: { kind: 'boolean' }, rank: { kind: 'boolean' } } } },
};

/**
 * Checks the set, unless this very set (every file's name and text) passed the check of this build
 * before: the check depends on nothing else, and parsing every template is most of its cost.
 */
function checkTemplates(templates: TemplateSet): void {
  const files = [templates.main, ...templates.partials.values(), templates.appendix.md, templates.appendix.html].filter((t) => t !== undefined);
  const key = cacheKey('template-check', JSON.stringify([...templates.partials.keys()]), ...files.flatMap((t) => [t.file, t.source]));
  const cache = openCache();
  if (cache.get('template-checks', key)) return;
  checkTemplateSet(templates);
  cache.set('template-checks', key, Buffer.from('ok'));
}

function checkTemplateSet(templates: TemplateSet): void {
  const partials = new Map(templates.partials);
  if (templates.appendix.md) partials.set('appendix', templates.appendix.md);
  const env: CheckEnv = {
    root: TEMPLATE_SHAPE,
    helpers: { ...HELPER_SPECS, ...BLOCK_HELPER_SPECS },
    partials,
    partialNamers: { actionPartial: (names) => names.filter((name) => name.startsWith(ACTIONS)) },
  };
  checkTemplate(templates.main, env);
  if (templates.appendix.html) checkTemplate(templates.appendix.html, env);
}

/**
 * A <meta http-equiv="refresh"> sends the page elsewhere while it is printed (and the reader of
 * speech.html too): a template must not carry one.
 */
function refuseRedirect(text: string, file: string): void {
  const at = /<meta\b[^>]*http-equiv\s*=\s*["']?\s*refresh/i.exec(text);
  if (!at) return;
  const line = text.slice(0, at.index).split('\n').length;
  throw new TemplateError('模板中有 <meta http-equiv="refresh">（让页面自动跳转），打印 PDF 和打开网页时都会离开讲话稿：请删除这个标签', { file, cell: `第${line}行` });
}

/** Compiles every template of the set into the cache (npm run setup does it for the default set). */
export function precompileTemplates(templates: TemplateSet): void {
  const sources = [templates.main, ...templates.partials.values(), templates.appendix.md, templates.appendix.html];
  for (const template of sources) if (template) templateSpec(template.source);
}

/** Renders the speech; fails on anything a leader must never read aloud (NaN, undefined, “（）” …). */
export function renderSpeech(templates: TemplateSet, speech: Speech, mode: Mode, options: SpeechOptions = { appendix: true }): string {
  checkActions(templates, speech.context);
  // In both forms the speech is Markdown (the HTML is made from it by marked): data is escaped for Markdown.
  const hbs = handlebarsFor(templates, speech, mode, markdownText);
  // In HTML the appendix is a placeholder, filled after Markdown → HTML (see renderAppendixHtml).
  const appendix = mode === 'md' ? templates.appendix.md : templates.appendix.html && { ...templates.appendix.html, source: `\n\n${placeholder('appendix')}\n\n` };
  hbs.registerPartial('appendix', options.appendix && appendix ? compile(hbs, appendix) : () => '');
  const text = compile(hbs, templates.main)(withCharts(speech.context));
  const tidy = tidyMarkdown(text);
  guardSpeech(tidy, templates.main.file);
  return tidy;
}

/** The appendix table as HTML (escaped, each cell with its source), chart placeholders left in. */
export function renderAppendixHtml(templates: TemplateSet, speech: Speech): string {
  if (!templates.appendix.html) return '';
  const hbs = handlebarsFor(templates, speech, 'html', htmlText);
  const html = compile(hbs, templates.appendix.html)(withCharts(speech.context));
  guardSpeech(html, templates.appendix.html.file);
  return html;
}

/** Every role the data brings needs its action sentence in the template set. */
function checkActions(templates: TemplateSet, context: ReportContext): void {
  for (const action of context.sectors.flatMap((sector) => sector.actions)) {
    if (!templates.partials.has(`${ACTIONS}${action.role}`)) {
      throw new TemplateError(`模板缺少指标角色“${action.role}”的工作要求：请在 partials/${ACTIONS}${action.role}.hbs 中写出这句话，或去掉配置中该指标的 role`, { file: join(displayPath(templates.dir), 'partials', ACTIONS) });
    }
  }
}

/** The context the templates see: the report plus which charts have data. */
function withCharts(context: ReportContext) {
  const rows = chartRows(context.appendix);
  return { ...context, charts: { growth: growthOption(rows) !== undefined, rank: rankOption(rows) !== undefined } };
}

/** A marker that survives Markdown → HTML as an HTML comment of its own. */
export function placeholder(name: string): string {
  return `<!--tongbao:${name}-->`;
}

function handlebarsFor(templates: TemplateSet, speech: Speech, mode: Mode, escape: (text: string) => string): typeof Handlebars {
  const hbs = Handlebars.create();
  escapeWith(hbs, escape);
  const lookup = (id: string) => speech.figures.get(id);
  registerHelpers(hbs, { mode, lookup, place: speech.context.place, holidays: speech.holidays });
  registerBlockHelpers(hbs, mode, lookup, placeholder, escape);
  for (const [name, template] of templates.partials) hbs.registerPartial(name, compile(hbs, template));
  return hbs;
}

function compile(hbs: typeof Handlebars, template: TemplateSource): Handlebars.TemplateDelegate {
  let compiled: Handlebars.TemplateDelegate;
  try {
    compiled = hbs.template(templateSpec(template.source));
  } catch (error) {
    throw templateError(error, template.file);
  }
  return (context: unknown, options?: Handlebars.RuntimeOptions) => {
    try {
      return compiled(context, options);
    } catch (error) {
      throw error instanceof TemplateError ? error : templateError(error, template.file);
    }
  };
}

const COMPILE_OPTIONS = Object.freeze({ preventIndent: true });
const specs = new Map<string, TemplateSpecification>();

/**
 * A template compiled to Handlebars' JavaScript form: once per process (the speech's Markdown and
 * HTML forms share it), and kept in the cache by its text so that an unchanged template set is
 * not compiled again on the next run. This is what Handlebars.compile does, in two steps.
 */
function templateSpec(source: string): TemplateSpecification {
  const text = markParagraphs(source);
  let spec = specs.get(text);
  if (!spec) {
    const key = cacheKey('template', packageVersion('handlebars'), JSON.stringify(COMPILE_OPTIONS), text);
    // A copy: Handlebars adds its defaults to the options object it is given.
    const code = cached('templates', key, () => Handlebars.precompile(text, { ...COMPILE_OPTIONS }) as string, asText.encode, asText.decode);
    spec = new Function(`return ${code};`)() as TemplateSpecification;
    specs.set(text, spec);
  }
  return spec;
}

function templateError(error: unknown, file: string): TemplateError {
  if (error instanceof TemplateDataError) return new TemplateError(error.message, { file, cell: error.line ? `第${error.line}行` : undefined });
  const message = error instanceof Error ? error.message : String(error);
  const line = /line (\d+)/.exec(message)?.[1];
  return new TemplateError(`模板有误，无法生成讲话稿（${message.split('\n')[0]}）`, { file, cell: line ? `第${line}行` : undefined }, { cause: error });
}

/**
 * What `{{…}}` prints is escaped for the template's output language (Markdown or HTML), so that text
 * from the data stays text (escape.ts). Handlebars 4 escapes for HTML only and has no per-instance
 * hook (handlebars.js #1746): each template this instance compiles gets our escape on its own
 * runtime container.
 */
function escapeWith(hbs: typeof Handlebars, escape: (text: string) => string): void {
  const expression = (value: unknown): string => {
    if (typeof (value as { toHTML?: unknown } | null)?.toHTML === 'function') return (value as Handlebars.SafeString).toHTML();
    if (value === null || value === undefined) return '';
    return escape(String(value));
  };
  const template = hbs.template.bind(hbs);
  hbs.template = (spec) => {
    const { main } = spec as { main: (this: unknown, container: { escapeExpression: unknown }, ...rest: unknown[]) => string };
    return template({
      ...spec,
      main(this: unknown, container: { escapeExpression: unknown }, ...rest: unknown[]) {
        container.escapeExpression = expression;
        return main.call(this, container, ...rest);
      },
    } as typeof spec);
  };
}

/** Marks a template's blank lines, the only paragraph breaks (U+2029 never comes from data: see tidyMarkdown). */
function markParagraphs(source: string): string {
  return source.replace(/\n[ \t]*(?=\n)/g, `\n${PARAGRAPH}`);
}

const PARAGRAPH = '\u2029';

/**
 * The rendered text as Markdown, one paragraph per line. Templates keep one sentence pattern per
 * line and separate paragraphs by blank lines (marked by markParagraphs); a line that renders
 * empty (a condition that did not hold) is dropped, the lines of a paragraph are joined, and
 * headings and tables stay lines of their own.
 */
export function tidyMarkdown(text: string): string {
  const lines = text.split('\n').map((line) => line.replace(/[ \t]+$/, '')).filter((line) => !/^[ \t]*$/.test(line));
  const blocks = lines.join('\n').split(new RegExp(`[ \\t\\n]*${PARAGRAPH}[ \\t\\n]*`));
  const paragraphs = blocks.map((block) => joinProse(block.split('\n')).join('\n').trim()).filter((block) => block !== '');
  return `${paragraphs.join('\n\n')}\n`;
}

function joinProse(lines: readonly string[]): string[] {
  const joined: string[] = [];
  for (const line of lines) {
    const previous = joined[joined.length - 1];
    if (previous !== undefined && isProse(previous) && isProse(line)) joined[joined.length - 1] = previous + line.trimStart();
    else joined.push(line);
  }
  return joined;
}

function isProse(line: string): boolean {
  return line.trim() !== '' && !/^\s*(#|\||<!--|<\/?(p|div|table|section|figure|h\d|ul|ol|li)\b|[-*+] |\d+\. )/.test(line);
}

const FORBIDDEN: ReadonlyArray<[RegExp, string]> = [
  [/NaN/, 'NaN'],
  [/undefined/, 'undefined'],
  [/\bnull\b/, 'null'],
  [/Infinity/, 'Infinity'],
  [/\[object Object\]/, '[object Object]'],
  [/[（(]\s*[）)]/, '空括号“（）”'],
  [/\{\{|\}\}/, '未解析的“{{”'],
  [/，。|。。|，，|、、|；。|。，|，；|；；/, '重复的标点'],
];

/** The build fails rather than print a speech containing any of the FORBIDDEN marks. */
export function guardSpeech(text: string, file: string): void {
  const lines = text.split('\n');
  for (const [pattern, name] of FORBIDDEN) {
    const index = lines.findIndex((line) => pattern.test(line));
    if (index >= 0) {
      const excerpt = lines[index]!.trim().slice(0, 60);
      throw new TemplateError(`生成的讲话稿第${index + 1}行含有${name}，已停止生成：「${excerpt}」。请检查模板或数据`, { file });
    }
  }
}
