import assert from 'node:assert/strict';
import { it } from 'node:test';
import { loadMigrations, migrate } from '@wengang/db';
import { describeEachDatabase } from '../../../test/support/databases';

describeEachDatabase('migrations', (db) => {
  it('are all applied and recorded', async () => {
    const { rows } = await db().query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
    assert.deepEqual(
      rows.map((r) => r.version),
      loadMigrations().map((m) => m.version),
    );
  });

  it('apply nothing the second time', async () => {
    assert.deepEqual(await migrate(db()), []);
  });

  it('refuse to run when an applied file was edited', async () => {
    const edited = loadMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'changed' } : m));
    await assert.rejects(migrate(db(), edited), /was changed after it was applied/);
  });

  it('give both drivers the same value types', async () => {
    const { rows } = await db().query<{ n: number; d: string; amount: string; big: number }>(
      `SELECT count(*) AS n, DATE '2020-06-08' AS d, 12.50::numeric AS amount, 9007199254740991::int8 AS big FROM regions`,
    );
    assert.deepEqual(rows[0], { n: 0, d: '2020-06-08', amount: '12.50', big: 9007199254740991 });
  });

  it('roll a failed transaction back completely', async () => {
    await assert.rejects(
      db().transaction(async (tx) => {
        await tx.query(
          `INSERT INTO regions (code, name, full_name, level) VALUES ('990000', '测试', '测试', 'province')`,
        );
        throw new Error('boom');
      }),
      /boom/,
    );
    const { rows } = await db().query<{ n: number }>(`SELECT count(*) AS n FROM regions WHERE code = '990000'`);
    assert.equal(rows[0]!.n, 0);
  });

  it('enforce the schema in the database, not only in code', async () => {
    await assert.rejects(
      db().query(`INSERT INTO enterprises (credit_code, name, region_code) VALUES ('not-a-code', 'x', '370000')`),
    );
  });
});
