/** 一次性扩岗补助申请期限截至 2023 年 1 月 31 日（四 line 49）: on the deadline day still in time. */
export function isWithinDeadline(claimDate: string, deadline: string): boolean {
  return claimDate <= deadline;
}
