/**
 * 职业介绍补贴 (Shandong 2020; Liaocheng restates it): 120 元 for each 技能型人才 or 职业院校、技工
 * 院校、高校毕业生 that a public employment service or a commercial HR service agency placed, between
 * 2020-02-04 and 2020-05-04, with an enterprise or individual business of the region on a labour
 * contract of ≥ 1 year, as confirmed on review (鲁人社字〔2020〕22号 三; 聊城市人民政府 2020-03-11 通知 一.2).
 */
import { defineProgramme, fenToYuanString, type Citation, type DecisionContext } from '@wengang/engine';
import { facts as factsSchema, type Facts, type Placement } from './facts';
import { agencyTypes } from './parameters/agency-types';
import { amountPerPerson } from './parameters/amount-per-person';
import { employerRegionScope } from './parameters/employer-region-scope';
import { employerTypes } from './parameters/employer-types';
import { minContractMonths } from './parameters/min-contract-months';
import { personCategories } from './parameters/person-categories';
import { placementWindow } from './parameters/placement-window';
import { meetsMinimumTerm, minimumContractEnd } from './rules/contract-term';
import { isWithin } from '../common/dates';
import { categoryNames, isEligibleCategory } from './rules/person-category';
import { isRegionWithin } from './rules/region-within';
import { lcgov, lrs22, lzbf4 } from './sources';

export const programme = defineProgramme({
  id: 'job-referral-subsidy',
  name: '职业介绍补贴',
  version: '1',
  regions: ['370000'],
  periods: [
    { from: '2020-02-04', until: '2020-05-04', region: '370000', cite: lrs22('政策细则 三.2', 447) },
    { from: '2020-02-04', until: '2020-05-04', region: '371500', cite: lcgov('一.2', 5) },
  ],
  facts: factsSchema,
  parameters: [
    agencyTypes,
    amountPerPerson,
    employerRegionScope,
    employerTypes,
    minContractMonths,
    personCategories,
    placementWindow,
  ],
  decide,
});

const AGENCY_NAMES: Record<string, string> = {
  public_employment_service: '公共就业（人才）服务机构',
  commercial_hr_service: '经营性人力资源服务机构',
  other: '其他机构',
};
const EMPLOYER_NAMES: Record<string, string> = {
  enterprise: '企业',
  individual_business: '个体工商户',
  other: '其他单位',
};

interface Rules {
  rate: number;
  window: { from: string; until: string };
  categories: readonly string[];
  employerTypes: readonly string[];
  scope: string;
  months: number;
}

function decide(ctx: DecisionContext, f: Facts): void {
  let blocked = false;
  const rate = ctx.paramOrUndefined(amountPerPerson);
  const inForce = '申领期间在补贴实施期间内，且决定时补贴标准已确定';
  if (rate === undefined) {
    ctx.condition({
      id: 'policy_in_force',
      label: inForce,
      result: 'fail',
      cite: lzbf4('19', 54),
      detail:
        `申领期间自 ${ctx.period.from}、决定日期 ${ctx.decisionDate}：无适用的补贴标准` +
        '（鲁政办发〔2020〕4号只规定“市、县级财政可适当给予”，120 元标准自鲁人社字〔2020〕22号 2020-03-06 起；实施期间 2020-02-04 至 2020-05-04）',
    });
    return;
  }
  ctx.condition({
    id: 'policy_in_force',
    label: inForce,
    result: 'pass',
    cite: lrs22('政策细则 三.2', 447),
    detail: `补贴标准 ${fenToYuanString(rate)} 元/人`,
  });

  const agencyLabel = '补贴对象为公共就业（人才）服务机构或经营性人力资源服务机构';
  if (f.agencyType === undefined) {
    blocked = true;
    ctx.condition({
      id: 'agency_type_eligible',
      label: agencyLabel,
      result: 'missing',
      cite: lrs22('政策细则 三.1', 443),
      missing: ['facts.agencyType'],
    });
  } else {
    const ok = ctx.param(agencyTypes).includes(f.agencyType);
    if (!ok) blocked = true;
    ctx.condition({
      id: 'agency_type_eligible',
      label: agencyLabel,
      result: ok ? 'pass' : 'fail',
      cite: lrs22('政策细则 三.1', 443),
      detail: `机构类型：${AGENCY_NAMES[f.agencyType]}`,
    });
  }

  if (f.placements === undefined) {
    ctx.missing('facts.placements');
    return;
  }
  const rules: Rules = {
    rate,
    window: ctx.param(placementWindow),
    categories: ctx.param(personCategories),
    employerTypes: ctx.param(employerTypes),
    scope: ctx.param(employerRegionScope),
    months: ctx.param(minContractMonths),
  };
  f.placements.forEach((p, i) => decidePlacement(ctx, p, i, rules, blocked));
  ctx.note(
    '由企业所在地给予；所需资金从就业补助资金、扩大失业保险基金支出试点资金中安排（鲁人社字〔2020〕22号 三.2–3）。',
  );
}

