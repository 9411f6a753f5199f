/**
 * What every screening needs from the rules: the programme definition (from @wengang/policies),
 * its parameters resolved by the engine for a region, period and decision date (the values go into
 * the SQL as bind parameters, never re-typed), the labels and citations of its conditions as the
 * programme itself records them, and which earlier claims count as already claimed.
 */
import {
  evaluate,
  resolveParameter,
  type Citation,
  type ConditionOutcome,
  type ParameterDefinition,
  type ProgrammeDefinition,
  type ResolvedParameter,
} from '@wengang/engine';
import { programmes } from '@wengang/policies';
import { stateKeys } from '@wengang/workflow';

export class ScreeningError extends Error {}

/** A pooling area's monthly fund position (the ledger's fund_monitoring). */
export interface FundPosition {
  regionCode: string;
  month: string;
  balanceFen: number;
  avgMonthlyExpenditureFen: number;
}

export function programmeDefinition(id: string): ProgrammeDefinition {
  const p = programmes.find((x) => x.id === id);
  if (!p) throw new ScreeningError(`补贴项目 ${id} 尚未登记在 policies/index.ts 中，无法筛查`);
  return p;
}

/** The parameter definition `id` of a programme, as the programme lists it. */
export function parameterOf<T>(programme: ProgrammeDefinition, id: string): ParameterDefinition<T> {
  const p = programme.parameters.find((x) => x.id === id);
  if (!p) throw new ScreeningError(`补贴项目 ${programme.id} 没有参数 ${id}`);
  return p as ParameterDefinition<T>;
}

export type Resolved = Record<string, ResolvedParameter<unknown>>;

/**
 * Every parameter of the programme that has a value for the region on `on` as known on `asOf`
 * (the engine's own resolver: most specific region, latest issued document).
 */
export function resolveAll(programme: ProgrammeDefinition, region: string, on: string, asOf: string): Resolved {
  const out: Resolved = {};
  for (const p of programme.parameters) {
    const r = resolveParameter(p, { region, on, asOf });
    if (r !== undefined) out[p.id] = r;
  }
  return out;
}

/** The value of a resolved parameter, or undefined when none applies. */
export function valueOf<T>(resolved: Resolved, id: string): T | undefined {
  return resolved[id]?.value as T | undefined;
}

export interface ConditionInfo {
  label: string;
  cite: Citation;
}

/**
 * The labels and citations of the programme's conditions, taken from the programme itself by
 * evaluating it on probe facts (one or more) for the run's region, period and decision date: the
 * explanation of a finding then cites exactly what the engine would cite.
 */
export function conditionCatalogue(
  programme: ProgrammeDefinition,
  region: string,
  period: { from: string; until: string },
  decisionDate: string,
  probes: readonly unknown[],
): Record<string, ConditionInfo> {
  const out: Record<string, ConditionInfo> = {};
  for (const facts of probes) {
    const decision = evaluate(programme, { programme: programme.id, region, period, decisionDate, facts });
    for (const c of decision.conditions as ConditionOutcome[]) {
      if (!out[c.id]) out[c.id] = { label: c.label, cite: c.cite };
    }
  }
  return out;
}

/**
 * Review cases that count as claimed: every case of the platform except those its workflow ended
 * as rejected (不予返还、审核不通过、企业放弃). Keys are `workflow_id:status`.
 */
export const REJECTED_CASE_KEYS: readonly string[] = stateKeys(['rejected']);

/** SQL condition on review_cases alias c: the case still stands (see REJECTED_CASE_KEYS). */
export const caseStands = (param: string) => `(c.workflow_id || ':' || c.status) <> ALL(${param}::text[])`;

/** `2022-07-15` → `2022-07-01`. */
export const monthStart = (date: string): string => `${date.slice(0, 7)}-01`;

/** First day of the month after `date`'s month. */
export function nextMonthStart(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Months of the inclusive range `from`…`until` (`YYYY-MM`). */
export function monthsOf(from: string, until: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(until.slice(0, 4));
  const endM = Number(until.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** SQL: a date's month as an integer (year × 12 + month), for month arithmetic on both databases. */
export const monthIndex = (expr: string) => `(extract(year FROM ${expr})::int * 12 + extract(month FROM ${expr})::int)`;

/** `12345` fen → `123.45 元`. */
export function yuan(fen: number): string {
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}${whole}.${String(abs % 100).padStart(2, '0')} 元`;
}
