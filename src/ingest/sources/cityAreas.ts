// Area rows of a city table that the config does not name: listed together, once per file, with
// the lines to add to tongbao.config.yaml (an alias of a configured area, or a new peer).
import type { AreaConfig, Config } from '../../config/config.js';
import { DataError } from '../../errors.js';
import { printable, quoted, yamlScalar } from '../../text.js';

export interface UnknownArea {
  readonly name: string;
  readonly sheet: string;
  readonly cell: string;
  /** The row has a 位次 somewhere: a district in the ranking, not a total such as 市辖区. */
  readonly ranked: boolean;
}

export function unknownAreasError(unknown: readonly UnknownArea[], config: Config, file: string): DataError {
  const byName = new Map<string, UnknownArea[]>();
  for (const area of unknown) byName.set(area.name, [...(byName.get(area.name) ?? []), area]);
  const listed = [...byName].map(([name, seen]) => `${name === '' ? '（空）' : quoted(name)}（${printable(seen[0]!.sheet.trim())} › ${seen[0]!.cell}${seen.length > 1 ? ` 等 ${seen.length} 处` : ''}）`);
  const lines = configLines([...byName].filter(([name]) => name !== '').map(([name, seen]) => ({ name, ranked: seen.some((s) => s.ranked) })), config);
  return new DataError(
    `全市比较表中有 ${byName.size} 个地区不在配置的区县名单中：${listed.join('、')}。请在 tongbao.config.yaml 的 peers 中写明（简称、全称写进 aliases；不参与排名的写 ranked: false）：\n${lines.join('\n')}`,
    { file },
  );
}

/** YAML lines: a configured area sharing the first two characters gets the name as an alias. */
function configLines(names: readonly { name: string; ranked: boolean }[], config: Config): string[] {
  const areas: AreaConfig[] = [config.district, ...config.peers];
  const aliases = new Map<AreaConfig, string[]>();
  const added: string[] = [];
  for (const { name, ranked } of names) {
    const kin = name.length >= 2 ? areas.find((a) => a.name.slice(0, 2) === name.slice(0, 2)) : undefined;
    if (kin) aliases.set(kin, [...(aliases.get(kin) ?? kin.aliases), name]);
    else added.push(`  - { name: ${yamlScalar(name)}${ranked ? '' : ', ranked: false'} }`);
  }
  const changed = [...aliases].map(([area, list]) => {
    const entry = `{ name: ${yamlScalar(area.name)}, aliases: [${list.map(yamlScalar).join(', ')}]${area.ranked ? '' : ', ranked: false'} }`;
    return area === config.district ? `district: ${entry}   # 改写已有的 district` : `  - ${entry}   # 改写 peers 中已有的这一行`;
  });
  return [...changed, ...added];
}
