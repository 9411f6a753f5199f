/**
 * What officers see of a run: the counts (found vs handed over vs paid, the queue by reason, the
 * cases by workflow step), the findings page by page with their explanations, one finding.
 */
import type { Queryable } from '@wengang/db';
import { getRegion } from '@wengang/kernel';
import { getWorkflow } from '@wengang/workflow';
import { screeningProgramme } from '../programmes/index';
import type { Explanation, FindingRow } from '../programmes/types';
import { QUEUE_REASONS } from '../programmes/units';
import { findingColumns } from './handover';
import { getRun, type RunRow } from './runs';

export interface CountFen {
  count: number;
  fen: number;
}

export interface RunSummary {
  found: CountFen;
  /** Payable, not yet handed over. */
  payable: CountFen;
  queued: (CountFen & { reason: string; label: string })[];
  handedOver: CountFen;
  /** Handed-over findings by the step their case is in (待企业确认、审核、公示、拨付、已拨付、不予…). */
  cases: (CountFen & { kind: string; label: string })[];
  paid: CountFen;
  chunks: {
    region: string;
    name: string;
    units: number;
    status: string;
    found: number;
    foundFen: number;
    seconds: number | null;
  }[];
}

const KIND_LABELS: Record<string, string> = {
  confirmation: '待企业确认',
  review: '审核中',
  returned: '退回补正',
  publicity_pending: '待公示',
  publicity: '公示中',
  payment_request: '市级汇总',
  payment_ready: '待拨付',
  paying: '拨付中',
  paid: '已拨付',
  closed: '已办结',
  rejected: '不予发放',
};

export async function runSummary(q: Queryable, runId: string): Promise<RunSummary> {
  const { rows: byStatus } = await q.query<{ status: string; queue_reason: string | null; n: number; fen: number }>(
    `SELECT status, queue_reason, count(*)::int AS n, coalesce(sum(amount_fen), 0)::bigint AS fen
       FROM screening_findings WHERE run_id = $1 GROUP BY status, queue_reason`,
    [runId],
  );
  const sum = (rows: { n: number; fen: number }[]): CountFen => ({
    count: rows.reduce((s, r) => s + r.n, 0),
    fen: rows.reduce((s, r) => s + r.fen, 0),
  });
  const { rows: cases } = await q.query<{
    workflow_id: string;
    status: string;
    n: number;
    fen: number;
    paid: number;
    paid_fen: number;
  }>(
    `SELECT c.workflow_id, c.status, count(*)::int AS n, coalesce(sum(c.amount_fen), 0)::bigint AS fen,
            count(*) FILTER (WHERE c.paid_fen > 0)::int AS paid, coalesce(sum(c.paid_fen), 0)::bigint AS paid_fen
       FROM screening_findings f JOIN review_cases c ON c.id = f.case_id
      WHERE f.run_id = $1 GROUP BY c.workflow_id, c.status`,
    [runId],
  );
  const byKind = new Map<string, CountFen>();
  for (const c of cases) {
    const kind = getWorkflow(c.workflow_id).states[c.status]?.kind ?? c.status;
    const k = byKind.get(kind) ?? { count: 0, fen: 0 };
    byKind.set(kind, { count: k.count + c.n, fen: k.fen + c.fen });
  }
  const { rows: chunks } = await q.query<{
    region_code: string;
    units: number;
    status: string;
    found: number;
    found_fen: number;
    seconds: string | null;
  }>(
    'SELECT region_code, units, status, found, found_fen, seconds FROM screening_run_chunks WHERE run_id = $1 ORDER BY region_code',
    [runId],
  );
  return {
    found: sum(byStatus),
    payable: sum(byStatus.filter((r) => r.status === 'payable')),
    queued: byStatus
      .filter((r) => r.status === 'queued')
      .map((r) => ({
        reason: r.queue_reason!,
        label: QUEUE_REASONS[r.queue_reason!] ?? r.queue_reason!,
        count: r.n,
        fen: r.fen,
      })),
    handedOver: sum(byStatus.filter((r) => r.status === 'handed_over')),
    cases: [...byKind.entries()].map(([kind, v]) => ({ kind, label: KIND_LABELS[kind] ?? kind, ...v })),
    paid: { count: cases.reduce((s, c) => s + c.paid, 0), fen: cases.reduce((s, c) => s + c.paid_fen, 0) },
    chunks: chunks.map((c) => ({
      region: c.region_code,
      name: getRegion(c.region_code)?.name ?? c.region_code,
      units: c.units,
      status: c.status,
      found: c.found,
      foundFen: c.found_fen,
      seconds: c.seconds === null ? null : Number(c.seconds),
    })),
  };
}

