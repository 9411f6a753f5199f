/**
 * The facts of one 稳岗返还 claim: one enterprise, one refund year (the year of the request's
 * period, whose previous year's contributions are refunded), one refund type.
 *
 * Every field but `refundType` is optional in the schema because each is needed only for some
 * types or regions; when a rule needs one that is absent the decision names it in `missing`
 * (needs_input) instead of guessing. Lists and amounts that change the result when left out
 * (`refundsThisYear`, `unreturnedRefundsOwedFen`) are required where the rule applies: send `[]`
 * and `0` when there is nothing.
 */
import { z } from '@wengang/engine';

const fen = z.number().int().nonnegative();
const count = z.number().int().nonnegative();

export const REFUND_TYPES = ['general', 'sme', 'difficult'] as const;
export type RefundTypeFact = (typeof REFUND_TYPES)[number];

export const REFUND_TYPE_LABELS: Record<RefundTypeFact, string> = {
  general: '一般企业稳岗返还',
  sme: '中小微企业稳岗返还（提高标准）',
  difficult: '困难企业稳岗返还',
};

export const ENTERPRISE_SIZES = ['large', 'medium', 'small', 'micro'] as const;
export const ENTERPRISE_SIZE_LABELS: Record<(typeof ENTERPRISE_SIZES)[number], string> = {
  large: '大型企业',
  medium: '中型企业',
  small: '小型企业',
  micro: '微型企业',
};

export const DIFFICULT_AMOUNT_BASES = ['unemployment_benefit', 'social_insurance'] as const;

const refundType = z.enum(REFUND_TYPES);

export const facts = z.strictObject({
  refundType: refundType.describe(
    '稳岗返还类型：general 一般企业稳岗返还；sme 中小微企业稳岗返还（提高标准）；difficult 困难企业稳岗返还',
  ),

  enterpriseSize: z
    .enum(ENTERPRISE_SIZES)
    .optional()
    .describe(
      '企业规模（工信部联企业〔2011〕300号《中小企业划型标准规定》）：large 大型、medium 中型、small 小型、micro 微型',
    ),

  priorYearContributions: z
    .strictObject({
      unitFen: fen.optional().describe('上年度单位实际缴纳失业保险费（分）'),
      employeesFen: fen.optional().describe('上年度职工实际缴纳失业保险费（分）'),
    })
    .optional()
    .describe('上年度单位及其职工实际缴纳失业保险费（征缴机构提供的上年度缴费记录）'),

  contributionMonths: count
    .optional()
    .describe('参加失业保险并足额缴纳失业保险费的月数（享受2020年阶段性减免、经批准缓缴的月份视同按时缴纳）'),

  priorYearInsuredCount: count.optional().describe('上年度参保职工人数（裁员率分母；判断是否30人（含）以下）'),

  priorYearLayoffs: count
    .optional()
    .describe(
      '上年度裁员人数：参保职工减少人数或领取失业保险金人数，不含退休、死亡、调出、上学、入伍、劳动合同期满终止、本人提出解除、' +
        '依劳动合同法第三十九条解除、同一集团子公司间换岗',
    ),

  industrialEnvironmentalCompliance: z
    .boolean()
    .optional()
    .describe('生产经营活动符合国家及所在区域产业结构调整和环保政策（可采用企业承诺方式）'),

  zombieEnterprise: z.boolean().optional().describe('“僵尸企业”（技术落后、没有市场前景、生产经营恢复无望）'),
  seriousIllegalDishonest: z.boolean().optional().describe('严重违法失信企业'),
  bankruptcyWithDismissal: z.boolean().optional().describe('进入破产程序且与职工解除劳动关系'),

  fund: z
    .strictObject({
      rollingBalanceFen: fen.optional().describe('失业保险基金滚存结余（分）'),
      averageMonthlyExpenditureFen: fen.optional().describe('失业保险基金月均支出（分）'),
    })
    .optional()
    .describe('统筹地区失业保险基金备付能力测算（申请时适用的最近一次测算；山东不足的次月起停止）'),

  refundsThisYear: z
    .array(
      z.strictObject({
        type: refundType.describe('稳岗返还类型'),
        amountFen: fen.describe('已核定返还金额（分，含用于扣减应退回资金的部分）'),
      }),
    )
    .optional()
    .describe('本年度已享受的稳岗返还（无则填空列表）'),

  unreturnedRefundsOwedFen: fen.optional().describe('以往年度违规领取且拒不退回的稳岗返还资金（分，无则填0）'),

  insuredEmployees: count.optional().describe('参保职工人数（困难企业稳岗返还计算用）'),

  unemploymentBenefitMonthlyFen: fen
    .optional()
    .describe('上年末企业参加失业保险所在县（市、区）月失业保险金标准（分/月）；昌吉：当地月人均失业保险金'),

  annualAccounts: z
    .record(
      z.string().regex(/^\d{4}$/, '应为四位年度，如 2019'),
      z.strictObject({
        netProfitFen: z.number().int().optional().describe('净利润（分，亏损为负数）'),
        revenueFen: fen.optional().describe('营业收入（分）'),
      }),
    )
    .optional()
    .describe('按年度的财务数据（税务部门提供），键为年度'),

  balanceSheet: z
    .strictObject({
      totalAssetsFen: fen.optional().describe('资产总额（分）'),
      totalLiabilitiesFen: fen.optional().describe('负债总额（分）'),
    })
    .optional()
    .describe('上年末资产负债表（计算资产负债率）'),

  baseConditionsMet: z
    .boolean()
    .optional()
    .describe(
      '经办机构审核：符合自治区失业保险稳岗返还基本条件（不裁员、少裁员等，新人社发〔2019〕36号、昌州人社发〔2019〕34号）',
    ),

  difficultyConfirmed: z.boolean().optional().describe('经认定面临暂时性生产经营困难且恢复有望、坚持不裁员或少裁员'),

  difficultAmountBasis: z
    .enum(DIFFICULT_AMOUNT_BASES)
    .optional()
    .describe(
      '困难企业返还标准确定方式：unemployment_benefit 按月人均失业保险金；social_insurance 按企业及其职工应缴纳社会保险费',
    ),

  monthlySocialInsuranceDueFen: fen.optional().describe('企业及其职工每月应缴纳社会保险费（分）'),
});

export type Facts = z.infer<typeof facts>;
