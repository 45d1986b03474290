// The tongbao.config.yaml a new district starts with: built as an object from the answers and the
// standard catalogue, written as commented YAML, and checked by the same schema as any config.
// A new config field is one edit here: a line in configObject and, if it needs one, a comment.
import { Document, isMap, isScalar, isSeq, type Node } from 'yaml';
import { type Config, parseConfig } from '../config/config.js';
import { AREA_KINDS, CITY_KINDS } from '../config/roles.js';
import { type BureauKind, STANDARD_SECTORS } from './catalogue.js';

export type DistrictKind = (typeof AREA_KINDS)[number];
export type CityKind = (typeof CITY_KINDS)[number];

export interface Area {
  readonly name: string;
  readonly aliases: readonly string[];
  /** false for areas the city does not rank (开发区、高新区). */
  readonly ranked: boolean;
}

export interface Bureau {
  readonly kind: BureauKind;
  /** The district's own name for it (工信局 where another district says 科工局). */
  readonly name: string;
}

export interface DistrictAnswers {
  readonly district: Area & { readonly kind: DistrictKind };
  readonly city: Omit<Area, 'ranked'> & { readonly kind: CityKind };
  readonly peers: readonly Area[];
  readonly bureaus: readonly Bureau[];
  /** Who presents the figures at the meeting ("刚才，县发展和改革局通报了……"). */
  readonly reporter: string;
}

const SECTION_COMMENTS: Readonly<Record<string, string>> = {
  district: '本区（县、市）：name 为全称，kind 为 区 / 县 / 市（县级市）/ 旗（讲话稿据此说“全县”“全市”），aliases 为比较表和报表中可能出现的简称。',
  city: '所在的市：kind 为 市 / 州 / 盟 / 地区（位次据此说“居全市第3位”）；aliases 必须包含“全市”，市统计局比较表的“全市”行才能对上。',
  speech: '讲话稿的说法：reporter 为会上先通报经济运行情况的单位（“刚才，县发展和改革局通报了……”）。',
  peers: '全市参与比较的其他区县；ranked: false 表示不参与排名（如开发区、高新区），计算“倒数第几”时不计入。',
  bureaus: '报送单位：files 为文件名中出现的字样（任一匹配即可）；months 为每年应报送的月份（没有 1 月报表的写 2–12）。',
  cityTable: '全市各区比较表（months 为市统计局发布比较表的月份；rankedBy 为附表注中位次的排法）、目标任务表、重点项目台账的文件名字样。',
  sectors: '领域：讲话稿“分领域部署”的顺序与名称；heading 为该部分的小标题（不写则为“在<name>上聚力攻坚”）；projects 为重点项目台账“领域”列中归入该领域的字样（* 表示其余全部）。',
  indicators: [
    '指标目录（按报送单位，来自 tongbao 的标准目录，可增删改）。',
    '  name / aliases：报表中指标名称的写法，按名称和别名匹配，不看单元格位置',
    '  span: ytd 累计 / month 当月 / stock 期末',
    '  growth: reported 采用报表公布的增速（可比价、同口径、可比口径）；computed 可由本期与上年同期计算',
    '  valueReported: false 表示只公布增速、不公布绝对量',
    '  frequency: monthly 月报 / quarterly 季报（3、6、9、12月）/ seasonal 季节性（无数据的月份为“—”）',
    '  ranked: true 表示在全市各区比较表中有位次',
    '  role: 指标在讲话稿中的角色，决定所在领域说哪些工作要求（见 README“指标角色”）',
    '  只有全市比较表才有的指标（如月报卡中的进出口总额）写 source: city，不写 bureau',
  ].join('\n'),
  acknowledged: '已与报送单位核实无误、检查却认为不可能的单元格（如与本年其他月份相差上千倍），每项 { file, sheet, cell, reason }；出错时的提示中有可照抄的一行。',
  pdf: 'PDF 版式：pageNumbers: outer 页码单页居右、双页居左（GB/T 9704，双面印刷）/ center 居中；appendix: 是否附“主要经济指标完成情况表”及图表；fonts: 本单位自有的字体文件，如 { fangsong: fonts/仿宋_GB2312.ttf }（见 README“本单位自有字体”）。',
};

