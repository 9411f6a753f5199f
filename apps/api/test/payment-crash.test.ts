/**
 * Crash safety of payments: the real server runs as a child process and is killed (SIGKILL) in the
 * middle of creating a payment batch (the bank file's lines) and in the middle of importing the
 * bank's results (fault points of packages/ledger/src/faults.ts). After a restart no case is paid
 * twice and none is lost: every case ends paid exactly once, with one ledger posting per payment.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { migrate, openDatabase, type Database } from '@wengang/db';
import { allocateFunds, fundStopRuleGuard, openFundAccount } from '@wengang/ledger';
import {
  act,
  openCase,
  publishBatch,
  registerApprovalGuard,
  registerReevaluator,
  releaseEndedPublicity,
} from '@wengang/workflow';
import { createSession } from '../src/security/session';
import { claim, persons, seedWorkbench, type Fixture } from '../../../packages/workflow/test/support/workbench';
import { freshServerDatabase, inCI, serverAvailable } from '../../../test/support/databases';

const bin = join(import.meta.dirname, '..', 'bin', 'wengang.js');
const CASES = 6;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Child {
  proc: ChildProcess;
  url: string;
  stderr: () => string;
}

async function startServer(env: NodeJS.ProcessEnv): Promise<Child> {
  const port = await freePort();
  const proc = spawn(process.execPath, [bin, 'serve'], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
      BUSINESS_DATE: '2020-07-20',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (proc.exitCode !== null) throw new Error(`server exited: ${err}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { proc, url, stderr: () => err };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start: ${err}`);
}

async function waitFor(child: Child, marker: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.stderr().includes(marker)) return;
    if (child.proc.exitCode !== null) throw new Error(`server exited before ${marker}: ${child.stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`fault point ${marker} not reached: ${child.stderr()}`);
}

async function kill(child: Child): Promise<void> {
  const exited = new Promise((r) => child.proc.once('exit', r));
  child.proc.kill('SIGKILL');
  await exited;
}

/** Liaocheng 以工代训 cases approved, publicised and released to payment; the finance officer's session. */
async function prepare(db: Database): Promise<{ finance: { cookie: string; csrf: string }; f: Fixture }> {
  const f = await seedWorkbench(db);
  const unhook = [
    registerReevaluator('screening', async (_tx, c) => ({ decision: c.decision! })),
    registerApprovalGuard(fundStopRuleGuard),
  ];
  const now = new Date('2020-07-06T10:00:00+08:00');
  const fund = await db.transaction((tx) =>
    openFundAccount(
      tx,
      f.p['liaocheng.admin']!,
      { regionCode: '371500', fund: 'skills_account', initialScaleFen: 1_000_000 },
      now,
    ),
  );
  await db.transaction((tx) =>
    allocateFunds(tx, f.p['liaocheng.finance']!, { accountId: fund, amountFen: 5_000_000, description: '专账' }, now),
  );
  const county = f.p['dongchangfu.county']!;
  for (let i = 0; i < CASES; i++) {
    const key = `371502199001011${100 + i}`;
    const { id } = await db.transaction((tx) =>
      openCase(
        tx,
        claim(f, {
          source: 'screening',
          regionCode: '371502',
          amountFen: 50000 * (i + 1),
          persons: persons([key], '2020-07'),
        }),
        now,
      ),
    );
    await db.transaction((tx) => act(tx, county, id, 'approve', {}, now));
  }
  await db.transaction((tx) => publishBatch(tx, county, {}, now));
  await db.transaction((tx) => releaseEndedPublicity(tx, new Date('2020-07-20T09:00:00+08:00')));
  unhook.forEach((u) => u());
  const s = await createSession(db, f.p['liaocheng.finance']!.id);
  return { f, finance: { cookie: `wg_session=${s.token}`, csrf: s.csrfToken } };
}

