// tongbao.config.schema.json: the JSON Schema of tongbao.config.yaml, generated from the zod schema
// (so it follows the schema as it changes) with Chinese descriptions for editors' hover text.
// `npm run generate:schema` writes it; a test fails when the committed file is out of date.
import { z } from 'zod';
import { configSpec } from './config.js';

/** Hover text by property path ("indicators[].span"); a path the schema no longer has is an error. */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  district: '本区（县、市）',
  'district.name': '全称，如 青山区',
  'district.kind': '区 / 县 / 市（县级市）/ 旗：讲话稿据此说“全县”“全市”',
  'district.aliases': '比较表和报表中可能出现的简称，如 青山',
  city: '所在的市',
  'city.name': '全称，如 江城市',
  'city.kind': '市 / 州 / 盟 / 地区：位次据此说“居全市第3位”“居全州第3位”',
  'city.aliases': '别名，必须包含“全市”，比较表的“全市”行才能对上',
  speech: '讲话稿的说法',
  'speech.reporter': '会上先通报经济运行情况的单位，如 县发展和改革局（“刚才，县发展和改革局通报了……”）；不写则说“有关部门”',
  peers: '全市参与比较的其他区县（含不参与排名的开发区）',
  'peers[].ranked': 'false 表示不参与排名（如开发区、高新区），计算“倒数第几”时不计入',
  bureaus: '报送单位',
  'bureaus[].id': '单位代号（小写字母），指标的 bureau 引用它',
  'bureaus[].name': '单位名称，如 科工局',
  'bureaus[].files': '文件名中出现的字样，任一匹配即归该单位',
  'bureaus[].months': '每年应报送的月份（没有 1 月报表的写 2–12）',
  cityTable: '市统计局全市各区比较表',
  'cityTable.files': '比较表文件名中的字样',
  'cityTable.months': '市统计局发布比较表的月份',
  'cityTable.rankedBy': '位次的排法，写在附表的注中，如 增速由高到低',
  targets: '目标任务表',
  'targets.files': '目标任务表文件名中的字样',
  projects: '重点项目台账',
  'projects.files': '项目台账文件名中的字样',
  sectors: '讲话稿“分领域部署”的领域，按顺序',
  'sectors[].heading': '该部分的小标题（不含“（一）”），不写则为“在<name>上聚力攻坚”',
  'sectors[].projects': '项目台账“领域”列中归入该领域的字样；* 表示其余全部',
  indicators: '指标目录：报表按指标名称和别名读取',
  'indicators[].id': '指标代号：小写字母、数字和下划线',
  'indicators[].name': '指标名称，与报表中的写法一致',
  'indicators[].aliases': '报表中的其他写法',
  'indicators[].source': 'returns 由部门报表报送（默认）；city 只在全市比较表中有（如月报卡中的进出口总额），不写 bureau',
  'indicators[].bureau': '报送单位的 id（source: city 的指标不写）',
  'indicators[].unit': '计量单位（亿元、万元、%、家……），报表中的其他单位自动换算成它',
  'indicators[].span': 'ytd 累计 / month 当月 / stock 期末',
  'indicators[].growth': 'reported 采用报表公布的增速（可比价、同口径）；computed 由本期与上年同期计算',
  'indicators[].valueReported': 'false 表示只公布增速、不公布绝对量',
  'indicators[].frequency': 'monthly 月报 / quarterly 季报（3、6、9、12月）/ seasonal 季节性',
  'indicators[].sector': '所属领域的 id',
  'indicators[].ranked': 'true 表示在全市比较表中有位次',
  'indicators[].lowerIsBetter': 'true 表示越低越好（重新排位时从低到高）',
  'indicators[].role': '指标在讲话稿中的角色，决定所在领域说哪些工作要求，如 negativeFirms 负增长企业数（见 README“指标角色”）',
  acknowledged: '已与报送单位核实无误、检查却认为不可能的单元格（如与本年其他月份相差上千倍）',
  'acknowledged[].file': '文件，相对于数据文件夹，如 2023/03/科工局2023年3月报表.xlsx',
  'acknowledged[].sheet': '工作表名称',
  'acknowledged[].cell': '单元格地址，如 E6',
  'acknowledged[].reason': '核实的情况，如 两家企业集中入库，已与科工局核实',
  pdf: 'PDF 版式',
  'pdf.pageNumbers': 'outer 页码单页居右、双页居左（双面印刷）/ center 居中',
  'pdf.appendix': '是否附“主要经济指标完成情况表”及图表',
  'pdf.fonts': '本单位自有的字体文件（相对配置文件的路径，.ttf/.otf/.ttc），打印 PDF 时代替随包字体，只嵌入用到的字',
  'pdf.fonts.fangsong': '正文仿宋，如 fonts/仿宋_GB2312.ttf',
  'pdf.fonts.kai': '楷体（日期行、二级标题）',
  'pdf.fonts.hei': '黑体（一级标题、表头）',
  'pdf.fonts.xiaobiaosong': '小标宋（标题）',
};

type JsonSchema = { [key: string]: unknown; properties?: Record<string, JsonSchema>; items?: JsonSchema; description?: string };

export function configJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(configSpec, { target: 'draft-7', io: 'input' }) as JsonSchema;
  const used = new Set<string>();
  describe(schema, '', used);
  const unused = Object.keys(DESCRIPTIONS).filter((path) => !used.has(path));
  if (unused.length > 0) throw new Error(`descriptions for paths the config schema no longer has: ${unused.join(', ')}`);
  return { $schema: schema.$schema, title: 'tongbao.config.yaml', description: 'tongbao 配置：本区、全市各区、报送单位与指标目录', ...schema };
}

function describe(node: JsonSchema, path: string, used: Set<string>): void {
  const text = DESCRIPTIONS[path];
  if (text) {
    node.description = text;
    used.add(path);
  }
  for (const [key, child] of Object.entries(node.properties ?? {})) describe(child, path ? `${path}.${key}` : key, used);
  if (node.items) describe(node.items, `${path}[]`, used);
}

/** The file's text: stable key order, two-space indent, final newline. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
