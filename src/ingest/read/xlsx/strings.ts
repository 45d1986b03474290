// sharedStrings.xml → the text of each shared string, decoded once per file. Rich-text runs are
// joined; phonetic runs (<rPh>, furigana) are not part of the text.
import { type Budget, XLSX_LIMITS } from './budget.js';
import { parseXml } from './xml.js';

/** A string item with neither <t> nor runs is null: no text at all, unlike an empty <t/>, which is "". */
export type SharedString = string | null;

export function readSharedStrings(data: Uint8Array | undefined, part: string, budget: Budget): readonly SharedString[] {
  if (!data) return [];
  const strings: SharedString[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  parseXml(data, part, {
    open(name) {
      if (name === 't') {
        if (phonetic === 0) {
          inText = true;
          current ??= '';
        }
      } else if (name === 'rPh') phonetic++;
      else if (name === 'si') current = null;
      else if (name === 'r' && phonetic === 0) current ??= '';
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') strings.push(current === null ? null : decodeEscapes(current));
    },
    text(text) {
      if (!inText) return;
      current += text;
      if (current!.length > XLSX_LIMITS.textLength) budget.text(current!.length, undefined);
    },
  }, budget);
  return strings;
}

/** Excel writes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for CR); _x005F_ escapes the underscore. */
export function decodeEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
