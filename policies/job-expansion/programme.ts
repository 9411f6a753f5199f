/**
 * 一次性扩岗补助 (聊人社字〔2022〕32号, Liaocheng, 2022): 1500 元 for each 2022 普通高校毕业生 an
 * enterprise hired in 2022 with a labour contract, employment registration and ≥ 1 month of
 * unemployment-insurance contributions in normal status. One enterprise per graduate; never
 * together with 一次性吸纳就业补贴. Applications until 2023-01-31.
 */
import {
  defineProgramme,
  fenToYuanString,
  type Citation,
  type ConditionOutcome,
  type DecisionContext,
} from '@wengang/engine';
import { facts as factsSchema, type Facts, type Graduate } from './facts';
import { amountPerPerson } from './parameters/amount-per-person';
import { applicationDeadline } from './parameters/application-deadline';
import { graduationWindow } from './parameters/graduation-window';
import { hiringWindow } from './parameters/hiring-window';
import { minUiPaidMonths } from './parameters/min-ui-paid-months';
import { isWithin } from '../common/dates';
import { isGraduateOfWindow } from './rules/graduate-of-year';
import { isUnused, usedByWords } from './rules/single-use';
import { hasMinimumUiMonths } from './rules/ui-contribution';
import { isWithinDeadline } from './rules/within-deadline';
import { lc32 } from './sources';

export const programme = defineProgramme({
  id: 'job-expansion',
  name: '一次性扩岗补助',
  version: '1',
  regions: ['371500'],
  periods: [{ from: '2022-01-01', until: '2022-12-31', region: '371500', cite: lc32('一(二)', 25) }],
  facts: factsSchema,
  parameters: [amountPerPerson, applicationDeadline, graduationWindow, hiringWindow, minUiPaidMonths],
  decide,
});

const UNIT_NAMES: Record<string, string> = {
  enterprise: '企业',
  individual_business: '个体工商户',
  social_organization: '社会组织',
  government_or_public_institution: '机关事业单位',
  other: '其他单位',
};

function decide(ctx: DecisionContext, f: Facts): void {
  // Amount lines are written only when no claim-level condition failed or is missing.
  let blocked = false;
  const claim = (c: ConditionOutcome): void => {
    if (c.result === 'fail' || c.result === 'missing') blocked = true;
    ctx.condition(c);
  };

  const rate = ctx.paramOrUndefined(amountPerPerson);
  const inForceLabel = '申领期间在政策实施期限内，且决定时补助政策已印发';
  if (rate === undefined) {
    claim({
      id: 'policy_in_force',
      label: inForceLabel,
      result: 'fail',
      cite: lc32('四', 49),
      detail: `申领期间自 ${ctx.period.from}、决定日期 ${ctx.decisionDate}：无适用的补助标准（实施期限 2022-01-01 至 2022-12-31，聊人社字〔2022〕32号 2022-09-01 印发）`,
    });
    return;
  }
  claim({
    id: 'policy_in_force',
    label: inForceLabel,
    result: 'pass',
    cite: lc32('四', 49),
    detail: `申领期间 ${ctx.period.from} 至 ${ctx.period.until}，补助标准 ${fenToYuanString(rate)} 元/人`,
  });

  const unitLabel = '用人单位为企业';
  if (f.unitType === undefined) {
    claim({
      id: 'employer_is_enterprise',
      label: unitLabel,
      result: 'missing',
      cite: lc32('一(二)', 25),
      missing: ['facts.unitType'],
    });
  } else {
    const ok = f.unitType === 'enterprise';
    claim({
      id: 'employer_is_enterprise',
      label: unitLabel,
      result: ok ? 'pass' : 'fail',
      cite: lc32('一(二)', 25),
      detail: `用人单位类型：${UNIT_NAMES[f.unitType]}${ok ? '' : '；一次性扩岗补助的对象为企业（“参照实施”仅见于留工培训补助）'}`,
    });
  }

  const deadline = ctx.param(applicationDeadline);
  const deadlineLabel = `在申请期限（${deadline}）内申领`;
  if (f.claimDate === undefined) {
    claim({
      id: 'within_application_deadline',
      label: deadlineLabel,
      result: 'missing',
      cite: lc32('四', 49),
      missing: ['facts.claimDate'],
    });
  } else {
    const ok = isWithinDeadline(f.claimDate, deadline);
    const what =
      f.claimRoute === 'automatic' ? '数据下发日期' : f.claimRoute === 'application' ? '申请受理日期' : '申领日期';
    claim({
      id: 'within_application_deadline',
      label: deadlineLabel,
      result: ok ? 'pass' : 'fail',
      cite: lc32('四', 49),
      detail: `${what} ${f.claimDate}，${ok ? '未超过' : '已超过'}申请截止日 ${deadline}`,
    });
  }

  const dispatchLabel = '劳务派遣企业适用“自主申请”经办模式';
  if (f.isLabourDispatchAgency === undefined) {
    claim({
      id: 'labour_dispatch_self_application',
      label: dispatchLabel,
      result: 'missing',
      cite: lc32('五(二)', 57),
      missing: ['facts.isLabourDispatchAgency'],
    });
  } else if (!f.isLabourDispatchAgency) {
    claim({
      id: 'labour_dispatch_self_application',
      label: dispatchLabel,
      result: 'not_applicable',
      cite: lc32('五(二)', 57),
      detail: '非劳务派遣企业',
    });
  } else if (f.claimRoute === undefined) {
    claim({
      id: 'labour_dispatch_self_application',
      label: dispatchLabel,
      result: 'missing',
      cite: lc32('五(二)', 57),
      missing: ['facts.claimRoute'],
    });
  } else {
    const ok = f.claimRoute === 'application';
    claim({
      id: 'labour_dispatch_self_application',
      label: dispatchLabel,
      result: ok ? 'pass' : 'fail',
      cite: lc32('五(二)', 57),
      detail: ok
        ? '劳务派遣企业自主申请，按自用职工和派遣至其他企业的职工总数申领'
        : '劳务派遣企业不适用免申即享，须自主申请并提供花名册、派遣协议和分配协议',
    });
  }

  if (f.persons === undefined) {
    ctx.missing('facts.persons');
    return;
  }
  f.persons.forEach((person, index) => decidePerson(ctx, person, index, f.isLabourDispatchAgency, rate, blocked));
  ctx.note(
    '经审核后 30 日内拨付至企业对公账户；无对公账户的，发放至税务部门提供的该企业缴纳社会保险费账户（二(一)2、二(二)）。',
  );
}

