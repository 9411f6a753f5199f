/**
 * 追回: a recovery order on a paid case (reason, amount) is settled by the enterprise's repayment
 * or by deduction from its next refund (鲁人社字〔2020〕26号 四(二): 在其再次符合条件时扣减应退回的稳岗返还资金;
 * 聊人社字〔2022〕32号 六(三): 及时追回…不符合条件的补助资金). The order books the amount as owed
 * (Dr 应追回资金 / Cr 补贴支出); a repayment brings it back to the fund; a deduction keeps it back
 * from a payment line.
 */
import type { Queryable } from '@wengang/db';
import { todayInShanghai } from '@wengang/kernel';
import {
  actorOf,
  assertCanSee,
  fundLabels,
  getWorkflow,
  loadCase,
  recordAudit,
  requireOfficerRegion,
  requireRole,
  WorkflowError,
  type Actor,
  type Fund,
  type Principal,
} from '@wengang/workflow';
import { ensureAccount, fundAccountFor, postEntry } from './accounts';

export interface RecoveryOrderView {
  id: string;
  caseId: string;
  caseTitle: string;
  regionCode: string;
  enterpriseId: string;
  enterpriseName: string;
  fund: Fund;
  fundLabel: string;
  reason: string;
  amountFen: number;
  settledFen: number;
  outstandingFen: number;
  method: 'repayment' | 'deduction';
  status: 'open' | 'settled';
  createdByName: string;
  createdAt: Date;
  settlements: { kind: string; amountFen: number; settledOn: string; note: string | null }[];
}

export interface NewRecoveryOrder {
  caseId: string;
  reason: string;
  amountFen: number;
  method: 'repayment' | 'deduction';
}

