/**
 * Complete 以工代训 claim submissions per second on a real PostgreSQL server: each request is
 * POST /api/v1/work-for-training/claims with the unit information, 10 persons from the insured
 * roster and 3 materials, for a distinct enterprise and month — validated, evaluated by the engine,
 * checked against the guide's rules, stored with its persons' month claims, a review case and the
 * audit entries, in one transaction.
 *
 * `npm run bench -- submit [--duration 10] [--connections 20] [--enterprises 1500]`. Uses
 * DATABASE_URL when set (a fresh database is created on that server); otherwise starts a
 * throwaway PostgreSQL server with the machine's initdb/pg_ctl, like scripts/postgres-throwaway.sh
 * (fsync=off, synchronous_commit=off, as the test server: the figure measures the platform, not the disk).
 *
 * Besides claims/s and latency it prints the CPU each claim costs the server, PostgreSQL and the
 * load generator, and from them `cpu_bound_claims_per_second`: the rate the machine's cores would
 * allow at that cost were they never idle — how far concurrency alone could take the figure.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { creditCodeCheckChar, residentIdCheckChar } from '@wengang/kernel';
import { option, report } from './report';
import { clusterCpuMeter, cpuSeconds, ownCpuSeconds } from './support/cpu';
import { startServerProcess } from './support/server';
import { startThrowawayPostgres } from './support/throwaway-postgres';

/** As the test server: the figure measures the platform, not the disk. */
const SETTINGS = ['fsync=off', 'synchronous_commit=off', 'max_connections=200', 'shared_buffers=256MB'];

/** A valid credit code for enterprise n (registered in 临清市 371581). */
function creditCode(n: number): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '';
  for (let v = n, i = 0; i < 9; i++, v = Math.floor(v / 31)) body = alphabet[v % 31] + body;
  const first17 = `91371581${body}`;
  return first17 + creditCodeCheckChar(first17);
}

