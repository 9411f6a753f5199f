/** 单个企业最高补贴: what is left under the cap, and how this claim's lines fit into it. */

/** Cap minus what was already paid, never below zero. */
export function remainingEnterpriseCap(capFen: number, paidFen: number): number {
  return Math.max(0, capFen - paidFen);
}

/**
 * Pay the lines in order until the remainder runs out: lines before the crossing are paid in full,
 * the crossing line is reduced to what is left, later lines get zero.
 */
export function allocateUnderCap(amountsFen: readonly number[], remainingFen: number): number[] {
  let left = remainingFen;
  return amountsFen.map((amount) => {
    const paid = Math.min(amount, left);
    left -= paid;
    return paid;
  });
}
