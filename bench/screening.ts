/**
 * 免申即享 at scale on a real PostgreSQL server: generate a synthetic population (N units, M
 * insured persons, in 聊城's counties so that all three programmes screen all of it), import its
 * files through the same path as operators (validation, then COPY straight into the tables or
 * staging + merge), then screen 稳岗返还,
 * 一次性留工培训补助 and 一次性扩岗补助 set-wise. Prints import rows/s (per file and overall),
 * seconds per screening and in total, and peak memory of this process and of the server.
 *
 *   npm run bench -- screening --enterprises 100000 --persons 1000000 [--seed 2022] [--keep] [--wal replica]
 *
 * Uses DATABASE_URL when set (a database that is emptied of screening data first), otherwise a
 * throwaway server started like scripts/postgres-throwaway.sh, with the settings printed. The
 * throwaway server is set up for bulk loading as the PostgreSQL manual advises ("Populating a
 * Database": wal_level=minimal, no WAL senders), so that a file copied into a table emptied in the
 * same transaction, and the indexes built after it, write no WAL; `--wal replica` starts it with the
 * default WAL level instead (what a server with streaming replication or WAL archiving needs). The
 * WAL level of the server is printed with the import rate either way.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase, type Database } from '@wengang/db';
import {
  ensureRegions,
  generateFiles,
  handOverBatch,
  IMPORT_ORDER,
  importFiles,
  recordFundPositions,
  screen,
  type RunRequest,
} from '@wengang/screening';
import { option, report, textOption } from './report';
import { clusterCpuMeter, ownCpuSeconds } from './support/cpu';
import { startThrowawayPostgres } from './support/throwaway-postgres';

/** Settings of the throwaway server; the WAL settings are added by `walSettings`. */
const SETTINGS = [
  'fsync=off',
  'synchronous_commit=off',
  'shared_buffers=2GB',
  'work_mem=256MB',
  'maintenance_work_mem=1GB',
  'max_wal_size=16GB',
  'checkpoint_timeout=30min',
  'max_parallel_workers_per_gather=2',
];

function walSettings(level: string): string[] {
  if (level === 'minimal') return ['wal_level=minimal', 'max_wal_senders=0'];
  if (level === 'replica') return ['wal_level=replica'];
  throw new Error(`--wal must be minimal or replica, not ${level}`);
}

/** The server's resident memory (its processes' RSS summed), in MB, when it runs on this machine. */
function serverRssMb(): number | undefined {
  const out = spawnSync('sh', ['-c', "ps -C postgres -o rss= | awk '{s+=$1} END {print s}'"]).stdout?.toString().trim();
  const kb = Number(out);
  return Number.isFinite(kb) && kb > 0 ? kb / 1024 : undefined;
}

const SCREENINGS: (RunRequest & { label: string })[] = [
  {
    label: 'stable-post-refund',
    programme: 'stable-post-refund',
    region: '371500',
    period: { from: '2020-01-01', until: '2020-12-31' },
    decisionDate: '2020-07-01',
  },
  {
    label: 'retention-training',
    programme: 'retention-training',
    region: '371500',
    period: { from: '2022-01-01', until: '2022-12-31' },
    decisionDate: '2022-09-15',
  },
  {
    label: 'job-expansion',
    programme: 'job-expansion',
    region: '371500',
    period: { from: '2022-01-01', until: '2022-12-31' },
    decisionDate: '2023-01-10',
  },
];

async function emptyScreeningData(db: Database): Promise<void> {
  await db.exec(`TRUNCATE insured_units, ui_spells, ui_unit_contributions, employment_registrations, graduates, epidemic_events,
    tax_monthly_indicators, unit_annual_accounts, person_registers, ui_benefit_standards, benefit_records, import_errors,
    import_batches, screening_runs, screening_run_chunks, screening_findings, screening_graduate_assignments,
    suspicious_records, verification_tasks`);
}

