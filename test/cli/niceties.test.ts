// In-process: the CLI's words for usage mistakes, files held open, districts, GitHub outputs,
// publishing, and init's answers and files.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { publishMeeting } from '../../src/check/published.js';
import { applyDistrict, districtPaths } from '../../src/cli/districts.js';
import { addToSummary, setOutputs } from '../../src/cli/github.js';
import { lastMonth } from '../../src/cli/init.js';
import { closest, commandsOf, editDistance, misuse, skipHelpCache } from '../../src/cli/niceties.js';
import { UsageError, UserError } from '../../src/errors.js';
import { fileSystemError } from '../../src/system/fsErrors.js';
import { completeAnswers } from '../../src/init/answers.js';
import { askMissing } from '../../src/init/ask.js';
import { configIn, initDistrict, writeForms } from '../../src/init/init.js';

const COMMANDS = ['report', 'check', 'publish', 'init'];
const dir = mkdtempSync(join(tmpdir(), 'tongbao-niceties-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('usage mistakes recognised before any work', () => {
  it('a mistyped command: the nearest one, in the words of how it was run', () => {
    expect(misuse(['reprot'], {}, COMMANDS)?.message).toBe('没有「reprot」这个命令。您要运行的是 tongbao report 吗？可用的命令：report、check、publish、init');
    expect(misuse(['chek', '--quarter', 'Q2'], { npm_lifecycle_event: 'check' }, COMMANDS)?.message).toContain('您要运行的是 npm run check 吗？');
    expect(misuse(['xyz'], {}, COMMANDS)?.message).toBe('没有「xyz」这个命令。可用的命令：report、check、publish、init');
    expect(closest('pub', COMMANDS)).toBe('publish');
    expect(closest('rport', COMMANDS)).toBe('report');
    expect(editDistance('reprot', 'report')).toBe(1);
    expect(editDistance('init', 'report')).toBeGreaterThan(2);
  });

  it('npm kept the options (npm run report --quarter Q2, or PowerShell dropping the --)', () => {
    const error = misuse(['report', 'Q2'], { npm_lifecycle_event: 'report', npm_config_quarter: 'true' }, COMMANDS);
    expect(error).toBeInstanceOf(UsageError);
    expect(error?.message).toBe(
      "npm 把 --quarter 当成了它自己的选项，没有传给 tongbao：请在 npm run report 后面加 --，例如 npm run report -- --quarter Q2；在 Windows PowerShell 中要给它加引号：npm run report '--' --quarter Q2",
    );
    expect(misuse(['report'], { npm_lifecycle_event: 'report', npm_config_quarter: 'Q2', npm_config_district: '东湖区' }, COMMANDS)?.message).toMatch(/^npm 把 --quarter、--district 当成了/);
  });

  it('a bare quarter without --quarter', () => {
    expect(misuse(['report', 'Q2'], {}, COMMANDS)?.message).toBe('「Q2」前少了 --quarter：请写成 --quarter Q2（如 npm run report -- --quarter Q2）');
    expect(misuse(['check', '--district', '东湖区', 'latest'], {}, COMMANDS)?.message).toMatch(/^「latest」前少了 --quarter/);
  });

  it('knows the commands registered with yargs', () => {
    const cli = yargs([]).command('report', 'r', {}, () => undefined).command({ command: 'init', describe: 'i', handler: () => undefined });
    expect(commandsOf(cli)).toEqual(['report', 'init']);
  });

  it('keeps yargs from building its help text each time a command starts', async () => {
    type Usage = { hasCachedHelpMessage(): boolean };
    const usageOf = (cli: unknown) => (cli as { getInternalMethods(): { getUsageInstance(): Usage } }).getInternalMethods().getUsageInstance();
    const parser = () => yargs(['report']).command('report', '生成讲话稿', {}, () => undefined);
    const plain = parser();
    await plain.parseAsync();
    expect(usageOf(plain).hasCachedHelpMessage()).toBe(true); // what yargs does by itself
    const ours = parser();
    skipHelpCache(ours);
    await ours.parseAsync();
    expect(usageOf(ours).hasCachedHelpMessage()).toBe(false);
  });

  it('nothing to say about a correct command line', () => {
    expect(misuse(['report', '--quarter', 'Q2', '--year', '2023'], { npm_lifecycle_event: 'report' }, COMMANDS)).toBeUndefined();
    expect(misuse(['--version'], {}, COMMANDS)).toBeUndefined();
    expect(misuse(['init', '--forms', '2024-05'], { npm_lifecycle_event: 'init', npm_config_force: 'true' }, COMMANDS)).toBeUndefined();
  });
});

