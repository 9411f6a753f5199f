/**
 * 一次性吸纳就业补贴 (Shandong 2020; Liaocheng restates it). Two kinds by hiring date:
 * - 复工新吸纳: a new hire between 2020-02-10 and 2020-03-10 with a labour contract of ≥ 1 year
 *   and social insurance paid (or, in the exemption period, registered and withheld): 1000 元
 *   (鲁政发〔2020〕5号, 鲁人社字〔2020〕22号; in Liaocheng the enterprise must also have resumed
 *   work by 2020-03-10, 聊城市人民政府 2020-03-11 通知).
 * - 中小微企业招用毕业年度高校毕业生 between 2020-03-11 and 2020-12-31, contract ≥ 1 year and
 *   employment registration: up to 1000 元, once per graduate (鲁人社字〔2020〕43号).
 */
import { defineProgramme, fenToYuanString, type Citation, type DecisionContext } from '@wengang/engine';
import { facts as factsSchema, type Facts, type NewHire } from './facts';
import { graduateAmountCap } from './parameters/graduate-amount-cap';
import { graduateAmountStandard } from './parameters/graduate-amount-standard';
import { graduateEnterpriseSizes } from './parameters/graduate-enterprise-sizes';
import { graduateHiringWindow } from './parameters/graduate-hiring-window';
import { minContractMonths } from './parameters/min-contract-months';
import { newHireAmount } from './parameters/new-hire-amount';
import { newHireWindow } from './parameters/new-hire-window';
import { priorRecordLookbackMonths } from './parameters/prior-record-lookback-months';
import { resumptionDeadline } from './parameters/resumption-deadline';
import { meetsMinimumTerm, minimumContractEnd } from './rules/contract-term';
import { graduateAmountFen, isGraduatingYearGraduate } from './rules/graduate-amount';
import { addDays } from '../common/dates';
import { hiringBranch } from './rules/hiring-branch';
import { hasRecentPriorRecord, lookbackStart } from './rules/prior-record';
import { socialInsuranceSatisfied } from './rules/social-insurance';
import { lcgov, lrs22, lrs43 } from './sources';

export const programme = defineProgramme({
  id: 'hiring-subsidy',
  name: '一次性吸纳就业补贴',
  version: '1',
  regions: ['370000'],
  periods: [
    { from: '2020-02-10', until: '2020-03-10', region: '370000', cite: lrs22('政策细则 二.2', 429) },
    { from: '2020-02-10', until: '2020-03-10', region: '371500', cite: lcgov('一.1', 4) },
    { from: '2020-03-11', until: '2020-12-31', region: '370000', cite: lrs43('二', 4174) },
  ],
  facts: factsSchema,
  parameters: [
    graduateAmountCap,
    graduateAmountStandard,
    graduateEnterpriseSizes,
    graduateHiringWindow,
    minContractMonths,
    newHireAmount,
    newHireWindow,
    priorRecordLookbackMonths,
    resumptionDeadline,
  ],
  decide,
});

const SIZE_NAMES: Record<string, string> = { large: '大型', medium: '中型', small: '小型', micro: '微型' };
const UNIT_NAMES: Record<string, string> = { enterprise: '企业', individual_business: '个体工商户', other: '其他单位' };

function decide(ctx: DecisionContext, f: Facts): void {
  let claimBlocked = false;
  const unitLabel = '用人单位为企业（各类企业）';
  const unitCite = lrs22('政策细则 二.1', 425);
  if (f.unitType === undefined) {
    claimBlocked = true;
    ctx.condition({
      id: 'employer_is_enterprise',
      label: unitLabel,
      result: 'missing',
      cite: unitCite,
      missing: ['facts.unitType'],
    });
  } else {
    const ok = f.unitType === 'enterprise';
    if (!ok) claimBlocked = true;
    ctx.condition({
      id: 'employer_is_enterprise',
      label: unitLabel,
      result: ok ? 'pass' : 'fail',
      cite: unitCite,
      detail: `用人单位类型：${UNIT_NAMES[f.unitType]}${ok ? '' : '，不属于企业'}`,
    });
  }
  if (f.persons === undefined) {
    ctx.missing('facts.persons');
    return;
  }
  f.persons.forEach((p, i) => decidePerson(ctx, f, p, i, claimBlocked));
  ctx.note('所需资金从就业补助资金中安排；申领流程和材料由各市按“一次办好”要求确定（鲁人社字〔2020〕22号 二.3–4）。');
}