function request(
  child: Child,
  session: { cookie: string; csrf: string },
  method: string,
  path: string,
  body?: unknown,
) {
  return fetch(`${child.url}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

async function state(db: Database) {
  const cases = await db.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM review_cases GROUP BY status ORDER BY status',
  );
  const lines = await db.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM payment_lines GROUP BY status ORDER BY status',
  );
  const payments = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ledger_entries WHERE kind = 'payment'`,
  );
  const batches = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM payment_batches');
  return {
    cases: Object.fromEntries(cases.rows.map((r) => [r.status, r.n])),
    lines: Object.fromEntries(lines.rows.map((r) => [r.status, r.n])),
    payments: payments.rows[0]!.n,
    batches: batches.rows[0]!.n,
  };
}

/** The bank's answer: every line paid except the first, which failed. */
function resultsCsv(csv: string): string {
  const refs = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/)
    .slice(1)
    .map((line) => line.split(',')[1]!);
  const rows = refs.map((ref, i) => (i === 0 ? `${ref},失败,户名与账号不符,,` : `${ref},成功,,2020-07-21,B${i}`));
  return `付款参考号,结果,失败原因,到账日期,银行流水号\r\n${rows.join('\r\n')}\r\n`;
}

const upload = (csv: string) => ({ fileName: '回盘.csv', contentBase64: Buffer.from(csv).toString('base64') });

