import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  allocateFunds,
  bankFileCsv,
  bankFileRows,
  createPaymentBatch,
  createRecoveryOrder,
  fundStopRuleGuard,
  getPaymentBatch,
  importPaymentResults,
  listFundAccounts,
  listRecoveryOrders,
  openFundAccount,
  parseCsv,
  readResultRows,
  recordMonitoring,
  recordRepayment,
  settleCase,
  type PaymentResult,
} from '@wengang/ledger';
import {
  act,
  loadCase,
  openCase,
  publishBatch,
  registerApprovalGuard,
  registerReevaluator,
  releaseEndedPublicity,
  sealAuditLog,
  verifyAuditChain,
  type OpenCaseInput,
  type WorkflowError,
  type Reevaluation,
} from '@wengang/workflow';
import { describeEachDatabase } from '../../../test/support/databases';
import { claim, decision, ids, persons, seedWorkbench, type Fixture } from '../../workflow/test/support/workbench';

const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);

describeEachDatabase('fund accounts, payments and recovery', (db) => {
  let f: Fixture;
  const current = new Map<string, Reevaluation>();
  const unhook: (() => void)[] = [];
  let skills = '';
  let ui = '';
  before(async () => {
    f = await seedWorkbench(db());
    unhook.push(
      registerReevaluator('application', async (_tx, c) => current.get(c.sourceId) ?? { decision: c.decision! }),
      registerReevaluator('screening', async (_tx, c) => current.get(c.sourceId) ?? { decision: c.decision! }),
      registerApprovalGuard(fundStopRuleGuard),
    );
  });
  after(() => unhook.forEach((u) => u()));

  const open = (input: OpenCaseInput, now = at('2020-07-06')) => db().transaction((tx) => openCase(tx, input, now));
  const as = <T>(fn: (tx: Parameters<Parameters<ReturnType<typeof db>['transaction']>[0]>[0]) => Promise<T>) =>
    db().transaction(fn);

  it('stops 以工代训 approvals when the 专账 falls below 30% of its initial scale', async () => {
    const admin = f.p['liaocheng.admin']!;
    const county = f.p['dongchangfu.county']!;
    const { id } = await open(claim(f, { regionCode: '371502', amountFen: 100000 }));
    await assert.rejects(
      as((tx) => act(tx, county, id, 'approve', {}, at('2020-07-06'))),
      (e: WorkflowError) => e.code === 'stopped' && /未设立职业技能提升行动专账资金账户/.test(e.message),
    );
    // only the policy administrator opens accounts, within their region
    await assert.rejects(
      as((tx) =>
        openFundAccount(
          tx,
          county,
          { regionCode: '371500', fund: 'skills_account', initialScaleFen: 1_000_000 },
          at('2020-07-06'),
        ),
      ),
      (e: WorkflowError) => e.code === 'forbidden',
    );
    await assert.rejects(
      as((tx) =>
        openFundAccount(
          tx,
          f.p['changji.admin']!,
          { regionCode: '371500', fund: 'skills_account', initialScaleFen: 1 },
          at('2020-07-06'),
        ),
      ),
      (e: WorkflowError) => e.code === 'not_found',
    );
    skills = await as((tx) =>
      openFundAccount(
        tx,
        admin,
        { regionCode: '371500', fund: 'skills_account', initialScaleFen: 1_000_000 },
        at('2020-07-06'),
      ),
    );
    // 300 000 fen = 30% exactly: not below, so approvals pass
    await as((tx) =>
      allocateFunds(
        tx,
        f.p['liaocheng.finance']!,
        { accountId: skills, amountFen: 400_000, description: '专账计提', requestId: 'r1' },
        at('2020-07-06'),
      ),
    );
    const twice = await as((tx) =>
      allocateFunds(
        tx,
        f.p['liaocheng.finance']!,
        { accountId: skills, amountFen: 400_000, description: '专账计提', requestId: 'r1' },
        at('2020-07-06'),
      ),
    );
    assert.equal(twice.posted, false, 'a repeated request is booked once');
    await as((tx) => act(tx, county, id, 'approve', {}, at('2020-07-06')));
    // committed 100 000 → available 300 000 = 30%: the next one still passes; then it is below
    const second = await open(
      claim(f, { regionCode: '371502', amountFen: 50000, persons: persons([ids[1]!], '2020-08') }),
    );
    await as((tx) => act(tx, county, second.id, 'approve', {}, at('2020-07-06')));
    const third = await open(
      claim(f, { regionCode: '371502', amountFen: 50000, persons: persons([ids[3]!], '2020-08') }),
    );
    await assert.rejects(
      as((tx) => act(tx, county, third.id, 'approve', {}, at('2020-07-06'))),
      (e: WorkflowError) => e.code === 'stopped' && /低于建账资金规模的30%/.test(e.message),
    );
    assert.equal((await loadCase(db(), third.id)).status, 'county_review');
    const accounts = await listFundAccounts(db(), county);
    const shown = accounts.find((a) => a.id === skills)!;
    assert.equal(shown.balanceFen, 400_000);
    assert.equal(shown.ratio, 0.4);
  });

  it('stops 稳岗返还 from the month after the capacity fell below 24 / 12 months', async () => {
    const admin = f.p['liaocheng.admin']!;
    const county = f.p['dongchangfu.county']!;
    ui = await as((tx) =>
      openFundAccount(tx, admin, { regionCode: '371500', fund: 'unemployment_insurance' }, at('2020-05-01')),
    );
    await as((tx) =>
      allocateFunds(
        tx,
        f.p['liaocheng.finance']!,
        { accountId: ui, amountFen: 2_000_000, description: '基金结余' },
        at('2020-05-01'),
      ),
    );
    // May: 2 000 000 / 100 000 = 20 months (below 24, not below 12)
    const may = await as((tx) =>
      recordMonitoring(
        tx,
        admin,
        { accountId: ui, month: '2020-05', avgMonthlyExpenditureFen: 100_000 },
        at('2020-05-31'),
      ),
    );
    assert.equal(may.capacityMonths, 20);
    const screened = async (variant: string) => {
      const input = claim(f, {
        regionCode: '371502',
        programme: 'stable-post-refund',
        variant,
        source: 'screening',
        claimMonth: null,
        amountFen: 80000,
        persons: [],
      });
      const { id } = await open(input, at('2020-05-20'));
      await as((tx) => act(tx, f.p['13800000001']!, id, 'confirm', {}, at('2020-05-20')));
      return id;
    };
    const difficultMay = await screened('difficult');
    // still May: the May figure applies only from June; April has none → no basis
    await assert.rejects(
      as((tx) => act(tx, county, difficultMay, 'approve', {}, at('2020-05-31'))),
      /尚无2020-04及以前的备付能力监测数据/,
    );
    await assert.rejects(
      as((tx) => act(tx, county, difficultMay, 'approve', {}, at('2020-06-01'))),
      (e: WorkflowError) => e.code === 'stopped' && /不足 24 个月/.test(e.message),
    );
    const general = await screened('general');
    await as((tx) => act(tx, county, general, 'approve', {}, at('2020-06-01')));
    assert.equal((await loadCase(db(), general)).status, 'publicity_pending');
    // June recovers to 30 months: difficult refunds may restart from July
    await as((tx) =>
      allocateFunds(
        tx,
        f.p['liaocheng.finance']!,
        { accountId: ui, amountFen: 1_000_000, description: '调剂金' },
        at('2020-06-10'),
      ),
    );
    await as((tx) =>
      recordMonitoring(
        tx,
        admin,
        { accountId: ui, month: '2020-06', avgMonthlyExpenditureFen: 100_000 },
        at('2020-06-30'),
      ),
    );
    await as((tx) => act(tx, county, difficultMay, 'approve', {}, at('2020-07-01')));
  });

  it('pays a batch, imports results once, retries the failed line in a later batch', async () => {
    const county = f.p['dongchangfu.county']!;
    const finance = f.p['liaocheng.finance']!;
    await as((tx) =>
      allocateFunds(
        tx,
        finance,
        { accountId: skills, amountFen: 1_000_000, description: '省级专账补助' },
        at('2020-07-06'),
      ),
    );
    // the two 以工代训 cases approved above, publicised and released
    const { rows: approved } = await db().query<{ id: string }>(
      `SELECT id FROM review_cases WHERE workflow_id = 'sd-yigong' AND status = 'publicity_pending'`,
    );
    assert.equal(approved.length, 2);
    await as((tx) => publishBatch(tx, county, { caseIds: approved.map((r) => r.id) }, at('2020-07-07')));
    await as((tx) => releaseEndedPublicity(tx, at('2020-07-20')));
    await assert.rejects(
      as((tx) => createPaymentBatch(tx, county, { fund: 'skills_account' }, at('2020-07-20'))),
      (e: WorkflowError) => e.code === 'forbidden',
    );
    const { batch } = await as((tx) => createPaymentBatch(tx, finance, { fund: 'skills_account' }, at('2020-07-20')));
    assert.equal(batch.lineCount, 2);
    assert.equal(batch.totalFen, 150000);
    assert.equal(batch.month, '2020-07');
    assert.equal(batch.seq, 1);
    const rows = await as((tx) => bankFileRows(tx, finance, batch.id, at('2020-07-20')));
    const csv = bankFileCsv(rows);
    assert.ok(csv.startsWith('\uFEFF序号,付款参考号,收款单位名称'));
    assert.ok(csv.includes('1611002009200123456'), 'the bank file carries the full account');
    assert.ok(csv.includes('1000.00') && csv.includes('500.00'));
    // a second batch finds nothing: no case is on two live lines
    await assert.rejects(
      as((tx) => createPaymentBatch(tx, finance, { fund: 'skills_account' }, at('2020-07-20'))),
      /没有待拨付的案件/,
    );

    const big = rows.find((r) => r.amountFen === 100000)!;
    const small = rows.find((r) => r.amountFen === 50000)!;
    const table = parseCsv(
      `付款参考号,结果,失败原因,到账日期,银行流水号\r\n${big.lineId},成功,,2020-07-22,B001\r\n${small.lineId},失败,账户已销户,,B002\r\n`,
    );
    const { results, issues } = readResultRows(table);
    assert.deepEqual(issues, []);
    const summary = await as((tx) => importPaymentResults(tx, finance, batch.id, results, at('2020-07-22')));
    assert.deepEqual(summary, { paid: 1, failed: 1, alreadyApplied: 0 });
    const again = await as((tx) => importPaymentResults(tx, finance, batch.id, results, at('2020-07-23')));
    assert.deepEqual(again, { paid: 0, failed: 0, alreadyApplied: 2 });
    const batchLines = (await getPaymentBatch(db(), finance, batch.id)).lines;
    const paidCase = await loadCase(db(), batchLines.find((l) => l.id === big.lineId)!.caseId);
    assert.equal(paidCase.status, 'paid');
    assert.equal(paidCase.paidOn, '2020-07-22');
    assert.equal(paidCase.paidFen, 100000);
    const failedLine = (await getPaymentBatch(db(), finance, batch.id)).lines.find((l) => l.id === small.lineId)!;
    assert.equal(failedLine.status, 'failed');
    assert.equal(failedLine.failureReason, '账户已销户');
    assert.equal((await loadCase(db(), failedLine.caseId)).status, 'payment_ready');

    const retry = await as((tx) => createPaymentBatch(tx, finance, { fund: 'skills_account' }, at('2020-08-03')));
    assert.equal(retry.batch.lineCount, 1);
    assert.equal(retry.batch.month, '2020-08');
    const retryRows = await as((tx) => bankFileRows(tx, finance, retry.batch.id, at('2020-08-03')));
    const ok: PaymentResult[] = [
      { lineId: retryRows[0]!.lineId, outcome: 'paid', reason: null, paidOn: '2020-08-04', bankRef: null },
    ];
    await as((tx) => importPaymentResults(tx, finance, retry.batch.id, ok, at('2020-08-04')));
    assert.equal((await loadCase(db(), failedLine.caseId)).status, 'paid');

    // the database itself refuses a second live line for a paid case
    await assert.rejects(
      db().query(
        `INSERT INTO payment_lines (batch_id, line_no, case_id, region_code, enterprise_id, payment_no, payee_name, credit_code,
           bank_name, account_no, account_kind, gross_fen, amount_fen, purpose, status)
         SELECT batch_id, 99, case_id, region_code, enterprise_id, payment_no, payee_name, credit_code, bank_name, account_no,
                account_kind, gross_fen, amount_fen, purpose, 'exported' FROM payment_lines WHERE id = $1`,
        [retryRows[0]!.lineId],
      ),
      /payment_lines_once/,
    );
    // ledger: 专账 400 000 + 1 000 000 − 150 000 paid
    const accounts = await listFundAccounts(db(), finance);
    assert.equal(accounts.find((a) => a.id === skills)!.balanceFen, 1_250_000);
    assert.equal(
      accounts.find((a) => a.kind === 'subsidy_expense' && a.fund === 'skills_account')!.balanceFen,
      150_000,
    );
    const { rows: sums } = await db().query<{ entry_id: number; total: number }>(
      'SELECT entry_id, sum(amount_fen)::bigint AS total FROM ledger_lines GROUP BY entry_id HAVING sum(amount_fen) <> 0',
    );
    assert.deepEqual(sums, []);
    await assert.rejects(db().query('UPDATE ledger_lines SET amount_fen = 1'), /append-only/);
  });

  it('moves Liaocheng 2022 money city → county → enterprise within 30 days', async () => {
    const county = f.p['yanggu.county']!;
    const city = f.p['liaocheng.city']!;
    const finance = f.p['liaocheng.finance']!;
    const input = claim(f, {
      regionCode: '371521',
      programme: 'job-expansion',
      enterpriseId: f.enterprise['阳谷县凤祥餐饮管理有限公司'],
      source: 'screening',
      amountFen: 150000,
      claimMonth: null,
      receivedOn: '2022-09-05',
      persons: [{ personKey: ids[3]!, name: '赵六', role: 'graduate' }],
      payee: {
        name: '阳谷县凤祥餐饮管理有限公司',
        creditCode: '91371521MA3D7N8P59',
        bankName: '农商银行',
        accountNo: '6228000011112222',
        accountKind: '对公账户',
      },
    });
    const { id } = await open(input, at('2022-09-05'));
    const c0 = await loadCase(db(), id);
    assert.equal(c0.caseDueOn, '2022-10-05');
    await as((tx) => act(tx, county, id, 'approve', {}, at('2022-09-05')));
    await as((tx) => act(tx, city, id, 'aggregate', {}, at('2022-09-06')));
    const { batch } = await as((tx) =>
      createPaymentBatch(tx, finance, { fund: 'unemployment_insurance', caseIds: [id] }, at('2022-09-08')),
    );
    const line = (await getPaymentBatch(db(), finance, batch.id)).lines.find((l) => l.caseId === id)!;
    assert.equal(line.viaRegionCode, '371521');
    let accounts = await listFundAccounts(db(), county);
    assert.equal(
      accounts.find((a) => a.kind === 'county_expenditure' && a.regionCode === '371521')!.balanceFen,
      150000,
    );
    const results = (await getPaymentBatch(db(), finance, batch.id)).lines.map((l) => ({
      lineId: l.id,
      outcome: 'paid' as const,
      reason: null,
      paidOn: '2022-09-09',
      bankRef: null,
    }));
    await as((tx) => importPaymentResults(tx, finance, batch.id, results, at('2022-09-09')));
    accounts = await listFundAccounts(db(), county);
    assert.equal(accounts.find((a) => a.kind === 'county_expenditure' && a.regionCode === '371521')!.balanceFen, 0);
    assert.equal((await loadCase(db(), id)).status, 'paid');
  });

  it('recovers a paid case by repayment and by deduction from the next refund', async () => {
    const county = f.p['dongchangfu.county']!;
    const finance = f.p['liaocheng.finance']!;
    const { rows } = await db().query<{ id: string }>(
      `SELECT id FROM review_cases WHERE status = 'paid' AND programme = 'work-for-training' LIMIT 1`,
    );
    const paid = rows[0]!.id;
    await assert.rejects(
      as((tx) =>
        createRecoveryOrder(
          tx,
          county,
          { caseId: paid, reason: '虚报', amountFen: 999_999, method: 'repayment' },
          at('2020-09-01'),
        ),
      ),
      /不超过已拨付未追回的金额/,
    );
    const order = await as((tx) =>
      createRecoveryOrder(
        tx,
        county,
        { caseId: paid, reason: '部分人员未实际参加以工代训', amountFen: 50000, method: 'repayment' },
        at('2020-09-01'),
      ),
    );
    await as((tx) => recordRepayment(tx, finance, order, { amountFen: 20000, requestId: 'rp1' }, at('2020-09-02')));
    await as((tx) => recordRepayment(tx, finance, order, { amountFen: 20000, requestId: 'rp1' }, at('2020-09-02')));
    await as((tx) => recordRepayment(tx, finance, order, { amountFen: 30000, requestId: 'rp2' }, at('2020-09-03')));
    const [view] = await listRecoveryOrders(db(), finance, paid);
    assert.equal(view!.status, 'settled');
    assert.equal(view!.settledFen, 50000);

    // a 稳岗返还 refund paid, then found partly undue: deducted from the next refund (26号)
    const general = (
      await db().query<{ id: string }>(`SELECT id FROM review_cases WHERE workflow_id = 'sd-refund-general'`)
    ).rows[0]!.id;
    await as((tx) => publishBatch(tx, county, { caseIds: [general] }, at('2020-07-01')));
    const difficult = (
      await db().query<{ id: string }>(`SELECT id FROM review_cases WHERE workflow_id = 'sd-refund-difficult'`)
    ).rows[0]!.id;
    await as((tx) => publishBatch(tx, county, { caseIds: [difficult] }, at('2020-07-01')));
    await as((tx) => releaseEndedPublicity(tx, at('2020-07-10')));
    const first = await as((tx) =>
      createPaymentBatch(tx, finance, { fund: 'unemployment_insurance', caseIds: [general] }, at('2020-07-10')),
    );
    const lines = (await getPaymentBatch(db(), finance, first.batch.id)).lines;
    await as((tx) =>
      importPaymentResults(
        tx,
        finance,
        first.batch.id,
        lines.map((l) => ({
          lineId: l.id,
          outcome: 'paid' as const,
          reason: null,
          paidOn: '2020-07-11',
          bankRef: null,
        })),
        at('2020-07-11'),
      ),
    );
    await as((tx) =>
      createRecoveryOrder(
        tx,
        county,
        { caseId: general, reason: '裁员率核定有误', amountFen: 30000, method: 'deduction' },
        at('2020-07-12'),
      ),
    );
    const next = await as((tx) =>
      createPaymentBatch(tx, finance, { fund: 'unemployment_insurance', caseIds: [difficult] }, at('2020-07-13')),
    );
    const nextLine = (await getPaymentBatch(db(), finance, next.batch.id)).lines[0]!;
    assert.equal(nextLine.grossFen, 80000);
    assert.equal(nextLine.deductionFen, 30000);
    assert.equal(nextLine.amountFen, 50000);
    await as((tx) =>
      importPaymentResults(
        tx,
        finance,
        next.batch.id,
        [{ lineId: nextLine.id, outcome: 'paid', reason: null, paidOn: '2020-07-14', bankRef: null }],
        at('2020-07-14'),
      ),
    );
    const orders = await listRecoveryOrders(db(), finance, general);
    assert.equal(orders[0]!.status, 'settled');
    assert.equal(orders[0]!.settlements[0]!.kind, 'deduction');
    const receivable = (await listFundAccounts(db(), finance)).find(
      (a) => a.kind === 'recovery_receivable' && a.fund === 'unemployment_insurance',
    )!;
    assert.equal(receivable.balanceFen, 0);
  });

  it('先预拨、后承诺、再清算: tops up or recovers the difference', async () => {
    const county = f.p['dongchangfu.county']!;
    const finance = f.p['liaocheng.finance']!;
    const base = claim(f, {
      regionCode: '371502',
      programme: 'stable-post-refund',
      variant: 'general',
      source: 'screening',
      mode: 'prepay',
      claimMonth: null,
      amountFen: 60000,
      persons: [],
      enterpriseId: f.enterprise['临清市运河物流有限公司'],
    });
    const { id, workflowId } = await open(base, at('2020-07-01'));
    assert.equal(workflowId, 'sd-refund-general-prepay');
    await as((tx) => act(tx, county, id, 'approve', {}, at('2020-07-01')));
    const b = await as((tx) =>
      createPaymentBatch(tx, finance, { fund: 'unemployment_insurance', caseIds: [id] }, at('2020-07-02')),
    );
    const l = (await getPaymentBatch(db(), finance, b.batch.id)).lines[0]!;
    await as((tx) =>
      importPaymentResults(
        tx,
        finance,
        b.batch.id,
        [{ lineId: l.id, outcome: 'paid', reason: null, paidOn: '2020-07-03', bankRef: null }],
        at('2020-07-03'),
      ),
    );
    assert.equal((await loadCase(db(), id)).status, 'prepaid');
    // another enterprise's user cannot commit for it; the enterprise's own user can
    await assert.rejects(
      as((tx) => act(tx, f.p['13800000001']!, id, 'commit', {}, at('2020-07-04'))),
      (e: WorkflowError) => e.code === 'not_found',
    );
    await db().query(`UPDATE accounts SET enterprise_id = $1 WHERE username = '13900000002'`, [
      f.enterprise['临清市运河物流有限公司'],
    ]);
    const own = { ...f.p['13900000002']!, enterpriseId: f.enterprise['临清市运河物流有限公司']! };
    await as((tx) => act(tx, own, id, 'commit', { note: '承诺资料真实' }, at('2020-07-04')));
    // inspection finds 90 000 due: top up 30 000
    current.set(base.sourceId, { decision: decision(90000) });
    await assert.rejects(
      as((tx) => settleCase(tx, county, id, 'settle', null, at('2020-07-06'))),
      /应补拨 300.00 元/,
    );
    await as((tx) => settleCase(tx, county, id, 'top_up', null, at('2020-07-06')));
    const topup = await as((tx) =>
      createPaymentBatch(tx, finance, { fund: 'unemployment_insurance', caseIds: [id] }, at('2020-07-07')),
    );
    const tl = (await getPaymentBatch(db(), finance, topup.batch.id)).lines[0]!;
    assert.equal(tl.grossFen, 30000);
    assert.equal(tl.paymentNo, 2);
    await as((tx) =>
      importPaymentResults(
        tx,
        finance,
        topup.batch.id,
        [{ lineId: tl.id, outcome: 'paid', reason: null, paidOn: '2020-07-08', bankRef: null }],
        at('2020-07-08'),
      ),
    );
    const settled = await loadCase(db(), id);
    assert.equal(settled.status, 'settled');
    assert.equal(settled.paidFen, 90000);

    // another prepaid case found to be worth less: settled, the difference becomes a deduction order
    const base2 = { ...base, sourceId: `${base.sourceId}-2`, enterpriseId: f.enterprise['临清市运河物流有限公司']! };
    const second = await open(base2, at('2020-07-01'));
    await as((tx) => act(tx, county, second.id, 'approve', {}, at('2020-07-01')));
    const b2 = await as((tx) =>
      createPaymentBatch(tx, finance, { fund: 'unemployment_insurance', caseIds: [second.id] }, at('2020-07-09')),
    );
    const l2 = (await getPaymentBatch(db(), finance, b2.batch.id)).lines[0]!;
    await as((tx) =>
      importPaymentResults(
        tx,
        finance,
        b2.batch.id,
        [{ lineId: l2.id, outcome: 'paid', reason: null, paidOn: '2020-07-10', bankRef: null }],
        at('2020-07-10'),
      ),
    );
    await as((tx) => act(tx, own, second.id, 'commit', {}, at('2020-07-11')));
    current.set(base2.sourceId, { decision: decision(40000) });
    const s = await as((tx) => settleCase(tx, county, second.id, 'settle', null, at('2020-07-13')));
    assert.ok(s.recoveryOrderId);
    const [order] = await listRecoveryOrders(db(), county, second.id);
    assert.equal(order!.amountFen, 20000);
    assert.equal(order!.method, 'deduction');
    await sealAuditLog(db());
    assert.equal((await verifyAuditChain(db())).ok, true);
  });
});
