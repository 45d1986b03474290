// speech.docx: the speech in a portrait section on the GB/T 9704 grid, then the appendix table and the
// charts in a landscape section; page numbers “— n —” on the outer side of odd and even pages.
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  ImageRun,
  type ISectionOptions,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  BorderStyle,
} from 'docx';
import { type AppendixTable, type Block, type Run, headerLines } from '../markdown/read.js';
import type { ChartPicture } from './images.js';
import { APPENDIX_COLUMNS_MM, FOOTER_DISTANCE, GRID, LANDSCAPE_MARGIN, LANDSCAPE_TEXT_WIDTH, MARGIN, PAGE, SIZE, mm } from './layout.js';
import { STYLE_ID, documentStyles } from './styles.js';

export interface Chart {
  readonly caption: string;
  readonly picture: ChartPicture;
}

export type PageNumberPlacement = 'outer' | 'center';

export interface DocxContent {
  readonly title: string;
  /** outer: odd pages right, even pages left (GB/T 9704); center: centred (pdf.pageNumbers). */
  readonly pageNumbers: PageNumberPlacement;
  readonly blocks: readonly Block[];
  readonly appendix?: AppendixTable;
  readonly charts: readonly Chart[];
}

export function speechDocument(content: DocxContent): Document {
  const sections: ISectionOptions[] = [speechSection(content.blocks, content.pageNumbers)];
  if (content.appendix) sections.push(appendixSection(content.appendix, content.charts));
  return new Document({
    title: content.title,
    creator: 'tongbao',
    lastModifiedBy: 'tongbao',
    styles: documentStyles(),
    evenAndOddHeaderAndFooters: true,
    sections,
  });
}

function speechSection(blocks: readonly Block[], pageNumbers: PageNumberPlacement): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
        margin: { ...MARGIN, header: mm(15), footer: FOOTER_DISTANCE, gutter: 0 },
      },
      grid: { type: DocumentGridType.LINES, linePitch: GRID.linePitch },
    },
    footers: { default: pageNumberFooter(pageNumbers === 'center' ? 'center' : 'odd'), even: pageNumberFooter(pageNumbers === 'center' ? 'center' : 'even') },
    // widowControl: no paragraph leaves a single line alone at the foot or the head of a page; the
    // paragraph before the closing one keeps with it, so that a one-line close never stands alone.
    children: blocks.map(
      (block, i) => new Paragraph({ style: STYLE_ID[block.kind], widowControl: true, keepNext: i === blocks.length - 2 || undefined, children: runs(block.runs) }),
    ),
  };
}

/** Runs of text; a line break in the Markdown (two trailing spaces) is a line break in Word. */
function runs(list: readonly Run[]): TextRun[] {
  return list.flatMap((run) =>
    run.text.split('\n').map((text, i) => new TextRun({ text, break: i > 0 ? 1 : undefined, bold: run.bold || undefined, italics: run.italic || undefined })),
  );
}

/** “— n —”, 4号 宋体, one character in from the outer edge: right on odd pages, left on even pages; or centred. */
function pageNumberFooter(side: 'odd' | 'even' | 'center'): Footer {
  const oneCharacter = SIZE.pageNumber * 20;
  const paragraph = new Paragraph({
    style: STYLE_ID.footer,
    alignment: side === 'odd' ? AlignmentType.RIGHT : side === 'even' ? AlignmentType.LEFT : AlignmentType.CENTER,
    indent: side === 'odd' ? { right: oneCharacter } : side === 'even' ? { left: oneCharacter } : undefined,
    children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
  });
  return new Footer({ children: [paragraph] });
}

/** The landscape pages: title, unit line, the table with its head repeated on each page, notes, charts. */
function appendixSection(appendix: AppendixTable, charts: readonly Chart[]): ISectionOptions {
  const paragraph = (style: string, text: string) => new Paragraph({ style, children: [new TextRun(text)] });
  return {
    properties: {
      type: SectionType.NEXT_PAGE,
      page: {
        // The docx package swaps the sides of a landscape page itself (w:w is then the long side).
        size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE },
        margin: { ...LANDSCAPE_MARGIN, header: mm(15), footer: mm(12), gutter: 0 },
      },
      grid: { type: DocumentGridType.DEFAULT, linePitch: 312 },
    },
    children: [
      paragraph(STYLE_ID.appendixTitle, appendix.title),
      ...(appendix.unitLine ? [paragraph(STYLE_ID.unitLine, appendix.unitLine)] : []),
      appendixTable(appendix),
      ...appendix.notes.map((note, i) => paragraph(STYLE_ID.note, i === 0 ? `注：${note}` : note)),
      ...(charts.length > 0 ? [chartTable(charts)] : []),
    ],
  };
}

function appendixTable(appendix: AppendixTable): Table {
  const widths = columnWidths(appendix.header.length);
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: appendix.header.map((text, i) => cell(headerLines(text), STYLE_ID.tableHead, widths[i]!, AlignmentType.CENTER)),
  });
  const body = appendix.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: appendix.header.map((_h, i) => cell([row[i] ?? ''], STYLE_ID.tableText, widths[i]!, alignment(appendix.align[i]))),
      }),
  );
  return new Table({
    rows: [head, ...body],
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: tableBorders(),
  });
}

/** The template's eleven columns get their sizes (in mm, made to fit the headers); any other shape shares the width. */
function columnWidths(count: number): number[] {
  if (count === APPENDIX_COLUMNS_MM.length) return APPENDIX_COLUMNS_MM.map(mm);
  return Array.from({ length: count }, () => Math.floor(LANDSCAPE_TEXT_WIDTH / count));
}

function alignment(align: string | undefined) {
  return align === 'right' ? AlignmentType.RIGHT : align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
}

function cell(lines: readonly string[], style: string, width: number, align: (typeof AlignmentType)[keyof typeof AlignmentType]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 57, right: 57, top: 28, bottom: 28 },
    children: [new Paragraph({ style, alignment: align, children: lines.flatMap((line, i) => [new TextRun({ text: line, break: i > 0 ? 1 : undefined })]) })],
  });
}

function tableBorders() {
  const line = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  return { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };
}

/** The charts side by side in a borderless table, so that their tops and captions line up. */
function chartTable(charts: readonly Chart[]): Table {
  const width = Math.floor(LANDSCAPE_TEXT_WIDTH / charts.length);
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: width * charts.length, type: WidthType.DXA },
    columnWidths: charts.map(() => width),
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: [
      new TableRow({
        cantSplit: true,
        children: charts.map((chart, i) => new TableCell({ width: { size: width, type: WidthType.DXA }, children: chartParagraphs(chart, width, i + 1) })),
      }),
    ],
  });
}

function chartParagraphs(chart: Chart, width: number, id: number): Paragraph[] {
  const pixels = Math.floor(((width - 2 * 57) / 1440) * 96) - 4;
  const scale = Math.min(1, pixels / chart.picture.width);
  const image = new ImageRun({
    type: 'png',
    data: chart.picture.png,
    transformation: { width: Math.round(chart.picture.width * scale), height: Math.round(chart.picture.height * scale) },
    altText: { id: String(id), name: `chart-${id}`, title: chart.caption, description: chart.caption },
  });
  return [
    new Paragraph({ style: STYLE_ID.caption, keepNext: true, spacing: { before: 120 }, children: [image] }),
    new Paragraph({ style: STYLE_ID.caption, children: [new TextRun(chart.caption)] }),
  ];
}
