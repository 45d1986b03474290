// speech.docx read back: GB/T 9704 page and grid, fonts per kind of paragraph, footers, the landscape
// appendix with its repeated head, the charts as pictures, and the same bytes on every build.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Appendix } from '../../src/narrate/appendix.js';
import { reportDocx } from '../../src/render/docx/adapter.js';
import { headerLines } from '../../src/render/markdown/read.js';
import { loadTemplates, renderSpeech } from '../../src/render/markdown/speech.js';
import { attr, paragraphs, readDocx, sections, styleXml, type DocxParts } from '../helpers/docxRead.js';
import { narrated } from '../helpers/speech.js';

const FIXTURE = 'test/fixtures/mini';
const DATE = new Date(Date.UTC(2023, 3, 1));
let markdown: string;
let bytes: Buffer;
let docx: DocxParts;
let appendix: Appendix;
let appendixRows: number;

beforeAll(async () => {
  const { speech } = await narrated(FIXTURE);
  markdown = renderSpeech(loadTemplates('templates/speech'), speech, 'md');
  appendix = speech.context.appendix;
  appendixRows = appendix.rows.length;
  bytes = await reportDocx(markdown, appendix, DATE);
  docx = readDocx(bytes);
}, 60_000);

describe('speech.docx page and grid (GB/T 9704)', () => {
  it('is A4 portrait with margins 37/35/28/26 mm, mirrored on even pages', () => {
    const [speech] = sections(docx.part('word/document.xml'));
    // 210 × 297 mm = 11906 × 16838 twips; 37 mm = 2098, 35 mm = 1984, 28 mm = 1587, 26 mm = 1474.
    expect([attr(speech!, 'w:pgSz', 'w:w'), attr(speech!, 'w:pgSz', 'w:h')]).toEqual(['11906', '16838']);
    expect(['w:top', 'w:bottom', 'w:left', 'w:right'].map((side) => attr(speech!, 'w:pgMar', side))).toEqual(['2098', '1984', '1587', '1474']);
    expect(docx.part('word/settings.xml')).toContain('<w:mirrorMargins/>');
  });

  it('has 22 lines a page on a line grid and 28 characters a line of 3号 text', () => {
    const [speech] = sections(docx.part('word/document.xml'));
    expect(attr(speech!, 'w:docGrid', 'w:type')).toBe('lines');
    const linePitch = Number(attr(speech!, 'w:docGrid', 'w:linePitch'));
    // Text block 16838 − 2098 − 1984 = 12756 twips high, 11906 − 1587 − 1474 = 8845 twips wide.
    expect(linePitch).toBe(579);
    expect(Math.floor(12756 / linePitch)).toBe(22);
    // A 16 pt character is 320 twips; the body is condensed by w:spacing so that 28 fit and 29 do not.
    const spacing = Number(attr(styleXml(docx.part('word/styles.xml'), 'Normal'), 'w:spacing', 'w:val'));
    expect(spacing).toBe(-5);
    expect(28 * (320 + spacing)).toBeLessThanOrEqual(8845);
    expect(29 * (320 + spacing)).toBeGreaterThan(8845);
  });
});

describe('speech.docx fonts per kind of paragraph', () => {
  const styles = () => docx.part('word/styles.xml');
  const font = (id: string) => attr(styleXml(styles(), id), 'w:rFonts', 'w:eastAsia');
  const size = (id: string) => attr(styleXml(styles(), id), 'w:sz', 'w:val');

  it('sets title, body, salutation, headings and date line in their faces and sizes', () => {
    const list = paragraphs(docx.part('word/document.xml'));
    const styleOf = (pattern: RegExp) => list.find((p) => pattern.test(p.text))?.style;
    expect(styleOf(/^在全区二季度经济运行部署会议上的讲话$/)).toBe('Title');
    expect(styleOf(/^（2023年4月）$/)).toBe('DateLine');
    expect(styleOf(/^同志们：$/)).toBe('Salutation');
    expect(styleOf(/^一、/)).toBe('Heading1');
    expect(styleOf(/^（一）/)).toBe('Heading2');
    expect(styleOf(/^今天召开/)).toBe('Normal');
    expect([font('Title'), size('Title')]).toEqual(['方正小标宋简体', '44']);
    expect([font('Normal'), size('Normal')]).toEqual(['仿宋_GB2312', '32']);
    expect(font('Heading1')).toBe('黑体');
    expect(font('Heading2')).toBe('楷体_GB2312');
    expect(font('DateLine')).toBe('楷体_GB2312');
  });

  it('indents body paragraphs two characters and sets “同志们：” flush left', () => {
    expect(attr(styleXml(styles(), 'Normal'), 'w:ind', 'w:firstLineChars')).toBe('200');
    expect(attr(styleXml(styles(), 'Normal'), 'w:jc', 'w:val')).toBe('both');
    expect(attr(styleXml(styles(), 'Salutation'), 'w:ind', 'w:firstLineChars')).toBe('0');
  });

  it('names East Asian fonts with the eastAsia hint, falls back to 仿宋/宋体, and uses no theme fonts', () => {
    expect(attr(styleXml(styles(), 'Normal'), 'w:rFonts', 'w:hint')).toBe('eastAsia');
    expect(styles() + docx.part('word/document.xml')).not.toMatch(/w:(ascii|hAnsi|eastAsia|cs)Theme=/);
    const fonts = docx.part('word/fontTable.xml');
    expect(fonts).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
    expect(fonts).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
  });

  it('keeps every paragraph of the speech from leaving a single line on a page', () => {
    const body = paragraphs(docx.part('word/document.xml')).filter((p) => p.style === 'Normal');
    expect(body.length).toBeGreaterThan(5);
    for (const p of body) expect(p.xml).toContain('<w:widowControl/>');
    // The paragraph before the closing one keeps with it.
    expect(body.at(-2)!.xml).toContain('<w:keepNext/>');
    expect(body.slice(0, -2).some((p) => p.xml.includes('<w:keepNext/>'))).toBe(false);
  });
});