/** The scenario, given how to start the server and how to look into its database between runs. */
async function scenario(
  env: NodeJS.ProcessEnv,
  look: <T>(fn: (db: Database) => Promise<T>) => Promise<T>,
  session: { cookie: string; csrf: string },
) {
  // 1. killed while the batch is being made: nothing of it remains, every case still payable
  let server = await startServer({ ...env, WENGANG_FAULT: 'payment.export' });
  const hanging = request(server, session, 'POST', '/api/v1/officer/payments', { fund: 'skills_account' }).catch(
    () => null,
  );
  await waitFor(server, 'WENGANG_FAULT_REACHED payment.export');
  await kill(server);
  await hanging;
  assert.deepEqual(await look(state), { cases: { payment_ready: CASES }, lines: {}, payments: 0, batches: 0 });

  // 2. restarted: the batch is made; the bank file lists every case once
  server = await startServer({ ...env, WENGANG_FAULT: 'payment.import' });
  const made = await request(server, session, 'POST', '/api/v1/officer/payments', { fund: 'skills_account' });
  assert.equal(made.status, 200, await made.clone().text());
  const { batch } = (await made.json()) as { batch: { id: string; lineCount: number } };
  assert.equal(batch.lineCount, CASES);
  const csv = await (
    await request(server, session, 'GET', `/api/v1/officer/payments/${batch.id}/bank-file.csv`)
  ).text();
  assert.equal(csv.trim().split(/\r\n/).length, CASES + 1);

  // 3. killed while the results are imported: nothing applied, nothing posted
  const importing = request(
    server,
    session,
    'POST',
    `/api/v1/officer/payments/${batch.id}/results`,
    upload(resultsCsv(csv)),
  ).catch(() => null);
  await waitFor(server, 'WENGANG_FAULT_REACHED payment.import');
  await kill(server);
  await importing;
  assert.deepEqual(await look(state), {
    cases: { paying: CASES },
    lines: { exported: CASES },
    payments: 0,
    batches: 1,
  });

  // 4. restarted: the same file imported (twice) pays each line once
  server = await startServer(env);
  try {
    const first = await request(
      server,
      session,
      'POST',
      `/api/v1/officer/payments/${batch.id}/results`,
      upload(resultsCsv(csv)),
    );
    assert.deepEqual(await first.json(), { paid: CASES - 1, failed: 1, alreadyApplied: 0 });
    const again = await request(
      server,
      session,
      'POST',
      `/api/v1/officer/payments/${batch.id}/results`,
      upload(resultsCsv(csv)),
    );
    assert.deepEqual(await again.json(), { paid: 0, failed: 0, alreadyApplied: CASES });
    const view = (await (await request(server, session, 'GET', `/api/v1/officer/payments/${batch.id}`)).json()) as {
      batch: { paidCount: number; failedCount: number; pendingCount: number; status: string };
    };
    assert.deepEqual(
      [view.batch.paidCount, view.batch.failedCount, view.batch.pendingCount, view.batch.status],
      [CASES - 1, 1, 0, 'completed'],
    );
    // 5. the failed line is retried in a later batch and paid: every case paid exactly once
    const retry = (await (
      await request(server, session, 'POST', '/api/v1/officer/payments', { fund: 'skills_account' })
    ).json()) as {
      batch: { id: string; lineCount: number; seq: number };
    };
    assert.equal(retry.batch.lineCount, 1);
    assert.equal(retry.batch.seq, 2);
    const retryCsv = await (
      await request(server, session, 'GET', `/api/v1/officer/payments/${retry.batch.id}/bank-file.csv`)
    ).text();
    const ref = retryCsv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/)[1]!
      .split(',')[1];
    const paid = await request(
      server,
      session,
      'POST',
      `/api/v1/officer/payments/${retry.batch.id}/results`,
      upload(`付款参考号,结果,到账日期\r\n${ref},成功,2020-07-23\r\n`),
    );
    assert.deepEqual(await paid.json(), { paid: 1, failed: 0, alreadyApplied: 0 });
  } finally {
    await kill(server);
  }
  await look(async (db) => {
    assert.deepEqual(await state(db), {
      cases: { paid: CASES },
      lines: { failed: 1, paid: CASES },
      payments: CASES,
      batches: 2,
    });
    const { rows } = await db.query<{ id: string; amount_fen: number; paid_fen: number; postings: number }>(
      `SELECT c.id, c.amount_fen, c.paid_fen,
              (SELECT count(*)::int FROM ledger_entries e JOIN payment_lines l ON l.id::text = e.ref_id
                WHERE e.kind = 'payment' AND l.case_id = c.id) AS postings
         FROM review_cases c`,
    );
    for (const r of rows) {
      assert.equal(r.postings, 1, `case ${r.id} posted once`);
      assert.equal(r.paid_fen, r.amount_fen, `case ${r.id} paid its amount once`);
    }
    const { rows: expense } = await db.query<{ total: number }>(
      `SELECT coalesce(sum(l.amount_fen), 0)::bigint AS total FROM ledger_lines l JOIN fund_accounts a ON a.id = l.account_id WHERE a.kind = 'subsidy_expense'`,
    );
    assert.equal(
      expense[0]!.total,
      rows.reduce((s, r) => s + r.amount_fen, 0),
    );
  });
}

const skipServer = !serverAvailable() && !inCI ? 'no PostgreSQL server (set TEST_DATABASE_URL)' : undefined;

describe('payments survive a killed server [postgres]', { skip: skipServer }, () => {
  let db: Database;
  let url: string;
  let drop: () => Promise<void>;
  let session: { cookie: string; csrf: string };
  before(async () => {
    ({ db, url, drop } = await freshServerDatabase());
    ({ finance: session } = await prepare(db));
  });
  after(() => drop?.());

  it('pays no case twice and loses none', async () => {
    await scenario({ DATABASE_URL: url }, (fn) => fn(db), session);
  });
});

describe('payments survive a killed server [embedded]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wengang-crash-'));
  let session: { cookie: string; csrf: string };
  before(async () => {
    const db = await openDatabase({ dataDir: dir });
    await migrate(db);
    ({ finance: session } = await prepare(db));
    await db.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('pays no case twice and loses none', async () => {
    // the embedded database belongs to the server process: look into it only while no server runs
    const look = async <T>(fn: (db: Database) => Promise<T>) => {
      const db = await openDatabase({ dataDir: dir });
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    };
    await scenario({ DATA_DIR: dir }, look, session);
  });
});
