// Issue 14 (faults): a <meta http-equiv="refresh"> in a template used to crash the print ("Execution
// context was destroyed", exit 3). A template carrying one is refused, naming file and line.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TemplateError } from '../../src/errors.js';
import { loadTemplates } from '../../src/render/markdown/speech.js';

const dir = mkdtempSync(join(tmpdir(), 'tongbao-redirect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a template with <meta http-equiv="refresh">', () => {
  it('is refused as a template error naming the file and the line', () => {
    const templates = join(dir, 'speech');
    cpSync('templates/speech', templates, { recursive: true });
    const partial = join(templates, 'partials', 'closing.hbs');
    writeFileSync(partial, `${readFileSync(partial, 'utf8')}\n<META HTTP-EQUIV=Refresh CONTENT="0; url=https://example.com/">\n`);
    const line = readFileSync(partial, 'utf8').split('\n').findIndex((text) => text.startsWith('<META')) + 1;
    const load = () => loadTemplates(templates);
    expect(load).toThrow(TemplateError);
    expect(load).toThrow('模板中有 <meta http-equiv="refresh">（让页面自动跳转），打印 PDF 和打开网页时都会离开讲话稿：请删除这个标签');
    try {
      load();
    } catch (error) {
      expect((error as TemplateError).location).toEqual({ file: relative(process.cwd(), partial), cell: `第${line}行` });
    }
  });
});
