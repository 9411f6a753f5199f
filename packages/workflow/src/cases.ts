/**
 * Review cases: one per claim, whatever its source: an enterprise's application (the portal) or a
 * screening finding (免申即享 / 稳岗返还 lists). The portal's submission and the screening run call
 * `openCase` inside their own transaction; the case then follows its workflow (workflows/*.ts).
 *
 * ```ts
 * await db.transaction(async (tx) => {
 *   // … insert the application …
 *   const { id, created } = await openCase(tx, {
 *     source: 'application',            // or 'screening'
 *     sourceId: application.id,         // unique per source: opening twice returns the same case
 *     programme: 'work-for-training',   // policies/<id>
 *     variant: 'absorption',            // optional: 稳岗返还 'general' | 'sme' | 'difficult', …
 *     regionCode: application.regionCode, // 企业所属区划: the region that reviews
 *     enterpriseId: application.enterpriseId,
 *     claimMonth: '2020-07',
 *     amountFen: decision.amountFen,
 *     request, decision,                // what the engine was asked and answered
 *     persons: [{ personKey: '37150219900101123X', name: '张三', month: '2020-07', category: '就业困难人员' }],
 *     payee: { name, creditCode, bankName, accountNo, accountKind: '基本账户' },
 *     materials: [{ name: '以工代训人员花名册', url: '/api/v1/files/…' }],
 *     receivedOn: '2020-07-06',         // default: today (Asia/Shanghai)
 *     actor,                            // who submitted (default: the system)
 *   }, now);
 * });
 * ```
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '@wengang/db';
import type { Decision } from '@wengang/engine';
import { todayInShanghai } from '@wengang/kernel';
import { recordAudit, systemActor, type Actor, type AuditEntry } from './audit';
import { dueDate } from './deadlines';
import { ancestryOf } from './principal';
import { storedDecisionJson, withDecision } from './stored-decision';
import { getWorkflow, resolveWorkflow, stateOf, WorkflowError, type WorkflowDefinition } from './workflows';

export type CaseSource = 'application' | 'screening';

export interface Payee {
  /** 收款单位名称 */
  name: string;
  /** 统一社会信用代码 */
  creditCode: string;
  /** 开户银行 */
  bankName: string;
  /** 银行账号 */
  accountNo: string;
  /** 基本账户 / 对公账户 / 税务部门提供的对公账户 / 社会保险费缴费账户 */
  accountKind: string;
}

export interface CasePersonInput {
  /** 身份证号 (stored whole for duplicate checks; shown masked, unmasked views are audited). */
  personKey: string;
  name: string;
  role?: 'trainee' | 'graduate' | 'employee';
  /** Claim month the person is claimed for (YYYY-MM), if per month. */
  month?: string | null;
  category?: string | null;
  amountFen?: number | null;
}

export interface Material {
  name: string;
  url: string;
}

export interface OpenCaseInput {
  source: CaseSource;
  sourceId: string;
  programme: string;
  variant?: string | null;
  regionCode: string;
  enterpriseId: string;
  amountFen: number;
  claimMonth?: string | null;
  /** Shown in queues; default: `<programme name> <claim month>`. */
  title?: string;
  headcount?: number;
  request?: unknown;
  decision?: Decision | null;
  persons?: CasePersonInput[];
  payee?: Payee | null;
  materials?: Material[];
  /** Day the claim or the data arrived (starts case-level limits); default today. */
  receivedOn?: string;
  /** `plan` for a training-plan filing (昌吉州); default `claim`. */
  stage?: 'plan' | 'claim';
  /** `prepay`: 先预拨、后承诺、再清算 (稳岗返还). */
  mode?: 'standard' | 'prepay';
  /** Overrides the workflow found for programme, variant and region. */
  workflowId?: string;
  actor?: Actor;
}

