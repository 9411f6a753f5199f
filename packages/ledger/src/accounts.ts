/**
 * Fund accounts (失业保险基金, 职业技能提升行动专账资金, 就业补助资金) per region, and the double-entry,
 * append-only ledger: every movement is one entry whose signed lines (debit +, credit −) sum to
 * zero, posted once per business event (a unique idempotency key), never changed afterwards.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '@wengang/db';
import { isIsoMonth, todayInShanghai } from '@wengang/kernel';
import {
  actorOf,
  assertCanSee,
  fundLabels,
  recordAudit,
  requireOfficerRegion,
  requireRole,
  WorkflowError,
  type Actor,
  type Fund,
  type Principal,
} from '@wengang/workflow';

export type AccountKind =
  'fund' | 'county_expenditure' | 'subsidy_expense' | 'recovery_receivable' | 'allocation_source';

export const accountKindLabels: Record<AccountKind, string> = {
  fund: '基金（专账）户',
  county_expenditure: '县级支出户',
  subsidy_expense: '补贴支出',
  recovery_receivable: '应追回资金',
  allocation_source: '资金来源（计提、拨入）',
};

export const funds: readonly Fund[] = ['unemployment_insurance', 'skills_account', 'employment_subsidy'];

export interface LedgerLineInput {
  accountId: string;
  amountFen: number;
}

export interface EntryInput {
  regionCode: string;
  fund: Fund;
  kind: 'allocation' | 'transfer' | 'payment' | 'transfer_return' | 'recovery_order' | 'repayment' | 'deduction';
  description: string;
  refType?: string;
  refId?: string;
  idempotencyKey: string;
  actor: Actor;
  lines: LedgerLineInput[];
  entryDate?: string;
}

/**
 * Posts one balanced entry. Returns `posted: false` (and changes nothing) when an entry with the
 * same idempotency key exists — a retried or replayed event is never booked twice.
 */
export async function postEntry(
  tx: Queryable,
  e: EntryInput,
  now: Date,
): Promise<{ posted: boolean; entryId: number }> {
  const lines = e.lines.filter((l) => l.amountFen !== 0);
  if (lines.some((l) => !Number.isSafeInteger(l.amountFen))) throw new Error('ledger amounts must be integer fen');
  const sum = lines.reduce((s, l) => s + l.amountFen, 0);
  if (sum !== 0 || lines.length < 2) throw new Error(`unbalanced ledger entry ${e.idempotencyKey}: sum ${sum}`);
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO ledger_entries (region_code, fund, entry_date, at, kind, description, ref_type, ref_id, idempotency_key, actor_id, actor_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [
      e.regionCode,
      e.fund,
      e.entryDate ?? todayInShanghai(now),
      now,
      e.kind,
      e.description,
      e.refType ?? null,
      e.refId ?? null,
      e.idempotencyKey,
      e.actor.id,
      e.actor.name,
    ],
  );
  if (!rows[0]) {
    const existing = await tx.query<{ id: number }>('SELECT id FROM ledger_entries WHERE idempotency_key = $1', [
      e.idempotencyKey,
    ]);
    return { posted: false, entryId: existing.rows[0]!.id };
  }
  for (const l of lines) {
    const { rows: acct } = await tx.query<{ region_code: string }>(
      'SELECT region_code FROM fund_accounts WHERE id = $1',
      [l.accountId],
    );
    await tx.query('INSERT INTO ledger_lines (entry_id, account_id, region_code, amount_fen) VALUES ($1, $2, $3, $4)', [
      rows[0].id,
      l.accountId,
      acct[0]!.region_code,
      l.amountFen,
    ]);
  }
  return { posted: true, entryId: rows[0].id };
}

