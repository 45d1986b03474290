// Golden cases: each folder of test/cases/ holds case.yaml (the meeting, and where its config and
// data are) with the expected figures.json and speech.md beside it, reviewed by hand when created.
// A mismatch writes <file>-changed next to the expected file for review; a missing expected file is
// written locally (review it, then commit it) and never under CI=true.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/build.js';
import type { FiguresDocument } from '../../src/compute/document.js';
import { textBlocks } from '../../src/verify/draft.js';
import { verifyDraft } from '../../src/verify/verify.js';

const CASES = 'test/cases';
const OUTPUTS = ['figures.json', 'speech.md'] as const;
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-cases-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface CaseSpec {
  readonly quarter: number;
  readonly year: number;
  /** Relative to the case folder. */
  readonly config?: string;
  readonly data?: string;
  readonly template?: string;
}

const cases = readdirSync(CASES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe.each(cases)('golden case %s', (name) => {
  const dir = join(CASES, name);
  const spec = parseYaml(readFileSync(join(dir, 'case.yaml'), 'utf8')) as CaseSpec;

  it('gives the expected figures.json and speech.md', async () => {
    const out = mkdtempSync(join(tmp, `${name}-`));
    const result = await buildReport({
      configFile: resolve(dir, spec.config ?? 'tongbao.config.yaml'),
      dataDir: resolve(dir, spec.data ?? 'data'),
      outDir: out,
      templateDir: resolve(spec.template ?? 'templates/speech'),
      meeting: { year: spec.year, quarter: spec.quarter },
      formats: new Set(['md']),
      log: () => undefined,
    });
    const changed = OUTPUTS.filter((file) => !matches(join(result.dir, file), join(dir, file)));
    expect(changed, `见 ${dir}/<文件>-changed，核对无误后替换原文件`).toEqual([]);
    // The speech as generated passes 核稿 against its own figures, with nothing left unchecked.
    const figures = JSON.parse(readFileSync(join(result.dir, 'figures.json'), 'utf8')) as FiguresDocument;
    const verified = verifyDraft(textBlocks(readFileSync(join(result.dir, 'speech.md'), 'utf8'), true), figures);
    expect(verified.problems).toEqual([]);
    expect(verified.unchecked).toEqual([]);
  });
});

/** Compares an output with its expected file; writes <file>-changed (or the missing file) for review. */
function matches(actualPath: string, expectedPath: string): boolean {
  const actual = readFileSync(actualPath, 'utf8');
  if (!existsSync(expectedPath)) {
    if (process.env.CI) return false;
    writeFileSync(expectedPath, actual);
    console.warn(`golden: wrote ${expectedPath} — review it by hand before committing`);
    return true;
  }
  if (readFileSync(expectedPath, 'utf8') === actual) {
    rmSync(`${expectedPath}-changed`, { force: true });
    return true;
  }
  if (!process.env.CI) writeFileSync(`${expectedPath}-changed`, actual);
  return false;
}
