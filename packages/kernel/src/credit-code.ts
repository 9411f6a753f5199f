/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters —
 * 1 登记管理部门代码, 2 机构类别代码, 3–8 登记管理机关行政区划码, 9–17 主体标识码（组织机构代码）,
 * 18 校验码.
 */
import { RESIDENT_ID_PROVINCE_CODES } from './resident-id';
import { charLength, compactIdentifier } from './text';
import type { Checked } from './types';

/** The 31 characters of the code: digits and upper-case letters without I, O, Z, S, V. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weight of position i (0-based) is 3^i mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Letters people type for the excluded ones, to suggest the intended character. */
const LOOKALIKES: Readonly<Record<string, string>> = { I: '1', O: '0', Z: '2', S: '5', V: 'U' };

export interface RegistrationDepartment {
  code: string;
  name: string;
  /** Second character → 机构类别 name. */
  types: Readonly<Record<string, string>>;
}

/**
 * 登记管理部门 and 机构类别 codes: GB 32100-2015 表1 (1 机构编制, 5 民政, 9 工商, Y 其他) plus the
 * codes assigned to other registration departments since (2–4, 6–8, A, N) as published by the
 * 全国组织机构统一社会信用代码数据服务中心.
 */
export const REGISTRATION_DEPARTMENTS: readonly RegistrationDepartment[] = [
  {
    code: '1',
    name: '机构编制',
    types: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' },
  },
  { code: '2', name: '外交', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  {
    code: '3',
    name: '司法行政',
    types: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  { code: '4', name: '文化', types: { '1': '外国在华文化中心', '9': '其他' } },
  { code: '5', name: '民政', types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  {
    code: '6',
    name: '旅游',
    types: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' },
  },
  { code: '7', name: '宗教', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  { code: '8', name: '工会', types: { '1': '基层工会', '9': '其他' } },
  { code: '9', name: '工商', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  { code: 'A', name: '中央军委改革和编制办公室', types: { '1': '军队事业单位', '9': '其他' } },
  {
    code: 'N',
    name: '农业',
    types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' },
  },
  { code: 'Y', name: '其他', types: { '1': '其他' } },
];

const DEPARTMENTS = new Map(REGISTRATION_DEPARTMENTS.map((d) => [d.code, d]));

export type CreditCodeErrorCode =
  'empty' | 'length' | 'invalid_char' | 'registration_department' | 'organization_type' | 'region' | 'check_char';

export type CreditCodeCheck = Checked<
  {
    registrationDepartment: { code: string; name: string };
    organizationType: { code: string; name: string };
    /** Positions 3–8: where it was registered (`100000` = a national registration authority). */
    regionCode: string;
    /** Positions 9–17: the body's identifier (the former 组织机构代码). */
    organizationCode: string;
  },
  CreditCodeErrorCode
>;

/** Check character for the first 17 characters (which must come from the alphabet). */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('计算校验位需要统一社会信用代码的前17位');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`第${i + 1}位“${first17[i]}”不是统一社会信用代码允许的字符`);
    sum += value * WEIGHTS[i]!;
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Half-width, no spaces, upper case (the code has no lower-case letters). */
export function normalizeCreditCode(input: string): string {
  return compactIdentifier(input).toUpperCase();
}

export function checkCreditCode(input: string): CreditCodeCheck {
  const code = normalizeCreditCode(input);
  if (code === '') return fail('empty', '请填写统一社会信用代码（18位，见营业执照或登记证书）');

  const length = charLength(code);
  if (length !== 18) {
    return fail('length', `统一社会信用代码应为18位，当前为${length}位，请核对后重新输入`);
  }

  const chars = [...code];
  for (let i = 0; i < 18; i++) {
    const ch = chars[i]!;
    if (!CREDIT_CODE_ALPHABET.includes(ch)) {
      const guess = LOOKALIKES[ch];
      const hint = guess ? `，请核对是否应为“${guess}”` : '（只使用数字和除I、O、Z、S、V以外的大写字母）';
      return fail('invalid_char', `第${i + 1}位“${ch}”不是统一社会信用代码允许的字符${hint}`);
    }
  }

  const department = DEPARTMENTS.get(code[0]!);
  if (!department) {
    return fail(
      'registration_department',
      `统一社会信用代码第1位“${code[0]}”不是有效的登记管理部门代码（企业为9），请核对后重新输入`,
    );
  }
  const typeName = department.types[code[1]!];
  if (!typeName) {
    const allowed = Object.keys(department.types).map((t) => department.code + t);
    return fail(
      'organization_type',
      `统一社会信用代码前2位“${code.slice(0, 2)}”不是有效的机构类别（登记管理部门“${department.name}”只有${allowed.join('、')}），请核对后重新输入`,
    );
  }

  const regionCode = code.slice(2, 8);
  if (
    !/^\d{6}$/.test(regionCode) ||
    !(regionCode.startsWith('10') || RESIDENT_ID_PROVINCE_CODES.has(regionCode.slice(0, 2)))
  ) {
    return fail(
      'region',
      `统一社会信用代码第3至8位“${regionCode}”应为登记机关所在地的6位行政区划代码，请核对后重新输入`,
    );
  }

  const expected = creditCodeCheckChar(code.slice(0, 17));
  const actual = code[17]!;
  if (actual !== expected) {
    return fail('check_char', `统一社会信用代码校验位（第18位）应为“${expected}”，实际为“${actual}”，请核对后重新输入`);
  }

  return {
    ok: true,
    value: code,
    registrationDepartment: { code: department.code, name: department.name },
    organizationType: { code: code.slice(0, 2), name: typeName },
    regionCode,
    organizationCode: code.slice(8, 17),
  };
}

export function isValidCreditCode(input: string): boolean {
  return checkCreditCode(input).ok;
}

function fail(code: CreditCodeErrorCode, message: string): CreditCodeCheck {
  return { ok: false, code, message };
}
