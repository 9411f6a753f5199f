import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addWorkingDays } from '@wengang/kernel';
import {
  batchApprove,
  getCaseDetail,
  listCases,
  listEnterpriseCases,
  listQueue,
  loadCase,
  openCase,
  publicPublicity,
  publishBatch,
  recordObjection,
  registerApprovalGuard,
  registerReevaluator,
  releaseEndedPublicity,
  resolveObjection,
  resubmitCase,
  takeAction,
  act,
  validateWorkflow,
  sealAuditLog,
  verifyAuditChain,
  viewUnmaskedPersons,
  workflows,
  WorkflowError,
  type Reevaluation,
} from '@wengang/workflow';
import { describeEachDatabase } from '../../../test/support/databases';
import { claim, decision, ids, persons, seedWorkbench, type Fixture } from './support/workbench';

const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);

describe('workflows as data', () => {
  for (const w of workflows) {
    it(`${w.id} is consistent`, () => assert.deepEqual(validateWorkflow(w), []));
  }
});

describeEachDatabase('review workbench', (db) => {
  let f: Fixture;
  // "the data as it stands": what the portal would answer for each application
  const current = new Map<string, Reevaluation>();
  const unhook: (() => void)[] = [];
  before(async () => {
    f = await seedWorkbench(db());
    unhook.push(
      registerReevaluator('application', async (_tx, c) => current.get(c.sourceId) ?? { decision: c.decision! }),
      // the fund stop rules are the ledger's (tested there); here every approval may pass
      registerApprovalGuard(async () => undefined),
    );
  });
  after(() => unhook.forEach((u) => u()));

  const open = (input: Parameters<typeof claim>[1], now = at('2020-07-06')) =>
    db().transaction((tx) => openCase(tx, claim(f, input), now));

  it('opens a case once per source, in the workflow of its programme and region', async () => {
    const input = claim(f, { regionCode: '371502' });
    const first = await db().transaction((tx) => openCase(tx, input, at('2020-07-06')));
    const again = await db().transaction((tx) => openCase(tx, input, at('2020-07-07')));
    assert.equal(first.created, true);
    assert.equal(again.created, false);
    assert.equal(again.id, first.id);
    assert.equal(first.workflowId, 'sd-yigong');
    const cj = await open({ regionCode: '652301', enterpriseId: f.enterprise['昌吉市天山农牧科技有限公司'] });
    assert.equal(cj.workflowId, 'cj-yigong-claim');
    const lc = await open({ regionCode: '371521', programme: 'job-expansion' });
    assert.equal(lc.workflowId, 'lc-2022-onetime');
    const refund = await open({
      regionCode: '371502',
      programme: 'stable-post-refund',
      variant: 'difficult',
      source: 'screening',
    });
    assert.equal(refund.workflowId, 'sd-refund-difficult');
    assert.equal(refund.status, 'confirmation');
    await assert.rejects(
      db().transaction((tx) => openCase(tx, claim(f, { regionCode: '652301', programme: 'job-expansion' }))),
      /没有配置/,
    );
  });

  it('approves, publicises (masked), releases after the period and keeps the history', async () => {
    const { id } = await open({ regionCode: '371502', amountFen: 100000 });
    const county = f.p['dongchangfu.county']!;
    // another county's reviewer neither sees nor acts
    await assert.rejects(
      db().transaction((tx) => act(tx, f.p['yanggu.county']!, id, 'approve', {}, at('2020-07-06'))),
      (e: WorkflowError) => e.code === 'not_found',
    );
    // the auditor sees but cannot act; the enterprise cannot approve its own claim
    await assert.rejects(
      db().transaction((tx) => act(tx, f.p['shandong.audit']!, id, 'approve', {}, at('2020-07-06'))),
      (e: WorkflowError) => e.code === 'forbidden',
    );
    await assert.rejects(
      db().transaction((tx) => act(tx, f.p['13800000001']!, id, 'approve', {}, at('2020-07-06'))),
      (e: WorkflowError) => e.code === 'forbidden',
    );
    // the data changed since submission: the approval takes the amount as it stands now
    const c0 = await loadCase(db(), id);
    current.set(c0.sourceId, { decision: decision(50000), persons: persons(ids.slice(0, 1), '2020-07') });
    const approved = await db().transaction((tx) => act(tx, county, id, 'approve', {}, at('2020-07-06')));
    assert.equal(approved.after.status, 'publicity_pending');
    assert.equal(approved.after.amountFen, 50000);
    assert.equal(approved.after.headcount, 2, 'headcount is kept unless the hook gives one');

    const batch = await db().transaction((tx) =>
      publishBatch(tx, county, { caseIds: [id], periodWorkingDays: 5 }, at('2020-07-06')),
    );
    assert.equal(batch.endsOn, addWorkingDays('2020-07-06', 5));
    assert.equal(batch.endsOn, '2020-07-13');
    const pub = await publicPublicity(db(), at('2020-07-07'));
    const listed = pub.flatMap((b) => b.items).find((i) => i.enterpriseName === '聊城市鲁西纺织有限公司');
    assert.ok(listed);
    assert.equal(listed.amountFen, 50000);
    assert.deepEqual(listed.persons, [{ name: '张*', id: '**************1234' }]);
    assert.equal(JSON.stringify(pub).includes('371502199001011234'), false, 'no full ID number on the public page');
    assert.equal(listed.caseId, '', 'no internal id on the public page');

    // not released on the last day of the period, released the day after
    await db().transaction((tx) => releaseEndedPublicity(tx, at('2020-07-13', '23:59')));
    assert.equal((await loadCase(db(), id)).status, 'publicity');
    const r = await db().transaction((tx) => releaseEndedPublicity(tx, at('2020-07-14', '00:01')));
    assert.ok(r.released >= 1);
    assert.equal((await loadCase(db(), id)).status, 'payment_ready');

    const detail = await getCaseDetail(db(), f.p['liaocheng.city']!, id, at('2020-07-14'));
    assert.deepEqual(
      detail.history.map((h) => h.action),
      ['open', 'approve', 'publish', 'release'],
    );
    assert.equal(detail.history[1]!.actorName, county.displayName);
    assert.deepEqual(detail.history[1]!.data, {
      amountFen: 50000,
      amountBeforeFen: 100000,
      rulesetVersion: 'test',
      eligible: 'yes',
    });
    assert.equal(detail.materials[0]!.name, '以工代训人员花名册');
    assert.equal(detail.persons[0]!.personKeyMasked, '**************1234');
    assert.equal(detail.payee!.accountNoMasked.endsWith('3456'), true);
    assert.equal(JSON.stringify(detail).includes('1611002009200123456'), false);
  });

  it('refuses an approval when the engine no longer says yes on the data as it stands', async () => {
    const { id } = await open({ regionCode: '371502' });
    const c = await loadCase(db(), id);
    const cite = { doc: '鲁人社字〔2020〕63号', clause: '二(一)', file: 'x', line: 1, issued: '2020-06-08' };
    current.set(c.sourceId, {
      decision: decision(0, {
        eligible: 'no',
        conditions: [{ id: 'wage', label: '按月发放工资', result: 'fail', cite, detail: '2020-07 未发放工资' }],
      }),
    });
    await assert.rejects(
      db().transaction((tx) => act(tx, f.p['dongchangfu.county']!, id, 'approve', {}, at('2020-07-06'))),
      /不符合条件：2020-07 未发放工资/,
    );
    assert.equal((await loadCase(db(), id)).status, 'county_review');
    // rejecting needs a reason, which the enterprise then sees
    await assert.rejects(
      db().transaction((tx) => act(tx, f.p['dongchangfu.county']!, id, 'reject', { reason: ' ' }, at('2020-07-06'))),
      (e: WorkflowError) => e.code === 'invalid',
    );
    await db().transaction((tx) =>
      act(tx, f.p['dongchangfu.county']!, id, 'reject', { reason: '2020年7月未按月发放工资' }, at('2020-07-06')),
    );
    const mine = await listEnterpriseCases(db(), f.p['13800000001']!);
    const seen = mine.find((m) => m.id === id)!;
    assert.equal(seen.statusLabel, '审核不通过');
    assert.equal(seen.reason, '2020年7月未按月发放工资');
    // another enterprise's user sees none of it
    assert.equal(
      (await listEnterpriseCases(db(), f.p['13900000002']!)).some((m) => m.id === id),
      false,
    );
  });

  it('returns for correction and takes the resubmission back into review', async () => {
    const input = claim(f, { regionCode: '371502' });
    const { id } = await db().transaction((tx) => openCase(tx, input, at('2020-07-06')));
    await db().transaction((tx) =>
      act(tx, f.p['dongchangfu.county']!, id, 'return', { reason: '请补充当月工资发放银行对账单' }, at('2020-07-06')),
    );
    assert.equal(
      (await listEnterpriseCases(db(), f.p['13800000001']!)).find((m) => m.id === id)!.actionNeeded,
      '修改后重新提交 / 撤回申请',
    );
    const r = await db().transaction((tx) =>
      resubmitCase(
        tx,
        'application',
        input.sourceId,
        { amountFen: 150000, materials: [{ name: '银行对账单', url: '/x' }] },
        at('2020-07-07'),
      ),
    );
    assert.equal(r.after.status, 'county_review');
    assert.equal(r.after.amountFen, 150000);
    assert.equal(r.after.outcomeReason, null);
  });

  it('runs the Changji chain with its deadlines and flags the overdue case', async () => {
    const ent = f.enterprise['昌吉市天山农牧科技有限公司']!;
    const county = f.p['changji.county']!;
    const prefecture = f.p['changji.prefecture']!;
    // 奇台县's enterprise has no training plan: its claim cannot be approved until the plan is
    // filed through its own review and publicity on the government website
    const qitai = f.p['qitai.county']!;
    const silk = f.enterprise['奇台县丝路商贸有限公司']!;
    const unplanned = await open(
      { regionCode: '652325', enterpriseId: silk, persons: persons([ids[1]!], '2020-07') },
      at('2020-07-06'),
    );
    await assert.rejects(
      db().transaction((tx) => act(tx, qitai, unplanned.id, 'approve', {}, at('2020-07-06'))),
      /培训计划尚未审核备案/,
    );
    const plan = await db().transaction((tx) =>
      openCase(
        tx,
        {
          ...claim(f, { regionCode: '652325', enterpriseId: silk, amountFen: 180000 }),
          stage: 'plan',
          claimMonth: null,
        },
        at('2020-07-01'),
      ),
    );
    assert.equal(plan.workflowId, 'cj-yigong-plan');
    await db().transaction((tx) => act(tx, qitai, plan.id, 'approve', {}, at('2020-07-01')));
    await db().transaction((tx) => publishBatch(tx, qitai, { caseIds: [plan.id] }, at('2020-07-01')));
    await db().transaction((tx) => releaseEndedPublicity(tx, at('2020-07-09')));
    assert.equal((await loadCase(db(), plan.id)).status, 'filed');
    await db().transaction((tx) => act(tx, qitai, unplanned.id, 'approve', {}, at('2020-07-09')));
    assert.equal((await loadCase(db(), unplanned.id)).status, 'prefecture_review');

    // 昌吉市's enterprise has its plan approved on the portal (demo data)
    const early = await open(
      { regionCode: '652301', enterpriseId: ent, persons: persons([ids[2]!], '2020-07') },
      at('2020-07-06'),
    );

    // received Monday 2020-07-06: county review due in 2 working days (Wednesday)
    const queue0 = await listQueue(db(), county, at('2020-07-06'));
    const item0 = queue0.find((i) => i.id === early.id)!;
    assert.equal(item0.dueOn, '2020-07-08');
    assert.equal(item0.deadlineLabel, '收到申请后2个工作日内完成审核');
    assert.equal(item0.overdue, false);
    assert.equal(item0.workingDaysLeft, 2);
    const onDue = (await listQueue(db(), county, at('2020-07-08'))).find((i) => i.id === early.id)!;
    assert.equal(onDue.dueToday, true);
    const late = (await listQueue(db(), county, at('2020-07-09'))).find((i) => i.id === early.id)!;
    assert.equal(late.overdue, true);
    // a later claim that is not overdue sorts after the overdue one
    const fresh = await open(
      { regionCode: '652301', enterpriseId: ent, persons: persons([ids[2]!], '2020-08'), claimMonth: '2020-08' },
      at('2020-07-09'),
    );
    const queue = await listQueue(db(), county, at('2020-07-09'));
    assert.ok(queue.findIndex((i) => i.id === early.id) < queue.findIndex((i) => i.id === fresh.id));
    // the county cannot see other counties' queues; the prefecture's reviewer has nothing yet
    assert.equal(
      (await listQueue(db(), f.p['qitai.county']!, at('2020-07-09'))).some((i) => i.id === early.id),
      false,
    );
    assert.equal(
      (await listQueue(db(), prefecture, at('2020-07-09'))).some((i) => i.id === early.id),
      false,
    );

    await db().transaction((tx) => act(tx, county, early.id, 'approve', {}, at('2020-07-09')));
    let c = await loadCase(db(), early.id);
    assert.equal(c.status, 'prefecture_review');
    assert.equal(c.stepDueOn, '2020-07-14', '3 working days from Thursday 9 July');
    assert.ok((await listQueue(db(), prefecture, at('2020-07-09'))).some((i) => i.id === early.id));
    // the county cannot take the prefecture's step
    await assert.rejects(
      db().transaction((tx) => act(tx, county, early.id, 'approve', {}, at('2020-07-10'))),
      (e: WorkflowError) => e.code === 'forbidden',
    );
    await db().transaction((tx) => act(tx, prefecture, early.id, 'approve', {}, at('2020-07-13')));
    c = await loadCase(db(), early.id);
    assert.equal(c.status, 'finance_request');
    assert.equal(
      c.stepDueOn,
      '2020-07-14',
      'sending to finance is due 3 working days after the claim reached the prefecture',
    );
    await db().transaction((tx) => act(tx, prefecture, early.id, 'send_to_finance', {}, at('2020-07-14')));
    assert.equal((await loadCase(db(), early.id)).status, 'payment_ready');
    const financeQueue = await listQueue(db(), f.p['changji.finance']!, at('2020-07-14'));
    assert.ok(financeQueue.some((i) => i.id === early.id));
  });

  it('records an objection, which reopens the case and keeps it from payment', async () => {
    const county = f.p['dongchangfu.county']!;
    const { id } = await open(
      { regionCode: '371502', persons: persons([ids[3]!], '2020-09'), claimMonth: '2020-09' },
      at('2020-09-01'),
    );
    await db().transaction((tx) => act(tx, county, id, 'approve', {}, at('2020-09-01')));
    const batch = await db().transaction((tx) =>
      publishBatch(tx, county, { caseIds: [id], periodWorkingDays: 3 }, at('2020-09-01')),
    );
    await assert.rejects(
      db().transaction((tx) =>
        recordObjection(
          tx,
          f.p['yanggu.county']!,
          batch.id,
          { caseId: id, objector: '群众来电', content: '未实际开展培训' },
          at('2020-09-02'),
        ),
      ),
      (e: WorkflowError) => e.code === 'not_found',
    );
    const objection = await db().transaction((tx) =>
      recordObjection(
        tx,
        county,
        batch.id,
        { caseId: id, objector: '群众来电', content: '该企业未实际开展以工代训' },
        at('2020-09-02'),
      ),
    );
    assert.equal((await loadCase(db(), id)).status, 'county_review');
    // withdrawn from the public list at once
    const pub = await publicPublicity(db(), at('2020-09-02'));
    assert.equal(pub.find((b) => b.id === batch.id)!.items.length, 0);
    await db().transaction((tx) => releaseEndedPublicity(tx, at('2020-09-10')));
    assert.equal((await loadCase(db(), id)).status, 'county_review', 'the end of the period does not release it');
    // approved again, it cannot be listed while the objection is open
    await db().transaction((tx) => act(tx, county, id, 'approve', {}, at('2020-09-10')));
    await assert.rejects(
      db().transaction((tx) => publishBatch(tx, county, { caseIds: [id] }, at('2020-09-10'))),
      /未处理的公示异议/,
    );
    await db().transaction((tx) =>
      resolveObjection(tx, county, objection.id, '经核查，培训台账齐全，异议不成立', at('2020-09-10')),
    );
    await db().transaction((tx) => publishBatch(tx, county, { caseIds: [id] }, at('2020-09-10')));
    await db().transaction((tx) => releaseEndedPublicity(tx, at('2020-09-18')));
    assert.equal((await loadCase(db(), id)).status, 'payment_ready');
  });

  it('shows duplicate hits and leaves such cases out of batch approval', async () => {
    const a = await open(
      { regionCode: '371502', persons: persons([ids[0]!], '2020-10'), claimMonth: '2020-10' },
      at('2020-10-09'),
    );
    // the same person claimed for the same month by another enterprise in another county
    const b = await open(
      {
        regionCode: '371521',
        enterpriseId: f.enterprise['阳谷县凤祥餐饮管理有限公司'],
        persons: persons([ids[0]!], '2020-10'),
        claimMonth: '2020-10',
      },
      at('2020-10-09'),
    );
    const clean = await open(
      { regionCode: '371502', persons: persons([ids[1]!], '2020-11'), claimMonth: '2020-11' },
      at('2020-10-09'),
    );
    const detail = await getCaseDetail(db(), f.p['dongchangfu.county']!, a.id, at('2020-10-09'));
    assert.equal(detail.duplicates.length, 1);
    assert.equal(detail.duplicates[0]!.rule, 'same_person_month');
    assert.equal(detail.duplicates[0]!.otherRegionName, '山东省聊城市阳谷县');
    assert.equal(detail.duplicates[0]!.personKeyMasked, '**************1234');
    const queue = await listQueue(db(), f.p['dongchangfu.county']!, at('2020-10-09'));
    assert.equal(queue.find((i) => i.id === a.id)!.batchApprovable, false);
    assert.equal(queue.find((i) => i.id === clean.id)!.batchApprovable, true);
    const results = await batchApprove(db(), f.p['dongchangfu.county']!, [a.id, clean.id, b.id], at('2020-10-09'));
    assert.deepEqual(
      results.map((r) => [r.id, r.ok]),
      [
        [a.id, false],
        [clean.id, true],
        [b.id, false],
      ],
    );
    assert.match(results[0]!.message, /重复享受/);

    // the same graduate used by two enterprises for 一次性扩岗补助, and stacked with 一次性吸纳就业补贴
    const graduate = [{ personKey: '371521200001011236', name: '孙七', role: 'graduate' as const }];
    const k1 = await open(
      { regionCode: '371521', programme: 'job-expansion', source: 'screening', persons: graduate },
      at('2022-09-05'),
    );
    await open(
      {
        regionCode: '371502',
        programme: 'job-expansion',
        source: 'screening',
        enterpriseId: f.enterprise['临清市运河物流有限公司'],
        persons: graduate,
      },
      at('2022-09-05'),
    );
    await db().query(
      `INSERT INTO case_persons (case_id, region_code, person_key, name, role)
       SELECT id, region_code, '371521200001011236', '孙七', 'trainee' FROM review_cases WHERE id = $1`,
      [a.id],
    );
    await db().query(`UPDATE review_cases SET programme = 'hiring-subsidy' WHERE id = $1`, [a.id]);
    const k = await getCaseDetail(db(), f.p['liaocheng.city']!, k1.id, at('2022-09-05'));
    assert.deepEqual(k.duplicates.map((d) => d.rule).sort(), ['graduate_reused', 'kuogang_absorption_stacked']);
    assert.match(results[2]!.message, /未找到/);
    assert.equal((await loadCase(db(), a.id)).status, 'county_review');
  });

  it('lets the enterprise confirm a screened refund and commit; audits unmasked views', async () => {
    const s = await open(
      {
        regionCode: '371502',
        programme: 'stable-post-refund',
        variant: 'general',
        source: 'screening',
        claimMonth: null,
      },
      at('2020-07-06'),
    );
    await assert.rejects(
      db().transaction((tx) => act(tx, f.p['dongchangfu.county']!, s.id, 'confirm', {}, at('2020-07-06'))),
      (e: WorkflowError) => e.code === 'forbidden',
    );
    await assert.rejects(
      db().transaction((tx) => act(tx, f.p['13900000002']!, s.id, 'confirm', {}, at('2020-07-06'))),
      (e: WorkflowError) => e.code === 'not_found',
    );
    await db().transaction((tx) =>
      act(tx, f.p['13800000001']!, s.id, 'confirm', { note: '本单位承诺资料真实准确' }, at('2020-07-06')),
    );
    assert.equal((await loadCase(db(), s.id)).status, 'review');

    const persons1 = await db().transaction((tx) =>
      viewUnmaskedPersons(tx, f.p['dongchangfu.county']!, s.id, '与社保系统核对', at('2020-07-06')),
    );
    assert.equal(persons1[0]!.personKey, ids[0]);
    const { rows } = await db().query<{ action: string; actor_name: string }>(
      `SELECT action, actor_name FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [s.id],
    );
    assert.deepEqual(
      rows.map((r) => r.action),
      ['case.open', 'case.confirm', 'person.view_unmasked'],
    );
    await sealAuditLog(db());
    assert.equal((await verifyAuditChain(db())).ok, true);
  });

  it('lists only the officer’s region and its sub-regions', async () => {
    const city = await listCases(db(), f.p['liaocheng.city']!, at('2020-10-09'));
    const county = await listCases(db(), f.p['yanggu.county']!, at('2020-10-09'));
    const changji = await listCases(db(), f.p['changji.prefecture']!, at('2020-10-09'));
    assert.ok(city.items.every((i) => i.regionCode.startsWith('3715')));
    assert.ok(city.items.some((i) => i.regionCode === '371502') && city.items.some((i) => i.regionCode === '371521'));
    assert.ok(county.items.every((i) => i.regionCode === '371521'));
    assert.ok(changji.items.every((i) => i.regionCode.startsWith('6523')));
    await assert.rejects(
      getCaseDetail(db(), f.p['changji.prefecture']!, city.items[0]!.id, at('2020-10-09')),
      (e: WorkflowError) => e.code === 'not_found',
    );
    // system-only moves are refused to people
    await assert.rejects(
      db().transaction((tx) =>
        takeAction(tx, city.items[0]!.id, 'release', { principal: f.p['liaocheng.city']! }, {}, at('2020-10-09')),
      ),
      WorkflowError,
    );
  });
});