describe('speech.docx footers', () => {
  it('prints “— n —” in 4号 宋体, right on odd pages and left on even pages', () => {
    expect(docx.part('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const [speech] = sections(docx.part('word/document.xml'));
    const refs = Object.fromEntries([...speech!.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => [m[1], m[2]]));
    const rels = docx.part('word/_rels/document.xml.rels');
    const footer = (type: string) => docx.part(`word/${new RegExp(`Id="${refs[type]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${refs[type]}"`).exec(rels)?.[1]}`);
    for (const [type, side] of [['default', 'right'], ['even', 'left']] as const) {
      const xml = footer(type);
      expect(xml).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(paragraphs(xml)[0]!.text).toBe('—  —');
      expect(attr(xml, 'w:jc', 'w:val')).toBe(side);
    }
    const style = styleXml(docx.part('word/styles.xml'), 'Footer');
    expect([attr(style, 'w:rFonts', 'w:eastAsia'), attr(style, 'w:sz', 'w:val')]).toEqual(['宋体', '28']);
  });
});

describe('speech.docx page numbers centred (pdf.pageNumbers: center)', () => {
  it('centres “— n —” on odd and even pages', async () => {
    const centred = readDocx(await reportDocx(markdown, undefined, DATE, 'center'));
    const footers = centred.names.filter((name) => /^word\/footer\d+\.xml$/.test(name));
    expect(footers).toHaveLength(2);
    for (const name of footers) expect(attr(centred.part(name), 'w:jc', 'w:val')).toBe('center');
  });
});

describe('speech.docx appendix', () => {
  it('puts the table in a landscape section of its own', () => {
    const all = sections(docx.part('word/document.xml'));
    expect(all).toHaveLength(2);
    expect([attr(all[1]!, 'w:pgSz', 'w:w'), attr(all[1]!, 'w:pgSz', 'w:h'), attr(all[1]!, 'w:pgSz', 'w:orient')]).toEqual(['16838', '11906', 'landscape']);
    const xml = docx.part('word/document.xml');
    expect(xml.indexOf('附表：主要经济指标完成情况表')).toBeGreaterThan(xml.indexOf('</w:sectPr>'));
  });

  it('repeats the header row on each page, keeps rows whole, and prints the notes', () => {
    const xml = docx.part('word/document.xml');
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)![0];
    const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(appendixRows + 1);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.slice(1).some((row) => row.includes('<w:tblHeader/>'))).toBe(false);
    expect(rows.every((row) => row.includes('<w:cantSplit/>'))).toBe(true);
    expect(paragraphs(rows[0]!).map((p) => p.text)).toContain('同比增长(%)');
    expect(rows[0]).toMatch(/同比增长<\/w:t><\/w:r><w:r><w:br\/><w:t xml:space="preserve">\(%\)/);
    expect(paragraphs(xml).some((p) => p.style === 'TableNote' && p.text.startsWith('注：1. '))).toBe(true);
  });

  it('breaks header cells after four characters or before the unit, never inside a short word', () => {
    expect(headerLines('序号')).toEqual(['序号']);
    expect(headerLines('同比增长(%)')).toEqual(['同比增长', '(%)']);
    expect(headerLines('完成全年目标(%)')).toEqual(['完成全年', '目标(%)']);
    expect(headerLines('与预期差(百分点)')).toEqual(['与预期差', '(百分点)']);
    expect(headerLines('1—3月完成')).toEqual(['1—3月', '完成']);
  });

  it('shows the two charts as PNG pictures side by side', () => {
    const media = docx.names.filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    for (const name of media) expect([...docx.binary[name]!.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const xml = docx.part('word/document.xml');
    expect([...xml.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1])).toEqual(['1', '2']);
    expect(paragraphs(xml).filter((p) => p.style === 'Caption' && p.text).map((p) => p.text)).toEqual(['图1 主要指标同比增长与预期增速（%）', '图2 主要指标全市位次']);
  });
});

describe('speech.docx bytes', () => {
  it('are the same on every build, with the given date in the document and the zip', async () => {
    const again = await reportDocx(markdown, appendix, DATE);
    expect(again.equals(bytes)).toBe(true);
    expect(docx.part('docProps/core.xml')).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-04-01T00:00:00Z</dcterms:created>');
    expect(docx.part('docProps/core.xml')).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2023-04-01T00:00:00Z</dcterms:modified>');
    // DOS date of 2023-04-01 00:00:00 at offset 12 of the first local header: ((2023−1980) << 9 | 4 << 5 | 1) = 0x5681.
    expect(bytes.readUInt16LE(10)).toBe(0);
    expect(bytes.readUInt16LE(12)).toBe(0x5681);
  });

  it('hold a SOURCE_DATE_EPOCH before 1980 in the document, and the zip at its first day', async () => {
    const early = readDocx(await reportDocx(markdown, undefined, new Date(0)));
    expect(early.part('docProps/core.xml')).toContain('>1970-01-01T00:00:00Z</dcterms:created>');
    const zip = await reportDocx(markdown, undefined, new Date(0));
    // DOS date 1980-01-01: (0 << 9) | (1 << 5) | 1.
    expect(zip.readUInt16LE(12)).toBe(0x21);
  });
});
