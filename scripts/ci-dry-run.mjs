#!/usr/bin/env node
// A dry run of .github/workflows/report.yml on this machine (there is no `act` here): the same
// `run:` commands in the same order, job after job and district after district, with the
// variables GitHub sets (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, CI) and the `${{ }}` expressions the
// workflow uses evaluated. `uses:` steps are reported, not run (checkout and Node are already
// here); the upload step lists the files it would upload.
//
//   npm run ci:dry-run                              whole workflow, as a push would run it
//   npm run ci:dry-run -- --quarter Q2 --district 东湖区   as a manual run with these inputs
//   npm run ci:dry-run -- --list                    print the steps and commands only
//   npm run ci:dry-run -- --skip 安装               leave out a step (npm ci reinstalls node_modules)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const WORKFLOW = '.github/workflows/report.yml';

/**
 * Evaluates the expressions the workflow uses: property paths, 'strings', ||, &&, == and !=,
 * !, always(), success(), failure(), fromJSON(). Anything else is an error, so that a change to
 * the workflow that this dry run cannot follow is noticed.
 * @param {string} source
 * @param {Record<string, unknown>} context
 * @returns {unknown}
 */
export function evaluate(source, context) {
  const tokens = source.match(/'[^']*'|\|\||&&|==|!=|[()!,]|[A-Za-z_][\w.-]*/g) ?? [];
  if (tokens.join('').replace(/\s/g, '') !== source.replace(/\s/g, '')) throw new Error(`dry run cannot read the expression: ${source}`);
  let at = 0;
  const peek = () => tokens[at];
  const next = () => tokens[at++];
  /** @returns {unknown} */
  const or = () => {
    let value = and();
    while (peek() === '||') {
      next();
      const right = and();
      value = value || right;
    }
    return value;
  };
  const and = () => {
    let value = equality();
    while (peek() === '&&') {
      next();
      const right = equality();
      value = value && right;
    }
    return value;
  };
  const equality = () => {
    const left = unary();
    if (peek() !== '==' && peek() !== '!=') return left;
    const op = next();
    const right = unary();
    return op === '==' ? String(left ?? '') === String(right ?? '') : String(left ?? '') !== String(right ?? '');
  };
  /** @returns {unknown} */
  const unary = () => {
    const token = next();
    if (token === '!') return !unary();
    if (token === '(') {
      const value = or();
      next();
      return value;
    }
    if (token?.startsWith("'")) return token.slice(1, -1);
    if (peek() === '(') {
      next();
      const args = [];
      while (peek() !== ')') {
        args.push(or());
        if (peek() === ',') next();
      }
      next();
      return call(/** @type {string} */ (token), args, context);
    }
    return /** @type {string} */ (token).split('.').reduce((value, key) => (value == null ? undefined : /** @type {Record<string, unknown>} */ (value)[key]), /** @type {unknown} */ (context));
  };
  const value = or();
  if (at !== tokens.length) throw new Error(`dry run cannot read the expression: ${source}`);
  return value;
}

/** @param {string} name @param {unknown[]} args @param {Record<string, unknown>} context */
function call(name, args, context) {
  if (name === 'always') return true;
  if (name === 'success') return context.jobStatus === 'success';
  if (name === 'failure') return context.jobStatus === 'failure';
  if (name === 'fromJSON') return JSON.parse(String(args[0]));
  throw new Error(`dry run does not know the function ${name}()`);
}

/** "${{ a }}-x" → the text with each expression's value; a lone expression keeps its type. */
export function interpolate(text, context) {
  if (typeof text !== 'string') return text;
  const lone = /^\$\{\{(.*)\}\}$/s.exec(text.trim());
  if (lone) return evaluate(lone[1].trim(), context);
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, expression) => String(evaluate(expression.trim(), context) ?? ''));
}

/** Jobs in an order that respects `needs`. */
export function jobOrder(workflow) {
  const jobs = Object.keys(workflow.jobs);
  const done = [];
  while (done.length < jobs.length) {
    const ready = jobs.find((id) => !done.includes(id) && [workflow.jobs[id].needs ?? []].flat().every((need) => done.includes(need)));
    if (!ready) throw new Error('jobs depend on each other in a circle');
    done.push(ready);
  }
  return done;
}

/** The workflow's inputs as a manual run with these flags would have them (defaults otherwise). */
export function inputsFor(workflow, given) {
  const declared = workflow.on?.workflow_dispatch?.inputs ?? {};
  return Object.fromEntries(Object.entries(declared).map(([name, spec]) => [name, given[name] ?? spec.default ?? '']));
}

