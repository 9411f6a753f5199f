/** 政策执行期: is the claim month inside the window of claim months the policy covers? */
import type { MonthWindow } from '../parameters/policy-period';

export function withinPolicyPeriod(month: string, window: MonthWindow): boolean {
  return window.firstMonth <= month && month <= window.lastMonth;
}
