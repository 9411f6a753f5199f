/**
 * `npx wengang audit verify` as a user runs it (a child process of the real CLI): passes on an
 * untouched log, fails with exit code 1 after one row is altered directly in the database.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { migrate, openDatabase, type Database } from '@wengang/db';
import { recordAudit, systemActor } from '@wengang/workflow';
import { freshServerDatabase, inCI, serverAvailable } from '../../../test/support/databases';

const bin = join(import.meta.dirname, '..', 'bin', 'wengang.js');

function cli(env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, [bin, 'audit', 'verify'], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

async function writeLog(db: Database) {
  const officer = { id: null, role: 'county_reviewer', name: '东昌府区 审核员' };
  await db.transaction(async (tx) => {
    for (let i = 1; i <= 5; i++) {
      await recordAudit(tx, {
        actor: i === 1 ? systemActor : officer,
        action: 'case.approve',
        entityType: 'review_case',
        entityId: `case-${i}`,
        regionCode: '371502',
        before: { status: 'county_review' },
        after: { status: 'publicity_pending', amountFen: 100000 * i },
      });
    }
  });
}

const tamper = `ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
  UPDATE audit_log SET after = jsonb_set(after, '{amountFen}', '9900000') WHERE entity_id = 'case-3';
  ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`;

describe('npx wengang audit verify [embedded]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wengang-audit-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('passes on an untouched log and fails after one row is altered', async () => {
    let db = await openDatabase({ dataDir: dir });
    await migrate(db);
    await writeLog(db);
    await db.close();
    const ok = cli({ DATA_DIR: dir });
    assert.equal(ok.status, 0, ok.out);
    assert.match(ok.out, /审计日志校验通过：共 5 条记录，哈希链完整/);

    db = await openDatabase({ dataDir: dir });
    await db.exec(tamper);
    await db.close();
    const broken = cli({ DATA_DIR: dir });
    assert.equal(broken.status, 1, broken.out);
    assert.match(
      broken.out,
      /审计日志校验失败：哈希链在第 3 号记录处断开，记录内容与哈希不符（记录被修改）；此前 2 条记录完好/,
    );
  });
});

// outside CI a missing server skips this half; with CI=true freshServerDatabase fails instead
const skipServer = !serverAvailable() && !inCI ? 'no PostgreSQL server (set TEST_DATABASE_URL)' : undefined;

describe('npx wengang audit verify [postgres]', { skip: skipServer }, () => {
  it('passes on an untouched log and fails after one row is altered', async () => {
    const { db, url, drop } = await freshServerDatabase();
    try {
      await writeLog(db);
      const ok = cli({ DATABASE_URL: url });
      assert.equal(ok.status, 0, ok.out);
      assert.match(ok.out, /审计日志校验通过：共 5 条记录/);
      await db.exec(tamper);
      const broken = cli({ DATABASE_URL: url });
      assert.equal(broken.status, 1, broken.out);
      assert.match(broken.out, /审计日志校验失败：哈希链在第 3 号记录处断开/);
    } finally {
      await drop();
    }
  });
});
