// `npm run init`: a new district (flags, or questions on a terminal), or with --forms YYYY-MM the
// blank forms of another month for an existing one.
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { type RawAnswers, completeAnswers } from '../init/answers.js';
import { askMissing } from '../init/ask.js';
import { CONFIG_FILE, type InitResult, configIn, initDistrict, writeForms } from '../init/init.js';
import { parseMonth } from '../period.js';
import { projectFile } from '../system/project.js';
import type { YearMonth } from '../types.js';
import { DISTRICTS_DIR, districtPaths } from './districts.js';

interface InitArgs extends RawAnswers {
  readonly dir?: string;
  readonly forms?: string;
}

/** tongbao.config.schema.json beside package.json (dist/cli/ and src/cli/ are both two levels down). */
const SCHEMA_FILE = projectFile('tongbao.config.schema.json');

export const initCommand = {
  command: 'init',
  describe: '新建区县：生成 tongbao.config.yaml、data/ 文件夹和各单位的空白报表；--forms YYYY-MM 只生成某月的空白报表',
  builder: (yargs: Argv) =>
    yargs.options({
      district: { type: 'string', describe: '本区县的全称，如 青山区' },
      kind: { type: 'string', describe: '区、县、市或旗（默认按名称的最后一个字）' },
      city: { type: 'string', describe: '所在市的全称，如 江城市' },
      peers: { type: 'string', describe: '全市参与排名的其他区县，逗号分隔' },
      unranked: { type: 'string', describe: '比较表中不参与排名的地区（开发区、高新区），逗号分隔' },
      bureaus: { type: 'string', describe: '报送月报的单位，逗号分隔（默认标准目录中的全部单位）' },
      reporter: { type: 'string', describe: '会上通报经济运行情况的单位，如 县发展和改革局（默认为“区、县或市”加“发改局”）' },
      forms: { type: 'string', describe: '空白报表的月份 YYYY-MM（默认上个月）' },
      dir: { type: 'string', describe: '区县文件夹（默认：仓库根目录已有配置时为 districts/<区县>/，否则为当前目录）' },
    }),
  handler: (args: InitArgs) => runInit(args),
};

async function runInit(args: InitArgs): Promise<void> {
  const month = args.forms === undefined ? lastMonth(new Date()) : parseMonth(args.forms);
  if (args.forms !== undefined && args.city === undefined) {
    const dir = args.dir ?? (args.district === undefined ? '.' : districtPaths(args.district).dir);
    const result = await writeForms(dir, configIn(dir), month);
    return printResult(result, `已生成 ${month.year}年${month.month}月的空白报表`);
  }
  const raw = needsQuestions(args) ? await askMissing(args, { input: process.stdin, output: process.stderr }) : args;
  const answers = completeAnswers(raw);
  const dir = args.dir ?? newDistrictFolder(answers.district.name);
  const result = await initDistrict({ dir, answers, month, schemaFile: SCHEMA_FILE });
  printResult(result, `已新建 ${answers.district.name}（${shown(dir)}）`);
  printNextSteps(dir, answers.district.name, month);
}

/** districts/<name>/ when the root already holds a district (a fresh clone holds the example), else the root. */
function newDistrictFolder(name: string): string {
  return existsSync(CONFIG_FILE) ? join(DISTRICTS_DIR, name) : '.';
}

/** Questions only on a terminal; elsewhere completeAnswers names the missing flags. */
function needsQuestions(args: InitArgs): boolean {
  const missing = args.district === undefined || args.city === undefined || (args.peers === undefined && args.unranked === undefined);
  return missing && process.stdin.isTTY === true;
}

/** The month whose returns come in next: the one before today's. */
export function lastMonth(today: Date): YearMonth {
  const month = today.getMonth() + 1;
  return month === 1 ? { year: today.getFullYear() - 1, month: 12 } : { year: today.getFullYear(), month: month - 1 };
}

/** A path as the user would type it: relative inside the working folder, absolute outside it. */
function shown(path: string): string {
  const inside = relative(process.cwd(), resolve(path));
  return inside.startsWith('..') || isAbsolute(inside) ? resolve(path) : inside || '.';
}

function printResult(result: InitResult, heading: string): void {
  const files = result.written.filter((p) => !/data[\\/]\d{4}[\\/]\d{2}$/.test(p));
  const folders = result.written.length - files.length;
  const lines = [`${heading}：`, ...files.map((file) => `  ${shown(file)}`)];
  if (folders > 0) lines.push(`  以及 ${folders} 个存放报表的月份文件夹（data/<年份>/<月份>/）`);
  lines.push(...result.kept.map((file) => `  未覆盖（已有内容不同的同名文件，可能正在填写）：${shown(file)}`));
  process.stdout.write(`${lines.join('\n')}\n`);
}

function printNextSteps(dir: string, district: string, month: YearMonth): void {
  const mm = String(month.month).padStart(2, '0');
  const root = shown(dir);
  const select = root === '.' ? '' : root.startsWith(DISTRICTS_DIR) ? ` --district ${district}` : ` --config ${root}/${CONFIG_FILE} --data ${root}/data`;
  const formsFlag = root === '.' ? '' : root.startsWith(DISTRICTS_DIR) ? ` --district ${district}` : ` --dir ${root}`;
  process.stdout.write(
    [
      '下一步：',
      `  1. 打开 ${root}/${CONFIG_FILE} 核对本区县、全市各区和指标目录（VS Code 装 YAML 插件后会自动补全和检查）。`,
      `  2. 把 ${root}/forms/${month.year}/${mm}/ 中的空白报表发给各单位，收回后放入 ${root}/data/${month.year}/${mm}/；`,
      `     目标任务表和重点项目台账（${root}/forms/${month.year}/）填好、删去示例行后放入 ${root}/data/${month.year}/。`,
      `  3. 生成讲话稿：npm run report --${select} --quarter latest`,
      `  其他月份的空白报表：npm run init --${formsFlag} --forms YYYY-MM`,
      '',
    ].join('\n'),
  );
}
