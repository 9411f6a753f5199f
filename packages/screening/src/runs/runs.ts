/**
 * Screening runs as jobs. One run per programme, region and period (a unique key: starting it
 * again resumes or shows the same run). A run is planned (parameters resolved, chunks = the
 * counties with units), prepared (the cross-region step), screened chunk by chunk — each chunk's
 * findings committed together with its "done" mark, so a crash loses at most the chunk in flight
 * and a restart redoes only that — and its payable findings are handed to the review chain in
 * batches, each finding at most once (a case per finding, opened idempotently).
 *
 * A worker holds a run through a lease it renews at every commit; a run whose worker died (its
 * process is gone, or its lease ran out) is taken over by the next start. Cancelling stops the
 * worker between chunks; starting again continues where it stopped.
 */
import { hostname } from 'node:os';
import type { Database, Queryable } from '@wengang/db';
import { isKnownRegion, isWithin } from '@wengang/kernel';
import { rulesetVersion } from '@wengang/engine';
import { ScreeningError, programmeDefinition } from '../programmes/common';
import { screeningProgramme } from '../programmes/index';
import type { RunInfo, RunParameters } from '../programmes/types';
import { handOverBatch } from './handover';

export type RunStatus = 'pending' | 'running' | 'handover' | 'completed' | 'failed' | 'cancelled';

export interface RunRow extends RunInfo {
  status: RunStatus;
  cancelRequested: boolean;
  rulesetVersion: string;
  chunksTotal: number;
  chunksDone: number;
  unitsTotal: number;
  unitsDone: number;
  found: number;
  foundFen: number;
  handedOver: number;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  error: string | null;
  createdBy: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const runColumns = `id, programme, region_code AS "regionCode", to_char(period_from, 'YYYY-MM-DD') AS "periodFrom",
  to_char(period_until, 'YYYY-MM-DD') AS "periodUntil", to_char(decision_date, 'YYYY-MM-DD') AS "decisionDate", status,
  cancel_requested AS "cancelRequested", parameters, ruleset_version AS "rulesetVersion", chunks_total AS "chunksTotal",
  chunks_done AS "chunksDone", units_total AS "unitsTotal", units_done AS "unitsDone", found, found_fen AS "foundFen",
  handed_over AS "handedOver", lease_owner AS "leaseOwner", lease_until AS "leaseUntil", error, created_by AS "createdBy",
  created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

export async function getRun(q: Queryable, id: string): Promise<RunRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const { rows } = await q.query<RunRow>(`SELECT ${runColumns} FROM screening_runs WHERE id = $1`, [id]);
  return rows[0];
}

export async function listRuns(q: Queryable, limit = 50): Promise<RunRow[]> {
  const { rows } = await q.query<RunRow>(`SELECT ${runColumns} FROM screening_runs ORDER BY created_at DESC LIMIT $1`, [
    limit,
  ]);
  return rows;
}

export interface RunRequest {
  programme: string;
  region: string;
  period: { from: string; until: string };
  /** The rules as known on this date, also the data issue date; default period.until. */
  decisionDate?: string;
  actor?: string;
}

function checkRequest(r: RunRequest): void {
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  if (!isKnownRegion(r.region)) throw new ScreeningError(`行政区划代码 ${r.region} 不在本平台的区划表中`);
  if (!iso.test(r.period.from) || !iso.test(r.period.until) || r.period.until < r.period.from) {
    throw new ScreeningError('期间应为 YYYY-MM-DD 至 YYYY-MM-DD，且结束不早于开始');
  }
  if (r.decisionDate !== undefined && !iso.test(r.decisionDate)) throw new ScreeningError('决定日期应为 YYYY-MM-DD');
}

/**
 * The run for this programme, region and period: created and planned when new, otherwise the
 * existing one (whatever its state). `created` tells which.
 */
export async function createRun(
  db: Database,
  request: RunRequest,
  now = new Date(),
): Promise<{ run: RunRow; created: boolean }> {
  checkRequest(request);
  const screening = screeningProgramme(request.programme);
  const programme = programmeDefinition(request.programme);
  if (!programme.regions.some((root) => isWithin(request.region, root) || isWithin(root, request.region))) {
    throw new ScreeningError(
      `${programme.name}不适用于区划 ${request.region}（适用：${programme.regions.join('、')}）`,
    );
  }
  const existing = await findRun(db, request);
  if (existing) return { run: existing, created: false };

  const decisionDate = request.decisionDate ?? request.period.until;
  const chunks = await planChunks(db, request.region, programme.regions);
  const info = {
    programme: request.programme,
    regionCode: request.region,
    periodFrom: request.period.from,
    periodUntil: request.period.until,
    decisionDate,
  };
  const parameters: RunParameters = await screening.plan(
    db,
    info,
    chunks.map((c) => c.region),
  );
  const id = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO screening_runs (programme, region_code, period_from, period_until, decision_date, status, parameters,
         ruleset_version, chunks_total, units_total, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8, $9, $10, $11)
       ON CONFLICT (programme, region_code, period_from, period_until) DO NOTHING
       RETURNING id`,
      [
        request.programme,
        request.region,
        request.period.from,
        request.period.until,
        decisionDate,
        JSON.stringify(parameters),
        rulesetVersion(programme, decisionDate),
        chunks.length,
        chunks.reduce((s, c) => s + c.units, 0),
        request.actor ?? 'system',
        now,
      ],
    );
    const runId = rows[0]?.id;
    if (!runId) return undefined; // created concurrently
    for (const c of chunks) {
      await tx.query(
        `INSERT INTO screening_run_chunks (run_id, region_code, units, status) VALUES ($1, $2, $3, 'pending')`,
        [runId, c.region, c.units],
      );
    }
    return runId;
  });
  const run = id ? await getRun(db, id) : await findRun(db, request);
  return { run: run!, created: Boolean(id) };
}

