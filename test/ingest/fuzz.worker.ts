// Runs in a worker so the test can kill it on a hang: mutates valid returns (bytes of the file,
// XML inside the .xlsx, fields of a CSV) with a seeded PRNG and reads each mutant as a return.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { loadConfig } from '../../src/config/config.js';
import { UserError } from '../../src/errors.js';
import { readReturn } from '../../src/ingest/sources/returns.js';
import { setLegacyTimeLimit } from '../../src/ingest/read/xls.js';
import { parseWorkbook } from '../../src/ingest/read/file.js';
import { prng } from '../../scripts/example-data/xlsx.js';

export interface FuzzMessage {
  readonly type: 'start' | 'done';
  readonly index?: number;
  readonly label?: string;
  readonly outcomes?: Record<string, number>;
  readonly crashes?: readonly string[];
}

const { seed, count } = workerData as { seed: string; count: number };
// A damaged .xls that sends SheetJS into a loop must end as a UserError well before the watchdog.
setLegacyTimeLimit(1000);
const DIR = 'test/fixtures/returns';
const config = loadConfig('tongbao.config.yaml');
const random = prng(seed);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;

const TOKENS = ['', '—', '-1e309', '1e400', 'NaN', '１２３．４', '#DIV/0!', '增长', '下降-3', '1,2,3', '9'.repeat(400), '<', '&amp;', '其中：', '　　', '0.0(百分点)', '2023年1—3月', '注：', '-0', '.5', '5.', '1e-7'];
const XML_EDITS: ReadonlyArray<(xml: string) => string> = [
  (x) => x.replace(/<v>[^<]*<\/v>/g, (m) => (random() < 0.2 ? `<v>${pick(TOKENS)}</v>` : m)),
  (x) => x.replace(/ t="[a-z]+"/g, (m) => (random() < 0.3 ? ` t="${pick(['s', 'e', 'str', 'b', 'n', 'inlineStr', 'd'])}"` : m)),
  (x) => x.replace(/<v>[^<]*<\/v>/, '<f>SUM(A1:A2)</f>'),
  (x) => x.replace(/ r="[A-Z]+\d+"/g, (m) => (random() < 0.1 ? ` r="${pick(['XFD1048576', 'A1', 'ZZ9', 'A0', '1A', ''])}"` : m)),
  (x) => x.replace('</sheetData>', `</sheetData><mergeCells count="1"><mergeCell ref="${pick(['A1:Z99', 'B2:A1', 'A1:XFD1048576', 'C3:C3', 'A:A', 'junk'])}"/></mergeCells>`),
  (x) => x.slice(0, int(x.length)) + x.slice(int(x.length)),
  (x) => x.replace(/<row [^>]*>.*?<\/row>/s, (m) => m.repeat(1 + int(50))),
  (x) => x.replace(/<si>.*?<\/si>/s, `<si><t>${pick(TOKENS)}</t></si>`),
  (x) => x.replace(/numFmtId="\d+"/g, () => `numFmtId="${pick([0, 9, 10, 14, 22, 49, 164, 999])}"`),
  (x) => x.replace(/<sheet [^>]*\/>/, (m) => m.replace('/>', ` state="${pick(['hidden', 'veryHidden', 'visible', 'odd'])}"/>`)),
];

function mutateBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes);
  switch (int(4)) {
    case 0:
      for (let i = 0, n = 1 + int(8); i < n; i++) out[int(out.length)] = int(256);
      return out;
    case 1:
      return out.subarray(0, int(out.length));
    case 2: {
      const at = int(out.length);
      return new Uint8Array([...out.subarray(0, at), ...Array.from({ length: 1 + int(64) }, () => int(256)), ...out.subarray(at)]);
    }
    default: {
      const at = int(out.length);
      return new Uint8Array([...out.subarray(0, at), ...out.subarray(int(out.length))]);
    }
  }
}

function mutateXlsx(bytes: Uint8Array): Uint8Array {
  const entries = unzipSync(bytes);
  const names = Object.keys(entries).filter((n) => n.endsWith('.xml'));
  for (let i = 0, n = 1 + int(3); i < n; i++) {
    const name = random() < 0.6 ? 'xl/worksheets/sheet1.xml' : pick(names);
    if (entries[name]) entries[name] = strToU8(pick(XML_EDITS)(strFromU8(entries[name]!)));
  }
  return zipSync(entries, { level: 0 });
}

function mutateCsv(bytes: Uint8Array): Uint8Array {
  const text = new TextDecoder('gb18030').decode(bytes);
  const fields = text.split(/(,|\n)/);
  for (let i = 0, n = 1 + int(4); i < n; i++) fields[int(fields.length)] = pick([...TOKENS, '"', '"a,b"', '\r\n', ',,,,']);
  return strToU8(fields.join(''));
}

const BASES = ['valid.xlsx', 'hierarchy.xlsx', 'header-three-rows.xlsx', 'old-format.xls', 'html-saved-as.xls', 'utf8-bom.csv', 'gbk.csv'].map((name) => ({ name, bytes: new Uint8Array(readFileSync(`${DIR}/${name}`)) }));

function mutant(): { label: string; bytes: Uint8Array } {
  const base = pick(BASES);
  const kind = base.name.endsWith('.xlsx') && random() < 0.6 ? 'xml' : base.name.endsWith('.csv') && random() < 0.6 ? 'csv' : 'bytes';
  const bytes = kind === 'xml' ? mutateXlsx(base.bytes) : kind === 'csv' ? mutateCsv(base.bytes) : mutateBytes(base.bytes);
  return { label: `${kind}:${base.name}`, bytes };
}

const outcomes: Record<string, number> = { result: 0, userError: 0 };
const crashes: string[] = [];
for (let index = 0; index < count; index++) {
  const { label, bytes } = mutant();
  parentPort!.postMessage({ type: 'start', index, label } satisfies FuzzMessage);
  try {
    const workbook = await parseWorkbook(bytes, `fuzz-${index}.xlsx`);
    readReturn(workbook, config, { year: 2023, month: 3 });
    outcomes.result!++;
  } catch (error) {
    if (error instanceof UserError && error.describe().length > 0 && !/\n\s+at /.test(error.describe())) outcomes.userError!++;
    else crashes.push(`#${index} ${label}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
}
parentPort!.postMessage({ type: 'done', outcomes, crashes } satisfies FuzzMessage);
