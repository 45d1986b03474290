// The docx package writes the clock into docProps/core.xml and into every zip entry, and has no
// options for mirrored margins or font fallbacks. Its zip is opened, those parts are set, and the
// entries are packed again in a fixed order with a fixed time: same content, same bytes.
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { FONTS, LATIN_FONT } from './layout.js';

export function stableDocx(packed: Uint8Array, date: Date): Buffer {
  const entries = unzipSync(packed);
  const edit = (name: string, change: (xml: string) => string) => {
    const data = entries[name];
    if (!data) throw new Error(`docx part ${name} missing`);
    entries[name] = new TextEncoder().encode(change(new TextDecoder().decode(data)));
  };
  edit('docProps/core.xml', (xml) => xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, (_all, open: string) => `${open}${w3cDate(date)}`));
  edit('word/settings.xml', mirroredMargins);
  edit('word/fontTable.xml', fontTable);
  return Buffer.from(zipSync(inOrder(entries), { level: 6, mtime: zipTime(date) }));
}

/** Double-sided printing: inner and outer margins swap on even pages (订口 stays at the binding). */
function mirroredMargins(xml: string): string {
  if (!xml.includes('<w:evenAndOddHeaders/>') && !/<w:evenAndOddHeaders(?: w:val="(?:true|1|on)")?\/>/.test(xml)) {
    throw new Error('docx settings without evenAndOddHeaders');
  }
  // CT_Settings orders mirrorMargins before evenAndOddHeaders … and after the display settings.
  return xml.replace(/<w:defaultTabStop /, '<w:mirrorMargins/><w:defaultTabStop ');
}

/** The font table names each face with the one Word, WPS and LibreOffice use where it is missing. */
function fontTable(xml: string): string {
  const east = Object.values(FONTS).map(
    ({ name, altName }) => `<w:font w:name="${name}"><w:altName w:val="${altName}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
  );
  const latin = `<w:font w:name="${LATIN_FONT}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`;
  return xml.replace(/<w:fonts ([^>]*?)\/>$/, `<w:fonts $1>${[latin, ...east].join('')}</w:fonts>`);
}

/** [Content_Types].xml first, as Office writes it, then the parts by name. */
function inOrder(entries: Record<string, Uint8Array>): Zippable {
  const names = Object.keys(entries).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(names.map((name) => [name, entries[name]!]));
}

function w3cDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * Zip entries store local wall-clock fields (DOS time), and fflate reads them with the local getters:
 * a Date built from the UTC fields in local time gives the same bytes in every time zone.
 */
function zipTime(date: Date): Date {
  // DOS time covers 1980–2107 (fflate: 2099); an earlier SOURCE_DATE_EPOCH gives the first day it can hold.
  const year = Math.min(2099, Math.max(1980, date.getUTCFullYear()));
  if (year !== date.getUTCFullYear()) return new Date(year, 0, 1);
  return new Date(year, date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
}
