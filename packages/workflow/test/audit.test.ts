import assert from 'node:assert/strict';
import { it } from 'node:test';
import { recordAudit, systemActor, verifyAuditChain } from '@wengang/workflow';
import { describeEachDatabase } from '../../../test/support/databases';

describeEachDatabase('audit log', (db) => {
  const officer = { id: null, role: 'county_reviewer', name: '东昌府区 审核员' };

  it('verifies an untouched chain', async () => {
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
    assert.deepEqual(await verifyAuditChain(db()), { ok: true, checked: 3 });
  });

  it('is append-only for ordinary sessions', async () => {
    await assert.rejects(db().query(`UPDATE audit_log SET actor_name = 'x'`), /append-only/);
    await assert.rejects(db().query(`DELETE FROM audit_log`), /append-only/);
  });

  it('detects a row altered directly in the database', async () => {
    await db().exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
      UPDATE audit_log SET after = jsonb_set(after, '{amountFen}', '3000000') WHERE entity_id = 'a1';
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`);
    const result = await verifyAuditChain(db());
    assert.equal(result.ok, false);
    assert.equal(result.checked, 1);
    assert.match(result.reason!, /被修改/);
  });
});
