// A catalogue name written with its label prefix ("其中：限上零售业零售额") never prints the prefix in
// prose, lists or the appendix (#9): names are normalised once, when the config is loaded.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/build.js';

const MINI = 'test/fixtures/mini';
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-names-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a catalogue name that keeps 其中：', () => {
  it('is spoken without it', async () => {
    const original = readFileSync(`${MINI}/tongbao.config.yaml`, 'utf8');
    const renamed = original.replace('name: 限上零售业零售额, aliases: [', 'name: 其中：限上零售业零售额, aliases: [限上零售业零售额, ');
    expect(renamed).not.toBe(original);
    const configFile = join(tmp, 'tongbao.config.yaml');
    writeFileSync(configFile, renamed);
    const result = await buildReport({
      configFile, dataDir: `${MINI}/data`, outDir: join(tmp, 'out'), templateDir: resolve('templates/speech'),
      meeting: { year: 2023, quarter: 2 }, formats: new Set(['md']), log: () => undefined,
    });
    const speech = readFileSync(join(result.dir, 'speech.md'), 'utf8');
    expect(speech).toContain('限上零售业零售额下降8.3%，低于预期13.3个百分点'); // F5 of the 商务局 return; 5.0 − (−8.3)
    expect(speech).toContain('| 限上零售业零售额 |'); // the appendix row
    expect(speech).not.toContain('其中：');
  });
});
