import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config';
import { seedDemoData } from '../src/demo/seed';
import { buildServer } from '../src/server';
import { describeEachDatabase } from '../../../test/support/databases';

describeEachDatabase('API basics', (db, kind) => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildServer({ config: { ...loadConfig({}), logLevel: 'silent' }, db: db() });
  });
  after(() => app.close());

  it('GET /api/health answers ok with the database kind and version', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.deepEqual(Object.keys(body).sort(), ['database', 'status', 'version']);
    assert.equal(body.status, 'ok');
    assert.equal(body.database, kind);
    assert.match(body.version, /^\d+\.\d+\.\d+/);
  });

  it('serves the OpenAPI description', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200);
    const spec = response.json();
    assert.match(spec.openapi, /^3\./);
    assert.ok(spec.paths['/api/health']);
  });

  it('answers unknown API paths with a JSON 404 in Chinese', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nope' });
    assert.equal(response.statusCode, 404);
    assert.match(response.json().message, /未找到/);
  });

  it('seeds the demo data: regions, contact directory, accounts', async () => {
    const accounts = await seedDemoData(db());
    assert.ok(accounts.some((a) => a.role === 'county_reviewer'));
    assert.ok(accounts.some((a) => a.role === 'prefecture_reviewer'));
    const regions = await db().query<{ code: string; name: string }>(
      `SELECT code, name FROM regions WHERE code IN ('370000', '371500', '370702', '650000', '652300')`,
    );
    assert.deepEqual(Object.fromEntries(regions.rows.map((r) => [r.code, r.name])), {
      '370000': '山东省',
      '370702': '潍城区',
      '371500': '聊城市',
      '650000': '新疆维吾尔自治区',
      '652300': '昌吉回族自治州',
    });
    const contacts = await app.inject({ method: 'GET', url: '/api/contacts' });
    assert.equal(contacts.json().items.length, 24);
  });
});
