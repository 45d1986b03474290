// Incremental updates: a copy is the original bytes plus an update section whose xref points at
// the appended objects.
import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { appendUpdate, changedSince, snapshot } from '../../src/render/copies/increment.js';

async function original(): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage([595, 842]);
  doc.addPage([842, 595]);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

describe('appendUpdate', () => {
  it('keeps the original bytes, appends only changed objects, and reads back with the change', async () => {
    const bytes = await original();
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const before = snapshot(doc.context);
    doc.getPage(1).node.set(PDFName.of('TbMark'), PDFString.of('copy 1'));
    const changed = changedSince(doc.context, before);
    expect(changed.map(([ref]) => ref.tag)).toEqual([doc.getPage(1).ref.tag]);
    const trailer = { size: doc.context.largestObjectNumber + 1, root: doc.context.trailerInfo.Root as never };
    const copy = appendUpdate(bytes, changed, trailer);
    expect(copy.subarray(0, bytes.length).equals(bytes)).toBe(true);
    const reread = await PDFDocument.load(copy, { updateMetadata: false });
    expect(reread.getPageCount()).toBe(2);
    expect(String(reread.getPage(1).node.get(PDFName.of('TbMark')))).toBe('(copy 1)');
    expect(String(reread.getPage(0).node.get(PDFName.of('TbMark')))).toBe('undefined');
  });

  it('writes xref offsets that point at each appended object', async () => {
    const bytes = await original();
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const before = snapshot(doc.context);
    for (const page of doc.getPages()) page.node.set(PDFName.of('TbMark'), PDFString.of('x'));
    const copy = appendUpdate(bytes, changedSince(doc.context, before), { size: doc.context.largestObjectNumber + 1, root: doc.context.trailerInfo.Root as never });
    const text = copy.toString('latin1');
    const xref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    const section = text.slice(xref, text.indexOf('trailer', xref)).split('\n');
    expect(section[0]).toBe('xref');
    expect(text.slice(text.indexOf('trailer', xref))).toMatch(/\/Prev \d+ >>/);
    let checked = 0;
    for (let i = 1; i < section.length - 1; ) {
      const [first, count] = section[i]!.split(' ').map(Number) as [number, number];
      for (let k = 0; k < count; k++) {
        const offset = Number(section[i + 1 + k]!.slice(0, 10));
        expect(text.slice(offset, offset + 12)).toMatch(new RegExp(`^${first + k} 0 obj`));
        checked++;
      }
      i += count + 1;
    }
    expect(checked).toBe(2);
  });
});
