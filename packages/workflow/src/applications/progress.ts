/**
 * 【查询】: every application of the enterprise with its status timeline. The portal writes the
 * submission; the officer workflow (review cases, ../cases.ts) moves the case, and its listener
 * (../application-sync.ts, installed here) mirrors each move into the application's status and
 * timeline, with the reviewer's reason, the amount approved and the payment date.
 */
import type { Queryable } from '@wengang/db';
import { todayInShanghai } from '@wengang/kernel';
import { syncApplication } from '../application-sync';
import { registerReevaluator, registerTransitionListener } from '../hooks';
import { regionNameOf, reevaluate, type PortalUser } from './applications';
import { regionFamily, reviewStages } from './rules';
import { statusLabels, subsidyTypeLabels, type ApplicationStatus, type SubsidyType } from './vocabulary';

export interface TimelineEntry {
  at: string;
  status: ApplicationStatus | string;
  label: string;
  actor: string;
  note: string | null;
  amountFen: number | null;
  paidOn: string | null;
}

export interface StageView {
  status: string;
  label: string;
  state: 'done' | 'current' | 'pending' | 'failed';
  at: string | null;
}

export interface ProgressItem {
  id: string;
  subsidyMonth: string;
  subsidyType: SubsidyType;
  subsidyTypeLabel: string;
  regionCode: string;
  regionName: string;
  status: ApplicationStatus;
  statusLabel: string;
  amountFen: number;
  approvedAmountFen: number | null;
  paidOn: string | null;
  submittedAt: string | null;
  /** The reviewer's reason of the latest rejection or return. */
  reason: string | null;
  stages: StageView[];
  timeline: TimelineEntry[];
}

const order: ApplicationStatus[] = [
  'submitted',
  'county_review',
  'prefecture_review',
  'approved',
  'publicity',
  'payment',
  'paid',
];

function stagesFor(status: ApplicationStatus, regionCode: string, timeline: TimelineEntry[]): StageView[] {
  const family = regionFamily(regionCode) ?? 'shandong';
  const stages = reviewStages(family, regionNameOf(regionCode));
  const reached = (s: string) => timeline.filter((t) => t.status === s).at(-1)?.at ?? null;
  const currentIndex = (() => {
    if (status === 'returned' || status === 'rejected') return stages.findIndex((s) => s.status.endsWith('review'));
    if (status === 'approved') return stages.findIndex((s) => s.status === 'publicity' || s.status === 'payment');
    const i = stages.findIndex((s) => s.status === status);
    return i >= 0 ? i : order.indexOf(status) >= order.indexOf('payment') ? stages.length - 1 : 0;
  })();
  return stages.map((s, i) => ({
    status: s.status,
    label: s.label,
    state:
      status === 'draft' || status === 'withdrawn'
        ? 'pending'
        : status === 'paid' || i < currentIndex
          ? 'done'
          : i === currentIndex
            ? status === 'rejected'
              ? 'failed'
              : 'current'
            : 'pending',
    at: reached(s.status) ?? (i === 0 ? reached('submitted') : null),
  }));
}

export async function listProgress(q: Queryable, user: PortalUser): Promise<ProgressItem[]> {
  if (!user.enterpriseId) return [];
  const { rows: apps } = await q.query<{
    id: string;
    subsidy_month: string;
    subsidy_type: SubsidyType;
    region_code: string;
    status: ApplicationStatus;
    amount_fen: number;
    approved_amount_fen: number | null;
    paid_on: string | null;
    submitted_at: Date | null;
  }>(
    `SELECT id, subsidy_month, subsidy_type, region_code, status, amount_fen, approved_amount_fen, paid_on, submitted_at
       FROM applications WHERE enterprise_id = $1 AND status <> 'withdrawn'
      ORDER BY subsidy_month DESC, created_at DESC`,
    [user.enterpriseId],
  );
  if (apps.length === 0) return [];
  const { rows: events } = await q.query<{
    application_id: string;
    at: Date;
    status: string;
    actor_name: string;
    note: string | null;
    amount_fen: number | null;
    paid_on: string | null;
  }>(
    `SELECT application_id, at, status, actor_name, note, amount_fen, paid_on FROM application_events
      WHERE application_id = ANY($1::uuid[]) ORDER BY id`,
    [apps.map((a) => a.id)],
  );
  return apps.map((a) => {
    const timeline: TimelineEntry[] = events
      .filter((e) => e.application_id === a.id)
      .map((e) => ({
        at: new Date(e.at).toISOString(),
        status: e.status,
        label: statusLabels[e.status as ApplicationStatus] ?? e.status,
        actor: e.actor_name,
        note: e.note,
        amountFen: e.amount_fen === null ? null : Number(e.amount_fen),
        paidOn: e.paid_on,
      }));
    const reason =
      [...timeline].reverse().find((t) => t.status === 'rejected' || t.status === 'returned')?.note ?? null;
    return {
      id: a.id,
      subsidyMonth: a.subsidy_month,
      subsidyType: a.subsidy_type,
      subsidyTypeLabel: subsidyTypeLabels[a.subsidy_type],
      regionCode: a.region_code,
      regionName: regionNameOf(a.region_code),
      status: a.status,
      statusLabel: statusLabels[a.status],
      amountFen: Number(a.amount_fen),
      approvedAmountFen: a.approved_amount_fen === null ? null : Number(a.approved_amount_fen),
      paidOn: a.paid_on,
      submittedAt: a.submitted_at ? new Date(a.submitted_at).toISOString() : null,
      reason: a.status === 'rejected' || a.status === 'returned' ? reason : null,
      stages: stagesFor(a.status, a.region_code, timeline),
      timeline,
    };
  });
}

let installed = false;

/**
 * Wires the portal into the review workbench (once per process): a transition of an application's
 * case updates the application, and an approval re-runs the engine on the application as it stands.
 */
export function installApplicationHooks(): void {
  if (installed) return;
  installed = true;
  registerTransitionListener('application', syncApplication);
  registerReevaluator('application', async (tx, c) => {
    const { rows } = await tx.query<{ submitted_at: Date | null; created_at: Date }>(
      'SELECT submitted_at, created_at FROM applications WHERE id = $1',
      [c.sourceId],
    );
    const received = rows[0]?.submitted_at ?? rows[0]?.created_at ?? new Date();
    const evaluation = await reevaluate(tx, null, c.sourceId, {
      now: new Date(received),
      today: todayInShanghai(new Date(received)),
    });
    if (!evaluation.decision) throw new Error(`application ${c.sourceId}: ${evaluation.problems.join('；')}`);
    const { rows: persons } = await tx.query<{
      person_id_number: string;
      person_name: string;
      person_category: string;
      amount_fen: number;
    }>(
      `SELECT person_id_number, person_name, person_category, amount_fen FROM application_persons
        WHERE application_id = $1 AND amount_fen > 0 ORDER BY added_at`,
      [c.sourceId],
    );
    return {
      decision: evaluation.decision,
      amountFen: evaluation.totalFen,
      headcount: persons.length,
      request: evaluation.request,
      persons: persons.map((p) => ({
        personKey: p.person_id_number,
        name: p.person_name,
        month: c.claimMonth,
        category: p.person_category,
        amountFen: Number(p.amount_fen),
      })),
    };
  });
}
