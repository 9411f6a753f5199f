import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../src/config';

describe('configuration', () => {
  it('has working defaults: port 3000, embedded database in ./data with demo data', () => {
    const c = loadConfig({});
    assert.equal(c.port, 3000);
    assert.equal(c.databaseUrl, undefined);
    assert.match(c.dataDir, /\/data$/);
    assert.equal(c.demoData, true);
  });

  it('uses DATABASE_URL and then seeds no demo accounts unless asked', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/wengang' });
    assert.equal(c.databaseUrl, 'postgres://u:p@127.0.0.1:5432/wengang');
    assert.equal(c.demoData, false);
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://h/db', DEMO_DATA: 'true' }).demoData, true);
  });

  for (const [env, expected] of [
    [{ PORT: 'abc' }, /PORT="abc" 必须是整数/],
    [{ PORT: '70000' }, /PORT="70000" 必须在 1–65535 之间/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL="mysql:\/\/x" 必须是 postgres:\/\//],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL="loud"/],
  ] as const) {
    it(`rejects ${JSON.stringify(env)} with one clear line`, () => {
      assert.throws(
        () => loadConfig(env),
        (e: unknown) => e instanceof ConfigError && expected.test(e.message) && !e.message.includes('\n'),
      );
    });
  }
});