/** The account of a kind for a region and fund, created on first use (not for `fund` accounts). */
export async function ensureAccount(
  tx: Queryable,
  regionCode: string,
  fund: Fund,
  kind: AccountKind,
  now: Date,
): Promise<string> {
  if (kind === 'fund') throw new Error('fund accounts are opened explicitly, with their initial scale');
  const { rows: names } = await tx.query<{ full_name: string }>('SELECT full_name FROM regions WHERE code = $1', [
    regionCode,
  ]);
  const name = `${names[0]?.full_name ?? regionCode} ${fundLabels[fund]} ${accountKindLabels[kind]}`;
  await tx.query(
    `INSERT INTO fund_accounts (region_code, fund, kind, name, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (region_code, fund, kind) DO NOTHING`,
    [regionCode, fund, kind, name, now],
  );
  const { rows } = await tx.query<{ id: string }>(
    'SELECT id FROM fund_accounts WHERE region_code = $1 AND fund = $2 AND kind = $3',
    [regionCode, fund, kind],
  );
  return rows[0]!.id;
}

export interface FundAccountRef {
  id: string;
  regionCode: string;
  name: string;
  initialScaleFen: number | null;
}

/** The fund account that pays for a region: its own, else the nearest ancestor's (e.g. the city's 专账). */
export async function fundAccountFor(q: Queryable, regionCode: string, fund: Fund): Promise<FundAccountRef | null> {
  const { rows } = await q.query<FundAccountRef>(
    `SELECT a.id, a.region_code AS "regionCode", a.name, a.initial_scale_fen AS "initialScaleFen"
       FROM region_ancestry($1) up JOIN fund_accounts a ON a.region_code = up.code
      WHERE a.fund = $2 AND a.kind = 'fund'
      ORDER BY up.depth LIMIT 1`,
    [regionCode, fund],
  );
  return rows[0] ?? null;
}

export async function balanceOf(q: Queryable, accountId: string): Promise<number> {
  const { rows } = await q.query<{ balance: number }>(
    'SELECT coalesce(sum(amount_fen), 0)::bigint AS balance FROM ledger_lines WHERE account_id = $1',
    [accountId],
  );
  return rows[0]!.balance;
}

export interface NewFundAccount {
  regionCode: string;
  fund: Fund;
  name?: string;
  /** 建账资金规模 (专账: the base of the 30% rule) */
  initialScaleFen?: number | null;
}

