/**
 * Payment batches per region, fund and month: finance puts the cases ready for payment on a batch
 * (one transaction: lines, case moves, county transfers), downloads the bank file, and imports the
 * bank's results (one transaction: paid lines post the payment to the ledger and close the case;
 * failed lines send the case back to be paid in a later batch).
 *
 * Crash safety is held by the database, not by the process: a case's payment is on at most one
 * line that is not failed (unique index payment_lines_once), each line's ledger posting has a
 * unique idempotency key, a result is applied only to a line still `exported`, and every step is one
 * transaction — killing the server at any point pays no case twice and loses none.
 */
import type { Queryable } from '@wengang/db';
import { maskBankAccount, todayInShanghai } from '@wengang/kernel';
import {
  actorOf,
  assertCanSee,
  fundLabels,
  getWorkflow,
  loadCase,
  recordAudit,
  regionLevel,
  releaseEndedPublicity,
  requireOfficerRegion,
  requireRole,
  takeAction,
  workflows,
  WorkflowError,
  type Actor,
  type CaseRow,
  type Fund,
  type Principal,
} from '@wengang/workflow';
import { ensureAccount, fundAccountFor, postEntry } from './accounts';
import type { BankFileRow, PaymentResult } from './bank-file';
import { faultPoint } from './faults';
import { availableDeductionFen, settleDeductions } from './recovery';

export interface PaymentBatchView {
  id: string;
  regionCode: string;
  regionName: string;
  fund: Fund;
  fundLabel: string;
  month: string;
  seq: number;
  status: 'exported' | 'completed';
  lineCount: number;
  totalFen: number;
  paidCount: number;
  failedCount: number;
  pendingCount: number;
  createdByName: string;
  createdAt: Date;
  completedAt: Date | null;
}

export interface PaymentLineView {
  id: string;
  lineNo: number;
  caseId: string;
  caseTitle: string;
  regionCode: string;
  viaRegionCode: string | null;
  payeeName: string;
  creditCode: string;
  bankName: string;
  accountNoMasked: string;
  accountKind: string;
  grossFen: number;
  deductionFen: number;
  amountFen: number;
  purpose: string;
  status: 'exported' | 'paid' | 'failed';
  failureReason: string | null;
  paidOn: string | null;
  bankRef: string | null;
  paymentNo: number;
}

/** `workflow:status` of the states from which a case goes onto a batch, for a fund. */
function payableKeys(fund: Fund): string[] {
  return workflows
    .filter((w) => w.fund === fund)
    .flatMap((w) =>
      Object.entries(w.states)
        .filter(([, s]) => s.kind === 'payment_ready')
        .map(([id]) => `${w.id}:${id}`),
    );
}

export interface PayableCase {
  id: string;
  title: string;
  regionCode: string;
  enterpriseName: string;
  amountFen: number;
  paidFen: number;
  caseDueOn: string | null;
  hasPayee: boolean;
}

/** Cases of the finance officer's region ready for payment from a fund. */
export async function payableCases(q: Queryable, p: Principal, fund: Fund): Promise<PayableCase[]> {
  const region = requireOfficerRegion(p);
  const { rows } = await q.query<PayableCase>(
    `SELECT c.id, c.title, c.region_code AS "regionCode", e.name AS "enterpriseName", c.amount_fen AS "amountFen",
            c.paid_fen AS "paidFen", c.case_due_on AS "caseDueOn", (c.payee IS NOT NULL) AS "hasPayee"
       FROM review_cases c JOIN enterprises e ON e.id = c.enterprise_id
      WHERE c.region_code IN (SELECT region_scope($1)) AND (c.workflow_id || ':' || c.status) = ANY($2)
      ORDER BY coalesce(c.case_due_on, DATE '9999-12-31'), c.received_on, c.id`,
    [region, payableKeys(fund)],
  );
  return rows;
}

export interface NewPaymentBatch {
  fund: Fund;
  /** Only these cases (default: every case ready for payment in the region). */
  caseIds?: string[];
}

