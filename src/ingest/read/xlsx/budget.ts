// What one .xlsx may cost before it is refused: counted while parsing, so that a file that is no
// return (a million rows, millions of formatted empty cells) stops within a second or two and a
// few hundred MB, with a message saying which limit it hit. Legacy formats have their own time
// limit (xls.ts); the archive's byte limits live in zip.ts.
import { DataError } from '../../../errors.js';

export const XLSX_LIMITS = {
  /** <row> elements in one sheet, and the last row that may hold a value. */
  rowsPerSheet: 100_000,
  /** <c> elements in the whole file, formatted empty cells included. */
  cells: 500_000,
  /** XML elements of every kind in the whole file. */
  elements: 1_500_000,
  /** Characters in one cell's text: Excel's own limit. */
  textLength: 32_767,
  /** Wall time for the whole file: a backstop, the counts above stop every file we know of within ~1 s. */
  seconds: 10,
};

const STOP = '不像一份报表，已停止读取';

export class Budget {
  readonly file: string;
  private readonly deadline: number;
  private elements = 0;
  private cells = 0;

  constructor(file: string) {
    this.file = file;
    this.deadline = performance.now() + XLSX_LIMITS.seconds * 1000;
  }

  element(sheet: string | undefined): void {
    if (++this.elements > XLSX_LIMITS.elements) {
      throw new DataError(`文件内容过多（XML 元素超过 ${XLSX_LIMITS.elements} 个），${STOP}：请删除表格以外的内容后重新报送`, this.where(sheet));
    }
  }

  cell(sheet: string): void {
    if (++this.cells > XLSX_LIMITS.cells) {
      throw new DataError(`单元格超过 ${XLSX_LIMITS.cells} 个（设置了格式的空单元格也算在内），${STOP}：请删除表格以外的行、列和格式后重新报送`, this.where(sheet));
    }
  }

  /** The sheet's `count`-th <row> element, for 0-based row `row`. */
  rowElement(sheet: string, count: number, row: number): void {
    if (count > XLSX_LIMITS.rowsPerSheet) this.tooManyRows(sheet, row);
  }

  /** A value (or a merged cell) in 0-based row `row`. */
  contentRow(sheet: string, row: number): void {
    if (row >= XLSX_LIMITS.rowsPerSheet) this.tooManyRows(sheet, row);
  }

  private tooManyRows(sheet: string, row: number): never {
    throw new DataError(`工作表超过 ${XLSX_LIMITS.rowsPerSheet} 行（读到第 ${row + 1} 行），${STOP}：请删除表格以外的行后重新报送`, this.where(sheet));
  }

  text(length: number, sheet: string | undefined, cell?: string): void {
    if (length > XLSX_LIMITS.textLength) {
      const where = cell === undefined ? this.where(sheet) : { ...this.where(sheet), cell };
      throw new DataError(`单元格的文字超过 ${XLSX_LIMITS.textLength} 个字符（Excel 的上限），文件可能已损坏，已停止读取：请检查文件或让报送单位重新导出`, where);
    }
  }

  checkTime(sheet: string | undefined): void {
    if (performance.now() > this.deadline) {
      throw new DataError(`读取超过 ${XLSX_LIMITS.seconds} 秒仍未完成，${STOP}：请检查文件是否过大或已损坏，或让报送单位重新导出`, this.where(sheet));
    }
  }

  private where(sheet: string | undefined): { file: string; sheet?: string } {
    return sheet === undefined ? { file: this.file } : { file: this.file, sheet };
  }
}
