/**
 * 「同一企业同一年度只能按一种稳岗返还政策享受」 (鲁人社字〔2020〕26号 三(三), L5257).
 * The SME refund is the general refund at a raised standard (63号: 「将中小微企业稳岗返还标准提高至…」,
 * 「已按原标准享受一般企业稳岗返还政策的…拨付提高标准部分」), so `general` and `sme` are one policy;
 * the difficult-enterprise refund is the other.
 */
export type RefundType = 'general' | 'sme' | 'difficult';

export type RefundPolicy = 'general_policy' | 'difficult_policy';

export function refundPolicyOf(type: RefundType): RefundPolicy {
  return type === 'difficult' ? 'difficult_policy' : 'general_policy';
}

/** Refunds granted this year under a different policy than the one requested. */
export function conflictingRefunds<R extends { type: RefundType }>(requested: RefundType, granted: readonly R[]): R[] {
  const policy = refundPolicyOf(requested);
  return granted.filter((g) => refundPolicyOf(g.type) !== policy);
}

/** Total already granted this year under the same policy as the one requested. */
export function alreadyRefundedSamePolicy(
  requested: RefundType,
  granted: readonly { type: RefundType; amountFen: number }[],
): number {
  const policy = refundPolicyOf(requested);
  return granted.filter((g) => refundPolicyOf(g.type) === policy).reduce((sum, g) => sum + g.amountFen, 0);
}