/** The county the money flows through (聊人社字〔2022〕32号), or null for 市本级 and direct payment. */
async function viaCounty(q: Queryable, c: CaseRow): Promise<string | null> {
  if (getWorkflow(c.workflowId).fundFlow !== 'via_county') return null;
  return (await regionLevel(q, c.regionCode)) === 'county' ? c.regionCode : null;
}

function purposeOf(c: CaseRow, topUp: boolean): string {
  return `${c.title}${topUp ? '（清算补拨）' : ''}`.slice(0, 60);
}

export async function createPaymentBatch(
  tx: Queryable,
  p: Principal,
  input: NewPaymentBatch,
  now: Date,
): Promise<{ batch: PaymentBatchView; skipped: { caseId: string; title: string; reason: string }[] }> {
  requireRole(p, ['finance'], '生成拨付批次');
  const region = requireOfficerRegion(p);
  if (!fundLabels[input.fund]) throw new WorkflowError('资金类型不正确', 'invalid');
  await releaseEndedPublicity(tx, now);
  const payer = await fundAccountFor(tx, region, input.fund);
  if (!payer) throw new WorkflowError(`未设立${fundLabels[input.fund]}账户，不能拨付`, 'conflict');
  const month = todayInShanghai(now).slice(0, 7);
  // one batch number at a time per region, fund and month
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`payment_batch:${region}:${input.fund}:${month}`]);

  const { rows: candidates } = await tx.query<{ id: string }>(
    `SELECT c.id FROM review_cases c
      WHERE c.region_code IN (SELECT region_scope($1)) AND (c.workflow_id || ':' || c.status) = ANY($2)
        AND ($3::uuid[] IS NULL OR c.id = ANY($3::uuid[]))
      ORDER BY coalesce(c.case_due_on, DATE '9999-12-31'), c.received_on, c.id
      FOR UPDATE`,
    [region, payableKeys(input.fund), input.caseIds?.length ? input.caseIds : null],
  );
  const skipped: { caseId: string; title: string; reason: string }[] = [];
  const cases: CaseRow[] = [];
  for (const { id } of candidates) {
    const c = await loadCase(tx, id);
    if (!c.payee?.accountNo || !c.payee.bankName) {
      skipped.push({ caseId: c.id, title: c.title, reason: '缺少收款账户信息' });
    } else if (c.amountFen - c.paidFen <= 0) {
      skipped.push({ caseId: c.id, title: c.title, reason: '应拨金额为零' });
    } else cases.push(c);
  }
  if (cases.length === 0) {
    throw new WorkflowError(
      skipped.length
        ? `没有可拨付的案件：${skipped.map((s) => `${s.title}（${s.reason}）`).join('；')}`
        : '没有待拨付的案件',
      'conflict',
    );
  }
  const { rows: seqRows } = await tx.query<{ seq: number }>(
    'SELECT coalesce(max(seq), 0) + 1 AS seq FROM payment_batches WHERE region_code = $1 AND fund = $2 AND month = $3',
    [region, input.fund, month],
  );
  const { rows: batchRows } = await tx.query<{ id: string }>(
    `INSERT INTO payment_batches (region_code, fund, month, seq, status, line_count, total_fen, created_by, created_by_name, created_at)
     VALUES ($1, $2, $3, $4, 'exported', 0, 0, $5, $6, $7) RETURNING id`,
    [region, input.fund, month, seqRows[0]!.seq, p.id, p.displayName, now],
  );
  const batchId = batchRows[0]!.id;
  const transfers = new Map<string, number>();
  const zeroLines: string[] = [];
  let total = 0;
  for (const [i, c] of cases.entries()) {
    const w = getWorkflow(c.workflowId);
    const gross = c.amountFen - c.paidFen;
    const deduction = w.deductsRecoveries
      ? Math.min(gross, await availableDeductionFen(tx, c.enterpriseId, w.fund))
      : 0;
    const amount = gross - deduction;
    const via = await viaCounty(tx, c);
    const { rows: line } = await tx.query<{ id: string }>(
      `INSERT INTO payment_lines (batch_id, line_no, case_id, region_code, via_region_code, enterprise_id, payment_no, payee_name,
         credit_code, bank_name, account_no, account_kind, gross_fen, deduction_fen, amount_fen, purpose, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'exported') RETURNING id`,
      [
        batchId,
        i + 1,
        c.id,
        c.regionCode,
        via,
        c.enterpriseId,
        c.paymentNo,
        c.payee!.name,
        c.payee!.creditCode,
        c.payee!.bankName,
        c.payee!.accountNo,
        c.payee!.accountKind,
        gross,
        deduction,
        amount,
        purposeOf(c, c.paymentNo > 1),
      ],
    );
    await takeAction(
      tx,
      c.id,
      'export',
      { principal: p },
      {
        note: `列入拨付批次 ${month}-${seqRows[0]!.seq}`,
        data: { paymentBatchId: batchId, paymentLineId: line[0]!.id, amountFen: amount },
      },
      now,
    );
    if (via && amount > 0) transfers.set(via, (transfers.get(via) ?? 0) + amount);
    if (amount === 0) zeroLines.push(line[0]!.id);
    total += amount;
    if (i === Math.floor(cases.length / 2)) await faultPoint('payment.export');
  }
  await tx.query('UPDATE payment_batches SET line_count = $2, total_fen = $3 WHERE id = $1', [
    batchId,
    cases.length,
    total,
  ]);
  // 市失业保险基金支出户 → 县（市、区）失业保险支出户: the county's share moves when the batch is made
  for (const [county, amount] of [...transfers.entries()].sort()) {
    const countyAccount = await ensureAccount(tx, county, input.fund, 'county_expenditure', now);
    await postEntry(
      tx,
      {
        regionCode: payer.regionCode,
        fund: input.fund,
        kind: 'transfer',
        description: `拨付批次 ${month}-${seqRows[0]!.seq}：拨至县（市、区）支出户`,
        refType: 'payment_batch',
        refId: batchId,
        idempotencyKey: `transfer:${batchId}:${county}`,
        actor: actorOf(p),
        lines: [
          { accountId: countyAccount, amountFen: amount },
          { accountId: payer.id, amountFen: -amount },
        ],
      },
      now,
    );
  }
  await recordAudit(
    tx,
    {
      actor: actorOf(p),
      action: 'payment_batch.create',
      entityType: 'payment_batch',
      entityId: batchId,
      regionCode: region,
      after: { fund: input.fund, month, seq: seqRows[0]!.seq, lines: cases.length, totalFen: total },
    },
    now,
  );
  // a refund wholly kept back against what the enterprise owes needs no bank transfer
  for (const lineId of zeroLines) {
    await applyResult(
      tx,
      batchId,
      { lineId, outcome: 'paid', reason: null, paidOn: todayInShanghai(now), bankRef: '全额抵扣' },
      actorOf(p),
      now,
    );
  }
  await completeIfDone(tx, batchId, now);
  return { batch: await batchView(tx, batchId), skipped };
}

