/**
 * 维护补贴单位信息 (操作指南 §4): the guide's fields with its required marks, each checked with the
 * kernel's rules and a Chinese message naming the field and the fix.
 */
import {
  checkBankAccountField,
  checkContactPhone,
  checkCreditCodeField,
  checkResidentIdField,
  isIndustryCode,
} from './checks';
import type { FieldIssue } from './errors';
import type { ApplicationDetails } from './evaluate';
import { industryLabels, subsidyTypes, type EnterpriseSize, type Industry, type SubsidyType } from './vocabulary';

/** The form as received (untrusted strings; numbers optional). */
export interface UnitFormInput {
  unitName?: string | undefined;
  creditCode?: string | undefined;
  legalRepName?: string | undefined;
  legalRepIdNumber?: string | undefined;
  bankName?: string | undefined;
  bankAccountNo?: string | undefined;
  contactPhone?: string | undefined;
  declaredSize?: string | undefined;
  industry?: string | undefined;
  subsidyMonth?: string | undefined;
  subsidyType?: string | undefined;
  regionCode?: string | undefined;
  trainingDescription?: string | undefined;
  /** Optional figures for the size check (工信部联企业〔2011〕300号), with the standard's industry row. */
  sizeIndustry?: string | null | undefined;
  employees?: number | null | undefined;
  revenueFen?: number | null | undefined;
  assetsFen?: number | null | undefined;
  /** Answers some types or regions need (困难企业认定指标, 经营范围变更日期, 昌吉州 declarations). */
  details?: Omit<ApplicationDetails, 'sizeIndustry'> | undefined;
}

export interface UnitForm {
  unitName: string;
  creditCode: string;
  legalRepName: string | null;
  legalRepIdNumber: string | null;
  bankName: string;
  bankAccountNo: string;
  contactPhone: string;
  declaredSize: EnterpriseSize;
  industry: Industry;
  subsidyMonth: string;
  subsidyType: SubsidyType;
  regionCode: string;
  trainingDescription: string;
  employees: number | null;
  revenueFen: number | null;
  assetsFen: number | null;
  details: ApplicationDetails;
}

/** What is already on file for the enterprise: a blank personal/account field keeps it. */
export interface OnFile {
  legalRepIdNumber: string | null;
  bankAccountNo: string | null;
}

const sizes: readonly EnterpriseSize[] = ['large', 'medium', 'small', 'micro'];

const clean = (v: string | undefined | null) => (typeof v === 'string' ? v.trim() : '');