describe('a file another program has open', () => {
  const pdf = join(process.cwd(), 'out', '2023-Q2', 'speech.pdf');

  it('EBUSY on the PDF: close it first (a user error, exit 1, not a bug)', () => {
    const error = fileSystemError(Object.assign(new Error('EBUSY'), { code: 'EBUSY', path: pdf }), undefined, undefined, 'linux');
    expect(error).toBeInstanceOf(UserError);
    expect(error?.message).toBe(`请先关闭已打开的 ${join('out', '2023-Q2', 'speech.pdf')}（如在 WPS、Word 或 PDF 阅读器中打开），然后重新运行`);
  });

  it('EPERM replacing it on Windows is the same, named as the user knows it (not the staging copy)', () => {
    const staging = join(process.cwd(), 'out', '.2023-Q2.building-42');
    const shown = (path: string) => path.replace(staging, join(process.cwd(), 'out', '2023-Q2'));
    const error = fileSystemError({ code: 'EPERM', path: join(staging, 'speech.pdf') }, shown, undefined, 'win32');
    expect(error?.message).toMatch(/^请先关闭已打开的 out.2023-Q2.speech\.pdf（/);
  });

  it('EPERM elsewhere is a permission problem; errors without a path or code pass through', () => {
    expect(fileSystemError({ code: 'EPERM', path: pdf }, undefined, undefined, 'linux')?.message).toMatch(/^没有权限读写/);
    expect(fileSystemError(new Error('boom'))).toBeUndefined();
    expect(fileSystemError({ code: 'ENOENT', path: '/x' })).toBeUndefined();
  });
});

describe('districts in one repository', () => {
  it('districts/<name>/ by name; the root by its district\'s name or "."', () => {
    expect(districtPaths('东湖区')).toEqual({ dir: join('districts', '东湖区'), config: join('districts', '东湖区', 'tongbao.config.yaml'), data: join('districts', '东湖区', 'data'), out: join('out', '东湖区'), published: join('districts', '东湖区', 'published') });
    expect(districtPaths('云溪区')).toEqual({ dir: '.', config: 'tongbao.config.yaml', data: 'data', out: 'out', published: 'published' });
    expect(districtPaths('云溪').dir).toBe('.'); // an alias of the root district
    expect(districtPaths('.').dir).toBe('.');
    expect(() => districtPaths('西湖区')).toThrow(/找不到区县「西湖区」：已有的区县 「东湖区」「云溪区」/);
  });

  it('--district gives the paths not given explicitly', () => {
    const args: Record<string, unknown> = { district: '东湖区', data: 'mydata', out: 'out', config: 'tongbao.config.yaml', published: 'published' };
    applyDistrict(['report', '--district', '东湖区', '--data', 'mydata'])(args);
    expect(args).toMatchObject({ data: 'mydata', out: join('out', '东湖区'), config: join('districts', '东湖区', 'tongbao.config.yaml') });
  });
});

describe('on GitHub Actions', () => {
  it('writes the artifact name, the folder and the attendees list as step outputs, and the summary', () => {
    const output = join(dir, 'github-output');
    const summary = join(dir, 'github-summary');
    writeFileSync(output, '');
    setOutputs({ artifact: '云溪区2023年二季度讲话稿', dir: join(process.cwd(), 'out', '2023-Q2'), data: 'data' }, { GITHUB_OUTPUT: output });
    expect(readFileSync(output, 'utf8')).toBe(`artifact=云溪区2023年二季度讲话稿\ndir=${join('out', '2023-Q2')}\nattendees=${join('data', 'attendees.csv')}\n`);
    addToSummary('# 数据检查\n', { GITHUB_STEP_SUMMARY: summary });
    addToSummary('已生成', { GITHUB_STEP_SUMMARY: summary });
    expect(readFileSync(summary, 'utf8')).toBe('# 数据检查\n\n已生成\n\n');
  });

  it('does nothing outside Actions', () => {
    expect(() => setOutputs({ artifact: 'x', dir: 'out', data: 'data' }, {})).not.toThrow();
    expect(() => addToSummary('x', {})).not.toThrow();
  });
});

describe('publishing a meeting', () => {
  it('refuses other figures for a meeting already published, unless forced; refuses what is not figures.json', () => {
    const build = join(dir, 'build');
    mkdirSync(build, { recursive: true });
    writeFileSync(join(build, 'figures.json'), '{"figures":[{"id":"a","value":1}]}\n');
    const published = join(dir, 'published');
    expect(publishMeeting(build, published, '2023-Q2', false).changed).toBe(true);
    writeFileSync(join(build, 'figures.json'), '{"figures":[{"id":"a","value":2}]}\n');
    expect(() => publishMeeting(build, published, '2023-Q2', false)).toThrow(/已发布过，内容与这次生成的不同/);
    expect(publishMeeting(build, published, '2023-Q2', true).changed).toBe(true);
    expect(readFileSync(join(published, '2023-Q2', 'figures.json'), 'utf8')).toContain('"value":2');
    writeFileSync(join(build, 'figures.json'), 'not json');
    expect(() => publishMeeting(build, published, '2023-Q3', false)).toThrow(/不是 tongbao 生成的 figures.json/);
    expect(() => publishMeeting(join(dir, 'nowhere'), published, '2023-Q3', false)).toThrow(/请先运行 npm run report/);
  });
});

