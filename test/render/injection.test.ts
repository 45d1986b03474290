// Issue 14, injection: text in the data that tries to become markup stays text in speech.md,
// speech.html, the PDF and check.md. The hostile fixture (scripts/generate-hostile-fixture.ts) is the
// mini fixture with such texts in project names, 责任单位, 牵头单位 and an indicator's name; its speech
// must have exactly the elements of the mini fixture's speech, and show every hostile text verbatim.
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE } from '../../scripts/generate-hostile-fixture.js';
import { buildReport } from '../../src/build.js';
import { checkData } from '../../src/check/check.js';
import { findingLines, renderCheckMarkdown } from '../../src/check/checkReport.js';
import { loadConfig } from '../../src/config/config.js';
import { markdownToHtml } from '../../src/render/html/document.js';
import { findBrowser } from '../../src/render/pdf/browser.js';
import { pdfText } from '../helpers/pdf.js';

const MINI = 'test/fixtures/mini';
const FIXTURE = 'test/fixtures/issue-14-hostile-text';
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-injection-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const hasBrowser = (() => {
  try {
    return findBrowser() !== '';
  } catch {
    return false;
  }
})();

async function build(fixture: string, formats: readonly ('md' | 'html' | 'pdf')[]): Promise<string> {
  const out = mkdtempSync(join(tmp, 'out-'));
  await buildReport({
    configFile: `${fixture}/tongbao.config.yaml`, dataDir: `${fixture}/data`, outDir: out, templateDir: 'templates/speech',
    meeting: { year: 2023, quarter: 2 }, formats: new Set(formats), log: () => undefined,
  });
  return join(out, '2023-Q2');
}

