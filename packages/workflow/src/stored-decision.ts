/**
 * A decision as a case stores it: every citation once, in `citations`, and each line, condition
 * and parameter naming its citation by index. A 10-person 以工代训 claim cites 16 distinct clauses
 * 96 times; written out in full they were ≈ 20 of its ≈ 47 kB, serialised, sent, parsed and
 * compressed with every claim. Reading expands them again, so every reader sees the engine's
 * `Decision`; a decision stored in full (before this form) is read as it is.
 */
import type { Citation, Decision } from '@wengang/engine';

type Cited = { cite: Citation };
type Referenced<T extends Cited> = Omit<T, 'cite'> & { cite: number };

export interface StoredDecision extends Omit<Decision, 'lines' | 'conditions' | 'parameters'> {
  lines: Referenced<Decision['lines'][number]>[];
  conditions: Referenced<Decision['conditions'][number]>[];
  parameters: Referenced<Decision['parameters'][number]>[];
  citations: Citation[];
}

/** The JSON text stored for a decision (citations by reference). */
export function storedDecisionJson(decision: Decision): string {
  const citations: Citation[] = [];
  // The engine hands out the policy's own citation objects, so identity finds most repeats; equal
  // copies (a decision that went through JSON) are found by their text.
  const byObject = new Map<Citation, number>();
  const byText = new Map<string, number>();
  const ref = (cite: Citation): number => {
    let i = byObject.get(cite);
    if (i === undefined) {
      const text = JSON.stringify(cite);
      i = byText.get(text);
      if (i === undefined) {
        i = citations.push(cite) - 1;
        byText.set(text, i);
      }
      byObject.set(cite, i);
    }
    return i;
  };
  const stored: StoredDecision = {
    ...decision,
    lines: decision.lines.map((l) => ({ ...l, cite: ref(l.cite) })),
    conditions: decision.conditions.map((c) => ({ ...c, cite: ref(c.cite) })),
    parameters: decision.parameters.map((p) => ({ ...p, cite: ref(p.cite) })),
    citations,
  };
  return JSON.stringify(stored);
}

/** The engine's decision from what a case stores (either form); null stays null. */
export function decisionFromStored(value: unknown): Decision | null {
  if (value === null || value === undefined) return null;
  const stored = value as StoredDecision | Decision;
  if (!('citations' in stored) || !Array.isArray(stored.citations)) return stored as Decision;
  const { citations, ...rest } = stored;
  const cite = (i: number): Citation => {
    const c = citations[i];
    if (c === undefined) throw new Error(`stored decision: citation ${i} of ${citations.length} missing`);
    return c;
  };
  return {
    ...rest,
    lines: rest.lines.map((l) => ({ ...l, cite: cite(l.cite) })),
    conditions: rest.conditions.map((c) => ({ ...c, cite: cite(c.cite) })),
    parameters: rest.parameters.map((p) => ({ ...p, cite: cite(p.cite) })),
  };
}

/** A row read with the case columns, its decision expanded. */
export function withDecision<R extends { decision: unknown }>(
  row: R,
): Omit<R, 'decision'> & { decision: Decision | null } {
  return { ...row, decision: decisionFromStored(row.decision) };
}
