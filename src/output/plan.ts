// What replacing a briefing folder with a build's new files changes besides the files themselves:
// hand-edited drafts are moved aside, numbered copies follow the PDF they were stamped from, and
// everything this build did not make (other formats, the user's own files) stays.
import { existsSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { displayPath } from '../system/fsErrors.js';
import { COPIES_DIR, DRAFTS, type Manifest, readManifest, sha256 } from './manifest.js';

export interface SwapPlan {
  /** Drafts changed by hand since tongbao wrote them, and the free names they move to. */
  readonly asides: readonly { readonly from: string; readonly to: string }[];
  /** Copies stamped from a PDF that this build replaces. */
  readonly removals: readonly string[];
  /** The copies the folder will hold and their PDF, when known. */
  readonly copies: Manifest['copies'];
  readonly previous: Manifest | undefined;
  /** For the terminal and check.md, in Chinese. */
  readonly notes: readonly string[];
}

/** `outputs`: the files the build wrote into `staging` (paths inside it, "copies/01-王建国.pdf"). */
export function planSwap(staging: string, final: string, outputs: ReadonlySet<string>): SwapPlan {
  const previous = readManifest(final);
  const asides = DRAFTS.filter((draft) => outputs.has(draft)).flatMap((draft) => editedAside(draft, staging, final, previous));
  const copies = planCopies(staging, final, outputs, previous);
  const notes = [
    ...asides.map(({ from, to }) => `${displayPath(join(final, from))} 在上次生成之后被改动过，已改名为 ${to} 保留；新生成的是 ${from}`),
    ...(copies.note ? [copies.note] : []),
  ];
  return { asides, removals: copies.removals, copies: copies.record, previous, notes };
}

function editedAside(draft: string, staging: string, final: string, previous: Manifest | undefined): SwapPlan['asides'] {
  const current = join(final, draft);
  if (!existsSync(current)) return [];
  const hash = sha256(current);
  if (hash === previous?.files[draft] || hash === sha256(join(staging, draft))) return [];
  return [{ from: draft, to: freeName(final, draft) }];
}

/** speech.md → speech.edited-1.md, or the next number not yet taken. */
export function freeName(dir: string, file: string): string {
  const ext = extname(file);
  const stem = file.slice(0, file.length - ext.length);
  for (let n = 1; ; n++) {
    const name = `${stem}.edited-${n}${ext}`;
    if (!existsSync(join(dir, name))) return name;
  }
}

interface CopiesPlan {
  readonly removals: string[];
  readonly record?: Manifest['copies'];
  readonly note?: string;
}

function planCopies(staging: string, final: string, outputs: ReadonlySet<string>, previous: Manifest | undefined): CopiesPlan {
  const old = listCopies(final);
  const fresh = [...outputs].filter((file) => file.startsWith(`${COPIES_DIR}/`));
  if (fresh.length > 0) return { removals: old.filter((file) => !outputs.has(file)), record: { pdf: sha256(join(staging, 'speech.pdf')), files: fresh } };
  // The PDF stays, so do its copies.
  if (!outputs.has('speech.pdf')) return { removals: [], ...(previous?.copies ? { record: previous.copies } : {}) };
  if (old.length === 0) return { removals: [] };
  const pdf = sha256(join(staging, 'speech.pdf'));
  const stampedFrom = previous?.copies?.pdf ?? (existsSync(join(final, 'speech.pdf')) ? sha256(join(final, 'speech.pdf')) : undefined);
  if (stampedFrom === pdf) return { removals: [], record: { pdf, files: old } };
  const note = `PDF 已重新生成，按旧 PDF 盖章的 ${old.length} 份编号副本已从 ${displayPath(join(final, COPIES_DIR))} 删除；需要副本请加 --attendees 重新生成`;
  return { removals: old, note };
}

/** The numbered copies in a briefing folder ("copies/01-王建国.pdf"); other files there are the user's. */
function listCopies(final: string): string[] {
  try {
    return readdirSync(join(final, COPIES_DIR), { withFileTypes: true })
      .filter((entry) => entry.isFile() && /^\d{2,}-.+\.pdf$/.test(entry.name))
      .map((entry) => `${COPIES_DIR}/${entry.name}`)
      .sort();
  } catch {
    return [];
  }
}
