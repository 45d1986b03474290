// The Handlebars helpers that phrase figures in Chinese and assemble lists, registered in one place
// with what each one takes, so templates are checked before rendering (render/markdown/check.ts).
// In HTML mode each stated number is wrapped in a span whose title gives its source.
import Handlebars from 'handlebars';
import { bottomPlace, type Rank } from '../compute/rules/rank.js';
import type { Completion } from '../compute/rules/completion.js';
import { formatFixed } from '../compute/round.js';
import { htmlText } from '../render/markdown/escape.js';
import type { Figure } from '../types.js';
import type { Place } from './meeting.js';
import {
  chineseNumber, changePhrase, completionPhrase, increasePhrase, datePhrase, enumerate, gapPhrase, growthPhrase, moneyPhrase,
  notComparablePhrase, rankMovePhrase, rankPhrase, sinceName, targetPhrase,
} from './phrases.js';
import { type Holiday, holidayOn } from './season.js';

export type Mode = 'md' | 'html';

/** What a helper's argument must be: a figure, a record of a type, a list, a literal, anything. */
export type Param = 'figure' | 'rank' | 'completion' | 'list' | 'string' | 'number' | 'any';

export interface HelperSpec {
  readonly params: readonly Param[];
  /** Trailing params that may be left out. */
  readonly optional?: number;
  /** Any number of params (and, or). */
  readonly variadic?: boolean;
  /** A block helper: the context inside is the same one, or each item of its list argument. */
  readonly block?: 'same' | 'item';
}

export interface HelperEnv {
  readonly mode: Mode;
  readonly lookup: (id: string) => Figure | undefined;
  readonly place: Place;
  readonly holidays: readonly Holiday[];
}

type Options = Handlebars.HelperOptions & { loc?: { start: { line: number } }; name?: string };

/** A helper given nothing where a figure was expected: a template that does not check `{{#if f.x}}`. */
export class TemplateDataError extends Error {
  constructor(message: string, readonly line: number | undefined) {
    super(message);
  }
}

const FIGURE: HelperSpec = { params: ['figure'] };
/** Marks where a numbered step begins, until {{#steps}} knows how many there are. */
const STEP = '\uE000';

export const HELPER_SPECS: Readonly<Record<string, HelperSpec>> = {
  growth: FIGURE, increase: FIGURE, forecast: FIGURE, gap: FIGURE, amount: FIGURE, money: FIGURE, points: FIGURE, percent: FIGURE, target: FIGURE, days: FIGURE, rankMove: FIGURE,
  change: { params: ['figure', 'string'], optional: 1 },
  rank: { params: ['rank'] },
  completion: { params: ['completion'] },
  deadline: { params: ['string'] },
  date: { params: ['string'] },
  names: { params: ['list'] },
  group: { params: ['list', 'string'] },
  count: { params: ['list', 'string'], optional: 1 },
  cn: { params: ['number'] },
  has: { params: ['any'] },
  some: { params: ['any'] },
  isNegative: { params: ['any'] },
  eq: { params: ['any', 'any'] },
  not: { params: ['any'] },
  and: { params: [], variadic: true },
  or: { params: [], variadic: true },
  actionPartial: { params: ['string'] },
  if: { params: ['any'], block: 'same' },
  unless: { params: ['any'], block: 'same' },
  each: { params: ['list'], block: 'item' },
  join: { params: ['list', 'string'], block: 'item' },
  steps: { params: ['string', 'string'], optional: 1, block: 'same' },
  step: { params: [], block: 'same' },
  noindent: { params: [], block: 'same' },
};

type Say = (text: string, ...figures: (Figure | undefined)[]) => string | Handlebars.SafeString;
type Helpers = Record<string, (...args: never[]) => unknown>;

export function registerHelpers(hbs: typeof Handlebars, env: HelperEnv): void {
  const say: Say = (text, ...figures) => stated(text, figures, env);
  const helpers: Helpers = { ...figureHelpers(env, say), ...rankHelpers(env, say), ...wordHelpers(env), ...logicHelpers() };
  for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn as Handlebars.HelperDelegate);
  registerBlockHelpers(hbs, env.mode);
}

