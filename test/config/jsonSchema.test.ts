// tongbao.config.schema.json is what editors check tongbao.config.yaml with: it must be the
// generation of the current zod schema, and accept and refuse what the config reader does.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { configJsonSchemaText } from '../../src/config/jsonSchema.js';

const committed = readFileSync('tongbao.config.schema.json', 'utf8');
const exampleText = readFileSync('tongbao.config.yaml', 'utf8');

describe('tongbao.config.schema.json', () => {
  it('is up to date with the zod schema of the config (run npm run generate:schema after changing src/config/config.ts)', () => {
    expect(committed).toBe(configJsonSchemaText());
  });

  it('is referenced by the example config, for the YAML language server', () => {
    expect(exampleText.split('\n')[0]).toBe('# yaml-language-server: $schema=./tongbao.config.schema.json');
  });

  it('accepts the configs the reader accepts and refuses what it refuses', () => {
    const schema = z.fromJSONSchema(JSON.parse(committed));
    for (const file of ['tongbao.config.yaml', 'test/fixtures/mini/tongbao.config.yaml']) {
      expect(schema.safeParse(parse(readFileSync(file, 'utf8'))).success, file).toBe(true);
    }
    const bad = parse(exampleText);
    bad.indicators[0].span = 'weekly';
    bad.peers[0].rank = false; // a typo of ranked
    const result = schema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([
      ['peers.0', 'unrecognized_keys'],
      ['indicators.0.span', 'invalid_value'],
    ]);
  });

  it('explains the fields in Chinese where the editor shows them', () => {
    const schema = JSON.parse(committed);
    expect(schema.properties.indicators.items.properties.span.description).toBe('ytd 累计 / month 当月 / stock 期末');
    expect(schema.properties.city.properties.aliases.description).toMatch(/全市/);
  });
});
