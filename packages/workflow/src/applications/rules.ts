/**
 * The rules of the online system that are not programme arithmetic: which months may be claimed,
 * until when applications are accepted, which materials go with a claim, whether a training plan
 * must be filed first, and the review stages the enterprise will see — per region family, each
 * with its source. The amounts and eligibility come from the engine.
 */
import type { Citation } from '@wengang/engine';
import type { MaterialKind, SubsidyType } from './vocabulary';

const SD63 = { doc: '鲁人社字〔2020〕63号', file: '000_fcb7bf8bcb97a69c.txt', issued: '2020-06-08' };
const SD78 = { doc: '鲁人社函〔2020〕78号', file: '001_39fb5720dee477f9.txt', issued: '2020-10-28' };
const GUIDE = {
  doc: '聊人社字〔2020〕58号 附件2 以工代训补贴申报操作指南',
  file: '000_fcb7bf8bcb97a69c.txt',
  issued: '2020-06-16',
};
const CJ15 = { doc: '昌州人社发〔2020〕15号', file: '002_f784725f4eb4f98f.txt', issued: '2020-07-14' };

const cite = (d: Omit<Citation, 'clause' | 'line'>, clause: string, line: Citation['line']): Citation => ({
  ...d,
  clause,
  line,
});

export const ruleCites = {
  sixPerYear: cite(GUIDE, '四、维护补贴单位信息：补贴本年度最多申请6次', 131),
  oncePerMonth: cite(GUIDE, '四、每个单位、每个补贴年月只能申请一次（审核不通过的可再申请）', 135),
  routing: cite(GUIDE, '四、企业所属区划选择了哪个区，就会推送到哪个区审核', 137),
  personsAfterUnit: cite(GUIDE, '五、补贴单位信息录入完成后，才可以录入补贴人员信息', 151),
  oneTypePerMonth: cite(SD78, '四（三）一个月的申领期内只能申请两项中的一项', 3901),
  sixMonthsPerEnterprise: cite(SD78, '四（三）同一企业在政策执行期内最长可申请6个月', 3901),
  sdAcceptance63: cite(SD63, '二（二）政策受理期截至2020年12月31日', 272),
  sdAcceptance78: cite(SD78, '四（五）受理期延长至2021年3月底', 3905),
  sdMaterials: cite(
    SD63,
    '政策细则 二（一）4 企业营业执照（初次申领）、以工代训人员花名册（含承诺书）、当月银行工资发放对账单',
    374,
  ),
  sdQuarter: cite(
    SD63,
    '二（二）6 停工停业企业需提供上一季度发放工资银行对账单；政策细则 二（二）4 当月及上一季度发放工资银行对账单',
    [272, 398],
  ),
  sdCommitment: cite(SD78, '三 无法提供工资发放银行对账单的，可采取企业书面承诺方式', 3893),
  sdNoQuarter: cite(SD78, '三 困难企业不再要求提供上一季度工资发放银行对账单', 3893),
  sdDispatch: cite(SD78, '四（四）劳务派遣职工由实际用人企业申领，提供派遣协议（附派遣人员名单）', 3903),
  cjPeriod: cite(CJ15, '三 从2020年6月1日起执行，受理期限截止到2020年12月31日', 81),
  cjPlan: cite(CJ15, '四（一）企业提交《昌吉州以工代训培训计划申请表》审核备案', 49),
  cjMaterials: cite(CJ15, '四（三）花名册纸质扫描件和电子花名册、当月发放工资银行对账单或工资表扫描件', 53),
  cjQuarter: cite(CJ15, '四（三）停产停工企业提供上一季度工资发放银行对账单或工资表', 53),
} as const;

export type RegionFamily = 'shandong' | 'changji';

export function regionFamily(regionCode: string): RegionFamily | null {
  if (regionCode.startsWith('37')) return 'shandong';
  if (regionCode.startsWith('6523')) return 'changji';
  return null;
}

export interface AcceptanceWindow {
  firstMonth: string;
  lastMonth: string;
  /** Last day applications are accepted, as known on the decision date. */
  deadline: string;
  cite: Citation;
}

/** Claimable months and the acceptance deadline in force on `today` (later amendments unknown before issue). */
export function acceptanceWindow(family: RegionFamily, today: string): AcceptanceWindow {
  if (family === 'changji') {
    return { firstMonth: '2020-06', lastMonth: '2020-12', deadline: '2020-12-31', cite: ruleCites.cjPeriod };
  }
  return today >= SD78.issued
    ? { firstMonth: '2020-01', lastMonth: '2020-12', deadline: '2021-03-31', cite: ruleCites.sdAcceptance78 }
    : { firstMonth: '2020-01', lastMonth: '2020-12', deadline: '2020-12-31', cite: ruleCites.sdAcceptance63 };
}

