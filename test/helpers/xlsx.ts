// Builds .xlsx files from XML written by hand (fflate's zipSync), so that a test states exactly
// what the file holds: cell types, styles, formulas, sizes no real file of ours has.
import { strToU8, zipSync } from 'fflate';

export interface SheetSpec {
  readonly name: string;
  /** The worksheet's XML, or only its <sheetData> rows when it does not start with "<". */
  readonly xml: string;
  readonly state?: 'hidden' | 'veryHidden';
}

export interface BookSpec {
  readonly sheets: readonly SheetSpec[];
  /** <si> items of sharedStrings.xml, as XML. */
  readonly strings?: readonly string[];
  /** <numFmts> and <cellXfs> content of styles.xml, as XML. */
  readonly numFmts?: string;
  readonly cellXfs?: string;
  readonly date1904?: boolean;
  /** Deflate level; 0 stores the parts (fast for the huge files of the limit tests). */
  readonly level?: 0 | 1 | 6;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A worksheet around rows (and anything after <sheetData>, such as <mergeCells>). */
export function worksheet(rows: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

export function makeXlsx(spec: BookSpec): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    'xl/workbook.xml': strToU8(`<workbook xmlns="${MAIN}" xmlns:r="${REL}">${spec.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${spec.sheets.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${spec.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`),
    'xl/sharedStrings.xml': strToU8(`<sst xmlns="${MAIN}" count="${spec.strings?.length ?? 0}">${(spec.strings ?? []).join('')}</sst>`),
    'xl/styles.xml': strToU8(`<styleSheet xmlns="${MAIN}">${spec.numFmts ? `<numFmts>${spec.numFmts}</numFmts>` : ''}<fonts count="1"><font><sz val="11"/></font></fonts><cellStyleXfs count="1"><xf numFmtId="0" fontId="0"><alignment indent="7"/></xf></cellStyleXfs><cellXfs>${spec.cellXfs ?? '<xf numFmtId="0" fontId="0"/>'}</cellXfs></styleSheet>`),
  };
  spec.sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml.startsWith('<') && !s.xml.startsWith('<row') ? s.xml : worksheet(s.xml));
  });
  return zipSync(files, { level: spec.level ?? 6 });
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
