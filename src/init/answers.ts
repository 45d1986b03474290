// What a new district is, from flags or answers to questions: names checked and completed with
// the short names the city's tables use (青山区 → 青山), bureaus mapped to the standard catalogue.
import { UsageError } from '../errors.js';
import { BUREAU_KINDS, bureauKindOf } from './catalogue.js';
import { AREA_KINDS, CITY_KINDS } from '../config/roles.js';
import type { Area, Bureau, CityKind, DistrictAnswers, DistrictKind } from './config.js';

export interface RawAnswers {
  readonly district?: string;
  readonly kind?: string;
  readonly city?: string;
  /** Other districts of the city, ranked. */
  readonly peers?: string;
  /** Areas in the city's tables that are not ranked (开发区、高新区). */
  readonly unranked?: string;
  /** Bureaus that report, by the district's own names; all standard kinds when absent. */
  readonly bureaus?: string;
  /** Who presents the figures at the meeting; 区发改局 (or the district's own name for it) when absent. */
  readonly reporter?: string;
}

/** "东湖区, 西山区、南溪县" → ["东湖区", "西山区", "南溪县"]. */
export function splitList(text: string | undefined): string[] {
  return (text ?? '').split(/[,，、;；\s]+/).map((s) => s.trim()).filter(Boolean);
}

export function completeAnswers(raw: RawAnswers): DistrictAnswers {
  const district = required(raw.district, '--district', '本区县的全称，如 --district 青山区');
  const city = required(raw.city, '--city', '所在市的全称，如 --city 江城市');
  const kind = kindOf(district, raw.kind);
  const cityShort = shortName(city);
  const peers = [
    ...splitList(raw.peers).map((name) => area(name, true, cityShort)),
    ...splitList(raw.unranked).map((name) => area(name, false, cityShort)),
  ];
  if (peers.length === 0) throw new UsageError('请用 --peers 列出全市其他参与比较的区县（逗号分隔），如 --peers 东湖区,西山区；不参与排名的开发区用 --unranked');
  checkDistinct([district, ...peers.map((p) => p.name)]);
  const bureaus = bureausOf(raw.bureaus);
  const collector = bureaus.find((b) => b.kind.id === 'fgj')?.name ?? '发改局';
  return {
    district: { ...area(district, true, cityShort), kind },
    city: { name: city, kind: cityKindOf(city), aliases: cityShort === city ? [] : [cityShort] },
    peers,
    bureaus,
    reporter: raw.reporter?.trim() || `${kind}${collector}`,
  };
}

/** 江城市 → 市, 湘西州 → 州, 阿拉善盟 → 盟, 大兴安岭地区 → 地区. */
function cityKindOf(city: string): CityKind {
  return CITY_KINDS.find((kind) => kind !== '市' && city.endsWith(kind)) ?? '市';
}

function required(value: string | undefined, flag: string, hint: string): string {
  const text = value?.trim();
  if (!text) throw new UsageError(`缺少 ${flag}：${hint}（或直接运行 npm run init，按提示回答）`);
  return text;
}

function kindOf(district: string, given: string | undefined): DistrictKind {
  const kind = (given?.trim() || district.slice(-1)) as DistrictKind;
  if (!AREA_KINDS.includes(kind)) throw new UsageError(`无法从「${district}」判断是区、县、市还是旗：请加 --kind 区（或 县、市、旗）`);
  return kind;
}

/** 青山区 → 青山, 江城市 → 江城; a two-character name keeps itself (东区 → 东区). */
export function shortName(name: string): string {
  return name.length > 2 && /[区县市旗州盟]$/.test(name) ? name.slice(0, -1) : name;
}

/** An area with the short names a table may use: 青山 for 青山区, 高新区 for 江城高新区. */
function area(name: string, ranked: boolean, cityShort: string): Area {
  const short = shortName(name);
  const withoutCity = name.startsWith(cityShort) && name.length - cityShort.length >= 2 ? name.slice(cityShort.length) : name;
  const aliases = [...new Set([short, withoutCity])].filter((alias) => alias !== name);
  return { name, aliases, ranked };
}

function checkDistinct(names: readonly string[]): void {
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) throw new UsageError(`「${twice}」写了两次：本区县、--peers 和 --unranked 中的名称不能重复`);
}

function bureausOf(text: string | undefined): Bureau[] {
  const names = splitList(text);
  if (names.length === 0) return BUREAU_KINDS.map((kind) => ({ kind, name: kind.name }));
  const bureaus = names.map((name) => {
    const kind = bureauKindOf(name);
    if (!kind) throw new UsageError(`不认识的单位「${name}」：可选 ${BUREAU_KINDS.map((k) => k.names.join('/')).join('、')}；其他单位可在生成的配置中手工添加`);
    return { kind, name };
  });
  const twice = bureaus.find((b, i) => bureaus.findIndex((c) => c.kind.id === b.kind.id) !== i);
  if (twice) throw new UsageError(`「${twice.name}」与另一个单位是同一类（${twice.kind.names.join('/')}），请只写一个`);
  return bureaus;
}