describe('init\'s answers and files', () => {
  it('completes names with the short forms the city\'s tables use', () => {
    const answers = completeAnswers({ district: '青山区', city: '江城市', peers: '东湖区、西山县', unranked: '江城高新区', bureaus: '统计局,工信局' });
    expect(answers.district).toEqual({ name: '青山区', aliases: ['青山'], ranked: true, kind: '区' });
    expect(answers.city).toEqual({ name: '江城市', kind: '市', aliases: ['江城'] });
    expect(answers.reporter).toBe('区发改局');
    expect(completeAnswers({ district: '吉首市', city: '湘西州', peers: '凤凰县', bureaus: '经发局', reporter: '市经发局' })).toMatchObject({ district: { kind: '市' }, city: { kind: '州', aliases: ['湘西'] }, reporter: '市经发局' });
    expect(answers.peers).toEqual([
      { name: '东湖区', aliases: ['东湖'], ranked: true },
      { name: '西山县', aliases: ['西山'], ranked: true },
      { name: '江城高新区', aliases: ['江城高新', '高新区'], ranked: false },
    ]);
    expect(answers.bureaus.map((b) => [b.kind.id, b.name])).toEqual([['tjj', '统计局'], ['kgj', '工信局']]);
  });

  it('says what is missing or wrong, in Chinese', () => {
    expect(() => completeAnswers({ city: '江城市', peers: '东湖区' })).toThrow('缺少 --district：本区县的全称，如 --district 青山区（或直接运行 npm run init，按提示回答）');
    expect(() => completeAnswers({ district: '青山区', city: '江城市' })).toThrow(/请用 --peers 列出全市其他参与比较的区县/);
    expect(() => completeAnswers({ district: '青山', city: '江城市', peers: '东湖区' })).toThrow('无法从「青山」判断是区、县、市还是旗：请加 --kind 区（或 县、市、旗）');
    expect(() => completeAnswers({ district: '青山区', city: '江城市', peers: '东湖区', bureaus: '教育局' })).toThrow(/不认识的单位「教育局」/);
    expect(() => completeAnswers({ district: '青山区', city: '江城市', peers: '东湖区,青山区' })).toThrow(/「青山区」写了两次/);
    expect(() => completeAnswers({ district: '青山区', city: '江城市', peers: '东湖区', bureaus: '科工局,工信局' })).toThrow(/「工信局」与另一个单位是同一类/);
  });

  it('asks on a terminal for what the flags did not give', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    input.end('青山区\n江城市\n东湖区、西山区\n\n\n');
    const answers = await askMissing({}, { input, output });
    expect(answers).toEqual({ district: '青山区', city: '江城市', peers: '东湖区、西山区', unranked: '', bureaus: '' });
    expect(String(output.read())).toContain('本区县的全称（如 青山区）：');
  });

  it('never overwrites a config, and keeps a form that is being filled', async () => {
    const district = join(dir, 'init');
    const answers = completeAnswers({ district: '青山区', city: '江城市', peers: '东湖区', bureaus: '投促局' });
    const month = { year: 2024, month: 5 };
    await initDistrict({ dir: district, answers, month, schemaFile: join(process.cwd(), 'tongbao.config.schema.json') });
    const schema = /^# yaml-language-server: \$schema=(.+)$/.exec(readFileSync(join(district, 'tongbao.config.yaml'), 'utf8').split('\n')[0]!)?.[1];
    expect(resolve(district, schema!)).toBe(resolve('tongbao.config.schema.json'));
    await expect(initDistrict({ dir: district, answers, month, schemaFile: 'x' })).rejects.toThrow(/已存在，init 不会覆盖它/);
    const form = join(district, 'forms', '2024', '05', '投促局2024年5月报表.xlsx');
    writeFileSync(form, 'being filled');
    const again = await writeForms(district, configIn(district), month);
    expect(again.kept).toEqual([form]);
    expect(readFileSync(form, 'utf8')).toBe('being filled');
    expect(again.written).toEqual([]); // the other forms are there, unchanged
  });

  it('forms for the month before today by default', () => {
    expect(lastMonth(new Date(2024, 0, 15))).toEqual({ year: 2023, month: 12 });
    expect(lastMonth(new Date(2024, 5, 1))).toEqual({ year: 2024, month: 5 });
  });
});

