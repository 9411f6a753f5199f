/**
 * 以工代训补贴 (work-for-training subsidy): Shandong (鲁人社字〔2020〕63号 as amended by 鲁人社函〔2020〕78号,
 * with Liaocheng's 聊人社字〔2020〕58号 system rules) and Changji (昌州人社发〔2020〕15号).
 *
 * One request = one enterprise, one claim month (the request's period), one subsidy type, a roster of
 * persons. Claim-level conditions decide whether anything is paid; person-level conditions decide
 * each person's line; the enterprise cap (困难企业) is applied to the lines in roster order.
 * Which document's rule applies follows from the parameters: each value carries the issue date of its
 * document, so a decision dated before 78号 was issued uses 63号's values and one after uses 78号's.
 */
import { defineProgramme } from '@wengang/engine';
import type { ConditionOutcome, ConditionResult, DecisionContext } from '@wengang/engine';
import { citationOnly, cited, earliestFor } from './cited';
import { yuan } from './format';
import { factsSchema, INDUSTRY_LABELS, SIZE_LABELS, SUBSIDY_TYPE_LABELS } from './facts';
import type { Person, WorkForTrainingFacts } from './facts';
import { absorptionHireWindow } from './parameters/absorption-hire-window';
import { acceptanceDeadline } from './parameters/acceptance-deadline';
import { amountPerPersonMonth } from './parameters/amount-per-person-month';
import { claimUnit } from './parameters/claim-unit';
import { distressThresholds } from './parameters/distress-thresholds';
import { eligiblePersonCategories } from './parameters/eligible-person-categories';
import { enterpriseCap } from './parameters/enterprise-cap';
import { enterpriseScope } from './parameters/enterprise-scope';
import { hardHitIndustries } from './parameters/hard-hit-industries';
import { hardshipRecognition } from './parameters/hardship-recognition';
import { hireDateBasis } from './parameters/hire-date-basis';
import { industryRecognitionCutoff } from './parameters/industry-recognition-cutoff';
import { maxMonthsPerEnterprise } from './parameters/max-months-per-enterprise';
import { maxMonthsPerPerson } from './parameters/max-months-per-person';
import { oneTypePerMonth } from './parameters/one-type-per-month';
import { otherTrainingSubsidyExcluded } from './parameters/other-training-subsidy-excluded';
import { policyPeriod } from './parameters/policy-period';
import { specialAccountStopRatio } from './parameters/special-account-stop-ratio';
import { trainingPlanRequired } from './parameters/training-plan-required';
import { claimMonthOf, firstDayOf } from './rules/claim-month';
import { distressTestForMonth } from './rules/distress-test';
import { enterpriseInScope } from './rules/enterprise-in-scope';
import { hireDateOf, hiredByMonthEnd, withinDateWindow } from './rules/hire-date';
import { industryRecognised } from './rules/industry-recognised';
import { enterpriseMonthsWithClaim, monthsBeyondLimit, personMonthsLimitReached } from './rules/months-limit';
import { otherTypesClaimedThisMonth } from './rules/one-type-per-month';
import { personCategoryAllowed } from './rules/person-category';
import { allocateUnderCap, remainingEnterpriseCap } from './rules/remaining-enterprise-cap';
import { specialAccountBelowStopLine } from './rules/special-account';
import { withinAcceptanceWindow } from './rules/within-acceptance-window';
import { withinPolicyPeriod } from './rules/within-policy-period';
import { CHANGJI, CJ15, SD63, SD78, SHANDONG, cite } from './sources';

/** Every value of this programme starts on this day; earlier claim months are outside every window. */
const EARLIEST = '2020-01-01';

const result = (ok: boolean): ConditionResult => (ok ? 'pass' : 'fail');

/** Rosters up to this length are checked for duplicate ids by a scan, longer ones with a set. */
const SHORT_ROSTER = 32;

/** Whether a person before `i` has the same id as persons[i]. */
function listedBefore(persons: readonly Person[], i: number): boolean {
  const id = persons[i]!.personId;
  for (let j = 0; j < i; j++) if (persons[j]!.personId === id) return true;
  return false;
}

/** `；可补贴类别：…` per category list (parameter values are shared and never change). */
const categoryDetails = new WeakMap<readonly string[], string>();
function categoryDetailOf(categories: readonly string[]): string {
  let detail = categoryDetails.get(categories);
  if (detail === undefined) {
    detail = `；可补贴类别：${categories.join('、')}`;
    categoryDetails.set(categories, detail);
  }
  return detail;
}

