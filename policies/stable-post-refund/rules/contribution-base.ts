/**
 * The base of the contribution-share refunds: 「上年度单位及其职工实际缴纳失业保险费」
 * (鲁人社字〔2020〕26号 二(一), L5229), i.e. the unit's share plus the employees' share actually paid
 * in the previous calendar year; 63号 and 昌州人社发〔2020〕15号 say 「企业及其职工上年度缴纳失业保险费」.
 */
export function priorYearContributionBase(unitFen: number, employeesFen: number): number {
  const sum = unitFen + employeesFen;
  if (!Number.isSafeInteger(sum) || unitFen < 0 || employeesFen < 0) {
    throw new RangeError('contributions must be non-negative integer fen');
  }
  return sum;
}
