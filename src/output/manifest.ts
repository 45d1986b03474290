// What tongbao wrote into a briefing folder, with each file's SHA-256: a draft whose bytes differ
// from its record was changed by hand since. Numbered copies are recorded with the PDF they were
// stamped from, so that they never outlive it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST = '.tongbao-manifest.json';

/** The files people edit (in a text editor, in Word/WPS): never replaced without keeping the edit. */
export const DRAFTS: readonly string[] = ['speech.md', 'speech.docx'];

export const COPIES_DIR = 'copies';

export interface Manifest {
  /** Path inside the folder → SHA-256 (hex) of the bytes tongbao wrote; copies excluded. */
  readonly files: Readonly<Record<string, string>>;
  /** The numbered copies and the SHA-256 of the speech.pdf they were stamped from. */
  readonly copies?: { readonly pdf: string; readonly files: readonly string[] };
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The folder's manifest; undefined when there is none or it is unreadable (then every draft counts as edited). */
export function readManifest(dir: string): Manifest | undefined {
  try {
    const json = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Partial<Manifest>;
    if (typeof json.files !== 'object' || json.files === null) return undefined;
    const files = Object.fromEntries(Object.entries(json.files).filter(([, hash]) => typeof hash === 'string'));
    const copies = json.copies && typeof json.copies.pdf === 'string' && Array.isArray(json.copies.files) ? json.copies : undefined;
    return { files, ...(copies ? { copies } : {}) };
  } catch {
    return undefined;
  }
}

/** Stable bytes: keys in code-point order. */
export function manifestJson(manifest: Manifest): string {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const copies = manifest.copies ? { pdf: manifest.copies.pdf, files: [...manifest.copies.files].sort() } : undefined;
  return `${JSON.stringify({ files, ...(copies ? { copies } : {}) }, null, 2)}\n`;
}
