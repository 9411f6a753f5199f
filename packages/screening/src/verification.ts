/**
 * Verification tasks opened by suspicious data (疑点数据, 聊人社字〔2022〕32号 六(三)): list them and
 * close them — confirmed after checking (核实无误), or with a recovery order for the money paid
 * (核实不符，追回). The recovery order itself is the ledger's; the caller passes its id.
 */
import type { Queryable } from '@wengang/db';
import { maskResidentId } from '@wengang/kernel';
import { SUSPICION_KINDS } from './import/layouts';
import { ScreeningError } from './programmes/common';

export interface VerificationTask {
  id: string;
  issueNo: string;
  seq: number;
  kind: string;
  kindLabel: string;
  programme: string;
  personIdMasked: string;
  personName: string;
  creditCode: string;
  regionCode: string;
  detail: string;
  issuedOn: string;
  caseId: string | null;
  caseTitle: string | null;
  casePaidFen: number | null;
  status: 'open' | 'confirmed' | 'recovery_ordered';
  note: string | null;
  recoveryFen: number | null;
  recoveryOrderId: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
}

interface TaskRow extends Omit<VerificationTask, 'kindLabel' | 'personIdMasked'> {
  personId: string;
}

const columns = `t.id, t.issue_no AS "issueNo", t.seq, r.kind, r.programme, r.person_id AS "personId", r.person_name AS "personName",
  r.credit_code AS "creditCode", t.region_code AS "regionCode", r.detail, to_char(r.issued_on, 'YYYY-MM-DD') AS "issuedOn",
  t.case_id AS "caseId", c.title AS "caseTitle", c.paid_fen AS "casePaidFen", t.status, t.note, t.recovery_fen AS "recoveryFen",
  t.recovery_order_id AS "recoveryOrderId", t.resolved_by AS "resolvedBy", t.resolved_at AS "resolvedAt"`;

const from = `verification_tasks t JOIN suspicious_records r ON r.issue_no = t.issue_no AND r.seq = t.seq
  LEFT JOIN review_cases c ON c.id = t.case_id`;

function view(r: TaskRow): VerificationTask {
  const { personId, ...rest } = r;
  return {
    ...rest,
    kindLabel: SUSPICION_KINDS.find((k) => k.value === r.kind)?.label ?? r.kind,
    personIdMasked: maskResidentId(personId),
  };
}

/** Tasks of the given regions (an officer's region and those below it), open ones first. */
export async function listVerificationTasks(
  q: Queryable,
  regions: readonly string[] | null,
  status?: string,
): Promise<VerificationTask[]> {
  const { rows } = await q.query<TaskRow>(
    `SELECT ${columns} FROM ${from}
      WHERE ($1::text[] IS NULL OR t.region_code = ANY($1::text[])) AND ($2::text IS NULL OR t.status = $2)
      ORDER BY (t.status = 'open') DESC, r.issued_on DESC, t.issue_no, t.seq LIMIT 500`,
    [regions, status ?? null],
  );
  return rows.map(view);
}

export async function getVerificationTask(q: Queryable, id: string): Promise<VerificationTask | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const { rows } = await q.query<TaskRow>(`SELECT ${columns} FROM ${from} WHERE t.id = $1`, [id]);
  return rows[0] ? view(rows[0]) : undefined;
}

export interface Resolution {
  outcome: 'confirmed' | 'recovery_ordered';
  note: string;
  /** For a recovery: the amount and the ledger's recovery order. */
  recoveryFen?: number;
  recoveryOrderId?: string;
  actor: string;
}

/** Closes an open task. */
export async function resolveVerificationTask(
  tx: Queryable,
  id: string,
  r: Resolution,
  now: Date,
): Promise<VerificationTask> {
  if (!r.note.trim()) throw new ScreeningError('请填写核实情况');
  if (r.outcome === 'recovery_ordered' && !(Number.isSafeInteger(r.recoveryFen) && (r.recoveryFen ?? 0) > 0)) {
    throw new ScreeningError('追回须填写大于0的追回金额');
  }
  const { rows } = await tx.query<{ id: string }>(
    `UPDATE verification_tasks SET status = $2, note = $3, recovery_fen = $4, recovery_order_id = $5, resolved_by = $6, resolved_at = $7
      WHERE id = $1 AND status = 'open' RETURNING id`,
    [
      id,
      r.outcome,
      r.note.trim(),
      r.outcome === 'recovery_ordered' ? r.recoveryFen : null,
      r.recoveryOrderId ?? null,
      r.actor,
      now,
    ],
  );
  if (rows.length === 0) throw new ScreeningError('核实任务不存在或已办结');
  return (await getVerificationTask(tx, id))!;
}
