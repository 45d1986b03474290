// `npm run render -- out/2023-Q2/speech.md [--format html,pdf,docx] [--out DIR]`: an edited draft
// back into the printed forms.
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Argv, Options } from 'yargs';
import { loadConfig } from '../config/config.js';
import { type DraftFormat, renderDraft } from '../draft.js';
import { UsageError } from '../errors.js';
import { officeFonts } from '../render/fonts/office.js';

const FORMATS: readonly DraftFormat[] = ['html', 'pdf', 'docx'];

interface RenderArgs {
  file: string;
  format: string;
  out?: string;
  config: string;
  template: string;
}

/** `options`: the config and template options shared with report. */
export function renderCommand(options: Record<'config' | 'template', Options>) {
  return {
    command: 'render <file>',
    describe: '把改过的讲话稿（speech.md）重新排成 HTML、PDF 和 Word，版式与 report 相同',
    builder: (yargs: Argv) =>
      yargs
        .positional('file', { type: 'string', describe: '改过的 Markdown 讲话稿，如 out/2023-Q2/speech.md' })
        .options(options)
        .option('format', { type: 'string', default: 'html,pdf,docx', describe: '输出格式，逗号分隔：html、pdf、docx' })
        .option('out', { type: 'string', describe: '输出文件夹，默认与讲话稿在同一文件夹' }),
    handler: (args: unknown) => runRender(args as RenderArgs),
  };
}

async function runRender(args: RenderArgs): Promise<void> {
  const config = resolve(args.config);
  const pdf = existsSync(config) ? loadConfig(config).pdf : undefined;
  const written = await renderDraft({
    file: args.file,
    outDir: args.out,
    formats: parseDraftFormats(args.format),
    templateDir: resolve('templates', args.template),
    // Without a config file (a draft rendered elsewhere) the layout's defaults apply.
    pdf: pdf ?? { pageNumbers: 'outer' },
    fonts: pdf ? officeFonts(pdf.fonts, config) : {},
    sourceDateEpoch: process.env.SOURCE_DATE_EPOCH,
    log: (message) => process.stderr.write(`${message}\n`),
  });
  process.stdout.write(`已按 ${relative(process.cwd(), resolve(args.file))} 重新生成：\n`);
  for (const file of written) process.stdout.write(`  ${relative(process.cwd(), file)}\n`);
}

function parseDraftFormats(text: string): Set<DraftFormat> {
  const formats = text.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => !FORMATS.includes(f as DraftFormat));
  if (unknown.length > 0 || formats.length === 0) throw new UsageError(`输出格式「${unknown.join(',') || text}」无效：render 只能生成 html、pdf、docx，用逗号分隔`);
  return new Set(formats as DraftFormat[]);
}
