/**
 * 稳岗返还（失业保险稳岗返还）: refunds of unemployment-insurance contributions to enterprises that
 * keep their staff, in three types chosen by `refundType`:
 *
 * - general   一般企业稳岗返还 — 50% of the previous year's unit + employee contributions
 *             (鲁人社字〔2020〕26号 二);
 * - sme       中小微企业稳岗返还（提高标准）— 100% until 2020-12-31, paying only the difference to
 *             what was already refunded this year (鲁人社字〔2020〕63号 二(一)1; 昌州人社发〔2020〕15号 二(一)1);
 * - difficult 困难企业稳岗返还 — 6 × monthly unemployment-benefit standard × insured employees
 *             (26号 三; 63号 二(一)2; Changji also 3 months of social-insurance contributions).
 *
 * The request's period is when the refund is decided and paid; its year is the refund year and the
 * year before is the contribution year. Every condition is recorded for every claim (with
 * not_applicable where the type or region does not have it), except that a claim outside the
 * policy period records only that refusal.
 */
import {
  defineProgramme,
  type Citation,
  type ConditionOutcome,
  type ConditionResult,
  type DecisionContext,
} from '@wengang/engine';
import { CHANGJI, SHANDONG, type ConditionCitations, type ConditionId } from './citations';
import { ENTERPRISE_SIZE_LABELS, facts, REFUND_TYPE_LABELS, type Facts } from './facts';
import { difficultAmountBases } from './parameters/difficult-amount-bases';
import { difficultBenefitMonths } from './parameters/difficult-benefit-months';
import { difficultDebtRatio } from './parameters/difficult-debt-ratio';
import { difficultLossYears } from './parameters/difficult-loss-years';
import { difficultPeriod } from './parameters/difficult-period';
import { difficultRevenueDrop } from './parameters/difficult-revenue-drop';
import { difficultSocialInsuranceMonths } from './parameters/difficult-social-insurance-months';
import { fundCapacityDifficult } from './parameters/fund-capacity-difficult';
import { fundCapacityGeneral } from './parameters/fund-capacity-general';
import { generalPeriod } from './parameters/general-period';
import { generalRefundRate } from './parameters/general-refund-rate';
import { layoffRateLimit } from './parameters/layoff-rate-limit';
import { minContributionMonths } from './parameters/min-contribution-months';
import { ruleSet, type RuleSet } from './parameters/rule-set';
import { smallEnterpriseLayoffLimit } from './parameters/small-enterprise-layoff-limit';
import { smePeriod } from './parameters/sme-period';
import { smeRefundRate } from './parameters/sme-refund-rate';
import { unemploymentBenefitStandard } from './parameters/unemployment-benefit-standard';
import { priorYearContributionBase } from './rules/contribution-base';
import { debtRatioText, debtRatioWithin } from './rules/debt-ratio';
import { deductUnreturnedRefunds } from './rules/deduction';
import { formatCapacity, fundCapacityMonthsTenths, fundCapacitySufficient } from './rules/fund-capacity';
import { layoffRateWithinLimit } from './rules/layoff-rate';
import { lossInEveryYear } from './rules/losses';
import { yuan } from './rules/money';
import { amountStillDue } from './rules/outstanding';
import { periodWithin, yearOf } from './rules/period';
import { formatRatio } from './rules/ratio';
import { refundAmountBySocialInsurance, refundAmountDifficult } from './rules/refund-amount-difficult';
import { refundAmountGeneral } from './rules/refund-amount-general';
import { alreadyRefundedSamePolicy, conflictingRefunds } from './rules/refund-types';
import { revenueDropText, revenueDropWithin } from './rules/revenue-drop';

type RefundType = Facts['refundType'];

const PERIODS = { general: generalPeriod, sme: smePeriod, difficult: difficultPeriod } as const;

