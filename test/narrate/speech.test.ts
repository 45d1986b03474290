// Key sentences of rendered speeches, written by hand from the fixtures' numbers.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/build.js';
import { TemplateError } from '../../src/errors.js';
import { guardSpeech } from '../../src/render/markdown/speech.js';

const MINI = 'test/fixtures/mini';
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-speech-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface SpeechOptions {
  readonly quarter?: number;
  readonly configFile?: string;
  readonly templateDir?: string;
  readonly log?: string[];
}

async function speech(dataDir: string, options: SpeechOptions = {}): Promise<string> {
  const out = mkdtempSync(join(tmp, 'out-'));
  const quarter = options.quarter ?? 2;
  await buildReport({
    configFile: options.configFile ?? `${MINI}/tongbao.config.yaml`, dataDir, outDir: out, templateDir: options.templateDir ?? 'templates/speech',
    meeting: { year: 2023, quarter }, formats: new Set(['md']), log: (line) => options.log?.push(line),
  });
  return readFileSync(join(out, `2023-Q${quarter}`, 'speech.md'), 'utf8');
}

describe('the mini fixture\'s Q2 speech', () => {
  it('groups the lagging indicators and states their gaps', async () => {
    const text = await speech(`${MINI}/data`);
    expect(text).toContain('# 在全区二季度经济运行部署会议上的讲话\n\n（2023年4月）\n\n同志们：');
    // 规上工业增加值 rank 3 and 限上零售业 rank 3 of 3 ranked units; 住宿业 2nd of 3 is not called 倒数第二
    expect(text).toContain('一是部分指标在全市排位靠后。规上工业增加值、限上零售业零售额2项指标居全市倒数第一。');
    // gaps, largest first: 5.0 − (−8.3) = 13.3; 16.0 − 9.8 = 6.2; 2.0 − (−3.2) = 5.2
    expect(text).toContain(
      '二是有3项指标低于预期。限上零售业零售额下降8.3%，低于预期13.3个百分点；限上住宿业营业额增长9.8%，低于预期6.2个百分点；规上工业增加值下降3.2%，低于预期5.2个百分点。',
    );
    expect(text).toContain('限上批发业销售额增速居全市第一，成绩来之不易。同时也要清醒看到');
    // 1—2月 −1.8 → 1—3月 −3.2; February rank 2 → 3
    // the gap is said once, in 一、; the sector review goes on with the change and the rank
    expect(text).toContain('规上工业增加值下降3.2%，降幅比1—2月扩大1.4个百分点，居全市倒数第一，比上月后移1位；');
    expect(text).toContain('上半年，要确保规上工业增加值增长2%以上。');
    // 11.80 ÷ 50 = 23.6%, 时序进度 25.0%; 3 ÷ 10 = 30.0%
    expect(text).toContain('全年招商引资到位资金目标为50亿元，目前完成全年目标的23.6%，落后时序进度1.4个百分点；全年新签约项目数目标为10个，目前完成全年目标的30.0%，超时序进度5.0个百分点。');
    expect(text).toContain('总投资2509万元的临江路线迁移改造项目要确保“五一”前开工（区交通运输局牵头）');
    expect(text).toContain('限上零售业零售额、限上住宿业营业额由区商务局牵头；规上工业增加值由区科工局牵头。');
    expect(text).toContain('确保实现“双过半”，为完成全年目标任务奠定坚实基础！');
  });

  it('says plainly which returns are missing and goes on', async () => {
    const data = join(tmp, 'missing');
    cpSync(`${MINI}/data`, data, { recursive: true });
    rmSync(join(data, '2023/03/科工局2023年3月报表.xlsx'));
    rmSync(join(data, '2023/03/商务局2023年1—3月限上商贸数据.xlsx'));
    const log: string[] = [];
    const text = await speech(data, { log });
    expect(log).toContain('警告（未报送）：科工局2023年3月报表未报送');
    expect(log).toContain('警告（未报送）：商务局2023年3月报表未报送');
    expect(text).toContain('需要说明的是，截至目前科工局、商务局3月的报表尚未报送，相关情况暂未纳入分析。');
    expect(text).not.toContain('规上工业总产值'); // only in the missing 科工局 return
    expect(text).toContain('招商引资到位资金增长22.9%'); // 投促局 is in
  });
});

describe('the guard against unsayable output', () => {
  it.each([
    ['增长NaN%', 'NaN'],
    ['下降undefined%', 'undefined'],
    ['居全市第null位', 'null'],
    ['增长Infinity%', 'Infinity'],
    ['项目[object Object]', '[object Object]'],
    ['有3项（）', '空括号“（）”'],
    ['{{growth f.x}}', '未解析的“{{”'],
    ['下降3.2%，。', '重复的标点'],
  ])('stops on %s', (line, name) => {
    expect(() => guardSpeech(`# 标题\n\n${line}\n`, 'speech.md.hbs')).toThrow(TemplateError);
    expect(() => guardSpeech(`# 标题\n\n${line}\n`, 'speech.md.hbs')).toThrow(`第3行含有${name}`);
  });

  it('fails the build when a template prints a missing field', async () => {
    const dir = join(tmp, 'bad-template');
    mkdirSync(join(dir, 'partials'), { recursive: true });
    writeFileSync(join(dir, 'speech.md.hbs'), '# 讲话\n\n规上工业增加值有{{count nothing}}项（{{names nothing}}）。\n');
    await expect(speech(`${MINI}/data`, { templateDir: dir })).rejects.toThrow(TemplateError);
  });
});

