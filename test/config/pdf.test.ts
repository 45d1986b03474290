// The optional `pdf:` section of tongbao.config.yaml (issue #6).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';

const shipped = readFileSync('tongbao.config.yaml', 'utf8').replace(/\npdf:[\s\S]*?(?=\n\S|$)/, '');

describe('pdf options', () => {
  it('default to outer page numbers and an appendix', () => {
    expect(parseConfig(shipped).pdf).toEqual({ pageNumbers: 'outer', appendix: true, fonts: {} });
  });

  it('take centred page numbers and no appendix', () => {
    expect(parseConfig(`${shipped}\npdf:\n  pageNumbers: center\n  appendix: false\n`).pdf).toEqual({ pageNumbers: 'center', appendix: false, fonts: {} });
  });

  it('refuse an unknown placement in Chinese', () => {
    expect(() => parseConfig(`${shipped}\npdf:\n  pageNumbers: left\n`)).toThrow('配置项 pdf.pageNumbers 有误：只能是 outer / center 之一');
  });

  it('take the office\'s font files by role, and refuse an unknown role', () => {
    expect(parseConfig(`${shipped}\npdf:\n  fonts:\n    fangsong: fonts/仿宋_GB2312.ttf\n`).pdf.fonts).toEqual({ fangsong: 'fonts/仿宋_GB2312.ttf' });
    expect(() => parseConfig(`${shipped}\npdf:\n  fonts:\n    songti: a.ttf\n`)).toThrow(/配置项 pdf\.fonts/);
  });
});
