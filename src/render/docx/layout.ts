// GB/T 9704-2012 as offices set it up in Word: every measure of speech.docx, in twips (1/1440 inch)
// unless named otherwise.

const TWIPS_PER_MM = 1440 / 25.4;

export function mm(value: number): number {
  return Math.round(value * TWIPS_PER_MM);
}

/** Half-points, as w:sz counts font sizes. */
export function halfPoints(pt: number): number {
  return Math.round(pt * 2);
}

export const PAGE = { width: mm(210), height: mm(297) };

/** 天头 37 mm, 订口 28 mm; the 版心 156 × 225 mm leaves 35 mm below and 26 mm on the outer side. */
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };

/** The landscape appendix pages: the page turned, the table head towards the binding. */
export const LANDSCAPE_MARGIN = { top: mm(28), bottom: mm(26), left: mm(35), right: mm(37) };

/** 2号 title, 3号 body and headings, 4号 page numbers, 小二 appendix title, 五号 table, 小四 unit line. */
export const SIZE = { title: 22, body: 16, pageNumber: 14, appendixTitle: 18, table: 10.5, unitLine: 12 } as const;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const TEXT_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom;
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;

/**
 * 22 lines × 28 characters, as Word, WPS and LibreOffice all lay them out:
 * - lines: a line grid (w:docGrid type="lines") of pitch = the text height ÷ 22, rounded down so that
 *   22 lines fit: 12756 ÷ 22 = 579.8 → 579 twips (28.95 pt; GB/T 9704's line: a 3号 character + 7/8 of one).
 * - characters: the 3号 text condensed by 0.25 pt (w:spacing −5 twips). 28 characters need a pitch of
 *   at most 8845 ÷ 28 = 315.9 twips; a 16 pt character is 320, so −5 gives 315 (28 × 315 = 8820 ≤ 8845
 *   < 29 × 315). Word's character grid (type="linesAndChars", charSpace −842: a 15.79 pt cell) would say
 *   the same in Word's dialog, but LibreOffice puts a 16 pt character that does not fit a 15.79 pt cell
 *   into two cells: 14 characters a line (measured), so the character grid is not used.
 */
export const GRID = { linePitch: Math.floor(TEXT_HEIGHT / LINES_PER_PAGE) } as const;

/** Character spacing of the 3号 text in twips (w:spacing): the most that still fits 28 characters. */
export const BODY_SPACING = Math.floor(TEXT_WIDTH / CHARS_PER_LINE) - SIZE.body * 20;

/**
 * The official faces by East Asian name; each falls back (w:altName in the font table) to the face a
 * Windows machine without the GB2312 set has. ascii/hAnsi (digits, Latin) use Times New Roman, the
 * usual choice in government documents, so that numbers look alike in every paragraph kind.
 */
export const FONTS = {
  fangsong: { name: '仿宋_GB2312', altName: '仿宋' },
  xiaobiaosong: { name: '方正小标宋简体', altName: '宋体' },
  hei: { name: '黑体', altName: 'SimHei' },
  kai: { name: '楷体_GB2312', altName: '楷体' },
  song: { name: '宋体', altName: 'SimSun' },
} as const;

export const LATIN_FONT = 'Times New Roman';

export type FontRole = keyof typeof FONTS;

/** w:rFonts for a role: the East Asian face with the eastAsia hint, so quotes and dashes stay in it. */
export function runFonts(role: FontRole) {
  return { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT, eastAsia: FONTS[role].name, hint: 'eastAsia' };
}

/** Page numbers “— n —” sit 7 mm under the text block: the footer's bottom edge is 35 − 7 − one 4号 line above the page edge. */
export const FOOTER_DISTANCE = mm(35 - 7) - SIZE.pageNumber * 20;

/** Column widths of the appendix table in mm, 225 mm in all (the landscape text width), as in style.css. */
export const APPENDIX_COLUMNS_MM = [10, 35, 17, 25, 23.5, 17.5, 17.5, 17.5, 17.5, 19, 25.5] as const;
