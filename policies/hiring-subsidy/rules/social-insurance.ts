/**
 * “缴纳职工社会保险费（国家规定的社会保险免征期间，办理就业登记和社会保险登记，并由单位代扣代缴
 * 职工应缴社会保险费）” (鲁人社字〔2020〕22号 line 429).
 */
export type SocialInsuranceStatus = 'paid' | 'withheld_during_exemption' | 'not_paid';

export interface SocialInsuranceCheck {
  pass: boolean;
  /** Fields still needed (exemption path only). */
  needs: ('employmentRegistered' | 'socialInsuranceRegistered')[];
}

export function socialInsuranceSatisfied(
  status: SocialInsuranceStatus,
  employmentRegistered: boolean | undefined,
  socialInsuranceRegistered: boolean | undefined,
): SocialInsuranceCheck {
  if (status === 'paid') return { pass: true, needs: [] };
  if (status === 'not_paid') return { pass: false, needs: [] };
  const needs: SocialInsuranceCheck['needs'] = [];
  if (employmentRegistered === undefined) needs.push('employmentRegistered');
  if (socialInsuranceRegistered === undefined) needs.push('socialInsuranceRegistered');
  return { pass: needs.length === 0 && employmentRegistered === true && socialInsuranceRegistered === true, needs };
}