/** Sections written in one line each: `targets: { files: [目标任务] }`. */
const ONE_LINE_SECTIONS = new Set(['speech', 'cityTable', 'targets', 'projects', 'acknowledged', 'pdf']);

/** The config as plain data, in the order the YAML shows it. */
export function configObject(answers: DistrictAnswers): Record<string, unknown> {
  const bureaus = answers.bureaus.map(({ kind, name }) => ({
    id: kind.id,
    name,
    files: unique([name, ...kind.files]),
    months: [...kind.months],
  }));
  const indicators = answers.bureaus.flatMap(({ kind }) =>
    kind.indicators.map((indicator) => ({ id: indicator.id, name: indicator.name, aliases: indicator.aliases ?? [], bureau: kind.id, ...withoutNames(indicator) })),
  );
  return {
    district: { name: answers.district.name, kind: answers.district.kind, aliases: [...answers.district.aliases] },
    city: { name: answers.city.name, kind: answers.city.kind, aliases: unique(['全市', ...answers.city.aliases]) },
    speech: { reporter: answers.reporter },
    peers: answers.peers.map((peer) => ({ name: peer.name, aliases: [...peer.aliases], ...(peer.ranked ? {} : { ranked: false }) })),
    bureaus,
    cityTable: { files: ['全市各区', '各区主要经济指标'], months: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], rankedBy: '增速由高到低' },
    targets: { files: ['目标任务'] },
    projects: { files: ['重点项目'] },
    sectors: STANDARD_SECTORS.map(({ projects, ...sector }) => ({ ...sector, ...(projects.length > 0 ? { projects: [...projects] } : {}) })),
    indicators,
    acknowledged: [],
    pdf: { pageNumbers: 'outer', appendix: true },
  };
}

function withoutNames(indicator: BureauKind['indicators'][number]): Record<string, unknown> {
  const { id: _id, name: _name, aliases: _aliases, ...rest } = indicator;
  return rest;
}

/**
 * The commented YAML text. `schema` is the path of tongbao.config.schema.json relative to the
 * config, for editors (VS Code with the YAML extension) to complete and check the file.
 */
export function configYaml(answers: DistrictAnswers, schema: string): string {
  const doc = new Document(configObject(answers));
  doc.commentBefore = [
    ` yaml-language-server: $schema=${schema}`,
    ` tongbao 配置：${answers.district.name}、全市各区、报送单位与指标目录（由 npm run init 生成，可按需修改）。`,
    ' 报表按表头文字和指标名称（含别名）读取，这里不写任何单元格地址。',
  ].join('\n');
  const root = doc.contents;
  if (!isMap(root)) throw new Error('config object did not become a YAML map');
  root.items.forEach((pair, index) => {
    if (!isScalar(pair.key)) return;
    const key = String(pair.key.value);
    const comment = SECTION_COMMENTS[key];
    if (comment) pair.key.commentBefore = comment.split('\n').map((line) => ` ${line}`).join('\n');
    if (index > 0 && (comment || !ONE_LINE_SECTIONS.has(key))) pair.key.spaceBefore = true;
    setStyle(pair.value as Node, ONE_LINE_SECTIONS.has(key));
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Lists of names and each list item in one line, like the example config. */
function setStyle(node: Node | null, oneLine: boolean): void {
  if (isSeq(node)) {
    for (const item of node.items) if (isMap(item) || isSeq(item)) (item as { flow?: boolean }).flow = true;
    if (node.items.every((item) => isScalar(item))) node.flow = true;
  }
  if (isMap(node)) {
    if (oneLine) node.flow = true;
    for (const pair of node.items) setStyle(pair.value as Node, false);
  }
}

/** The YAML, validated by the config schema: a generator bug never reaches the user. */
export function generateConfig(answers: DistrictAnswers, schema: string): { text: string; config: Config } {
  const text = configYaml(answers, schema);
  return { text, config: parseConfig(text, 'tongbao.config.yaml') };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
