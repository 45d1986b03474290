// Checks a template set against the shape of what templates may read (narrate/shape.ts) and the
// helpers they may call (narrate/helpers.ts) before anything is rendered: an unknown field, helper
// or partial, a helper given the wrong thing, an object printed as text — each a TemplateError at
// the template's file and line, whichever branch the data would take.
import Handlebars from 'handlebars';
import { TemplateError } from '../../errors.js';
import type { HelperSpec, Param } from '../../narrate/helpers.js';
import { FIGURE_FIELDS, type Shape } from '../../narrate/shape.js';

export interface TemplateSource {
  /** Shown to the user: templates/speech/partials/situation.hbs */
  readonly file: string;
  readonly source: string;
}

export interface CheckEnv {
  readonly root: Shape;
  readonly helpers: Readonly<Record<string, HelperSpec>>;
  readonly partials: ReadonlyMap<string, TemplateSource>;
  /** Helpers whose result names a partial, and the partials they can name: actionPartial → actions/*. */
  readonly partialNamers: Readonly<Record<string, (partials: readonly string[]) => string[]>>;
}

interface Scope {
  readonly shape: Shape;
  readonly parent?: Scope;
  /** Inside each/join: @index, @first and @last exist. */
  readonly inItem: boolean;
}

const DATA_VARIABLES: Readonly<Record<string, Shape>> = { index: { kind: 'number' }, first: { kind: 'boolean' }, last: { kind: 'boolean' } };
const BOOLEAN_HELPERS = new Set(['has', 'some', 'isNegative', 'eq', 'not', 'and', 'or']);

export function checkTemplate(template: TemplateSource, env: CheckEnv): void {
  new Checker(env).template(template, { shape: env.root, inItem: false });
}

class Checker {
  private readonly checked = new Set<string>();
  private file = '';

  constructor(private readonly env: CheckEnv) {}

  template(template: TemplateSource, scope: Scope): void {
    const outer = this.file;
    this.file = template.file;
    let program: hbs.AST.Program;
    try {
      program = Handlebars.parse(template.source);
    } catch (error) {
      const line = /line (\d+)/.exec(String(error))?.[1];
      throw this.error(`模板语法有误：${String((error as Error).message).split('\n')[0]}`, line ? Number(line) : undefined);
    }
    this.program(program, scope);
    this.file = outer;
  }

  private program(program: hbs.AST.Program | undefined, scope: Scope): void {
    for (const statement of program?.body ?? []) this.statement(statement, scope);
  }

  private statement(node: hbs.AST.Statement, scope: Scope): void {
    switch (node.type) {
      case 'MustacheStatement':
        return this.mustache(node as hbs.AST.MustacheStatement, scope);
      case 'BlockStatement':
        return this.block(node as hbs.AST.BlockStatement, scope);
      case 'PartialStatement':
        return this.partial(node as hbs.AST.PartialStatement, scope);
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      default:
        throw this.error(`模板中不支持“${node.type}”写法`, node.loc.start.line);
    }
  }

  private mustache(node: hbs.AST.MustacheStatement, scope: Scope): void {
    const path = node.path as hbs.AST.PathExpression;
    if (path.type !== 'PathExpression') throw this.error('“{{…}}”中应是字段名或助手名', node.loc.start.line);
    if (this.isHelper(path) || node.params.length > 0) {
      this.call(path, node.params, node.hash, scope);
      return;
    }
    const shape = this.resolve(path, scope);
    if (shape.kind !== 'string' && shape.kind !== 'number') {
      const hint = shape.kind === 'figure' ? `：数字请用助手说出，如 {{growth ${path.original}}}` : '';
      throw this.error(`“${path.original}”不是一段文字，不能直接写进讲话稿${hint}`, path.loc.start.line);
    }
  }

