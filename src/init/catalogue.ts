// The standard indicator catalogue a new district starts from (domain.md §1), one table per kind of
// bureau. Data only: `npm run init` copies the rows of the bureaus a district chooses into its
// tongbao.config.yaml, where the staffer can rename, drop or add indicators.
import type { IndicatorConfig, SectorConfig } from '../config/config.js';

/** An indicator row as written into the config; `bureau` is filled in from the bureau's id. */
export type StandardIndicator = Omit<IndicatorConfig, 'bureau' | 'source' | 'aliases' | 'valueReported' | 'frequency' | 'ranked' | 'lowerIsBetter' | 'role'> &
  Partial<Pick<IndicatorConfig, 'aliases' | 'valueReported' | 'frequency' | 'ranked' | 'lowerIsBetter' | 'role'>>;

export interface BureauKind {
  /** The bureau's id in the config. */
  readonly id: string;
  /** The name used when the user does not give one. */
  readonly name: string;
  /** Other names of the same kind of bureau (科工局 / 工信局 / 经信局); the user's word is kept. */
  readonly names: readonly string[];
  /** Words in the file names of its returns. */
  readonly files: readonly string[];
  /** Months in which it reports (statistics start at 1—2月; agriculture reports by quarter). */
  readonly months: readonly number[];
  readonly indicators: readonly StandardIndicator[];
}

const FEB_TO_DEC = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const EVERY_MONTH = [1, ...FEB_TO_DEC];
const QUARTER_ENDS = [3, 6, 9, 12];

