/** Date helpers for the policy windows (ISO `YYYY-MM-DD` strings order like dates). */

export interface DateWindow {
  from: string;
  until: string;
}

/** The claim period lies wholly inside the window (both ends inclusive). */
export function periodWithin(period: DateWindow, window: DateWindow): boolean {
  return period.from >= window.from && period.until <= window.until && period.from <= period.until;
}

/** Calendar year of an ISO date. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