/** Checks the form; `months` and `regions` are the choices the programme allows. */
export function checkUnitForm(
  input: UnitFormInput,
  options: { today: string; months: readonly string[]; regions: ReadonlyMap<string, string>; onFile?: OnFile },
): { form?: UnitForm; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const need = (path: string, label: string, value: string, hint = '') => {
    if (!value) issues.push({ path, message: `请填写${label}${hint}` });
    return value;
  };

  const unitName = need('unitName', '单位名称', clean(input.unitName), '（与营业执照一致）');
  if (unitName && (unitName.length < 2 || unitName.length > 100)) {
    issues.push({ path: 'unitName', message: '单位名称应为 2–100 个字，请与营业执照上的名称一致' });
  }

  let creditCode = clean(input.creditCode);
  if (!creditCode) issues.push({ path: 'creditCode', message: '请填写统一社会信用代码（18 位，见营业执照）' });
  else {
    const checked = checkCreditCodeField(creditCode);
    if (checked.ok) creditCode = checked.value;
    else issues.push({ path: 'creditCode', message: `统一社会信用代码有误：${checked.message}` });
  }

  const legalRepName = clean(input.legalRepName) || null;
  if (legalRepName && legalRepName.length > 30) {
    issues.push({ path: 'legalRepName', message: '法人姓名过长，请填写法定代表人姓名' });
  }
  let legalRepIdNumber = clean(input.legalRepIdNumber) || null;
  if (legalRepIdNumber) {
    const checked = checkResidentIdField(legalRepIdNumber, options.today);
    if (checked.ok) legalRepIdNumber = checked.value;
    else issues.push({ path: 'legalRepIdNumber', message: `法人身份证号码有误：${checked.message}` });
  } else legalRepIdNumber = options.onFile?.legalRepIdNumber ?? null;

  const bankName = need('bankName', '基本账户开户银行', clean(input.bankName), '（如：中国工商银行聊城分行营业部）');
  if (bankName && bankName.length > 60) issues.push({ path: 'bankName', message: '基本账户开户银行名称过长' });

  let bankAccountNo = clean(input.bankAccountNo);
  if (!bankAccountNo && options.onFile?.bankAccountNo) bankAccountNo = options.onFile.bankAccountNo;
  else if (!bankAccountNo)
    issues.push({ path: 'bankAccountNo', message: '请填写基本账户银行账号（补贴拨付至该账户）' });
  else {
    const checked = checkBankAccountField(bankAccountNo);
    if (checked.ok) bankAccountNo = checked.value;
    else issues.push({ path: 'bankAccountNo', message: `基本账户银行账号有误：${checked.message}` });
  }

  let contactPhone = clean(input.contactPhone);
  if (!contactPhone) issues.push({ path: 'contactPhone', message: '请填写联系电话（手机号或带区号的固定电话）' });
  else {
    const checked = checkContactPhone(contactPhone);
    if (checked.ok) contactPhone = checked.value;
    else issues.push({ path: 'contactPhone', message: `联系电话有误：${checked.message}` });
  }

  const declaredSize = clean(input.declaredSize) as EnterpriseSize;
  if (!declaredSize) issues.push({ path: 'declaredSize', message: '请选择企业规模' });
  else if (!sizes.includes(declaredSize)) {
    issues.push({ path: 'declaredSize', message: '企业规模应为大型、中型、小型或微型企业之一' });
  }

  const industry = clean(input.industry) as Industry;
  if (!industry) issues.push({ path: 'industry', message: '请选择所属行业' });
  else if (!(industry in industryLabels)) {
    issues.push({
      path: 'industry',
      message: '所属行业应为外贸、住宿餐饮、文化旅游、交通运输、批发零售或其他行业之一',
    });
  }

  const subsidyMonth = clean(input.subsidyMonth);
  if (!subsidyMonth) issues.push({ path: 'subsidyMonth', message: '请选择补贴年月' });
  else if (!/^\d{4}-\d{2}$/.test(subsidyMonth)) {
    issues.push({ path: 'subsidyMonth', message: '补贴年月格式应为 YYYY-MM，如 2020-07' });
  } else if (!options.months.includes(subsidyMonth)) {
    const range = options.months.length
      ? `可申报 ${options.months[0]} 至 ${options.months[options.months.length - 1]}（不晚于当月）`
      : '当前没有可申报的月份';
    issues.push({ path: 'subsidyMonth', message: `补贴年月 ${subsidyMonth} 不在可申报范围内：${range}` });
  }

  const subsidyType = clean(input.subsidyType) as SubsidyType;
  if (!subsidyType)
    issues.push({ path: 'subsidyType', message: '请选择补贴类型（新吸纳劳动者就业 / 受疫情影响的企业）' });
  else if (!subsidyTypes.includes(subsidyType)) {
    issues.push({ path: 'subsidyType', message: '补贴类型应为「新吸纳劳动者就业」或「受疫情影响的企业」' });
  } else if (subsidyType === 'hard_hit_industry' && !clean(input.regionCode).startsWith('6523')) {
    issues.push({
      path: 'subsidyType',
      message: '「受疫情影响较大行业的企业、个体工商户」仅适用于昌吉州（昌州人社发〔2020〕15号），山东省请选择另外两类',
    });
  }

  const regionCode = clean(input.regionCode);
  if (!regionCode) issues.push({ path: 'regionCode', message: '请选择企业所属区划（申请将推送至该区划审核）' });
  else if (!options.regions.has(regionCode)) {
    issues.push({
      path: 'regionCode',
      message: '企业所属区划不在以工代训补贴的实施地区内，请从列表中选择县（市、区）',
    });
  }

  const trainingDescription = need('trainingDescription', '以工代训培训情况', clean(input.trainingDescription));
  if (trainingDescription && trainingDescription.length < 10) {
    issues.push({
      path: 'trainingDescription',
      message: '以工代训培训情况请至少写 10 个字：培训岗位、内容、方式、带教师傅、起止时间等',
    });
  }
  if (trainingDescription.length > 2000) {
    issues.push({ path: 'trainingDescription', message: '以工代训培训情况不超过 2000 字' });
  }

  const count = (path: string, label: string, value: number | null | undefined) => {
    if (value === null || value === undefined) return null;
    if (!Number.isSafeInteger(value) || value < 0) {
      issues.push({ path, message: `${label}应为不小于 0 的整数` });
      return null;
    }
    return value;
  };
  const employees = count('employees', '从业人员', input.employees);
  const revenueFen = count('revenueFen', '营业收入', input.revenueFen);
  const assetsFen = count('assetsFen', '资产总额', input.assetsFen);
  const sizeIndustry = clean(input.sizeIndustry) || null;
  if (sizeIndustry && !isIndustryCode(sizeIndustry)) {
    issues.push({ path: 'sizeIndustry', message: '划型行业不在《中小企业划型标准规定》所列行业中，请从列表中选择' });
  }
  if (!sizeIndustry && (employees !== null || revenueFen !== null || assetsFen !== null)) {
    issues.push({
      path: 'sizeIndustry',
      message: '填写了从业人员、营业收入或资产总额时，请选择划型行业（用于核对企业规模）',
    });
  }
  const details = checkDetails(input.details ?? {}, issues);
  details.sizeIndustry = sizeIndustry;

  if (issues.length > 0) return { issues };
  return {
    issues,
    form: {
      unitName,
      creditCode,
      legalRepName,
      legalRepIdNumber,
      bankName,
      bankAccountNo,
      contactPhone,
      declaredSize,
      industry,
      subsidyMonth,
      subsidyType,
      regionCode,
      trainingDescription,
      employees,
      revenueFen,
      assetsFen,
      details,
    },
  };
}

