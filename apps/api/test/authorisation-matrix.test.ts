/**
 * The authorisation matrix: every API route (read from the running server's route table, so a new
 * route is covered the day it is added) × every role × own region / other region.
 *
 * - Workbench routes declare who may call them (routes/officer-common.ts `workbenchAccess`); for
 *   them the answer must be exactly: 401 without a session, 403 for another role, never 401/404 or
 *   the route's own 403 for an allowed role on its own region's records, 403/404 (or a 4xx, never
 *   data) on another region's records.
 * - Every route, the portal's included: nothing answers 2xx without a session unless it is public,
 *   and no answer to an account of the other region (Changji) contains anything of Liaocheng's
 *   records (ids, the enterprise, its credit code, persons).
 * A route that is neither a workbench route nor listed below fails the test: declare it.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import {
  allocateFunds,
  createPaymentBatch,
  createRecoveryOrder,
  getPaymentBatch,
  importPaymentResults,
  openFundAccount,
  recordMonitoring,
} from '@wengang/ledger';
import {
  act,
  openCase,
  publishBatch,
  recordObjection,
  registerReevaluator,
  releaseEndedPublicity,
} from '@wengang/workflow';
import { createClock } from '../src/clock';
import { loadConfig } from '../src/config';
import { workbenchAccess } from '../src/routes/officer-common';
import { createSession } from '../src/security/session';
import { buildServer } from '../src/server';
import { claim, seedWorkbench, type Fixture } from '../../../packages/workflow/test/support/workbench';
import { describeEachDatabase } from '../../../test/support/databases';

/** Routes of other parts of the platform: public, or for signed-in users (checked by their own tests). */
const otherRoutes: Record<string, 'public' | 'signed_in'> = {
  'GET /api/health': 'public',
  'GET /api/contacts': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/v1/programmes': 'public',
  'POST /api/v1/evaluate': 'public',
  'GET /api/v1/auth/session': 'public',
  'POST /api/v1/auth/phone-codes': 'public',
  'POST /api/v1/auth/register': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'public',
  'POST /api/v1/auth/password-reset': 'public',
  'GET /api/v1/auth/me': 'signed_in',
  'POST /api/v1/files': 'signed_in',
  'GET /api/v1/files/:id': 'signed_in',
  'GET /api/v1/work-for-training/options': 'public',
  'GET /api/v1/work-for-training/profile': 'signed_in',
  'GET /api/v1/work-for-training/applications': 'signed_in',
  'POST /api/v1/work-for-training/applications': 'signed_in',
  'GET /api/v1/work-for-training/applications/:id': 'signed_in',
  'PUT /api/v1/work-for-training/applications/:id': 'signed_in',
  'DELETE /api/v1/work-for-training/applications/:id': 'signed_in',
  'GET /api/v1/work-for-training/applications/:id/persons': 'signed_in',
  'GET /api/v1/work-for-training/applications/:id/roster-candidates': 'signed_in',
  'POST /api/v1/work-for-training/applications/:id/persons/roster': 'signed_in',
  'POST /api/v1/work-for-training/applications/:id/persons/manual': 'signed_in',
  'POST /api/v1/work-for-training/applications/:id/persons/import': 'signed_in',
  'DELETE /api/v1/work-for-training/applications/:id/persons/:personId': 'signed_in',
  'GET /api/v1/work-for-training/import-template.xlsx': 'public',
  'GET /api/v1/work-for-training/applications/:id/roster.pdf': 'signed_in',
  'GET /api/v1/work-for-training/applications/:id/roster.xlsx': 'signed_in',
  'POST /api/v1/work-for-training/applications/:id/materials': 'signed_in',
  'DELETE /api/v1/work-for-training/applications/:id/materials/:kind/:fileId': 'signed_in',
  'GET /api/v1/work-for-training/applications/:id/checks': 'signed_in',
  'POST /api/v1/work-for-training/applications/:id/submit': 'signed_in',
  'POST /api/v1/work-for-training/claims': 'signed_in',
  'GET /api/v1/work-for-training/training-plans': 'signed_in',
  'POST /api/v1/work-for-training/training-plans': 'signed_in',
  'GET /api/v1/work-for-training/training-plans/pending': 'signed_in',
  'POST /api/v1/work-for-training/training-plans/:id/review': 'signed_in',
};

