// Units as written in returns (万元, 亿元, 万平方米 …) and conversion to the catalogue's unit.
import { DataError, type Location } from '../../errors.js';
import { quoted } from '../../text.js';
import { normalizeText } from './locate.js';

const MULTIPLIERS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百: 1e2 };
const KNOWN_BASES = ['元', '吨', '亩', '平方米', '人次', '户', '家', '个', '人', '千瓦时', '%', '项', '辆', '头', '米', '立方米', '千瓦', '台', '套', '块', '箱', '重量箱', '件', '只', '部', '美元', '百分点'];

/** "（亿元）" or "单位：万元" → "亿元"; undefined when the text names no unit. */
export function unitIn(text: string): string | undefined {
  const cleaned = normalizeText(text);
  const bracketed = /\(([^()]+)\)$/.exec(cleaned)?.[1];
  const candidate = bracketed ?? cleaned;
  return isUnit(candidate) ? candidate : undefined;
}

export function isUnit(text: string): boolean {
  if (text.includes('/')) return text.split('/').every((part) => part !== '' && splitUnit(part) !== undefined);
  return splitUnit(text) !== undefined;
}

function splitUnit(unit: string): { factor: number; base: string } | undefined {
  if (KNOWN_BASES.includes(unit)) return { factor: 1, base: unit };
  const multiplier = MULTIPLIERS[unit.charAt(0)];
  if (multiplier === undefined || unit.length < 2) return undefined;
  const inner = splitUnit(unit.slice(1));
  return inner && { factor: multiplier * inner.factor, base: inner.base };
}

/** The meta line "单位：亿元、%" → the one amount unit it names ("亿元"), if exactly one. */
export function unitFromMetaLine(texts: readonly string[]): string | undefined {
  for (const text of texts) {
    const match = /单位[:：]\s*([^\s)]+)/.exec(text.normalize('NFKC').replace(/填报单位[:：]\S*/g, ''));
    if (!match) continue;
    const units = match[1]!.split(/[、,，/;；]/).filter((u) => u !== '%' && isUnit(u));
    if (units.length === 1) return units[0];
  }
  return undefined;
}

/** Converts between units of one base (万元 → 亿元 divides by 10000); anything else is an error. */
export function convertUnit(value: number, from: string, to: string, where: Location): number {
  if (from === to) return value;
  const a = splitUnit(from);
  const b = splitUnit(to);
  if (!a || !b || a.base !== b.base) {
    throw new DataError(`单位为${quoted(from)}，指标目录要求「${to}」，两者无法换算：请核对单位或修改配置`, where);
  }
  // One multiplication or division by a power of ten, kept to 15 significant digits so that the
  // binary remainder does not show: 16.1 亿元 → 161000 万元, 1275959.99447981 万元 → 127.595999447981 亿元.
  const converted = a.factor >= b.factor ? value * (a.factor / b.factor) : value / (b.factor / a.factor);
  return Number(converted.toPrecision(15));
}
