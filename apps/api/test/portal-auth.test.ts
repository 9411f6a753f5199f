/**
 * Accounts through the HTTP API: registration with a phone code, login (unknown user → 首次登录点此注册),
 * HttpOnly SameSite session cookie, CSRF on state-changing requests, throttled failures, password
 * reset by phone code, logout, officer login.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '@wengang/db';
import { loadConfig } from '../src/config';
import { seedDemoData } from '../src/demo/seed';
import { buildServer } from '../src/server';
import { freshEmbeddedDatabase } from '../../../test/support/databases';

interface Reply {
  status: number;
  body: Record<string, unknown>;
  cookie?: string;
  setCookie?: string;
}

describe('portal accounts over HTTP', () => {
  let db: Database;
  let app: FastifyInstance;
  before(async () => {
    db = await freshEmbeddedDatabase();
    await seedDemoData(db);
    const dir = mkdtempSync(join(tmpdir(), 'wengang-auth-'));
    app = await buildServer({ config: loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), db });
  });
  after(async () => {
    await app?.close();
    await db?.close();
  });

  async function call(
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const r = await app.inject({ method, url, ...(payload ? { payload } : {}), headers });
    const setCookie = r.headers['set-cookie'];
    const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    return {
      status: r.statusCode,
      body: r.body ? (JSON.parse(r.body) as Record<string, unknown>) : {},
      ...(raw ? { setCookie: raw, cookie: raw.split(';')[0] } : {}),
    };
  }

  it('offers registration for an unknown user, registers with the phone code and signs in', async () => {
    const unknown = await call('POST', '/api/v1/auth/login', {
      username: '13900000009',
      password: 'x',
      portal: 'enterprise',
    });
    assert.equal(unknown.status, 404);
    assert.match(String(unknown.body.message), /首次登录点此注册/);

    const bad = await call('POST', '/api/v1/auth/phone-codes', { phone: '1390000000', purpose: 'register' });
    assert.equal(bad.status, 422);
    assert.match(String(bad.body.message), /手机号/);

    const sent = await call('POST', '/api/v1/auth/phone-codes', { phone: '13900000009', purpose: 'register' });
    assert.equal(sent.status, 200);
    const code = String(sent.body.demoCode);
    assert.match(code, /^\d{6}$/);
    const again = await call('POST', '/api/v1/auth/phone-codes', { phone: '13900000009', purpose: 'register' });
    assert.equal(again.status, 429, 'one code a minute');

    const wrong = await call('POST', '/api/v1/auth/register', {
      phone: '13900000009',
      code: code === '000000' ? '111111' : '000000',
      password: 'Abcdefg1',
    });
    assert.equal(wrong.status, 422);
    assert.match(String(wrong.body.message), /验证码不正确/);
    const weak = await call('POST', '/api/v1/auth/register', { phone: '13900000009', code, password: 'short' });
    assert.equal(weak.status, 422);

    const ok = await call('POST', '/api/v1/auth/register', { phone: '13900000009', code, password: 'Abcdefg1' });
    assert.equal(ok.status, 200);
    assert.match(ok.setCookie!, /HttpOnly/);
    assert.match(ok.setCookie!, /SameSite=Lax/);
    const { rows } = await db.query<{ password_hash: string }>(
      `SELECT password_hash FROM accounts WHERE username = '13900000009'`,
    );
    assert.match(rows[0]!.password_hash, /^scrypt\$/);

    const session = await call('GET', '/api/v1/auth/session', undefined, { cookie: ok.cookie! });
    assert.equal((session.body.account as { username: string }).username, '13900000009');
    assert.ok(session.body.csrfToken);
  });

  it('refuses state-changing requests without the CSRF token or from another origin', async () => {
    const login = await call('POST', '/api/v1/auth/login', {
      username: '13800000001',
      password: 'Demo@2020',
      portal: 'enterprise',
    });
    assert.equal(login.status, 200);
    const csrf = String(login.body.csrfToken);
    const payload = { unitName: '聊城市鲁西纺织有限公司' };
    const without = await call('POST', '/api/v1/work-for-training/applications', payload, { cookie: login.cookie! });
    assert.equal(without.status, 403);
    assert.match(String(without.body.message), /安全令牌/);
    const foreign = await call('POST', '/api/v1/work-for-training/applications', payload, {
      cookie: login.cookie!,
      'x-csrf-token': csrf,
      origin: 'https://evil.example',
    });
    assert.equal(foreign.status, 403);
    const withToken = await call('POST', '/api/v1/work-for-training/applications', payload, {
      cookie: login.cookie!,
      'x-csrf-token': csrf,
    });
    assert.equal(withToken.status, 422, 'reaches validation: the form is incomplete');
    assert.ok((withToken.body.issues as unknown[]).length > 3);
  });

  it('locks a user name after 5 wrong passwords and resets the password by phone code', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await call('POST', '/api/v1/auth/login', {
        username: '13900000009',
        password: `Wrong${i}pass`,
        portal: 'enterprise',
      });
      assert.equal(r.status, 401);
    }
    const locked = await call('POST', '/api/v1/auth/login', {
      username: '13900000009',
      password: 'Abcdefg1',
      portal: 'enterprise',
    });
    assert.equal(locked.status, 429);
    assert.match(String(locked.body.message), /锁定/);

    const sent = await call('POST', '/api/v1/auth/phone-codes', { phone: '13900000009', purpose: 'reset' });
    const reset = await call('POST', '/api/v1/auth/password-reset', {
      phone: '13900000009',
      code: String(sent.body.demoCode),
      newPassword: 'Newpass2020',
    });
    assert.equal(reset.status, 200);
    const ok = await call('POST', '/api/v1/auth/login', {
      username: '13900000009',
      password: 'Newpass2020',
      portal: 'enterprise',
    });
    assert.equal(ok.status, 200);
    const out = await call(
      'POST',
      '/api/v1/auth/logout',
      {},
      { cookie: ok.cookie!, 'x-csrf-token': String(ok.body.csrfToken) },
    );
    assert.equal(out.status, 200);
    const after = await call('GET', '/api/v1/auth/session', undefined, { cookie: ok.cookie! });
    assert.equal(after.body.account, null);
  });

  it('signs in the demo officers on their own portal only', async () => {
    const officer = await call('POST', '/api/v1/auth/login', {
      username: 'dongchangfu.county',
      password: 'Demo@2020',
      portal: 'officer',
    });
    assert.equal(officer.status, 200);
    assert.equal((officer.body.account as { role: string }).role, 'county_reviewer');
    const wrongPortal = await call('POST', '/api/v1/auth/login', {
      username: 'dongchangfu.county',
      password: 'Demo@2020',
      portal: 'enterprise',
    });
    assert.equal(wrongPortal.status, 403);
    assert.match(String(wrongPortal.body.message), /经办人员登录/);
  });

  it('publishes the portal routes in the OpenAPI description', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = Object.keys((JSON.parse(r.body) as { paths: Record<string, unknown> }).paths);
    for (const p of [
      '/api/v1/auth/login',
      '/api/v1/auth/register',
      '/api/v1/work-for-training/applications',
      '/api/v1/work-for-training/applications/{id}/persons/roster',
      '/api/v1/work-for-training/applications/{id}/submit',
      '/api/v1/work-for-training/claims',
      '/api/v1/files',
    ]) {
      assert.ok(paths.includes(p), `${p} is documented`);
    }
  });
});
