// The paragraph styles of speech.docx, one per kind of block, named as an office would find them in
// Word's style list. Every style names its fonts itself: no theme fonts (WPS complains about them).
import { AlignmentType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import type { BlockKind } from '../markdown/read.js';
import { BODY_SPACING, type FontRole, GRID, SIZE, halfPoints, runFonts } from './layout.js';

/** Two characters of the 3号 body: 2 × 16 pt. */
const INDENT = { firstLine: SIZE.body * 2 * 20, firstLineChars: 200 };

export const STYLE_ID: Readonly<Record<BlockKind | 'tableText' | 'tableHead' | 'appendixTitle' | 'unitLine' | 'note' | 'caption' | 'footer', string>> = {
  title: 'Title',
  date: 'DateLine',
  heading1: 'Heading1',
  heading2: 'Heading2',
  heading3: 'Heading3',
  body: 'Normal',
  flush: 'Salutation',
  appendixTitle: 'AppendixTitle',
  unitLine: 'UnitLine',
  tableText: 'TableText',
  tableHead: 'TableHead',
  note: 'TableNote',
  caption: 'Caption',
  footer: 'Footer',
};

function style(id: string, name: string, role: FontRole, pt: number, paragraph: IParagraphStyleOptions['paragraph'], extra: Partial<IParagraphStyleOptions> = {}): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    // Only the 3号 text is condensed to 28 characters a line (see BODY_SPACING).
    run: { font: runFonts(role), size: halfPoints(pt), sizeComplexScript: halfPoints(pt), color: '000000', characterSpacing: pt === SIZE.body ? BODY_SPACING : 0 },
    paragraph,
    ...extra,
  };
}

export function documentStyles(): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: runFonts('fangsong'), size: halfPoints(SIZE.body), sizeComplexScript: halfPoints(SIZE.body), color: '000000', characterSpacing: BODY_SPACING },
        paragraph: { spacing: { before: 0, after: 0 } },
      },
    },
    paragraphStyles: [
      // Normal is the body: justified, indented two characters, on the line grid, 28 characters a line.
      {
        id: 'Normal',
        name: 'Normal',
        quickFormat: true,
        run: { font: runFonts('fangsong'), size: halfPoints(SIZE.body), sizeComplexScript: halfPoints(SIZE.body), characterSpacing: BODY_SPACING },
        paragraph: { alignment: AlignmentType.JUSTIFIED, indent: INDENT },
      },
      style(STYLE_ID.title, '公文标题', 'xiaobiaosong', SIZE.title, { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 }, keepNext: true, keepLines: true }),
      style(STYLE_ID.date, '日期行', 'kai', SIZE.body, { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 }, spacing: { after: GRID.linePitch }, keepNext: true }),
      style(STYLE_ID.flush, '称谓', 'fangsong', SIZE.body, { indent: { firstLine: 0, firstLineChars: 0 }, keepNext: true }),
      style(STYLE_ID.heading1, '一级标题（黑体）', 'hei', SIZE.body, { outlineLevel: 0, keepNext: true, keepLines: true, alignment: AlignmentType.LEFT }),
      style(STYLE_ID.heading2, '二级标题（楷体）', 'kai', SIZE.body, { outlineLevel: 1, keepNext: true, keepLines: true, alignment: AlignmentType.LEFT }),
      style(STYLE_ID.heading3, '三级标题（仿宋）', 'fangsong', SIZE.body, { outlineLevel: 2, keepNext: true, alignment: AlignmentType.LEFT }),
      ...tableStyles(),
      style(STYLE_ID.footer, '页脚', 'song', SIZE.pageNumber, { indent: { firstLine: 0, firstLineChars: 0 }, spacing: { line: SIZE.pageNumber * 20, lineRule: 'exact' } }),
    ],
  };
}

/** The appendix: off the body's grid (its own section has none), no first-line indent. */
function tableStyles(): IParagraphStyleOptions[] {
  const flat = { indent: { firstLine: 0, firstLineChars: 0 } };
  return [
    style(STYLE_ID.appendixTitle, '附表标题', 'xiaobiaosong', SIZE.appendixTitle, { ...flat, alignment: AlignmentType.CENTER, spacing: { after: 120 }, outlineLevel: 0, keepNext: true }),
    style(STYLE_ID.unitLine, '附表单位', 'fangsong', SIZE.unitLine, { ...flat, alignment: AlignmentType.RIGHT, keepNext: true }),
    style(STYLE_ID.tableText, '表格文字', 'fangsong', SIZE.table, { ...flat, alignment: AlignmentType.LEFT, spacing: { line: 252, lineRule: 'auto' } }),
    style(STYLE_ID.tableHead, '表头', 'hei', SIZE.table, { ...flat, alignment: AlignmentType.CENTER, spacing: { line: 252, lineRule: 'auto' } }),
    style(STYLE_ID.note, '表注', 'fangsong', SIZE.table, { ...flat, alignment: AlignmentType.LEFT, spacing: { line: 300, lineRule: 'auto' } }),
    style(STYLE_ID.caption, '图题', 'hei', SIZE.table, { ...flat, alignment: AlignmentType.CENTER, spacing: { before: 60 } }),
  ];
}