function residentId(n: number): string {
  const first17 = `371581${1970 + (n % 30)}${String((n % 12) + 1).padStart(2, '0')}${String((n % 27) + 1).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰';
const personName = (n: number) =>
  SURNAMES[n % 20]! + GIVEN[Math.floor(n / 20) % 26]! + GIVEN[Math.floor(n / 520) % 26]!;

const MONTHS = ['2020-04', '2020-05', '2020-06', '2020-07', '2020-08', '2020-09'];

export async function run(args: string[]): Promise<void> {
  const duration = option(args, 'duration', 10);
  const connections = option(args, 'connections', 20);
  const enterprises = option(args, 'enterprises', 1500);
  const persons = 10;
  const given = process.env.DATABASE_URL;
  const server = given ? null : await startThrowawayPostgres(SETTINGS);
  const adminUrl = given ?? server!.url;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const dbName = `wengang_bench_${process.pid}`;
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const app = await startServerProcess({
    DATABASE_URL: url.toString(),
    DEMO_DATA: 'true',
    BUSINESS_DATE: '2020-11-16',
    LOG_LEVEL: 'error',
  });
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  try {
    // Bench data: enterprises with a bound account and session, 10 insured 就业困难人员 each, one stored file.
    const rows = Array.from({ length: enterprises }, (_, i) => ({
      code: creditCode(100000 + i),
      name: `临清市压测物流有限公司第${i + 1}分公司`,
      phone: `137${String(10000000 + i).padStart(8, '0')}`,
      token: `bench-session-${i}`,
      csrf: `bench-csrf-${i}`,
    }));
    await db.query('BEGIN');
    await db.query(
      `INSERT INTO enterprises (credit_code, name, region_code, declared_size) SELECT x.code, x.name, '371581', 'small'
         FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text)`,
      [JSON.stringify(rows)],
    );
    await db.query(
      `INSERT INTO accounts (username, password_hash, display_name, role, enterprise_id)
       SELECT x.phone, 'bench-no-login', x.name || ' 人事', 'enterprise', e.id
         FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, phone text) JOIN enterprises e ON e.credit_code = x.code`,
      [JSON.stringify(rows)],
    );
    await db.query(
      `INSERT INTO sessions (token_hash, account_id, csrf_token, expires_at)
       SELECT x.hash, a.id, x.csrf, now() + interval '1 day'
         FROM jsonb_to_recordset($1::jsonb) AS x(phone text, hash text, csrf text) JOIN accounts a ON a.username = x.phone`,
      [JSON.stringify(rows.map((r) => ({ ...r, hash: createHash('sha256').update(r.token).digest('hex') })))],
    );
    const spells = rows.flatMap((r, i) =>
      Array.from({ length: persons }, (_, k) => ({
        code: r.code,
        id: residentId(i * persons + k),
        name: personName(i * persons + k),
      })),
    );
    await db.query(
      `INSERT INTO insured_employment_spells (region_code, enterprise_id, person_id_number, person_name, person_category, insured_from, employment_registered_on)
       SELECT '371581', e.id, x.id, x.name, '就业困难人员', '2020-03-01', '2020-03-02'
         FROM jsonb_to_recordset($1::jsonb) AS x(code text, id text, name text) JOIN enterprises e ON e.credit_code = x.code`,
      [JSON.stringify(spells)],
    );
    const files = await db.query<{ credit_code: string; id: string }>(
      `INSERT INTO stored_files (enterprise_id, region_code, sha256, size_bytes, media_type, original_name)
       SELECT e.id, '371581', repeat('b', 64), 1000, 'application/pdf', 'scan.pdf' FROM enterprises e WHERE e.name LIKE '临清市压测物流%'
       RETURNING (SELECT credit_code FROM enterprises WHERE id = enterprise_id), id`,
    );
    await db.query('COMMIT');
    const fileOf = new Map(files.rows.map((f) => [f.credit_code, f.id]));
    const bodies = rows.map((r, i) => ({
      unitName: r.name,
      creditCode: r.code,
      bankName: '中国农业银行临清支行',
      bankAccountNo: `6228${String(100000000 + i)}`,
      contactPhone: '0635-7121836',
      declaredSize: 'small',
      industry: 'transport',
      subsidyType: 'absorption',
      regionCode: '371581',
      trainingDescription: '新吸纳就业困难人员在仓储岗位以工代训，师傅带徒，学习叉车与装卸',
      persons: spells.slice(i * persons, (i + 1) * persons).map((s) => ({ idNumber: s.id, name: s.name })),
      materials: ['signed_roster', 'business_licence', 'wage_statement'].map((kind) => ({
        kind,
        fileId: fileOf.get(r.code)!,
      })),
      expectedTotalFen: persons * 50000,
    }));

    // warm-up: the first claims (JIT, caches)
    // Consecutive requests come from different enterprises (as at a filing deadline: many units,
    // each claiming its month); one enterprise's months follow each other `enterprises` requests apart.
    let next = 0;
    const take = () => {
      const k = next++;
      return { e: k % enterprises, month: MONTHS[Math.floor(k / enterprises) % MONTHS.length]! };
    };
    const request = (k: { e: number; month: string }) => ({
      method: 'POST' as const,
      path: '/api/v1/work-for-training/claims',
      headers: {
        'content-type': 'application/json',
        cookie: `wg_session=${rows[k.e]!.token}`,
        'x-csrf-token': rows[k.e]!.csrf,
      },
      body: JSON.stringify({ ...bodies[k.e], subsidyMonth: k.month }),
    });
    for (let i = 0; i < MONTHS.length; i++) {
      const r = request(take());
      const res = await fetch(`${app.url}${r.path}`, { method: 'POST', headers: r.headers, body: r.body });
      if (!res.ok) throw new Error(`warm-up claim failed: ${res.status} ${await res.text()}`);
    }

    // CPU per claim, whatever else runs on the machine: the server process and the database cluster
    // (readable only when the database runs on this machine)
    const { rows: backend } = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const clusterCpu = clusterCpuMeter(backend[0]!.pid);
    const cpuBefore = { server: cpuSeconds(app.child.pid!), postgres: clusterCpu?.() ?? 0 };
    const loadBefore = ownCpuSeconds();
    const result = await autocannon({
      url: app.url,
      connections,
      duration,
      requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, ...request(take()) }) }],
    });
    const cpu = {
      server: cpuSeconds(app.child.pid!) - cpuBefore.server,
      postgres: clusterCpu ? clusterCpu() - cpuBefore.postgres : NaN,
      // this process: autocannon, the load generator, on the same cores
      load: ownCpuSeconds() - loadBefore,
    };
    const { rows: counted } = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM applications WHERE status <> 'draft'`,
    );
    const submitted = Number(counted[0]!.n) - MONTHS.length;
    const database = {
      database: 'postgres',
      settings: server ? SETTINGS.map((x) => `-c ${x}`).join(' ') : 'DATABASE_URL',
      connections,
      personsPerClaim: persons,
    };
    report('submit', 'claims_per_second', submitted / duration, 'claims/s', database);
    report('submit', 'requests_per_second', result.requests.average, 'req/s', database);
    report('submit', 'latency_p50', result.latency.p50, 'ms', database);
    report('submit', 'latency_p99', result.latency.p99, 'ms', database);
    report('submit', 'server_cpu_per_claim', (cpu.server * 1000) / submitted, 'ms', database);
    report('submit', 'load_generator_cpu_per_claim', (cpu.load * 1000) / submitted, 'ms', database);
    if (clusterCpu) {
      report('submit', 'postgres_cpu_per_claim', (cpu.postgres * 1000) / submitted, 'ms', database);
      // What the machine's cores could do at this CPU cost per claim, were they never idle: the
      // ceiling on claims/s for the platform as it is, whatever the concurrency.
      const perClaim = (cpu.server + cpu.postgres + cpu.load) / submitted;
      report('submit', 'cpu_bound_claims_per_second', availableParallelism() / perClaim, 'claims/s', {
        ...database,
        cores: availableParallelism(),
      });
    }
    report('submit', 'errors', result.errors + result.non2xx, 'count', database);
    report('submit', 'claims_stored', submitted, 'count', database);
    if (next >= enterprises * MONTHS.length)
      console.error('# note: ran out of distinct (enterprise, month) pairs; raise --enterprises');
  } finally {
    await db.end();
    await app.stop();
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await cleanup.end();
    server?.stop();
  }
}