const LABELS: Record<ConditionId, string> = {
  policy_period: '申领期间在该类稳岗返还政策执行期内',
  sme_enterprise: '按《中小企业划型标准规定》属于中小微企业',
  fund_capacity: '统筹地区失业保险基金备付能力达到实施条件',
  industrial_environmental_policy: '生产经营活动符合国家及所在区域产业结构调整和环保政策',
  contribution_months: '参加失业保险并足额缴纳失业保险费12个月以上',
  layoff_rate: '上年度未裁员或裁员率不高于5.5%（30人（含）以下的参保企业不超过参保职工总数的20%）',
  not_excluded_enterprise: '不属于“僵尸企业”、严重违法失信企业、进入破产程序且与职工解除劳动关系的企业',
  regional_base_conditions: '符合自治区失业保险稳岗返还基本条件（不裁员、少裁员等）',
  losses_in_years: '2018年和2019年出现亏损',
  debt_ratio: '资产负债率在30%至70%范围内',
  revenue_drop: '2019年营业收入同比下降幅度在30%至70%范围内',
  difficulty_confirmed: '面临暂时性生产经营困难且恢复有望、坚持不裁员或少裁员',
  one_refund_type_per_year: '同一企业同一年度只能按一种稳岗返还政策享受',
  amount_outstanding: '本年度尚有应返还而未返还的金额',
};

const DEDUCTION_ID = 'unreturned_refunds_deducted';
const DEDUCTION_LABEL = '扣减以往年度违规领取且拒不退回的稳岗返还资金';

export const programme = defineProgramme({
  id: 'stable-post-refund',
  name: '稳岗返还（失业保险稳岗返还）',
  version: '1.0.0',
  regions: ['370000', '652300'],
  periods: [
    { from: '2020-01-01', until: '2020-12-31', region: '370000', cite: SHANDONG.period.general },
    { from: '2020-01-01', until: '2020-12-31', region: '370000', cite: SHANDONG.period.sme },
    { from: '2020-01-01', until: '2020-12-31', region: '370000', cite: SHANDONG.period.difficult },
    { from: '2020-06-01', until: '2020-12-31', region: '652300', cite: CHANGJI.period.sme },
  ],
  facts,
  parameters: [
    ruleSet,
    generalPeriod,
    smePeriod,
    difficultPeriod,
    generalRefundRate,
    smeRefundRate,
    fundCapacityGeneral,
    fundCapacityDifficult,
    minContributionMonths,
    layoffRateLimit,
    smallEnterpriseLayoffLimit,
    difficultBenefitMonths,
    unemploymentBenefitStandard,
    difficultAmountBases,
    difficultSocialInsuranceMonths,
    difficultLossYears,
    difficultDebtRatio,
    difficultRevenueDrop,
  ],
  decide,
});

