/**
 * The one generic state machine: takes an action on a case as its workflow (data) allows, checks
 * who may take it, re-runs the engine on approvals, enforces the fund stop rules, sets the next
 * step's deadline, and records the history and the audit log — all in the caller's transaction.
 */
import type { Queryable } from '@wengang/db';
import { evaluate, type Decision, type EvaluationRequest } from '@wengang/engine';
import { todayInShanghai } from '@wengang/kernel';
import { registry } from '@wengang/policies';
import { recordAudit, systemActor, type Actor } from './audit';
import { loadCase, replacePersons, stepDueOn, type CaseRow } from './cases';
import { approvalGuards, reevaluatorFor, transitionListeners, type Reevaluation } from './hooks';
import { actorOf, canSee, regionLevel, type Principal } from './principal';
import { storedDecisionJson } from './stored-decision';
import {
  getWorkflow,
  stateOf,
  WorkflowError,
  type ActionId,
  type Role,
  type TransitionDefinition,
  type WorkflowDefinition,
  workflows,
} from './workflows';

export interface ActionInput {
  /** Required for rejections and returns; shown to the enterprise. */
  reason?: string | null;
  note?: string | null;
  /** Extra facts recorded with the event (e.g. the payment line, the objection). */
  data?: Record<string, unknown>;
}

/** Who is taking the action: a signed-in principal, or the platform itself. */
export type ActingAs = { principal: Principal } | { system: true; actor?: Actor };

function actingActor(as: ActingAs): Actor {
  return 'principal' in as ? actorOf(as.principal) : (as.actor ?? systemActor);
}

/**
 * May this principal take this transition on this case? Role first, then region: officers act only
 * within their region; a step of the county level on a case registered directly at a prefecture
 * (市本级) is taken by the prefecture's reviewer.
 */
export async function mayTake(q: Queryable, p: Principal, c: CaseRow, t: TransitionDefinition): Promise<boolean> {
  if (!(await canSee(q, p, c))) return false;
  if (t.roles.includes(p.role)) return true;
  if (p.role === 'prefecture_reviewer' && t.roles.includes('county_reviewer')) {
    const level = await regionLevel(q, c.regionCode);
    return level !== 'county';
  }
  return false;
}

/** The actions the principal may take on the case now (for the case page's buttons). */
export async function availableActions(
  q: Queryable,
  p: Principal,
  c: CaseRow,
): Promise<{ action: ActionId; label: string; requiresReason: boolean }[]> {
  const w = getWorkflow(c.workflowId);
  const result: { action: ActionId; label: string; requiresReason: boolean }[] = [];
  for (const t of w.transitions) {
    if (t.from !== c.status || t.roles.every((r) => r === 'system')) continue;
    // taken on the publicity and payment pages, for many cases at once
    if (t.action === 'publish' || t.action === 'object' || t.action === 'export') continue;
    if (await mayTake(q, p, c, t))
      result.push({ action: t.action, label: t.label, requiresReason: !!t.requiresReason });
  }
  return result;
}

/** Default re-evaluation: the engine on the request stored with the case, as known today. */
async function reevaluateStored(c: CaseRow, now: Date): Promise<Reevaluation> {
  if (!c.request || typeof c.request !== 'object') {
    throw new WorkflowError('该案件没有可重新核验的申报数据，无法审核通过；请退回或不予通过', 'conflict');
  }
  const request = { ...(c.request as EvaluationRequest), decisionDate: todayInShanghai(now) };
  let decision: Decision;
  try {
    decision = evaluate(registry, request);
  } catch (error) {
    throw new WorkflowError(`重新核验失败：${(error as Error).message}`, 'conflict');
  }
  return { decision, request };
}

export function failedConditions(decision: Decision | null): string[] {
  if (!decision) return ['没有核验结果'];
  return decision.conditions.filter((x) => x.result === 'fail').map((x) => x.detail ?? x.label);
}

