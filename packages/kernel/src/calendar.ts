/**
 * Chinese working days: Monday–Friday, minus the public holidays, plus the weekend days worked in
 * exchange (调休上班), as set each year by 国务院办公厅关于20XX年部分节假日安排的通知.
 *
 * Data: the `chinese-days` package's JSON (dist/chinese-days.json). Its functions are not used:
 * they read the machine's local time zone (`isWorkday('2020-01-19')` answers for 18 January on a
 * server west of UTC). Here the date string is the key and the weekday comes from UTC day numbers.
 *
 * 2020 Spring Festival: the notice 国办发明电〔2019〕16号 had 24–30 January off and Sunday 19
 * January and Saturday 1 February as working days. 国办发明电〔2020〕1号 (27 January 2020) then
 * extended the holiday to Sunday 2 February, work resuming Monday 3 February, so 31 January and
 * 1 February became days off. The package encodes the extension, and so does this calendar.
 * Provincial orders delaying the restart of enterprises (山东: not before 9 February 24:00) did
 * not move public holidays and are not part of it.
 */
import holidayData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addDays, assertIsoDate, dayOfWeek, daysBetween } from './dates';
import type { IsoDate } from './types';

/** `date → "English name,中文名,days"`. */
type DayMap = Readonly<Record<string, string>>;
const HOLIDAYS: DayMap = holidayData.holidays;
const MAKEUP_WORKDAYS: DayMap = holidayData.workdays;

interface DayOverride {
  date: IsoDate;
  working: boolean;
  /** Festival the day belongs to, e.g. `春节`. */
  festival: string;
  /** The notice that fixes the day. */
  source: string;
}

/**
 * Corrections where the package disagrees with a State Council notice; the notice wins.
 * Empty: for 2020–2023 every holiday and make-up working day of the notices matches the
 * package (test/calendar.test.ts compares every day of those years with the notices).
 */
const OVERRIDES: readonly DayOverride[] = [];
const OVERRIDE_BY_DATE = new Map(OVERRIDES.map((o) => [o.date, o]));

const YEARS = Object.keys(HOLIDAYS).map((d) => Number(d.slice(0, 4)));
/** Years the holiday data covers (every year has at least New Year's Day). */
export const WORKING_DAY_COVERAGE = { firstYear: Math.min(...YEARS), lastYear: Math.max(...YEARS) } as const;

/**
 * Years after the data: the State Council publishes each year's arrangement late in the year
 * before, and a deadline of a few working days must not fail in the last weeks of a year. Until
 * the notice is loaded (a newer chinese-days or an override), such a day is decided provisionally:
 * Monday–Friday work, except the fixed-date statutory holidays of 《全国年节及纪念日放假办法》
 * (元旦 1月1日, 劳动节 5月1日–2日, 国庆节 10月1日–3日). Lunar holidays and 调休 are not known yet,
 * so such a day carries `provisional: true` for the UI to say so.
 */
const FIXED_DATE_HOLIDAYS: Readonly<Record<string, string>> = {
  '01-01': '元旦',
  '05-01': '劳动节',
  '05-02': '劳动节',
  '10-01': '国庆节',
  '10-02': '国庆节',
  '10-03': '国庆节',
};

const isProvisional = (date: IsoDate): boolean => Number(date.slice(0, 4)) > WORKING_DAY_COVERAGE.lastYear;

function assertCovered(date: IsoDate): void {
  assertIsoDate(date);
  const year = Number(date.slice(0, 4));
  const { firstYear, lastYear } = WORKING_DAY_COVERAGE;
  if (year < firstYear) {
    throw new RangeError(
      `工作日历只收录了${firstYear}至${lastYear}年国务院办公厅公布的节假日安排，无法判断${date}是否为工作日；` +
        `请升级chinese-days节假日数据后再计算`,
    );
  }
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday' | 'provisional_workday';

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  /** makeup_workday = a weekend day worked in exchange for a holiday (调休上班). */
  kind: DayKind;
  /** Festival for holidays and make-up working days, e.g. `春节`. */
  festival?: string;
  /** true for a day after the data's last year: decided by the provisional rule above. */
  provisional?: boolean;
}

export function describeDay(date: IsoDate): DayInfo {
  assertCovered(date);
  const override = OVERRIDE_BY_DATE.get(date);
  if (override) {
    return {
      date,
      working: override.working,
      kind: override.working ? 'makeup_workday' : 'holiday',
      festival: override.festival,
    };
  }
  const makeup = MAKEUP_WORKDAYS[date];
  if (makeup !== undefined) return { date, working: true, kind: 'makeup_workday', festival: festivalName(makeup) };
  const holiday = HOLIDAYS[date];
  if (holiday !== undefined) return { date, working: false, kind: 'holiday', festival: festivalName(holiday) };
  const weekday = dayOfWeek(date);
  if (isProvisional(date)) {
    const fixed = FIXED_DATE_HOLIDAYS[date.slice(5)];
    if (fixed !== undefined) return { date, working: false, kind: 'holiday', festival: fixed, provisional: true };
    return weekday === 0 || weekday === 6
      ? { date, working: false, kind: 'weekend', provisional: true }
      : { date, working: true, kind: 'provisional_workday', provisional: true };
  }
  return weekday === 0 || weekday === 6
    ? { date, working: false, kind: 'weekend' }
    : { date, working: true, kind: 'workday' };
}

function festivalName(entry: string): string {
  return entry.split(',')[1] ?? entry;
}

export function isWorkingDay(date: IsoDate): boolean {
  return describeDay(date).working;
}

/**
 * The n-th working day after `date` (n > 0) or before it (n < 0); the start day itself never
 * counts, as with 期间 under 民法典第二百零一条 (开始的当日不计入). n = 0 gives `date` when it is a
 * working day, else the next working day.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`工作日天数应为整数，收到 ${n}`);
  assertCovered(date);
  if (n === 0) return isWorkingDay(date) ? date : addWorkingDays(date, 1);
  const step = n > 0 ? 1 : -1;
  let remaining = Math.abs(n);
  let day = date;
  while (remaining > 0) {
    day = addDays(day, step);
    if (isWorkingDay(day)) remaining--;
  }
  return day;
}

/**
 * Working days after `from` up to and including `to`, so that
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n` for n ≥ 1. Negative when `to` is earlier.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  assertCovered(from);
  assertCovered(to);
  const span = daysBetween(from, to);
  if (span < 0) return -workingDaysBetween(to, from);
  let count = 0;
  for (let i = 1; i <= span; i++) if (isWorkingDay(addDays(from, i))) count++;
  return count;
}
