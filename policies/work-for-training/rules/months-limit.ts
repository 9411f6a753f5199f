/** 最长6个月: per person, and (78号, 聊城) per enterprise over the policy period. */

/** The person has already been subsidised for the maximum number of months. */
export function personMonthsLimitReached(monthsClaimedBefore: number, max: number): boolean {
  return monthsClaimedBefore >= max;
}

/** Distinct months the enterprise would have been subsidised for, counting this claim's month. */
export function enterpriseMonthsWithClaim(claimedMonths: readonly { month: string }[], month: string): string[] {
  const months: string[] = [];
  for (const c of claimedMonths) if (!months.includes(c.month)) months.push(c.month);
  if (!months.includes(month)) months.push(month);
  return months.sort();
}

/** Distinct subsidised months (from enterpriseMonthsWithClaim) beyond the maximum. */
export function monthsBeyondLimit(months: readonly string[], max: number): boolean {
  return months.length > max;
}

/** This claim would take the enterprise beyond its maximum number of subsidised months. */
export function enterpriseMonthsLimitReached(
  claimedMonths: readonly { month: string }[],
  month: string,
  max: number,
): boolean {
  return monthsBeyondLimit(enterpriseMonthsWithClaim(claimedMonths, month), max);
}