async function reevaluate(tx: Queryable, c: CaseRow, now: Date): Promise<CaseRow> {
  const hook = reevaluatorFor(c.source);
  const r = hook ? await hook(tx, c, now) : await reevaluateStored(c, now);
  const amountFen = r.amountFen ?? r.decision.amountFen;
  await tx.query(
    `UPDATE review_cases SET decision = $2, amount_fen = $3, headcount = coalesce($4, headcount),
       payee = CASE WHEN $5::boolean THEN $6::jsonb ELSE payee END,
       request = CASE WHEN $7::boolean THEN $8::json ELSE request END
     WHERE id = $1`,
    [
      c.id,
      storedDecisionJson(r.decision),
      amountFen,
      r.headcount ?? null,
      r.payee !== undefined,
      r.payee ? JSON.stringify(r.payee) : null,
      r.request !== undefined,
      r.request === undefined ? null : JSON.stringify(r.request),
    ],
  );
  if (r.persons) await replacePersons(tx, c.id, c.regionCode, r.persons);
  const fresh = await loadCase(tx, c.id);
  if (r.decision.eligible !== 'yes') {
    const failed = failedConditions(r.decision);
    const missing = r.decision.missing;
    throw new WorkflowError(
      `按现有数据重新核验，${r.decision.eligible === 'no' ? '不符合条件' : '资料不全'}：${
        failed.length ? failed.join('；') : missing.length ? `缺少 ${missing.join('、')}` : '核验未通过'
      }。请不予通过或退回修改。`,
      'conflict',
    );
  }
  return fresh;
}

export interface TransitionResult {
  before: CaseRow;
  after: CaseRow;
  transition: TransitionDefinition;
}

/**
 * Takes `action` on the case. Throws WorkflowError: not_found (not visible), forbidden (role or
 * region), conflict (not possible in the current status, or the engine no longer says yes),
 * invalid (reason missing), stopped (a fund stop rule).
 */
export async function takeAction(
  tx: Queryable,
  caseId: string,
  action: ActionId,
  as: ActingAs,
  input: ActionInput = {},
  now: Date = new Date(),
  /** Expected version (optimistic check from the case page); omitted for system moves. */
  expectedVersion?: number,
): Promise<TransitionResult> {
  let c = await loadCase(tx, caseId, true);
  if ('principal' in as && !(await canSee(tx, as.principal, c))) {
    throw new WorkflowError('未找到该案件，或不在您的管辖范围内', 'not_found');
  }
  if (expectedVersion !== undefined && expectedVersion !== c.version) {
    throw new WorkflowError('该案件已被他人处理，请刷新后重试', 'conflict');
  }
  const w = getWorkflow(c.workflowId);
  const t = w.transitions.find((x) => x.from === c.status && x.action === action);
  if (!t) {
    throw new WorkflowError(`案件当前状态为“${stateOf(w, c.status).label}”，不能执行该操作`, 'conflict');
  }
  if ('principal' in as) {
    if (!(await mayTake(tx, as.principal, c, t))) {
      throw new WorkflowError(`当前账号无权执行“${t.label}”`, 'forbidden');
    }
  } else if (!t.roles.includes('system')) {
    throw new WorkflowError(`“${t.label}”须由经办人员办理`, 'forbidden');
  }
  const reason = input.reason?.trim() || null;
  if (t.requiresReason && !reason) throw new WorkflowError(`请填写${t.label}的理由（将告知企业）`, 'invalid');

  const before = c;
  if (t.reevaluate) c = await reevaluate(tx, c, now);
  if (t.stopRule) {
    if (!w.stopRule) throw new WorkflowError(`流程 ${w.id} 未定义资金停止规则`, 'invalid');
    const guards = approvalGuards();
    if (guards.length === 0) {
      throw new WorkflowError('资金停止规则未启用（未注册资金核验），暂不能审核通过', 'stopped');
    }
    for (const guard of guards) await guard(tx, c, w, t, now);
  }
  if (w.requiresFiledPlan && t.action === 'approve' && c.status === w.initial) {
    await assertPlanFiled(tx, c, w.requiresFiledPlan);
  }
  return moveTo(tx, w, before, c, t, actingActor(as), reason, input, now);
}

