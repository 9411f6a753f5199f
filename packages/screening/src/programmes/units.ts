/**
 * Unit attributes as each programme's facts name them, and whether a found unit can be paid:
 * not when it is deregistered or revoked, nor without the account the programme pays into.
 */

/** SQL on insured_units alias u: the queue reason, or NULL when the unit can be paid. */
export function payabilitySql(account: 'tax_only' | 'basic_first'): string {
  const noAccount =
    account === 'tax_only' ? 'u.tax_account_no IS NULL' : 'u.basic_account_no IS NULL AND u.tax_account_no IS NULL';
  return `(CASE WHEN u.status IN ('deregistered', 'revoked') THEN 'deregistered' WHEN ${noAccount} THEN 'no_account' END)`;
}

/** 一次性扩岗补助's unit types (facts.unitType of policies/job-expansion). */
export function unitTypeForJobExpansion(unitType: string): string {
  switch (unitType) {
    case 'enterprise':
      return 'enterprise';
    case 'individual_business':
      return 'individual_business';
    case 'social_organization':
    case 'foundation':
    case 'social_service_agency':
      return 'social_organization';
    case 'government_or_public_institution':
      return 'government_or_public_institution';
    default:
      // 律师事务所、会计师事务所 are not enterprises in the sense of 一(二)
      return 'other';
  }
}

/** 一次性留工培训补助's unit types (facts.unitType of policies/retention-training). */
export function unitTypeForRetention(unitType: string): string {
  return unitType === 'individual_business' ? 'individual_business_unit_insured' : unitType;
}

export const QUEUE_REASONS: Record<string, string> = {
  no_account: '无可用的对公银行账户（基本账户或税务部门提供的账户）',
  deregistered: '单位已注销或吊销',
  engine_mismatch: '移交前逐户复核结果与筛查结果不一致，待人工核查',
};
