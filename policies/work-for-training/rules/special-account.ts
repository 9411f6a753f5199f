/**
 * 专账资金停止执行线 (63号 三(四)): the city's 专账 balance is below pct% of the account's established size.
 * 「低于」 is strict: exactly pct% still runs. Exact integer comparison.
 */
export function specialAccountBelowStopLine(balanceFen: number, initialFen: number, pct: number): boolean {
  const left = balanceFen * 100;
  const right = initialFen * pct;
  // Products of integers up to 2^53 - 1 are exact in a double; beyond that, compare as BigInt.
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left < right;
  return BigInt(balanceFen) * 100n < BigInt(initialFen) * BigInt(pct);
}
