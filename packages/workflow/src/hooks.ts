/**
 * Extension points of the review workbench, registered once at start-up (apps/api wires them):
 *
 * - a re-evaluation hook per case source: an approval re-runs the engine on the data as it stands
 *   (for `application`, the portal's application; for `screening`, the screening findings);
 * - approval guards: the fund stop rules (packages/ledger registers them);
 * - transition listeners per source: e.g. mirror the case status into the portal's application.
 */
import type { Queryable } from '@wengang/db';
import type { Decision } from '@wengang/engine';
import type { Actor } from './audit';
import type { CasePersonInput, CaseRow, CaseSource, Payee } from './cases';
import type { TransitionDefinition, WorkflowDefinition } from './workflows';

export interface Reevaluation {
  decision: Decision;
  /** The amount to approve; defaults to decision.amountFen. */
  amountFen?: number;
  headcount?: number;
  /** Replaces the case's persons when given. */
  persons?: CasePersonInput[];
  payee?: Payee | null;
  /** The request the decision was made on, stored with the case. */
  request?: unknown;
}

export type Reevaluator = (tx: Queryable, c: CaseRow, now: Date) => Promise<Reevaluation>;

export type ApprovalGuard = (
  tx: Queryable,
  c: CaseRow,
  workflow: WorkflowDefinition,
  transition: TransitionDefinition,
  now: Date,
) => Promise<void>;

export interface TransitionEvent {
  before: CaseRow;
  after: CaseRow;
  transition: TransitionDefinition;
  workflow: WorkflowDefinition;
  actor: Actor;
  reason: string | null;
  now: Date;
}

export type TransitionListener = (tx: Queryable, event: TransitionEvent) => Promise<void>;

const reevaluators = new Map<CaseSource, Reevaluator>();
const guards: ApprovalGuard[] = [];
const listeners = new Map<CaseSource, TransitionListener[]>();

/** Registers the re-evaluation hook of a source; returns a function that removes it. */
export function registerReevaluator(source: CaseSource, fn: Reevaluator): () => void {
  reevaluators.set(source, fn);
  return () => {
    if (reevaluators.get(source) === fn) reevaluators.delete(source);
  };
}

export function reevaluatorFor(source: CaseSource): Reevaluator | undefined {
  return reevaluators.get(source);
}

export function registerApprovalGuard(fn: ApprovalGuard): () => void {
  if (!guards.includes(fn)) guards.push(fn);
  return () => {
    const i = guards.indexOf(fn);
    if (i >= 0) guards.splice(i, 1);
  };
}

export function approvalGuards(): readonly ApprovalGuard[] {
  return guards;
}

export function registerTransitionListener(source: CaseSource, fn: TransitionListener): () => void {
  const list = listeners.get(source) ?? [];
  if (!list.includes(fn)) list.push(fn);
  listeners.set(source, list);
  return () => {
    const i = list.indexOf(fn);
    if (i >= 0) list.splice(i, 1);
  };
}

export function transitionListeners(source: CaseSource): readonly TransitionListener[] {
  return listeners.get(source) ?? [];
}