function decidePerson(ctx: DecisionContext, f: Facts, p: NewHire, index: number, claimBlocked: boolean): void {
  const personId = p.id;
  const path = (field: string): string => `facts.persons.${index}.${field}`;
  let ok = true;
  const record = (
    id: string,
    label: string,
    cite: Citation,
    result: 'pass' | 'fail' | 'not_applicable' | 'missing',
    detail?: string,
    missing?: string[],
  ): void => {
    if (result === 'fail' || result === 'missing') ok = false;
    ctx.condition({
      id,
      label,
      result,
      cite,
      personId,
      ...(detail !== undefined ? { detail } : {}),
      ...(missing ? { missing } : {}),
    });
  };

  const windowLabel =
    '招用日期在补贴期间内（复工新吸纳：2020-02-10 至 2020-03-10；招用毕业年度高校毕业生：2020-03-11 至 2020-12-31）';
  if (p.hireDate === undefined) {
    record('hire_date_in_window', windowLabel, lrs22('政策细则 二.2', 429), 'missing', undefined, [path('hireDate')]);
    return;
  }
  const hire = p.hireDate;
  const newWindow = ctx.paramOrUndefined(newHireWindow, hire);
  const gradWindow = ctx.paramOrUndefined(graduateHiringWindow, hire);
  const branch = hiringBranch(hire, newWindow, gradWindow);
  if (branch === undefined) {
    const known = [
      newWindow ? `复工新吸纳 ${newWindow.from} 至 ${newWindow.until}` : undefined,
      gradWindow ? `招用毕业年度高校毕业生 ${gradWindow.from} 至 ${gradWindow.until}` : undefined,
    ].filter((w) => w !== undefined);
    record(
      'hire_date_in_window',
      windowLabel,
      lrs22('政策细则 二.2', 429),
      'fail',
      `招用日期 ${hire}，不在决定日期 ${ctx.decisionDate} 时已发布的补贴期间内（${known.length > 0 ? known.join('；') : '尚无已发布的补贴期间'}）`,
    );
    return;
  }

  const contractMonths = ctx.param(minContractMonths, hire);
  const name = p.name ?? personId;
  if (branch === 'new_hire') {
    record(
      'hire_date_in_window',
      windowLabel,
      lrs22('政策细则 二.2', 429),
      'pass',
      `招用日期 ${hire}，在复工新吸纳期间 ${newWindow!.from} 至 ${newWindow!.until} 内`,
    );

    const deadline = ctx.paramOrUndefined(resumptionDeadline, hire);
    const resumeLabel = '企业于 2020 年 3 月 10 日前（含当日）复工（聊城）';
    if (deadline === undefined) {
      record(
        'enterprise_resumed_by_deadline',
        resumeLabel,
        lcgov('一.1', 4),
        'not_applicable',
        '本地区（或决定日期时）无单独的复工日期要求，以招用期间为准',
      );
    } else if (f.resumptionDate === undefined) {
      record('enterprise_resumed_by_deadline', resumeLabel, lcgov('一.1', 4), 'missing', undefined, [
        'facts.resumptionDate',
      ]);
    } else {
      const pass = f.resumptionDate <= deadline;
      record(
        'enterprise_resumed_by_deadline',
        resumeLabel,
        lcgov('一.1', 4),
        pass ? 'pass' : 'fail',
        `复工日期 ${f.resumptionDate}${pass ? '，不晚于' : '，晚于'} ${deadline}`,
      );
    }

    contractCondition(p, hire, contractMonths, lrs22('政策细则 二.2', 429), record, path);

    const siLabel = '缴纳职工社会保险费（免征期间：办理就业登记和社会保险登记，并由单位代扣代缴职工应缴社会保险费）';
    const siCite = lrs22('政策细则 二.2', 429);
    if (p.socialInsurance === undefined) {
      record('social_insurance_paid', siLabel, siCite, 'missing', undefined, [path('socialInsurance')]);
    } else {
      const si = socialInsuranceSatisfied(p.socialInsurance, p.employmentRegistered, p.socialInsuranceRegistered);
      if (si.needs.length > 0) {
        record(
          'social_insurance_paid',
          siLabel,
          siCite,
          'missing',
          '免征期间代扣代缴，需说明就业登记和社会保险登记情况',
          si.needs.map(path),
        );
      } else {
        const detail =
          p.socialInsurance === 'paid'
            ? '已缴纳职工社会保险费'
            : p.socialInsurance === 'not_paid'
              ? '未缴纳职工社会保险费'
              : `免征期间由单位代扣代缴；就业登记：${p.employmentRegistered ? '已办理' : '未办理'}，社会保险登记：${p.socialInsuranceRegistered ? '已办理' : '未办理'}`;
        record('social_insurance_paid', siLabel, siCite, si.pass ? 'pass' : 'fail', detail);
      }
    }

    const lookback = ctx.paramOrUndefined(priorRecordLookbackMonths, hire);
    const priorLabel = '签订劳动合同之前半年内在本企业无就业登记（备案）或缴纳社会保险记录';
    if (lookback === undefined) {
      record(
        'no_prior_record_at_enterprise',
        priorLabel,
        lrs22('政策细则 二.2', 429),
        'not_applicable',
        `决定日期 ${ctx.decisionDate} 时尚未发布此项限制（鲁人社字〔2020〕22号 2020-03-06 起）`,
      );
    } else if (p.lastRecordAtEnterpriseBeforeContract === undefined) {
      record('no_prior_record_at_enterprise', priorLabel, lrs22('政策细则 二.2', 429), 'missing', undefined, [
        path('lastRecordAtEnterpriseBeforeContract'),
      ]);
    } else {
      const last = p.lastRecordAtEnterpriseBeforeContract;
      const recent = hasRecentPriorRecord(last, hire, lookback);
      const since = lookbackStart(hire, lookback);
      record(
        'no_prior_record_at_enterprise',
        priorLabel,
        lrs22('政策细则 二.2', 429),
        recent ? 'fail' : 'pass',
        last === 'none'
          ? '此前在本企业无就业登记或缴费记录'
          : `此前在本企业最近记录 ${last}，${recent ? '在' : '不在'}签订劳动合同前 ${lookback} 个月（${since} 至 ${addDays(hire, -1)}）内`,
      );
    }

    if (!ok || claimBlocked) return;
    const amount = ctx.param(newHireAmount, hire);
    ctx.line({
      label: `${name} 一次性吸纳就业补贴（复工新吸纳）`,
      amountFen: amount,
      personId,
      cite: lrs22('政策细则 二.2', 429),
      formula: `${fenToYuanString(amount)} 元/人 × 1 人`,
    });
    return;
  }

  // 中小微企业招用毕业年度高校毕业生
  const gradCite = lrs43('二', 4174);
  record(
    'hire_date_in_window',
    windowLabel,
    gradCite,
    'pass',
    `招用日期 ${hire}，在招用毕业年度高校毕业生期间 ${gradWindow!.from} 至 ${gradWindow!.until} 内`,
  );

  const sizes = ctx.param(graduateEnterpriseSizes, hire);
  if (f.enterpriseSize === undefined) {
    record('sme_employer', '用人单位为中小微企业', gradCite, 'missing', undefined, ['facts.enterpriseSize']);
  } else {
    const pass = sizes.includes(f.enterpriseSize);
    record(
      'sme_employer',
      '用人单位为中小微企业',
      gradCite,
      pass ? 'pass' : 'fail',
      `企业规模：${SIZE_NAMES[f.enterpriseSize]}企业`,
    );
  }

  const gradLabel = '招用的是毕业年度高校毕业生（毕业年份与招用年份相同）';
  const gradMissing = [
    p.isHigherEducationGraduate === undefined ? path('isHigherEducationGraduate') : undefined,
    p.graduationYear === undefined ? path('graduationYear') : undefined,
  ].filter((m): m is string => m !== undefined);
  if (p.isHigherEducationGraduate === false) {
    record(
      'graduating_year_graduate',
      gradLabel,
      gradCite,
      'fail',
      '非高校毕业生；2020-03-11 起的吸纳就业补贴只适用于招用毕业年度高校毕业生',
    );
  } else if (gradMissing.length > 0) {
    record('graduating_year_graduate', gradLabel, gradCite, 'missing', undefined, gradMissing);
  } else {
    const pass = isGraduatingYearGraduate(true, p.graduationYear!, hire);
    record(
      'graduating_year_graduate',
      gradLabel,
      gradCite,
      pass ? 'pass' : 'fail',
      `高校毕业生，毕业年度 ${p.graduationYear}，招用年份 ${hire.slice(0, 4)}`,
    );
  }

  contractCondition(p, hire, contractMonths, gradCite, record, path);

  if (p.employmentRegistered === undefined) {
    record('employment_registered', '办理就业登记', gradCite, 'missing', undefined, [path('employmentRegistered')]);
  } else {
    record(
      'employment_registered',
      '办理就业登记',
      gradCite,
      p.employmentRegistered ? 'pass' : 'fail',
      p.employmentRegistered ? '已办理就业登记' : '未办理就业登记',
    );
  }

  if (p.graduateSubsidyAlreadyPaid === undefined) {
    record('graduate_subsidised_once', '招用同一名高校毕业生的只补贴1次', gradCite, 'missing', undefined, [
      path('graduateSubsidyAlreadyPaid'),
    ]);
  } else {
    record(
      'graduate_subsidised_once',
      '招用同一名高校毕业生的只补贴1次',
      gradCite,
      p.graduateSubsidyAlreadyPaid ? 'fail' : 'pass',
      p.graduateSubsidyAlreadyPaid ? '该毕业生已因被招用享受过一次性吸纳就业补贴' : '该毕业生此前未享受',
    );
  }

  const internCite = lrs43('五', 4180);
  if (p.internshipRemainingSubsidyClaimed === undefined) {
    record('no_internship_remaining_subsidy', '不得与剩余期限见习补贴重复申领', internCite, 'missing', undefined, [
      path('internshipRemainingSubsidyClaimed'),
    ]);
  } else {
    record(
      'no_internship_remaining_subsidy',
      '不得与剩余期限见习补贴重复申领',
      internCite,
      p.internshipRemainingSubsidyClaimed ? 'fail' : 'pass',
      p.internshipRemainingSubsidyClaimed ? '已就该毕业生申领剩余期限见习补贴' : '未申领剩余期限见习补贴',
    );
  }

  if (!ok || claimBlocked) return;
  const standard = ctx.param(graduateAmountStandard, hire);
  const cap = ctx.param(graduateAmountCap, hire);
  const amount = graduateAmountFen(standard, cap);
  ctx.line({
    label: `${name} 一次性吸纳就业补贴（招用毕业年度高校毕业生）`,
    amountFen: amount,
    personId,
    cite: gradCite,
    formula: `标准 ${fenToYuanString(standard)} 元/人（上限 ${fenToYuanString(cap)} 元）× 1 人`,
  });
}

type Recorder = (
  id: string,
  label: string,
  cite: Citation,
  result: 'pass' | 'fail' | 'not_applicable' | 'missing',
  detail?: string,
  missing?: string[],
) => void;

function contractCondition(
  p: NewHire,
  hire: string,
  months: number,
  cite: Citation,
  record: Recorder,
  path: (f: string) => string,
): void {
  const label = `签订 ${months / 12} 年以上（含）劳动合同`;
  if (p.contractOpenEnded === true) {
    record('labour_contract_min_term', label, cite, 'pass', '无固定期限劳动合同');
    return;
  }
  if (p.contractEndDate === undefined) {
    record('labour_contract_min_term', label, cite, 'missing', '需填写劳动合同终止日期，或说明为无固定期限合同', [
      path('contractEndDate'),
    ]);
    return;
  }
  const pass = meetsMinimumTerm(hire, p.contractEndDate, false, months);
  record(
    'labour_contract_min_term',
    label,
    cite,
    pass ? 'pass' : 'fail',
    `劳动合同 ${hire} 至 ${p.contractEndDate}（满 ${months} 个月须至少到 ${minimumContractEnd(hire, months)}）`,
  );
}
