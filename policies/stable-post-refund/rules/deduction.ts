/**
 * 「对以往年度违规领取且拒不退回稳岗返还资金的企业，在其再次符合条件时扣减应退回的稳岗返还资金」
 * (鲁人社字〔2020〕26号 四(二), L5263): the refund due is reduced by what the enterprise still owes
 * back, at most down to zero; any rest stays owed.
 */
export interface Deduction {
  /** Paid to the enterprise. */
  payFen: number;
  /** Kept back against the amount owed. */
  deductedFen: number;
  /** Still owed after this deduction. */
  stillOwedFen: number;
}

export function deductUnreturnedRefunds(dueFen: number, owedFen: number): Deduction {
  const deductedFen = Math.min(dueFen, Math.max(0, owedFen));
  return { payFen: dueFen - deductedFen, deductedFen, stillOwedFen: Math.max(0, owedFen) - deductedFen };
}
