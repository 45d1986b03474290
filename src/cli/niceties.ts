// What users expect of a command line before any work starts: --version, the nearest command for
// a mistyped one, and a plain word when npm kept the options for itself (`npm run report
// --quarter Q2` without `--`, or PowerShell dropping the `--`).
import { readFileSync } from 'node:fs';
import { projectFile } from '../system/project.js';
import { UsageError } from '../errors.js';

/** Options of our commands that npm would swallow as its own config (npm's own --force is left out). */
const OUR_OPTIONS = ['quarter', 'year', 'through', 'data', 'out', 'config', 'template', 'format', 'attendees', 'district', 'published', 'strict', 'debug', 'dir', 'city', 'kind', 'peers', 'unranked', 'bureaus', 'forms', 'reporter', 'figures'];
const QUARTER_WORD = /^([Qq][1-4]|latest)$/;

export function packageVersion(): string {
  const json = JSON.parse(readFileSync(projectFile('package.json'), 'utf8')) as { version: string };
  return json.version;
}

/**
 * Stops yargs from building its whole help text each time a command starts (16–28 ms of every
 * command): it keeps it in case a later failure shows help, which tongbao's failures never do.
 * Through its internal API, like commandsOf; when that changes, yargs simply goes on doing it.
 */
export function skipHelpCache(cli: unknown): void {
  const internal = cli as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } };
  const usage = internal.getInternalMethods?.().getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}

/** The commands registered with yargs (through its internal API; none when that changes). */
export function commandsOf(cli: unknown): readonly string[] {
  const internal = cli as { getInternalMethods?: () => { getCommandInstance?: () => { getCommands?: () => string[] } } };
  return internal.getInternalMethods?.().getCommandInstance?.().getCommands?.() ?? [];
}

/** A usage mistake recognisable from the words alone, or undefined. */
export function misuse(argv: readonly string[], env: NodeJS.ProcessEnv, commands: readonly string[]): UsageError | undefined {
  const [command, ...rest] = argv;
  const unknown = command !== undefined && !command.startsWith('-') && commands.length > 0 && !commands.includes(command);
  if (unknown) return unknownCommand(command, commands, env);
  const swallowed = OUR_OPTIONS.filter((option) => env[`npm_config_${option}`] !== undefined && !argv.some((a) => a === `--${option}` || a.startsWith(`--${option}=`)));
  if (env.npm_lifecycle_event !== undefined && swallowed.length > 0) return swallowedByNpm(command ?? '', swallowed);
  const bare = rest.find((word, i) => QUARTER_WORD.test(word) && rest[i - 1] !== '--quarter');
  if (bare !== undefined) return new UsageError(`「${bare}」前少了 --quarter：请写成 --quarter ${bare}（如 npm run ${command ?? 'report'} -- --quarter ${bare}）`);
  return undefined;
}

function unknownCommand(word: string, commands: readonly string[], env: NodeJS.ProcessEnv): UsageError {
  const nearest = closest(word, commands);
  const how = env.npm_lifecycle_event !== undefined ? 'npm run ' : 'tongbao ';
  const guess = nearest ? `您要运行的是 ${how}${nearest} 吗？` : '';
  return new UsageError(`没有「${word}」这个命令。${guess}可用的命令：${commands.join('、')}`);
}

function swallowedByNpm(command: string, options: readonly string[]): UsageError {
  const names = options.map((o) => `--${o}`).join('、');
  return new UsageError(
    `npm 把 ${names} 当成了它自己的选项，没有传给 tongbao：请在 npm run ${command} 后面加 --，例如 npm run ${command} -- --quarter Q2；` +
      `在 Windows PowerShell 中要给它加引号：npm run ${command} '--' --quarter Q2`,
  );
}

/** The command within two edits (or sharing the first three letters), if there is exactly one best. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const scored = candidates
    .map((candidate) => ({ candidate, distance: word.length >= 3 && candidate.startsWith(word.toLowerCase().slice(0, 3)) ? 0 : editDistance(word.toLowerCase(), candidate) }))
    .filter((s) => s.distance <= 2)
    .sort((a, b) => a.distance - b.distance);
  if (scored.length === 0 || (scored.length > 1 && scored[0]!.distance === scored[1]!.distance)) return undefined;
  return scored[0]!.candidate;
}

/** Damerau–Levenshtein distance (adjacent swaps count as one edit: reprot → report). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