function decide(ctx: DecisionContext, f: Facts): void {
  const type = f.refundType;
  const typeLabel = REFUND_TYPE_LABELS[type];
  const rules = ctx.paramOrUndefined(ruleSet);
  if (rules === undefined) {
    ctx.condition({
      id: 'policy_period',
      label: LABELS.policy_period,
      result: 'fail',
      cite: fallbackCitation(ctx.region),
      detail: `截至决定日 ${ctx.decisionDate}，本地区尚无已印发的稳岗返还文件（只计决定日及以前印发的文件）`,
    });
    return;
  }
  const C = rules === 'changji' ? CHANGJI : SHANDONG;
  const results: ConditionResult[] = [];
  const record = (c: ConditionOutcome): ConditionResult => {
    results.push(c.result);
    return ctx.condition(c);
  };
  const check = (id: ConditionId, result: ConditionResult, cite: Citation, detail: string, missing?: string[]) =>
    record({
      id,
      label: LABELS[id],
      result,
      cite,
      detail,
      ...(missing !== undefined && missing.length > 0 ? { missing } : {}),
    });

  // 1. Policy period, as known on the decision date.
  const window = ctx.paramOrUndefined(PERIODS[type]);
  const claimed = `申领期间 ${ctx.period.from} 至 ${ctx.period.until} `;
  if (window === undefined || !periodWithin(ctx.period, window)) {
    const why =
      window === undefined
        ? `截至决定日 ${ctx.decisionDate}，本地区已印发的文件均未规定${typeLabel}适用于 ${ctx.period.from}（只计决定日及以前印发的文件）` +
          (rules === 'changji' && type === 'general'
            ? '；昌州人社发〔2020〕15号只规定中小微企业提高标准与困难企业返还，一般企业返还标准所依据的新人社发〔2019〕36号不在文件库中'
            : '')
        : `${claimed}不在${typeLabel}执行期 ${window.from} 至 ${window.until} 内`;
    check('policy_period', 'fail', C.period[type], why);
    return;
  }
  check('policy_period', 'pass', C.period[type], `${claimed}在${typeLabel}执行期 ${window.from} 至 ${window.until} 内`);

  const year = yearOf(ctx.period.from);
  const priorYear = year - 1;
  const shandong = rules === 'shandong';

  checkSmeEnterprise(f, C, check);
  checkFundCapacity(ctx, f, type, rules, C, check);

  // Basic conditions: listed in Shandong's 26号; attested for Changji (documents outside the library).
  const silent = '昌州人社发〔2020〕15号未单列此条件；基本条件见 regional_base_conditions';
  if (shandong) {
    checkIndustrialEnvironmental(f, C, check);
    checkContributionMonths(ctx, f, C, check);
    checkLayoffRate(ctx, f, priorYear, C, check);
    checkExclusions(f, C, check);
    check(
      'regional_base_conditions',
      'not_applicable',
      C.conditions.regional_base_conditions,
      '山东的基本条件已在鲁人社字〔2020〕26号 二(二)逐项规定，按上列各条件审核',
    );
  } else {
    for (const id of [
      'industrial_environmental_policy',
      'contribution_months',
      'layoff_rate',
      'not_excluded_enterprise',
    ] as const) {
      check(id, 'not_applicable', C.conditions[id], silent);
    }
    if (f.baseConditionsMet === undefined) {
      check('regional_base_conditions', 'missing', C.conditions.regional_base_conditions, '需经办机构审核后录入', [
        'facts.baseConditionsMet',
      ]);
    } else {
      check(
        'regional_base_conditions',
        f.baseConditionsMet ? 'pass' : 'fail',
        C.conditions.regional_base_conditions,
        f.baseConditionsMet
          ? '经办机构审核：符合新人社发〔2019〕36号、昌州人社发〔2019〕34号规定的基本条件'
          : '经办机构审核：不符合新人社发〔2019〕36号、昌州人社发〔2019〕34号规定的基本条件',
      );
    }
  }

  // Difficult-enterprise tests.
  checkDifficulty(ctx, f, type, shandong, C, check);

  // One refund type per enterprise per year.
  if (shandong) {
    if (f.refundsThisYear === undefined) {
      check(
        'one_refund_type_per_year',
        'missing',
        C.conditions.one_refund_type_per_year,
        '需列明本年度已享受的稳岗返还（无则填空列表）',
        ['facts.refundsThisYear'],
      );
    } else {
      const conflicts = conflictingRefunds(type, f.refundsThisYear);
      check(
        'one_refund_type_per_year',
        conflicts.length > 0 ? 'fail' : 'pass',
        C.conditions.one_refund_type_per_year,
        conflicts.length > 0
          ? `${year}年度已享受${[...new Set(conflicts.map((c) => REFUND_TYPE_LABELS[c.type]))].join('、')}，不能再按${typeLabel}享受`
          : f.refundsThisYear.length === 0
            ? `${year}年度尚未享受稳岗返还`
            : `${year}年度已享受的返还与本次属同一种政策（中小微企业提高标准是一般企业稳岗返还的提高部分）`,
      );
    }
  } else {
    check(
      'one_refund_type_per_year',
      'not_applicable',
      C.conditions.one_refund_type_per_year,
      '昌州人社发〔2020〕15号未规定同一年度只能享受一种稳岗返还',
    );
  }

  // Amount: entitlement, what is still due after this year's refunds, deduction of amounts owed.
  const amount = entitlement(ctx, f, type, rules, priorYear);
  const amountMissing = [...amount.missing];
  if (f.refundsThisYear === undefined) amountMissing.push('facts.refundsThisYear');
  let dueFen: number | undefined;
  if (amountMissing.length > 0 || amount.fen === undefined) {
    check('amount_outstanding', 'missing', C.outstanding[type], '计算返还金额所需数据不全', amountMissing);
  } else {
    const already = alreadyRefundedSamePolicy(type, f.refundsThisYear ?? []);
    dueFen = amountStillDue(amount.fen, already);
    check(
      'amount_outstanding',
      dueFen > 0 ? 'pass' : 'fail',
      C.outstanding[type],
      already === 0
        ? `应返还 ${yuan(amount.fen)}，本年度尚未按同一政策返还`
        : `应返还 ${yuan(amount.fen)}，本年度已按同一政策返还 ${yuan(already)}，` +
            (dueFen > 0 ? `尚应补发 ${yuan(dueFen)}` : '没有差额，不再重复返还'),
    );
  }

  let owedFen = 0;
  if (shandong) {
    if (f.unreturnedRefundsOwedFen === undefined) {
      record({
        id: DEDUCTION_ID,
        label: DEDUCTION_LABEL,
        result: 'missing',
        cite: C.deduction,
        detail: '需列明以往年度违规领取且拒不退回的稳岗返还资金（无则填0）',
        missing: ['facts.unreturnedRefundsOwedFen'],
      });
    } else {
      owedFen = f.unreturnedRefundsOwedFen;
      record({
        id: DEDUCTION_ID,
        label: DEDUCTION_LABEL,
        result: 'pass',
        cite: C.deduction,
        detail:
          owedFen === 0
            ? '无应退回的以往年度稳岗返还资金'
            : `以往年度应退回而未退回 ${yuan(owedFen)}，从本次返还中扣减`,
      });
    }
  } else {
    record({
      id: DEDUCTION_ID,
      label: DEDUCTION_LABEL,
      result: 'not_applicable',
      cite: C.deduction,
      detail: '昌州人社发〔2020〕15号未规定扣减；如有应退回资金，按自治区规定另行追回',
    });
    if ((f.unreturnedRefundsOwedFen ?? 0) > 0) {
      ctx.note(
        `企业有以往年度应退回的稳岗返还资金 ${yuan(f.unreturnedRefundsOwedFen ?? 0)}；昌吉文件未规定从返还中扣减，未扣减，请按自治区规定另行处理。`,
      );
    }
  }

  noteSmeChoice(ctx, f, type);
  if (!shandong) {
    ctx.note(
      '昌吉州稳岗返还的基本条件依新人社发〔2019〕36号、昌州人社发〔2019〕34号（不在文件库中），本决定采用经办机构审核录入的结果。',
    );
  }

  // Lines only when every condition is met and nothing is missing.
  if (results.some((r) => r === 'fail' || r === 'missing')) return;
  if (dueFen === undefined || amount.fen === undefined || dueFen <= 0) return;
  const { payFen, deductedFen, stillOwedFen } = deductUnreturnedRefunds(dueFen, owedFen);
  const already = amount.fen - dueFen;
  const parts = [amount.formula];
  if (already > 0) parts.push(`减本年度已返还 ${yuan(already)}`);
  if (deductedFen > 0) parts.push(`减扣以往年度应退回资金 ${yuan(deductedFen)}`);
  const formula = parts.length > 1 ? `${parts.join('；')}；实付 ${yuan(payFen)}` : parts[0]!;
  if (stillOwedFen > 0) ctx.note(`扣减后仍有以往年度应退回的稳岗返还资金 ${yuan(stillOwedFen)} 未追回。`);
  if (payFen === 0) {
    ctx.note(`应返还 ${yuan(dueFen)} 已全部用于扣减以往年度应退回的稳岗返还资金，本次不拨付。`);
    return;
  }
  ctx.line({
    label: type === 'sme' && already > 0 ? `${year}年度中小微企业稳岗返还提高标准部分` : `${year}年度${typeLabel}`,
    amountFen: payFen,
    cite: C.amount[type],
    formula,
  });
}

