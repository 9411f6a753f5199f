/**
 * 稳岗返还 screened set-wise for Shandong (鲁人社字〔2020〕26号, 63号): for every unit of a county, the
 * three refund types — 一般企业 (50 % of the previous year's unit + employee contributions),
 * 中小微企业 (100 %, paying only the raise over what was refunded this year), 困难企业 (months ×
 * the county's monthly unemployment-benefit standard × insured staff) — each with every condition
 * of the programme: fund capacity of the pooling area, industrial/environmental policy, 12 months
 * of full contributions, the layoff rate computed from the spells (≤ 5.5 %, or ≤ 20 % for 30 (含)
 * insured or fewer), the excluded units, one refund type a year, losses, debt ratio and revenue drop
 * for the difficult type, and the deduction of refunds owed from earlier years. A unit eligible for
 * several types is listed once, with the largest refund (the enterprise confirms it).
 *
 * Figures taken from the data (documented in docs/data-import.md): 上年度参保职工人数 = persons
 * insured by the unit at any time in the previous year; 裁员人数 = those whose spell ended in that year
 * for a reason that counts as a layoff; 参保职工人数 for the difficult type = insured in December of
 * the previous year; the fund position is the latest monthly monitoring before the decision month
 * of the nearest region (county, else its pooling area) that has one.
 */
import type { Queryable } from '@wengang/db';
import { ancestorsOf } from '@wengang/kernel';
import { NOT_LAYOFF_REASONS } from '../import/layouts';
import {
  caseStands,
  conditionCatalogue,
  programmeDefinition,
  REJECTED_CASE_KEYS,
  resolveAll,
  valueOf,
  yuan,
  type ConditionInfo,
  type FundPosition,
} from './common';
import { covers, spellsOf, unitClaims, unitRow } from './rows';
import { payabilitySql } from './units';
import type { ExplainedCondition, RunInfo, RunParameters, ScreeningProgramme } from './types';

const ID = 'stable-post-refund';
const TYPES = ['general', 'sme', 'difficult'] as const;
type RefundType = (typeof TYPES)[number];
const TYPE_LABELS: Record<RefundType, string> = {
  general: '一般企业稳岗返还',
  sme: '中小微企业稳岗返还（提高标准）',
  difficult: '困难企业稳岗返还',
};

interface Ratio {
  num: number;
  den: number;
}
interface Range {
  min: Ratio;
  max: Ratio;
}
interface DateWindow {
  from: string;
  until: string;
}

const P = {
  ruleSet: 'stable-post-refund.rule_set',
  period: {
    general: 'stable-post-refund.general_period',
    sme: 'stable-post-refund.sme_period',
    difficult: 'stable-post-refund.difficult_period',
  },
  generalRate: 'stable-post-refund.general_refund_rate',
  smeRate: 'stable-post-refund.sme_refund_rate',
  capacityGeneral: 'stable-post-refund.fund_capacity_months_general',
  capacityDifficult: 'stable-post-refund.fund_capacity_months_difficult',
  minMonths: 'stable-post-refund.min_contribution_months',
  layoffLimit: 'stable-post-refund.layoff_rate_limit',
  smallLimit: 'stable-post-refund.small_enterprise_layoff_limit',
  benefitMonths: 'stable-post-refund.difficult_benefit_months',
  benefitStandard: 'stable-post-refund.unemployment_benefit_monthly_standard',
  bases: 'stable-post-refund.difficult_amount_bases',
  lossYears: 'stable-post-refund.difficult_loss_years',
  debtRatio: 'stable-post-refund.difficult_debt_ratio_range',
  revenueDrop: 'stable-post-refund.difficult_revenue_drop',
} as const;

/**
 * A finding's figures (screening_findings.figures), by position: what each condition and the amount
 * were decided on. `factsSql` rebuilds the object the explanation reads from them.
 */
