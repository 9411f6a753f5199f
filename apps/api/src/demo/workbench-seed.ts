/**
 * Demo fund accounts for the officer workbench, so that approvals and payments work on a fresh
 * demo platform: 聊城市 and 昌吉州 each get a 职业技能提升行动专账 (with its 建账资金规模, the base of
 * the 30% rule) and a 失业保险基金 account, money allocated into them, and the previous month's
 * capacity monitoring (the 稳岗返还 stop rules read it). The figures are illustrative.
 */
import type { Database, Queryable } from '@wengang/db';
import { addMonths, todayInShanghai } from '@wengang/kernel';
import { ensureAccount, postEntry } from '@wengang/ledger';
import { systemActor, type Fund } from '@wengang/workflow';

interface DemoFund {
  region: string;
  fund: Fund;
  name: string;
  initialScaleFen: number | null;
  allocationFen: number;
  /** average monthly expenditure for the capacity monitoring (失业保险基金 only) */
  monthlyExpenditureFen?: number;
}

const yuan = (n: number) => n * 100;

const demoFunds: DemoFund[] = [
  {
    region: '371500',
    fund: 'skills_account',
    name: '聊城市职业技能提升行动专账',
    initialScaleFen: yuan(20_000_000),
    allocationFen: yuan(12_000_000),
  },
  {
    region: '371500',
    fund: 'unemployment_insurance',
    name: '聊城市失业保险基金支出户',
    initialScaleFen: null,
    allocationFen: yuan(360_000_000),
    monthlyExpenditureFen: yuan(10_000_000),
  },
  {
    region: '652300',
    fund: 'skills_account',
    name: '昌吉州职业技能提升行动专账',
    initialScaleFen: yuan(5_000_000),
    allocationFen: yuan(3_000_000),
  },
  {
    region: '652300',
    fund: 'unemployment_insurance',
    name: '昌吉州失业保险基金支出户',
    initialScaleFen: null,
    allocationFen: yuan(120_000_000),
    monthlyExpenditureFen: yuan(4_000_000),
  },
];

async function seedFund(tx: Queryable, f: DemoFund, now: Date): Promise<void> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO fund_accounts (region_code, fund, kind, name, initial_scale_fen, created_at) VALUES ($1, $2, 'fund', $3, $4, $5)
     ON CONFLICT (region_code, fund, kind) DO NOTHING RETURNING id`,
    [f.region, f.fund, f.name, f.initialScaleFen, now],
  );
  const id = rows[0]?.id;
  if (!id) return;
  const source = await ensureAccount(tx, f.region, f.fund, 'allocation_source', now);
  await postEntry(
    tx,
    {
      regionCode: f.region,
      fund: f.fund,
      kind: 'allocation',
      description: '演示数据：期初资金',
      refType: 'fund_account',
      refId: id,
      idempotencyKey: `demo-allocation:${id}`,
      actor: systemActor,
      lines: [
        { accountId: id, amountFen: f.allocationFen },
        { accountId: source, amountFen: -f.allocationFen },
      ],
    },
    now,
  );
  if (f.monthlyExpenditureFen) {
    const month = addMonths(todayInShanghai(now).slice(0, 7), -1);
    const capacity = Math.floor((f.allocationFen * 100) / f.monthlyExpenditureFen) / 100;
    await tx.query(
      `INSERT INTO fund_monitoring (region_code, fund, month, balance_fen, avg_monthly_expenditure_fen, capacity_months, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [f.region, f.fund, month, f.allocationFen, f.monthlyExpenditureFen, capacity.toFixed(2), now],
    );
  }
}

/** Seeds the demo fund accounts; `now` is the platform's business time (BUSINESS_DATE). */
export async function seedWorkbenchDemo(db: Database, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    for (const f of demoFunds) await seedFund(tx, f, now);
  });
}