/** Helpers that state one figure. */
function figureHelpers(env: HelperEnv, say: Say): Helpers {
  return {
    /** {{growth f.growth}} → 增长5.0% / 下降3.2% / 与上年同期持平 / 增长1.05倍 / 扭亏为盈 / 为新增 */
    growth: (f: Figure | undefined, o: Options) => { const g = need(f, o); return g.value === null ? say(notComparablePhrase(g.comparison), g) : say(growthPhrase(g.value), g); },
    /** {{increase f.increase}} → 增加3家 / 减少4家 / 持平 (a count against a year before) */
    increase: (f: Figure | undefined, o: Options) => say(increasePhrase(number(f, o), f!.unit), f),
    /** {{forecast f.forecast.rate}} → 预计下降13.5% (a forecast is always labelled 预计) */
    forecast: (f: Figure | undefined, o: Options) => say(`预计${growthPhrase(number(f, o))}`, f),
    /** {{gap f.gap}} → 低于预期5.2个百分点 / 高于预期12.6个百分点 / 与预期持平 */
    gap: (f: Figure | undefined, o: Options) => say(gapPhrase(number(f, o)), f),
    /** {{change f.change}} → 比1—2月回落1.4个百分点 / 降幅比一季度收窄3.1个百分点 / 比一季度由负转正 */
    change: (f: Figure | undefined, since: unknown, o: Options) => {
      const c = need(f, (o ?? since) as Options);
      return say(changePhrase(c.comparison!, c.value!, typeof since === 'string' ? since : sinceOf(c, env.lookup)), c);
    },
    /** {{amount f.value}} → 35.67亿元 / 2345万元 / 86家 (the figure's own unit and precision) */
    amount: (f: Figure | undefined, o: Options) => say(`${formatFixed(number(f, o), f!.precision)}${f!.unit}`, f),
    /** {{money project.investment}} → 16.1亿元 / 2509万元 */
    money: (f: Figure | undefined, o: Options) => say(moneyPhrase(number(f, o), f!.unit === '亿元' ? '亿元' : '万元'), f),
    /** {{points f.halfway}} → 0.8个百分点 (the size of a difference, without its sign) */
    points: (f: Figure | undefined, o: Options) => say(`${formatFixed(Math.abs(number(f, o)), 1)}个百分点`, f),
    /** {{percent f.share}} → 43.0% */
    percent: (f: Figure | undefined, o: Options) => say(`${formatFixed(number(f, o), 1)}%`, f),
    /** {{target f.goal}} → 增长2%以上 / 增长5%左右 / 减少50%以上 / 降幅控制在8%以内 */
    target: (f: Figure | undefined, o: Options) => say(targetPhrase(number(f, o), f!.qualifier), f),
    /** {{days milestone.daysLate}} → 18天 */
    days: (f: Figure | undefined, o: Options) => say(`${number(f, o)}天`, f),
  };
}

/** Helpers that state a record of figures: a rank, its movement, a completion. */
function rankHelpers(env: HelperEnv, say: Say): Helpers {
  return {
    /** {{rank f.rank}} → 居全市第3位 / 居全市倒数第一 / 并列居全市第3位 */
    rank: (r: Rank | undefined, o: Options) => {
      const rank = need(r, o);
      return say(rankPhrase(rank.rank.value!, bottomPlace(rank), (rank.shared?.value ?? 1) > 1, env.place.cityArea), rank.rank, rank.fromBottom, rank.shared);
    },
    /** {{rankMove f.rank.moveMonth}} → 前移2位 / 后移1位 / 位次不变 */
    rankMove: (f: Figure | undefined, o: Options) => say(rankMovePhrase(number(f, o)), f),
    /** {{completion f.completion}} → 完成全年目标的23.6%，落后时序进度1.4个百分点 */
    completion: (c: Completion | undefined, o: Options) => {
      const done = need(c, o);
      return say(completionPhrase(done.rate.value!, done.ahead.value!, done.timeProgress.value === 100), done.rate, done.ahead);
    },
  };
}

/** Helpers for dates, lists and numbers in words. */
function wordHelpers(env: HelperEnv): Helpers {
  return {
    /** {{deadline planned}} → 6月底前 / 5月15日前 / before a holiday of seasons.yaml (for what is still due) */
    deadline: (iso: string) => datePhrase(iso, holidayOn(iso, env.holidays)?.name),
    /** {{date planned}} → 4月底前 / 3月15日前: the date itself (for what is past due) */
    date: (iso: string) => datePhrase(iso),
    /** {{names list}} → 建安投资、固定资产投资、限上零售业 */
    names: (list: readonly { name: string }[]) => enumerate(list.map((item) => item.name)),
    /** {{group list "项指标"}} → 建安投资、固投、限上零售业3项指标 / 固投 (one name needs no count) */
    group: (list: readonly { name: string }[], noun: string) => `${enumerate(list.map((item) => item.name))}${list.length > 1 ? `${list.length}${noun}` : ''}`,
    /** {{count list "项指标"}} → 3项指标; {{count list}} → 3 */
    count: (list: readonly unknown[], noun: unknown) => (typeof noun === 'string' ? `${list.length}${noun}` : list.length),
    /** {{cn 3}} → 三 */
    cn: (n: number) => chineseNumber(n),
    /** {{> (actionPartial role)}} → the action sentence of a role: partials/actions/<role>.hbs */
    actionPartial: (role: string) => `actions/${role}`,
  };
}

