// Reading a .docx back as Word would: its parts, paragraphs with their style and text, section properties.
import { unzipSync } from 'fflate';

export interface DocxParts {
  readonly names: readonly string[];
  part(name: string): string;
  readonly binary: Readonly<Record<string, Uint8Array>>;
}

export function readDocx(bytes: Uint8Array): DocxParts {
  const binary = unzipSync(bytes);
  return {
    names: Object.keys(binary),
    binary,
    part(name) {
      const data = binary[name];
      if (!data) throw new Error(`no part ${name} in the docx`);
      return new TextDecoder().decode(data);
    },
  };
}

export interface DocxParagraph {
  readonly style: string | undefined;
  readonly text: string;
  readonly xml: string;
}

/** The body's paragraphs (also those in table cells), in order. */
export function paragraphs(documentXml: string): DocxParagraph[] {
  return [...documentXml.matchAll(/<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[1]!)?.[1],
    text: [...m[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    xml: m[0],
  }));
}

/** One style's XML from styles.xml. */
export function styleXml(stylesXml: string, id: string): string {
  const found = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(stylesXml);
  if (!found) throw new Error(`no style ${id}`);
  return found[0];
}

/** The value of an attribute on the first element of that name in `xml`. */
export function attr(xml: string, element: string, name: string): string | undefined {
  const tag = new RegExp(`<${element}(?= |/|>)[^>]*>`).exec(xml)?.[0];
  return tag ? new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] : undefined;
}

export function sections(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
}