const isDate = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(v);

function checkDetails(input: Omit<ApplicationDetails, 'sizeIndustry'>, issues: FieldIssue[]): ApplicationDetails {
  const out: ApplicationDetails = {};
  const date = (key: 'industryScopeAddedOn' | 'establishedOn', label: string) => {
    const v = input[key];
    if (v === undefined) return;
    if (v === null || v === '') out[key] = null;
    else if (isDate(v)) out[key] = v;
    else issues.push({ path: `details.${key}`, message: `${label}应为日期（YYYY-MM-DD）` });
  };
  date('industryScopeAddedOn', '增加该行业经营范围的日期');
  date('establishedOn', '成立日期');
  if (input.enterpriseKind !== undefined) {
    if (input.enterpriseKind === 'enterprise' || input.enterpriseKind === 'individual_business')
      out.enterpriseKind = input.enterpriseKind;
    else issues.push({ path: 'details.enterpriseKind', message: '单位类型应为企业或个体工商户' });
  }
  for (const key of ['hasEmployeesInsuredAsUnit', 'shutdownListed', 'noOtherTrainingSubsidy'] as const) {
    const v = input[key];
    if (v === undefined || v === null) continue;
    if (typeof v === 'boolean') out[key] = v;
    else issues.push({ path: `details.${key}`, message: '请选择“是”或“否”' });
  }
  if (input.indicators) {
    const labels = {
      revenueFen: '当月营业收入',
      revenue2019Fen: '2019年营业收入合计',
      electricityFen: '当月电费',
      electricity2019Fen: '2019年电费合计',
      otherEnergy: '当月其他能源消耗量',
      otherEnergy2019: '2019年其他能源消耗量合计',
    } as const;
    const indicators: NonNullable<ApplicationDetails['indicators']> = {};
    for (const key of Object.keys(labels) as (keyof typeof labels)[]) {
      const v = input.indicators[key];
      if (v === undefined || v === null) continue;
      const integer = key.endsWith('Fen');
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (integer && !Number.isSafeInteger(v))) {
        issues.push({
          path: `details.indicators.${key}`,
          message: `${labels[key]}应为不小于 0 的${integer ? '金额' : '数值'}`,
        });
      } else indicators[key] = v;
    }
    out.indicators = indicators;
  }
  return out;
}