async function assertPlanFiled(tx: Queryable, c: CaseRow, planWorkflow: string): Promise<void> {
  const plan = getWorkflow(planWorkflow);
  const filed = Object.entries(plan.states)
    .filter(([, s]) => s.kind === 'filed')
    .map(([id]) => id);
  // a plan filed through its own review case, or approved on the portal's training-plan form
  const { rows } = await tx.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM review_cases
              WHERE enterprise_id = $1 AND programme = $2 AND workflow_id = $3 AND status = ANY($4))::int
          + (SELECT count(*) FROM training_plans WHERE enterprise_id = $1 AND programme = $2 AND status = 'approved')::int AS n`,
    [c.enterpriseId, c.programme, planWorkflow, filed],
  );
  if (rows[0]!.n === 0) {
    throw new WorkflowError('该企业的以工代训培训计划尚未审核备案并公示，不能审核按月申报', 'conflict');
  }
}

async function moveTo(
  tx: Queryable,
  w: WorkflowDefinition,
  before: CaseRow,
  c: CaseRow,
  t: TransitionDefinition,
  actor: Actor,
  reason: string | null,
  input: ActionInput,
  now: Date,
): Promise<TransitionResult> {
  const today = todayInShanghai(now);
  const to = stateOf(w, t.to);
  const due = await stepDueOn(tx, w, t.to, c, today);
  const keepsReason = to.kind === 'rejected' || to.kind === 'returned';
  await tx.query(
    `UPDATE review_cases SET status = $2, step_entered_at = $3, step_due_on = $4,
       outcome_reason = CASE WHEN $5::boolean THEN $6 ELSE outcome_reason END,
       version = version + 1, updated_at = $3
     WHERE id = $1`,
    [c.id, t.to, now, due, keepsReason || t.action === 'resubmit', keepsReason ? reason : null],
  );
  await tx.query(
    `INSERT INTO case_events (case_id, region_code, at, actor_id, actor_role, actor_name, action, from_status, to_status, note, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      c.id,
      c.regionCode,
      now,
      actor.id,
      actor.role,
      actor.name,
      t.action,
      c.status,
      t.to,
      reason ?? input.note ?? null,
      JSON.stringify({
        amountFen: c.amountFen,
        ...(before.amountFen !== c.amountFen ? { amountBeforeFen: before.amountFen } : {}),
        ...(t.reevaluate && c.decision
          ? { rulesetVersion: c.decision.rulesetVersion, eligible: c.decision.eligible }
          : {}),
        ...(input.data ?? {}),
      }),
    ],
  );
  await recordAudit(
    tx,
    {
      actor,
      action: `case.${t.action}`,
      entityType: 'review_case',
      entityId: c.id,
      regionCode: c.regionCode,
      before: { status: before.status, amountFen: before.amountFen, version: before.version },
      after: {
        status: t.to,
        amountFen: c.amountFen,
        version: before.version + 1,
        ...(reason ? { reason } : {}),
        ...(input.data ?? {}),
      },
    },
    now,
  );
  const after = await loadCase(tx, c.id);
  for (const listener of transitionListeners(c.source)) {
    await listener(tx, { before, after, transition: t, workflow: w, actor, reason, now });
  }
  return { before, after, transition: t };
}

/** The roles whose queue a state puts a case in (for listing). */
export function queueKeysFor(role: Role): string[] {
  const keys: string[] = [];
  for (const w of workflows) {
    for (const [id, s] of Object.entries(w.states)) {
      if (s.actor === role) keys.push(`${w.id}:${id}`);
    }
  }
  return keys;
}

/** `workflow:status` keys of every state of the given kinds, for SQL filters. */
export function stateKeys(kinds: readonly string[]): string[] {
  const keys: string[] = [];
  for (const w of workflows) {
    for (const [id, s] of Object.entries(w.states)) if (kinds.includes(s.kind)) keys.push(`${w.id}:${id}`);
  }
  return keys;
}
