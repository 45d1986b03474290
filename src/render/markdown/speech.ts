// Handlebars templates → the speech's Markdown, in plain (md) or source-annotated (html) form.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { TemplateError } from '../../errors.js';
import { buildAppendix } from '../../narrate/appendix.js';
import type { ReportContext } from '../../narrate/context.js';
import { type Mode, registerHelpers } from '../../narrate/helpers.js';
import { registerBlockHelpers } from './blocks.js';
import { growthOption, rankOption } from '../html/charts.js';

export interface TemplateSet {
  readonly dir: string;
  readonly main: string;
  readonly partials: ReadonlyMap<string, string>;
  /** The appendix table in each output form; '' when the template set has none. */
  readonly appendix: { readonly md: string; readonly html: string };
}

export interface SpeechOptions {
  /** Include the appendix table (附表) where the template asks for it with {{> appendix}}. */
  readonly appendix: boolean;
}

const MAIN = 'speech.md.hbs';
const APPENDIX = { md: 'appendix.md.hbs', html: 'appendix.html.hbs' } as const;

export function loadTemplates(dir: string): TemplateSet {
  const read = (file: string) => {
    try {
      return readFileSync(join(dir, file), 'utf8');
    } catch {
      throw new TemplateError(`找不到模板文件：请确认 ${relative(process.cwd(), join(dir, file))} 存在`, { file: join(dir, file) });
    }
  };
  const partialDir = join(dir, 'partials');
  let names: string[] = [];
  try {
    names = readdirSync(partialDir).filter((name) => name.endsWith('.hbs')).sort();
  } catch {
    names = [];
  }
  const partials = new Map(names.map((name) => [basename(name, '.hbs'), read(join('partials', name))]));
  const optional = (file: string) => (existsSync(join(dir, file)) ? read(file) : '');
  return { dir, main: read(MAIN), partials, appendix: { md: optional(APPENDIX.md), html: optional(APPENDIX.html) } };
}

/** Renders the speech; fails on anything a leader must never read aloud (NaN, undefined, “（）” …). */
export function renderSpeech(templates: TemplateSet, context: ReportContext, mode: Mode, options: SpeechOptions = { appendix: true }): string {
  const hbs = handlebarsFor(templates, context, mode);
  // In HTML the appendix is a placeholder, filled after Markdown → HTML (see renderAppendixHtml).
  const appendix = mode === 'md' ? templates.appendix.md : templates.appendix.html && `\n\n${placeholder('appendix')}\n\n`;
  hbs.registerPartial('appendix', options.appendix ? compile(hbs, appendix, APPENDIX.md) : () => '');
  const text = compile(hbs, templates.main, MAIN)(withAppendix(context));
  const tidy = tidyMarkdown(mode === 'md' ? markdownEscapes(text) : text);
  guardSpeech(tidy, join(templates.dir, MAIN));
  return tidy;
}

/** The appendix table as HTML (escaped, each cell with its source), chart placeholders left in. */
export function renderAppendixHtml(templates: TemplateSet, context: ReportContext): string {
  if (!templates.appendix.html) return '';
  const hbs = handlebarsFor(templates, context, 'html');
  const html = compile(hbs, templates.appendix.html, APPENDIX.html)(withAppendix(context));
  guardSpeech(html, join(templates.dir, APPENDIX.html));
  return html;
}

/** The context the templates see: the report plus the appendix rows and which charts have data. */
function withAppendix(context: ReportContext) {
  const appendix = buildAppendix(context);
  return { ...context, appendix, charts: { growth: growthOption(appendix.rows) !== undefined, rank: rankOption(appendix.rows) !== undefined } };
}

/** A marker that survives Markdown → HTML as an HTML comment of its own. */
export function placeholder(name: string): string {
  return `<!--tongbao:${name}-->`;
}

function handlebarsFor(templates: TemplateSet, context: ReportContext, mode: Mode): typeof Handlebars {
  const hbs = Handlebars.create();
  const lookup = (id: string) => context.figures.get(id);
  registerHelpers(hbs, mode, lookup);
  registerBlockHelpers(hbs, mode, lookup, placeholder);
  hbs.registerHelper('sectorPartial', (id: string) => (templates.partials.has(`sector-${id}`) ? `sector-${id}` : 'sector'));
  hbs.registerHelper('problemPartial', (kind: string) => `problem-${kind}`);
  for (const [name, source] of templates.partials) hbs.registerPartial(name, compile(hbs, source, `partials/${name}.hbs`));
  return hbs;
}

function compile(hbs: typeof Handlebars, source: string, file: string): Handlebars.TemplateDelegate {
  let template: Handlebars.TemplateDelegate;
  try {
    // Both forms escape what expressions print; Markdown then gets back all but < and > (see markdownEscapes).
    template = hbs.compile(source, { preventIndent: true });
  } catch (error) {
    throw templateError(error, file);
  }
  return (context: unknown, options?: Handlebars.RuntimeOptions) => {
    try {
      return template(context, options);
    } catch (error) {
      throw error instanceof TemplateError ? error : templateError(error, file);
    }
  };
}

function templateError(error: unknown, file: string): TemplateError {
  const message = error instanceof Error ? error.message : String(error);
  const line = /line (\d+)/.exec(message)?.[1];
  return new TemplateError(`模板有误，无法生成讲话稿（${message.split('\n')[0]}）`, { file: `templates/…/${file}`, cell: line ? `第${line}行` : undefined }, { cause: error });
}

const MARKDOWN_ESCAPES: Readonly<Record<string, string>> = { lt: '\\<', gt: '\\>', amp: '&', quot: '"', '#x27': "'", '#x60': '`', '#x3D': '=' };

/**
 * Handlebars' HTML escapes of printed values, turned into Markdown: `<` and `>` become `\<` and `\>`,
 * so markup in a return's text (a project named `<img onerror=…>`) stays text in any Markdown
 * viewer; the other characters come back as they were.
 */
function markdownEscapes(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|#x27|#x60|#x3D);/g, (_all, name: string) => MARKDOWN_ESCAPES[name]!);
}

/** Blank lines collapsed to one, no trailing spaces, one final newline. */
function tidyMarkdown(text: string): string {
  return `${text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

const FORBIDDEN: ReadonlyArray<[RegExp, string]> = [
  [/NaN/, 'NaN'],
  [/undefined/, 'undefined'],
  [/\bnull\b/, 'null'],
  [/Infinity/, 'Infinity'],
  [/\[object Object\]/, '[object Object]'],
  [/[（(]\s*[）)]/, '空括号“（）”'],
  [/\{\{|\}\}/, '未解析的“{{”'],
  [/，。|。。|，，|、、|；。/, '重复的标点'],
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
