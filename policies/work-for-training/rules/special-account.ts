/**
 * 专账资金停止执行线 (63号 三(四)): the city's 专账 balance is below pct% of the account's established size.
 * 「低于」 is strict: exactly pct% still runs. Exact integer comparison.
 */
export function specialAccountBelowStopLine(balanceFen: number, initialFen: number, pct: number): boolean {
  return BigInt(balanceFen) * 100n < BigInt(initialFen) * BigInt(pct);
}
