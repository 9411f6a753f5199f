/**
 * The rules-as-code contract through both interfaces: POST /api/v1/evaluate and
 * `npx wengang evaluate|programmes|check`. Same input, same output; bad input names the field.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { evaluate, type EvaluationRequest } from '@wengang/engine';
import { programmes, registry } from '@wengang/policies';
import { loadConfig } from '../src/config';
import { buildServer } from '../src/server';
import { freshEmbeddedDatabase } from '../../../test/support/databases';
import type { Database } from '@wengang/db';

const root = new URL('../../../', import.meta.url).pathname;
const workedExample = JSON.parse(
  readFileSync(join(root, 'policies/work-for-training/cases/sd-03-readme-worked-example.json'), 'utf8'),
) as { request: EvaluationRequest };
const request = workedExample.request;

function wengang(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [join(root, 'apps/api/bin/wengang.js'), ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('POST /api/v1/evaluate and GET /api/v1/programmes', () => {
  let db: Database;
  let app: FastifyInstance;
  before(async () => {
    db = await freshEmbeddedDatabase();
    app = await buildServer({ config: { ...loadConfig({}), logLevel: 'silent' }, db });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('gives the engine decision, byte for byte', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/evaluate', payload: request });
    assert.equal(response.statusCode, 200);
    assert.equal(response.body, JSON.stringify(evaluate(registry, request)));
    const decision = response.json();
    assert.equal(decision.eligible, 'yes');
    assert.equal(decision.amountFen, 100000);
    for (const c of decision.conditions) assert.ok(c.cite.doc && c.cite.file && c.cite.line, `${c.id} is cited`);
  });

  it('decides as of today (Asia/Shanghai) when no decisionDate is given', async () => {
    const { decisionDate: _omit, ...rest } = request;
    const response = await app.inject({ method: 'POST', url: '/api/v1/evaluate', payload: rest });
    assert.equal(response.statusCode, 200);
    assert.match(response.json().decisionDate, /^\d{4}-\d{2}-\d{2}$/);
  });

  const bad: [string, unknown, RegExp][] = [
    ['a missing region', { ...request, region: undefined }, /^region$/],
    ['an unknown programme', { ...request, programme: 'no-such-thing' }, /^programme$/],
    ['a region outside the programme', { ...request, region: '110101' }, /^region$/],
    [
      'a bad fact',
      { ...request, facts: { ...(request.facts as object), subsidyType: 'free-money' } },
      /^facts\.subsidyType$/,
    ],
    ['a non-object body', [1, 2, 3], /^$/],
  ];
  for (const [what, payload, path] of bad) {
    it(`answers ${what} with 400 and a Chinese field error`, async () => {
      const response = await app.inject({ method: 'POST', url: '/api/v1/evaluate', payload: payload as object });
      assert.equal(response.statusCode, 400);
      const body = response.json();
      assert.ok(
        body.issues.some((i: { path: string }) => path.test(i.path)),
        JSON.stringify(body.issues),
      );
      assert.match(body.message, /[\u4e00-\u9fff]/);
    });
  }

  it('answers malformed JSON with 400, never 500', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/evaluate',
      headers: { 'content-type': 'application/json' },
      payload: '{"programme": ',
    });
    assert.equal(response.statusCode, 400);
  });

  it('lists every programme with its facts JSON Schema', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/programmes' });
    const body = response.json();
    assert.equal(body.contractVersion, '1');
    assert.deepEqual(body.programmes.map((p: { id: string }) => p.id).sort(), programmes.map((p) => p.id).sort());
    for (const p of body.programmes) {
      assert.equal(p.factsSchema.type, 'object', `${p.id} publishes a JSON Schema`);
      assert.ok(p.periods.length > 0 && p.regions.length > 0);
    }
  });
});

describe('npx wengang evaluate | programmes | check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wengang-cli-'));

  it('evaluate --input FILE prints the same decision', () => {
    const file = join(dir, 'request.json');
    writeFileSync(file, JSON.stringify(request));
    const run = wengang(['evaluate', '--input', file]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), evaluate(registry, request));
  });

  it('evaluate reads standard input and explains in Chinese with --explain', () => {
    const run = wengang(['evaluate', '--explain'], JSON.stringify(request));
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /鲁人社函〔2020〕78号/);
    assert.match(run.stdout, /1000\.00/);
  });

  it('evaluate exits non-zero with a message naming the field', () => {
    const run = wengang(['evaluate'], JSON.stringify({ ...request, period: { from: '2020-07-01', until: 'soon' } }));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /period\.until/);
  });

  it('evaluate given a rules case file says to pass its request', () => {
    const run = wengang(['evaluate'], JSON.stringify({ request, expected: { eligible: 'yes' } }));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /programme：补贴项目（programme）必填，应为项目编号，如 work-for-training/);
    assert.match(run.stderr, /规则用例文件.*请传入其中的 request 部分/);
  });

  it('programmes --json lists every programme', () => {
    const run = wengang(['programmes', '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).length, programmes.length);
  });

  it('check uscc refuses the guide sample 9137072459034830XB, naming the wrong character', () => {
    const run = wengang(['check', 'uscc', '9137072459034830XB']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /校验位/);
    assert.match(run.stderr, /“B”/);
    assert.equal(wengang(['check', 'uscc', '91350100M000100Y43']).code, 0);
  });

  it('check idcard and check size', () => {
    assert.equal(wengang(['check', 'idcard', '11010519491231002X']).code, 0);
    const bad = wengang(['check', 'idcard', '110105194912310021']);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /校验码/);
    const size = wengang([
      'check',
      'size',
      '--industry',
      'industry',
      '--employees',
      '150',
      '--revenue',
      '50000000',
      '--declared',
      'medium',
    ]);
    assert.equal(size.code, 1);
    assert.match(size.stdout, /小型/);
  });
});