const FIGURES = [
  'refundYear',
  'priorYear',
  'size',
  'unitFen',
  'employeesFen',
  'months',
  'insured',
  'layoffs',
  'december',
  'generalPaid',
  'difficultPaid',
  'owed',
  'assets',
  'liabilities',
  'revenue',
  'baseRevenue',
  'benefitMonthlyFen',
] as const;
const SIZES = ['large', 'medium', 'small', 'micro'] as const;
/** SQL on insured_units (as u): the size class as its figure (1 large … 4 micro, NULL unknown). */
const SIZE_CODE_SQL = `CASE u.size_class ${SIZES.map((c, i) => `WHEN '${c}' THEN ${i + 1}`).join(' ')} END`;
const figure = (name: (typeof FIGURES)[number]) => `f.figures[${FIGURES.indexOf(name) + 1}]`;
/** Positions of entitled, due and pay per refund type, after the named figures. */
const typeFigure = (type: RefundType, i: 0 | 1 | 2) => `f.figures[${FIGURES.length + 1 + TYPES.indexOf(type) * 3 + i}]`;
const FACTS_SQL = `jsonb_build_object(${FIGURES.map(
  (name) =>
    `'${name}', ${
      name === 'size'
        ? `CASE ${figure('size')} ${SIZES.map((c, i) => `WHEN ${i + 1} THEN '${c}'`).join(' ')} END`
        : figure(name)
    }`,
).join(', ')},
  'types', jsonb_build_object(${TYPES.map(
    (t) =>
      `'${t}', jsonb_build_object('entitled', ${typeFigure(t, 0)}, 'due', ${typeFigure(t, 1)}, 'pay', ${typeFigure(t, 2)})`,
  ).join(', ')})) || f.facts`;

/** The pooling area's fund position the stop rules read: latest month before the decision month. */
export async function fundPosition(q: Queryable, region: string, decisionDate: string): Promise<FundPosition | null> {
  const chain = [region, ...ancestorsOf(region).filter((c) => c !== region)];
  const { rows } = await q.query<{
    region_code: string;
    month: string;
    balance_fen: number;
    avg_monthly_expenditure_fen: number;
  }>(
    `SELECT region_code, month, balance_fen, avg_monthly_expenditure_fen FROM fund_monitoring
      WHERE region_code = ANY($1::text[]) AND fund = 'unemployment_insurance' AND month < $2
      ORDER BY array_position($1::text[], region_code::text), month DESC LIMIT 1`,
    [chain, decisionDate.slice(0, 7)],
  );
  const r = rows[0];
  return r
    ? {
        regionCode: r.region_code,
        month: r.month,
        balanceFen: r.balance_fen,
        avgMonthlyExpenditureFen: r.avg_monthly_expenditure_fen,
      }
    : null;
}

/** 上年末参保地月失业保险金标准 from the imported standards (the county's, else the nearest ancestor's). */
export async function benefitStandard(q: Queryable, region: string, year: number): Promise<number | null> {
  const chain = [region, ...ancestorsOf(region).filter((c) => c !== region)];
  const { rows } = await q.query<{ monthly_fen: number }>(
    `SELECT monthly_fen FROM ui_benefit_standards WHERE region_code = ANY($1::text[]) AND year = $2
      ORDER BY array_position($1::text[], region_code::text) LIMIT 1`,
    [chain, year],
  );
  return rows[0]?.monthly_fen ?? null;
}

/** `balance ≥ min × monthly` (always true when nothing is spent), as the programme's rule. */
function capacityOk(fund: FundPosition | null, minMonths: number | undefined): boolean {
  if (!fund || minMonths === undefined) return false;
  if (fund.avgMonthlyExpenditureFen <= 0) return fund.balanceFen >= 0;
  return BigInt(fund.balanceFen) >= BigInt(minMonths) * BigInt(fund.avgMonthlyExpenditureFen);
}

interface Values {
  year: number;
  open: Record<RefundType, boolean>;
  generalRate: Ratio;
  smeRate: Ratio;
  minMonths: number;
  layoffLimit: Ratio;
  smallLimit: { maxInsured: number; limit: Ratio };
  benefitMonths: number | null;
  benefitStandardParam: number | null;
  lossYears: readonly number[];
  debtRatio: Range;
  revenueDrop: { year: number; baseYear: number; range: Range };
}

