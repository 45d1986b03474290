// A minimal Word document (.docx) of paragraphs and tables, as Word and WPS save one: enough for
// reading drafts back, without the renderer.
import { strToU8, zipSync } from 'fflate';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph split into two runs (as Word does around a changed word), so readers must join runs. */
function paragraph(text: string): string {
  const half = Math.floor(text.length / 2);
  return `<w:p><w:pPr><w:ind w:firstLineChars="200"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/></w:rPr><w:t>${escape(text.slice(0, half))}</w:t></w:r><w:r><w:t xml:space="preserve">${escape(text.slice(half))}</w:t></w:r></w:p>`;
}

function table(rows: readonly (readonly string[])[]): string {
  const cells = (row: readonly string[]) => row.map((cell) => `<w:tc><w:tcPr/>${paragraph(cell)}</w:tc>`).join('');
  return `<w:tbl><w:tblPr/>${rows.map((row) => `<w:tr>${cells(row)}</w:tr>`).join('')}</w:tbl>`;
}

export type DocxBlock = string | readonly (readonly string[])[];

export function docxOf(blocks: readonly DocxBlock[]): Uint8Array {
  const body = blocks.map((block) => (typeof block === 'string' ? paragraph(block) : table(block))).join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  return zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), '_rels/.rels': strToU8(RELS), 'word/document.xml': strToU8(document) }, { mtime: new Date(Date.UTC(2023, 3, 1)) });
}