export async function run(args: string[]): Promise<void> {
  const enterprises = option(args, 'enterprises', 100_000);
  const persons = option(args, 'persons', 1_000_000);
  const seed = option(args, 'seed', 2022);
  const keep = args.includes('--keep');
  const settings = [...SETTINGS, ...walSettings(textOption(args, 'wal', 'minimal'))];
  const extra = { enterprises, persons };
  let peakRss = process.memoryUsage().rss;
  let peakServer = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    peakServer = Math.max(peakServer, serverRssMb() ?? 0);
  }, 500);

  const server = process.env.DATABASE_URL ? undefined : await startThrowawayPostgres(settings);
  const url = process.env.DATABASE_URL ?? server!.url;
  if (server) console.error(`# throwaway PostgreSQL server: ${settings.join(' ')}`);
  const dir = mkdtempSync(join(tmpdir(), 'wengang-bench-files-'));
  let db: Database | undefined;
  try {
    let t = performance.now();
    const generated = generateFiles({ enterprises, persons, seed }, dir);
    const bytes = generated.files.reduce((s, f) => s + statSync(f).size, 0);
    report('screening', 'generate_seconds', (performance.now() - t) / 1000, 's', {
      ...extra,
      megabytes: Math.round(bytes / 1e6),
    });

    db = await openDatabase({ databaseUrl: url, maxConnections: 4 });
    await migrate(db);
    await emptyScreeningData(db);
    await ensureRegions(db);
    await recordFundPositions(db, generated.fund);

    let rows = 0;
    const { rows: backend } = await db.query<{ pid: number; wal_level: string; lsn: string }>(
      "SELECT pg_backend_pid() AS pid, current_setting('wal_level') AS wal_level, pg_current_wal_lsn()::text AS lsn",
    );
    const clusterCpu = clusterCpuMeter(backend[0]!.pid);
    const cpuBefore = { node: ownCpuSeconds(), postgres: clusterCpu?.() ?? 0 };
    const importStart = performance.now();
    const files = IMPORT_ORDER.map((source) => ({ source, path: join(dir, `${source}.csv`) })).filter((f) =>
      existsSync(f.path),
    );
    // the operators' path: units first, then two files at a time (importFiles)
    await importFiles(db, files, {
      databaseUrl: url,
      actor: 'bench',
      today: '2023-06-30',
      onReport: (r) => {
        if (r.status !== 'loaded')
          throw new Error(`${r.source}: ${r.rowsInvalid} bad rows, e.g. ${JSON.stringify(r.errors[0])}`);
        rows += r.rowsTotal;
        const phases = Object.fromEntries(
          Object.entries(r.phases).map(([k, v]) => [`${k}_s`, Math.round(v * 10) / 10]),
        );
        report('screening', `import_${r.source}_rows_per_second`, r.rowsTotal / r.seconds, 'rows/s', {
          ...extra,
          rows: r.rowsTotal,
          seconds: Math.round(r.seconds * 10) / 10,
          via: r.via,
          loaded: 'two files at once after the units: per-file rates share the machine',
          ...phases,
        });
      },
    });
    const importSeconds = (performance.now() - importStart) / 1000;
    const nodeCpu = ownCpuSeconds() - cpuBefore.node;
    const postgresCpu = clusterCpu ? clusterCpu() - cpuBefore.postgres : undefined;
    const { rows: wal } = await db.query<{ bytes: string }>(
      'SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::bigint::text AS bytes',
      [backend[0]!.lsn],
    );
    report('screening', 'import_rows_per_second', rows / importSeconds, 'rows/s', {
      ...extra,
      rows,
      seconds: Math.round(importSeconds),
      wal_level: backend[0]!.wal_level,
      wal_mb: Math.round(Number(wal[0]!.bytes) / 1e6),
      node_cpu_s: Math.round(nodeCpu * 10) / 10,
      ...(postgresCpu !== undefined ? { postgres_cpu_s: Math.round(postgresCpu * 10) / 10 } : {}),
    });
    if (postgresCpu !== undefined) {
      // the rate the cores would allow at this CPU cost were they never idle
      report(
        'screening',
        'import_cpu_bound_rows_per_second',
        (rows * availableParallelism()) / (nodeCpu + postgresCpu),
        'rows/s',
        {
          ...extra,
          cores: availableParallelism(),
        },
      );
    }
    t = performance.now();
    await db.exec('ANALYZE');
    report('screening', 'analyze_seconds', (performance.now() - t) / 1000, 's', extra);

    let total = 0;
    for (const s of SCREENINGS) {
      t = performance.now();
      const result = await screen(db, s, { handover: false });
      const seconds = (performance.now() - t) / 1000;
      total += seconds;
      report('screening', `screen_${s.label}_seconds`, seconds, 's', {
        ...extra,
        found: result.found,
        chunks: result.chunksTotal,
      });
    }
    report('screening', 'screen_all_seconds', total, 's', extra);

    // Handing findings to review (engine re-decision + openCase per finding): a sample of batches.
    const run = await screen(db, SCREENINGS[2]!, { handover: false });
    t = performance.now();
    let handed = 0;
    for (let i = 0; i < 10; i++) {
      const n = await db.transaction((tx) => handOverBatch(tx, run, 50, new Date()));
      handed += n.handedOver;
      if (n.processed === 0) break;
    }
    report('screening', 'handover_cases_per_second', handed / ((performance.now() - t) / 1000), 'cases/s', {
      ...extra,
      cases: handed,
    });
  } finally {
    clearInterval(sampler);
    report('screening', 'peak_rss_node', peakRss / 1024 / 1024, 'MB', extra);
    if (peakServer) report('screening', 'peak_rss_postgres', peakServer, 'MB', extra);
    await db?.close();
    if (!keep) rmSync(dir, { recursive: true, force: true });
    server?.stop();
  }
}
