// The blank forms of a month, laid out like data/: forms/<year>/<MM>/ holds each reporting
// bureau's return and the city table, forms/<year>/ the year's targets and project ledger. A
// filled form goes to the same place under data/.
import type { Config } from '../../config/config.js';
import type { YearMonth } from '../../types.js';
import { type Book, workbookBytes } from './book.js';
import { cityTableFileName, cityTableForm } from './cityTableForm.js';
import { ledgerFileName, ledgerForm } from './ledgerForm.js';
import { returnFileName, returnForm } from './returnForm.js';
import { targetsFileName, targetsForm } from './targetsForm.js';

export interface FormContext {
  readonly config: Config;
  /** 区, 县 or 市: 全县 / 县科工局 in the forms' words. */
  readonly kind: string;
  /** Who collects the returns and keeps the targets and ledger: the config's speech.reporter (县发展和改革局 …). */
  readonly reporter: string;
}

export interface FormFile {
  /** Relative to the forms folder, with forward slashes: "2024/05/科工局2024年5月报表.xlsx". */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** The words a district's forms use, from its config. */
export function formContext(config: Config): FormContext {
  const kind = config.district.kind;
  const collector = config.bureaus.find((b) => b.id === 'fgj')?.name ?? '发改局';
  return { config, kind, reporter: config.speech.reporter ?? `${kind}${collector}` };
}

export async function monthForms(ctx: FormContext, month: YearMonth): Promise<FormFile[]> {
  const folder = `${month.year}/${String(month.month).padStart(2, '0')}`;
  const stamp = new Date(Date.UTC(month.year, month.month - 1, 1));
  const books: [string, Book][] = [];
  for (const bureau of ctx.config.bureaus.filter((b) => b.months.includes(month.month))) {
    books.push([`${folder}/${returnFileName(bureau, month)}`, await returnForm(ctx, bureau, month)]);
  }
  const city = ctx.config.cityTable.months.includes(month.month) ? await cityTableForm(ctx, month) : undefined;
  if (city) books.push([`${folder}/${cityTableFileName(month)}`, city]);
  return save(books, stamp);
}

export async function yearForms(ctx: FormContext, year: number): Promise<FormFile[]> {
  const stamp = new Date(Date.UTC(year, 0, 1));
  return save([
    [`${year}/${targetsFileName(year)}`, await targetsForm(ctx, year)],
    [`${year}/${ledgerFileName(year)}`, await ledgerForm(ctx, year)],
  ], stamp);
}

async function save(books: readonly [string, Book][], stamp: Date): Promise<FormFile[]> {
  const files: FormFile[] = [];
  for (const [path, book] of books) files.push({ path, bytes: await workbookBytes(book, stamp) });
  return files;
}