describe('contrasting data give contrasting speeches (mini config, test/fixtures/contrast)', () => {
  it('all improving: praises, lists no problems, raises the bar', async () => {
    const text = await speech('test/fixtures/contrast/good/data');
    expect(text).toContain('## 一、坚定信心，乘势而上推动经济持续向好');
    expect(text).toContain('经济运行稳中向好、好于预期。规上工业增加值、限上批发业销售额、限上零售业零售额、限上住宿业营业额4项指标增速居全市第一，成绩来之不易。');
    expect(text).toContain('成绩面前更要保持清醒。');
    // 1—2月 5.1 → 1—3月 6.5; 预期 2.0; February rank 2 → 1
    expect(text).toContain('规上工业增加值增长6.5%，比1—2月提高1.4个百分点，高于预期4.5个百分点，居全市第1位，比上月前移1位；');
    expect(text).toContain('新签约项目数增长1倍'); // 4 vs 2
    expect(text).toContain('全年招商引资到位资金目标为50亿元，目前完成全年目标的28.4%，超时序进度3.4个百分点'); // 14.20 ÷ 50
    const speechOnly = text.slice(0, text.indexOf('附表'));
    for (const absent of ['是部分指标', '低于预期', '倒数', '已滞后', '由区商务局牵头']) expect(speechOnly).not.toContain(absent);
  });

  it('all lagging: names every problem, with its size and who must act', async () => {
    const text = await speech('test/fixtures/contrast/bad/data');
    expect(text).toContain('但经济运行下行压力明显加大。形势十分严峻，必须引起高度重视。');
    expect(text).toContain('一是部分指标在全市排位靠后。规上工业增加值、限上批发业销售额、限上零售业零售额、限上住宿业营业额4项指标居全市倒数第一。');
    // 30.0 − (−18.5) = 48.5; 16.0 − (−21.7) = 37.7; 5.0 − (−19.1) = 24.1; 2.0 − (−8.5) = 10.5
    expect(text).toContain(
      '二是主要指标全部低于预期。限上批发业销售额下降18.5%，低于预期48.5个百分点；限上住宿业营业额下降21.7%，低于预期37.7个百分点；限上零售业零售额下降19.1%，低于预期24.1个百分点；规上工业增加值下降8.5%，低于预期10.5个百分点。',
    );
    // planned 2023-02-15 and 2023-03-10, not started by 2023-03-31; the hospital was due on the cut-off day itself
    expect(text).toContain('三是部分重点项目推进滞后。云溪国际物流园计划2月15日前开工，截至3月底尚未开工，已滞后44天；临江路线迁移改造项目计划3月10日前开工，截至3月底尚未开工，已滞后21天；区人民医院综合业务大楼计划3月底前竣工，截至3月底尚未竣工。');
    // 5.00 ÷ 50 = 10.0% against 25.0%; 0 of 10
    expect(text).toContain('全年招商引资到位资金目标为50亿元，目前完成全年目标的10.0%，落后时序进度15.0个百分点；全年新签约项目数目标为10个，目前完成全年目标的0.0%，落后时序进度25.0个百分点。');
    expect(text).toContain('限上批发业销售额、限上住宿业营业额、限上零售业零售额由区商务局牵头；规上工业增加值由区科工局牵头。');
    expect(text).not.toContain('成绩来之不易');
  });
});

describe('the example district\'s Q2 speech', () => {
  it('labels forecasts 预计 and compares them with the goal of the half year', async () => {
    const text = await speech('data', { quarter: 2, configFile: 'tongbao.config.yaml' });
    // 统计局 column G: 预计上半年 −13.5 vs 一季度 −11.4 and 上半年预期 5
    expect(text).toContain('上半年固定资产投资预计下降13.5%，降幅比一季度扩大2.1个百分点，低于上半年预期18.5个百分点');
    expect(text).toContain('固定资产投资、建筑安装工程投资、限上零售业零售额3项指标居全市倒数第一，规上工业增加值、商品房销售面积、限上住宿业营业额3项指标居倒数第二。');
    expect(text).toContain('固定资产投资下降11.4%，低于预期16.4个百分点');
  });
});

describe('the Q3 meeting reviews the half year (example district, data through June)', () => {
  it('reports 双过半 results instead of aiming at them', async () => {
    const text = await speech('data', { quarter: 3, configFile: 'tongbao.config.yaml' });
    expect(text).toContain('# 在全区三季度经济运行部署会议上的讲话');
    expect(text).toContain('上半年，全区上下');
    // 到位资金 26.30 ÷ 50 = 52.6% ≥ 50; 新签约 5 ÷ 10 = 50.0%
    expect(text).toMatch(/对照“双过半”目标，[^；。]*招商引资到位资金、新签约项目数\d+项指标实现时间过半、任务过半。但/);
    // 规上工业增加值 1—6月 1.2% against the full-year 5.0%: 3.8 points short
    expect(text).toContain('规上工业增加值增长1.2%，低于全年预期3.8个百分点');
    expect(text).toContain('前三季度，要确保');
    expect(text).toContain('确保完成前三季度目标任务，为完成全年目标任务奠定坚实基础！');
    expect(text).not.toContain('冲刺“双过半”');
  });
});
