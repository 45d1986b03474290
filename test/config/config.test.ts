import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { displayName, loadConfig, normalizeLabel, parseConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/errors.js';

const shipped = readFileSync('tongbao.config.yaml', 'utf8');

function errorOf(text: string): string {
  try {
    parseConfig(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).describe();
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  it('loads the shipped config with defaults filled in', () => {
    const config = loadConfig('tongbao.config.yaml');
    expect(config.district.name).toBe('云溪区');
    expect(config.peers.filter((p) => p.ranked)).toHaveLength(6);
    const industry = config.indicators.find((i) => i.id === 'industry_va')!;
    expect(industry).toMatchObject({ growth: 'reported', valueReported: false, frequency: 'monthly', ranked: true, lowerIsBetter: false });
  });

  it('says in Chinese which entry is wrong', () => {
    expect(errorOf(shipped.replace('span: ytd, growth: reported, frequency: quarterly', 'span: yearly, growth: reported, frequency: quarterly'))).toContain(
      '配置项 indicators[1].span 有误：只能是 month / ytd / stock 之一',
    );
    expect(errorOf(shipped.replace('district:\n  name: 云溪区', 'district:\n  nam: 云溪区'))).toContain('district');
    expect(errorOf('district: [')).toMatch(/配置文件不是合法的 YAML/);
  });

  it('refuses unknown bureaus, sectors and names shared by two indicators', () => {
    expect(errorOf(shipped.replace('bureau: kgj, unit: 亿元', 'bureau: xxx, unit: 亿元'))).toContain('的 bureau「xxx」不在 bureaus 中');
    expect(errorOf(shipped.replace('aliases: [规上企业数, 规模以上工业企业数]', 'aliases: [规上企业数, 规模以上工业增加值]'))).toContain('同时属于两个指标');
  });

  it('keeps no 其中：, # or numbering in a catalogue name: names are for prose (#9)', () => {
    const config = parseConfig(shipped.replace('name: 建筑安装工程投资, aliases: [建安投资, 建筑安装工程]', 'name: 其中：建安投资, aliases: [建筑安装工程投资]'));
    const construction = config.indicators.find((i) => i.id === 'fai_construction')!;
    expect(construction.name).toBe('建安投资');
    expect(displayName('#网上零售额')).toBe('网上零售额');
    expect(displayName('（二）规模以上工业增加值')).toBe('规模以上工业增加值');
    expect(displayName('1.其中：民间投资')).toBe('民间投资');
    expect(displayName('2019年同期')).toBe('2019年同期');
  });

  it('an indicator only the city table has: source: city, no bureau, ranked by default (#9)', () => {
    const text = shipped.replace('\n# PDF 版式', '\n  - { id: exports, name: 外贸进出口总额, source: city, unit: 亿元, span: ytd, growth: reported, sector: consumption }\n# PDF 版式');
    const exports = parseConfig(text).indicators.find((i) => i.id === 'exports')!;
    expect(exports).toMatchObject({ source: 'city', ranked: true });
    expect(exports.bureau).toBeUndefined();
    expect(parseConfig(shipped).indicators.find((i) => i.id === 'industry_output')).toMatchObject({ source: 'returns', bureau: 'kgj', ranked: false });
    expect(errorOf(text.replace('name: 外贸进出口总额, source: city,', 'name: 外贸进出口总额,'))).toBe('tongbao.config.yaml：指标「外贸进出口总额」缺少 bureau：由部门报送的指标要写明报送单位；只在全市比较表中有的指标请写 source: city');
  });

  it('names a missing config file', () => {
    expect(() => loadConfig('nope.yaml')).toThrow('找不到配置文件');
  });

  it('normalises labels for matching', () => {
    expect(normalizeLabel('一、地区生产总值')).toBe('地区生产总值');
    expect(normalizeLabel('  其中：建筑安装工程投资')).toBe('建筑安装工程投资');
    expect(normalizeLabel('（二）规模以上工业增加值')).toBe('规模以上工业增加值');
    expect(normalizeLabel('#网上零售额')).toBe('网上零售额');
    expect(normalizeLabel('商品房销售面积（万平方米）')).toBe('商品房销售面积');
    expect(normalizeLabel('1.固定资产投资')).toBe('固定资产投资');
  });
});
