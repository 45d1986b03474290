// The Handlebars helpers that phrase figures in Chinese, registered in one place. In HTML mode each
// stated number is wrapped in a span whose title gives its source, so hovering shows where it came from.
import Handlebars from 'handlebars';
import { formatFixed } from '../compute/round.js';
import type { Figure } from '../types.js';
import {
  chineseNumber, changePhrase, completionPhrase, datePhrase, enumerate, gapPhrase, growthPhrase, moneyPhrase,
  notComparablePhrase, rankMovePhrase, rankPhrase, targetPhrase,
} from './phrases.js';

export type Mode = 'md' | 'html';

type Lookup = (id: string) => Figure | undefined;

export function registerHelpers(hbs: typeof Handlebars, mode: Mode, lookup: Lookup): void {
  const say = (text: string, ...figures: (Figure | undefined)[]) => stated(text, figures, mode, lookup);
  const helpers: Record<string, (...args: never[]) => unknown> = {
    /** {{growth f.growth}} → 增长5.0% / 下降3.2% / 与上年同期持平 / 增长1.05倍 / 扭亏为盈 / 不可比 */
    growth: (f: Figure | undefined) => (f?.value == null ? say(notComparablePhrase(f?.comparison), f) : say(growthPhrase(f.value), f)),
    /** {{forecast f.forecast}} → 预计下降13.5% (a forecast is always labelled 预计) */
    forecast: (f: Figure | undefined) => (f?.value == null ? '' : say(`预计${growthPhrase(f.value)}`, f)),
    /** {{gap f.gapToExpected}} → 低于预期5.2个百分点 / 高于预期12.6个百分点 */
    gap: (f: Figure | undefined) => (f?.value == null ? '' : say(gapPhrase(f.value), f)),
    /** {{change f.change "一季度"}} → 比一季度回落1.4个百分点 / 降幅比一季度收窄3.1个百分点 / 比一季度由负转正 */
    change: (f: Figure | undefined, since: string) =>
      f?.value == null || f.comparison === undefined ? '' : say(changePhrase(f.comparison, f.value, since), f),
    /** {{rank f.rank f.rankFromBottom f.rankShared}} → 居全市第3位 / 居全市倒数第一 / 并列居全市第3位 */
    rank: (rank: Figure | undefined, fromBottom: Figure | undefined, shared: Figure | undefined) =>
      rank?.value == null ? '' : say(rankPhrase(rank.value, fromBottom?.value ?? null, (shared?.value ?? 1) > 1), rank, fromBottom, shared),
    /** {{rankMove f.rankMoveMonth}} → 前移2位 / 后移1位 / 位次不变 */
    rankMove: (f: Figure | undefined) => (f?.value == null ? '' : say(rankMovePhrase(f.value), f)),
    /** {{amount f.value}} → 35.67亿元 / 2345万元 / 86家 (the figure's own unit and precision) */
    amount: (f: Figure | undefined) => (f?.value == null ? '' : say(`${formatFixed(f.value, f.precision)}${f.unit}`, f)),
    /** {{money project.investment}} → 16.1亿元 / 2509万元 */
    money: (f: Figure | undefined) => (f?.value == null ? '' : say(moneyPhrase(f.value, f.unit === '亿元' ? '亿元' : '万元'), f)),
    /** {{points f.halfway}} → 0.8个百分点 (the size of a difference, without its sign) */
    points: (f: Figure | undefined) => (f?.value == null ? '' : say(`${formatFixed(Math.abs(f.value), 1)}个百分点`, f)),
    /** {{percent f.share}} → 43.0% */
    percent: (f: Figure | undefined) => (f?.value == null ? '' : say(`${formatFixed(f.value, 1)}%`, f)),
    /** {{completion f.completion f.aheadOfSchedule}} → 完成全年目标的23.6%，落后时序进度1.4个百分点 */
    completion: (c: Figure | undefined, ahead: Figure | undefined) =>
      c?.value == null || ahead?.value == null ? '' : say(completionPhrase(c.value, ahead.value), c, ahead),
    /** {{target f.goal}} → 增长2%以上 / 增长5%左右 */
    target: (f: Figure | undefined) => (f?.value == null ? '' : say(targetPhrase(f.value, f.qualifier), f)),
    /** {{days milestone.daysLate}} → 18天 */
    days: (f: Figure | undefined) => (f?.value == null ? '' : say(`${f.value}天`, f)),
    /** {{deadline "2023-04-30"}} → “五一”前 */
    deadline: (iso: string) => datePhrase(iso),
    /** {{names list}} → 建安投资、固定资产投资、限上零售业 */
    names: (list: readonly { name: string }[]) => enumerate(list.map((item) => item.name)),
    /** {{group list "项指标"}} → 建安投资、固投、限上零售业3项指标 / 固投 (one name needs no count) */
    group: (list: readonly { name: string }[], noun: string) => `${enumerate(list.map((item) => item.name))}${list.length > 1 ? `${list.length}${noun}` : ''}`,
    /** {{count list}} → 3 */
    count: (list: readonly unknown[]) => list.length,
    /** {{cn 3}} → 三 */
    cn: (n: number) => chineseNumber(n),
    /** {{ordinal @index}} → 一 for index 0 (一是、二是 …) */
    ordinal: (index: number) => chineseNumber(index + 1),
    /** {{#if (has f.growth)}}: the figure exists and has a number (0 counts, unlike plain #if) */
    has: (f: Figure | undefined) => f?.value != null,
    /** {{#if (some list)}} with a non-empty list */
    some: (list: readonly unknown[] | undefined) => (list?.length ?? 0) > 0,
    eq: (a: unknown, b: unknown) => a === b,
    and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
    or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
    not: (value: unknown) => !value,
    /** {{#if (isNegative f.growth)}} */
    isNegative: (f: Figure | undefined) => f?.value != null && f.value < 0,
  };
  for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn as Handlebars.HelperDelegate);
  /** {{#noindent}}同志们：{{/noindent}}: a paragraph printed flush left (no two-character indent). */
  hbs.registerHelper('noindent', function (this: unknown, options: Handlebars.HelperOptions) {
    const text = options.fn(this);
    return mode === 'md' ? text : new Handlebars.SafeString(`<p class="noindent">${text}</p>`);
  });
}

function stated(text: string, figures: readonly (Figure | undefined)[], mode: Mode, lookup: Lookup): string | Handlebars.SafeString {
  if (mode === 'md' || figures.every((f) => f === undefined)) return text;
  const title = figures.filter((f): f is Figure => f !== undefined).map((f) => provenance(f, lookup)).join('\n');
  const escape = Handlebars.Utils.escapeExpression;
  return new Handlebars.SafeString(`<span class="fig" title="${escape(title)}">${escape(text)}</span>`);
}

/** "规上工业增加值 同比：科工局….xlsx › 工业 › F6" or, for a derived figure, its formula and inputs. */
export function provenance(figure: Figure, lookup: Lookup, depth = 0): string {
  const sources = figure.inputs.map((input) => {
    if ('source' in input) return `${input.source.file} › ${input.source.sheet} › ${input.source.cell}`;
    const inner = lookup(input.figure);
    return inner && depth < 3 ? provenance(inner, lookup, depth + 1) : input.figure;
  });
  const head = figure.formula === 'reported' ? '' : `${figure.formula}：`;
  return `${head}${sources.join('；')}`;
}
