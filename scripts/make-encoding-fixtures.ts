// Writes test/fixtures/returns/encoding-*.csv: the table of gbk.csv saved in the encodings CSV
// files come in besides UTF-8 and GBK — UTF-16 with a BOM (Excel's “Unicode 文本”, tab-separated:
// read), UTF-16 without a BOM, UTF-32 and Big5 (refused, saying which encodings are read).
//
//   npx tsx scripts/make-encoding-fixtures.ts
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'test/fixtures/returns');

const SIMPLIFIED = [
  '云溪区2023年1—3月主要经济指标完成情况表',
  '指标名称,计量单位,1—3月,上年同期,同比增长(%)',
  '社会消费品零售总额,亿元,"1,025.9",24.16,7.2',
  '限上零售业零售额,亿元,8.88,9.68,-8.3',
  '',
].join('\r\n');
// The same table as a Taiwanese or Hong Kong office would type it.
const TRADITIONAL = SIMPLIFIED.replace('云溪区', '雲溪區').replace('经济指标完成情况表', '經濟指標完成情況表').replace('指标名称,计量单位', '指標名稱,計量單位')
  .replace('同比增长', '同比增長').replace('社会消费品零售总额,亿元', '社會消費品零售總額,億元').replace('限上零售业零售额,亿元', '限上零售業零售額,億元');

function utf32le(text: string): Buffer {
  const points = [...text].map((c) => c.codePointAt(0)!);
  const bytes = Buffer.alloc(points.length * 4);
  points.forEach((point, i) => bytes.writeUInt32LE(point, i * 4));
  return bytes;
}

/** Big5 bytes through the inverse of the platform's Big5 decoder (Node has no Big5 encoder). */
function big5(text: string): Buffer {
  const decoder = new TextDecoder('big5');
  const table = new Map<string, number[]>();
  for (let lead = 0xa1; lead <= 0xf9; lead++) {
    for (const trail of [...range(0x40, 0x7e), ...range(0xa1, 0xfe)]) {
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\uFFFD' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return Buffer.from([...text].flatMap((char) => {
    if (char.charCodeAt(0) < 0x80) return [char.charCodeAt(0)];
    const bytes = table.get(char);
    if (!bytes) throw new Error(`no Big5 code for ${char}`);
    return bytes;
  }));
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const BOM_16LE = Buffer.from([0xff, 0xfe]);
const BOM_32LE = Buffer.from([0xff, 0xfe, 0, 0]);
const tabbed = SIMPLIFIED.replace(/,"1,025.9",/, '\t1025.9\t').replace(/,/g, '\t');

writeFileSync(join(DIR, 'encoding-utf16-bom.csv'), Buffer.concat([BOM_16LE, Buffer.from(tabbed, 'utf16le')]));
writeFileSync(join(DIR, 'encoding-utf16-no-bom.csv'), Buffer.from(SIMPLIFIED, 'utf16le'));
writeFileSync(join(DIR, 'encoding-utf32.csv'), Buffer.concat([BOM_32LE, utf32le(SIMPLIFIED)]));
writeFileSync(join(DIR, 'encoding-big5.csv'), big5(TRADITIONAL));
console.log(`→ ${DIR}/encoding-*.csv`);