  private block(node: hbs.AST.BlockStatement, scope: Scope): void {
    const path = node.path as hbs.AST.PathExpression;
    const spec = path.type === 'PathExpression' && this.isHelper(path) ? this.env.helpers[path.original] : undefined;
    if (!spec?.block) throw this.error(`“{{#${path.original}}}”不是可用的块助手：可用的有 ${this.blockHelpers()}`, node.loc.start.line);
    if (node.program.blockParams?.length) throw this.error('模板中不支持“as |…|”写法', node.loc.start.line);
    const params = this.call(path, node.params, node.hash, scope);
    const list = params[0];
    const inner = spec.block === 'item' && list?.kind === 'list' ? { shape: list.of, parent: scope, inItem: true } : scope;
    this.program(node.program, inner);
    this.program(node.inverse, scope);
  }

  private partial(node: hbs.AST.PartialStatement, scope: Scope): void {
    const line = node.loc.start.line;
    const context = node.params[0] ? this.expression(node.params[0], scope) : undefined;
    if (node.params.length > 1 || node.hash?.pairs.length) throw this.error('部分模板“{{> …}}”最多带一个参数', line);
    const inner = context ? { shape: context, parent: scope, inItem: scope.inItem } : scope;
    for (const name of this.partialNames(node.name, scope, line)) {
      const partial = this.env.partials.get(name);
      if (!partial) throw this.error(`找不到部分模板“${name}”：应有文件 partials/${name}.hbs`, line);
      const key = `${name}|${shapeKey(inner.shape)}`;
      if (this.checked.has(key)) continue;
      this.checked.add(key);
      this.template(partial, inner);
    }
  }

  private partialNames(name: hbs.AST.PathExpression | hbs.AST.SubExpression, scope: Scope, line: number): string[] {
    if (name.type === 'PathExpression') return [name.original];
    const helper = (name.path as hbs.AST.PathExpression).original;
    const namer = this.env.partialNamers[helper];
    if (!namer) throw this.error(`“{{> (${helper} …)}}”：只有 ${Object.keys(this.env.partialNamers).join('、')} 能给出部分模板的名字`, line);
    this.call(name.path as hbs.AST.PathExpression, name.params, name.hash, scope);
    return namer([...this.env.partials.keys()]);
  }

  /** Checks a helper call and returns the shapes of its arguments. */
  private call(path: hbs.AST.PathExpression, params: readonly hbs.AST.Expression[], hash: hbs.AST.Hash | undefined, scope: Scope): Shape[] {
    const line = path.loc.start.line;
    const spec = this.isHelper(path) ? this.env.helpers[path.original] : undefined;
    if (!spec) throw this.error(`没有名为“${path.original}”的助手：可用的有 ${Object.keys(this.env.helpers).join('、')}`, line);
    if (hash?.pairs.length) throw this.error(`助手“${path.original}”不接受“名=值”参数`, line);
    const required = spec.params.length - (spec.optional ?? 0);
    if (!spec.variadic && (params.length < required || params.length > spec.params.length)) {
      throw this.error(`助手“${path.original}”应有 ${required === spec.params.length ? required : `${required}–${spec.params.length}`} 个参数，这里有 ${params.length} 个`, line);
    }
    return params.map((param, i) => {
      const shape = this.expression(param, scope);
      const wanted = spec.params[i] ?? 'any';
      if (!fits(shape, wanted)) throw this.error(`助手“${path.original}”的第${i + 1}个参数应是${PARAM_WORDS[wanted]}，“${describe(param)}”不是`, line);
      return shape;
    });
  }

  private expression(node: hbs.AST.Expression, scope: Scope): Shape {
    switch (node.type) {
      case 'PathExpression':
        return this.resolve(node as hbs.AST.PathExpression, scope);
      case 'SubExpression': {
        const sub = node as hbs.AST.SubExpression;
        const path = sub.path as hbs.AST.PathExpression;
        this.call(path, sub.params, sub.hash, scope);
        return { kind: BOOLEAN_HELPERS.has(path.original) ? 'boolean' : 'string' };
      }
      case 'StringLiteral':
        return { kind: 'string' };
      case 'NumberLiteral':
        return { kind: 'number' };
      case 'BooleanLiteral':
        return { kind: 'boolean' };
      default:
        throw this.error(`模板中不支持“${node.type}”写法`, node.loc.start.line);
    }
  }

