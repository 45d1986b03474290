#!/usr/bin/env node
// The districts of this repository, for the workflow's matrix (one job per district):
// every districts/<name>/ with a tongbao.config.yaml, and the root's own district when the root
// has a config. Plain Node, no dependencies: the workflow runs it before `npm ci`.
// Writes `list=[...]` to $GITHUB_OUTPUT when set; prints the list either way.
// With $DISTRICT set (the workflow's input), only that district, which must exist.
import { appendFileSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONFIG = 'tongbao.config.yaml';

/**
 * @param {string} root
 * @returns {string[]}
 */
export function listDistricts(root) {
  const dir = join(root, 'districts');
  const named = existsSync(dir)
    ? readdirSync(dir).filter((name) => !name.startsWith('.') && statSync(join(dir, name)).isDirectory() && existsSync(join(dir, name, CONFIG))).sort((a, b) => a.localeCompare(b, 'zh-CN'))
    : [];
  const own = existsSync(join(root, CONFIG)) ? [rootDistrictName(readFileSync(join(root, CONFIG), 'utf8'))] : [];
  return [...own, ...named.filter((name) => !own.includes(name))];
}

/**
 * The root config's district name without a YAML parser: `district:` then an indented `name:`,
 * or `district: { name: … }`. "." (which the CLI also accepts for the root) when it cannot tell.
 * @param {string} text
 * @returns {string}
 */
export function rootDistrictName(text) {
  const block = /^district:[ \t]*(?:#.*)?\r?\n((?:[ \t]+.*\r?\n?|[ \t]*\r?\n)*)/m.exec(text)?.[1] ?? '';
  const flow = /^district:[ \t]*\{([^}]*)\}/m.exec(text)?.[1] ?? '';
  const name = /(?:^|[\s,{])name:[ \t]*(['"]?)([^'",}#\r\n]+?)\1[ \t]*(?:[,}#\r\n]|$)/m.exec(`${block}\n${flow}`)?.[2]?.trim();
  return name || '.';
}

function main() {
  const root = process.cwd();
  const all = listDistricts(root);
  const wanted = process.env.DISTRICT?.trim();
  if (wanted && !all.includes(wanted) && !(wanted === '.' && existsSync(join(root, CONFIG)))) {
    process.stderr.write(`错误：没有区县「${wanted}」，本仓库的区县：${all.join('、') || '（没有）'}\n`);
    process.exit(1);
  }
  const list = JSON.stringify(wanted ? [wanted] : all);
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `list=${list}\n`);
  console.log(list);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