function decidePerson(
  ctx: DecisionContext,
  p: Graduate,
  index: number,
  dispatchAgency: boolean | undefined,
  rate: number,
  claimBlocked: boolean,
): void {
  const personId = p.id;
  const path = (field: string): string => `facts.persons.${index}.${field}`;
  let ok = true;
  const check = (
    id: string,
    label: string,
    cite: Citation,
    value: unknown,
    field: string,
    judge: () => { pass: boolean; detail: string },
  ): void => {
    if (value === undefined) {
      ok = false;
      ctx.condition({ id, label, result: 'missing', cite, personId, missing: [path(field)] });
      return;
    }
    const { pass, detail } = judge();
    if (!pass) ok = false;
    ctx.condition({ id, label, result: pass ? 'pass' : 'fail', cite, personId, detail });
  };

  const grad = ctx.param(graduationWindow);
  check(
    'graduated_in_2022',
    `毕业时间为 ${grad.from} 至 ${grad.until}`,
    lc32('一(二)', 25),
    p.graduationMonth,
    'graduationMonth',
    () => {
      const pass = isGraduateOfWindow(p.graduationMonth!, grad);
      return { pass, detail: `毕业时间 ${p.graduationMonth}${pass ? '' : `，不在 ${grad.from} 至 ${grad.until} 内`}` };
    },
  );
  check(
    'regular_higher_education_diploma',
    '取得普通高等学校毕业证书',
    lc32('一(二)', 25),
    p.holdsRegularHigherEducationDiploma,
    'holdsRegularHigherEducationDiploma',
    () => ({
      pass: p.holdsRegularHigherEducationDiploma === true,
      detail: p.holdsRegularHigherEducationDiploma ? '已取得普通高等学校毕业证书' : '未取得普通高等学校毕业证书',
    }),
  );
  const hiring = ctx.param(hiringWindow);
  check(
    'hired_in_2022',
    `企业于 ${hiring.from} 至 ${hiring.until} 内招用`,
    lc32('一(二)', 25),
    p.hireDate,
    'hireDate',
    () => {
      const pass = isWithin(p.hireDate!, hiring);
      return { pass, detail: `招用日期 ${p.hireDate}${pass ? '' : `，不在 ${hiring.from} 至 ${hiring.until} 内`}` };
    },
  );
  check(
    'labour_contract_signed',
    '签订劳动合同',
    lc32('一(二)', 25),
    p.labourContractSigned,
    'labourContractSigned',
    () => ({
      pass: p.labourContractSigned === true,
      detail: p.labourContractSigned ? '已签订劳动合同' : '未签订劳动合同',
    }),
  );
  check(
    'employment_registered',
    '办理就业登记',
    lc32('一(二)', [25, 27]),
    p.employmentRegistered,
    'employmentRegistered',
    () => ({
      pass: p.employmentRegistered === true,
      detail: p.employmentRegistered ? '已办理就业登记' : '未办理就业登记',
    }),
  );
  const minMonths = ctx.param(minUiPaidMonths);
  check(
    'ui_paid_min_months',
    `为其缴纳失业保险费 ${minMonths} 个月以上（含）`,
    lc32('一(二)', 27),
    p.uiPaidMonths,
    'uiPaidMonths',
    () => {
      const pass = hasMinimumUiMonths(p.uiPaidMonths!, minMonths);
      return { pass, detail: `已缴纳失业保险费 ${p.uiPaidMonths} 个月（${pass ? '≥' : '<'} ${minMonths} 个月）` };
    },
  );
  check(
    'ui_payment_normal',
    '失业保险处于正常缴费状态',
    lc32('一(二)', 27),
    p.uiPaymentNormal,
    'uiPaymentNormal',
    () => ({
      pass: p.uiPaymentNormal === true,
      detail: p.uiPaymentNormal ? '正常缴费' : '未处于正常缴费状态（如停缴、中断）',
    }),
  );
  check(
    'not_used_by_other_enterprise',
    '同一名高校毕业生只能由一户企业享受一次性扩岗补助，不能重复使用',
    lc32('五(二)', 57),
    p.expansionSubsidyUsedBy,
    'expansionSubsidyUsedBy',
    () => ({
      pass: isUnused(p.expansionSubsidyUsedBy!),
      detail: usedByWords[p.expansionSubsidyUsedBy!],
    }),
  );
  check(
    'no_absorption_subsidy',
    '一次性扩岗补助与一次性吸纳就业补贴不重复享受',
    lc32('五(二)', 57),
    p.receivedAbsorptionSubsidy,
    'receivedAbsorptionSubsidy',
    () => ({
      pass: p.receivedAbsorptionSubsidy === false,
      detail: p.receivedAbsorptionSubsidy
        ? '该毕业生已享受一次性吸纳就业补贴，不再享受一次性扩岗补助'
        : '未享受一次性吸纳就业补贴',
    }),
  );

  const agreementLabel = '劳务派遣企业派遣至其他企业的职工，须提供派遣协议及与用工企业就补助分配达成的协议';
  if (dispatchAgency !== true) {
    ctx.condition({
      id: 'dispatch_allocation_agreement',
      label: agreementLabel,
      result: 'not_applicable',
      cite: lc32('五(二)', 57),
      personId,
      detail: '非劳务派遣企业',
    });
  } else if (p.dispatchedToOtherEnterprise === undefined) {
    ok = false;
    ctx.condition({
      id: 'dispatch_allocation_agreement',
      label: agreementLabel,
      result: 'missing',
      cite: lc32('五(二)', 57),
      personId,
      missing: [path('dispatchedToOtherEnterprise')],
    });
  } else if (!p.dispatchedToOtherEnterprise) {
    ctx.condition({
      id: 'dispatch_allocation_agreement',
      label: agreementLabel,
      result: 'not_applicable',
      cite: lc32('五(二)', 57),
      personId,
      detail: '劳务派遣企业自用职工',
    });
  } else {
    check(
      'dispatch_allocation_agreement',
      agreementLabel,
      lc32('五(二)', 57),
      p.allocationAgreement,
      'allocationAgreement',
      () => ({
        pass: p.allocationAgreement === true,
        detail: p.allocationAgreement
          ? '派遣至其他企业，已提供派遣协议和分配协议'
          : '派遣至其他企业，未提供派遣协议或分配协议',
      }),
    );
  }

  if (!ok || claimBlocked) return;
  ctx.line({
    label: `${p.name ?? personId} 一次性扩岗补助`,
    amountFen: rate,
    personId,
    cite: lc32('一(二)', 27),
    formula: `${fenToYuanString(rate)} 元/人 × 1 人`,
  });
}
