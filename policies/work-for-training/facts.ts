/**
 * The facts of one 以工代训 claim: one enterprise, one claim month (the request's period), one subsidy
 * type, the persons claimed for, what was already paid, and (for the stop rule) the city's 专账 fund.
 * Optional fields are optional because they are needed only for some types or regions; when a rule
 * needs one that is absent, the decision names it in `missing` (needs_input) instead of guessing.
 */
import { z } from '@wengang/engine';

const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '应为日期 YYYY-MM-DD');
const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为月份 YYYY-MM');
const fen = z.number().int().nonnegative();

export const SUBSIDY_TYPES = ['absorption', 'epidemic_hardship', 'hard_hit_industry'] as const;
export type SubsidyType = (typeof SUBSIDY_TYPES)[number];
export const SUBSIDY_TYPE_LABELS: Record<SubsidyType, string> = {
  absorption: '新吸纳劳动者就业（吸纳就业以工代训）',
  epidemic_hardship: '受疫情影响的企业（困难企业以工代训）',
  hard_hit_industry: '受疫情影响较大行业的企业、个体工商户',
};

export const ENTERPRISE_SIZES = ['large', 'medium', 'small', 'micro'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];
export const SIZE_LABELS: Record<EnterpriseSize, string> = {
  large: '大型',
  medium: '中型',
  small: '小型',
  micro: '微型',
};

/** Keys as in @wengang/kernel's HARD_HIT_INDUSTRIES_2020, plus `other`. */
export const INDUSTRIES = [
  'foreign_trade',
  'accommodation_catering',
  'culture_tourism',
  'transport',
  'wholesale_retail',
  'other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];
export const INDUSTRY_LABELS: Record<Industry, string> = {
  foreign_trade: '外贸',
  accommodation_catering: '住宿餐饮',
  culture_tourism: '文化旅游',
  transport: '交通运输',
  wholesale_retail: '批发零售',
  other: '其他行业',
};

/** Person categories exactly as 63号 / 78号 / 昌州15号 name them, plus the trainee categories of the other types. */
export const PERSON_CATEGORIES = [
  '就业困难人员',
  '零就业家庭成员',
  '离校两年内高校毕业生',
  '登记失业人员',
  '建档立卡贫困劳动力',
  '离校2年内技工院校及特殊教育院校职业教育类毕业生',
  '企业在职职工',
  '劳务派遣人员',
] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];

export const personSchema = z.object({
  personId: z
    .string()
    .regex(/^\d{17}[\dX]$/, '应为18位公民身份号码')
    .describe('身份证号'),
  name: z.string().min(1).describe('姓名'),
  category: z
    .enum(PERSON_CATEGORIES)
    .describe(
      '人员类别：吸纳就业以工代训按文件所列类别（高校毕业生含专科、高职；建档立卡贫困劳动力指我省及来我省就业的）；' +
        '困难企业及行业企业以工代训为企业在职职工或劳务派遣人员',
    ),
  employmentRegisteredOn: isoDate.optional().describe('就业登记日期'),
  socialInsuranceRegisteredOn: isoDate.optional().describe('社保登记日期（本企业参保登记）'),
  monthsClaimedBefore: z.number().int().nonnegative().optional().describe('此前已享受以工代训补贴的月数（不含本月）'),
  alreadySubsidisedThisMonth: z
    .boolean()
    .optional()
    .describe('本月已享受以工代训补贴（本企业已获本月补贴，或在其他企业、其他以工代训项目享受）'),
  otherTrainingSubsidyThisMonth: z.boolean().optional().describe('本月同时享受其他类型的职业培训补贴（昌吉州适用）'),
});
export type Person = z.infer<typeof personSchema>;

export const indicatorsSchema = z.object({
  revenueFen: fen.optional().describe('当月营业收入（以提供给税务部门数据为准，分）'),
  revenue2019Fen: fen.optional().describe('2019年营业收入合计（分）'),
  electricityFen: fen.optional().describe('当月电费（分）'),
  electricity2019Fen: fen.optional().describe('2019年电费合计（分）'),
  otherEnergy: z.number().nonnegative().optional().describe('当月与生产经营直接相关的其他能源消耗量'),
  otherEnergy2019: z
    .number()
    .nonnegative()
    .optional()
    .describe('2019年与生产经营直接相关的其他能源消耗量合计（同一计量单位）'),
});
export type Indicators = z.infer<typeof indicatorsSchema>;

export const enterpriseSchema = z.object({
  creditCode: z
    .string()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '应为18位统一社会信用代码')
    .describe('统一社会信用代码'),
  name: z.string().min(1).describe('单位名称'),
  kind: z.enum(['enterprise', 'individual_business']).optional().describe('单位类型：企业（缺省）或个体工商户'),
  hasEmployeesInsuredAsUnit: z.boolean().optional().describe('个体工商户有雇工且以单位形式参加社会保险'),
  size: z
    .enum(ENTERPRISE_SIZES)
    .describe('企业规模（按《中小企业划型标准规定》工信部联企业〔2011〕300号：大型、中型、小型、微型）'),
  industry: z
    .enum(INDUSTRIES)
    .describe('所属行业：外贸、住宿餐饮、文化旅游、交通运输、批发零售五类受疫情影响较大行业之一，或其他行业'),
  industryScopeAddedOn: isoDate
    .nullable()
    .optional()
    .describe('变更企业登记、增加上述行业经营范围的日期；从未变更增加的填 null'),
  establishedOn: isoDate.optional().describe('成立日期（计算2019年月平均值的月份数）'),
  indicators: indicatorsSchema.optional().describe('困难企业认定指标：申领月份当月数和2019年全年数'),
  shutdownListed: z.boolean().optional().describe('列入当地明确的停产停工企业（昌吉州困难企业）'),
  trainingPlanApproved: z.boolean().optional().describe('《昌吉州以工代训培训计划申请表》已经当地人社部门审核备案'),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;

export const claimedMonthSchema = z.object({
  month: isoMonth.describe('补贴年月'),
  subsidyType: z.enum(SUBSIDY_TYPES).describe('补贴类型'),
});

export const factsSchema = z.object({
  subsidyType: z
    .enum(SUBSIDY_TYPES)
    .describe(
      '补贴类型：absorption 新吸纳劳动者就业；epidemic_hardship 受疫情影响的企业（困难企业）；' +
        'hard_hit_industry 受疫情影响较大行业的企业和个体工商户（仅昌吉州）',
    ),
  appliedOn: isoDate.describe('申领日期（提交申请、进入受理的日期）'),
  enterprise: enterpriseSchema.describe('申领单位'),
  persons: z.array(personSchema).min(1).describe('以工代训人员花名册'),
  history: z
    .object({
      claimedMonths: z.array(claimedMonthSchema).optional().describe('本企业在政策执行期内已获补贴的补贴年月及类型'),
      epidemicHardshipPaidFen: fen.optional().describe('本企业在政策执行期内已获困难企业以工代训补贴累计金额（分）'),
    })
    .optional()
    .describe('申领记录'),
  fund: z
    .object({
      specialAccountBalanceFen: fen.describe('本市职业技能提升行动专账资金余额（分）'),
      specialAccountInitialFen: fen.describe('本市职业技能提升行动专账建账资金规模（分）'),
    })
    .optional()
    .describe('专账资金状况（由经办机构提供）'),
});
export type WorkForTrainingFacts = z.infer<typeof factsSchema>;
