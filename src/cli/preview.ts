// `npm run preview [-- --quarter Q2] [--port 8080]`: the briefing on http://127.0.0.1:<port>/,
// rebuilt on every change under data/, templates/ and of the config; Ctrl-C stops it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Argv, Options } from 'yargs';
import { buildReport } from '../build.js';
import { UsageError } from '../errors.js';
import type { Meeting } from '../narrate/context.js';
import { parseMonth } from '../period.js';
import { startPreview } from '../preview/preview.js';

export interface PreviewArgs {
  quarter?: string;
  year?: string;
  through?: string;
  data: string;
  config: string;
  template: string;
  port: number;
}

/** `options`: the meeting's options shared with report; `meetingOf`: report's reading of them (latest quarter by default). */
export function previewCommand(options: Record<string, Options>, meetingOf: (args: PreviewArgs) => Meeting) {
  return {
    command: 'preview',
    describe: '在本机浏览器中预览讲话稿，data/、templates/ 或配置文件有改动时自动重新生成并刷新页面',
    builder: (yargs: Argv) => yargs.options(options).option('port', { type: 'number', default: 0, describe: '端口，默认自动选一个空闲端口' }),
    handler: (args: unknown) => runPreview(args as PreviewArgs, meetingOf),
  };
}

async function runPreview(args: PreviewArgs, meetingOf: (args: PreviewArgs) => Meeting): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'tongbao-preview-'));
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const templateDir = resolve('templates', args.template);
  const build = async () => {
    const meeting = meetingOf(args);
    const result = await buildReport({
      configFile: args.config,
      dataDir: args.data,
      outDir: out,
      templateDir,
      meeting,
      through: args.through === undefined ? undefined : parseMonth(args.through),
      formats: new Set(['html']),
      log: () => undefined,
      sourceDateEpoch: process.env.SOURCE_DATE_EPOCH,
    });
    return readFileSync(result.files.find((file) => file.endsWith('speech.html'))!, 'utf8');
  };
  try {
    const preview = await startPreview({ build, watch: [args.data, templateDir, args.config], port: args.port, log }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') throw new UsageError(`端口 ${args.port} 无法使用（已被占用或无权限）：请换一个 --port，或不加 --port 自动选择`);
      throw error;
    });
    process.stdout.write(`预览地址：${preview.url}（按 Ctrl-C 结束）\n`);
    await new Promise<void>((done) => process.once('SIGINT', () => done()));
    await preview.close();
    process.stdout.write('预览已结束\n');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
