// templates/<set>/seasons.yaml: the quarter's phrases, checked once per text and then taken from the
// cache; a mistake in the file is a TemplateError naming it, every time (errors are not cached).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TemplateError } from '../../src/errors.js';
import { loadSeasons } from '../../src/narrate/season.js';
import { useOwnCache } from '../helpers/cache.js';

useOwnCache();
const dir = mkdtempSync(join(tmpdir(), 'tongbao-seasons-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = readFileSync('templates/speech/seasons.yaml', 'utf8');

function write(text: string): string {
  const file = join(dir, 'seasons.yaml');
  writeFileSync(file, text);
  return file;
}

describe('seasons.yaml', () => {
  it('gives the quarter’s phrases, the same from the cache, and an edited phrase at once', () => {
    const file = write(TEXT);
    expect(loadSeasons(file, 2).season.aim).toBe('实现“双过半”');
    expect(loadSeasons(file, 2)).toEqual(loadSeasons(file, 2));
    expect(loadSeasons(file, 3).season.consumption).toBe('“中秋”“国庆”等消费旺季');
    write(TEXT.replace('aim: 实现“双过半”', 'aim: 确保实现“双过半”'));
    expect(loadSeasons(file, 2).season.aim).toBe('确保实现“双过半”');
  });

  it('refuses a missing phrase, naming the file and the entry, on every run', () => {
    const file = write(TEXT.replace('  safety: 汛期安全和防汛减灾\n', ''));
    for (let run = 0; run < 2; run++) {
      expect(() => loadSeasons(file, 2)).toThrow(TemplateError);
      expect(() => loadSeasons(file, 2)).toThrow('时令措辞 Q2.safety 有误：缺少此项');
    }
  });

  it('refuses YAML that does not parse, with its line', () => {
    const file = write(TEXT.replace('Q3:', 'Q3 [broken'));
    const error = (() => {
      try {
        loadSeasons(file, 3);
      } catch (thrown) {
        return thrown as TemplateError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(TemplateError);
    expect(error!.message).toBe('时令措辞文件不是合法的 YAML，请检查缩进和冒号');
    expect(error!.location.file).toBe(file);
  });
});