/** Opening tags with their attribute names ("td", "span class title"), and the text with entities decoded. */
function read(html: string): { tags: string[]; text: string } {
  const ATTRIBUTE = /\s+([^\s=>"'/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g;
  const TAG = /<([a-zA-Z][\w-]*)((?:\s+[^\s=>"'/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;
  const tags = [...html.matchAll(TAG)].map(([, name, attributes]) => [name!, ...[...attributes!.matchAll(ATTRIBUTE)].map((a) => a[1]!)].join(' ').toLowerCase());
  const text = html
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return { tags: tags.sort(), text };
}

// How each hostile text reads in the documents: on one line, a line break before “#” as a space.
const SHOWN = [
  '临江路线迁移改造项目 # 伪造的一级标题',
  HOSTILE.hospitalProject,
  `（${HOSTILE.roadUnit}牵头）`,
  `（${HOSTILE.hospitalUnit}牵头）`,
  `由${HOSTILE.industryLead}牵头`,
  `由${HOSTILE.retailLead}牵头`,
  `由${HOSTILE.accommodationLead}牵头`,
  `${HOSTILE.wholesaleName}增速居全市第一`,
];

describe('#14 hostile text from the data in speech.md', () => {
  let md: string;
  let clean: string;
  beforeAll(async () => {
    md = readFileSync(join(await build(FIXTURE, ['md']), 'speech.md'), 'utf8');
    clean = readFileSync(join(await build(MINI, ['md']), 'speech.md'), 'utf8');
  }, 30_000);

  for (const [name, render] of [['plain marked', (text: string) => marked.parse(text, { async: false })], ['the project\'s Markdown → HTML', markdownToHtml]] as const) {
    it(`rendered by ${name}: no element or attribute the clean speech does not have`, () => {
      const hostile = read(render(md));
      expect(hostile.tags).toEqual(read(render(clean)).tags);
      expect(hostile.tags.filter((tag) => /^(img|b|a|h1|script)\b|onerror|onmouseover|href|src/.test(tag))).toEqual(['h1']);
    });

    it(`rendered by ${name}: every hostile text shown as the text it is`, () => {
      const { text } = read(render(md));
      for (const shown of SHOWN) expect(text).toContain(shown);
    });
  }

  it('keeps the appendix table whole: 11 cells in every row, the pipes in 牵头单位 are text', () => {
    const html = marked.parse(md, { async: false });
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => read(c[1]!).text));
    expect(rows).toHaveLength(8); // the header and the mini fixture's seven indicators
    for (const row of rows) expect(row).toHaveLength(11);
    expect(rows.map((row) => row[1])).toEqual(['指标名称', '规上工业增加值', '规上工业总产值', HOSTILE.wholesaleName, '限上零售业零售额', '限上住宿业营业额', '招商引资到位资金', '新签约项目数']);
    expect(rows.map((row) => row[10])).toEqual(['牵头单位', HOSTILE.industryLead, '科工局', '区商务局', HOSTILE.retailLead, HOSTILE.accommodationLead, '区投促局', '区投促局']);
    expect(rows[5]!.slice(5, 8)).toEqual(['9.8', '16.0', '-6.2']); // the cells after the pipe are still in their columns
  });

  it('reads naturally: only what Markdown would take as markup carries a backslash', () => {
    expect(md).toContain('总投资2509万元的临江路线迁移改造项目 # 伪造的一级标题要确保“五一”前开工（\\<img src=x onerror=alert(8)\\>牵头）');
    expect(md).toContain('区人民医院\\*\\*加粗\\*\\*综合楼\\|二期要确保6月底前竣工（\\{\\{meeting.year\\}\\}区卫生健康局牵头）');
    expect(md).toContain('由http\\://x.com\\\\\\<b onmouseover=alert(10)\\>区科工局\\</b\\>牵头');
  });
});

describe.skipIf(!hasBrowser)('#14 hostile text from the data in speech.html and the PDF', () => {
  let dir: string;
  let cleanDir: string;
  beforeAll(async () => {
    [dir, cleanDir] = await Promise.all([build(FIXTURE, ['html', 'pdf']), build(MINI, ['html'])]);
  }, 60_000);

  it('speech.html has exactly the elements of the clean page, and shows every hostile text', () => {
    // Outside the charts, whose geometry follows the labels' lengths; inside them only ECharts' own elements.
    const body = (file: string) => readFileSync(file, 'utf8').replace(/^[\s\S]*<body[^>]*>|<\/body>[\s\S]*$/g, '');
    const [html, cleanHtml] = [body(join(dir, 'speech.html')), body(join(cleanDir, 'speech.html'))];
    const withoutCharts = (page: string) => page.replace(/<svg[\s\S]*?<\/svg>/g, '<svg>');
    const hostile = read(withoutCharts(html));
    expect(hostile.tags).toEqual(read(withoutCharts(cleanHtml)).tags);
    const elements = (page: string) => [...new Set(read(page).tags.map((tag) => tag.split(' ')[0]))].sort();
    expect(elements(html)).toEqual(elements(cleanHtml));
    expect(read(html).tags.filter((tag) => /onerror|onmouseover|href|src/.test(tag))).toEqual([]);
    for (const shown of SHOWN) expect(hostile.text).toContain(shown);
    expect(hostile.text).toContain(HOSTILE.accommodationLead); // in the appendix table, whole
  });

  it('the PDF shows every hostile text', () => {
    // pdftotext drops or adds spaces and line breaks in justified lines: compare without them.
    const text = pdfText(join(dir, 'speech.pdf')).replace(/\s/g, '').replace(/—\d+—/g, ''); // page numbers may fall mid-sentence
    for (const shown of SHOWN) expect(text).toContain(shown.replace(/\s/g, ''));
  });
});

describe('#14 hostile text from the data in check.md', () => {
  const data = join(tmp, 'check-data');
  const BAD_NAME = '说明\n<img src=x onerror=alert(13)>.xlsx';
  // A number cell of 1,050,000 characters, in a CSV (an .xlsx cell holds at most 32,767, and the
  // .xlsx reader refuses more), and one of 30,000 in an .xlsx.
  const HUGE = '一千万'.repeat(350_000);
  const LONG = '一千万'.repeat(10_000);
  let markdown: string;
  let lines: string[];

  beforeAll(async () => {
    cpSync(`${MINI}/data`, data, { recursive: true });
    const file = join(data, '2023/03/科工局2023年3月报表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.worksheets[0]!.getCell('C6').value = '<img src=x onerror=alert(14)>';
    wb.worksheets[0]!.getCell('E6').value = LONG;
    await wb.xlsx.writeFile(file);
    rmSync(join(data, '2023/03/投促局2023年3月招商引资.xlsx'));
    writeFileSync(join(data, '2023/03/投促局2023年3月招商引资.csv'), [
      '云溪区2023年1—3月招商引资工作完成情况表',
      '填报单位：云溪区投资促进局,,,,,,单位：亿元、个、%',
      '指标,单位,全年目标,本年累计,完成率(%),上年同期,同比增长(%)',
      '招商引资到位资金,亿元,50,11.8,23.6,9.6,22.9',
      `新签约项目数,个,10,${HUGE},30,2,50`,
      '',
    ].join('\r\n'));
    copyFileSync(join(data, '2023/02/科工局2023年2月报表.xlsx'), join(data, '2023/03', BAD_NAME));
    const result = await checkData({ dataDir: data, config: loadConfig(`${MINI}/tongbao.config.yaml`), through: { year: 2023, month: 3 }, meetingYear: 2023 });
    markdown = renderCheckMarkdown(result, { title: '2023年二季度经济运行部署会议', through: { year: 2023, month: 3 } });
    lines = findingLines(result.findings);
  }, 30_000);

  it('writes no tag, and no line break from a file name, into check.md', () => {
    expect(markdown).not.toMatch(/(^|[^\\])<[a-zA-Z/]/m);
    const html = marked.parse(markdown, { async: false });
    const { tags, text } = read(html);
    expect([...new Set(tags)].sort()).toEqual(['h1', 'h2', 'li', 'p', 'strong', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul']);
    for (const row of html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)) expect(row[1]!.match(/<t[dh]>/g)).toHaveLength(3);
    // The file name is shown whole, its line break as \n.
    expect(text).toContain('2023/03/说明\\n<img src=x onerror=alert(13)>.xlsx');
    expect(text).toContain('无法识别的数值「<img src=x onerror=alert(14)>」');
  });

  it('quotes at most 40 characters of a 1 MB cell, in check.md and on the terminal', () => {
    const excerpt = `「${HUGE.slice(0, 40)}…（共 1050000 字）」`;
    expect(markdown).toContain(`| 无法读取 | 2023/03/投促局2023年3月招商引资.csv › 投促局2023年3月招商引资 › D5 | 无法识别的数值${excerpt}`);
    expect(markdown).toContain(`| 无法读取 | 2023/03/科工局2023年3月报表.xlsx › Sheet1 › E6 | 无法识别的数值「${LONG.slice(0, 40)}…（共 30000 字）」`);
    expect(markdown.length).toBeLessThan(10_000);
    expect(lines.some((line) => line.includes(excerpt))).toBe(true);
    for (const line of lines) {
      expect(line).not.toContain('\n');
      expect(line.length).toBeLessThan(400);
    }
  });
});