function parseArgs(argv) {
  const options = { list: false, skip: [], inputs: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--list') options.list = true;
    else if (arg === '--skip') options.skip.push(argv[++i]);
    else if (arg.startsWith('--')) options.inputs[arg.slice(2)] = argv[++i];
  }
  return options;
}

function readOutputs(file) {
  if (!existsSync(file)) return {};
  return Object.fromEntries(readFileSync(file, 'utf8').split('\n').filter((line) => line.includes('=')).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

function filesUnder(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

/**
 * Runs (or, with `list`, prints) one job for one matrix entry. Returns the job's outputs and
 * whether it succeeded.
 */
function runJob(id, job, context, options, scratch) {
  const stepsContext = {};
  let status = 'success';
  const summary = join(scratch, `summary-${id}-${Object.values(context.matrix).join('-') || 'job'}.md`);
  writeFileSync(summary, '');
  const jobEnv = Object.fromEntries(Object.entries(job.env ?? {}).map(([k, v]) => [k, String(interpolate(v, context) ?? '')]));
  for (const [index, step] of (job.steps ?? []).entries()) {
    const here = { ...context, steps: stepsContext, jobStatus: status };
    const name = step.name ?? step.uses ?? `step ${index + 1}`;
    const expression = step.if === undefined ? undefined : String(step.if).replace(/^\$\{\{|\}\}$/g, '').trim();
    if (options.list && expression !== undefined) console.log(`    （条件：${expression}）`);
    const condition = options.list || (expression === undefined ? status === 'success' : Boolean(evaluate(expression, here)));
    if (!condition || options.skip.includes(name)) {
      console.log(`    – ${name}：跳过${options.skip.includes(name) ? '（--skip）' : '（条件不满足）'}`);
      continue;
    }
    if (step.uses) {
      const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, options.list ? v : interpolate(v, here)]));
      if (/upload-artifact/.test(step.uses)) {
        const files = options.list ? [] : filesUnder(String(inputs.path));
        console.log(`    ↑ ${name}：构建产物「${inputs.name}」← ${inputs.path}${options.list ? '' : `（${files.length} 个文件：${files.map((f) => f.split(/[\\/]/).pop()).join('、')}）`}`);
      } else console.log(`    · ${step.uses}：本地已具备，不运行`);
      continue;
    }
    const env = { ...process.env, CI: 'true', GITHUB_ACTIONS: 'true', ...jobEnv, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, String(interpolate(v, here) ?? '')])) };
    const script = String(interpolate(step.run, here));
    console.log(`    $ ${script}`);
    if (options.list) continue;
    const output = join(scratch, `output-${id}-${index}`);
    writeFileSync(output, '');
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { stdio: 'inherit', env: { ...env, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary } });
    if (step.id) stepsContext[step.id] = { outputs: readOutputs(output) };
    if (result.status !== 0) {
      status = 'failure';
      console.log(`    ✗ ${name} 失败（退出码 ${result.status}）`);
    }
  }
  // Listing runs nothing: a job's outputs stand for themselves ("<list>"), so later jobs still expand.
  const outputs = Object.fromEntries(Object.entries(job.outputs ?? {}).map(([k, v]) => [k, options.list ? JSON.stringify([`<${k}>`]) : interpolate(v, { ...context, steps: stepsContext })]));
  return { status, outputs, summary };
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const workflow = parse(readFileSync(WORKFLOW, 'utf8'));
  const inputs = inputsFor(workflow, options.inputs);
  const scratch = mkdtempSync(join(tmpdir(), 'tongbao-ci-'));
  const needs = {};
  const results = [];
  try {
    for (const id of jobOrder(workflow)) {
      const job = workflow.jobs[id];
      const base = { inputs, github: { ref: 'refs/heads/local', workspace: process.cwd() }, needs };
      const matrix = job.strategy?.matrix ?? {};
      const axes = Object.entries(matrix).map(([key, value]) => [key, [interpolate(value, base)].flat()]);
      const entries = axes.length === 0 ? [{}] : axes[0][1].map((value) => ({ [axes[0][0]]: value }));
      for (const entry of entries) {
        const context = { ...base, matrix: entry };
        console.log(`\n▶ ${String(interpolate(job.name ?? id, context))}`);
        const result = runJob(id, job, context, options, scratch);
        needs[id] = { outputs: result.outputs, result: result.status };
        results.push({ name: String(interpolate(job.name ?? id, context)), ...result });
      }
    }
    if (options.list) return;
    console.log('\n结果：');
    for (const r of results) {
      console.log(`  ${r.status === 'success' ? '✓' : '✗'} ${r.name}`);
      const text = readFileSync(r.summary, 'utf8').trim();
      if (text) console.log(text.split('\n').map((line) => `      │ ${line}`).join('\n'));
    }
    if (results.some((r) => r.status !== 'success')) process.exitCode = 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
