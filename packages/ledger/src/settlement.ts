/**
 * 再清算 (鲁人社字〔2020〕26号 四(三) "先预拨、后承诺、再清算 … 多退少补"): after the enterprise's
 * commitment, the officer inspects; the engine is re-run on the data as it stands and its amount
 * compared with what was prepaid. Less → settled, the difference becomes a recovery order (deducted
 * from the next refund); more → the difference is topped up through a payment batch.
 */
import type { Queryable } from '@wengang/db';
import { loadCase, takeAction, WorkflowError, type Principal, type TransitionResult } from '@wengang/workflow';
import { createRecoveryOrder } from './recovery';

export async function settleCase(
  tx: Queryable,
  p: Principal,
  caseId: string,
  action: 'settle' | 'top_up',
  note: string | null,
  now: Date,
): Promise<TransitionResult & { recoveryOrderId: string | null }> {
  const before = await loadCase(tx, caseId, true);
  const result = await takeAction(tx, caseId, action, { principal: p }, { note: note ?? '清算检查' }, now);
  const c = result.after;
  const diff = c.amountFen - before.paidFen;
  if (action === 'top_up') {
    if (diff <= 0)
      throw new WorkflowError('按现有数据核定的金额不高于已预拨金额，无需补拨，请选择“清算完毕”', 'conflict');
    await tx.query('UPDATE review_cases SET payment_no = payment_no + 1 WHERE id = $1', [c.id]);
    return { ...result, after: await loadCase(tx, c.id), recoveryOrderId: null };
  }
  if (diff > 0)
    throw new WorkflowError(`按现有数据核定应补拨 ${(diff / 100).toFixed(2)} 元，请选择“清算补拨差额”`, 'conflict');
  const recoveryOrderId =
    diff < 0
      ? await createRecoveryOrder(
          tx,
          p,
          { caseId: c.id, reason: '先预拨后清算：核定金额低于预拨金额，多退', amountFen: -diff, method: 'deduction' },
          now,
        )
      : null;
  return { ...result, recoveryOrderId };
}