export const BUREAU_KINDS: readonly BureauKind[] = [
  {
    id: 'tjj', name: '统计局', names: ['统计局'], files: ['统计局'], months: FEB_TO_DEC,
    indicators: [
      { id: 'gdp', name: '地区生产总值', aliases: ['GDP', '生产总值'], unit: '亿元', span: 'ytd', growth: 'reported', frequency: 'quarterly', sector: 'industry', ranked: true },
      { id: 'fai', name: '固定资产投资', aliases: ['固定资产投资（不含农户）', '固投'], unit: '%', span: 'ytd', growth: 'reported', valueReported: false, sector: 'investment', ranked: true, role: 'investment' },
      { id: 'fai_construction', name: '建筑安装工程投资', aliases: ['建安投资', '建筑安装工程'], unit: '%', span: 'ytd', growth: 'reported', valueReported: false, sector: 'investment', ranked: true, role: 'investment' },
      { id: 'fai_industry', name: '工业投资', aliases: ['工业固定资产投资'], unit: '%', span: 'ytd', growth: 'reported', valueReported: false, sector: 'investment', role: 'investment' },
      { id: 'fai_private', name: '民间投资', aliases: ['民间固定资产投资'], unit: '%', span: 'ytd', growth: 'reported', valueReported: false, sector: 'investment', role: 'investment' },
      { id: 'retail_sales', name: '社会消费品零售总额', aliases: ['社零总额', '社会消费品零售额'], unit: '亿元', span: 'ytd', growth: 'reported', sector: 'consumption', ranked: true, role: 'retail' },
      { id: 'services_revenue', name: '规上服务业营业收入', aliases: ['规模以上服务业营业收入'], unit: '亿元', span: 'ytd', growth: 'reported', frequency: 'quarterly', sector: 'consumption', ranked: true },
      { id: 'urban_income', name: '城镇居民人均可支配收入', aliases: [], unit: '元', span: 'ytd', growth: 'reported', frequency: 'quarterly', sector: 'livelihood' },
      { id: 'rural_income', name: '农村居民人均可支配收入', aliases: [], unit: '元', span: 'ytd', growth: 'reported', frequency: 'quarterly', sector: 'livelihood' },
    ],
  },
  {
    id: 'kgj', name: '科工局', names: ['科工局', '工信局', '经信局', '工业和信息化局', '科技和工业信息化局'], files: ['科工局', '工信局', '经信局', '科技和工业', '工业和信息化'], months: FEB_TO_DEC,
    indicators: [
      { id: 'industry_va', name: '规上工业增加值', aliases: ['规模以上工业增加值'], unit: '%', span: 'ytd', growth: 'reported', valueReported: false, sector: 'industry', ranked: true, role: 'industryOutput' },
      { id: 'industry_output', name: '规上工业总产值', aliases: ['规模以上工业总产值'], unit: '亿元', span: 'ytd', growth: 'reported', sector: 'industry', role: 'industryOutput' },
      { id: 'industry_revenue', name: '规上工业营业收入', aliases: ['规模以上工业营业收入'], unit: '亿元', span: 'ytd', growth: 'reported', sector: 'industry' },
      { id: 'industry_profit', name: '规上工业利润总额', aliases: ['规模以上工业利润总额'], unit: '亿元', span: 'ytd', growth: 'reported', sector: 'industry' },
      { id: 'industry_firms', name: '规上工业企业数', aliases: ['规上企业数', '规模以上工业企业数'], unit: '家', span: 'stock', growth: 'computed', sector: 'industry', role: 'firmsInScope' },
      { id: 'new_industry_firms', name: '新增规上工业企业数', aliases: ['新增规上企业', '上规入统企业数'], unit: '家', span: 'ytd', growth: 'computed', sector: 'industry' },
      { id: 'negative_firms', name: '负增长企业数', aliases: ['产值负增长企业数'], unit: '家', span: 'stock', growth: 'computed', sector: 'industry', role: 'negativeFirms' },
      { id: 'industry_power', name: '工业用电量', aliases: ['工业用电'], unit: '万千瓦时', span: 'ytd', growth: 'computed', sector: 'industry' },
    ],
  },
  {
    id: 'zjj', name: '住建局', names: ['住建局', '住房和城乡建设局'], files: ['住建局', '住房和城乡建设'], months: FEB_TO_DEC,
    indicators: [
      { id: 'construction_output', name: '建筑业总产值', aliases: ['资质内建筑业总产值'], unit: '亿元', span: 'ytd', growth: 'reported', frequency: 'quarterly', sector: 'investment', ranked: true, role: 'construction' },
      { id: 'real_estate_investment', name: '房地产开发投资', aliases: ['房地产开发投资额'], unit: '亿元', span: 'ytd', growth: 'reported', sector: 'investment', ranked: true, role: 'investment' },
      { id: 'housing_sales_area', name: '商品房销售面积', aliases: [], unit: '万平方米', span: 'ytd', growth: 'reported', sector: 'consumption', ranked: true, role: 'housingSales' },
      { id: 'housing_sales', name: '商品房销售额', aliases: ['商品房销售金额'], unit: '亿元', span: 'ytd', growth: 'reported', sector: 'consumption', role: 'housingSales' },
    ],
  },
  {
    id: 'swj', name: '商务局', names: ['商务局'], files: ['商务局'], months: FEB_TO_DEC,
    indicators: [
      { id: 'wholesale', name: '限上批发业销售额', aliases: ['限额以上批发业销售额'], unit: '亿元', span: 'ytd', growth: 'reported', sector: 'consumption', ranked: true, role: 'retail' },
      { id: 'retail_above', name: '限上零售业零售额', aliases: ['限额以上零售业零售额', '限上零售业销售额', '限上零售业'], unit: '亿元', span: 'ytd', growth: 'reported', sector: 'consumption', ranked: true, role: 'retail' },
      { id: 'accommodation', name: '限上住宿业营业额', aliases: ['限额以上住宿业营业额', '限上住宿业'], unit: '万元', span: 'ytd', growth: 'reported', sector: 'consumption', ranked: true, role: 'hospitality' },
      { id: 'catering', name: '限上餐饮业营业额', aliases: ['限额以上餐饮业营业额', '限上餐饮业'], unit: '万元', span: 'ytd', growth: 'reported', sector: 'consumption', ranked: true, role: 'hospitality' },
      { id: 'foreign_trade', name: '外贸进出口总额', aliases: ['进出口总额', '外贸进出口'], unit: '亿元', span: 'ytd', growth: 'reported', sector: 'consumption', role: 'foreignTrade' },
      { id: 'foreign_investment', name: '实际使用外资', aliases: ['实际利用外资'], unit: '万美元', span: 'ytd', growth: 'reported', sector: 'investment', role: 'foreignTrade' },
    ],
  },
  {
    id: 'nyj', name: '农业农村局', names: ['农业农村局', '农业局'], files: ['农业农村局', '农业局'], months: QUARTER_ENDS,
    indicators: [
      { id: 'agri_output', name: '农林牧渔业总产值', aliases: ['农林牧渔业产值'], unit: '亿元', span: 'ytd', growth: 'reported', frequency: 'quarterly', sector: 'agriculture', ranked: true },
      { id: 'agri_va', name: '农林牧渔业增加值', aliases: [], unit: '亿元', span: 'ytd', growth: 'reported', frequency: 'quarterly', sector: 'agriculture' },
      { id: 'grain_output', name: '粮食产量', aliases: [], unit: '吨', span: 'ytd', growth: 'computed', frequency: 'seasonal', sector: 'agriculture', role: 'grain' },
      { id: 'hogs', name: '生猪出栏', aliases: ['生猪出栏量'], unit: '万头', span: 'ytd', growth: 'computed', frequency: 'quarterly', sector: 'agriculture', role: 'produce' },
      { id: 'farmland', name: '高标准农田建设面积', aliases: ['高标准农田'], unit: '万亩', span: 'ytd', growth: 'computed', frequency: 'seasonal', sector: 'agriculture', role: 'grain' },
    ],
  },
  {
    id: 'wlj', name: '文旅局', names: ['文旅局', '文化和旅游局', '文化广电旅游局'], files: ['文旅局', '文化广电旅游', '文化和旅游'], months: EVERY_MONTH,
    indicators: [
      { id: 'tourists', name: '游客人次', aliases: ['接待游客人次', '接待游客'], unit: '万人次', span: 'ytd', growth: 'computed', sector: 'consumption', role: 'tourism' },
      { id: 'tourism_revenue', name: '旅游收入', aliases: ['旅游总收入', '旅游消费'], unit: '亿元', span: 'ytd', growth: 'computed', sector: 'consumption', role: 'tourism' },
    ],
  },
  {
    id: 'czj', name: '财政局', names: ['财政局'], files: ['财政局'], months: EVERY_MONTH,
    indicators: [
      { id: 'budget_revenue', name: '一般公共预算收入', aliases: ['地方一般公共预算收入'], unit: '亿元', span: 'ytd', growth: 'reported', sector: 'finance', ranked: true, role: 'fiscalRevenue' },
      { id: 'tax_revenue', name: '税收收入', aliases: [], unit: '亿元', span: 'ytd', growth: 'reported', sector: 'finance', role: 'fiscalRevenue' },
      { id: 'budget_expenditure', name: '一般公共预算支出', aliases: [], unit: '亿元', span: 'ytd', growth: 'reported', sector: 'finance' },
    ],
  },
  {
    id: 'tcj', name: '投促局', names: ['投促局', '投资促进局', '招商局'], files: ['投促局', '投资促进', '招商局'], months: EVERY_MONTH,
    indicators: [
      { id: 'investment_attracted', name: '招商引资到位资金', aliases: ['到位资金'], unit: '亿元', span: 'ytd', growth: 'computed', sector: 'investment', role: 'attractInvestment' },
      { id: 'projects_signed', name: '新签约项目数', aliases: ['新签约项目'], unit: '个', span: 'ytd', growth: 'computed', sector: 'investment', role: 'attractInvestment' },
      { id: 'signed_amount', name: '新签约项目投资额', aliases: ['新签约项目金额', '签约金额'], unit: '亿元', span: 'ytd', growth: 'computed', sector: 'investment', role: 'attractInvestment' },
    ],
  },
  {
    id: 'scj', name: '市场监管局', names: ['市场监管局', '市场监督管理局'], files: ['市场监管局', '市场监督管理'], months: EVERY_MONTH,
    indicators: [
      { id: 'new_entities', name: '新登记市场主体', aliases: ['新设立市场主体', '新登记各类市场主体'], unit: '户', span: 'ytd', growth: 'computed', sector: 'livelihood', role: 'marketEntities' },
      { id: 'market_entities', name: '实有市场主体', aliases: ['实有各类市场主体'], unit: '户', span: 'stock', growth: 'computed', sector: 'livelihood', role: 'marketEntities' },
    ],
  },
  {
    id: 'fgj', name: '发改局', names: ['发改局', '发展和改革局', '经发局', '经济发展局'], files: ['发改局', '发展和改革', '发展改革', '经发局'], months: EVERY_MONTH,
    indicators: [
      { id: 'key_project_investment', name: '重点项目完成投资', aliases: ['重点项目累计完成投资'], unit: '亿元', span: 'ytd', growth: 'computed', sector: 'investment', role: 'investment' },
      { id: 'key_projects_started', name: '重点项目开工个数', aliases: ['重点项目开工数', '新开工重点项目'], unit: '个', span: 'ytd', growth: 'computed', sector: 'investment' },
    ],
  },
];

/** The speech's sectors (分领域部署), in order; `projects` sorts the ledger's 领域 column into them. */
export const STANDARD_SECTORS: readonly (Omit<SectorConfig, 'projects'> & { readonly projects: readonly string[] })[] = [
  { id: 'industry', name: '工业稳增长', projects: ['工业', '制造业'] },
  { id: 'consumption', name: '促消费扩内需', projects: ['商贸', '消费', '文旅', '服务业'] },
  { id: 'agriculture', name: '农业平稳发展', projects: ['农业'] },
  { id: 'investment', name: '抓项目争投资', projects: ['*'] },
  { id: 'finance', name: '财政金融', projects: [] },
  { id: 'livelihood', name: '保民生保稳定', heading: '在保民生保稳定上加力加劲', projects: ['民生', '社会事业'] },
];

/** The bureau kind a name such as 工信局 or 住房和城乡建设局 belongs to. */
export function bureauKindOf(name: string): BureauKind | undefined {
  const wanted = name.trim();
  return BUREAU_KINDS.find((kind) => kind.names.includes(wanted) || kind.files.some((word) => wanted.includes(word)));
}
