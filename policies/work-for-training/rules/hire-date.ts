/** 新吸纳时间: which registration date counts as the hire, and whether it falls in time. */
import type { Person } from '../facts';
import type { DateWindow } from '../parameters/absorption-hire-window';
import type { HireDateBasis } from '../parameters/hire-date-basis';

export interface HireDate {
  /** The hire date, when it can be determined. */
  date?: string;
  /** Which registration it comes from (Chinese). */
  source?: string;
  /** Absent person fields (relative to the person) that were needed. */
  missing: readonly string[];
}

/** Shared by every hire date that could be determined (nothing missing). */
const NONE: readonly string[] = Object.freeze([]);

/**
 * `employment_registration`: the 就业登记 date, which must exist (63号 requires the registration).
 * `earlier_registration`: the earlier of 就业登记 and 社保登记 (78号); either alone is enough.
 */
export function hireDateOf(
  person: Pick<Person, 'employmentRegisteredOn' | 'socialInsuranceRegisteredOn'>,
  basis: HireDateBasis,
): HireDate {
  const employment = person.employmentRegisteredOn;
  const insurance = person.socialInsuranceRegisteredOn;
  if (basis === 'employment_registration') {
    return employment === undefined
      ? { missing: ['employmentRegisteredOn'] }
      : { date: employment, source: '就业登记', missing: NONE };
  }
  if (employment === undefined && insurance === undefined) {
    return { missing: ['employmentRegisteredOn', 'socialInsuranceRegisteredOn'] };
  }
  if (insurance === undefined || (employment !== undefined && employment <= insurance)) {
    return { date: employment, source: '就业登记', missing: NONE };
  }
  return { date: insurance, source: '社保登记', missing: NONE };
}

/** The person was taken on by the end of the claim month (no subsidy for a month before the hire). */
export function hiredByMonthEnd(hireDate: string, monthLastDay: string): boolean {
  return hireDate <= monthLastDay;
}

/** The hire date lies in the window (both ends inclusive). */
export function withinDateWindow(date: string, window: DateWindow): boolean {
  return window.from <= date && date <= window.until;
}