/** Months that may be chosen on the form today: in the window and not later than the current month. */
export function claimableMonths(family: RegionFamily, today: string): string[] {
  const window = acceptanceWindow(family, today);
  const months: string[] = [];
  let [y, m] = window.firstMonth.split('-').map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > window.lastMonth || month > today.slice(0, 7)) break;
    months.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

export interface MaterialRequirement {
  /** Any one of these kinds satisfies the requirement. */
  kinds: MaterialKind[];
  label: string;
  required: boolean;
  cite: Citation;
}

export interface MaterialContext {
  family: RegionFamily;
  subsidyType: SubsidyType;
  today: string;
  /** The enterprise has an earlier claim (not rejected) with its business licence. */
  licenceOnFile: boolean;
  hasDispatchedPersons: boolean;
}

export function materialRequirements(c: MaterialContext): MaterialRequirement[] {
  const list: MaterialRequirement[] = [];
  if (c.family === 'changji') {
    list.push({
      kinds: ['signed_roster'],
      label: '以工代训人员花名册纸质扫描件',
      required: true,
      cite: ruleCites.cjMaterials,
    });
    list.push({
      kinds: ['wage_statement'],
      label: '当月发放工资银行对账单或工资表（职工签字并加盖财务章）扫描件',
      required: true,
      cite: ruleCites.cjMaterials,
    });
    if (c.subsidyType === 'epidemic_hardship') {
      list.push({
        kinds: ['wage_statement_quarter'],
        label: '上一季度工资发放银行对账单或工资表（停产停工企业）',
        required: true,
        cite: ruleCites.cjQuarter,
      });
    }
    return list;
  }
  const amended = c.today >= SD78.issued;
  list.push({
    kinds: ['signed_roster'],
    label: '以工代训人员花名册（含承诺书，签字盖章扫描件）',
    required: true,
    cite: ruleCites.sdMaterials,
  });
  list.push({
    kinds: ['business_licence'],
    label: c.licenceOnFile ? '营业执照（初次申领时已提交，本次可不再上传）' : '营业执照（初次申领）',
    required: !c.licenceOnFile,
    cite: ruleCites.sdMaterials,
  });
  list.push(
    amended
      ? {
          kinds: ['wage_statement', 'wage_commitment'],
          label: '当月银行工资发放对账单（因企业自身原因无法提供的，提供书面承诺及实际发放工资证明）',
          required: true,
          cite: ruleCites.sdCommitment,
        }
      : { kinds: ['wage_statement'], label: '当月银行工资发放对账单', required: true, cite: ruleCites.sdMaterials },
  );
  if (c.subsidyType === 'epidemic_hardship' && !amended) {
    list.push({
      kinds: ['wage_statement_quarter'],
      label: '上一季度发放工资银行对账单（停工停业企业）',
      required: true,
      cite: ruleCites.sdQuarter,
    });
  }
  if (c.hasDispatchedPersons) {
    list.push({
      kinds: ['dispatch_agreement'],
      label: '劳务派遣协议（附派遣人员名单）及相关工资发放证明',
      required: true,
      cite: ruleCites.sdDispatch,
    });
  }
  return list;
}

/** Whether the region needs a filed (approved) training plan before the first monthly claim. */
export function requiresTrainingPlan(family: RegionFamily): boolean {
  return family === 'changji';
}

export interface ReviewStage {
  status: string;
  label: string;
}

/** The stages the enterprise will go through after submitting, for the progress view. */
export function reviewStages(family: RegionFamily, regionName: string): ReviewStage[] {
  if (family === 'changji') {
    return [
      { status: 'submitted', label: '提交申请' },
      { status: 'county_review', label: `${regionName}人社部门审核（2个工作日内）` },
      { status: 'prefecture_review', label: '昌吉州人社局复审' },
      { status: 'payment', label: '州财政局拨付' },
      { status: 'paid', label: '已拨付至基本账户' },
    ];
  }
  return [
    { status: 'submitted', label: '提交申请' },
    { status: 'county_review', label: `${regionName}人社部门审核` },
    { status: 'publicity', label: '公示' },
    { status: 'payment', label: '拨付' },
    { status: 'paid', label: '已拨付至基本账户' },
  ];
}