export interface CaseRow {
  id: string;
  regionCode: string;
  programme: string;
  variant: string | null;
  enterpriseId: string;
  source: CaseSource;
  sourceId: string;
  workflowId: string;
  status: string;
  title: string;
  claimMonth: string | null;
  amountFen: number;
  headcount: number;
  request: unknown;
  decision: Decision | null;
  payee: Payee | null;
  materials: Material[];
  receivedOn: string;
  stepEnteredAt: Date;
  stepDueOn: string | null;
  caseDueOn: string | null;
  outcomeReason: string | null;
  paymentNo: number;
  paidFen: number;
  paidOn: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A row as selected with `caseColumns`: the decision still in its stored form (citations by index,
 * stored-decision.ts) until `withDecision` expands it into a `CaseRow`.
 */
export type StoredCaseRow = Omit<CaseRow, 'decision'> & { decision: unknown };

export const caseColumns = `c.id, c.region_code AS "regionCode", c.programme, c.variant, c.enterprise_id AS "enterpriseId",
  c.source, c.source_id AS "sourceId", c.workflow_id AS "workflowId", c.status, c.title, c.claim_month AS "claimMonth",
  c.amount_fen AS "amountFen", c.headcount, c.request, c.decision, c.payee, c.materials, c.received_on AS "receivedOn",
  c.step_entered_at AS "stepEnteredAt", c.step_due_on AS "stepDueOn", c.case_due_on AS "caseDueOn",
  c.outcome_reason AS "outcomeReason", c.payment_no AS "paymentNo", c.paid_fen AS "paidFen", c.paid_on AS "paidOn",
  c.version, c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

export async function loadCase(q: Queryable, id: string, forUpdate = false): Promise<CaseRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new WorkflowError('未找到该案件，或不在您的管辖范围内', 'not_found');
  const { rows } = await q.query<StoredCaseRow>(
    `SELECT ${caseColumns} FROM review_cases c WHERE c.id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const row = rows[0];
  if (!row) throw new WorkflowError('未找到该案件，或不在您的管辖范围内', 'not_found');
  return withDecision(row);
}

export async function findCaseBySource(q: Queryable, source: CaseSource, sourceId: string): Promise<CaseRow | null> {
  const { rows } = await q.query<StoredCaseRow>(
    `SELECT ${caseColumns} FROM review_cases c WHERE c.source = $1 AND c.source_id = $2`,
    [source, sourceId],
  );
  return rows[0] ? withDecision(rows[0]) : null;
}

function checkInput(input: OpenCaseInput): void {
  const problems: string[] = [];
  if (!['application', 'screening'].includes(input.source)) problems.push('source 应为 application 或 screening');
  if (!input.sourceId) problems.push('sourceId 不能为空');
  if (!/^[0-9]{6}$/.test(input.regionCode)) problems.push('regionCode 应为6位区划代码');
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen < 0) problems.push('amountFen 应为非负整数（分）');
  if (
    input.claimMonth !== undefined &&
    input.claimMonth !== null &&
    !/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(input.claimMonth)
  ) {
    problems.push('claimMonth 应为 YYYY-MM');
  }
  if (input.receivedOn !== undefined && !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(input.receivedOn)) {
    problems.push('receivedOn 应为 YYYY-MM-DD');
  }
  for (const p of input.persons ?? []) {
    if (!p.personKey || !p.name) problems.push('每个人员需要 personKey（身份证号）和 name');
  }
  if (problems.length) throw new WorkflowError(`无法建立审核案件：${problems.join('；')}`, 'invalid');
}

/** The deadline of a state entered today: counted from the state's anchor. */
export async function stepDueOn(
  q: Queryable,
  w: WorkflowDefinition,
  status: string,
  c: { id: string | null; receivedOn: string },
  today: string,
): Promise<string | null> {
  const deadline = stateOf(w, status).deadline;
  if (!deadline) return null;
  let base = today;
  if (deadline.from === 'received') base = c.receivedOn;
  else if (deadline.from && deadline.from !== status && c.id) {
    const { rows } = await q.query<{ at: Date }>(
      'SELECT at FROM case_events WHERE case_id = $1 AND to_status = $2 ORDER BY id DESC LIMIT 1',
      [c.id, deadline.from],
    );
    if (rows[0]) base = todayInShanghai(new Date(rows[0].at));
  }
  return dueDate(deadline, base);
}

