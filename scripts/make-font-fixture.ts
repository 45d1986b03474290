// Makes test/fixtures/fonts/office-fangsong.ttf: a stand-in for a font file an office owns (such as
// 仿宋_GB2312), for the `pdf.fonts` tests. It is LXGW WenKai (SIL OFL 1.1, from @fontsource/lxgw-wenkai)
// cut to the characters of FIXTURE_TEXT and renamed “Tongbao Test Fang” (PostScript TongbaoTestFang),
// so that a test can tell its glyphs from the bundled fonts'. Deterministic: run it again, same bytes.
//   npx tsx scripts/make-font-fixture.ts
import { writeFileSync } from 'node:fs';
import subsetFont from 'subset-font';
import { KAI } from '../src/render/fonts/fonts.js';
import { plainFont } from '../src/render/fonts/subset.js';

const FIXTURE_TEXT =
  '在全区二季度经济运行部署会议上的讲话（2023年4月）同志们：今天召开主要任务是回顾一季度情况，分析当前面临的困难和问题，安排工作。' +
  '一、正视差距（一）规上工业增加值下降3.2%，低于预期5.2个百分点；限上批发业销售额增长42.6%。希望大家确保实现“双过半”！0123456789.%—';

const NAME = { family: 'Tongbao Test Fang', postscript: 'TongbaoTestFang' };

const font = await subsetFont(await plainFont(KAI), FIXTURE_TEXT, { targetFormat: 'truetype' });
writeFileSync('test/fixtures/fonts/office-fangsong.ttf', renamed(font));

/** The font with a new 'name' table (Windows Unicode records only) and fresh checksums. */
function renamed(sfnt: Buffer): Buffer {
  const count = sfnt.readUInt16BE(4);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 12 + i * 16;
    const tag = sfnt.toString('latin1', at, at + 4);
    const offset = sfnt.readUInt32BE(at + 8);
    const length = sfnt.readUInt32BE(at + 12);
    return { tag, data: tag === 'name' ? nameTable() : Buffer.from(sfnt.subarray(offset, offset + length)) };
  });
  const head = tables.find((t) => t.tag === 'head')!;
  head.data.writeUInt32BE(0, 8);
  const directory = Buffer.alloc(12 + count * 16);
  sfnt.copy(directory, 0, 0, 12);
  let offset = directory.length;
  const bodies: Buffer[] = [];
  tables.forEach((table, i) => {
    const padded = Buffer.concat([table.data, Buffer.alloc((4 - (table.data.length % 4)) % 4)]);
    directory.write(table.tag, 12 + i * 16, 'latin1');
    directory.writeUInt32BE(checksum(padded), 12 + i * 16 + 4);
    directory.writeUInt32BE(offset, 12 + i * 16 + 8);
    directory.writeUInt32BE(table.data.length, 12 + i * 16 + 12);
    bodies.push(padded);
    offset += padded.length;
  });
  const whole = Buffer.concat([directory, ...bodies]);
  const headAt = directory.readUInt32BE(12 + tables.indexOf(head) * 16 + 8);
  whole.writeUInt32BE((0xb1b0afba - checksum(whole)) >>> 0, headAt + 8);
  return whole;
}

function nameTable(): Buffer {
  const strings: [number, string][] = [[1, NAME.family], [2, 'Regular'], [4, NAME.family], [6, NAME.postscript]];
  const encoded = strings.map(([id, text]) => ({ id, data: Buffer.from(text, 'utf16le').swap16() }));
  const header = Buffer.alloc(6 + encoded.length * 12);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(encoded.length, 2);
  header.writeUInt16BE(header.length, 4);
  let offset = 0;
  encoded.forEach(({ id, data }, i) => {
    const at = 6 + i * 12;
    header.writeUInt16BE(3, at);
    header.writeUInt16BE(1, at + 2);
    header.writeUInt16BE(0x409, at + 4);
    header.writeUInt16BE(id, at + 6);
    header.writeUInt16BE(data.length, at + 8);
    header.writeUInt16BE(offset, at + 10);
    offset += data.length;
  });
  return Buffer.concat([header, ...encoded.map((e) => e.data)]);
}

function checksum(data: Buffer): number {
  let sum = 0;
  const padded = data.length % 4 === 0 ? data : Buffer.concat([data, Buffer.alloc(4 - (data.length % 4))]);
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}
