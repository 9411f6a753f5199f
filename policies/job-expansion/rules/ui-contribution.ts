/** 为其缴纳失业保险费 1 个月以上（含 1 个月）且处于正常缴费状态（一(二) line 27）. */
export function hasMinimumUiMonths(paidMonths: number, minimumMonths: number): boolean {
  return paidMonths >= minimumMonths;
}
