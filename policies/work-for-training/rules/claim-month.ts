/** Claim months: a claim covers exactly one calendar month (`YYYY-MM`). */

/** Number of days in `month` (`YYYY-MM`). */
export function daysInMonth(month: string): number {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  if (m === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** First day of `month`, e.g. `2020-07` → `2020-07-01`. */
export function firstDayOf(month: string): string {
  return `${month}-01`;
}

/** Last day of `month`, e.g. `2020-02` → `2020-02-29`. */
export function lastDayOf(month: string): string {
  return `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
}

/** The claim month when the period is exactly one calendar month, else null. */
export function claimMonthOf(period: { from: string; until: string }): string | null {
  const month = period.from.slice(0, 7);
  if (period.from !== firstDayOf(month)) return null;
  if (period.until !== lastDayOf(month)) return null;
  return month;
}
