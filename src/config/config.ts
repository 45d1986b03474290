// Reads and validates tongbao.config.yaml into a readonly Config; the only config type downstream.
import { readFileSync } from 'node:fs';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { cacheKey, cached, json } from '../system/cache.js';
import { AREA_KINDS, CITY_KINDS, ROLE_NAMES, SINGLE_ROLES } from './roles.js';

const nonEmpty = z.string().trim().min(1, '不能为空');

const areaSpec = z.strictObject({
  name: nonEmpty,
  aliases: z.array(nonEmpty).default([]),
  ranked: z.boolean().default(true),
});

/** 区 / 县 / 市 (县级市) / 旗: the speech calls the district as a whole 全 + kind (全县 …). */
const districtSpec = areaSpec.extend({
  kind: z.enum(AREA_KINDS).default('区'),
});

/** 市 / 州 / 盟 / 地区: ranks are 居全市第3位, 居全州第3位 … */
const citySpec = areaSpec.omit({ ranked: true }).extend({
  kind: z.enum(CITY_KINDS).default('市'),
});

/** Who the meeting hears first ("刚才，区发展和改革局通报了…"); without it the speech says 有关部门. */
const speechSpec = z.strictObject({
  reporter: nonEmpty.optional(),
});

const filePatterns = z.strictObject({ files: z.array(nonEmpty).min(1, '至少写一个文件名字样') });
const cityTableSpec = filePatterns.extend({
  months: z.array(z.int().min(1).max(12)).min(1).default([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
  /** How the city ranks, as the appendix note says it: 位次按增速由高到低排列. */
  rankedBy: nonEmpty.default('增速由高到低'),
});

const bureauSpec = z.strictObject({
  id: nonEmpty,
  name: nonEmpty,
  files: z.array(nonEmpty).min(1, '至少写一个文件名字样'),
  months: z.array(z.int().min(1).max(12)).min(1),
});

const indicatorSpec = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, '只能用小写字母、数字和下划线'),
  name: nonEmpty,
  aliases: z.array(nonEmpty).default([]),
  /** returns: a bureau sends it; city: only the city's comparison tables have it (no bureau, no 未报送). */
  source: z.enum(['returns', 'city']).default('returns'),
  bureau: nonEmpty.optional(),
  unit: nonEmpty,
  span: z.enum(['month', 'ytd', 'stock']),
  growth: z.enum(['reported', 'computed']),
  valueReported: z.boolean().default(true),
  frequency: z.enum(['monthly', 'quarterly', 'seasonal']).default('monthly'),
  sector: nonEmpty,
  /** Has a 位次 in the city's comparison table; by default only indicators of source: city. */
  ranked: z.boolean().optional(),
  lowerIsBetter: z.boolean().default(false),
  /** What the speech may say of this indicator beyond its figures (see roles.ts). */
  role: z.enum(ROLE_NAMES).optional(),
}).transform(({ ranked, ...indicator }) => ({ ...indicator, name: displayName(indicator.name), ranked: ranked ?? indicator.source === 'city' }));

const sectorSpec = z.strictObject({
  id: nonEmpty,
  name: nonEmpty,
  /** The sector's heading in 二、 (without its （一） mark); default 在<name>上聚力攻坚. */
  heading: nonEmpty.optional(),
  projects: z.array(nonEmpty).default([]),
});

/**
 * An acknowledged cell: a value the check would stop as implausible (1000× off its history), which
 * the staff have verified with the bureau. Named by file (relative to the data folder), sheet and
 * A1 cell, with the reason kept for whoever reads the config next.
 */
const acknowledgedSpec = z.strictObject({
  file: nonEmpty,
  sheet: nonEmpty,
  cell: z.string().trim().regex(/^[A-Z]{1,3}[1-9]\d{0,6}$/, '应为单元格地址，如 D5'),
  reason: nonEmpty,
});

const pdfSpec = z.strictObject({
  /** outer: odd pages right, even pages left (GB/T 9704, double-sided); center: centred. */
  pageNumbers: z.enum(['outer', 'center']).default('outer'),
  /** The appendix table 附表 with its charts, in the Markdown, HTML and PDF. */
  appendix: z.boolean().default(true),
  /**
   * Font files the office owns (.ttf/.otf/.ttc), relative to this config file, for the PDF in place of
   * the bundled faces: fangsong 正文仿宋, kai 楷体, hei 黑体, xiaobiaosong 小标宋. Embedded as subsets.
   */
  fonts: z
    .strictObject({ fangsong: nonEmpty.optional(), kai: nonEmpty.optional(), hei: nonEmpty.optional(), xiaobiaosong: nonEmpty.optional() })
    .default({}),
});

export const configSpec = z.strictObject({
  district: districtSpec,
  city: citySpec,
  speech: speechSpec.prefault({}),
  peers: z.array(areaSpec).min(1, '至少列出一个其他区县'),
  bureaus: z.array(bureauSpec).min(1),
  cityTable: cityTableSpec,
  targets: filePatterns,
  projects: filePatterns,
  sectors: z.array(sectorSpec).min(1),
  indicators: z.array(indicatorSpec).min(1),
  acknowledged: z.array(acknowledgedSpec).default([]),
  pdf: pdfSpec.prefault({}),
});

