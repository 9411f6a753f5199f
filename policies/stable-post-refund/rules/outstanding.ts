/**
 * What is still due this year: the entitlement minus what was already refunded under the same policy
 * (63号 二(一)1: those already refunded at the original standard get 「提高标准部分」 only), never below 0.
 */
export function amountStillDue(entitlementFen: number, alreadyRefundedFen: number): number {
  return Math.max(0, entitlementFen - alreadyRefundedFen);
}
