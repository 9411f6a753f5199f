/** 一个月只能申请一类: the subsidy types already received for the claim month, other than this claim's. */
import type { SubsidyType } from '../facts';

export function otherTypesClaimedThisMonth(
  claimedMonths: readonly { month: string; subsidyType: SubsidyType }[],
  month: string,
  subsidyType: SubsidyType,
): SubsidyType[] {
  return [
    ...new Set(
      claimedMonths.filter((c) => c.month === month && c.subsidyType !== subsidyType).map((c) => c.subsidyType),
    ),
  ];
}
