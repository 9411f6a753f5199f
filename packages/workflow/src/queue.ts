/**
 * The officer's queue (cases waiting for their role in their region, sorted by deadline, with
 * overdue / due-today flags on the working-day calendar), the case list of a region, and the
 * enterprise's own cases (【查询】).
 */
import type { Queryable } from '@wengang/db';
import { todayInShanghai } from '@wengang/kernel';
import { caseColumns, type StoredCaseRow } from './cases';
import { deadlineFlags, earliest, type DeadlineFlags } from './deadlines';
import { conditionSummary, findDuplicates } from './duplicates';
import { queueKeysFor } from './machine';
import { requireOfficerRegion, type Principal } from './principal';
import { withDecision } from './stored-decision';
import { getWorkflow, WorkflowError } from './workflows';

export interface CaseListItem extends DeadlineFlags {
  id: string;
  title: string;
  programme: string;
  workflowId: string;
  workflowName: string;
  regionCode: string;
  regionName: string;
  enterpriseId: string;
  enterpriseName: string;
  status: string;
  statusLabel: string;
  amountFen: number;
  headcount: number;
  claimMonth: string | null;
  receivedOn: string;
  source: string;
  /** Label of the limit the due date comes from. */
  deadlineLabel: string | null;
  failedConditions: number;
  flaggedConditions: number;
  duplicateHits: number;
  /** May be approved in a batch: an approve action exists and nothing failed or is flagged. */
  batchApprovable: boolean;
}

type Row = StoredCaseRow & { regionName: string; enterpriseName: string; regionLevel: string };

async function toItem(q: Queryable, stored: Row, today: string, withDuplicates: boolean): Promise<CaseListItem> {
  const row = withDecision(stored);
  const w = getWorkflow(row.workflowId);
  const state = w.states[row.status];
  const final = !state || ['rejected', 'closed', 'filed', 'paid'].includes(state.kind);
  const dueOn = final ? null : earliest(row.stepDueOn, row.caseDueOn);
  const deadlineLabel = !dueOn
    ? null
    : dueOn === row.stepDueOn && state?.deadline
      ? state.deadline.label
      : (w.caseDeadline?.label ?? null);
  const conditions = conditionSummary(row.decision);
  const duplicateHits = withDuplicates ? (await findDuplicates(q, row)).length : 0;
  const approve = w.transitions.find((t) => t.from === row.status && t.action === 'approve');
  return {
    id: row.id,
    title: row.title,
    programme: row.programme,
    workflowId: row.workflowId,
    workflowName: w.name,
    regionCode: row.regionCode,
    regionName: row.regionName,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    status: row.status,
    statusLabel: state?.label ?? row.status,
    amountFen: row.amountFen,
    headcount: row.headcount,
    claimMonth: row.claimMonth,
    receivedOn: row.receivedOn,
    source: row.source,
    deadlineLabel,
    ...deadlineFlags(dueOn, today),
    failedConditions: conditions.failed,
    flaggedConditions: conditions.flagged,
    duplicateHits,
    batchApprovable:
      !!approve?.batchable &&
      conditions.failed === 0 &&
      conditions.flagged === 0 &&
      (!withDuplicates || duplicateHits === 0),
  };
}

const listColumns = `${caseColumns}, r.full_name AS "regionName", r.level AS "regionLevel", e.name AS "enterpriseName"`;
const ORDER = `ORDER BY coalesce(least(c.step_due_on, c.case_due_on), DATE '9999-12-31'), c.received_on, c.created_at, c.id`;

/** Cases waiting for this officer, most urgent first. */
export async function listQueue(
  q: Queryable,
  p: Principal,
  now: Date,
  options: { limit?: number } = {},
): Promise<CaseListItem[]> {
  const region = requireOfficerRegion(p);
  const own = queueKeysFor(p.role);
  // 市本级 cases: the prefecture's reviewer takes their county-level steps
  const county = p.role === 'prefecture_reviewer' ? queueKeysFor('county_reviewer') : [];
  const { rows } = await q.query<Row>(
    `SELECT ${listColumns}
       FROM review_cases c JOIN regions r ON r.code = c.region_code JOIN enterprises e ON e.id = c.enterprise_id
      WHERE c.region_code IN (SELECT region_scope($1))
        AND ((c.workflow_id || ':' || c.status) = ANY($2)
             OR (r.level <> 'county' AND (c.workflow_id || ':' || c.status) = ANY($3)))
      ${ORDER}
      LIMIT $4`,
    [region, own, county, Math.min(options.limit ?? 200, 500)],
  );
  const today = todayInShanghai(now);
  const items: CaseListItem[] = [];
  for (const row of rows) items.push(await toItem(q, row, today, true));
  return items;
}

