// .xlsx: the archive is opened under limits (zip.ts) and only the parts a reading needs are
// inflated, once each — workbook.xml and its relationships, styles, shared strings and the visible
// worksheets — and parsed by SAX (xlsx/). Nothing else of the file is looked at.
import { DataError } from '../../errors.js';
import type { Workbook } from './workbook.js';
import { readBook } from './xlsx/book.js';
import { Budget } from './xlsx/budget.js';
import { readSheet } from './xlsx/sheet.js';
import { readSharedStrings } from './xlsx/strings.js';
import { readStyles } from './xlsx/styles.js';
import { openArchive } from './zip.js';

export async function readXlsx(bytes: Uint8Array, file: string): Promise<Workbook> {
  const archive = openArchive(bytes, file);
  const workbookXml = archive.read('xl/workbook.xml');
  if (!workbookXml) {
    throw new DataError('这是一个压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml）：请确认报送的是 .xlsx 文件', { file });
  }
  const budget = new Budget(file);
  const book = readBook(workbookXml, archive.read('xl/_rels/workbook.xml.rels'), budget);
  const context = {
    file,
    budget,
    date1904: book.date1904,
    styles: readStyles(archive.read(book.styles), book.styles, budget),
    strings: readSharedStrings(archive.read(book.sharedStrings), book.sharedStrings, budget),
  };
  const sheets = book.sheets.flatMap(({ name, visible, part }) => {
    if (!visible || part === undefined) return [];
    const data = archive.read(part);
    if (!data) throw new DataError(`文件已损坏或不是有效的 Excel 工作簿（找不到工作表「${name}」的内容 ${part}），请让报送单位重新导出`, { file });
    return [readSheet(data, part, name, context)];
  });
  return { file, sheets };
}