/** What a person's condition result does to the person's line: nothing (0), or it blocks it. */
const FAILED = 1;
const INCOMPLETE = 2;
const blocks = (r: ConditionResult): number => (r === 'fail' ? FAILED : r === 'missing' ? INCOMPLETE : 0);

/**
 * Claim-level conditions, remembering whether one failed. A class rather than a closure in
 * decide(): the TypeScript loader names each closure it creates (esbuild keepNames), which cost
 * ≈ 4 % of a ten-person decision.
 */
class ClaimConditions {
  failed = false;
  constructor(private readonly ctx: DecisionContext) {}
  add(c: ConditionOutcome): ConditionResult {
    const r = this.ctx.condition(c);
    if (r === 'fail') this.failed = true;
    return r;
  }
}

function decide(ctx: DecisionContext, facts: WorkForTrainingFacts): void {
  const periodMonth = claimMonthOf(ctx.period);
  // A one-month period starts on the month's first day (claimMonthOf checked it).
  const anchor = periodMonth === null ? firstDayOf(ctx.period.from.slice(0, 7)) : ctx.period.from;
  const on = anchor < EARLIEST ? EARLIEST : anchor;

  const claim = new ClaimConditions(ctx);

  // 0. Which rules were known on the decision date.
  const window = cited(ctx, policyPeriod, on);
  if (window === undefined) {
    const first = earliestFor(ctx, policyPeriod, on);
    if (first === undefined) ctx.param(policyPeriod, on); // no rules for this region at all: throws ParameterNotFoundError
    ctx.condition({
      id: 'rules_in_force',
      label: '决定日期时本地区的以工代训政策文件已经印发',
      result: 'fail',
      cite: first!.cite,
      detail: `决定日期 ${ctx.decisionDate} 早于 ${first!.cite.doc} 的印发日期 ${first!.cite.issued}，当时尚无可适用的规定`,
    });
    return;
  }
  ctx.condition({
    id: 'rules_in_force',
    label: '决定日期时本地区的以工代训政策文件已经印发',
    result: 'pass',
    cite: window.cite,
    detail: `决定日期 ${ctx.decisionDate}：按 ${window.cite.doc}（${window.cite.issued} 印发）及此前文件决定`,
  });
  if (window.cite.doc === SD63.doc) {
    ctx.note(
      `决定日期 ${ctx.decisionDate} 早于${SD78.doc}的印发日期 ${SD78.issued}，按${SD63.doc}的规定决定；` +
        '78号扩大的人员范围、调整的困难企业认定标准和补贴上限、延长的受理期均不适用。',
    );
  } else if (window.cite.doc === SD78.doc) {
    ctx.note(`按${SD78.doc}（${SD78.issued} 印发）修订后的规定决定；该通知未作规定的仍按${SD63.doc}执行（L3907）。`);
  }

  // 1. One claim = one calendar month.
  const unit = cited(ctx, claimUnit, on)!;
  if (periodMonth === null) {
    ctx.condition({
      id: 'claim_period_is_one_month',
      label: '申领以月为单位（期间为一个完整的自然月）',
      result: 'fail',
      cite: unit.cite,
      detail: `期间 ${ctx.period.from} 至 ${ctx.period.until} 不是一个完整的自然月；集中申领的，请按补贴年月逐月提交`,
    });
    return;
  }
  const month = periodMonth;
  ctx.condition({
    id: 'claim_period_is_one_month',
    label: '申领以月为单位（期间为一个完整的自然月）',
    result: 'pass',
    cite: unit.cite,
    detail: `补贴年月 ${month}（${ctx.period.from} 至 ${ctx.period.until}）`,
  });

  // 2. 政策执行期 and 3. 受理期.
  claim.add({
    id: 'within_policy_period',
    label: '补贴年月在政策执行期内',
    result: result(withinPolicyPeriod(month, window.value)),
    cite: window.cite,
    detail: `补贴年月 ${month}；执行期 ${window.value.firstMonth} 至 ${window.value.lastMonth}`,
  });
  const deadline = cited(ctx, acceptanceDeadline, on)!;
  claim.add({
    id: 'within_acceptance_period',
    label: '在受理期内提出申请',
    result: result(withinAcceptanceWindow(facts.appliedOn, deadline.value)),
    cite: deadline.cite,
    detail: `申领日期 ${facts.appliedOn}；受理期截至 ${deadline.value}（含当日）`,
  });

  // 4. Subsidy type and enterprise scope.
  const e = facts.enterprise;
  const type = facts.subsidyType;
  const scope = cited(ctx, enterpriseScope, on)!;
  const typeScope = scope.value[type];
  let reliesOnIndustry = false;
  if (typeScope === undefined) {
    const offered = Object.keys(scope.value) as (keyof typeof scope.value)[];
    claim.add({
      id: 'subsidy_type_offered',
      label: '本地区设有该类以工代训补贴',
      result: 'fail',
      cite: scope.cite,
      detail: `申领类型「${SUBSIDY_TYPE_LABELS[type]}」；本地区的类型：${offered.map((t) => SUBSIDY_TYPE_LABELS[t]).join('、')}`,
    });
  } else {
    ctx.condition({
      id: 'subsidy_type_offered',
      label: '本地区设有该类以工代训补贴',
      result: 'pass',
      cite: scope.cite,
      detail: `申领类型「${SUBSIDY_TYPE_LABELS[type]}」`,
    });
    const industries = cited(ctx, hardHitIndustries, on)!;
    const s = enterpriseInScope(e, typeScope, industries.value);
    reliesOnIndustry = s.reliesOnIndustry;
    claim.add({
      id: 'enterprise_in_scope',
      label: '申领单位在补贴范围内（企业规模、行业）',
      result: s.result,
      cite: scope.cite,
      detail: `${e.name}：${s.detail}`,
      ...(s.missing.length > 0 ? { missing: s.missing.map((f) => `facts.enterprise.${f}`) } : {}),
    });
  }

  // 5. 五类行业认定 (78号 四(一)), only when the enterprise qualifies through its industry.
  if (reliesOnIndustry) {
    const cutoff = cited(ctx, industryRecognitionCutoff, on);
    if (cutoff !== undefined) {
      const r = industryRecognised(e.industryScopeAddedOn, cutoff.value);
      const added = e.industryScopeAddedOn;
      claim.add({
        id: 'industry_recognised',
        label: `行业认定：${cutoff.value} 后变更登记增加该行业经营范围的不予认定`,
        result: r,
        cite: cutoff.cite,
        detail:
          added === undefined
            ? `须提供是否及何时变更增加「${INDUSTRY_LABELS[e.industry]}」经营范围`
            : added === null
              ? `「${INDUSTRY_LABELS[e.industry]}」经营范围未经变更增加`
              : `${added} 变更增加「${INDUSTRY_LABELS[e.industry]}」经营范围（截止日 ${cutoff.value}）`,
        ...(r === 'missing' ? { missing: ['facts.enterprise.industryScopeAddedOn'] } : {}),
      });
    }
  }

  // 6. 困难企业认定.
  if (type === 'epidemic_hardship' && typeScope !== undefined) {
    const method = cited(ctx, hardshipRecognition, on)!;
    if (method.value === 'indicator_drop') {
      const monthOn = firstDayOf(month) < EARLIEST ? EARLIEST : firstDayOf(month);
      const th = cited(ctx, distressThresholds, monthOn)!;
      const o = distressTestForMonth(e.indicators, e.establishedOn, th.value);
      claim.add({
        id: 'distress_test_for_month',
        label: '困难企业认定：当月营业收入、电费、其他能源消耗量之一较2019年月平均值下降达到标准（及以上）',
        result: o.result,
        cite: th.cite,
        detail:
          `${month} 适用标准：营业收入降 ≥ ${th.value.revenuePct}%，电费降 ≥ ${th.value.electricityPct}%，` +
          `其他能源降 ≥ ${th.value.otherEnergyPct}%（任一项）。${o.detail}`,
        ...(o.missing.length > 0 ? { missing: o.missing.map((f) => `facts.enterprise.${f}`) } : {}),
      });
    } else {
      const listed = e.shutdownListed;
      claim.add({
        id: 'shutdown_listed',
        label: '困难企业认定：列入当地明确的受疫情影响停产停工企业',
        result: listed === undefined ? 'missing' : result(listed),
        cite: method.cite,
        detail:
          listed === undefined
            ? '须由当地人社、财政部门会同行业主管部门明确是否为停产停工企业'
            : listed
              ? '已列入当地明确的停产停工企业'
              : '未列入当地明确的停产停工企业',
        ...(listed === undefined ? { missing: ['facts.enterprise.shutdownListed'] } : {}),
      });
    }
  }

  // 7. 培训计划审核备案 (昌吉州).
  const plan = cited(ctx, trainingPlanRequired, on);
  if (plan?.value === true) {
    const approved = e.trainingPlanApproved;
    claim.add({
      id: 'training_plan_approved',
      label: '《以工代训培训计划申请表》已经当地人社部门审核备案',
      result: approved === undefined ? 'missing' : result(approved),
      cite: plan.cite,
      detail:
        approved === undefined
          ? '未说明培训计划是否已审核备案'
          : approved
            ? '培训计划已审核备案'
            : '培训计划未经审核备案',
      ...(approved === undefined ? { missing: ['facts.enterprise.trainingPlanApproved'] } : {}),
    });
  }

  // 8. 专账资金 30% 停止执行线 (山东).
  const stop = cited(ctx, specialAccountStopRatio, on);
  if (stop !== undefined) {
    const fund = facts.fund;
    if (fund === undefined) {
      claim.add({
        id: 'special_account_above_stop_line',
        label: `本市职业技能提升行动专账资金不低于建账资金规模的 ${stop.value}%（低于即停止执行以工代训）`,
        result: 'missing',
        cite: stop.cite,
        detail: '须由经办机构提供本市专账资金余额和建账资金规模',
        missing: ['facts.fund.specialAccountBalanceFen', 'facts.fund.specialAccountInitialFen'],
      });
      ctx.note('专账资金状况由经办机构提供；未提供时不能确认以工代训政策仍在执行，结论为「信息不全」。');
    } else {
      const below = specialAccountBelowStopLine(
        fund.specialAccountBalanceFen,
        fund.specialAccountInitialFen,
        stop.value,
      );
      claim.add({
        id: 'special_account_above_stop_line',
        label: `本市职业技能提升行动专账资金不低于建账资金规模的 ${stop.value}%（低于即停止执行以工代训）`,
        result: result(!below),
        cite: stop.cite,
        detail:
          `专账余额 ${yuan(fund.specialAccountBalanceFen)}，建账资金规模 ${yuan(fund.specialAccountInitialFen)}，` +
          `停止执行线 ${stop.value}%${below ? '，已低于停止执行线' : ''}`,
      });
    }
  }

  // 9. One type per month and 10. months per enterprise (78号; 聊城 system rules).
  const claimedMonths = facts.history?.claimedMonths;
  const oneType = cited(ctx, oneTypePerMonth, on);
  if (oneType?.value === true) {
    if (claimedMonths === undefined) {
      claim.add({
        id: 'one_subsidy_type_per_month',
        label: '一个月内只申请一类以工代训补贴',
        result: 'missing',
        cite: oneType.cite,
        detail: '须提供本企业已获补贴的补贴年月及类型（没有则填空列表）',
        missing: ['facts.history.claimedMonths'],
      });
    } else {
      const others = otherTypesClaimedThisMonth(claimedMonths, month, type);
      claim.add({
        id: 'one_subsidy_type_per_month',
        label: '一个月内只申请一类以工代训补贴',
        result: result(others.length === 0),
        cite: oneType.cite,
        detail:
          others.length === 0
            ? `${month} 未获其他类型的以工代训补贴`
            : `${month} 已获「${others.map((t) => SUBSIDY_TYPE_LABELS[t]).join('、')}」，不能再申请「${SUBSIDY_TYPE_LABELS[type]}」`,
      });
    }
  }
  const maxEnterprise = cited(ctx, maxMonthsPerEnterprise, on);
  if (maxEnterprise !== undefined) {
    if (claimedMonths === undefined) {
      claim.add({
        id: 'enterprise_months_limit',
        label: `同一企业在政策执行期内最长申请 ${maxEnterprise.value} 个月`,
        result: 'missing',
        cite: maxEnterprise.cite,
        detail: '须提供本企业已获补贴的补贴年月（没有则填空列表）',
        missing: ['facts.history.claimedMonths'],
      });
    } else {
      const months = enterpriseMonthsWithClaim(claimedMonths, month);
      const over = monthsBeyondLimit(months, maxEnterprise.value);
      claim.add({
        id: 'enterprise_months_limit',
        label: `同一企业在政策执行期内最长申请 ${maxEnterprise.value} 个月`,
        result: result(!over),
        cite: maxEnterprise.cite,
        detail: `含本月共 ${months.length} 个月（${months.join('、')}），上限 ${maxEnterprise.value} 个月`,
      });
    }
  }

  // 11. 单个企业最高补贴 (困难企业以工代训).
  let remaining: number | undefined; // undefined: no cap, or not known
  let capApplies = false;
  if (type === 'epidemic_hardship' && typeScope !== undefined) {
    const cap = cited(ctx, enterpriseCap, on);
    if (cap !== undefined) {
      const large = e.size === 'large';
      const capFen = large ? cap.value.largeFen : cap.value.smeFen;
      const paid = facts.history?.epidemicHardshipPaidFen;
      const capLabel = `困难企业以工代训单个企业在政策执行期内最高补贴（${large ? '大型企业' : '中小微企业'} ${yuan(capFen)}）`;
      if (paid === undefined) {
        claim.add({
          id: 'enterprise_cap_not_exhausted',
          label: capLabel,
          result: 'missing',
          cite: cap.cite,
          detail: '须提供本企业已获困难企业以工代训补贴累计金额（没有则填 0）',
          missing: ['facts.history.epidemicHardshipPaidFen'],
        });
        ctx.note('已获补贴累计金额未提供，金额明细未按单个企业上限核减。');
      } else {
        capApplies = true;
        remaining = remainingEnterpriseCap(capFen, paid);
        claim.add({
          id: 'enterprise_cap_not_exhausted',
          label: capLabel,
          result: result(remaining > 0),
          cite: cap.cite,
          detail: `${SIZE_LABELS[e.size]}企业，上限 ${yuan(capFen)}，已获 ${yuan(paid)}，剩余 ${yuan(remaining)}`,
        });
      }
    }
  } else if (type === 'absorption') {
    const capCite = citationOnly(ctx, enterpriseCap, on);
    if (capCite !== undefined) {
      ctx.condition({
        id: 'enterprise_cap_not_exhausted',
        label: '单个企业在政策执行期内最高补贴',
        result: 'not_applicable',
        cite: capCite,
        detail: '上限只对困难企业以工代训规定；吸纳就业以工代训没有单个企业上限',
      });
    }
  }

  // Persons.
  const amount = cited(ctx, amountPerPersonMonth, on)!;
  const maxPerson = cited(ctx, maxMonthsPerPerson, on)!;
  const absorption = type === 'absorption';
  const categories = absorption ? cited(ctx, eligiblePersonCategories, on) : undefined;
  const basis = absorption ? cited(ctx, hireDateBasis, on) : undefined;
  const hireWindow = absorption ? cited(ctx, absorptionHireWindow, on) : undefined;
  const otherExcluded = cited(ctx, otherTrainingSubsidyExcluded, on);
  // claimMonthOf checked that the period ends on the month's last day.
  const monthEnd = ctx.period.until;

  // The same for every person: built once per claim.
  const categoryDetail = categories === undefined ? '' : categoryDetailOf(categories.value);
  const hireWindowDetail =
    hireWindow === undefined ? '' : `；规定期间 ${hireWindow.value.from} 至 ${hireWindow.value.until}`;
  const maxPersonLabel = `每人最长补贴 ${maxPerson.value} 个月`;
  const payable: Person[] = [];
  const persons = facts.persons;
  // Duplicate ids: a scan of the earlier persons for a short roster, a set for a long one.
  const seen = persons.length > SHORT_ROSTER ? new Set<string>() : undefined;
  for (let i = 0; i < persons.length; i++) {
    const p = persons[i]!;
    const personId = p.personId;
    // FAILED and INCOMPLETE bits of this person's conditions; 0 when the person is payable.
    let blocked = 0;
    const who = `${p.name}（${p.category}）`;

    if (seen === undefined ? listedBefore(persons, i) : seen.has(personId)) {
      ctx.condition({
        id: 'person_listed_once',
        label: '同一人同一月只补贴一次',
        result: 'fail',
        cite: amount.cite,
        detail: `${who} 在花名册中重复列出，只计一次`,
        personId,
        month,
      });
      continue;
    }
    seen?.add(personId);

    if (absorption && categories !== undefined && basis !== undefined) {
      blocked |= blocks(
        ctx.condition({
          id: 'person_category_allowed',
          label: '新吸纳人员属于文件所列人员类别',
          result: result(personCategoryAllowed(p.category, categories.value)),
          cite: categories.cite,
          detail: who + categoryDetail,
          personId,
          month,
        }),
      );
      const hire = hireDateOf(p, basis.value);
      if (hire.date === undefined) {
        blocked |= blocks(
          ctx.condition({
            id: 'hired_by_claim_month',
            label: '补贴年月前（含当月）已新吸纳就业',
            result: 'missing',
            cite: basis.cite,
            detail:
              basis.value === 'employment_registration'
                ? `${who} 未提供就业登记日期（须办理就业登记）`
                : `${who} 未提供就业登记或社保登记日期`,
            missing: hire.missing.map((f) => `facts.persons.${i}.${f}`),
            personId,
            month,
          }),
        );
      } else {
        blocked |= blocks(
          ctx.condition({
            id: 'hired_by_claim_month',
            label: '补贴年月前（含当月）已新吸纳就业',
            result: result(hiredByMonthEnd(hire.date, monthEnd)),
            cite: basis.cite,
            detail: `${who} 新吸纳时间 ${hire.date}（以${hire.source}为准）；补贴年月 ${month}`,
            personId,
            month,
          }),
        );
        if (hireWindow !== undefined) {
          blocked |= blocks(
            ctx.condition({
              id: 'hire_date_in_window',
              label: '新吸纳时间在规定期间内',
              result: result(withinDateWindow(hire.date, hireWindow.value)),
              cite: hireWindow.cite,
              detail: `${who} 新吸纳时间 ${hire.date}${hireWindowDetail}`,
              personId,
              month,
            }),
          );
        }
      }
    }

    if (p.monthsClaimedBefore === undefined) {
      blocked |= blocks(
        ctx.condition({
          id: 'person_months_remaining',
          label: maxPersonLabel,
          result: 'missing',
          cite: maxPerson.cite,
          detail: `${who} 未提供此前已享受月数`,
          missing: [`facts.persons.${i}.monthsClaimedBefore`],
          personId,
          month,
        }),
      );
    } else {
      const reached = personMonthsLimitReached(p.monthsClaimedBefore, maxPerson.value);
      blocked |= blocks(
        ctx.condition({
          id: 'person_months_remaining',
          label: maxPersonLabel,
          result: result(!reached),
          cite: maxPerson.cite,
          detail: `${who} 此前已享受 ${p.monthsClaimedBefore} 个月${reached ? '，已满' : `，本月为第 ${p.monthsClaimedBefore + 1} 个月`}`,
          personId,
          month,
        }),
      );
    }

    const already = p.alreadySubsidisedThisMonth;
    if (already === undefined) {
      blocked |= blocks(
        ctx.condition({
          id: 'not_already_subsidised_this_month',
          label: '同一人同一月不重复享受以工代训补贴',
          result: 'missing',
          cite: amount.cite,
          detail: `${who} 未说明本月是否已享受以工代训补贴`,
          missing: [`facts.persons.${i}.alreadySubsidisedThisMonth`],
          personId,
          month,
        }),
      );
    } else {
      blocked |= blocks(
        ctx.condition({
          id: 'not_already_subsidised_this_month',
          label: '同一人同一月不重复享受以工代训补贴',
          result: result(!already),
          cite: amount.cite,
          detail: already ? `${who} 本月已享受以工代训补贴` : `${who} 本月未享受其他以工代训补贴`,
          personId,
          month,
        }),
      );
    }

    if (otherExcluded !== undefined) {
      if (otherExcluded.value) {
        const other = p.otherTrainingSubsidyThisMonth;
        if (other === undefined) {
          blocked |= blocks(
            ctx.condition({
              id: 'no_other_training_subsidy',
              label: '享受以工代训补贴期间不同时享受其他类型的职业培训补贴',
              result: 'missing',
              cite: otherExcluded.cite,
              detail: `${who} 未说明本月是否享受其他职业培训补贴`,
              missing: [`facts.persons.${i}.otherTrainingSubsidyThisMonth`],
              personId,
              month,
            }),
          );
        } else {
          blocked |= blocks(
            ctx.condition({
              id: 'no_other_training_subsidy',
              label: '享受以工代训补贴期间不同时享受其他类型的职业培训补贴',
              result: result(!other),
              cite: otherExcluded.cite,
              detail: other ? `${who} 本月同时享受其他职业培训补贴` : `${who} 本月未享受其他职业培训补贴`,
              personId,
              month,
            }),
          );
        }
      } else {
        blocked |= blocks(
          ctx.condition({
            id: 'no_other_training_subsidy',
            label: '享受以工代训补贴期间不同时享受其他类型的职业培训补贴',
            result: 'not_applicable',
            cite: otherExcluded.cite,
            detail: '本地区允许同时享受岗前培训、岗位技能提升等其他职业培训补贴',
            personId,
            month,
          }),
        );
      }
    }

    if (blocked === 0) payable.push(p);
  }

  // Lines: none when a claim-level condition failed; the cap cuts lines in roster order.
  if (claim.failed) return;
  const full = payable.map(() => amount.value);
  const paid = capApplies && remaining !== undefined ? allocateUnderCap(full, remaining) : full;
  const typeLabel =
    type === 'absorption'
      ? '吸纳就业以工代训补贴'
      : type === 'epidemic_hardship'
        ? '困难企业以工代训补贴'
        : '以工代训补贴';
  const perMonth = `${yuan(amount.value)}/人/月 × 1 人 × 1 月`;
  const lineLabel = ` ${month} ${typeLabel}`;
  let capCut = false;
  let left = remaining ?? 0;
  for (let k = 0; k < payable.length; k++) {
    const p = payable[k]!;
    const fen = paid[k]!;
    const before = left;
    left -= fen;
    if (capApplies && fen < amount.value) {
      capCut = true;
      const capCite = citationOnly(ctx, enterpriseCap, on)!;
      ctx.condition({
        id: 'within_enterprise_cap',
        label: '在单个企业最高补贴剩余额度内',
        result: fen > 0 ? 'pass' : 'fail',
        cite: capCite,
        personId: p.personId,
        month,
        detail:
          fen > 0
            ? `${p.name} 应补 ${yuan(amount.value)}，上限剩余 ${yuan(before)}，只补 ${yuan(fen)}`
            : `${p.name} 应补 ${yuan(amount.value)}，单个企业上限已用完，不再补贴`,
      });
      if (fen === 0) continue;
    }
    ctx.line({
      label: p.name + lineLabel,
      amountFen: fen,
      cite: amount.cite,
      personId: p.personId,
      month,
      formula:
        fen < amount.value
          ? `${perMonth} = ${yuan(amount.value)}，受单个企业上限限制减至剩余额度 ${yuan(fen)}`
          : perMonth,
    });
  }
  if (capCut) {
    ctx.note('本次申领跨过单个企业最高补贴：按花名册顺序补贴，跨过上限的一人减至剩余额度，其后人员不再补贴。');
  }
}