/** Every route of the server, from its route table (not only those documented in OpenAPI). */
function routesOf(app: FastifyInstance): { method: string; url: string }[] {
  const lines = app.printRoutes({ commonPrefix: false }).split('\n');
  const stack: string[] = [];
  const routes: { method: string; url: string }[] = [];
  for (const line of lines) {
    const m = /^([│├└─\s]*)(\S.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = Math.round(m[1]!.length / 4);
    stack.length = depth;
    stack[depth] = m[2]!;
    const url = stack.join('').replace(/\/{2,}/g, '/');
    for (const method of (m[3] ?? '').split(',').map((x) => x.trim())) {
      if (method && method !== 'HEAD' && url.startsWith('/api/') && !url.startsWith('/api/docs'))
        routes.push({ method, url });
    }
  }
  return routes;
}

const regionA = [
  'dongchangfu.county',
  'liaocheng.city',
  'liaocheng.finance',
  'liaocheng.admin',
  'liaocheng.audit',
  '13800000001',
];
const regionB = [
  'changji.county',
  'changji.prefecture',
  'changji.finance',
  'changji.admin',
  'changji.audit',
  '13900000002',
];

describeEachDatabase('authorisation matrix', (db) => {
  let app: FastifyInstance;
  let f: Fixture;
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  const ids: Record<string, string> = {};
  const clock = createClock({ businessDate: '2020-07-06', adjustable: true });
  let unhook: (() => void) | undefined;

  before(async () => {
    f = await seedWorkbench(db());
    app = await buildServer({ config: { ...loadConfig({ TEST_CLOCK: 'true' }), logLevel: 'silent' }, db: db(), clock });
    await app.ready();
    // the fixtures are screening findings; their data "as it stands" is what was stored
    unhook = registerReevaluator('screening', async (_tx, c) => ({ decision: c.decision! }));
    for (const username of [...regionA, ...regionB]) await signIn(username);
    // Liaocheng's records at every stage
    const county = f.p['dongchangfu.county']!;
    const now = () => clock.now();
    const tx = <T>(fn: Parameters<ReturnType<typeof db>['transaction']>[0]) => db().transaction(fn) as Promise<T>;
    const fund = await tx<string>((t) =>
      openFundAccount(
        t,
        f.p['liaocheng.admin']!,
        { regionCode: '371500', fund: 'skills_account', initialScaleFen: 1_000_000 },
        now(),
      ),
    );
    ids.fund = fund;
    await tx((t) =>
      allocateFunds(
        t,
        f.p['liaocheng.finance']!,
        { accountId: fund, amountFen: 10_000_000, description: '专账' },
        now(),
      ),
    );
    const ui = await tx<string>((t) =>
      openFundAccount(t, f.p['liaocheng.admin']!, { regionCode: '371500', fund: 'unemployment_insurance' }, now()),
    );
    ids.uiFund = ui;
    const open = async (name: string, extra: Parameters<typeof claim>[1]) => {
      const c = await tx<{ id: string }>((t) => openCase(t, claim(f, { source: 'screening', ...extra }), now()));
      ids[name] = c.id;
      return c.id;
    };
    await open('review', { regionCode: '371502' });
    await open('confirm', {
      regionCode: '371502',
      programme: 'stable-post-refund',
      variant: 'general',
      source: 'screening',
      claimMonth: null,
    });
    for (const name of ['pending', 'listed', 'objected', 'paid']) {
      await open(name, { regionCode: '371502' });
      await tx((t) => act(t, county, ids[name]!, 'approve', {}, now()));
    }
    const pub = await tx<{ id: string }>((t) =>
      publishBatch(t, county, { caseIds: [ids.listed!, ids.objected!, ids.paid!] }, now()),
    );
    ids.publicity = pub.id;
    const objection = await tx<{ id: string }>((t) =>
      recordObjection(t, county, pub.id, { caseId: ids.objected!, objector: '来信', content: '未开展培训' }, now()),
    );
    ids.objection = objection.id;
    await tx((t) => releaseEndedPublicity(t, new Date(now().getTime() + 10 * 86_400_000)));
    const batch = await tx<{ batch: { id: string } }>((t) =>
      createPaymentBatch(t, f.p['liaocheng.finance']!, { fund: 'skills_account', caseIds: [ids.paid!] }, now()),
    );
    ids.payment = batch.batch.id;
    const line = (await getPaymentBatch(db(), f.p['liaocheng.finance']!, batch.batch.id)).lines[0]!;
    ids.line = line.id;
    await tx((t) =>
      importPaymentResults(
        t,
        f.p['liaocheng.finance']!,
        batch.batch.id,
        [{ lineId: line.id, outcome: 'paid', reason: null, paidOn: '2020-07-07', bankRef: null }],
        now(),
      ),
    );
    ids.recovery = await tx<string>((t) =>
      createRecoveryOrder(
        t,
        county,
        { caseId: ids.paid!, reason: '核查', amountFen: 10000, method: 'repayment' },
        now(),
      ),
    );
    await tx((t) =>
      recordMonitoring(
        t,
        f.p['liaocheng.admin']!,
        { accountId: ui, month: '2020-06', avgMonthlyExpenditureFen: 1000 },
        now(),
      ),
    );
  });
  after(async () => {
    unhook?.();
    await app?.close();
  });

  async function signIn(username: string) {
    const s = await createSession(db(), f.p[username]!.id);
    sessions.set(username, { cookie: `wg_session=${s.token}`, csrf: s.csrfToken });
  }

  /** Liaocheng's records: none may show up in an answer to a Changji account. */
  const markers = () => [...Object.values(ids), '聊城市鲁西纺织有限公司', '91371502MA3C4XK2Q5', '371502199001011234'];

  /** A Liaocheng record for the route's `:id`, or undefined when the matrix has none (yet). */
  const fixtureFor = (url: string): string | undefined => {
    if (url.includes('/publicity/:id')) return ids.publicity!;
    if (url.includes('/objections/:id')) return ids.objection!;
    if (url.includes('/payments/:id')) return ids.payment!;
    if (url.includes('/recoveries/:id')) return ids.recovery!;
    if (url.includes('/funds/:id')) return ids.fund!;
    if (url.includes('/my/cases/:id')) return ids.confirm!;
    if (url.includes('/officer/cases/:id')) return ids.review!;
    return undefined;
  };
  const paramFor = (url: string) => fixtureFor(url) ?? '00000000-0000-4000-8000-000000000000';

  const bodyFor = (key: string): unknown => {
    const csv = `付款参考号,结果,失败原因,到账日期\r\n${ids.line},成功,,2020-07-07\r\n`;
    const bodies: Record<string, unknown> = {
      'POST /api/v1/officer/cases/:id/actions': { action: 'approve' },
      'POST /api/v1/officer/cases/batch-approve': { ids: [ids.review, ids.pending] },
      'POST /api/v1/officer/cases/:id/persons/unmasked': { purpose: '授权测试' },
      'POST /api/v1/officer/cases/:id/settlement': { action: 'settle' },
      'POST /api/v1/my/cases/:id/actions': { action: 'confirm' },
      'POST /api/v1/officer/publicity': { caseIds: [ids.pending], periodWorkingDays: 5 },
      'POST /api/v1/officer/publicity/:id/objections': {
        caseId: ids.listed,
        objector: '测试',
        content: '授权测试异议',
      },
      'POST /api/v1/officer/objections/:id/resolution': { resolution: '异议不成立' },
      'POST /api/v1/officer/funds': { regionCode: '371502', fund: 'employment_subsidy' },
      'POST /api/v1/officer/funds/:id/allocations': { amountFen: 100, description: '授权测试' },
      'POST /api/v1/officer/funds/:id/monitoring': { month: '2020-06', avgMonthlyExpenditureFen: 1000 },
      'POST /api/v1/officer/payments': { fund: 'skills_account', caseIds: [ids.listed] },
      'POST /api/v1/officer/payments/:id/results': {
        fileName: 'r.csv',
        contentBase64: Buffer.from(csv).toString('base64'),
      },
      'POST /api/v1/officer/recoveries': { caseId: ids.paid, reason: '授权测试', amountFen: 100, method: 'repayment' },
      'POST /api/v1/officer/recoveries/:id/repayments': { amountFen: 100 },
      'POST /api/v1/test/clock': { advanceDays: 0 },
    };
    return bodies[key] ?? {};
  };

  async function call(method: string, url: string, key: string, who: string | null) {
    const s = who ? sessions.get(who)! : null;
    const response = await app.inject({
      method: method as 'GET',
      url:
        url.replace(/:(\w+)/g, (_, name: string) => (name === 'id' ? paramFor(key) : 'x')) +
        (key === 'GET /api/v1/officer/payments/payable' ? '?fund=skills_account' : ''),
      headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}) },
      ...(method === 'GET' || method === 'DELETE' ? {} : { payload: bodyFor(key) as object }),
    });
    // signing out ends the session the rest of the matrix uses
    if (who && key === 'POST /api/v1/auth/logout') await signIn(who);
    return response;
  }

  it('knows every route: each is a declared workbench route or listed as another part’s', () => {
    const undeclared = routesOf(app)
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !workbenchAccess.has(key) && !(key in otherRoutes));
    assert.deepEqual(undeclared, [], 'declare the access of these routes');
    assert.ok(workbenchAccess.size >= 35);
  });

  it('answers every route × role × own / other region as declared', async (t) => {
    const problems: string[] = [];
    const uncovered = new Set<string>();
    const routes = routesOf(app);
    for (const { method, url } of routes) {
      const key = `${method} ${url}`;
      const declared = workbenchAccess.get(key);
      const other = otherRoutes[key];
      const isPublic = declared ? declared.roles === 'public' : other === 'public';
      // a route on a record the matrix has no Liaocheng fixture for: its own-region answer is
      // 404 by construction, and the other-region check proves less (still: never data)
      const fixture = !url.includes(':id') || fixtureFor(url) !== undefined;
      if (!fixture && declared && !isPublic) uncovered.add(key);
      // without a session
      const anon = await call(method, url, key, null);
      if (!isPublic && anon.statusCode < 300) problems.push(`${key} anonymous: ${anon.statusCode}`);
      if (declared && !isPublic && anon.statusCode !== 401)
        problems.push(`${key} anonymous: ${anon.statusCode}, expected 401`);
      for (const [side, users] of [
        ['own', regionA],
        ['other', regionB],
      ] as const) {
        for (const who of users) {
          const role = f.p[who]!.role;
          const r = await call(method, url, key, who);
          const text = r.body;
          if (side === 'other' && !isPublic) {
            // echoing what the caller itself sent (batch approval's per-id results) is no leak
            const sent = JSON.stringify(bodyFor(key));
            const leaked = markers().filter((m) => text.includes(m) && !sent.includes(m));
            if (leaked.length) problems.push(`${key} ${who}: answer contains Liaocheng's ${leaked.join(', ')}`);
          }
          if (!declared || declared.roles === 'public') continue;
          const allowed = declared.roles.includes(role);
          if (!allowed) {
            if (r.statusCode !== 403)
              problems.push(`${key} ${who} (${role}, not allowed): ${r.statusCode}, expected 403`);
            continue;
          }
          if (side === 'own') {
            const routeRefusal = r.statusCode === 403 && /无权使用此功能/.test(text);
            if (r.statusCode === 401 || (r.statusCode === 404 && fixture) || routeRefusal) {
              problems.push(`${key} ${who} (own region): ${r.statusCode} ${text.slice(0, 120)}`);
            }
          } else if (url.includes(':id')) {
            if (!fixture ? r.statusCode < 400 : ![403, 404].includes(r.statusCode))
              problems.push(`${key} ${who} (other region record): ${r.statusCode}, expected 403/404`);
          } else if (method !== 'GET' && r.statusCode < 300) {
            // a write naming Liaocheng's records: refused, or (batch approval) nothing done
            const done = key.endsWith('batch-approve')
              ? (r.json() as { results: { ok: boolean }[] }).results.some((x) => x.ok)
              : true;
            if (done) problems.push(`${key} ${who} (other region write): ${r.statusCode} ${text.slice(0, 120)}`);
          }
        }
      }
    }
    if (uncovered.size)
      t.diagnostic(`no Liaocheng record fixture (own-region answer not checked): ${[...uncovered].join('; ')}`);
    assert.deepEqual(problems, []);
  });
});
