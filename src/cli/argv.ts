// A first look at the command line, before the parser (yargs) is loaded: only to decide whether to
// start the browser early. A wrong guess costs time, never a result: the build starts its own
// browser when none was started, and one started for nothing is closed.

/** The commands that print a PDF unless --format leaves it out. */
const PRINTING = new Set(['report', 'render']);

/** True for `report` or `render` with pdf among the formats (as by default), unless help is asked for. */
export function willPrint(argv: readonly string[]): boolean {
  if (argv.some((arg) => arg === '--help' || arg === '-h' || arg === '--version')) return false;
  if (!PRINTING.has(argv.find((arg) => !arg.startsWith('-')) ?? '')) return false;
  const format = optionValue(argv, 'format');
  return format === undefined || format.split(',').some((f) => f.trim().toLowerCase() === 'pdf');
}

function optionValue(argv: readonly string[], name: string): string | undefined {
  for (let i = argv.length - 1; i >= 0; i--) {
    const arg = argv[i]!;
    if (arg === `--${name}`) return argv[i + 1] ?? '';
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}
