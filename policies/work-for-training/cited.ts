/**
 * Parameter lookups that also return the citation of the value used, so a condition can cite the
 * very clause (and amending document) its threshold comes from.
 */
import { resolveParameter } from '@wengang/engine';
import type { Citation, DecisionContext, IsoDate, ParameterDefinition } from '@wengang/engine';

export interface Cited<T> {
  readonly value: T;
  readonly cite: Citation;
  readonly note?: string;
}

/**
 * The value in force (recorded in the decision) with its citation, or undefined when none applies.
 * It is the engine's resolved parameter itself (frozen, shared by every decision that uses it).
 */
export function cited<T>(ctx: DecisionContext, p: ParameterDefinition<T>, on: IsoDate): Cited<T> | undefined {
  return ctx.resolve(p, on);
}

/**
 * Only the citation of the value in force, without recording the parameter as used (for conditions
 * that are not applicable to this claim but are shown for completeness).
 */
export function citationOnly<T>(ctx: DecisionContext, p: ParameterDefinition<T>, on: IsoDate): Citation | undefined {
  return resolveParameter(p, { region: ctx.region, on, asOf: ctx.decisionDate })?.cite;
}

/**
 * The earliest value this region will ever have (whatever the decision date), to cite the document a
 * too-early decision is waiting for.
 */
export function earliestFor<T>(ctx: DecisionContext, p: ParameterDefinition<T>, on: IsoDate): Cited<T> | undefined {
  const dates = [...new Set(p.values.map((v) => v.cite.issued))].sort();
  for (const asOf of dates) {
    const resolved = resolveParameter(p, { region: ctx.region, on, asOf });
    if (resolved !== undefined) return { value: resolved.value, cite: resolved.cite };
  }
  return undefined;
}