export interface FindingView extends FindingRow {
  regionName: string;
  queueLabel: string | null;
  caseStatusLabel: string | null;
  explanation: Explanation;
}

async function withExplanations(q: Queryable, run: RunRow, rows: FindingRow[]): Promise<FindingView[]> {
  const screening = screeningProgramme(run.programme);
  const ids = rows.map((r) => r.caseId).filter((x): x is string => x !== null);
  const { rows: cases } = ids.length
    ? await q.query<{ id: string; workflow_id: string; status: string }>(
        'SELECT id, workflow_id, status FROM review_cases WHERE id = ANY($1::uuid[])',
        [ids],
      )
    : { rows: [] };
  const statusOf = new Map(cases.map((c) => [c.id, getWorkflow(c.workflow_id).states[c.status]?.label ?? c.status]));
  return rows.map((r) => ({
    ...r,
    regionName: getRegion(r.regionCode)?.fullName ?? r.regionCode,
    queueLabel: r.queueReason ? (QUEUE_REASONS[r.queueReason] ?? r.queueReason) : null,
    caseStatusLabel: r.caseId ? (statusOf.get(r.caseId) ?? null) : null,
    explanation: screening.explain(run, r),
  }));
}

export interface FindingFilter {
  status?: 'payable' | 'queued' | 'handed_over';
  region?: string;
  /** Credit code or name contains. */
  search?: string;
  limit?: number;
  offset?: number;
}

export async function listFindings(
  q: Queryable,
  runId: string,
  filter: FindingFilter = {},
): Promise<{ total: number; rows: FindingView[] }> {
  const run = await getRun(q, runId);
  if (!run) return { total: 0, rows: [] };
  const where = ['f.run_id = $1'];
  const params: unknown[] = [runId];
  if (filter.status) {
    params.push(filter.status);
    where.push(`f.status = $${params.length}`);
  }
  if (filter.region) {
    params.push(filter.region);
    where.push(`f.region_code = $${params.length}`);
  }
  if (filter.search) {
    params.push(`%${filter.search}%`);
    where.push(`(f.credit_code LIKE $${params.length} OR f.unit_name LIKE $${params.length})`);
  }
  const { rows: total } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM screening_findings f WHERE ${where.join(' AND ')}`,
    params,
  );
  params.push(Math.min(filter.limit ?? 20, 200), filter.offset ?? 0);
  const { rows } = await q.query<FindingRow>(
    `SELECT ${findingColumns} FROM screening_findings f WHERE ${where.join(' AND ')}
      ORDER BY f.region_code, f.credit_code LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { total: total[0]!.n, rows: await withExplanations(q, run, rows) };
}

export async function getFinding(q: Queryable, runId: string, creditCode: string): Promise<FindingView | undefined> {
  const run = await getRun(q, runId);
  if (!run) return undefined;
  const { rows } = await q.query<FindingRow>(
    `SELECT ${findingColumns} FROM screening_findings f WHERE f.run_id = $1 AND f.credit_code = $2`,
    [runId, creditCode],
  );
  return rows[0] ? (await withExplanations(q, run, rows))[0] : undefined;
}
