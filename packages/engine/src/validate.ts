/** Small shape checks shared by definitions, the request envelope and the decision context. */
import type { Citation } from './types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const REGION = /^\d{6}$/;

/** A real calendar date written `YYYY-MM-DD` (so plain string comparison orders dates). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (m === null) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

export function isIsoMonth(value: unknown): value is string {
  return typeof value === 'string' && ISO_MONTH.test(value);
}

export function isRegionCode(value: unknown): value is string {
  return typeof value === 'string' && REGION.test(value);
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** Problems with a citation, in English for the author; empty when complete. */
export function citationProblems(cite: unknown): string[] {
  if (cite === null || typeof cite !== 'object') return ['citation is missing'];
  const c = cite as Partial<Citation>;
  const problems: string[] = [];
  if (!nonEmpty(c.doc)) problems.push('cite.doc is empty');
  if (!nonEmpty(c.clause)) problems.push('cite.clause is empty');
  if (!nonEmpty(c.file)) problems.push('cite.file is empty');
  const line = c.line;
  if (Array.isArray(line)) {
    if (line.length !== 2 || !isPositiveInteger(line[0]) || !isPositiveInteger(line[1]) || line[0] > line[1]) {
      problems.push(`cite.line ${JSON.stringify(line)} is not a range [first, last] of 1-based lines`);
    }
  } else if (!isPositiveInteger(line)) {
    problems.push(`cite.line ${JSON.stringify(line)} is not a 1-based line number`);
  }
  if (!isIsoDate(c.issued)) problems.push(`cite.issued ${JSON.stringify(c.issued)} is not an ISO date (YYYY-MM-DD)`);
  return problems;
}

const checkedCitations = new WeakSet<object>();

/** Citation check for the hot path: each citation object is fully checked once. */
export function citationProblemsOnce(cite: unknown): string[] {
  if (cite !== null && typeof cite === 'object' && checkedCitations.has(cite)) return [];
  const problems = citationProblems(cite);
  if (problems.length === 0) checkedCitations.add(cite as object);
  return problems;
}
