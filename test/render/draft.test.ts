// render (an edited speech.md) in the folder report wrote: a Word file edited by hand is kept, the
// new one is recorded in the folder's manifest so that the next report knows it as its own.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/build.js';
import { renderDraft } from '../../src/draft.js';
import { MANIFEST, sha256 } from '../../src/output/manifest.js';

const dir = mkdtempSync(join(tmpdir(), 'tongbao-draft-'));
let folder: string;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const result = await buildReport({
    configFile: 'test/fixtures/mini/tongbao.config.yaml',
    dataDir: 'test/fixtures/mini/data',
    outDir: dir,
    templateDir: resolve('templates/speech'),
    meeting: { year: 2023, quarter: 2 },
    formats: new Set(['md', 'docx']),
    log: () => undefined,
  });
  folder = result.dir;
}, 120_000);

const render = (log: string[]) =>
  renderDraft({ file: join(folder, 'speech.md'), formats: new Set(['docx']), templateDir: resolve('templates/speech'), pdf: { pageNumbers: 'outer' }, log: (line) => log.push(line) });

describe('render beside report', () => {
  it('rewrites an unedited speech.docx in place, byte for byte the same, after 核稿 passes', async () => {
    const before = readFileSync(join(folder, 'speech.docx'));
    const log: string[] = [];
    await render(log);
    expect(log).toContainEqual(expect.stringMatching(/^核稿通过，核对了 \d+ 处数字：0 处与数据不一致，0 处未能核对$/));
    expect(readFileSync(join(folder, 'speech.docx')).equals(before)).toBe(true);
    expect(readdirSync(folder).filter((name) => name.includes('.edited-'))).toEqual([]);
  });

  it('moves a hand-edited speech.docx aside, says so, and records the new one', async () => {
    const edited = Buffer.concat([readFileSync(join(folder, 'speech.docx')), Buffer.from('edited in WPS')]);
    writeFileSync(join(folder, 'speech.docx'), edited);
    writeFileSync(join(folder, 'speech.md'), readFileSync(join(folder, 'speech.md'), 'utf8').replace('同志们：', '同志们：\n\n改稿加的一段话。'));
    const log: string[] = [];
    await render(log);
    expect(readFileSync(join(folder, 'speech.edited-1.docx')).equals(edited)).toBe(true);
    expect(log.some((line) => line.includes('已改名为 speech.edited-1.docx 保留'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(folder, MANIFEST), 'utf8')) as { files: Record<string, string> };
    expect(manifest.files['speech.docx']).toBe(sha256(join(folder, 'speech.docx')));
    // Rendered again: the file is tongbao's own now, nothing more is moved aside.
    await render([]);
    expect(readdirSync(folder).filter((name) => name.includes('.edited-'))).toEqual(['speech.edited-1.docx']);
  }, 60_000);

  it('runs 核稿 first and warns on a changed figure, then renders the draft as edited', async () => {
    const md = readFileSync(join(folder, 'speech.md'), 'utf8');
    expect(md).toContain('规上工业增加值下降3.2%，低于预期5.2个百分点'); // 科工局 F5 −3.2 (mini fixture)
    writeFileSync(join(folder, 'speech.md'), md.replace('规上工业增加值下降3.2%，低于预期5.2个百分点', '规上工业增加值下降2.3%，低于预期5.2个百分点'));
    const log: string[] = [];
    await render(log);
    expect(log).toContainEqual(expect.stringMatching(/^警告（核稿）：核对了 \d+ 处数字：1 处与数据不一致，0 处未能核对；仍按稿排版，请核对：$/));
    expect(log).toContain('     稿中：规上工业增加值下降2.3%');
    expect(log.some((line) => line.startsWith('     数据：规上工业增加值下降3.2%（来源：2023/03/科工局'))).toBe(true);
    const { readDraft } = await import('../../src/verify/draft.js');
    expect(readDraft(join(folder, 'speech.docx')).some((b) => b.kind === 'paragraph' && b.text.includes('规上工业增加值下降2.3%'))).toBe(true);
  }, 60_000);
});