export type AreaConfig = z.infer<typeof areaSpec>;
export type BureauConfig = z.infer<typeof bureauSpec>;
export type IndicatorConfig = z.infer<typeof indicatorSpec>;
export type SectorConfig = z.infer<typeof sectorSpec>;
export type PdfConfig = z.infer<typeof pdfSpec>;
export type AcknowledgedCell = z.infer<typeof acknowledgedSpec>;
export type Config = Readonly<z.infer<typeof configSpec>>;

export function loadConfig(path: string): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError('找不到配置文件，请在项目根目录放置 tongbao.config.yaml', { file: path });
  }
  return parseConfig(text, path);
}

/** The config of `text`, validated; kept in the cache by its text (an edit is a new entry). */
export function parseConfig(text: string, file = 'tongbao.config.yaml'): Config {
  return cached('config', cacheKey('config', text), () => validateConfig(text, file), json.encode, json.decode<Config>);
}

function validateConfig(text: string, file: string): Config {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    const line = error instanceof YAMLParseError ? `第${error.linePos?.[0]?.line ?? '?'}行` : undefined;
    throw new ConfigError('配置文件不是合法的 YAML，请检查缩进和冒号', { file, cell: line });
  }
  const parsed = configSpec.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`配置项 ${describePath(issue.path)} 有误：${translateIssue(issue)}`, { file });
  }
  checkReferences(parsed.data, file);
  return parsed.data;
}

function describePath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part + 1}]` : `.${String(part)}`)).join('').replace(/^\./, '') || '（根）';
}

function translateIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '缺少此项' : `类型不对，应为 ${issue.expected}`;
    case 'invalid_value':
      return `只能是 ${issue.values.map(String).join(' / ')} 之一`;
    case 'unrecognized_keys':
      return `不认识的配置项 ${issue.keys.join('、')}`;
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
    case 'custom':
      return issue.message;
    default:
      return issue.message;
  }
}

/** Cross-references the schema cannot express: unique ids, known bureaus and sectors. */
function checkReferences(config: z.infer<typeof configSpec>, file: string): void {
  const bureauIds = new Set(config.bureaus.map((b) => b.id));
  const sectorIds = new Set(config.sectors.map((s) => s.id));
  const seen = new Set<string>();
  for (const indicator of config.indicators) {
    if (seen.has(indicator.id)) throw new ConfigError(`指标 id「${indicator.id}」重复`, { file });
    seen.add(indicator.id);
    if (indicator.bureau === undefined && indicator.source === 'returns') {
      throw new ConfigError(`指标「${indicator.name}」缺少 bureau：由部门报送的指标要写明报送单位；只在全市比较表中有的指标请写 source: city`, { file });
    }
    if (indicator.bureau !== undefined && !bureauIds.has(indicator.bureau)) {
      throw new ConfigError(`指标「${indicator.name}」的 bureau「${indicator.bureau}」不在 bureaus 中`, { file });
    }
    if (!sectorIds.has(indicator.sector)) {
      throw new ConfigError(`指标「${indicator.name}」的 sector「${indicator.sector}」不在 sectors 中`, { file });
    }
  }
  for (const role of SINGLE_ROLES) {
    const holders = config.indicators.filter((i) => i.role === role);
    if (holders.length > 1) throw new ConfigError(`角色 ${role} 只能给一个指标，现在给了 ${holders.map((i) => i.name).join('、')}`, { file });
  }
  const names = new Map<string, string>();
  for (const indicator of config.indicators) {
    for (const label of [indicator.name, ...indicator.aliases]) {
      const key = normalizeLabel(label);
      const owner = names.get(key);
      if (owner !== undefined && owner !== indicator.id) {
        throw new ConfigError(`名称「${label}」同时属于两个指标（${owner}、${indicator.id}），无法区分`, { file });
      }
      names.set(key, indicator.id);
    }
  }
}

/** A catalogue name as prose says it: no 其中：/# mark and no numbering ("其中：建安投资" → "建安投资"). */
export function displayName(name: string): string {
  let shown = name.trim();
  for (let before = ''; before !== shown; ) {
    before = shown;
    shown = shown.replace(/^(?:其中\s*[:：]?|[#＃]+|[一二三四五六七八九十]+\s*[、．.]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|\d{1,2}\s*[、．.](?!\d))\s*/, '').trim();
  }
  return shown === '' ? name.trim() : shown;
}

/**
 * The form in which labels are compared: NFKC, no spaces, no numbering (一、（一）1.), no
 * 其中 / # marks, no unit in brackets. Shared by the config check and the reader.
 */
export function normalizeLabel(label: string): string {
  return label
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^#+/, '')
    .replace(/^其中[:：]?/, '')
    .replace(/^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\(?\d+\)|\d+[.、])/, '')
    .replace(/^其中[:：]?/, '')
    .replace(/\((?:[^()]*(?:元|吨|亩|米|人次|户|家|个|%|千瓦时)[^()]*)\)$/, '');
}