function values(run: RunInfo, region: string): Values | undefined {
  const r = run.parameters.byRegion[region];
  const extra = run.parameters.extra as { open?: Record<string, Record<RefundType, boolean>> };
  if (!r) return undefined;
  // Parameters every type needs; a type whose own parameters are not (yet) in force stays closed.
  const common = {
    generalRate: valueOf<Ratio>(r, P.generalRate),
    minMonths: valueOf<number>(r, P.minMonths),
    layoffLimit: valueOf<Ratio>(r, P.layoffLimit),
    smallLimit: valueOf<{ maxInsured: number; limit: Ratio }>(r, P.smallLimit),
  };
  if (Object.values(common).some((x) => x === undefined)) return undefined;
  const smeRate = valueOf<Ratio>(r, P.smeRate);
  const lossYears = valueOf<readonly number[]>(r, P.lossYears);
  const debtRatio = valueOf<Range>(r, P.debtRatio);
  const revenueDrop = valueOf<{ year: number; baseYear: number; range: Range }>(r, P.revenueDrop);
  const standard = valueOf<number | null>(r, P.benefitStandard);
  const bases = valueOf<readonly string[]>(r, P.bases) ?? [];
  // Only the monthly-benefit basis can be screened (Changji's alternative needs an officer's choice).
  const benefitMonths = bases.includes('unemployment_benefit') ? (valueOf<number>(r, P.benefitMonths) ?? null) : null;
  const open = extra.open?.[region] ?? { general: false, sme: false, difficult: false };
  const difficultKnown =
    lossYears !== undefined && debtRatio !== undefined && revenueDrop !== undefined && benefitMonths !== null;
  const never: Range = { min: { num: 1, den: 1 }, max: { num: 0, den: 1 } };
  return {
    year: Number(run.periodFrom.slice(0, 4)),
    open: {
      general: open.general,
      sme: open.sme && smeRate !== undefined,
      difficult: open.difficult && difficultKnown,
    },
    generalRate: common.generalRate!,
    smeRate: smeRate ?? { num: 0, den: 1 },
    minMonths: common.minMonths!,
    layoffLimit: common.layoffLimit!,
    smallLimit: common.smallLimit!,
    benefitMonths,
    benefitStandardParam: typeof standard === 'number' ? standard : null,
    lossYears: lossYears ?? [],
    debtRatio: debtRatio ?? never,
    revenueDrop: revenueDrop ?? { year: 0, baseYear: 0, range: never },
  };
}

function probeFacts(type: RefundType, resolved: Record<string, unknown>): unknown {
  const lossYears = (resolved[P.lossYears] as readonly number[] | undefined) ?? [2018, 2019];
  const drop = (resolved[P.revenueDrop] as { year: number; baseYear: number } | undefined) ?? {
    year: 2019,
    baseYear: 2018,
  };
  const accounts: Record<string, { netProfitFen: number; revenueFen: number }> = {};
  for (const y of [...lossYears, drop.year, drop.baseYear])
    accounts[String(y)] = { netProfitFen: -1, revenueFen: y === drop.baseYear ? 100 : 50 };
  return {
    refundType: type,
    enterpriseSize: 'small',
    priorYearContributions: { unitFen: 1000, employeesFen: 500 },
    contributionMonths: 24,
    priorYearInsuredCount: 10,
    priorYearLayoffs: 0,
    industrialEnvironmentalCompliance: true,
    zombieEnterprise: false,
    seriousIllegalDishonest: false,
    bankruptcyWithDismissal: false,
    fund: { rollingBalanceFen: 1_000_000, averageMonthlyExpenditureFen: 1 },
    refundsThisYear: [],
    unreturnedRefundsOwedFen: 0,
    insuredEmployees: 10,
    unemploymentBenefitMonthlyFen: 100_000,
    annualAccounts: accounts,
    balanceSheet: { totalAssetsFen: 100, totalLiabilitiesFen: 50 },
  };
}

