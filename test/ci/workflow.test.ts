// The GitHub workflow: valid (action-validator, the schema GitHub's own editor uses), on current
// actions and Node, least privilege, one job per district; and the dry run that runs its steps
// locally reads it the way GitHub would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import actionValidator from '@action-validator/core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { evaluate, inputsFor, interpolate, jobOrder } from '../../scripts/ci-dry-run.mjs';
import { listDistricts, rootDistrictName } from '../../scripts/districts.mjs';

const text = readFileSync('.github/workflows/report.yml', 'utf8');
const workflow = parse(text);

describe('.github/workflows/report.yml', () => {
  it('passes action-validator', () => {
    const result = actionValidator.validateWorkflow(text);
    expect(result.errors).toEqual([]);
  });

  it('fails action-validator when a step is misspelt (the check can fail)', () => {
    const broken = text.replace('    steps:\n      - uses: actions/checkout@v6\n      - uses: actions/setup-node@v6\n        with:\n          node-version: 24\n      - name: 列出区县', '    stepz:\n      - uses: actions/checkout@v6\n      - uses: actions/setup-node@v6\n        with:\n          node-version: 24\n      - name: 列出区县');
    expect(broken).not.toBe(text);
    expect(actionValidator.validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  it('uses the current majors of the actions, on a current Node LTS, reading only', () => {
    const uses = Object.values(workflow.jobs).flatMap((job: any) => job.steps.map((s: any) => s.uses).filter(Boolean));
    expect(new Set(uses)).toEqual(new Set(['actions/checkout@v6', 'actions/setup-node@v6', 'actions/upload-artifact@v7']));
    const nodes = Object.values(workflow.jobs).flatMap((job: any) => job.steps.filter((s: any) => s.uses?.startsWith('actions/setup-node')).map((s: any) => s.with['node-version']));
    for (const node of nodes) expect([22, 24]).toContain(node);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency.group).toContain('github.ref');
  });

  it('runs on data, districts, templates, config, source and lock file, and by hand with quarter and through', () => {
    expect(workflow.on.push.paths).toEqual(expect.arrayContaining(['data/**', 'districts/**', 'templates/**', 'tongbao.config.yaml', 'src/**', 'package-lock.json']));
    expect(Object.keys(workflow.on.workflow_dispatch.inputs)).toEqual(['quarter', 'through', 'district']);
  });

  it('builds one job per district, uploads also after a failure, installs no test-only packages', () => {
    const report = workflow.jobs.report;
    expect(report.strategy.matrix.district).toBe('${{ fromJSON(needs.districts.outputs.list) }}');
    expect(report.strategy['fail-fast']).toBe(false);
    const upload = report.steps.find((s: any) => s.uses?.startsWith('actions/upload-artifact'));
    expect(upload.if).toMatch(/^always\(\)/);
    expect(upload.with.name).toBe('${{ steps.check.outputs.artifact }}');
    expect(text).not.toMatch(/setup:test|--test|poppler/);
  });
});

describe('npm scripts', () => {
  it('every `npm run <script>` the README, the workflow and .ci/run name exists in package.json', () => {
    const scripts = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).scripts);
    const named = [readFileSync('README.md', 'utf8'), text, readFileSync('.ci/run', 'utf8')].flatMap((doc) => [...doc.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!));
    expect(new Set(named)).toContain('init');
    expect([...new Set(named)].filter((name) => !scripts.includes(name))).toEqual([]);
  });
});

describe('the dry run (npm run ci:dry-run)', () => {
  it('runs the same commands in the same order as the workflow', () => {
    const run = spawnSync(process.execPath, ['scripts/ci-dry-run.mjs', '--list'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const commands = run.stdout.split('\n').filter((line) => line.trimStart().startsWith('$ ')).map((line) => line.trim().slice(2).split(' -- ')[0]);
    expect(commands).toEqual(['node scripts/districts.mjs', 'npm run setup', 'npm run check', 'npm run report']);
    expect(run.stdout).toContain('构建产物「${{ steps.check.outputs.artifact }}」← ${{ steps.check.outputs.dir }}');
  });

  it('evaluates the workflow\'s expressions as GitHub does', () => {
    const context = { inputs: { quarter: '', district: '东湖区' }, steps: { check: { outputs: { artifact: 'x' } } }, needs: { districts: { outputs: { list: '["云溪区","东湖区"]' } } }, jobStatus: 'failure' };
    expect(evaluate("inputs.quarter || 'latest'", context)).toBe('latest');
    expect(evaluate('fromJSON(needs.districts.outputs.list)', context)).toEqual(['云溪区', '东湖区']);
    expect(evaluate("always() && steps.check.outputs.artifact != ''", context)).toBe(true);
    expect(evaluate("success() && steps.check.outputs.artifact != ''", context)).toBe(false);
    expect(interpolate("report-${{ github.ref }}-${{ inputs.district || 'all' }}", { ...context, github: { ref: 'refs/heads/main' } })).toBe('report-refs/heads/main-东湖区');
    expect(() => evaluate("contains(inputs.quarter, 'Q')", context)).toThrow(/does not know the function contains/);
    expect(jobOrder(workflow)).toEqual(['districts', 'report']);
    expect(inputsFor(workflow, { quarter: 'Q2' })).toEqual({ quarter: 'Q2', through: '', district: '' });
  });
});

describe('the districts of the repository (scripts/districts.mjs)', () => {
  it('lists the root\'s example and districts/东湖区, and writes them as the step\'s output', () => {
    expect(listDistricts('.')).toEqual(['云溪区', '东湖区']);
    const dir = mkdtempSync(join(tmpdir(), 'tongbao-gh-'));
    try {
      const output = join(dir, 'output');
      const run = spawnSync(process.execPath, ['scripts/districts.mjs'], { encoding: 'utf8', env: { ...process.env, GITHUB_OUTPUT: output, DISTRICT: '' } });
      expect(run.status).toBe(0);
      expect(readFileSync(output, 'utf8')).toBe('list=["云溪区","东湖区"]\n');
      const one = spawnSync(process.execPath, ['scripts/districts.mjs'], { encoding: 'utf8', env: { ...process.env, GITHUB_OUTPUT: output, DISTRICT: '西湖区' } });
      expect(one.status).toBe(1);
      expect(one.stderr).toContain('没有区县「西湖区」');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the root district\'s name from the YAML without a parser, or says "."', () => {
    expect(rootDistrictName('# c\ndistrict:\n  name: 云溪区  # 本区\n  aliases: [云溪]\ncity:\n  name: 临江市\n')).toBe('云溪区');
    expect(rootDistrictName("district: { name: '青山区', aliases: [青山] }\n")).toBe('青山区');
    expect(rootDistrictName('city:\n  name: 临江市\n')).toBe('.');
  });
});
