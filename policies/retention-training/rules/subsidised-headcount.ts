/**
 * Headcount the subsidy is paid for in the basis month (五(一) lines 53–55): the unit's insured and
 * paying staff; a 劳务派遣企业 counts only its own staff (自用职工), so workers it dispatched to other
 * enterprises (whose UI the user enterprise funds) are taken out; a user enterprise adds the
 * dispatched workers whose UI it actually funds.
 */
export interface Headcount {
  insured: number;
  dispatchedOut: number;
  dispatchedIn: number;
  /** insured − dispatchedOut, never below zero. */
  ownStaff: number;
  total: number;
}

export function subsidisedHeadcount(insured: number, dispatchedOut: number, dispatchedIn: number): Headcount {
  const ownStaff = Math.max(0, insured - dispatchedOut);
  return { insured, dispatchedOut, dispatchedIn, ownStaff, total: ownStaff + dispatchedIn };
}
