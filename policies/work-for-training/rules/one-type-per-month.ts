/** 一个月只能申请一类: the subsidy types already received for the claim month, other than this claim's. */
import type { SubsidyType } from '../facts';

export function otherTypesClaimedThisMonth(
  claimedMonths: readonly { month: string; subsidyType: SubsidyType }[],
  month: string,
  subsidyType: SubsidyType,
): SubsidyType[] {
  const others: SubsidyType[] = [];
  for (const c of claimedMonths) {
    if (c.month === month && c.subsidyType !== subsidyType && !others.includes(c.subsidyType)) {
      others.push(c.subsidyType);
    }
  }
  return others;
}
