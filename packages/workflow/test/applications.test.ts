/**
 * The guide's rules held by the database, on PGlite and on a real PostgreSQL server: concurrent
 * submissions for one enterprise and month create one application; a 7th application in a year is
 * refused with the guide's message; a rejected month may be applied for again.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Database } from '@wengang/db';
import {
  addRosterPersons,
  ApplicationError,
  installApplicationHooks,
  listPersons,
  saveUnitInformation,
  listProgress,
  removePerson,
  submitApplication,
  submitClaim,
  takeAction,
  type ClaimInput,
  type Clock,
  type PortalUser,
  type Principal,
} from '@wengang/workflow';
import { seedDemoData } from '../../../apps/api/src/demo/seed';
import { describeEachDatabase } from '../../../test/support/databases';

const clock: Clock = { now: new Date('2020-11-16T02:00:00Z'), today: '2020-11-16' };

async function fixture(db: Database) {
  await seedDemoData(db);
  const { rows } = await db.query<{ id: string; enterprise_id: string }>(
    `SELECT id, enterprise_id FROM accounts WHERE username = '13800000001'`,
  );
  const user: PortalUser = {
    id: rows[0]!.id,
    role: 'enterprise',
    displayName: '鲁西纺织 人事专员',
    enterpriseId: rows[0]!.enterprise_id,
  };
  const { rows: spells } = await db.query<{ person_id_number: string; person_name: string }>(
    `SELECT person_id_number, person_name FROM insured_employment_spells
      WHERE enterprise_id = $1 AND person_category = '就业困难人员' ORDER BY person_id_number LIMIT 6`,
    [user.enterpriseId],
  );
  const { rows: files } = await db.query<{ id: string }>(
    `INSERT INTO stored_files (enterprise_id, region_code, sha256, size_bytes, media_type, original_name, uploaded_by)
     VALUES ($1, '371502', repeat('a', 64), 10, 'application/pdf', 'scan.pdf', $2) RETURNING id`,
    [user.enterpriseId, user.id],
  );
  const { rows: officer } = await db.query<{ id: string; display_name: string; region_code: string }>(
    `SELECT id, display_name, region_code FROM accounts WHERE username = 'dongchangfu.county'`,
  );
  const reviewer: Principal = {
    id: officer[0]!.id,
    role: 'county_reviewer',
    displayName: officer[0]!.display_name,
    regionCode: officer[0]!.region_code,
    enterpriseId: null,
  };
  const claim = (month: string): ClaimInput => ({
    unitName: '聊城市鲁西纺织有限公司',
    creditCode: '91371502MA3C4XK2Q5',
    bankName: '中国工商银行聊城分行',
    bankAccountNo: '1611002309200123456',
    contactPhone: '0635-8419598',
    declaredSize: 'medium',
    industry: 'other',
    subsidyMonth: month,
    subsidyType: 'absorption',
    regionCode: '371502',
    trainingDescription: '新吸纳就业困难人员在纺纱车间以工代训，师傅带徒，学习挡车、接头操作',
    persons: spells.map((s) => ({ idNumber: s.person_id_number, name: s.person_name })),
    materials: [
      { kind: 'signed_roster', fileId: files[0]!.id },
      { kind: 'business_licence', fileId: files[0]!.id },
      { kind: 'wage_statement', fileId: files[0]!.id },
    ],
  });
  return { user, claim, reviewer };
}

describeEachDatabase('以工代训 applications: the guide rules in the database', (db) => {
  let f: Awaited<ReturnType<typeof fixture>>;
  before(async () => {
    installApplicationHooks();
    f = await fixture(db());
  });

  it('20 concurrent submissions for the same enterprise and month create exactly one application', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => submitClaim(db(), { ...f.user }, f.claim('2020-04'), clock)),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(
      ok.length,
      1,
      `one succeeded: ${refused
        .map((r) => String(r.reason))
        .slice(0, 2)
        .join(' | ')}`,
    );
    assert.equal(refused.length, 19);
    for (const r of refused) {
      assert.ok(r.reason instanceof ApplicationError, String(r.reason));
      assert.equal(r.reason.code, 'duplicate_month');
      assert.match(r.reason.message, /2020年4月的补贴已申请/);
    }
    const { rows } = await db().query<{ n: number; amount: number }>(
      `SELECT count(*)::int AS n, max(amount_fen) AS amount FROM applications WHERE enterprise_id = $1 AND subsidy_month = '2020-04'`,
      [f.user.enterpriseId],
    );
    assert.deepEqual(rows[0], { n: 1, amount: 300000 });
    const claims = await db().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM person_month_claims WHERE subsidy_month = '2020-04'`,
    );
    assert.equal(claims.rows[0]!.n, 6);
  });

  it('a retry with the same idempotency key returns the claim already made', async () => {
    const first = await submitClaim(db(), { ...f.user }, { ...f.claim('2020-05'), idempotencyKey: 'k-2020-05' }, clock);
    const again = await submitClaim(db(), { ...f.user }, { ...f.claim('2020-05'), idempotencyKey: 'k-2020-05' }, clock);
    assert.equal(first.created, true);
    assert.equal(again.created, false);
    assert.equal(again.id, first.id);
  });

  it('writes the claim, its review case and both audit entries together', async () => {
    const { rows: apps } = await db().query<{ id: string }>(
      `SELECT id FROM applications WHERE enterprise_id = $1 AND subsidy_month = '2020-05'`,
      [f.user.enterpriseId],
    );
    const { rows: cases } = await db().query<{ id: string; amount_fen: number; persons: number; events: string[] }>(
      `SELECT c.id, c.amount_fen,
              (SELECT count(*)::int FROM case_persons p WHERE p.case_id = c.id) AS persons,
              (SELECT array_agg(e.action ORDER BY e.id) FROM case_events e WHERE e.case_id = c.id) AS events
         FROM review_cases c WHERE c.source = 'application' AND c.source_id = $1`,
      [apps[0]!.id],
    );
    assert.deepEqual(
      cases.map((c) => [c.amount_fen, c.persons, c.events]),
      [[300000, 6, ['open']]],
    );
    const { rows: audit } = await db().query<{ action: string; entity_id: string }>(
      `SELECT action, entity_id FROM audit_log WHERE entity_id = ANY($1::text[]) ORDER BY id`,
      [[apps[0]!.id, cases[0]!.id]],
    );
    assert.deepEqual(audit, [
      { action: 'case.open', entity_id: cases[0]!.id },
      { action: 'application.submit', entity_id: apps[0]!.id },
    ]);
  });

  it('a returned claim, corrected and resubmitted, goes back to review with the corrected amount and persons', async () => {
    const { rows } = await db().query<{ id: string }>(
      `SELECT id FROM applications WHERE enterprise_id = $1 AND subsidy_month = '2020-05'`,
      [f.user.enterpriseId],
    );
    const id = rows[0]!.id;
    const caseOf = async () =>
      (
        await db().query<{ id: string; status: string; amount_fen: number; persons: number; decided: boolean }>(
          `SELECT c.id, c.status, c.amount_fen, (SELECT count(*)::int FROM case_persons p WHERE p.case_id = c.id) AS persons,
                  c.decision->>'amountFen' = c.amount_fen::text AS decided
             FROM review_cases c WHERE c.source = 'application' AND c.source_id = $1`,
          [id],
        )
      ).rows[0]!;
    const before = await caseOf();
    assert.deepEqual([before.status, Number(before.amount_fen), before.persons], ['county_review', 300000, 6]);
    await db().transaction((tx) =>
      takeAction(tx, before.id, 'return', { principal: f.reviewer }, { reason: '请核对花名册第6人' }, clock.now),
    );
    const persons = await listPersons(db(), f.user, id, 1, 10);
    await removePerson(db(), { ...f.user }, id, persons.items[5]!.id, clock);
    const again = await submitApplication(db(), { ...f.user }, id, clock);
    assert.equal(again.amountFen, 250000);
    const after = await caseOf();
    assert.equal(after.id, before.id, 'the same case');
    assert.deepEqual(
      [after.status, Number(after.amount_fen), after.persons, after.decided],
      ['county_review', 250000, 5, true],
      "the case holds the corrected claim and the engine's decision for it",
    );
    const progress = (await listProgress(db(), f.user)).find((p) => p.id === id)!;
    assert.equal(progress.status, 'county_review');
  });

  it('a rejected month can be applied for again', async () => {
    const first = await submitClaim(db(), { ...f.user }, f.claim('2020-06'), clock);
    await assert.rejects(submitClaim(db(), { ...f.user }, f.claim('2020-06'), clock), { code: 'duplicate_month' });
    await db().transaction((tx) =>
      takeAction(
        tx,
        first.caseId!,
        'reject',
        { principal: f.reviewer },
        { reason: '当月工资发放对账单与花名册不符' },
        clock.now,
      ),
    );
    const progress = await listProgress(db(), f.user);
    const rejected = progress.find((p) => p.id === first.id)!;
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.reason, '当月工资发放对账单与花名册不符');
    const second = await submitClaim(db(), { ...f.user }, f.claim('2020-06'), clock);
    assert.notEqual(second.id, first.id);
    assert.equal(second.amountFen, 300000, 'the persons freed by the rejection are claimable again');
  });

  it('a 7th application in a year is refused with a clear message', async () => {
    for (const month of ['2020-07', '2020-08', '2020-09'])
      await submitClaim(db(), { ...f.user }, f.claim(month), clock);
    // six counted: 04, 05, 06 (the second one), 07, 08, 09
    await assert.rejects(submitClaim(db(), { ...f.user }, f.claim('2020-10'), clock), (e: unknown) => {
      assert.ok(e instanceof ApplicationError);
      assert.match(e.message, /补贴本年度最多申请 6 次/);
      return true;
    });
    // and the database itself refuses a 7th, whatever the application code does
    await assert.rejects(
      db().query(
        `INSERT INTO applications (programme, enterprise_id, region_code, subsidy_month, subsidy_type, status, unit_name, credit_code,
           bank_name, bank_account_no, contact_phone, declared_size, industry, training_description)
         VALUES ('work-for-training', $1, '371502', '2020-11', 'absorption', 'submitted', 'x', 'x', 'x', '123456', 'x', 'medium', 'other', 'x')`,
        [f.user.enterpriseId],
      ),
      /at_most_six_applications_per_year/,
    );
  });

  it("shows the engine's refusal per person: category not allowed, already claimed by another enterprise this month", async () => {
    // 临清市运河物流: a new user binds it; one of 鲁西纺织's claimed persons also works there (两处参保)
    const { rows: acc } = await db().query<{ id: string }>(
      `INSERT INTO accounts (username, password_hash, display_name, role) VALUES ('13900000077', 'x', '运河物流 人事', 'enterprise') RETURNING id`,
    );
    const user: PortalUser = { id: acc[0]!.id, role: 'enterprise', displayName: '运河物流 人事', enterpriseId: null };
    const { rows: shared } = await db().query<{ person_id_number: string; person_name: string }>(
      `SELECT person_id_number, person_name FROM person_month_claims c JOIN application_persons p USING (person_id_number)
        WHERE c.subsidy_month = '2020-07' LIMIT 1`,
    );
    const { rows: ent } = await db().query<{ id: string }>(
      `SELECT id FROM enterprises WHERE credit_code = '91371581MA3F1R2T6N'`,
    );
    await db().query(
      `INSERT INTO insured_employment_spells (region_code, enterprise_id, person_id_number, person_name, person_category, insured_from, employment_registered_on)
       VALUES ('371581', $1, $2, $3, '就业困难人员', '2020-05-01', '2020-05-02')`,
      [ent[0]!.id, shared[0]!.person_id_number, shared[0]!.person_name],
    );
    const id = await saveUnitInformation(
      db(),
      user,
      {
        unitName: '临清市运河物流有限公司',
        creditCode: '91371581MA3F1R2T6N',
        bankName: '中国农业银行临清支行',
        bankAccountNo: '337247991324',
        contactPhone: '0635-7121836',
        declaredSize: 'small',
        industry: 'transport',
        subsidyMonth: '2020-07',
        subsidyType: 'absorption',
        regionCode: '371581',
        trainingDescription: '新招用人员在仓储岗位以工代训，师傅带徒弟',
      },
      clock,
    );
    const { rows: spells } = await db().query<{ id: string }>(
      `(SELECT id FROM insured_employment_spells WHERE enterprise_id = $1 AND person_category = '企业在职职工' LIMIT 1)
       UNION ALL (SELECT id FROM insured_employment_spells WHERE enterprise_id = $1 AND person_id_number = $2)`,
      [ent[0]!.id, shared[0]!.person_id_number],
    );
    await addRosterPersons(
      db(),
      user,
      id,
      spells.map((s) => s.id),
      clock,
    );
    const persons = await listPersons(db(), user, id);
    assert.equal(persons.total, 2);
    assert.equal(persons.totalFen, 0);
    for (const p of persons.items) {
      assert.equal(p.amountFen, 0);
      assert.ok(p.refusal && p.refusal.length > 4, `a reason is shown for ${p.category}: ${p.refusal}`);
    }
    const employee = persons.items.find((p) => p.category === '企业在职职工')!;
    assert.match(employee.refusal!, /人员|类别|范围/);
    const twice = persons.items.find((p) => p.category === '就业困难人员')!;
    assert.match(twice.refusal!, /本月|已享受|重复/);
  });
});
