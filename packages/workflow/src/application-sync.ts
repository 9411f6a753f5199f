/**
 * Mirrors a case's progress into the portal's application (status and the 【查询】 timeline in
 * application_events), for cases whose source is `application`. Register it once at start-up:
 * `registerTransitionListener('application', syncApplication)`.
 */
import type { Queryable } from '@wengang/db';
import type { TransitionEvent } from './hooks';
import type { StateKind } from './workflows';

/** The portal's application statuses (packages/db/migrations/0011_applications.sql). */
export function applicationStatusFor(kind: StateKind, actor: string): string | null {
  switch (kind) {
    case 'review':
      return actor === 'prefecture_reviewer' ? 'prefecture_review' : 'county_review';
    case 'returned':
      return 'returned';
    case 'publicity_pending':
    case 'payment_request':
      return 'approved';
    case 'publicity':
      return 'publicity';
    case 'payment_ready':
    case 'paying':
      return 'payment';
    case 'paid':
    case 'closed':
      return 'paid';
    case 'rejected':
      return 'rejected';
    default:
      return null;
  }
}

export async function syncApplication(tx: Queryable, e: TransitionEvent): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(e.after.sourceId)) return;
  const state = e.workflow.states[e.after.status];
  if (!state) return;
  const status = applicationStatusFor(state.kind, state.actor);
  if (!status) return;
  const paid = state.kind === 'paid' || (state.kind === 'closed' && e.after.paidOn !== null);
  const { rowCount } = await tx.query(
    `UPDATE applications SET status = $2,
       approved_amount_fen = CASE WHEN $3::boolean THEN $4 ELSE approved_amount_fen END,
       paid_on = CASE WHEN $5::boolean THEN $6::date ELSE paid_on END,
       updated_at = $7
     WHERE id = $1::uuid`,
    [e.after.sourceId, status, status === 'approved', e.after.amountFen, paid, e.after.paidOn, e.now],
  );
  if (rowCount === 0) return;
  await tx.query(
    `INSERT INTO application_events (application_id, region_code, at, status, actor_id, actor_role, actor_name, note, amount_fen, paid_on)
     VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      e.after.sourceId,
      e.after.regionCode,
      e.now,
      status,
      e.actor.id,
      e.actor.role,
      e.actor.name,
      e.reason ?? e.transition.label,
      e.after.amountFen,
      paid ? e.after.paidOn : null,
    ],
  );
}