type Check = (
  id: ConditionId,
  result: ConditionResult,
  cite: Citation,
  detail: string,
  missing?: string[],
) => ConditionResult;

function checkSmeEnterprise(f: Facts, C: ConditionCitations, check: Check): void {
  const cite = C.conditions.sme_enterprise;
  if (f.refundType !== 'sme') {
    // Cite the rule of the requested type (it covers 参保企业 of any size), not the later SME document.
    check(
      'sme_enterprise',
      'not_applicable',
      C.amount[f.refundType],
      '本类型返还不限企业规模；只有中小微企业提高标准要求中小微企业',
    );
  } else if (f.enterpriseSize === undefined) {
    check('sme_enterprise', 'missing', cite, '需按工信部联企业〔2011〕300号确定企业规模', ['facts.enterpriseSize']);
  } else {
    const label = ENTERPRISE_SIZE_LABELS[f.enterpriseSize];
    check(
      'sme_enterprise',
      f.enterpriseSize === 'large' ? 'fail' : 'pass',
      cite,
      f.enterpriseSize === 'large' ? `企业为${label}，不适用中小微企业提高标准` : `企业为${label}`,
    );
  }
}

function checkFundCapacity(
  ctx: DecisionContext,
  f: Facts,
  type: RefundType,
  rules: RuleSet,
  C: ConditionCitations,
  check: Check,
): void {
  const minMonths = ctx.param(type === 'difficult' ? fundCapacityDifficult : fundCapacityGeneral);
  const missing: string[] = [];
  if (f.fund?.rollingBalanceFen === undefined) missing.push('facts.fund.rollingBalanceFen');
  if (f.fund?.averageMonthlyExpenditureFen === undefined) missing.push('facts.fund.averageMonthlyExpenditureFen');
  const cite = C.capacity[type];
  if (
    missing.length > 0 ||
    f.fund?.rollingBalanceFen === undefined ||
    f.fund.averageMonthlyExpenditureFen === undefined
  ) {
    check(
      'fund_capacity',
      'missing',
      cite,
      `需统筹地区失业保险基金滚存结余与月均支出，以判断备付能力是否达到 ${minMonths} 个月`,
      missing,
    );
    return;
  }
  const { rollingBalanceFen: balance, averageMonthlyExpenditureFen: monthly } = f.fund;
  const ok = fundCapacitySufficient(balance, monthly, minMonths);
  const capacity = formatCapacity(fundCapacityMonthsTenths(balance, monthly));
  const stopRule = rules === 'shandong' ? '；不足的次月起停止执行' : '';
  check(
    'fund_capacity',
    ok ? 'pass' : 'fail',
    cite,
    `滚存结余 ${yuan(balance)} ÷ 月均支出 ${yuan(monthly)} = 备付能力 ${capacity}` +
      `（${ok ? '达到' : '不足'} ${minMonths} 个月${stopRule}）`,
  );
}