function decidePlacement(ctx: DecisionContext, p: Placement, index: number, r: Rules, claimBlocked: boolean): void {
  const personId = p.id;
  const path = (field: string): string => `facts.placements.${index}.${field}`;
  let ok = true;
  const record = (
    id: string,
    label: string,
    cite: Citation,
    result: 'pass' | 'fail' | 'missing',
    detail?: string,
    missing?: string[],
  ): void => {
    if (result !== 'pass') ok = false;
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
  const cite447 = lrs22('政策细则 三.2', 447);

  const catLabel = '被介绍人员为技能型人才（取得国家职业资格证书或职业技能等级证书）或职业院校、技工院校、高校毕业生';
  if (p.category === undefined) {
    record('person_category_eligible', catLabel, cite447, 'missing', undefined, [path('category')]);
  } else if (p.category === 'skilled_talent' && p.hasQualificationCertificate === undefined) {
    record('person_category_eligible', catLabel, cite447, 'missing', '技能型人才须说明是否取得证书', [
      path('hasQualificationCertificate'),
    ]);
  } else {
    const pass = isEligibleCategory(p.category, r.categories, p.hasQualificationCertificate);
    const cert =
      p.category === 'skilled_talent'
        ? p.hasQualificationCertificate
          ? '，已取得证书'
          : '，未取得国家职业资格证书或职业技能等级证书'
        : '';
    record(
      'person_category_eligible',
      catLabel,
      cite447,
      pass ? 'pass' : 'fail',
      `人员类别：${categoryNames[p.category]}${cert}`,
    );
  }

  const winLabel = `介绍就业（劳动合同起始）在 ${r.window.from} 至 ${r.window.until} 内`;
  if (p.contractStartDate === undefined) {
    record('placed_within_window', winLabel, cite447, 'missing', undefined, [path('contractStartDate')]);
  } else {
    const pass = isWithin(p.contractStartDate, r.window);
    record(
      'placed_within_window',
      winLabel,
      cite447,
      pass ? 'pass' : 'fail',
      `劳动合同起始日 ${p.contractStartDate}${pass ? '' : '，不在期间内'}`,
    );
  }

  const empLabel = '到本地区（省细则：本省；聊城：本市）企业、个体工商户就业';
  const empMissing = [
    p.employerType === undefined ? path('employerType') : undefined,
    p.employerRegion === undefined ? path('employerRegion') : undefined,
  ].filter((m): m is string => m !== undefined);
  if (empMissing.length > 0) {
    record('employer_in_scope', empLabel, lcgov('一.2', 5), 'missing', undefined, empMissing);
  } else {
    const typeOk = r.employerTypes.includes(p.employerType!);
    const regionOk = isRegionWithin(p.employerRegion!, r.scope);
    record(
      'employer_in_scope',
      empLabel,
      lcgov('一.2', 5),
      typeOk && regionOk ? 'pass' : 'fail',
      `用人单位：${EMPLOYER_NAMES[p.employerType!]}，所在地 ${p.employerRegion}${regionOk ? `，在 ${r.scope} 范围内` : `，不在 ${r.scope} 范围内`}${typeOk ? '' : '，不属于企业或个体工商户'}`,
    );
  }

  const termLabel = `签订 ${r.months / 12} 年以上（含）劳动合同（稳定就业）`;
  if (p.contractOpenEnded === true) {
    record('labour_contract_min_term', termLabel, cite447, 'pass', '无固定期限劳动合同');
  } else if (p.contractStartDate === undefined || p.contractEndDate === undefined) {
    record(
      'labour_contract_min_term',
      termLabel,
      cite447,
      'missing',
      '需填写劳动合同起止日期，或说明为无固定期限合同',
      [path(p.contractEndDate === undefined ? 'contractEndDate' : 'contractStartDate')],
    );
  } else {
    const pass = meetsMinimumTerm(p.contractStartDate, p.contractEndDate, false, r.months);
    record(
      'labour_contract_min_term',
      termLabel,
      cite447,
      pass ? 'pass' : 'fail',
      `劳动合同 ${p.contractStartDate} 至 ${p.contractEndDate}（满 ${r.months} 个月须至少到 ${minimumContractEnd(p.contractStartDate, r.months)}）`,
    );
  }

  const confirmLabel = '经审核确认';
  if (p.referralConfirmed === undefined) {
    record('referral_confirmed', confirmLabel, cite447, 'missing', undefined, [path('referralConfirmed')]);
  } else {
    record(
      'referral_confirmed',
      confirmLabel,
      cite447,
      p.referralConfirmed ? 'pass' : 'fail',
      p.referralConfirmed ? '已审核确认由本机构介绍就业' : '未能确认由本机构介绍就业',
    );
  }

  if (!ok || claimBlocked) return;
  const amount = ctx.param(amountPerPerson, p.contractStartDate);
  ctx.line({
    label: `${p.name ?? personId} 职业介绍补贴`,
    amountFen: amount,
    personId,
    cite: cite447,
    formula: `${fenToYuanString(amount)} 元/人 × 1 人`,
  });
}
