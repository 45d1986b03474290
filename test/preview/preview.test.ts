// npm run preview, in process: serve the briefing, change a data file, see the rebuilt page, see a
// build error on the page, stop.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/build.js';
import { type Preview, startPreview } from '../../src/preview/preview.js';

const dir = mkdtempSync(join(tmpdir(), 'tongbao-preview-test-'));
const data = join(dir, 'data');
const config = join(dir, 'tongbao.config.yaml');
cpSync('test/fixtures/mini/data', data, { recursive: true });
cpSync('test/fixtures/mini/tongbao.config.yaml', config);
let preview: Preview | undefined;

afterAll(async () => {
  await preview?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function build(): Promise<string> {
  const result = await buildReport({
    configFile: config,
    dataDir: data,
    outDir: join(dir, 'out'),
    templateDir: resolve('templates/speech'),
    meeting: { year: 2023, quarter: 2 },
    formats: new Set(['html']),
    log: () => undefined,
  });
  return readFileSync(result.files.find((file) => file.endsWith('speech.html'))!, 'utf8');
}

async function served(path = ''): Promise<string> {
  return (await fetch(`${preview!.url}${path}`)).text();
}

/** Waits for a build newer than `after` to finish; the guard is generous and starts now. */
async function nextVersion(after: number): Promise<number> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const { version } = JSON.parse(await served('__version')) as { version: number };
    if (version > after) {
      await preview!.settled();
      return preview!.version();
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('no rebuild within 60 s of the change');
}

describe('preview', () => {
  const logs: string[] = [];

  it('serves the briefing on 127.0.0.1 with a script that reloads it', async () => {
    preview = await startPreview({ build, watch: [data, config], port: 0, log: (line) => logs.push(line), debounceMs: 100 });
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await served();
    expect(page).toContain('在全区二季度经济运行部署会议上的讲话');
    expect(page).toContain("fetch('/__version'");
    expect(page).not.toContain('尚未报送');
    expect(preview.version()).toBe(1);
  }, 60_000);

  it('rebuilds when a data file changes, and serves the new page', async () => {
    // The 投促局 return for March goes missing: the speech then says it has not come in.
    rmSync(join(data, '2023/03/投促局2023年3月招商引资.xlsx'));
    const version = await nextVersion(1);
    const page = await served();
    expect(page).toContain('截至目前投促局3月的报表尚未报送');
    expect(page).toContain(`const shown = ${version};`);
    expect(logs.at(-1)).toMatch(/^已更新/);
  }, 90_000);

  it('shows a build error on the page and in the terminal, and recovers', async () => {
    const file = join(data, '2023/03/科工局2023年3月报表.xlsx');
    cpSync(file, join(dir, 'saved.xlsx'));
    writeFileSync(file, 'not a workbook');
    const failed = await nextVersion(preview!.version());
    const page = await served();
    expect(page).toContain('<h1>生成失败</h1>');
    expect(page).toContain('科工局2023年3月报表.xlsx');
    expect(logs.at(-1)).toMatch(/^生成失败：.*科工局2023年3月报表\.xlsx/);
    cpSync(join(dir, 'saved.xlsx'), file);
    await nextVersion(failed);
    expect(await served()).toContain('在全区二季度经济运行部署会议上的讲话');
  }, 120_000);

  it('stops: the port no longer answers', async () => {
    const url = preview!.url;
    await preview!.close();
    preview = undefined;
    await expect(fetch(url)).rejects.toThrow();
  });
});