/** The persons as one jsonb array for `jsonb_to_recordset` (one statement however many persons). */
function personsJson(persons: CasePersonInput[]): string {
  return JSON.stringify(
    persons.map((p) => ({
      person_key: p.personKey.trim().toUpperCase(),
      name: p.name,
      role: p.role ?? 'trainee',
      month: p.month ?? null,
      category: p.category ?? null,
      amount_fen: p.amountFen ?? null,
    })),
  );
}

const PERSON_ROWS = `ROWS FROM (jsonb_to_recordset($PERSONS::jsonb) AS (person_key text, name text, role text, month text,
  category text, amount_fen bigint)) WITH ORDINALITY AS x(person_key, name, role, month, category, amount_fen, n)`;

export async function replacePersons(
  tx: Queryable,
  caseId: string,
  regionCode: string,
  persons: CasePersonInput[],
): Promise<void> {
  await tx.query(
    `WITH gone AS (DELETE FROM case_persons WHERE case_id = $1)
     INSERT INTO case_persons (case_id, region_code, person_key, name, role, month, category, amount_fen)
     SELECT $1, $2, x.person_key, x.name, x.role, x.month, x.category, x.amount_fen
       FROM ${PERSON_ROWS.replace('$PERSONS', '$3')} ORDER BY x.n`,
    [caseId, regionCode, personsJson(persons)],
  );
}

/**
 * Opens the review case of a claim, in the caller's transaction. Idempotent per (source, sourceId):
 * a second call returns the existing case with `created: false` and changes nothing.
 */
export async function openCase(
  tx: Queryable,
  input: OpenCaseInput,
  now: Date = new Date(),
  options: {
    /** The region's ancestry (itself first) when the caller knows it: saves a query. */
    ancestry?: string[];
    /** Collects the case.open audit entry for the caller to record with its own (one statement). */
    deferAudit?: AuditEntry[];
  } = {},
): Promise<{ id: string; status: string; workflowId: string; created: boolean }> {
  const opening = await prepareCaseOpening(tx, input, now, options);
  // A second opening inserts nothing (ON CONFLICT) and finds the existing case below.
  const { rows } = await tx.query<{ id: string }>(`WITH ${opening.ctes(0, 'skip')} SELECT id FROM c`, opening.params);
  if (!rows[0]) {
    // opened before (a retry), or concurrently by a transaction that committed first
    const other = await findCaseBySource(tx, input.source, input.sourceId);
    return { id: other!.id, status: other!.status, workflowId: other!.workflowId, created: false };
  }
  if (options.deferAudit) options.deferAudit.push(opening.audit);
  else await recordAudit(tx, opening.audit, now);
  return { id: opening.id, status: opening.status, workflowId: opening.workflowId, created: true };
}

/** A new case, checked and ready to insert: its id, its statement's parts and its audit entry. */
export interface CaseOpening {
  id: string;
  status: string;
  workflowId: string;
  params: unknown[];
  /**
   * The data-modifying CTEs `c` (the case), `p` (its persons) and `e` (its first event), their
   * parameters numbered from `offset + 1`. A case already opened for the source is skipped (`c`
   * returns no row) or makes the statement fail with the unique violation (`error`).
   */
  ctes(offset: number, onConflict: 'skip' | 'error'): string;
  /** The case.open entry, for the caller to record. */
  audit: AuditEntry;
}

/**
 * Checks a case and prepares its insert (the case, its persons and its first event in one
 * statement), for `openCase` or for a caller that writes it in its own statement.
 */
