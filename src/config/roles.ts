// Words the config may use for the speech: the kinds of district and city, and the roles an
// indicator can play. A role says what the speech may say of an indicator beyond its figures (an
// action sentence in its sector, a share computed between two indicators); templates name roles,
// never indicator ids.

export const AREA_KINDS = ['区', '县', '市', '旗'] as const;
export const CITY_KINDS = ['市', '州', '盟', '地区'] as const;

/** Each role and what it makes the speech say (documented in the README). */
export const ROLES = {
  industryOutput: '规上工业增加值、总产值：服务企业达产满产',
  firmsInScope: '规上工业企业数：负增长企业面的分母，上规入统',
  negativeFirms: '负增长企业数：负增长企业面的分子，推动负增长企业扭负为正',
  retail: '社会消费品零售总额、限上批发零售：组织促消费活动',
  hospitality: '限上住宿业、餐饮业：提振住宿餐饮消费',
  tourism: '游客人次、旅游收入：提振文旅消费',
  housingSales: '商品房销售面积、销售额：促进房地产市场平稳健康发展',
  foreignTrade: '外贸进出口、实际使用外资：稳外贸稳外资',
  investment: '固定资产投资、建安投资、房地产开发投资：抓重大项目建设',
  construction: '建筑业总产值：培育建筑业企业',
  attractInvestment: '招商引资到位资金、新签约项目：抓招商引资',
  grain: '粮食播种面积、产量：抓好粮食生产',
  produce: '蔬菜、水果、水产品、生猪等：稳定“菜篮子”供给',
  fiscalRevenue: '一般公共预算收入、税收收入：广开财源税源、过紧日子',
  marketEntities: '市场主体：优化营商环境',
} as const;

export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as [Role, ...Role[]];

/** Roles that one indicator at most may have (the two sides of 负增长企业面). */
export const SINGLE_ROLES: readonly Role[] = ['firmsInScope', 'negativeFirms'];