export interface CaseFilter {
  status?: string;
  programme?: string;
  /** enterprise name or 统一社会信用代码 contains */
  search?: string;
  limit?: number;
  offset?: number;
}

/** Every case in the officer's region and below (any status), for the case list and auditors. */
export async function listCases(
  q: Queryable,
  p: Principal,
  now: Date,
  filter: CaseFilter = {},
): Promise<{ total: number; items: CaseListItem[] }> {
  const region = requireOfficerRegion(p);
  const where = `c.region_code IN (SELECT region_scope($1))
      AND ($2::text IS NULL OR c.status = $2)
      AND ($3::text IS NULL OR c.programme = $3)
      AND ($4::text IS NULL OR e.name LIKE '%' || $4 || '%' OR e.credit_code = upper($4))`;
  const params = [region, filter.status ?? null, filter.programme ?? null, filter.search?.trim() || null];
  const total = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM review_cases c JOIN enterprises e ON e.id = c.enterprise_id WHERE ${where}`,
    params,
  );
  const { rows } = await q.query<Row>(
    `SELECT ${listColumns}
       FROM review_cases c JOIN regions r ON r.code = c.region_code JOIN enterprises e ON e.id = c.enterprise_id
      WHERE ${where}
      ORDER BY c.updated_at DESC, c.id
      LIMIT $5 OFFSET $6`,
    [...params, Math.min(filter.limit ?? 50, 200), filter.offset ?? 0],
  );
  const today = todayInShanghai(now);
  const items: CaseListItem[] = [];
  for (const row of rows) items.push(await toItem(q, row, today, false));
  return { total: total.rows[0]!.n, items };
}

export interface EnterpriseCaseItem {
  id: string;
  title: string;
  programme: string;
  source: string;
  sourceId: string;
  claimMonth: string | null;
  amountFen: number;
  status: string;
  /** What 【查询】 shows, e.g. 已拨付. */
  statusLabel: string;
  /** Reason of a rejection or what to correct (告知企业). */
  reason: string | null;
  paidOn: string | null;
  paidFen: number;
  /** The enterprise has something to do: confirm, correct, commit. */
  actionNeeded: string | null;
  updatedAt: Date;
}

type EnterpriseListRow = Pick<
  StoredCaseRow,
  | 'id'
  | 'title'
  | 'programme'
  | 'source'
  | 'sourceId'
  | 'workflowId'
  | 'status'
  | 'claimMonth'
  | 'amountFen'
  | 'outcomeReason'
  | 'paidOn'
  | 'paidFen'
  | 'updatedAt'
>;

/** The enterprise's own cases: status as the enterprise sees it, reason, payment date. */
export async function listEnterpriseCases(q: Queryable, p: Principal): Promise<EnterpriseCaseItem[]> {
  if (p.role !== 'enterprise') throw new WorkflowError('此功能仅供单位用户使用', 'forbidden');
  if (!p.enterpriseId) return [];
  // the list shows no conditions: the decision (tens of kB a case) is left unread
  const { rows } = await q.query<EnterpriseListRow>(
    `SELECT c.id, c.title, c.programme, c.source, c.source_id AS "sourceId", c.workflow_id AS "workflowId", c.status,
            c.claim_month AS "claimMonth", c.amount_fen AS "amountFen", c.outcome_reason AS "outcomeReason",
            c.paid_on AS "paidOn", c.paid_fen AS "paidFen", c.updated_at AS "updatedAt"
       FROM review_cases c WHERE c.enterprise_id = $1 ORDER BY c.created_at DESC LIMIT 200`,
    [p.enterpriseId],
  );
  return rows.map((c) => {
    const w = getWorkflow(c.workflowId);
    const s = w.states[c.status];
    const actions = w.transitions.filter((t) => t.from === c.status && t.roles.includes('enterprise'));
    return {
      id: c.id,
      title: c.title,
      programme: c.programme,
      source: c.source,
      sourceId: c.sourceId,
      claimMonth: c.claimMonth,
      amountFen: c.amountFen,
      status: c.status,
      statusLabel: s?.enterpriseLabel ?? c.status,
      reason: c.outcomeReason,
      paidOn: c.paidOn,
      paidFen: c.paidFen,
      actionNeeded: actions.length ? actions.map((a) => a.label).join(' / ') : null,
      updatedAt: c.updatedAt,
    };
  });
}