function checkIndustrialEnvironmental(f: Facts, C: ConditionCitations, check: Check): void {
  const cite = C.conditions.industrial_environmental_policy;
  if (f.industrialEnvironmentalCompliance === undefined) {
    check('industrial_environmental_policy', 'missing', cite, '可采用企业承诺方式（鲁人社字〔2020〕63号 二(一)3）', [
      'facts.industrialEnvironmentalCompliance',
    ]);
  } else {
    check(
      'industrial_environmental_policy',
      f.industrialEnvironmentalCompliance ? 'pass' : 'fail',
      cite,
      f.industrialEnvironmentalCompliance ? '符合（审核结果或企业承诺）' : '不符合国家及所在区域产业结构调整和环保政策',
    );
  }
}

function checkContributionMonths(ctx: DecisionContext, f: Facts, C: ConditionCitations, check: Check): void {
  const cite = C.conditions.contribution_months;
  const min = ctx.param(minContributionMonths);
  if (f.contributionMonths === undefined) {
    check('contribution_months', 'missing', cite, `需足额缴纳失业保险费月数（至少 ${min} 个月）`, [
      'facts.contributionMonths',
    ]);
    return;
  }
  const ok = f.contributionMonths >= min;
  check(
    'contribution_months',
    ok ? 'pass' : 'fail',
    cite,
    `足额缴费 ${f.contributionMonths} 个月（${ok ? '≥' : '<'} ${min} 个月）`,
  );
}