export const programme = defineProgramme({
  id: 'work-for-training',
  name: '以工代训补贴',
  version: '1.0.0',
  regions: [SHANDONG, CHANGJI],
  periods: [
    {
      from: '2020-06-01',
      until: '2020-12-31',
      region: SHANDONG,
      cite: cite(SD63, '实施方案 二(二)「政策受理期截至2020年12月31日」', 272),
    },
    {
      from: '2020-01-01',
      until: '2020-12-31',
      region: SHANDONG,
      cite: cite(SD78, '一「2020年1月至2020年12月」；四(五)「以工代训政策执行期截至2020年12月31日」', [3885, 3905]),
    },
    {
      from: '2020-06-01',
      until: '2020-12-31',
      region: CHANGJI,
      cite: cite(CJ15, '「以上政策从2020年6月1日起执行，受理期限截止到2020年12月31日」', 81),
    },
  ],
  facts: factsSchema,
  parameters: [
    policyPeriod,
    claimUnit,
    acceptanceDeadline,
    enterpriseScope,
    hardHitIndustries,
    industryRecognitionCutoff,
    hardshipRecognition,
    distressThresholds,
    trainingPlanRequired,
    specialAccountStopRatio,
    oneTypePerMonth,
    maxMonthsPerEnterprise,
    enterpriseCap,
    amountPerPersonMonth,
    maxMonthsPerPerson,
    eligiblePersonCategories,
    hireDateBasis,
    absorptionHireWindow,
    otherTrainingSubsidyExcluded,
  ],
  decide,
});
