/**
 * The kernel's checks as the application forms use them, so the page and the server say the
 * same thing; and the masking used in lists, logs and exports.
 */
import {
  checkBankAccountNumber,
  checkCreditCode,
  checkMobile,
  checkPhoneNumber,
  checkResidentId,
  classifyEnterpriseSize,
  getIndustrySection,
  INDUSTRY_SECTIONS,
  isSizeIndustry,
  SIZE_INDUSTRIES,
  checkDeclaredSize,
  type EnterpriseSize,
  type SizeIndustry,
} from '@wengang/kernel';

export type FieldCheck = { ok: true; value: string } | { ok: false; message: string };

export function checkCreditCodeField(input: string): FieldCheck {
  const r = checkCreditCode(input);
  return r.ok ? { ok: true, value: r.value } : { ok: false, message: r.message };
}

export function checkResidentIdField(input: string, today: string): FieldCheck {
  const r = checkResidentId(input, today);
  return r.ok ? { ok: true, value: r.value } : { ok: false, message: r.message };
}

export function checkBankAccountField(input: string): FieldCheck {
  const r = checkBankAccountNumber(input);
  return r.ok ? { ok: true, value: r.value } : { ok: false, message: r.message };
}

/** Mobile or fixed-line number with area code. */
export function checkContactPhone(input: string): FieldCheck {
  const r = checkPhoneNumber(input);
  return r.ok ? { ok: true, value: r.value } : { ok: false, message: r.message };
}

/** A mobile number (the user name of an enterprise account): the message, or null when valid. */
export function checkMobilePhone(input: string): string | null {
  const r = checkMobile(input);
  return r.ok ? null : `手机号有误：${r.message}`;
}

/** 所属行业 choices: the rows of the size standard (they decide the size check). */
export const industryOptions: readonly { code: string; label: string }[] = SIZE_INDUSTRIES.map((i) => ({
  code: i.key,
  label: i.name,
}));

export function isIndustryCode(code: string): boolean {
  return isSizeIndustry(code);
}

export function industryLabel(code: string): string {
  return SIZE_INDUSTRIES.find((i) => i.key === code)?.name ?? getIndustrySection(code)?.name ?? code;
}

/** An enterprise's stored GB/T 4754 section as the size row, when the section alone decides it. */
export function industryFromSection(section: string | null): string | null {
  if (!section) return null;
  const entry = INDUSTRY_SECTIONS.find((s) => s.code === section);
  return entry && entry.sizeRows.length >= 1 ? entry.sizeRows[0]! : null;
}

export interface SizeCheckResult {
  computed: EnterpriseSize | null;
  /** Shown to the reviewer: the basis, the mismatch or what is missing; null when nothing was given. */
  note: string | null;
  mismatch: boolean;
}

/** The declared size against the size computed from the figures given (工信部联企业〔2011〕300号). */
export function checkSize(
  declared: EnterpriseSize,
  industry: string,
  figures: { employees: number | null; revenueFen: number | null; assetsFen: number | null },
): SizeCheckResult {
  if (figures.employees === null && figures.revenueFen === null && figures.assetsFen === null) {
    return { computed: null, note: null, mismatch: false };
  }
  if (!isSizeIndustry(industry)) return { computed: null, note: null, mismatch: false };
  const computed = classifyEnterpriseSize({
    industry: industry as SizeIndustry,
    ...(figures.employees !== null ? { employees: figures.employees } : {}),
    ...(figures.revenueFen !== null ? { revenueYuan: figures.revenueFen / 100 } : {}),
    ...(figures.assetsFen !== null ? { assetsYuan: figures.assetsFen / 100 } : {}),
  });
  const verdict = checkDeclaredSize(declared, computed);
  if ('missing' in computed) return { computed: null, note: verdict.ok ? null : verdict.message, mismatch: false };
  return {
    computed: computed.size,
    note: verdict.ok ? computed.basis : verdict.message,
    mismatch: !verdict.ok && verdict.code === 'size_mismatch',
  };
}

/** 身份证号 masked except the last 4 characters (lists, exports, logs). */
export function maskIdNumber(id: string): string {
  return id.length <= 4 ? id : `${'*'.repeat(id.length - 4)}${id.slice(-4)}`;
}

/** Bank account: only the last 4 digits. */
export function maskAccount(account: string): string {
  return account.length <= 4 ? account : `${'*'.repeat(Math.max(4, account.length - 4))}${account.slice(-4)}`;
}

export function maskPhone(phone: string): string {
  return /^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}

/** 3000.00 from 300000 fen; yuan with two decimals, no float arithmetic. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