function checkLayoffRate(ctx: DecisionContext, f: Facts, priorYear: number, C: ConditionCitations, check: Check): void {
  const cite = C.conditions.layoff_rate;
  const missing: string[] = [];
  if (f.priorYearInsuredCount === undefined) missing.push('facts.priorYearInsuredCount');
  if (f.priorYearLayoffs === undefined) missing.push('facts.priorYearLayoffs');
  if (f.priorYearInsuredCount === undefined || f.priorYearLayoffs === undefined) {
    check('layoff_rate', 'missing', cite, `需${priorYear}年度参保职工人数与裁员人数`, missing);
    return;
  }
  const limit = ctx.param(layoffRateLimit);
  const small = ctx.param(smallEnterpriseLayoffLimit);
  const r = layoffRateWithinLimit(f.priorYearLayoffs, f.priorYearInsuredCount, limit, small);
  const facts = `${priorYear}年度裁员 ${f.priorYearLayoffs} 人，参保职工 ${f.priorYearInsuredCount} 人`;
  const detail =
    r.applied === 'none_laid_off'
      ? `${facts}：上年度未裁员`
      : r.applied === 'small_enterprise'
        ? `${facts}，裁员率 ${r.rateText}（${small.maxInsured}人（含）以下企业，${r.ok ? '不超过' : '超过'} ${formatRatio(small.limit)}）`
        : `${facts}，裁员率 ${r.rateText}（${r.ok ? '不高于' : '高于'} ${formatRatio(limit)}）`;
  check('layoff_rate', r.ok ? 'pass' : 'fail', cite, detail);
}

function checkExclusions(f: Facts, C: ConditionCitations, check: Check): void {
  const cite = C.conditions.not_excluded_enterprise;
  const flags = [
    ['zombieEnterprise', f.zombieEnterprise, '“僵尸企业”'],
    ['seriousIllegalDishonest', f.seriousIllegalDishonest, '严重违法失信企业'],
    ['bankruptcyWithDismissal', f.bankruptcyWithDismissal, '进入破产程序且与职工解除劳动关系的企业'],
  ] as const;
  const hits = flags.filter(([, v]) => v === true).map(([, , label]) => label);
  const missing = flags.filter(([, v]) => v === undefined).map(([key]) => `facts.${key}`);
  if (hits.length > 0) {
    check('not_excluded_enterprise', 'fail', cite, `企业属于${hits.join('、')}，不宜进行稳岗返还`);
  } else if (missing.length > 0) {
    check('not_excluded_enterprise', 'missing', cite, '需核实企业是否属于不宜返还的类型', missing);
  } else {
    check(
      'not_excluded_enterprise',
      'pass',
      cite,
      '不属于“僵尸企业”、严重违法失信企业，也未进入破产程序并解除劳动关系',
    );
  }
}

