// Font files the office owns (pdf.fonts in the config: 仿宋_GB2312, 方正小标宋 …), printed in place of the
// bundled npm faces. We never ship them: each is cut to the document's characters and embedded, as
// the bundled faces are; a character the file lacks falls back to the bundled face of that role.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { PdfConfig } from '../../config/config.js';
import { ConfigError } from '../../errors.js';

export type FontRole = 'fangsong' | 'kai' | 'hei' | 'xiaobiaosong';

/** Absolute paths of the office's font files, by role. */
export type OfficeFonts = Readonly<Partial<Record<FontRole, string>>>;

/** The stylesheet's variable for each role and the bundled faces after the office's. */
const ROLES: Readonly<Record<FontRole, { readonly variable: string; readonly fallback: string }>> = {
  fangsong: { variable: '--fangsong', fallback: '"Noto Serif SC"' },
  kai: { variable: '--kai', fallback: '"LXGW WenKai", "Noto Serif SC"' },
  hei: { variable: '--hei', fallback: '"Noto Sans SC", "Noto Serif SC"' },
  xiaobiaosong: { variable: '--xiaobiaosong', fallback: '"Noto Serif SC"' },
};

/** The configured files, relative to the config file, checked to exist before any work. */
export function officeFonts(fonts: PdfConfig['fonts'], configFile: string): OfficeFonts {
  const found: Partial<Record<FontRole, string>> = {};
  for (const [role, file] of Object.entries(fonts) as [FontRole, string | undefined][]) {
    if (file === undefined) continue;
    const path = resolve(dirname(configFile), file);
    if (!existsSync(path)) throw new ConfigError(`配置项 pdf.fonts.${role} 指向的字体文件不存在：${path}`, { file: configFile });
    found[role] = path;
  }
  return found;
}

export interface OfficeFaces {
  /** @font-face rules and the variables that put the office's faces first. */
  readonly css: string;
  /** Names the PDF will carry for these fonts (PostScript and family names, without spaces). */
  readonly names: readonly string[];
}

/** Subsets each office font to `text` into `dir`, with CSS whose urls are `<prefix>/<file>`. */
export async function officeFaces(fonts: OfficeFonts, text: string, dir: string, prefix: string): Promise<OfficeFaces> {
  const roles = Object.keys(fonts) as FontRole[];
  if (roles.length === 0) return { css: '', names: [] };
  const { default: subsetFont } = await import('subset-font');
  const rules: string[] = [];
  const names: string[] = [];
  const variables: string[] = [];
  for (const role of roles) {
    const source = fonts[role]!;
    let subset: Buffer;
    try {
      subset = await subsetFont(await readFile(source), text, { targetFormat: 'truetype' });
    } catch (error) {
      throw new ConfigError(`配置项 pdf.fonts.${role} 指向的文件不是可用的字体（.ttf、.otf 或 .ttc）：${source}`, {}, { cause: error });
    }
    const file = `office-${role}.ttf`;
    await writeFile(join(dir, file), subset);
    names.push(...sfntNames(subset));
    // One face for every weight: 小标宋 and 黑体 are heavy by design, never made bolder by the browser.
    rules.push(`@font-face {\n  font-family: "tongbao-${role}";\n  font-weight: 100 900;\n  font-display: block;\n  src: url("${prefix}/${file}") format("truetype");\n}`);
    variables.push(`  ${ROLES[role].variable}: "tongbao-${role}", ${ROLES[role].fallback};`);
  }
  return { css: `${rules.join('\n')}\n:root.embedded-fonts {\n${variables.join('\n')}\n}`, names };
}

/** The PostScript (6) and family (1, 4) names of a TrueType/OpenType font, spaces removed. */
export function sfntNames(sfnt: Buffer): string[] {
  const tables = sfnt.readUInt16BE(4);
  for (let i = 0; i < tables; i++) {
    const at = 12 + i * 16;
    if (sfnt.toString('latin1', at, at + 4) !== 'name') continue;
    const table = sfnt.readUInt32BE(at + 8);
    const count = sfnt.readUInt16BE(table + 2);
    const strings = table + sfnt.readUInt16BE(table + 4);
    const names = new Set<string>();
    for (let r = 0; r < count; r++) {
      const record = table + 6 + r * 12;
      const [platform, nameId, length, offset] = [sfnt.readUInt16BE(record), sfnt.readUInt16BE(record + 6), sfnt.readUInt16BE(record + 8), sfnt.readUInt16BE(record + 10)];
      if (![1, 4, 6].includes(nameId)) continue;
      const bytes = sfnt.subarray(strings + offset, strings + offset + length);
      const text = platform === 1 ? bytes.toString('latin1') : Buffer.from(bytes).swap16().toString('utf16le');
      names.add(text.replace(/\s+/g, ''));
    }
    return [...names].filter(Boolean);
  }
  return [];
}