/** Opens a region's fund account (policy administrator). */
export async function openFundAccount(tx: Queryable, p: Principal, input: NewFundAccount, now: Date): Promise<string> {
  requireRole(p, ['policy_admin'], '开设资金账户');
  await assertCanSee(tx, p, { regionCode: input.regionCode }, '区划');
  if (!funds.includes(input.fund)) throw new WorkflowError('资金类型不正确', 'invalid');
  if (input.fund === 'skills_account' && !input.initialScaleFen) {
    throw new WorkflowError('职业技能提升行动专账须填写建账资金规模（用于“低于30%停止以工代训”规则）', 'invalid');
  }
  if (
    input.initialScaleFen !== undefined &&
    input.initialScaleFen !== null &&
    (!Number.isSafeInteger(input.initialScaleFen) || input.initialScaleFen <= 0)
  ) {
    throw new WorkflowError('建账资金规模应为正整数（分）', 'invalid');
  }
  const { rows: names } = await tx.query<{ full_name: string }>('SELECT full_name FROM regions WHERE code = $1', [
    input.regionCode,
  ]);
  const name = input.name?.trim() || `${names[0]?.full_name ?? input.regionCode}${fundLabels[input.fund]}`;
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO fund_accounts (region_code, fund, kind, name, initial_scale_fen, created_at)
     VALUES ($1, $2, 'fund', $3, $4, $5) ON CONFLICT (region_code, fund, kind) DO NOTHING RETURNING id`,
    [input.regionCode, input.fund, name, input.initialScaleFen ?? null, now],
  );
  if (!rows[0]) throw new WorkflowError('该区划已开设此类资金账户', 'conflict');
  await recordAudit(
    tx,
    {
      actor: actorOf(p),
      action: 'fund_account.open',
      entityType: 'fund_account',
      entityId: rows[0].id,
      regionCode: input.regionCode,
      after: { fund: input.fund, name, initialScaleFen: input.initialScaleFen ?? null },
    },
    now,
  );
  return rows[0].id;
}

async function loadFundAccount(q: Queryable, p: Principal, accountId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(accountId)) throw new WorkflowError('未找到该资金账户', 'not_found');
  const { rows } = await q.query<{ id: string; region_code: string; fund: Fund; kind: AccountKind; name: string }>(
    'SELECT id, region_code, fund, kind, name FROM fund_accounts WHERE id = $1',
    [accountId],
  );
  const a = rows[0];
  if (!a) throw new WorkflowError('未找到该资金账户', 'not_found');
  await assertCanSee(q, p, { regionCode: a.region_code }, '资金账户');
  return a;
}

/** Records money coming into a fund account (计提、上级拨入), by finance. */
export async function allocateFunds(
  tx: Queryable,
  p: Principal,
  input: { accountId: string; amountFen: number; description: string; requestId?: string },
  now: Date,
): Promise<{ posted: boolean }> {
  requireRole(p, ['finance'], '登记资金拨入');
  const a = await loadFundAccount(tx, p, input.accountId);
  if (a.kind !== 'fund') throw new WorkflowError('只能向基金（专账）户拨入资金', 'invalid');
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0)
    throw new WorkflowError('金额应为正整数（分）', 'invalid');
  const source = await ensureAccount(tx, a.region_code, a.fund, 'allocation_source', now);
  const key = `allocation:${input.requestId ?? randomUUID()}`;
  const result = await postEntry(
    tx,
    {
      regionCode: a.region_code,
      fund: a.fund,
      kind: 'allocation',
      description: input.description.trim() || '资金拨入',
      refType: 'fund_account',
      refId: a.id,
      idempotencyKey: key,
      actor: actorOf(p),
      lines: [
        { accountId: a.id, amountFen: input.amountFen },
        { accountId: source, amountFen: -input.amountFen },
      ],
    },
    now,
  );
  if (result.posted) {
    await recordAudit(
      tx,
      {
        actor: actorOf(p),
        action: 'fund_account.allocate',
        entityType: 'fund_account',
        entityId: a.id,
        regionCode: a.region_code,
        after: { amountFen: input.amountFen, description: input.description, entryId: result.entryId },
      },
      now,
    );
  }
  return { posted: result.posted };
}

export interface FundAccountView {
  id: string;
  regionCode: string;
  regionName: string;
  fund: Fund;
  fundLabel: string;
  kind: AccountKind;
  kindLabel: string;
  name: string;
  initialScaleFen: number | null;
  balanceFen: number;
  /** 专账: balance ÷ initial scale */
  ratio: number | null;
  /** 失业保险基金: the latest monthly monitoring */
  monitoring: { month: string; capacityMonths: number; avgMonthlyExpenditureFen: number } | null;
}

export async function listFundAccounts(q: Queryable, p: Principal): Promise<FundAccountView[]> {
  const region = requireOfficerRegion(p);
  const { rows } = await q.query<{
    id: string;
    region_code: string;
    region_name: string;
    fund: Fund;
    kind: AccountKind;
    name: string;
    initial_scale_fen: number | null;
    balance: number;
  }>(
    `SELECT a.id, a.region_code, r.full_name AS region_name, a.fund, a.kind, a.name, a.initial_scale_fen,
            coalesce((SELECT sum(l.amount_fen) FROM ledger_lines l WHERE l.account_id = a.id), 0)::bigint AS balance
       FROM fund_accounts a JOIN regions r ON r.code = a.region_code
      WHERE a.region_code IN (SELECT region_scope($1))
         OR a.region_code IN (SELECT code FROM region_ancestry($1))
      ORDER BY a.kind <> 'fund', a.region_code, a.fund, a.kind`,
    [region],
  );
  const views: FundAccountView[] = [];
  for (const a of rows) {
    // accounts above the officer's region (the city's 专账 for a county) are shown when they pay for it
    const { rows: m } = await q.query<{ month: string; capacity_months: string; avg_monthly_expenditure_fen: number }>(
      `SELECT month, capacity_months, avg_monthly_expenditure_fen FROM fund_monitoring
        WHERE region_code = $1 AND fund = $2 ORDER BY month DESC LIMIT 1`,
      [a.region_code, a.fund],
    );
    views.push({
      id: a.id,
      regionCode: a.region_code,
      regionName: a.region_name,
      fund: a.fund,
      fundLabel: fundLabels[a.fund],
      kind: a.kind,
      kindLabel: accountKindLabels[a.kind],
      name: a.name,
      initialScaleFen: a.initial_scale_fen,
      balanceFen: a.balance,
      ratio: a.kind === 'fund' && a.initial_scale_fen ? a.balance / a.initial_scale_fen : null,
      monitoring:
        a.kind === 'fund' && m[0]
          ? {
              month: m[0].month,
              capacityMonths: Number(m[0].capacity_months),
              avgMonthlyExpenditureFen: m[0].avg_monthly_expenditure_fen,
            }
          : null,
    });
  }
  return views;
}

export interface LedgerLineView {
  entryId: number;
  entryDate: string;
  kind: string;
  description: string;
  amountFen: number;
  refType: string | null;
  refId: string | null;
  actorName: string;
}

export async function accountLines(q: Queryable, p: Principal, accountId: string): Promise<LedgerLineView[]> {
  const a = await loadFundAccount(q, p, accountId);
  const { rows } = await q.query<LedgerLineView>(
    `SELECT e.id AS "entryId", e.entry_date AS "entryDate", e.kind, e.description, l.amount_fen AS "amountFen",
            e.ref_type AS "refType", e.ref_id AS "refId", e.actor_name AS "actorName"
       FROM ledger_lines l JOIN ledger_entries e ON e.id = l.entry_id
      WHERE l.account_id = $1 ORDER BY e.id DESC LIMIT 500`,
    [a.id],
  );
  return rows;
}

/**
 * 按月监测失业保险基金: records a month's capacity (balance now ÷ average monthly expenditure), which
 * the 稳岗返还 stop rules read from the next month on (鲁人社字〔2020〕63号).
 */
export async function recordMonitoring(
  tx: Queryable,
  p: Principal,
  input: { accountId: string; month: string; avgMonthlyExpenditureFen: number },
  now: Date,
): Promise<{ capacityMonths: number; balanceFen: number }> {
  requireRole(p, ['policy_admin', 'finance'], '登记基金备付能力监测');
  const a = await loadFundAccount(tx, p, input.accountId);
  if (a.kind !== 'fund' || a.fund !== 'unemployment_insurance') {
    throw new WorkflowError('备付能力监测只适用于失业保险基金账户', 'invalid');
  }
  if (!isIsoMonth(input.month)) throw new WorkflowError('月份应为 YYYY-MM', 'invalid');
  if (input.month > todayInShanghai(now).slice(0, 7)) throw new WorkflowError('不能登记未来月份的监测数据', 'invalid');
  if (!Number.isSafeInteger(input.avgMonthlyExpenditureFen) || input.avgMonthlyExpenditureFen <= 0) {
    throw new WorkflowError('月均支出应为正整数（分）', 'invalid');
  }
  const balanceFen = await balanceOf(tx, a.id);
  const capacityMonths = Math.floor((balanceFen * 100) / input.avgMonthlyExpenditureFen) / 100;
  await tx.query(
    `INSERT INTO fund_monitoring (region_code, fund, month, balance_fen, avg_monthly_expenditure_fen, capacity_months, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (region_code, fund, month) DO UPDATE SET balance_fen = EXCLUDED.balance_fen,
       avg_monthly_expenditure_fen = EXCLUDED.avg_monthly_expenditure_fen, capacity_months = EXCLUDED.capacity_months,
       recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
    [
      a.region_code,
      a.fund,
      input.month,
      balanceFen,
      input.avgMonthlyExpenditureFen,
      capacityMonths.toFixed(2),
      p.id,
      now,
    ],
  );
  await recordAudit(
    tx,
    {
      actor: actorOf(p),
      action: 'fund_account.monitoring',
      entityType: 'fund_account',
      entityId: a.id,
      regionCode: a.region_code,
      after: {
        month: input.month,
        balanceFen,
        avgMonthlyExpenditureFen: input.avgMonthlyExpenditureFen,
        capacityMonths,
      },
    },
    now,
  );
  return { capacityMonths, balanceFen };
}
