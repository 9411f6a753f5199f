/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) and months (`YYYY-MM`) in whole days, no time
 * zones. Plain string comparison orders both formats, so windows are checked with `<=`.
 */

/** An inclusive range of dates (or of months, when both ends are `YYYY-MM`). */
export interface Range {
  from: string;
  until: string;
}

function toDayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
}

function fromDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** `2022-04-12` → `2022-04`. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The date `days` days after (or before, when negative) `date`. */
export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * The same day `months` months later (earlier when negative); when that month is shorter, its last
 * day (the “到期月的对应日” rule: 2020-01-31 + 1 month = 2020-02-29).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y! * 12 + (m! - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d!, last);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days from `from` to `until`, both counted (`2020-01-24`…`2020-02-09` → 17). */
export function daysInclusive(from: string, until: string): number {
  return toDayNumber(until) - toDayNumber(from) + 1;
}

/** Every date from `from` to `until`, both included. */
export function eachDay(from: string, until: string): string[] {
  const days: string[] = [];
  for (let d = toDayNumber(from); d <= toDayNumber(until); d++) days.push(fromDayNumber(d));
  return days;
}

/** True when `value` lies in the inclusive range. */
export function isWithin(value: string, range: Range): boolean {
  return range.from <= value && value <= range.until;
}
