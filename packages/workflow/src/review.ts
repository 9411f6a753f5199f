/**
 * Review actions of the workbench: approve, reject (reason shown to the enterprise), return for
 * correction, batch approval of clean cases, and the enterprise's own steps (confirm a screened
 * finding with its commitment; resubmit after a return — the portal calls `resubmitCase`).
 */
import type { Database, Queryable } from '@wengang/db';
import type { Decision } from '@wengang/engine';
import type { Actor } from './audit';
import {
  findCaseBySource,
  loadCase,
  replacePersons,
  type CasePersonInput,
  type CaseSource,
  type Material,
} from './cases';
import { conditionSummary, findDuplicates } from './duplicates';
import { takeAction, type ActionInput, type TransitionResult } from './machine';
import { canSee, type Principal } from './principal';
import { storedDecisionJson } from './stored-decision';
import { getWorkflow, WorkflowError, type ActionId } from './workflows';

/** Any officer or enterprise action by a signed-in principal (the route layer's single entry). */
export function act(
  tx: Queryable,
  p: Principal,
  caseId: string,
  action: ActionId,
  input: ActionInput,
  now: Date,
  expectedVersion?: number,
): Promise<TransitionResult> {
  const systemOnly: ActionId[] = [
    'release',
    'paid',
    'payment_failed',
    'export',
    'publish',
    'object',
    'settle',
    'top_up',
  ];
  if (systemOnly.includes(action)) {
    // these run through their own functions (publicity, payment batches, settlement), which
    // check their own inputs and keep their own records
    throw new WorkflowError('该操作须在公示、拨付或清算功能中办理', 'invalid');
  }
  return takeAction(tx, caseId, action, { principal: p }, input, now, expectedVersion);
}

export interface BatchResult {
  id: string;
  ok: boolean;
  message: string;
}

/**
 * Approves many cases, each in its own transaction: only cases whose current step may be approved
 * in a batch and that have no failed or flagged condition and no duplicate hit; the others are
 * reported, not touched.
 */
export async function batchApprove(
  db: Database,
  p: Principal,
  ids: readonly string[],
  now: Date,
): Promise<BatchResult[]> {
  const results: BatchResult[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      await db.transaction(async (tx) => {
        const c = await loadCase(tx, id, true);
        if (!(await canSee(tx, p, c))) throw new WorkflowError('未找到该案件，或不在您的管辖范围内', 'not_found');
        const w = getWorkflow(c.workflowId);
        const t = w.transitions.find((x) => x.from === c.status && x.action === 'approve');
        if (!t?.batchable) throw new WorkflowError('当前步骤不能批量审核，请逐件办理', 'conflict');
        const s = conditionSummary(c.decision);
        if (s.failed > 0 || s.flagged > 0) throw new WorkflowError('有未通过或待核实的条件，请逐件审核', 'conflict');
        if ((await findDuplicates(tx, c)).length > 0)
          throw new WorkflowError('存在重复享受疑点，请逐件审核', 'conflict');
        await takeAction(tx, id, 'approve', { principal: p }, { note: '批量审核通过' }, now);
      });
      results.push({ id, ok: true, message: '已审核通过' });
    } catch (error) {
      if (!(error instanceof WorkflowError)) throw error;
      results.push({ id, ok: false, message: error.message });
    }
  }
  return results;
}

export interface Resubmission {
  amountFen?: number;
  decision?: Decision | null;
  request?: unknown;
  persons?: CasePersonInput[];
  materials?: Material[];
  headcount?: number;
}

/**
 * The portal calls this when the enterprise resubmits a returned application: the case takes the
 * corrected data and goes back to review.
 */
export async function resubmitCase(
  tx: Queryable,
  source: CaseSource,
  sourceId: string,
  data: Resubmission,
  now: Date = new Date(),
  actor?: Actor,
): Promise<TransitionResult> {
  const c = await findCaseBySource(tx, source, sourceId);
  if (!c) throw new WorkflowError('未找到对应的审核案件', 'not_found');
  await tx.query(
    `UPDATE review_cases SET amount_fen = coalesce($2, amount_fen), decision = coalesce($3::json, decision),
       request = coalesce($4::json, request), materials = coalesce($5::jsonb, materials),
       headcount = coalesce($6, headcount)
     WHERE id = $1`,
    [
      c.id,
      data.amountFen ?? null,
      data.decision ? storedDecisionJson(data.decision) : null,
      data.request === undefined ? null : JSON.stringify(data.request),
      data.materials ? JSON.stringify(data.materials) : null,
      data.headcount ?? data.persons?.length ?? null,
    ],
  );
  if (data.persons) await replacePersons(tx, c.id, c.regionCode, data.persons);
  return takeAction(
    tx,
    c.id,
    'resubmit',
    { system: true, ...(actor ? { actor } : {}) },
    { note: '企业修改后重新提交' },
    now,
  );
}

/** Loads a case the principal may see (else not_found). */
export async function visibleCase(q: Queryable, p: Principal, id: string) {
  const c = await loadCase(q, id);
  if (!(await canSee(q, p, c))) throw new WorkflowError('未找到该案件，或不在您的管辖范围内', 'not_found');
  return c;
}