function checkDifficulty(
  ctx: DecisionContext,
  f: Facts,
  type: RefundType,
  shandong: boolean,
  C: ConditionCitations,
  check: Check,
): void {
  const numeric = ['losses_in_years', 'debt_ratio', 'revenue_drop'] as const;
  if (type !== 'difficult') {
    for (const id of numeric) check(id, 'not_applicable', C.conditions[id], '只适用于困难企业稳岗返还');
    check('difficulty_confirmed', 'not_applicable', C.conditions.difficulty_confirmed, '只适用于困难企业稳岗返还');
    return;
  }
  if (!shandong) {
    for (const id of numeric)
      check(
        id,
        'not_applicable',
        C.conditions[id],
        '昌州人社发〔2020〕15号未规定数值标准，由经办机构认定（见 difficulty_confirmed）',
      );
    if (f.difficultyConfirmed === undefined) {
      check('difficulty_confirmed', 'missing', C.conditions.difficulty_confirmed, '需经办机构认定后录入', [
        'facts.difficultyConfirmed',
      ]);
    } else {
      check(
        'difficulty_confirmed',
        f.difficultyConfirmed ? 'pass' : 'fail',
        C.conditions.difficulty_confirmed,
        f.difficultyConfirmed
          ? '经认定面临暂时性生产经营困难且恢复有望'
          : '经认定不属于暂时性生产经营困难且恢复有望的企业',
      );
    }
    return;
  }
  check(
    'difficulty_confirmed',
    'not_applicable',
    C.conditions.difficulty_confirmed,
    '山东以亏损、资产负债率、营业收入下降三项数值标准认定（见 losses_in_years、debt_ratio、revenue_drop）',
  );

  // Losses in every listed year.
  const years = ctx.param(difficultLossYears);
  const lossMissing = years
    .filter((y) => f.annualAccounts?.[String(y)]?.netProfitFen === undefined)
    .map((y) => `facts.annualAccounts.${y}.netProfitFen`);
  if (lossMissing.length > 0) {
    check('losses_in_years', 'missing', C.conditions.losses_in_years, `需${years.join('年、')}年度净利润`, lossMissing);
  } else {
    const profits = years.map((y) => f.annualAccounts?.[String(y)]?.netProfitFen ?? 0);
    const ok = lossInEveryYear(profits);
    check(
      'losses_in_years',
      ok ? 'pass' : 'fail',
      C.conditions.losses_in_years,
      years.map((y, i) => `${y}年净利润 ${yuan(profits[i]!)}${profits[i]! < 0 ? '（亏损）' : '（未亏损）'}`).join('，'),
    );
  }

  // Debt ratio.
  const range = ctx.param(difficultDebtRatio);
  const rangeText = `${formatRatio(range.min)}至${formatRatio(range.max)}`;
  const assets = f.balanceSheet?.totalAssetsFen;
  const liabilities = f.balanceSheet?.totalLiabilitiesFen;
  if (assets === undefined || liabilities === undefined) {
    const missing = [
      ...(assets === undefined ? ['facts.balanceSheet.totalAssetsFen'] : []),
      ...(liabilities === undefined ? ['facts.balanceSheet.totalLiabilitiesFen'] : []),
    ];
    check('debt_ratio', 'missing', C.conditions.debt_ratio, '需上年末资产总额与负债总额', missing);
  } else {
    const ok = debtRatioWithin(assets, liabilities, range);
    check(
      'debt_ratio',
      ok ? 'pass' : 'fail',
      C.conditions.debt_ratio,
      assets > 0
        ? `负债 ${yuan(liabilities)} ÷ 资产 ${yuan(assets)} = 资产负债率 ${debtRatioText(assets, liabilities)}（${ok ? '在' : '不在'} ${rangeText} 范围内）`
        : '资产总额为0，无法计算资产负债率',
    );
  }

  // Revenue drop.
  const drop = ctx.param(difficultRevenueDrop);
  const base = f.annualAccounts?.[String(drop.baseYear)]?.revenueFen;
  const current = f.annualAccounts?.[String(drop.year)]?.revenueFen;
  if (base === undefined || current === undefined) {
    const missing = [
      ...(base === undefined ? [`facts.annualAccounts.${drop.baseYear}.revenueFen`] : []),
      ...(current === undefined ? [`facts.annualAccounts.${drop.year}.revenueFen`] : []),
    ];
    check(
      'revenue_drop',
      'missing',
      C.conditions.revenue_drop,
      `需${drop.baseYear}年、${drop.year}年营业收入`,
      missing,
    );
  } else {
    const ok = revenueDropWithin(base, current, drop.range);
    const dropRange = `${formatRatio(drop.range.min)}至${formatRatio(drop.range.max)}`;
    check(
      'revenue_drop',
      ok ? 'pass' : 'fail',
      C.conditions.revenue_drop,
      base > 0
        ? `${drop.year}年营业收入 ${yuan(current)}，${drop.baseYear}年 ${yuan(base)}，同比下降 ${revenueDropText(base, current)}（${ok ? '在' : '不在'} ${dropRange} 范围内）`
        : `${drop.baseYear}年营业收入为0，无法计算同比下降幅度`,
    );
  }
}

interface Entitlement {
  fen?: number;
  formula: string;
  missing: string[];
}

