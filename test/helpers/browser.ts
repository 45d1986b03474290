// Whether this machine has a browser to print with (tests that print are skipped without one).
import { findBrowser } from '../../src/render/pdf/browser.js';

/** The browser's path, or undefined where there is none. */
export function browserPath(): string | undefined {
  try {
    return findBrowser();
  } catch {
    return undefined;
  }
}
