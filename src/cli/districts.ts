// Several districts in one repository: districts/<name>/ holds a district's tongbao.config.yaml,
// data/ and published/; its outputs go to out/<name>/. `--district 东湖区` points report, check,
// publish and init --forms at that folder. The repository root may hold a district of its own
// (the example), reached by its name or by ".".
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config/config.js';
import { UsageError } from '../errors.js';

export const DISTRICTS_DIR = 'districts';
const CONFIG_FILE = 'tongbao.config.yaml';

export interface DistrictPaths {
  /** The district's folder ("." for the root). */
  readonly dir: string;
  readonly config: string;
  readonly data: string;
  readonly out: string;
  readonly published: string;
}

/** The root district's paths: the defaults of every command. */
export const ROOT_PATHS: DistrictPaths = { dir: '.', config: CONFIG_FILE, data: 'data', out: 'out', published: 'published' };

/** Folder names under districts/ that hold a config, sorted. */
export function districtNames(root = '.'): string[] {
  const dir = join(root, DISTRICTS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && statSync(join(dir, name)).isDirectory() && existsSync(join(dir, name, CONFIG_FILE)))
    .sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** The paths of a district by its folder name, "." for the root, or the root config's district name. */
export function districtPaths(name: string, root = '.'): DistrictPaths {
  const wanted = name.trim();
  if (wanted === '.' || wanted === '') return ROOT_PATHS;
  if (districtNames(root).includes(wanted)) {
    const dir = join(DISTRICTS_DIR, wanted);
    return { dir, config: join(dir, CONFIG_FILE), data: join(dir, 'data'), out: join('out', wanted), published: join(dir, 'published') };
  }
  if (rootDistrictIs(wanted, root)) return ROOT_PATHS;
  const known = [...districtNames(root), ...rootName(root)].map((n) => `「${n}」`).join('') || '（没有）';
  throw new UsageError(`找不到区县「${wanted}」：已有的区县 ${known}。新建区县请运行 npm run init -- --district ${wanted} --city …`);
}

function rootDistrictIs(name: string, root: string): boolean {
  const config = join(root, CONFIG_FILE);
  if (!existsSync(config)) return false;
  const district = loadConfig(config).district;
  return district.name === name || district.aliases.includes(name);
}

function rootName(root: string): string[] {
  return existsSync(join(root, CONFIG_FILE)) ? [loadConfig(join(root, CONFIG_FILE)).district.name] : [];
}

/** Whether `--district` names more than one district (a list, or 全部). */
export function isSeveral(value: string): boolean {
  return value.trim() === ALL_DISTRICTS || value.split(/[,，、]/).filter((name) => name.trim()).length > 1;
}

type PathOption = 'config' | 'data' | 'out' | 'published';
const PATH_OPTIONS: readonly PathOption[] = ['config', 'data', 'out', 'published'];

/** What `--district` may name for `check`: every district of the repository. */
export const ALL_DISTRICTS = '全部';

/**
 * The districts `--district` names: one, several separated by commas (东湖区,西山区), or 全部 (the
 * root's district, if it has one, and every districts/<name>/). Each name is checked to exist.
 */
export function districtList(value: string, root = '.'): string[] {
  const names = value.trim() === ALL_DISTRICTS ? [...rootName(root), ...districtNames(root)] : value.split(/[,，、]/).map((name) => name.trim()).filter(Boolean);
  for (const name of names) districtPaths(name, root);
  return [...new Set(names)];
}

/**
 * A yargs middleware: with --district, the options a user did not give explicitly take the
 * district's paths (an explicit --data still wins). Several districts (check only) are left to the
 * command, which takes each one's paths in turn.
 */
export function applyDistrict(rawArgs: readonly string[]) {
  const given = (option: string) => rawArgs.some((arg) => arg === `--${option}` || arg.startsWith(`--${option}=`));
  return (args: Record<string, unknown>): void => {
    if (typeof args.district !== 'string') return;
    if (isSeveral(args.district)) {
      const command = (args._ as unknown[] | undefined)?.[0];
      if (command !== 'check') throw new UsageError(`一次只能${command === 'report' ? '生成' : '处理'}一个区县：--district 的多个区县或“${ALL_DISTRICTS}”只用于 check`);
      return;
    }
    const paths = districtPaths(args.district);
    for (const option of PATH_OPTIONS) if (!given(option)) args[option] = paths[option];
  };
}