function entitlement(ctx: DecisionContext, f: Facts, type: RefundType, rules: RuleSet, priorYear: number): Entitlement {
  if (type !== 'difficult') {
    const unit = f.priorYearContributions?.unitFen;
    const employees = f.priorYearContributions?.employeesFen;
    const missing = [
      ...(unit === undefined ? ['facts.priorYearContributions.unitFen'] : []),
      ...(employees === undefined ? ['facts.priorYearContributions.employeesFen'] : []),
    ];
    if (unit === undefined || employees === undefined) return { formula: '', missing };
    const rate = ctx.param(type === 'sme' ? smeRefundRate : generalRefundRate);
    const base = priorYearContributionBase(unit, employees);
    const fen = refundAmountGeneral(base, rate);
    return {
      fen,
      missing,
      formula:
        `${priorYear}年度单位缴纳 ${yuan(unit)} + 职工缴纳 ${yuan(employees)} = ${yuan(base)}` +
        ` × ${formatRatio(rate)} = ${yuan(fen)}（四舍五入到分）`,
    };
  }

  const bases = ctx.param(difficultAmountBases);
  let basis = bases[0]!;
  if (bases.length > 1) {
    if (f.difficultAmountBasis === undefined) return { formula: '', missing: ['facts.difficultAmountBasis'] };
    basis = f.difficultAmountBasis;
  } else if (f.difficultAmountBasis !== undefined && f.difficultAmountBasis !== basis) {
    ctx.note(`本地区困难企业稳岗返还只按月失业保险金标准计算，未采用录入的确定方式 ${f.difficultAmountBasis}。`);
  }

  if (basis === 'social_insurance') {
    const months = ctx.param(difficultSocialInsuranceMonths);
    const monthly = f.monthlySocialInsuranceDueFen;
    if (monthly === undefined) return { formula: '', missing: ['facts.monthlySocialInsuranceDueFen'] };
    const fen = refundAmountBySocialInsurance(months, monthly);
    return {
      fen,
      missing: [],
      formula: `企业及其职工月应缴纳社会保险费 ${yuan(monthly)} × ${months} 个月 = ${yuan(fen)}`,
    };
  }

  const months = ctx.param(difficultBenefitMonths);
  const standard = ctx.paramOrUndefined(unemploymentBenefitStandard);
  const missing: string[] = [];
  let benefit: number | undefined;
  let benefitSource: string;
  if (typeof standard === 'number') {
    benefit = standard;
    benefitSource = '（文件规定的本地标准）';
    if (f.unemploymentBenefitMonthlyFen !== undefined && f.unemploymentBenefitMonthlyFen !== standard) {
      ctx.note(
        `录入的月失业保险金 ${yuan(f.unemploymentBenefitMonthlyFen)} 与文件规定的本地标准 ${yuan(standard)} 不同，按文件标准计算。`,
      );
    }
  } else {
    benefit = f.unemploymentBenefitMonthlyFen;
    benefitSource = '（调用方录入，文件未给出数额）';
    if (benefit === undefined) missing.push('facts.unemploymentBenefitMonthlyFen');
  }
  if (f.insuredEmployees === undefined) missing.push('facts.insuredEmployees');
  if (benefit === undefined || f.insuredEmployees === undefined) return { formula: '', missing };
  const fen = refundAmountDifficult(months, benefit, f.insuredEmployees);
  const term = rules === 'changji' ? '当地月人均失业保险金' : `${priorYear}年末参保地月失业保险金标准`;
  return {
    fen,
    missing,
    formula: `${term} ${yuan(benefit)}${benefitSource} × ${months} 个月 × 参保职工 ${f.insuredEmployees} 人 = ${yuan(fen)}`,
  };
}

/** A general-refund claim by an SME while the raised standard is in force: point it out. */
function noteSmeChoice(ctx: DecisionContext, f: Facts, type: RefundType): void {
  if (type !== 'general' || f.enterpriseSize === undefined || f.enterpriseSize === 'large') return;
  const smeWindow = ctx.paramOrUndefined(smePeriod);
  if (smeWindow !== undefined && periodWithin(ctx.period, smeWindow)) {
    ctx.note('企业为中小微企业，本期间可按中小微企业稳岗返还（提高标准，refundType = sme）申请，返还比例更高。');
  }
}

/**
 * The citation for a refusal when no document of the region is known yet on the decision date.
 * Only picks which document to show: the rule-set value whose region code is a GB/T 2260 prefix of
 * the request's region (370000 → 37…, 652300 → 6523…).
 */
function fallbackCitation(region: string): Citation {
  const match = ruleSet.values.find((v) => region.startsWith(v.region.replace(/0+$/, '')));
  return (match ?? ruleSet.values[0]!).cite;
}