async function findRun(q: Queryable, r: RunRequest): Promise<RunRow | undefined> {
  const { rows } = await q.query<RunRow>(
    `SELECT ${runColumns} FROM screening_runs WHERE programme = $1 AND region_code = $2 AND period_from = $3 AND period_until = $4`,
    [r.programme, r.region, r.period.from, r.period.until],
  );
  return rows[0];
}

/** The counties (chunks) with units inside the run region and the programme's regions. */
async function planChunks(
  q: Queryable,
  region: string,
  covered: readonly string[],
): Promise<{ region: string; units: number }[]> {
  const { rows } = await q.query<{ region_code: string; units: number }>(
    'SELECT region_code, count(*)::int AS units FROM insured_units GROUP BY region_code ORDER BY region_code',
  );
  return rows
    .filter((r) => isWithin(r.region_code, region) && covered.some((root) => isWithin(r.region_code, root)))
    .map((r) => ({ region: r.region_code, units: r.units }));
}

export interface Progress {
  runId: string;
  phase: 'prepare' | 'screen' | 'handover' | 'done' | 'cancelled';
  chunksDone: number;
  chunksTotal: number;
  unitsDone: number;
  unitsTotal: number;
  found: number;
  foundFen: number;
  handedOver: number;
  payable: number;
  /** Seconds since this worker started. */
  elapsed: number;
  /** Estimated seconds left in the current phase, from this worker's pace. */
  eta: number | null;
}

export interface WorkOptions {
  /** Identifies this worker in the lease (default host:pid). */
  workerId?: string;
  /** Seconds a lease lasts without renewal. */
  leaseSeconds?: number;
  /** Hand payable findings to the review chain (default true). */
  handover?: boolean;
  /** Chunks screened at once on a server (default 2; PGlite has one connection). */
  concurrency?: number;
  /** Findings per handover transaction. */
  handoverBatch?: number;
  /** Called after each step; awaited (a caller may cancel from here). */
  onProgress?: (p: Progress) => void | Promise<void>;
  /** Test hook: called inside each chunk's transaction after its findings are written, before commit. */
  beforeChunkCommit?: (region: string, index: number) => void | Promise<void>;
  /** Test hook: called inside each handover transaction after its cases are opened, before commit. */
  beforeHandoverCommit?: (batch: number) => void | Promise<void>;
  now?: () => Date;
}

export class RunBusyError extends ScreeningError {
  constructor(readonly run: RunRow) {
    super(`筛查任务正由 ${run.leaseOwner} 执行（租约至 ${run.leaseUntil?.toISOString()}），请稍后查看进度`);
  }
}

const defaultWorker = () => `${hostname()}:${process.pid}`;

/**
 * For the screening transactions on a server: big hash aggregates stay in memory; JIT compilation
 * of the long rule expressions costs seconds per statement and gains nothing at this size.
 */
const SESSION_SETTINGS = "SET LOCAL work_mem = '256MB'; SET LOCAL jit = off";