async function batchView(q: Queryable, id: string): Promise<PaymentBatchView> {
  const { rows } = await q.query<PaymentBatchView>(
    `SELECT b.id, b.region_code AS "regionCode", r.full_name AS "regionName", b.fund, b.month, b.seq, b.status,
            b.line_count AS "lineCount", b.total_fen AS "totalFen", b.created_by_name AS "createdByName",
            b.created_at AS "createdAt", b.completed_at AS "completedAt",
            (SELECT count(*)::int FROM payment_lines l WHERE l.batch_id = b.id AND l.status = 'paid') AS "paidCount",
            (SELECT count(*)::int FROM payment_lines l WHERE l.batch_id = b.id AND l.status = 'failed') AS "failedCount",
            (SELECT count(*)::int FROM payment_lines l WHERE l.batch_id = b.id AND l.status = 'exported') AS "pendingCount"
       FROM payment_batches b JOIN regions r ON r.code = b.region_code WHERE b.id = $1`,
    [id],
  );
  const b = rows[0];
  if (!b) throw new WorkflowError('未找到该拨付批次', 'not_found');
  return { ...b, fundLabel: fundLabels[b.fund] };
}

export async function getPaymentBatch(
  q: Queryable,
  p: Principal,
  id: string,
): Promise<{ batch: PaymentBatchView; lines: PaymentLineView[] }> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new WorkflowError('未找到该拨付批次', 'not_found');
  const batch = await batchView(q, id);
  await assertCanSee(q, p, { regionCode: batch.regionCode }, '拨付批次');
  const { rows } = await q.query<PaymentLineView & { accountNo: string }>(
    `SELECT l.id, l.line_no AS "lineNo", l.case_id AS "caseId", c.title AS "caseTitle", l.region_code AS "regionCode",
            l.via_region_code AS "viaRegionCode", l.payee_name AS "payeeName", l.credit_code AS "creditCode",
            l.bank_name AS "bankName", l.account_no AS "accountNo", l.account_kind AS "accountKind", l.gross_fen AS "grossFen",
            l.deduction_fen AS "deductionFen", l.amount_fen AS "amountFen", l.purpose, l.status, l.failure_reason AS "failureReason",
            l.paid_on AS "paidOn", l.bank_ref AS "bankRef", l.payment_no AS "paymentNo"
       FROM payment_lines l JOIN review_cases c ON c.id = l.case_id WHERE l.batch_id = $1 ORDER BY l.line_no`,
    [id],
  );
  return {
    batch,
    lines: rows.map(({ accountNo, ...l }) => ({ ...l, accountNoMasked: maskBankAccount(accountNo) })),
  };
}

