// The first look at the command line that decides whether the browser starts before the program loads.
import { describe, expect, it } from 'vitest';
import { willPrint } from '../../src/cli/argv.js';

describe('willPrint', () => {
  it('is true for report and render with the default formats or pdf among them', () => {
    expect(willPrint(['report', '--quarter', 'Q2'])).toBe(true);
    expect(willPrint(['--debug', 'report', '--quarter', 'Q2'])).toBe(true);
    expect(willPrint(['report', '--quarter', 'Q2', '--format', 'md,PDF'])).toBe(true);
    expect(willPrint(['report', '--quarter', 'Q2', '--format=html, pdf'])).toBe(true);
    expect(willPrint(['render', 'out/2023-Q2/speech.md'])).toBe(true);
  });

  it('is false without pdf, for other commands and for help', () => {
    expect(willPrint(['report', '--quarter', 'Q2', '--format', 'md,html'])).toBe(false);
    expect(willPrint(['report', '--quarter', 'Q2', '--format=md'])).toBe(false);
    expect(willPrint(['check', '--quarter', 'Q2'])).toBe(false);
    expect(willPrint(['render', 'out/2023-Q2/speech.md', '--format', 'docx'])).toBe(false);
    expect(willPrint(['verify', 'out/2023-Q2/speech.md'])).toBe(false);
    expect(willPrint(['report', '--help'])).toBe(false);
    expect(willPrint([])).toBe(false);
  });
});
