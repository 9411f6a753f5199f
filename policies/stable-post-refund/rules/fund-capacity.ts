/**
 * 失业保险基金备付能力: months of expenditure the pooling area's rolling balance can pay
 * (鲁人社字〔2020〕26号 一: 「上年失业保险基金滚存结余应具备12个月以上支付能力」).
 * The test is exact: balance ≥ months × average monthly expenditure. 「12个月以上」 includes 12;
 * 63号's stop rule is 「不足12个月」, i.e. below 12.
 */

/** Capacity in tenths of a month, rounded down (for explanations); null when nothing is spent. */
export function fundCapacityMonthsTenths(balanceFen: number, monthlyExpenditureFen: number): number | null {
  if (monthlyExpenditureFen <= 0) return null;
  return Number((BigInt(balanceFen) * 10n) / BigInt(monthlyExpenditureFen));
}

/** `balance ≥ minMonths × monthly expenditure` (always true when nothing is spent). */
export function fundCapacitySufficient(balanceFen: number, monthlyExpenditureFen: number, minMonths: number): boolean {
  if (monthlyExpenditureFen <= 0) return balanceFen >= 0;
  return BigInt(balanceFen) >= BigInt(minMonths) * BigInt(monthlyExpenditureFen);
}

/** `123` tenths → `12.3 个月`; null → `无支出`. */
export function formatCapacity(tenths: number | null): string {
  if (tenths === null) return '无基金支出（备付能力不受限）';
  return `${Math.floor(tenths / 10)}${tenths % 10 === 0 ? '' : `.${tenths % 10}`} 个月`;
}
