import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/read/csv.js';
import { AttendeesError, parseAttendees } from '../../src/render/copies/attendees.js';
import { copyFileName, copyNumber, watermarkText } from '../../src/render/copies/stamp.js';

const parse = (text: string) => parseAttendees(text, 'attendees.csv');

describe('the attendees list', () => {
  it('reads 姓名 and 单位 in any column order, numbering copies in list order', () => {
    expect(parse('单位,姓名\r\n区政府办,王建国\r\n区发改局,李红梅\r\n')).toEqual([
      { copy: 1, name: '王建国', unit: '区政府办' },
      { copy: 2, name: '李红梅', unit: '区发改局' },
    ]);
  });

  it('skips blank lines and trims cells; 单位 is optional', () => {
    expect(parse('\n姓名\n 张伟 \n\n刘芳\n')).toEqual([
      { copy: 1, name: '张伟', unit: '' },
      { copy: 2, name: '刘芳', unit: '' },
    ]);
  });

  it('reads quoted cells with commas, quotes and line breaks', () => {
    expect(parse('姓名,单位\n"王""建国","区政府办,综合科"\n')).toEqual([{ copy: 1, name: '王"建国', unit: '区政府办,综合科' }]);
  });

  it('decodes UTF-8 with or without BOM, and GB18030 as Excel saves it on Chinese Windows', () => {
    const utf8 = Buffer.from('姓名,单位\n王建国,区政府办\n', 'utf8');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    // 王建国 in GB18030 / GBK.
    const gb = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x0a, 0xcd, 0xf5, 0xbd, 0xa8, 0xb9, 0xfa, 0x0a]);
    expect(parse(decodeText(utf8, 'a.csv').text)[0]?.name).toBe('王建国');
    expect(parse(decodeText(bom, 'a.csv').text)[0]?.name).toBe('王建国');
    expect(decodeText(gb, 'a.csv').text).toBe('姓名\n王建国\n');
  });

  it('says in Chinese what is wrong, and where', () => {
    const fails = (text: string, message: RegExp) => {
      expect(() => parse(text)).toThrow(AttendeesError);
      expect(() => parse(text)).toThrow(message);
    };
    fails('', /名单是空的/);
    fails('名称,部门\n王建国,区政府办\n', /没有“姓名”列/);
    fails('姓名,单位\n', /只有表头/);
    try {
      parse('姓名,单位\n王建国,区政府办\n,区发改局\n');
    } catch (error) {
      expect((error as AttendeesError).describe()).toBe('attendees.csv › 第3行：姓名为空：请填写姓名或删除该行');
    }
  });
});

describe('copy names', () => {
  const attendee = { copy: 7, name: '王建国', unit: '' };

  it('pads the copy number to two digits, or more for 100 copies or more', () => {
    expect(copyNumber(7, 30)).toBe('07');
    expect(copyNumber(7, 120)).toBe('007');
    expect(watermarkText(attendee, 30)).toBe('王建国 第07份');
  });

  it('names the file NN-姓名.pdf without characters file systems refuse', () => {
    expect(copyFileName(attendee, 30)).toBe('07-王建国.pdf');
    expect(copyFileName({ ...attendee, name: '../a/b:c' }, 30)).toBe('07-__a_b_c.pdf');
  });
});
