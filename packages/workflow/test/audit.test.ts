import assert from 'node:assert/strict';
import { it } from 'node:test';
import { recordAudit, sealAuditLog, systemActor, verifyAuditChain, type AuditEntry } from '@wengang/workflow';
import { describeEachDatabase } from '../../../test/support/databases';

describeEachDatabase('audit log', (db, kind) => {
  const officer = { id: null, role: 'county_reviewer', name: '东昌府区 审核员' };
  const entry = (entityId: string, amountFen = 100000): AuditEntry => ({
    actor: officer,
    action: 'case.approve',
    entityType: 'review_case',
    entityId,
    regionCode: '371502',
    before: { status: 'county_review' },
    after: { status: 'publicity_pending', amountFen },
  });

  it('verifies an untouched chain once its entries are sealed', async () => {
    await db().transaction(async (tx) => {
      await recordAudit(tx, { actor: systemActor, action: 'demo.seed', entityType: 'system', entityId: '-' });
      await recordAudit(tx, {
        actor: officer,
        action: 'application.approve',
        entityType: 'application',
        entityId: 'a1',
        regionCode: '371502',
        before: { status: 'submitted', amountFen: 300000 },
        after: { status: 'approved', amountFen: 300000, note: '材料齐全' },
      });
    });
    await recordAudit(db(), { actor: officer, action: 'person.view_unmasked', entityType: 'person', entityId: 'p1' });
    assert.deepEqual(await verifyAuditChain(db()), { ok: true, checked: 0, pending: 3 });
    assert.deepEqual(await sealAuditLog(db()), { sealed: 3, busy: false });
    assert.deepEqual(await verifyAuditChain(db()), { ok: true, checked: 3, pending: 0 });
    assert.deepEqual(await sealAuditLog(db()), { sealed: 0, busy: false }, 'sealing again changes nothing');
    const { rows } = await db().query<{ action: string; seq: number }>(
      'SELECT action, seq FROM audit_log ORDER BY seq',
    );
    assert.deepEqual(
      rows.map((r) => [r.action, Number(r.seq)]),
      [
        ['demo.seed', 1],
        ['application.approve', 2],
        ['person.view_unmasked', 3],
      ],
    );
  });

  it('writes several entries in one call, in their order', async () => {
    await recordAudit(db(), [entry('batch-1'), entry('batch-2'), entry('batch-3')]);
    await sealAuditLog(db());
    const { rows } = await db().query<{ entity_id: string }>(
      `SELECT entity_id FROM audit_log WHERE entity_id LIKE 'batch-%' ORDER BY seq`,
    );
    assert.deepEqual(
      rows.map((r) => r.entity_id),
      ['batch-1', 'batch-2', 'batch-3'],
    );
    assert.equal((await verifyAuditChain(db())).ok, true);
  });

  it('is append-only for ordinary sessions: sealing sets the seal once and nothing else', async () => {
    await assert.rejects(db().query(`UPDATE audit_log SET actor_name = 'x'`), /append-only/);
    await assert.rejects(db().query(`DELETE FROM audit_log`), /append-only/);
    await assert.rejects(db().query(`UPDATE audit_log SET seq = seq + 1000`), /append-only/, 'a sealed entry is final');
    await recordAudit(db(), entry('unsealed'));
    await assert.rejects(
      db().query(
        `UPDATE audit_log SET seq = 999, prev_hash = 'x', hash = 'y', actor_name = 'x' WHERE entity_id = 'unsealed'`,
      ),
      /append-only/,
      'sealing cannot change the content',
    );
    await sealAuditLog(db());
  });

  if (kind === 'postgres') {
    it('seals a transaction only after it commits, and loses no entry written concurrently', async () => {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let written!: () => void;
      const wrote = new Promise<void>((r) => (written = r));
      const long = db().transaction(async (tx) => {
        await recordAudit(tx, entry('long-1'));
        written();
        await held;
        await recordAudit(tx, entry('long-2'));
      });
      await wrote;
      // twenty short transactions commit while the long one runs, with sealers racing them
      await Promise.all([
        ...Array.from({ length: 20 }, (_, i) => db().transaction((tx) => recordAudit(tx, entry(`short-${i}`, i)))),
        sealAuditLog(db()),
        sealAuditLog(db()),
      ]);
      await sealAuditLog(db());
      const sealed = async (pattern: string) =>
        (
          await db().query<{ n: number }>(
            `SELECT count(*)::int AS n FROM audit_log WHERE seq IS NOT NULL AND entity_id LIKE $1`,
            [pattern],
          )
        ).rows[0]!.n;
      assert.equal(await sealed('short-%'), 20);
      assert.equal(await sealed('long-%'), 0, 'nothing of a running transaction is sealed');
      release();
      await long;
      assert.equal((await verifyAuditChain(db())).pending, 2);
      await sealAuditLog(db());
      const result = await verifyAuditChain(db());
      assert.deepEqual([result.ok, result.pending], [true, 0]);
      const { rows } = await db().query<{ entity_id: string }>(
        `SELECT entity_id FROM audit_log WHERE entity_id LIKE 'short-%' OR entity_id LIKE 'long-%' ORDER BY seq`,
      );
      assert.equal(rows.length, 22);
      assert.deepEqual(
        rows.slice(20).map((r) => r.entity_id),
        ['long-1', 'long-2'],
        'what commits later is appended after what is sealed',
      );
    });
  }

  it('detects a row altered directly in the database', async () => {
    await db().exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
      UPDATE audit_log SET after = jsonb_set(after, '{amountFen}', '3000000') WHERE entity_id = 'a1';
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`);
    const result = await verifyAuditChain(db());
    assert.equal(result.ok, false);
    assert.equal(result.checked, 1);
    assert.equal(result.brokenAt, 2);
    assert.match(result.reason!, /被修改/);
  });

  it('detects a row deleted directly in the database', async () => {
    await db().exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
      UPDATE audit_log SET after = jsonb_set(after, '{amountFen}', '300000') WHERE entity_id = 'a1';
      DELETE FROM audit_log WHERE entity_id = 'batch-2';
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`);
    const result = await verifyAuditChain(db());
    assert.equal(result.ok, false);
    assert.match(result.reason!, /被删除/);
  });
});