/** Opens a recovery order on a paid case (reviewers of the case's region; finance). */
export async function createRecoveryOrder(
  tx: Queryable,
  p: Principal,
  input: NewRecoveryOrder,
  now: Date,
): Promise<string> {
  requireRole(p, ['county_reviewer', 'prefecture_reviewer', 'finance'], '下达追回通知');
  const c = await loadCase(tx, input.caseId, true);
  await assertCanSee(tx, p, c, '案件');
  if (c.paidFen <= 0) throw new WorkflowError('只能对已拨付的案件追回资金', 'conflict');
  if (!input.reason.trim()) throw new WorkflowError('请填写追回原因', 'invalid');
  if (!['repayment', 'deduction'].includes(input.method)) throw new WorkflowError('追回方式应为退回或抵扣', 'invalid');
  const { rows: prior } = await tx.query<{ total: number }>(
    'SELECT coalesce(sum(amount_fen), 0)::bigint AS total FROM recovery_orders WHERE case_id = $1',
    [c.id],
  );
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0 || input.amountFen > c.paidFen - prior[0]!.total) {
    throw new WorkflowError(
      `追回金额应大于0且不超过已拨付未追回的金额 ${((c.paidFen - prior[0]!.total) / 100).toFixed(2)} 元`,
      'invalid',
    );
  }
  const w = getWorkflow(c.workflowId);
  const payer = await fundAccountFor(tx, c.regionCode, w.fund);
  if (!payer) throw new WorkflowError(`未设立${fundLabels[w.fund]}账户`, 'conflict');
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO recovery_orders (case_id, region_code, enterprise_id, fund, reason, amount_fen, method, status, created_by,
       created_by_name, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9, $10) RETURNING id`,
    [
      c.id,
      c.regionCode,
      c.enterpriseId,
      w.fund,
      input.reason.trim(),
      input.amountFen,
      input.method,
      p.id,
      p.displayName,
      now,
    ],
  );
  const id = rows[0]!.id;
  const receivable = await ensureAccount(tx, payer.regionCode, w.fund, 'recovery_receivable', now);
  const expense = await ensureAccount(tx, payer.regionCode, w.fund, 'subsidy_expense', now);
  await postEntry(
    tx,
    {
      regionCode: payer.regionCode,
      fund: w.fund,
      kind: 'recovery_order',
      description: `追回：${c.title}（${input.reason.trim()}）`,
      refType: 'recovery_order',
      refId: id,
      idempotencyKey: `recovery_order:${id}`,
      actor: actorOf(p),
      lines: [
        { accountId: receivable, amountFen: input.amountFen },
        { accountId: expense, amountFen: -input.amountFen },
      ],
    },
    now,
  );
  await tx.query(
    `INSERT INTO case_events (case_id, region_code, at, actor_id, actor_role, actor_name, action, from_status, to_status, note, data)
     VALUES ($1, $2, $3, $4, $5, $6, 'recovery_order', $7, $7, $8, $9)`,
    [
      c.id,
      c.regionCode,
      now,
      p.id,
      p.role,
      p.displayName,
      c.status,
      `下达追回：${input.reason.trim()}`,
      JSON.stringify({ recoveryOrderId: id, amountFen: input.amountFen, method: input.method }),
    ],
  );
  await recordAudit(
    tx,
    {
      actor: actorOf(p),
      action: 'recovery.order',
      entityType: 'recovery_order',
      entityId: id,
      regionCode: c.regionCode,
      after: { caseId: c.id, amountFen: input.amountFen, method: input.method, reason: input.reason.trim() },
    },
    now,
  );
  return id;
}

async function outstanding(q: Queryable, orderId: string): Promise<number> {
  const { rows } = await q.query<{ outstanding: number }>(
    `SELECT (o.amount_fen - coalesce((SELECT sum(s.amount_fen) FROM recovery_settlements s WHERE s.order_id = o.id), 0))::bigint
            AS outstanding
       FROM recovery_orders o WHERE o.id = $1`,
    [orderId],
  );
  return rows[0]?.outstanding ?? 0;
}

/** Records money the enterprise paid back (finance). */
export async function recordRepayment(
  tx: Queryable,
  p: Principal,
  orderId: string,
  input: { amountFen: number; settledOn?: string; note?: string; requestId?: string },
  now: Date,
): Promise<void> {
  requireRole(p, ['finance'], '登记追回资金退回');
  if (!/^[0-9a-f-]{36}$/i.test(orderId)) throw new WorkflowError('未找到该追回通知', 'not_found');
  const { rows } = await tx.query<{
    id: string;
    region_code: string;
    enterprise_id: string;
    fund: Fund;
    status: string;
    case_id: string;
  }>('SELECT id, region_code, enterprise_id, fund, status, case_id FROM recovery_orders WHERE id = $1 FOR UPDATE', [
    orderId,
  ]);
  const o = rows[0];
  if (!o) throw new WorkflowError('未找到该追回通知', 'not_found');
  await assertCanSee(tx, p, { regionCode: o.region_code }, '追回通知');
  if (o.status !== 'open') throw new WorkflowError('该追回通知已结清', 'conflict');
  const left = await outstanding(tx, o.id);
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0 || input.amountFen > left) {
    throw new WorkflowError(`退回金额应大于0且不超过未追回金额 ${(left / 100).toFixed(2)} 元`, 'invalid');
  }
  const payer = await fundAccountFor(tx, o.region_code, o.fund);
  if (!payer) throw new WorkflowError('资金账户不存在', 'conflict');
  const settledOn = input.settledOn ?? todayInShanghai(now);
  const key = `repayment:${input.requestId ?? `${o.id}:${now.toISOString()}:${input.amountFen}`}`;
  const { rowCount } = await tx.query(
    `INSERT INTO recovery_settlements (order_id, region_code, kind, amount_fen, settled_on, note, recorded_by, recorded_at, idempotency_key)
     VALUES ($1, $2, 'repayment', $3, $4, $5, $6, $7, $8) ON CONFLICT (idempotency_key) DO NOTHING`,
    [o.id, o.region_code, input.amountFen, settledOn, input.note ?? null, p.id, now, key],
  );
  if (rowCount === 0) return;
  const receivable = await ensureAccount(tx, payer.regionCode, o.fund, 'recovery_receivable', now);
  await postEntry(
    tx,
    {
      regionCode: payer.regionCode,
      fund: o.fund,
      kind: 'repayment',
      description: `追回资金退回${input.note ? `：${input.note}` : ''}`,
      refType: 'recovery_order',
      refId: o.id,
      idempotencyKey: key,
      actor: actorOf(p),
      entryDate: settledOn,
      lines: [
        { accountId: payer.id, amountFen: input.amountFen },
        { accountId: receivable, amountFen: -input.amountFen },
      ],
    },
    now,
  );
  if (input.amountFen === left) {
    await tx.query(`UPDATE recovery_orders SET status = 'settled', settled_at = $2 WHERE id = $1`, [o.id, now]);
  }
  await recordAudit(
    tx,
    {
      actor: actorOf(p),
      action: 'recovery.repayment',
      entityType: 'recovery_order',
      entityId: o.id,
      regionCode: o.region_code,
      after: { amountFen: input.amountFen, settledOn, settled: input.amountFen === left },
    },
    now,
  );
}

/** What can still be kept back from a new payment: open deduction orders less what live lines reserve. */
export async function availableDeductionFen(q: Queryable, enterpriseId: string, fund: Fund): Promise<number> {
  const { rows } = await q.query<{ owed: number; reserved: number }>(
    `SELECT
       coalesce((SELECT sum(o.amount_fen - coalesce((SELECT sum(s.amount_fen) FROM recovery_settlements s WHERE s.order_id = o.id), 0))
                   FROM recovery_orders o
                  WHERE o.enterprise_id = $1 AND o.fund = $2 AND o.method = 'deduction' AND o.status = 'open'), 0)::bigint AS owed,
       coalesce((SELECT sum(l.deduction_fen) FROM payment_lines l JOIN payment_batches b ON b.id = l.batch_id
                  WHERE l.enterprise_id = $1 AND b.fund = $2 AND l.status = 'exported'), 0)::bigint AS reserved`,
    [enterpriseId, fund],
  );
  return Math.max(0, rows[0]!.owed - rows[0]!.reserved);
}

/** Books a paid line's deduction against the enterprise's open orders, oldest first. */
export async function settleDeductions(
  tx: Queryable,
  enterpriseId: string,
  fund: Fund,
  paymentLineId: string,
  amountFen: number,
  settledOn: string,
  actor: Actor,
  now: Date,
): Promise<void> {
  const { rows } = await tx.query<{ id: string; region_code: string }>(
    `SELECT id, region_code FROM recovery_orders
      WHERE enterprise_id = $1 AND fund = $2 AND method = 'deduction' AND status = 'open'
      ORDER BY created_at, id FOR UPDATE`,
    [enterpriseId, fund],
  );
  let left = amountFen;
  for (const o of rows) {
    if (left <= 0) break;
    const owed = await outstanding(tx, o.id);
    const take = Math.min(owed, left);
    if (take <= 0) continue;
    await tx.query(
      `INSERT INTO recovery_settlements (order_id, region_code, kind, amount_fen, payment_line_id, settled_on, note, recorded_by,
         recorded_at, idempotency_key)
       VALUES ($1, $2, 'deduction', $3, $4, $5, '从应拨资金中扣减', $6, $7, $8) ON CONFLICT (idempotency_key) DO NOTHING`,
      [o.id, o.region_code, take, paymentLineId, settledOn, actor.id, now, `deduction:${paymentLineId}:${o.id}`],
    );
    if (take === owed)
      await tx.query(`UPDATE recovery_orders SET status = 'settled', settled_at = $2 WHERE id = $1`, [o.id, now]);
    left -= take;
  }
  if (left !== 0) throw new Error(`deduction of line ${paymentLineId} exceeds what the enterprise owes`);
}

export async function listRecoveryOrders(q: Queryable, p: Principal, caseId?: string): Promise<RecoveryOrderView[]> {
  const region = requireOfficerRegion(p);
  const { rows } = await q.query<Omit<RecoveryOrderView, 'settlements' | 'fundLabel' | 'outstandingFen'>>(
    `SELECT o.id, o.case_id AS "caseId", c.title AS "caseTitle", o.region_code AS "regionCode", o.enterprise_id AS "enterpriseId",
            e.name AS "enterpriseName", o.fund, o.reason, o.amount_fen AS "amountFen", o.method, o.status,
            o.created_by_name AS "createdByName", o.created_at AS "createdAt",
            coalesce((SELECT sum(s.amount_fen) FROM recovery_settlements s WHERE s.order_id = o.id), 0)::bigint AS "settledFen"
       FROM recovery_orders o JOIN review_cases c ON c.id = o.case_id JOIN enterprises e ON e.id = o.enterprise_id
      WHERE o.region_code IN (SELECT region_scope($1)) AND ($2::uuid IS NULL OR o.case_id = $2)
      ORDER BY o.created_at DESC LIMIT 200`,
    [region, caseId ?? null],
  );
  const views: RecoveryOrderView[] = [];
  for (const o of rows) {
    const { rows: s } = await q.query<{ kind: string; amountFen: number; settledOn: string; note: string | null }>(
      `SELECT kind, amount_fen AS "amountFen", settled_on AS "settledOn", note FROM recovery_settlements WHERE order_id = $1
        ORDER BY recorded_at, id`,
      [o.id],
    );
    views.push({ ...o, fundLabel: fundLabels[o.fund], outstandingFen: o.amountFen - o.settledFen, settlements: s });
  }
  return views;
}
