/**
 * “签订1年以上劳动合同”: an open-ended contract, or a fixed term whose last day is at least
 * `months` months after the first, counted with the first day included (2020-02-15 … 2021-02-14
 * is exactly one year).
 */
import { addDays, addMonths } from '../../common/dates';

/** The earliest contract end date that still gives a term of `months` months. */
export function minimumContractEnd(start: string, months: number): string {
  return addDays(addMonths(start, months), -1);
}

export function meetsMinimumTerm(start: string, end: string | undefined, openEnded: boolean, months: number): boolean {
  if (openEnded) return true;
  return end !== undefined && end >= minimumContractEnd(start, months);
}