export async function prepareCaseOpening(
  q: Queryable,
  input: OpenCaseInput,
  now: Date,
  options: { ancestry?: string[] } = {},
): Promise<CaseOpening> {
  checkInput(input);
  const ancestry = options.ancestry ?? (await ancestryOf(q, input.regionCode));
  if (ancestry.length === 0) throw new WorkflowError(`区划代码 ${input.regionCode} 不存在`, 'invalid');
  const w = input.workflowId
    ? getWorkflow(input.workflowId)
    : resolveWorkflow(input.programme, ancestry, { stage: input.stage, variant: input.variant, mode: input.mode });
  if (!w.programmes.includes(input.programme)) {
    throw new WorkflowError(`流程 ${w.id} 不适用于项目 ${input.programme}`, 'invalid');
  }
  if (!w.regions.some((r) => ancestry.includes(r))) {
    throw new WorkflowError(`流程 ${w.id} 不适用于区划 ${input.regionCode}`, 'invalid');
  }
  const today = todayInShanghai(now);
  const receivedOn = input.receivedOn ?? today;
  const persons = input.persons ?? [];
  const title =
    input.title ??
    [input.decision?.programmeName ?? w.name.replace(/（.*$/, ''), input.claimMonth ?? ''].filter(Boolean).join(' ');
  // the first step's time limit runs from the day the claim or the data arrived (收到申请后…)
  const stepDue = await stepDueOn(q, w, w.initial, { id: null, receivedOn }, receivedOn);
  const caseDue = w.caseDeadline ? dueDate(w.caseDeadline, receivedOn) : null;
  const actor = input.actor ?? systemActor;
  const id = randomUUID();
  return {
    id,
    status: w.initial,
    workflowId: w.id,
    params: [
      input.regionCode,
      input.programme,
      input.variant ?? null,
      input.enterpriseId,
      input.source,
      input.sourceId,
      w.id,
      w.initial,
      title,
      input.claimMonth ?? null,
      input.amountFen,
      input.headcount ?? new Set(persons.map((p) => p.personKey)).size,
      input.request === undefined ? null : JSON.stringify(input.request),
      input.decision ? storedDecisionJson(input.decision) : null,
      input.payee ? JSON.stringify(input.payee) : null,
      JSON.stringify(input.materials ?? []),
      receivedOn,
      now,
      stepDue,
      caseDue,
      personsJson(persons),
      actor.id,
      actor.role,
      actor.name,
      input.source === 'screening' ? '数据比对筛查生成' : '企业提交申请',
      JSON.stringify({ amountFen: input.amountFen, workflow: w.id }),
      id,
    ],
    ctes: caseCtesAt,
    audit: {
      actor,
      action: 'case.open',
      entityType: 'review_case',
      entityId: id,
      regionCode: input.regionCode,
      after: {
        status: w.initial,
        workflow: w.id,
        programme: input.programme,
        source: input.source,
        sourceId: input.sourceId,
        amountFen: input.amountFen,
      },
    },
  };
}

/** The case, its persons and its first event ($1…$27 as in prepareCaseOpening's params). */
const caseCtes = (onConflict: 'skip' | 'error') => `c AS (
       INSERT INTO review_cases (id, region_code, programme, variant, enterprise_id, source, source_id, workflow_id, status,
         title, claim_month, amount_fen, headcount, request, decision, payee, materials, received_on, step_entered_at,
         step_due_on, case_due_on, created_at, updated_at)
       VALUES ($27, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $18, $18)
       ${onConflict === 'skip' ? 'ON CONFLICT (source, source_id) DO NOTHING' : ''}
       RETURNING id),
     p AS (
       INSERT INTO case_persons (case_id, region_code, person_key, name, role, month, category, amount_fen)
       SELECT c.id, $1, x.person_key, x.name, x.role, x.month, x.category, x.amount_fen
         FROM c, ${PERSON_ROWS.replace('$PERSONS', '$21')} ORDER BY x.n),
     e AS (
       INSERT INTO case_events (case_id, region_code, at, actor_id, actor_role, actor_name, action, from_status, to_status, note, data)
       SELECT c.id, $1, $18, $22, $23, $24, 'open', NULL, $8, $25, $26 FROM c)`;

/** SQL with its parameters $n renumbered to $(n + offset), to be placed after another statement's. */
function renumber(sql: string, offset: number): string {
  return offset === 0 ? sql : sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
}

/**
 * caseCtes renumbered, built once per (conflict handling, offset) rather than on every opening: a
 * caller always uses the same offset, so the template and the regex run once.
 */
const caseCtesCache = new Map<string, string>();
function caseCtesAt(offset: number, onConflict: 'skip' | 'error'): string {
  const key = `${onConflict}:${offset}`;
  let sql = caseCtesCache.get(key);
  if (sql === undefined) {
    sql = renumber(caseCtes(onConflict), offset);
    caseCtesCache.set(key, sql);
  }
  return sql;
}