/** Conditions for {{#if}}. */
function logicHelpers(): Helpers {
  return {
    /** {{#if (has f.growth)}}: the figure exists and has a number (0 counts, unlike plain #if) */
    has: (f: Figure | undefined) => f?.value != null,
    /** {{#if (some list)}} with a non-empty list */
    some: (list: readonly unknown[] | undefined) => (list?.length ?? 0) > 0,
    /** {{#if (isNegative f.growth)}} */
    isNegative: (f: Figure | undefined) => f?.value != null && f.value < 0,
    eq: (a: unknown, b: unknown) => a === b,
    and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
    or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
    not: (value: unknown) => !value,
  };
}

function registerBlockHelpers(hbs: typeof Handlebars, mode: Mode): void {
  /** {{#join list "、"}}{{name}}{{/join}}: each item rendered, the non-empty ones joined. */
  hbs.registerHelper('join', function (list: readonly unknown[], separator: string, options: Handlebars.HelperOptions) {
    const parts = (list ?? []).map((item, index) => options.fn(item, { data: { ...Handlebars.createFrame(options.data), index, first: index === 0, last: index === list.length - 1 } }).trim());
    return parts.filter((part) => part !== '').join(separator);
  });
  /**
   * {{#steps "要" "要"}}…{{#step}}…{{/step}}…{{/steps}}: the steps that say something, numbered
   * 一要、二要 …; a lone step is not numbered, only led by the second word, if given.
   */
  hbs.registerHelper('steps', function (this: unknown, suffix: string, ...rest: unknown[]) {
    const options = rest.pop() as Handlebars.HelperOptions;
    const lone = typeof rest[0] === 'string' ? rest[0] : '';
    const text = options.fn(this, { data: { ...Handlebars.createFrame(options.data), steps: true } });
    const count = text.split(STEP).length - 1;
    let n = 0;
    return text.replaceAll(STEP, () => (count > 1 ? `${chineseNumber(++n)}${suffix}` : lone));
  });
  hbs.registerHelper('step', function (this: unknown, options: Handlebars.HelperOptions & { data: { steps?: boolean } }) {
    const text = options.fn(this).trim();
    return text === '' || !options.data.steps ? text : `${STEP}${text}`;
  });
  /** {{#noindent}}同志们：{{/noindent}}: a paragraph printed flush left (no two-character indent). */
  hbs.registerHelper('noindent', function (this: unknown, options: Handlebars.HelperOptions) {
    const text = options.fn(this);
    return mode === 'md' ? text : new Handlebars.SafeString(`<p class="noindent">${text}</p>`);
  });
}

/** The figure, or a TemplateDataError at the template's line: the data lacks what the template states. */
function need<T>(value: T | undefined | null, options: Options): T {
  if (value === undefined || value === null) {
    throw new TemplateDataError(`“{{${options.name ?? ''} …}}”要说的数字在数据中不存在：请用 {{#if …}} 把这句话包起来，只在有数字时才说`, options.loc?.start.line);
  }
  return value;
}

/** A figure's number; a figure without one (不可比, a blank cell) cannot be stated by this helper. */
function number(figure: Figure | undefined, options: Options): number {
  const f = need(figure, options);
  if (f.value === null) throw new TemplateDataError(`“{{${options.name ?? ''} …}}”要说的数字在数据中为空或不可比（${f.note ?? f.id}）：请用 {{#if (has …)}} 判断`, options.loc?.start.line);
  return f.value;
}

/** The earlier point a change compares with: the period of its second input (1—2月, 一季度 …). */
export function sinceOf(change: Figure, lookup: HelperEnv['lookup']): string {
  const input = change.inputs[1];
  const before = input && 'figure' in input ? lookup(input.figure) : undefined;
  if (!before) throw new Error(`change ${change.id} has no earlier figure`);
  return sinceName(before.period, change.period);
}

function stated(text: string, figures: readonly (Figure | undefined)[], env: HelperEnv): string | Handlebars.SafeString {
  if (env.mode === 'md' || figures.every((f) => f === undefined)) return text;
  const title = figures.filter((f): f is Figure => f !== undefined).map((f) => provenance(f, env.lookup)).join('\n');
  return new Handlebars.SafeString(`<span class="fig" title="${htmlText(title)}">${htmlText(text)}</span>`);
}

/** "规上工业增加值 同比：科工局….xlsx › 工业 › F6" or, for a derived figure, its formula and inputs. */
export function provenance(figure: Figure, lookup: HelperEnv['lookup'], depth = 0): string {
  const sources = figure.inputs.map((input) => {
    if ('source' in input) return `${input.source.file} › ${input.source.sheet} › ${input.source.cell}`;
    const inner = lookup(input.figure);
    return inner && depth < 3 ? provenance(inner, lookup, depth + 1) : input.figure;
  });
  const head = figure.formula === 'reported' ? '' : `${figure.formula}：`;
  return `${head}${sources.join('；')}`;
}
