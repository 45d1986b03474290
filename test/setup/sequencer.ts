// The order test files start in. Two workers share the files; the run ends when the later one
// does, so the files that take longest start first and the short ones fill in behind them. Vitest
// orders by the durations of the previous run, which a fresh clone (every CI run) does not have:
// it then orders by file size, and the 15-second chain of killed builds started half-way through
// and ran alone at the end (62 s instead of 53 s). So the slowest files are named here, longest
// first, as measured on 2 cores (seconds in a run at load 1–5, 2026-12-07); the rest follow in
// vitest's own order. Refresh with `npx vitest run --reporter=json --outputFile=t.json`.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const SLOWEST = [
  'test/faults/interrupted.test.ts', // 15 s: nine builds, killed one stage after another
  'test/render/documents.test.ts', // 10 s
  'test/ingest/fuzz.test.ts', // 5 s
  'test/cli/report.test.ts',
  'test/faults/browser.test.ts',
  'test/check/cli.test.ts',
  'test/render/pdf.test.ts', // 4 s
  'test/cli/docx-render.test.ts',
  'test/render/print-layout.test.ts', // 3 s
  'test/render/injection.test.ts',
  'test/cli/publish.test.ts',
  'test/faults/early.test.ts', // 2 s
];

function rank(file: TestSpecification): number {
  const at = SLOWEST.findIndex((slow) => file.moduleId.endsWith(`/${slow}`));
  return at === -1 ? SLOWEST.length : at;
}

export default class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const known = await super.sort(files);
    // Array#sort is stable: the files not named keep vitest's order among themselves.
    return known.sort((a, b) => rank(a) - rank(b));
  }
}
