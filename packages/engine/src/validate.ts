/** Small shape checks shared by definitions, the request envelope and the decision context. */
import { isIsoDate, isIsoMonth } from '@wengang/kernel';
import type { Citation } from './types';

const REGION = /^\d{6}$/;

/** Remembers strings that passed `check` (bounded), so the hot path rarely runs a regex. */
function remembered(check: (value: unknown) => boolean, limit: number): (value: unknown) => value is string {
  const seen = new Set<string>();
  return (value: unknown): value is string => {
    if (typeof value !== 'string') return false;
    if (seen.has(value)) return true;
    if (!check(value)) return false;
    if (seen.size >= limit) seen.clear();
    seen.add(value);
    return true;
  };
}

/** The kernel's `isIsoDate`, remembering valid dates (a batch uses few distinct ones). */
export const isIsoDateCached = remembered(isIsoDate, 50_000);
/** The kernel's `isIsoMonth`, remembering valid months. */
export const isIsoMonthCached = remembered(isIsoMonth, 10_000);

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

/**
 * Cheap structural check for the hot path (rules often build a citation per call): fields present
 * with the right types. `citationProblems` says what is wrong when this fails; parameter and
 * programme citations get the full check at definition time.
 */
export function looksComplete(cite: Citation | null | undefined): boolean {
  if (cite === null || typeof cite !== 'object') return false;
  const { doc, clause, file, line, issued } = cite;
  return (
    typeof doc === 'string' &&
    doc !== '' &&
    typeof clause === 'string' &&
    clause !== '' &&
    typeof file === 'string' &&
    file !== '' &&
    (typeof line === 'number' ? line >= 1 : Array.isArray(line)) &&
    typeof issued === 'string' &&
    issued.length === 10
  );
}
