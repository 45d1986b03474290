// `npm run init`: a new district's folder — tongbao.config.yaml, data/<year>/<MM>/, and forms/ with
// the blank forms of a month — and `--forms YYYY-MM`, the forms of another month for an existing
// district. Nothing a user wrote is overwritten: an existing config stops init, a form that
// differs from the blank one is kept and named.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { type Config, loadConfig } from '../config/config.js';
import { UsageError } from '../errors.js';
import type { YearMonth } from '../types.js';
import { type DistrictAnswers, generateConfig } from './config.js';
import { formContext, monthForms, yearForms } from './forms/forms.js';

export const CONFIG_FILE = 'tongbao.config.yaml';

export interface InitResult {
  readonly written: readonly string[];
  /** Forms that already existed with other content (probably being filled): left alone. */
  readonly kept: readonly string[];
}

export interface NewDistrict {
  readonly dir: string;
  readonly answers: DistrictAnswers;
  /** The month whose forms to write. */
  readonly month: YearMonth;
  /** Path of tongbao.config.schema.json, for the editor hint in the YAML. */
  readonly schemaFile: string;
}

export async function initDistrict(options: NewDistrict): Promise<InitResult> {
  const configPath = join(options.dir, CONFIG_FILE);
  if (existsSync(configPath)) {
    throw new UsageError(`${configPath} 已存在，init 不会覆盖它：如要为这个区县生成某个月的空白报表，请运行 npm run init -- --forms YYYY-MM；如要新建区县，请换一个 --dir`);
  }
  const schema = relative(options.dir, options.schemaFile).split(sep).join('/');
  const { text, config } = generateConfig(options.answers, schema);
  mkdirSync(options.dir, { recursive: true });
  writeFileSync(configPath, text);
  const folders = dataFolders(options.dir, options.month.year);
  const forms = await writeForms(options.dir, config, options.month, true);
  return { written: [configPath, ...folders, ...forms.written], kept: forms.kept };
}

/** The blank forms of a month (and of its year, when `withYear` or when they are not there yet). */
export async function writeForms(dir: string, config: Config, month: YearMonth, withYear = false): Promise<InitResult> {
  const ctx = formContext(config);
  const yearly = await yearForms(ctx, month.year);
  const wanted = [...(await monthForms(ctx, month)), ...yearly.filter((f) => withYear || !existsSync(join(dir, 'forms', f.path)))];
  const written: string[] = [];
  const kept: string[] = [];
  for (const form of wanted) {
    const path = join(dir, 'forms', form.path);
    const outcome = place(path, form.bytes);
    if (outcome === 'written') written.push(path);
    if (outcome === 'kept') kept.push(path);
  }
  return { written, kept };
}

/** Writes a form where there is none; the same blank form is left as it is, a different file kept. */
function place(path: string, bytes: Uint8Array): 'written' | 'same' | 'kept' {
  if (existsSync(path)) return Buffer.from(readFileSync(path)).equals(Buffer.from(bytes)) ? 'same' : 'kept';
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return 'written';
}

/** data/<year>/01 … 12, each with a .gitkeep so that git keeps the empty folder. */
function dataFolders(dir: string, year: number): string[] {
  const folders: string[] = [];
  for (let month = 1; month <= 12; month++) {
    const folder = join(dir, 'data', String(year), String(month).padStart(2, '0'));
    mkdirSync(folder, { recursive: true });
    const keep = join(folder, '.gitkeep');
    if (!existsSync(keep)) writeFileSync(keep, '');
    folders.push(folder);
  }
  return folders;
}

/** For --forms: the district's config, or a clear error when the folder has none. */
export function configIn(dir: string): Config {
  const path = join(dir, CONFIG_FILE);
  if (!existsSync(path)) throw new UsageError(`${dir} 中没有 ${CONFIG_FILE}：请先运行 npm run init 新建区县，或用 --dir / --district 指明区县的文件夹`);
  return loadConfig(path);
}