export const stablePostRefund: ScreeningProgramme = {
  id: ID,
  name: '稳岗返还',
  factsSql: FACTS_SQL,

  async plan(q, run, chunks) {
    const programme = programmeDefinition(ID);
    const period = { from: run.periodFrom, until: run.periodUntil };
    const byRegion = Object.fromEntries(
      chunks.map((c) => [c, resolveAll(programme, c, run.periodFrom, run.decisionDate)]),
    );
    const notes: string[] = [];
    const year = Number(run.periodFrom.slice(0, 4));
    if (run.periodFrom.slice(0, 4) !== run.periodUntil.slice(0, 4)) notes.push('期间应在同一返还年度内');
    const open: Record<string, Record<RefundType, boolean>> = {};
    const fund: Record<string, FundPosition | null> = {};
    const benefit: Record<string, number | null> = {};
    for (const c of chunks) {
      const r = byRegion[c]!;
      if (valueOf<string>(r, P.ruleSet) !== 'shandong') {
        notes.push(`${c}：只有山东（鲁人社字〔2020〕26号）的稳岗返还条件可由数据筛查；昌吉州须经办机构审核基本条件`);
        open[c] = { general: false, sme: false, difficult: false };
        continue;
      }
      fund[c] = await fundPosition(q, c, run.decisionDate);
      benefit[c] = await benefitStandard(q, c, year - 1);
      const within = (t: RefundType) => {
        const w = valueOf<DateWindow>(r, P.period[t]);
        return w !== undefined && period.from >= w.from && period.until <= w.until;
      };
      open[c] = {
        general: within('general') && capacityOk(fund[c], valueOf<number>(r, P.capacityGeneral)),
        sme: within('sme') && capacityOk(fund[c], valueOf<number>(r, P.capacityGeneral)),
        difficult: within('difficult') && capacityOk(fund[c], valueOf<number>(r, P.capacityDifficult)),
      };
    }
    const probeRegion = chunks.find((c) => valueOf<string>(byRegion[c]!, P.ruleSet) === 'shandong') ?? chunks[0];
    const conditions: Record<string, ConditionInfo> = {};
    if (probeRegion) {
      const resolved = Object.fromEntries(Object.entries(byRegion[probeRegion]!).map(([k, v]) => [k, v.value]));
      for (const t of TYPES) {
        const catalogue = conditionCatalogue(programme, probeRegion, period, run.decisionDate, [
          probeFacts(t, resolved),
        ]);
        for (const [id, info] of Object.entries(catalogue)) conditions[`${t}.${id}`] = info;
      }
    }
    if (!Object.values(open).some((o) => o.general || o.sme || o.difficult) && notes.length === 0) {
      notes.push(
        '各类稳岗返还在本期间均未在执行期内，或统筹地区失业保险基金备付能力不足/无监测数据，本次筛查不产生名单',
      );
    }
    return { byRegion, conditions, notes, extra: { open, fund, benefit } } satisfies RunParameters;
  },

  async screenChunk(q, run, region) {
    const v = values(run, region);
    if (!v || !(v.open.general || v.open.sme || v.open.difficult)) return { found: 0, fen: 0 };
    const py = v.year - 1;
    const extra = run.parameters.extra as { benefit: Record<string, number | null> };
    const benefit = v.benefitStandardParam ?? extra.benefit[region] ?? null;
    const params: unknown[] = [
      region, // 1
      run.id, // 2
      py, // 3
      v.year, // 4
      `${py}-01-01`, // 5
      `${py}-12-01`, // 6
      NOT_LAYOFF_REASONS, // 7
      REJECTED_CASE_KEYS, // 8
      v.minMonths, // 9
      v.layoffLimit.num, // 10
      v.layoffLimit.den, // 11
      v.smallLimit.maxInsured, // 12
      v.smallLimit.limit.num, // 13
      v.smallLimit.limit.den, // 14
      v.generalRate.num, // 15
      v.generalRate.den, // 16
      v.smeRate.num, // 17
      v.smeRate.den, // 18
      v.benefitMonths, // 19
      benefit, // 20
      v.lossYears, // 21
      v.debtRatio.min.num, // 22
      v.debtRatio.min.den, // 23
      v.debtRatio.max.num, // 24
      v.debtRatio.max.den, // 25
      v.revenueDrop.year, // 26
      v.revenueDrop.baseYear, // 27
      v.revenueDrop.range.min.num, // 28
      v.revenueDrop.range.min.den, // 29
      v.revenueDrop.range.max.num, // 30
      v.revenueDrop.range.max.den, // 31
      v.open.general, // 32
      v.open.sme, // 33
      v.open.difficult, // 34
      ID, // 35
    ];
    const { rows } = await q.query<{ found: number; fen: number }>(
      `WITH u AS (SELECT * FROM insured_units WHERE region_code = $1),
       contrib AS (
         SELECT credit_code,
                coalesce(sum(unit_paid_fen) FILTER (WHERE year = $3), 0)::bigint AS unit_fen,
                coalesce(sum(employees_paid_fen) FILTER (WHERE year = $3), 0)::bigint AS emp_fen,
                coalesce(sum(months_paid) FILTER (WHERE year <= $3), 0)::int AS months
           FROM ui_unit_contributions WHERE region_code = $1 GROUP BY credit_code),
       per_person AS (
         SELECT credit_code, person_id,
                bool_or(to_month BETWEEN $5::date AND $6::date AND end_reason <> ALL($7::text[])) AS laid_off,
                bool_or(from_month <= $6::date AND (to_month IS NULL OR to_month >= $6::date)) AS in_december
           FROM ui_spells
          WHERE region_code = $1 AND from_month <= $6::date AND (to_month IS NULL OR to_month >= $5::date)
          GROUP BY credit_code, person_id),
       staff AS (
         SELECT credit_code, count(*)::int AS insured, count(*) FILTER (WHERE laid_off)::int AS layoffs,
                count(*) FILTER (WHERE in_december)::int AS december
           FROM per_person GROUP BY credit_code),
       acc AS (
         SELECT credit_code,
                count(*) FILTER (WHERE year = ANY($21::int[]))::int AS loss_rows,
                coalesce(bool_and(net_profit_fen < 0) FILTER (WHERE year = ANY($21::int[])), false) AS losses,
                max(total_assets_fen) FILTER (WHERE year = $3) AS assets,
                max(total_liabilities_fen) FILTER (WHERE year = $3) AS liabilities,
                max(revenue_fen) FILTER (WHERE year = $26) AS revenue,
                max(revenue_fen) FILTER (WHERE year = $27) AS base_revenue
           FROM unit_annual_accounts WHERE region_code = $1 GROUP BY credit_code),
       claims AS (
         SELECT b.credit_code, b.variant, b.amount_fen, b.kind, b.year
           FROM benefit_records b JOIN u ON u.region_code = b.region_code AND u.credit_code = b.credit_code
          WHERE b.region_code = $1 AND b.programme = $35 AND b.person_id = ''
         UNION ALL
         SELECT e.credit_code, coalesce(c.variant, ''), c.amount_fen, 'paid',
                coalesce(left(c.claim_month, 4), left(c.request->'period'->>'from', 4))::int
           FROM review_cases c JOIN enterprises e ON e.id = c.enterprise_id JOIN u ON u.credit_code = e.credit_code
          WHERE c.programme = $35 AND ${caseStands('$8')}),
       cl AS (
         SELECT credit_code,
                coalesce(sum(amount_fen) FILTER (WHERE kind = 'paid' AND year = $4 AND variant IN ('general', 'sme')), 0)::bigint AS general_paid,
                coalesce(sum(amount_fen) FILTER (WHERE kind = 'paid' AND year = $4 AND variant = 'difficult'), 0)::bigint AS difficult_paid,
                count(*) FILTER (WHERE kind = 'paid' AND year = $4 AND variant IN ('general', 'sme'))::int AS general_n,
                count(*) FILTER (WHERE kind = 'paid' AND year = $4 AND variant = 'difficult')::int AS difficult_n,
                coalesce(sum(amount_fen) FILTER (WHERE kind = 'owed'), 0)::bigint AS owed
           FROM claims GROUP BY credit_code),
       base AS (
         SELECT u.region_code, u.credit_code, u.name, u.size_class, u.status, u.basic_account_no, u.tax_account_no,
                coalesce(c.unit_fen, 0) AS unit_fen, coalesce(c.emp_fen, 0) AS emp_fen, coalesce(c.months, 0) AS months,
                coalesce(s.insured, 0) AS insured, coalesce(s.layoffs, 0) AS layoffs, coalesce(s.december, 0) AS december,
                coalesce(a.loss_rows, 0) AS loss_rows, coalesce(a.losses, false) AS losses, a.assets, a.liabilities,
                a.revenue, a.base_revenue,
                coalesce(cl.general_paid, 0) AS general_paid, coalesce(cl.difficult_paid, 0) AS difficult_paid,
                coalesce(cl.general_n, 0) AS general_n, coalesce(cl.difficult_n, 0) AS difficult_n, coalesce(cl.owed, 0) AS owed,
                NOT u.policy_violation AND NOT (u.zombie OR u.dishonest OR u.bankruptcy) AND coalesce(c.months, 0) >= $9 AS basic_ok
           FROM u LEFT JOIN contrib c ON c.credit_code = u.credit_code LEFT JOIN staff s ON s.credit_code = u.credit_code
           LEFT JOIN acc a ON a.credit_code = u.credit_code LEFT JOIN cl ON cl.credit_code = u.credit_code),
       judged AS MATERIALIZED (
         -- exact integer arithmetic (products stay far below 2^63): no rounding but the documents' own
         SELECT b.*,
                (b.layoffs = 0 OR (b.insured > 0 AND (
                   (b.insured <= $12 AND (b.layoffs::bigint * $14 <= b.insured::bigint * $13 OR b.layoffs::bigint * $11 <= b.insured::bigint * $10))
                   OR (b.insured > $12 AND b.layoffs::bigint * $11 <= b.insured::bigint * $10)))) AS layoff_ok,
                ((b.unit_fen + b.emp_fen) * $15 * 2 + $16) / (2 * $16::bigint) AS general_entitled,
                ((b.unit_fen + b.emp_fen) * $17 * 2 + $18) / (2 * $18::bigint) AS sme_entitled,
                $19::bigint * $20::bigint * b.december AS difficult_entitled,
                (b.loss_rows = cardinality($21::int[]) AND b.losses) AS losses_ok,
                (b.assets IS NOT NULL AND b.assets > 0 AND b.liabilities * $23 >= b.assets * $22
                   AND b.liabilities * $25 <= b.assets * $24) AS debt_ok,
                (b.base_revenue IS NOT NULL AND b.revenue IS NOT NULL AND b.base_revenue > 0
                   AND (b.base_revenue - b.revenue) * $29 >= b.base_revenue * $28
                   AND (b.base_revenue - b.revenue) * $31 <= b.base_revenue * $30) AS drop_ok
           FROM base b),
       due AS (
         SELECT j.*,
                greatest(0, j.general_entitled - j.general_paid) AS general_due,
                greatest(0, j.sme_entitled - j.general_paid) AS sme_due,
                greatest(0, coalesce(j.difficult_entitled, 0) - j.difficult_paid) AS difficult_due
           FROM judged j),
       pay AS MATERIALIZED (
         SELECT d.*,
                CASE WHEN $32::boolean AND d.basic_ok AND d.layoff_ok AND d.difficult_n = 0
                     THEN d.general_due - least(d.general_due, d.owed) ELSE 0 END AS general_pay,
                CASE WHEN $33::boolean AND d.basic_ok AND d.layoff_ok AND d.difficult_n = 0 AND d.size_class IN ('medium', 'small', 'micro')
                     THEN d.sme_due - least(d.sme_due, d.owed) ELSE 0 END AS sme_pay,
                CASE WHEN $34::boolean AND d.basic_ok AND d.layoff_ok AND d.general_n = 0 AND d.losses_ok AND d.debt_ok AND d.drop_ok
                          AND d.difficult_entitled IS NOT NULL
                     THEN d.difficult_due - least(d.difficult_due, d.owed) ELSE 0 END AS difficult_pay
           FROM due d),
       chosen AS (
         SELECT p.*,
                CASE WHEN p.sme_pay > 0 AND p.sme_pay >= p.general_pay AND p.sme_pay >= p.difficult_pay THEN 'sme'
                     WHEN p.general_pay > 0 AND p.general_pay >= p.difficult_pay THEN 'general'
                     WHEN p.difficult_pay > 0 THEN 'difficult' END AS variant
           FROM pay p),
       found AS (
         INSERT INTO screening_findings (region_code, run_id, credit_code, programme, variant, unit_name, amount_fen, headcount,
                                         person_ids, facts, figures, status, queue_reason)
         SELECT u.region_code, $2::uuid, u.credit_code, $35, u.variant, u.name,
                CASE u.variant WHEN 'sme' THEN u.sme_pay WHEN 'general' THEN u.general_pay ELSE u.difficult_pay END,
                u.december, '{}', '{}',
                -- FIGURES, then entitled, due and pay of each of TYPES
                ARRAY[$4::bigint, $3::bigint, ${SIZE_CODE_SQL}, u.unit_fen, u.emp_fen, u.months, u.insured, u.layoffs, u.december,
                      u.general_paid, u.difficult_paid, u.owed, u.assets, u.liabilities, u.revenue, u.base_revenue, $20::bigint,
                      u.general_entitled, u.general_due, u.general_pay, u.sme_entitled, u.sme_due, u.sme_pay,
                      u.difficult_entitled, u.difficult_due, u.difficult_pay],
                CASE WHEN ${payabilitySql('basic_first')} IS NULL THEN 'payable' ELSE 'queued' END,
                ${payabilitySql('basic_first')}
           FROM chosen u
          WHERE u.variant IS NOT NULL
         ON CONFLICT (region_code, run_id, credit_code) DO NOTHING
         RETURNING amount_fen)
       SELECT count(*)::int AS found, coalesce(sum(amount_fen), 0)::bigint AS fen FROM found`,
      params,
    );
    return rows[0]!;
  },

  explain(run, finding) {
    const v = values(run, finding.regionCode)!;
    const f = finding.facts as Record<string, number | string | null> & {
      types: Record<RefundType, { entitled: number | null; due: number; pay: number }>;
    };
    const type = finding.variant as RefundType;
    const extra = run.parameters.extra as { fund: Record<string, FundPosition | null> };
    const fund = extra.fund[finding.regionCode]!;
    const c = run.parameters.conditions;
    const cond = (id: string, result: ExplainedCondition['result'], detail: string): ExplainedCondition => ({
      id,
      label: c[`${type}.${id}`]?.label ?? id,
      cite: c[`${type}.${id}`]!.cite,
      result,
      detail,
    });
    const py = f.priorYear as number;
    const pct = (r: Ratio) => `${(r.num * 100) / r.den}%`;
    const conditions: ExplainedCondition[] = [
      cond('policy_period', 'pass', `申领期间 ${run.periodFrom} 至 ${run.periodUntil} 在${TYPE_LABELS[type]}执行期内`),
      cond(
        'sme_enterprise',
        type === 'sme' ? 'pass' : 'not_applicable',
        type === 'sme' ? `企业规模：${f.size}` : '本类型返还不限企业规模',
      ),
      cond(
        'fund_capacity',
        'pass',
        `${fund.regionCode} ${fund.month} 滚存结余 ${yuan(fund.balanceFen)} ÷ 月均支出 ${yuan(fund.avgMonthlyExpenditureFen)}（达到实施条件）`,
      ),
      cond('industrial_environmental_policy', 'pass', '不在不符合产业结构调整和环保政策名单中（企业确认时承诺）'),
      cond('contribution_months', 'pass', `足额缴费 ${f.months} 个月（≥ ${v.minMonths} 个月）`),
      cond(
        'layoff_rate',
        'pass',
        `${py}年度裁员 ${f.layoffs} 人，参保职工 ${f.insured} 人` +
          ((f.insured as number) <= v.smallLimit.maxInsured
            ? `（${v.smallLimit.maxInsured}人（含）以下：不超过 ${pct(v.smallLimit.limit)}）`
            : `（不高于 ${pct(v.layoffLimit)}）`),
      ),
      cond('not_excluded_enterprise', 'pass', '不属于“僵尸企业”、严重违法失信企业，也未进入破产程序并解除劳动关系'),
      cond('one_refund_type_per_year', 'pass', `${f.refundYear}年度未享受其他种类的稳岗返还`),
    ];
    if (type === 'difficult') {
      conditions.push(
        cond('losses_in_years', 'pass', `${v.lossYears.join('年、')}年均亏损`),
        cond(
          'debt_ratio',
          'pass',
          `负债 ${yuan(f.liabilities as number)} ÷ 资产 ${yuan(f.assets as number)}（在 ${pct(v.debtRatio.min)}至${pct(v.debtRatio.max)} 范围内）`,
        ),
        cond(
          'revenue_drop',
          'pass',
          `${v.revenueDrop.year}年营业收入 ${yuan(f.revenue as number)}，${v.revenueDrop.baseYear}年 ${yuan(f.baseRevenue as number)}（同比下降在 ${pct(v.revenueDrop.range.min)}至${pct(v.revenueDrop.range.max)} 范围内）`,
        ),
      );
    }
    const t = f.types[type];
    const already = type === 'difficult' ? (f.difficultPaid as number) : (f.generalPaid as number);
    conditions.push(
      cond(
        'amount_outstanding',
        'pass',
        `应返还 ${yuan(t.entitled ?? 0)}${already > 0 ? `，本年度已返还 ${yuan(already)}，尚应补发 ${yuan(t.due)}` : ''}`,
      ),
    );
    const base = (f.unitFen as number) + (f.employeesFen as number);
    const formula =
      type === 'difficult'
        ? `${py}年末参保地月失业保险金标准 ${yuan(f.benefitMonthlyFen as number)} × ${v.benefitMonths} 个月 × 参保职工 ${f.december} 人 = ${yuan(t.entitled ?? 0)}`
        : `${py}年度单位缴纳 ${yuan(f.unitFen as number)} + 职工缴纳 ${yuan(f.employeesFen as number)} = ${yuan(base)} × ${pct(type === 'sme' ? v.smeRate : v.generalRate)} = ${yuan(t.entitled ?? 0)}（四舍五入到分）`;
    const notes = [
      `同一企业同一年度只能按一种稳岗返还政策享受：本单位按${TYPE_LABELS[type]}列入名单，须经企业确认并承诺`,
    ];
    if ((f.owed as number) > 0)
      notes.push(`扣减以往年度应退回的稳岗返还资金 ${yuan(Math.min(t.due, f.owed as number))}`);
    return { conditions, formula: `${formula}${t.pay !== t.entitled ? `；实付 ${yuan(t.pay)}` : ''}`, notes };
  },

  async buildFacts(q, run, unit, options = {}) {
    const type = (options.variant ?? 'general') as RefundType;
    const year = Number(run.periodFrom.slice(0, 4));
    const py = year - 1;
    const u = await unitRow(q, unit.regionCode, unit.creditCode);
    const { rows: contributions } = await q.query<{
      year: number;
      unit_paid_fen: number;
      employees_paid_fen: number;
      months_paid: number;
    }>(
      'SELECT year, unit_paid_fen, employees_paid_fen, months_paid FROM ui_unit_contributions WHERE region_code = $1 AND credit_code = $2',
      [unit.regionCode, unit.creditCode],
    );
    const prior = contributions.find((c) => c.year === py);
    const spells = await spellsOf(q, unit.regionCode, unit.creditCode);
    const [jan, dec] = [`${py}-01`, `${py}-12`];
    const inYear = spells.filter((s) => s.from_month <= dec && (s.to_month === null || s.to_month >= jan));
    const insured = new Set(inYear.map((s) => s.person_id));
    const laidOff = new Set(
      inYear
        .filter(
          (s) =>
            s.to_month !== null &&
            s.to_month >= jan &&
            s.to_month <= dec &&
            s.end_reason !== null &&
            !NOT_LAYOFF_REASONS.includes(s.end_reason),
        )
        .map((s) => s.person_id),
    );
    const december = new Set(spells.filter((s) => covers(s, dec)).map((s) => s.person_id));
    const { rows: accounts } = await q.query<{
      year: number;
      revenue_fen: number;
      net_profit_fen: number;
      total_assets_fen: number;
      total_liabilities_fen: number;
    }>(
      'SELECT year, revenue_fen, net_profit_fen, total_assets_fen, total_liabilities_fen FROM unit_annual_accounts WHERE region_code = $1 AND credit_code = $2',
      [unit.regionCode, unit.creditCode],
    );
    const balance = accounts.find((a) => a.year === py);
    const claims = await unitClaims(q, ID, unit, options.excludeSourceId);
    const fund = await fundPosition(q, unit.regionCode, run.decisionDate);
    const standard = await benefitStandard(q, unit.regionCode, py);
    return {
      region: unit.regionCode,
      facts: {
        refundType: type,
        ...(u.size_class ? { enterpriseSize: u.size_class } : {}),
        priorYearContributions: { unitFen: prior?.unit_paid_fen ?? 0, employeesFen: prior?.employees_paid_fen ?? 0 },
        contributionMonths: contributions.filter((c) => c.year <= py).reduce((s, c) => s + c.months_paid, 0),
        priorYearInsuredCount: insured.size,
        priorYearLayoffs: laidOff.size,
        industrialEnvironmentalCompliance: !u.policy_violation,
        zombieEnterprise: u.zombie,
        seriousIllegalDishonest: u.dishonest,
        bankruptcyWithDismissal: u.bankruptcy,
        ...(fund
          ? {
              fund: { rollingBalanceFen: fund.balanceFen, averageMonthlyExpenditureFen: fund.avgMonthlyExpenditureFen },
            }
          : {}),
        refundsThisYear: claims
          .filter((c) => c.kind === 'paid' && c.year === year && (TYPES as readonly string[]).includes(c.variant))
          .map((c) => ({ type: c.variant, amountFen: c.amount_fen })),
        unreturnedRefundsOwedFen: claims.filter((c) => c.kind === 'owed').reduce((s, c) => s + c.amount_fen, 0),
        insuredEmployees: december.size,
        ...(standard !== null ? { unemploymentBenefitMonthlyFen: standard } : {}),
        annualAccounts: Object.fromEntries(
          accounts.map((a) => [String(a.year), { netProfitFen: a.net_profit_fen, revenueFen: a.revenue_fen }]),
        ),
        ...(balance
          ? {
              balanceSheet: {
                totalAssetsFen: balance.total_assets_fen,
                totalLiabilitiesFen: balance.total_liabilities_fen,
              },
            }
          : {}),
      },
    };
  },

  async handover(_q, run, finding) {
    return {
      persons: [],
      claimMonth: run.periodFrom.slice(0, 7),
      variant: finding.variant,
      accountPreference: 'basic_first',
    };
  },
};
