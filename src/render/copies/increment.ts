// PDF incremental updates (ISO 32000 §7.5.6): changed and new objects appended after the original
// bytes, with their own xref section pointing back to the original's. Writing a copy then costs
// a few kilobytes of new objects instead of re-serialising every object of the document.
import type { PDFContext, PDFObject, PDFRef } from 'pdf-lib';

export type IndirectObject = readonly [ref: PDFRef, object: PDFObject];

/** The serialised bytes of every indirect object, by "N G R" tag. */
export function snapshot(context: PDFContext): Map<string, Buffer> {
  return new Map(context.enumerateIndirectObjects().map(([ref, object]) => [ref.tag, objectBody(object)]));
}

/** Objects that are new or differ from the snapshot, in object-number order. */
export function changedSince(context: PDFContext, before: ReadonlyMap<string, Buffer>): IndirectObject[] {
  return context
    .enumerateIndirectObjects()
    .filter(([ref, object]) => !before.get(ref.tag)?.equals(objectBody(object)))
    .sort(([a], [b]) => a.objectNumber - b.objectNumber);
}

function objectBody(object: PDFObject): Buffer {
  const bytes = Buffer.alloc(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}

/** "N G obj … endobj" */
export function indirectBytes([ref, object]: IndirectObject): Buffer {
  return Buffer.concat([Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`, 'latin1'), objectBody(object), Buffer.from('\nendobj\n', 'latin1')]);
}

export interface Trailer {
  /** 1 + the highest object number in the whole file. */
  readonly size: number;
  readonly root: PDFRef;
  readonly info?: PDFRef;
}

/** Objects written out once: their bytes and where each starts, from the start of these bytes. */
export interface Serialized {
  readonly bytes: Buffer;
  readonly entries: readonly (readonly [objectNumber: number, generation: number, at: number])[];
}

export function serialize(objects: readonly IndirectObject[]): Serialized {
  const parts = objects.map(indirectBytes);
  let at = 0;
  const entries = objects.map(([ref], i) => {
    const entry = [ref.objectNumber, ref.generationNumber, at] as const;
    at += parts[i]!.length;
    return entry;
  });
  return { bytes: Buffer.concat(parts), entries };
}

/** The original bytes plus `objects` as one update section. */
export function appendUpdate(original: Buffer, objects: readonly IndirectObject[], trailer: Trailer): Buffer {
  return Buffer.concat([original, updateSection(original, [serialize(objects)], trailer)]);
}

/**
 * What follows the original bytes in a copy: a line break, the objects of each part in order, the
 * xref section and trailer. Parts serialised once (what every copy shares) are reused as they are.
 */
export function updateSection(original: Buffer, parts: readonly Serialized[], trailer: Trailer): Buffer {
  const prev = previousXref(original);
  let offset = original.length + 1;
  const entries: [number, number, number][] = [];
  for (const part of parts) {
    for (const [number, generation, at] of part.entries) entries.push([number, generation, offset + at]);
    offset += part.bytes.length;
  }
  const refs = `/Root ${trailer.root.tag}${trailer.info ? ` /Info ${trailer.info.tag}` : ''}`;
  const tail = Buffer.from(`${xrefTable(entries)}trailer\n<< /Size ${trailer.size} ${refs} /Prev ${prev} >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1');
  return Buffer.concat([Buffer.from('\n', 'latin1'), ...parts.map((part) => part.bytes), tail]);
}


/** An xref section with one subsection per run of consecutive object numbers. */
function xrefTable(entries: readonly (readonly [number, number, number])[]): string {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  let text = 'xref\n';
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]![0] === sorted[j]![0] + 1) j++;
    text += `${sorted[i]![0]} ${j - i + 1}\n`;
    for (const [, gen, at] of sorted.slice(i, j + 1)) text += `${String(at).padStart(10, '0')} ${String(gen).padStart(5, '0')} n\r\n`;
    i = j + 1;
  }
  return text;
}

function previousXref(pdf: Buffer): number {
  const tail = pdf.subarray(Math.max(0, pdf.length - 1024)).toString('latin1');
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) throw new Error('PDF has no startxref at its end');
  return Number(match[1]);
}