  private resolve(path: hbs.AST.PathExpression, scope: Scope): Shape {
    const line = path.loc.start.line;
    if (path.data) {
      const [head, ...rest] = path.parts;
      if (head === 'root') return this.walk(this.env.root, rest, path);
      const variable = head !== undefined && scope.inItem ? DATA_VARIABLES[head] : undefined;
      if (!variable || rest.length > 0) throw this.error(`“${path.original}”不存在${head && DATA_VARIABLES[head] ? '：它只能用在 {{#each}} 或 {{#join}} 之内' : ''}`, line);
      return variable;
    }
    let at: Scope | undefined = scope;
    for (let i = 0; i < path.depth; i++) at = at?.parent;
    if (!at) throw this.error(`“${path.original}”的“../”超出了最外层`, line);
    return this.walk(at.shape, path.parts, path);
  }

  private walk(shape: Shape, parts: readonly string[], path: hbs.AST.PathExpression): Shape {
    let current = shape;
    for (const [i, part] of parts.entries()) {
      const fields = fieldsOf(current);
      const next = fields[part];
      if (!next) {
        const where = parts.slice(0, i).join('.') || '这里';
        throw this.error(`没有“${parts.slice(0, i + 1).join('.')}”这一项（${where}可用的有：${Object.keys(fields).join('、') || '无'}）`, path.loc.start.line);
      }
      current = next;
    }
    return current;
  }

  private isHelper(path: hbs.AST.PathExpression): boolean {
    return !path.data && path.depth === 0 && path.parts.length === 1 && Object.hasOwn(this.env.helpers, path.original);
  }

  private blockHelpers(): string {
    return Object.entries(this.env.helpers).filter(([, spec]) => spec.block).map(([name]) => `#${name}`).join('、');
  }

  private error(message: string, line: number | undefined): TemplateError {
    return new TemplateError(message, { file: this.file, cell: line === undefined ? undefined : `第${line}行` });
  }
}

function fieldsOf(shape: Shape): Readonly<Record<string, Shape>> {
  if (shape.kind === 'object') return shape.fields;
  if (shape.kind === 'figure') return FIGURE_FIELDS;
  if (shape.kind === 'list') return { length: { kind: 'number' } };
  return {};
}

const PARAM_WORDS: Readonly<Record<Param, string>> = {
  figure: '一个数字（如 f.growth）',
  rank: '位次（f.rank）',
  completion: '完成情况（f.completion）',
  list: '一个列表',
  string: '一段文字',
  number: '一个整数',
  any: '任意值',
};

function fits(shape: Shape, wanted: Param): boolean {
  switch (wanted) {
    case 'figure':
      return shape.kind === 'figure';
    case 'rank':
    case 'completion':
      return shape.kind === 'object' && shape.type === wanted;
    case 'list':
      return shape.kind === 'list';
    case 'string':
    case 'number':
      return shape.kind === wanted;
    case 'any':
      return true;
  }
}

function describe(node: hbs.AST.Expression): string {
  if (node.type === 'PathExpression') return (node as hbs.AST.PathExpression).original;
  if (node.type === 'SubExpression') return `(${((node as hbs.AST.SubExpression).path as hbs.AST.PathExpression).original} …)`;
  return String((node as hbs.AST.StringLiteral).original);
}

const SHAPE_KEYS = new WeakMap<Shape, number>();
let shapeCount = 0;

/** An identity for a shape object, so a partial is checked once per context it is used in. */
function shapeKey(shape: Shape): number {
  if (!SHAPE_KEYS.has(shape)) SHAPE_KEYS.set(shape, ++shapeCount);
  return SHAPE_KEYS.get(shape)!;
}
