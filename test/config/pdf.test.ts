// The optional `pdf:` section of tongbao.config.yaml (issue #6).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';

const shipped = readFileSync('tongbao.config.yaml', 'utf8').replace(/\npdf:[\s\S]*?(?=\n\S|$)/, '');

describe('pdf options', () => {
  it('default to outer page numbers and an appendix', () => {
    expect(parseConfig(shipped).pdf).toEqual({ pageNumbers: 'outer', appendix: true });
  });

  it('take centred page numbers and no appendix', () => {
    expect(parseConfig(`${shipped}\npdf:\n  pageNumbers: center\n  appendix: false\n`).pdf).toEqual({ pageNumbers: 'center', appendix: false });
  });

  it('refuse an unknown placement in Chinese', () => {
    expect(() => parseConfig(`${shipped}\npdf:\n  pageNumbers: left\n`)).toThrow('配置项 pdf.pageNumbers 有误：只能是 outer / center 之一');
  });
});
