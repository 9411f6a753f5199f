/**
 * Calendar dates as plain strings (`YYYY-MM-DD`, `YYYY-MM`) in Asia/Shanghai.
 *
 * All arithmetic runs on day numbers in UTC, never on the machine's local time zone, so a server
 * in another zone (or a DST change) cannot shift a date by one day.
 */
import type { IsoDate, IsoMonth } from './types';

const MS_PER_DAY = 86_400_000;
/** China Standard Time is UTC+8 with no daylight saving since 1991, so a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

export interface DateParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** Today's date in Asia/Shanghai, whatever the server's time zone. */
export function todayInShanghai(now: Date = new Date()): IsoDate {
  if (Number.isNaN(now.getTime())) throw new RangeError('当前时间无效，无法确定今天的日期');
  return formatIsoDate(new Date(now.getTime() + SHANGHAI_OFFSET_MS));
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Parts of a real calendar date, or `undefined` (wrong shape, month 13, 30 February, …). */
export function parseIsoDate(input: string): DateParts | undefined {
  const m = ISO_DATE.exec(input);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isIsoDate(input: unknown): input is IsoDate {
  return typeof input === 'string' && parseIsoDate(input) !== undefined;
}

export function isIsoMonth(input: unknown): input is IsoMonth {
  if (typeof input !== 'string') return false;
  const m = ISO_MONTH.exec(input);
  if (!m) return false;
  const month = Number(m[2]);
  return Number(m[1]) >= 1 && month >= 1 && month <= 12;
}

/** Throws a Chinese message naming the bad value; use at boundaries, after which strings are trusted. */
export function assertIsoDate(input: unknown, label = '日期'): asserts input is IsoDate {
  if (!isIsoDate(input)) throw new RangeError(invalidDate(input, label));
}

function invalidDate(input: unknown, label: string): string {
  return `${label}“${String(input)}”无效，请使用YYYY-MM-DD格式的真实日期，如2020-06-08`;
}

export function assertIsoMonth(input: unknown, label = '月份'): asserts input is IsoMonth {
  if (!isIsoMonth(input)) {
    throw new RangeError(`${label}“${String(input)}”无效，请使用YYYY-MM格式，如2020-06`);
  }
}

function partsOf(date: IsoDate): DateParts {
  const parts = typeof date === 'string' ? parseIsoDate(date) : undefined;
  if (!parts) throw new RangeError(invalidDate(date, '日期'));
  return parts;
}

/** Days since 1970-01-01 (negative before). */
export function toEpochDay(date: IsoDate): number {
  const { year, month, day } = partsOf(date);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

export function fromEpochDay(epochDay: number): IsoDate {
  if (!Number.isSafeInteger(epochDay)) throw new RangeError(`日序号应为整数，收到 ${epochDay}`);
  return formatIsoDate(new Date(epochDay * MS_PER_DAY));
}

/** `YYYY-MM-DD` of a Date's UTC fields. */
function formatIsoDate(d: Date): IsoDate {
  const year = d.getUTCFullYear();
  if (year < 1 || year > 9999) throw new RangeError(`日期超出支持范围（0001—9999年）：${year}年`);
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) throw new RangeError(`天数应为整数，收到 ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/** `b − a` in days: positive when b is later. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** 0 = Sunday … 6 = Saturday (like Date#getDay), computed from the date string alone. */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

/** −1, 0 or 1. Valid ISO dates compare correctly as strings; validation keeps garbage out. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  assertIsoDate(a);
  assertIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `from ≤ date ≤ to`, both ends included (how the documents write 执行期限). */
export function isDateWithin(date: IsoDate, from: IsoDate, to: IsoDate): boolean {
  return compareIsoDates(from, date) <= 0 && compareIsoDates(date, to) <= 0;
}

export function monthOf(date: IsoDate): IsoMonth {
  assertIsoDate(date);
  return date.slice(0, 7);
}

function monthIndex(month: IsoMonth): number {
  assertIsoMonth(month);
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthFromIndex(index: number): IsoMonth {
  const year = Math.floor(index / 12);
  if (year < 1 || year > 9999) throw new RangeError(`月份超出支持范围（0001—9999年）：${year}年`);
  return `${pad(year, 4)}-${pad((index % 12) + 1, 2)}`;
}

export function addMonths(month: IsoMonth, months: number): IsoMonth {
  if (!Number.isSafeInteger(months)) throw new RangeError(`月数应为整数，收到 ${months}`);
  return monthFromIndex(monthIndex(month) + months);
}

/** Months from `from` to `to`, both included (2020-01 … 2020-12 → 12); 0 when `to` is earlier. */
export function monthsBetweenInclusive(from: IsoMonth, to: IsoMonth): number {
  return Math.max(0, monthIndex(to) - monthIndex(from) + 1);
}

/** Every month from `from` to `to`, both included; empty when `to` is earlier. */
export function monthRange(from: IsoMonth, to: IsoMonth): IsoMonth[] {
  const start = monthIndex(from);
  const count = monthsBetweenInclusive(from, to);
  return Array.from({ length: count }, (_, i) => monthFromIndex(start + i));
}

/** Accepts a month (`YYYY-MM`) or any date in it. */
function asMonth(monthOrDate: IsoMonth | IsoDate): IsoMonth {
  if (isIsoDate(monthOrDate)) return monthOrDate.slice(0, 7);
  assertIsoMonth(monthOrDate);
  return monthOrDate;
}

export function firstDayOfMonth(monthOrDate: IsoMonth | IsoDate): IsoDate {
  return `${asMonth(monthOrDate)}-01`;
}

export function lastDayOfMonth(monthOrDate: IsoMonth | IsoDate): IsoDate {
  const month = asMonth(monthOrDate);
  const days = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return `${month}-${pad(days, 2)}`;
}
