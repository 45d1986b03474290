// One SAX pass over an XML part, fed in slices so that a part too big or too slow to be a return
// is stopped early (see budget.ts). Element names lose their namespace prefix ("x:c" → "c").
import { SaxesParser } from 'saxes';
import { DataError } from '../../../errors.js';
import type { Budget } from './budget.js';

export type Attributes = Readonly<Record<string, string>>;

export interface XmlHandlers {
  open(name: string, attributes: Attributes): void;
  close(name: string): void;
  text(text: string): void;
}

/** Bytes fed to the parser between two checks of the budget (≈ a few ms of parsing). */
const SLICE = 256 * 1024;

/** Parses `data` (the part `part` of the archive), calling the handlers; malformed XML is a DataError. */
export function parseXml(data: Uint8Array | string, part: string, handlers: XmlHandlers, budget: Budget, where: { sheet?: string } = {}): void {
  const parser = new SaxesParser({ position: false });
  let prefixed: boolean | undefined;
  // An error thrown by a handler (a limit, a bug) passes through; one from saxes means bad XML.
  let fromHandler: unknown;
  const guard = <T extends unknown[]>(handle: (...args: T) => void) => (...args: T) => {
    try {
      handle(...args);
    } catch (error) {
      fromHandler = error;
      throw error;
    }
  };
  parser.on('opentag', guard((tag) => {
    prefixed ??= tag.name.includes(':');
    budget.element(where.sheet);
    handlers.open(prefixed ? localName(tag.name) : tag.name, tag.attributes as Attributes);
  }));
  parser.on('closetag', guard((tag) => handlers.close(prefixed ? localName(tag.name) : tag.name)));
  const text = guard((value: string) => handlers.text(value));
  parser.on('text', text);
  parser.on('cdata', text);
  const decoder = new TextDecoder();
  try {
    for (let at = 0; at < data.length; at += SLICE) {
      const end = Math.min(data.length, at + SLICE);
      parser.write(typeof data === 'string' ? data.slice(at, end) : decoder.decode(data.subarray(at, end), { stream: end < data.length }));
      budget.checkTime(where.sheet);
    }
    parser.close();
  } catch (error) {
    if (error === fromHandler || error instanceof DataError) throw error;
    throw new DataError(`文件已损坏或不是有效的 Excel 工作簿（${part} 不是有效的 XML），请让报送单位重新导出`, { file: budget.file, ...where }, { cause: error });
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