export async function listPaymentBatches(q: Queryable, p: Principal): Promise<PaymentBatchView[]> {
  const region = requireOfficerRegion(p);
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM payment_batches WHERE region_code IN (SELECT region_scope($1)) ORDER BY created_at DESC, id LIMIT 200`,
    [region],
  );
  const views: PaymentBatchView[] = [];
  for (const r of rows) views.push(await batchView(q, r.id));
  return views;
}

/**
 * The rows of the bank file (full account numbers). Reading them is recorded in the audit log:
 * the file leaves the platform.
 */
export async function bankFileRows(tx: Queryable, p: Principal, batchId: string, now: Date): Promise<BankFileRow[]> {
  requireRole(p, ['finance'], '导出银行支付文件');
  const { batch } = await getPaymentBatch(tx, p, batchId);
  const { rows } = await tx.query<BankFileRow>(
    `SELECT line_no AS "lineNo", id AS "lineId", payee_name AS "payeeName", credit_code AS "creditCode", bank_name AS "bankName",
            account_no AS "accountNo", account_kind AS "accountKind", amount_fen AS "amountFen", purpose
       FROM payment_lines WHERE batch_id = $1 AND amount_fen > 0 ORDER BY line_no`,
    [batchId],
  );
  await recordAudit(
    tx,
    {
      actor: actorOf(p),
      action: 'payment_batch.export_file',
      entityType: 'payment_batch',
      entityId: batchId,
      regionCode: batch.regionCode,
      after: { lines: rows.length, totalFen: rows.reduce((s, r) => s + r.amountFen, 0) },
    },
    now,
  );
  return rows;
}

interface LineRow {
  id: string;
  batch_id: string;
  case_id: string;
  via_region_code: string | null;
  enterprise_id: string;
  gross_fen: number;
  deduction_fen: number;
  amount_fen: number;
  status: string;
  fund: Fund;
  payer_region: string;
}

/** Applies one bank result to a line still waiting for it; returns false when already applied. */
async function applyResult(
  tx: Queryable,
  batchId: string,
  r: PaymentResult,
  actor: Actor,
  now: Date,
): Promise<boolean> {
  const { rows } = await tx.query<LineRow>(
    `SELECT l.id, l.batch_id, l.case_id, l.via_region_code, l.enterprise_id, l.gross_fen, l.deduction_fen, l.amount_fen, l.status,
            b.fund, b.region_code AS payer_region
       FROM payment_lines l JOIN payment_batches b ON b.id = l.batch_id
      WHERE l.id = $1 AND l.batch_id = $2 FOR UPDATE OF l`,
    [r.lineId, batchId],
  );
  const line = rows[0];
  if (!line) throw new WorkflowError(`付款参考号 ${r.lineId} 不属于该批次`, 'invalid');
  if (line.status !== 'exported') return false;
  const payer = await fundAccountFor(tx, line.payer_region, line.fund);
  if (!payer) throw new WorkflowError('拨付资金账户不存在', 'conflict');
  const c = await loadCase(tx, line.case_id);
  if (r.outcome === 'paid') {
    const paidOn = r.paidOn ?? todayInShanghai(now);
    await tx.query(
      `UPDATE payment_lines SET status = 'paid', paid_on = $2, bank_ref = $3, result_at = $4 WHERE id = $1 AND status = 'exported'`,
      [line.id, paidOn, r.bankRef, now],
    );
    const expense = await ensureAccount(tx, payer.regionCode, line.fund, 'subsidy_expense', now);
    const from = line.via_region_code
      ? await ensureAccount(tx, line.via_region_code, line.fund, 'county_expenditure', now)
      : payer.id;
    const receivable =
      line.deduction_fen > 0 ? await ensureAccount(tx, payer.regionCode, line.fund, 'recovery_receivable', now) : null;
    await postEntry(
      tx,
      {
        regionCode: payer.regionCode,
        fund: line.fund,
        kind: 'payment',
        description: `拨付：${c.title}${line.deduction_fen > 0 ? `（抵扣应追回资金 ${(line.deduction_fen / 100).toFixed(2)} 元）` : ''}`,
        refType: 'payment_line',
        refId: line.id,
        idempotencyKey: `payment:${line.id}`,
        actor,
        entryDate: paidOn,
        lines: [
          { accountId: expense, amountFen: line.gross_fen },
          { accountId: from, amountFen: -line.amount_fen },
          ...(receivable ? [{ accountId: receivable, amountFen: -line.deduction_fen }] : []),
        ],
      },
      now,
    );
    if (line.deduction_fen > 0)
      await settleDeductions(tx, line.enterprise_id, line.fund, line.id, line.deduction_fen, paidOn, actor, now);
    await tx.query('UPDATE review_cases SET paid_fen = paid_fen + $2, paid_on = $3 WHERE id = $1', [
      c.id,
      line.gross_fen,
      paidOn,
    ]);
    await takeAction(
      tx,
      c.id,
      'paid',
      { system: true, actor },
      {
        note: `已拨付 ${(line.amount_fen / 100).toFixed(2)} 元，到账日期 ${paidOn}`,
        data: { paymentLineId: line.id, paidOn, bankRef: r.bankRef },
      },
      now,
    );
  } else {
    await tx.query(
      `UPDATE payment_lines SET status = 'failed', failure_reason = $2, bank_ref = $3, result_at = $4 WHERE id = $1 AND status = 'exported'`,
      [line.id, r.reason, r.bankRef, now],
    );
    if (line.via_region_code && line.amount_fen > 0) {
      const county = await ensureAccount(tx, line.via_region_code, line.fund, 'county_expenditure', now);
      await postEntry(
        tx,
        {
          regionCode: payer.regionCode,
          fund: line.fund,
          kind: 'transfer_return',
          description: `支付失败退回：${c.title}`,
          refType: 'payment_line',
          refId: line.id,
          idempotencyKey: `transfer_return:${line.id}`,
          actor,
          lines: [
            { accountId: payer.id, amountFen: line.amount_fen },
            { accountId: county, amountFen: -line.amount_fen },
          ],
        },
        now,
      );
    }
    await takeAction(
      tx,
      c.id,
      'payment_failed',
      { system: true, actor },
      { note: `支付失败：${r.reason ?? '银行未说明原因'}，待重新拨付`, data: { paymentLineId: line.id } },
      now,
    );
  }
  return true;
}

async function completeIfDone(tx: Queryable, batchId: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE payment_batches SET status = 'completed', completed_at = $2
      WHERE id = $1 AND status = 'exported' AND NOT EXISTS (SELECT 1 FROM payment_lines WHERE batch_id = $1 AND status = 'exported')`,
    [batchId, now],
  );
}