/** Whether the worker holding a lease is a process on this host that has died. */
function deadLocalWorker(owner: string | null): boolean {
  if (!owner) return true;
  const [host, pid] = owner.split(':');
  if (host !== hostname() || !pid || !/^\d+$/.test(pid)) return false;
  if (Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function acquire(db: Database, run: RunRow, worker: string, leaseSeconds: number, now: Date): Promise<boolean> {
  const takeOver = deadLocalWorker(run.leaseOwner);
  const { rows } = await db.query<{ id: string }>(
    `UPDATE screening_runs SET lease_owner = $2, lease_until = $3, status = CASE WHEN status IN ('failed', 'cancelled') THEN
        (CASE WHEN started_at IS NULL THEN 'pending' WHEN chunks_done < chunks_total THEN 'running' ELSE 'handover' END)
        ELSE status END,
        cancel_requested = false, error = NULL
      WHERE id = $1 AND (lease_owner IS NULL OR lease_owner = $2 OR lease_until < $4 OR $5)
      RETURNING id`,
    [run.id, worker, new Date(now.getTime() + leaseSeconds * 1000), now, takeOver],
  );
  return rows.length === 1;
}

async function release(q: Queryable, runId: string, worker: string): Promise<void> {
  await q.query('UPDATE screening_runs SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2', [
    runId,
    worker,
  ]);
}

/** Asks the worker of a run to stop after its current chunk (or at once when nobody works on it). */
export async function cancelRun(db: Database, runId: string): Promise<RunRow | undefined> {
  await db.query(
    `UPDATE screening_runs SET cancel_requested = CASE WHEN lease_owner IS NULL THEN false ELSE true END,
            status = CASE WHEN lease_owner IS NULL AND status IN ('pending', 'running', 'handover') THEN 'cancelled' ELSE status END
      WHERE id = $1 AND status NOT IN ('completed')`,
    [runId],
  );
  return getRun(db, runId);
}

/**
 * Works on a run until it is completed (or cancelled): prepare, chunks, handover. Safe to call
 * again after a crash or a cancellation: it continues, never repeating committed work.
 */
export async function workOnRun(db: Database, runId: string, options: WorkOptions = {}): Promise<RunRow> {
  const worker = options.workerId ?? defaultWorker();
  const leaseSeconds = options.leaseSeconds ?? 300;
  const clock = options.now ?? (() => new Date());
  let run = await getRun(db, runId);
  if (!run) throw new ScreeningError(`筛查任务 ${runId} 不存在`);
  if (run.status === 'completed') return run;
  if (!(await acquire(db, run, worker, leaseSeconds, clock()))) throw new RunBusyError(run);
  const screening = screeningProgramme(run.programme);
  const started = performance.now();
  const lease = () => new Date(clock().getTime() + leaseSeconds * 1000);
  let unitsAtStart = run.unitsDone;
  let handedAtStart = run.handedOver;
  const report = async (phase: Progress['phase']) => {
    if (!options.onProgress) return;
    const r = (await getRun(db, runId))!;
    const elapsed = (performance.now() - started) / 1000;
    const payable = await countPayable(db, runId);
    let eta: number | null = null;
    if (phase === 'screen' && r.unitsDone > unitsAtStart) {
      eta = (elapsed / (r.unitsDone - unitsAtStart)) * (r.unitsTotal - r.unitsDone);
    } else if (phase === 'handover' && r.handedOver > handedAtStart) {
      eta = (elapsed / (r.handedOver - handedAtStart)) * payable;
    }
    await options.onProgress({
      runId,
      phase,
      chunksDone: r.chunksDone,
      chunksTotal: r.chunksTotal,
      unitsDone: r.unitsDone,
      unitsTotal: r.unitsTotal,
      found: r.found,
      foundFen: r.foundFen,
      handedOver: r.handedOver,
      payable,
      elapsed,
      eta,
    });
  };
  const cancelRequested = async (): Promise<boolean> => {
    const { rows } = await db.query<{ cancel_requested: boolean }>(
      'SELECT cancel_requested FROM screening_runs WHERE id = $1',
      [runId],
    );
    return rows[0]?.cancel_requested === true;
  };
  const stopCancelled = async (): Promise<RunRow> => {
    await db.query(
      `UPDATE screening_runs SET status = 'cancelled', cancel_requested = false, lease_owner = NULL, lease_until = NULL
        WHERE id = $1 AND lease_owner = $2`,
      [runId, worker],
    );
    await report('cancelled');
    return (await getRun(db, runId))!;
  };

  try {
    // Prepare (the cross-region step) once, in the transaction that starts the run.
    if (run.startedAt === null) {
      await report('prepare');
      await db.transaction(async (tx) => {
        if (db.kind === 'postgres') await tx.exec(SESSION_SETTINGS);
        await screening.prepare?.(tx, run!);
        await tx.query(
          `UPDATE screening_runs SET status = 'running', started_at = $2, lease_until = $3 WHERE id = $1`,
          [runId, clock(), lease()],
        );
      });
      run = (await getRun(db, runId))!;
    }

    // Chunks: each in one transaction with its done mark and the run's counters. On a server,
    // several chunks (counties) are screened at once, each claimed with SKIP LOCKED.
    unitsAtStart = run.unitsDone;
    let index = 0;
    const screenNext = (): Promise<boolean> => {
      const t = performance.now();
      return db.transaction(async (tx) => {
        if (db.kind === 'postgres') await tx.exec(SESSION_SETTINGS);
        const { rows } = await tx.query<{ region_code: string; units: number }>(
          `SELECT region_code, units FROM screening_run_chunks WHERE run_id = $1 AND status = 'pending'
            ORDER BY units DESC, region_code LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [runId],
        );
        const chunk = rows[0];
        if (!chunk) return false;
        const { found, fen } = await screening.screenChunk(tx, run!, chunk.region_code);
        await options.beforeChunkCommit?.(chunk.region_code, index++);
        await tx.query(
          `UPDATE screening_run_chunks SET status = 'done', found = $3, found_fen = $4, seconds = $5, finished_at = $6
            WHERE run_id = $1 AND region_code = $2`,
          [runId, chunk.region_code, found, fen, ((performance.now() - t) / 1000).toFixed(3), clock()],
        );
        const { rows: owned } = await tx.query(
          `UPDATE screening_runs SET chunks_done = chunks_done + 1, units_done = units_done + $2, found = found + $3,
                  found_fen = found_fen + $4, lease_until = $5
            WHERE id = $1 AND lease_owner = $6 RETURNING id`,
          [runId, chunk.units, found, fen, lease(), worker],
        );
        if (owned.length === 0) throw new ScreeningError('筛查任务已被其他进程接管，本进程停止');
        return true;
      });
    };
    const chunkWorker = async (): Promise<void> => {
      while (!(await cancelRequested()) && (await screenNext())) await report('screen');
    };
    const workers = db.kind === 'postgres' ? Math.max(1, options.concurrency ?? 2) : 1;
    await Promise.all(Array.from({ length: workers }, chunkWorker));
    if (await cancelRequested()) return await stopCancelled();
    if ((await getRun(db, runId))!.chunksDone < run.chunksTotal) {
      // another worker's chunk is still in flight elsewhere (a takeover race): let the next start finish it
      await release(db, runId, worker);
      return (await getRun(db, runId))!;
    }
    await db.query(`UPDATE screening_runs SET status = 'handover' WHERE id = $1 AND status = 'running'`, [runId]);

    // Handover of payable findings, in batches.
    if (options.handover !== false) {
      run = (await getRun(db, runId))!;
      handedAtStart = run.handedOver;
      for (let batch = 0; ; batch++) {
        if (await cancelRequested()) return await stopCancelled();
        const n = await db.transaction(async (tx) => {
          const handed = await handOverBatch(tx, run!, options.handoverBatch ?? 50, clock());
          await options.beforeHandoverCommit?.(batch);
          await tx.query('UPDATE screening_runs SET handed_over = handed_over + $2, lease_until = $3 WHERE id = $1', [
            runId,
            handed.handedOver,
            lease(),
          ]);
          return handed.processed;
        });
        await report('handover');
        if (n === 0) break;
      }
      await db.query(
        `UPDATE screening_runs SET status = 'completed', finished_at = $2, lease_owner = NULL, lease_until = NULL WHERE id = $1`,
        [runId, clock()],
      );
      await report('done');
    } else {
      await release(db, runId, worker);
    }
    return (await getRun(db, runId))!;
  } catch (error) {
    await db
      .query(
        `UPDATE screening_runs SET status = 'failed', error = $2, lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $3`,
        [runId, error instanceof Error ? error.message : String(error), worker],
      )
      .catch(() => undefined);
    throw error;
  }
}

async function countPayable(q: Queryable, runId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM screening_findings WHERE run_id = $1 AND status = 'payable'`,
    [runId],
  );
  return rows[0]!.n;
}

/** Creates (or finds) the run and works on it to the end. */
export async function screen(db: Database, request: RunRequest, options: WorkOptions = {}): Promise<RunRow> {
  const { run } = await createRun(db, request);
  return workOnRun(db, run.id, options);
}
