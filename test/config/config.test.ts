import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig, normalizeLabel, parseConfig } from '../../src/config/config.js';
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