export interface ImportSummary {
  paid: number;
  failed: number;
  /** results for lines that already had one (a re-import): left as they were */
  alreadyApplied: number;
}

/** Imports the bank's results for a batch, all or nothing. */
export async function importPaymentResults(
  tx: Queryable,
  p: Principal,
  batchId: string,
  results: readonly PaymentResult[],
  now: Date,
): Promise<ImportSummary> {
  requireRole(p, ['finance'], '导入银行回盘结果');
  const { batch, lines } = await getPaymentBatch(tx, p, batchId);
  const known = new Set(lines.map((l) => l.id));
  const unknown = results.filter((r) => !known.has(r.lineId));
  if (unknown.length) {
    throw new WorkflowError(
      `回盘文件中有 ${unknown.length} 条付款参考号不属于该批次（如 ${unknown[0]!.lineId}）`,
      'invalid',
    );
  }
  const seen = new Set<string>();
  for (const r of results) {
    if (seen.has(r.lineId)) throw new WorkflowError(`付款参考号 ${r.lineId} 在回盘文件中重复出现`, 'invalid');
    seen.add(r.lineId);
  }
  // the batch row is the lock: two imports of the same batch run one after the other
  await tx.query('SELECT id FROM payment_batches WHERE id = $1 FOR UPDATE', [batchId]);
  const summary: ImportSummary = { paid: 0, failed: 0, alreadyApplied: 0 };
  for (const [i, r] of results.entries()) {
    const applied = await applyResult(tx, batchId, r, actorOf(p), now);
    if (!applied) summary.alreadyApplied++;
    else if (r.outcome === 'paid') summary.paid++;
    else summary.failed++;
    if (i === Math.floor(results.length / 2)) await faultPoint('payment.import');
  }
  await completeIfDone(tx, batchId, now);
  await recordAudit(
    tx,
    {
      actor: actorOf(p),
      action: 'payment_batch.import_results',
      entityType: 'payment_batch',
      entityId: batchId,
      regionCode: batch.regionCode,
      after: { ...summary },
    },
    now,
  );
  return summary;
}

/** Payment lines of a case, for its page. */
export async function caseTransfers(q: Queryable, caseId: string): Promise<PaymentLineView[]> {
  const { rows } = await q.query<PaymentLineView & { accountNo: string }>(
    `SELECT l.id, l.line_no AS "lineNo", l.case_id AS "caseId", c.title AS "caseTitle", l.region_code AS "regionCode",
            l.via_region_code AS "viaRegionCode", l.payee_name AS "payeeName", l.credit_code AS "creditCode",
            l.bank_name AS "bankName", l.account_no AS "accountNo", l.account_kind AS "accountKind", l.gross_fen AS "grossFen",
            l.deduction_fen AS "deductionFen", l.amount_fen AS "amountFen", l.purpose, l.status, l.failure_reason AS "failureReason",
            l.paid_on AS "paidOn", l.bank_ref AS "bankRef", l.payment_no AS "paymentNo"
       FROM payment_lines l JOIN review_cases c ON c.id = l.case_id WHERE l.case_id = $1
      ORDER BY l.payment_no, l.line_no, l.id`,
    [caseId],
  );
  return rows.map(({ accountNo, ...l }) => ({ ...l, accountNoMasked: maskBankAccount(accountNo) }));
}
