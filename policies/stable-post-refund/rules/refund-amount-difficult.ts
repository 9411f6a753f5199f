/**
 * 困难企业稳岗返还: 「6个月的上年末企业参加失业保险所在县（市、区）月失业保险金标准和参保职工人数」
 * (鲁人社字〔2020〕26号 三(一)), i.e. months × monthly benefit standard × insured employees.
 * All integers, so no rounding.
 */
import { multiplyFen } from './money';

export function refundAmountDifficult(months: number, benefitMonthlyFen: number, insuredEmployees: number): number {
  return multiplyFen(benefitMonthlyFen, months, insuredEmployees);
}

/**
 * Changji's alternative: 「不超过3个月的企业及其职工应缴纳社会保险费」 (昌州人社发〔2020〕15号 二(一)2),
 * i.e. months × the monthly social-insurance contributions due from the enterprise and its staff.
 */
export function refundAmountBySocialInsurance(months: number, monthlyContributionsDueFen: number): number {
  return multiplyFen(monthlyContributionsDueFen, months);
}
