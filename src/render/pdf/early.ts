// The browser started first thing by the command line, when the command will print a PDF: Chromium
// then boots while the rest of the program loads and the data is read, and the build takes it over
// (openBrowser) instead of starting its own. One that no build took is closed at the end.
import { findBrowser } from './find.js';
import { BROWSER_TIMEOUT_MS, type StartedBrowser, startBrowser } from './launch.js';

let early: StartedBrowser | undefined;

/** Starts the browser now; a missing browser is left for the build to report. */
export function startBrowserEarly(): void {
  if (early) return;
  try {
    early = startBrowser(findBrowser(), BROWSER_TIMEOUT_MS);
  } catch {
    early = undefined;
  }
}

/** The browser started early, if it is `executablePath`; the caller then owns it. */
export function takeEarlyBrowser(executablePath: string): StartedBrowser | undefined {
  if (early?.executablePath !== executablePath) return undefined;
  const taken = early;
  early = undefined;
  return taken;
}

/** Closes the early browser if nothing took it. */
export async function closeEarlyBrowser(): Promise<void> {
  const unused = early;
  early = undefined;
  await unused?.close();
}
