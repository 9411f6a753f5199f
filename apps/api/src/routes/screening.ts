/**
 * 免申即享 screening for officers (issue #6): upload data files (line-by-line report), start a
 * screening run for a programme, region and period (a background job; the same request again
 * shows the same run), follow its progress with a time estimate, cancel it, read the findings with
 * the explanation of every condition, the queue of units found but not payable, found vs paid,
 * and the verification tasks opened by suspicious data (confirm, or order a recovery).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import type { Database } from '@wengang/db';
import { isWithin } from '@wengang/kernel';
import { createRecoveryOrder } from '@wengang/ledger';
import { programmes } from '@wengang/policies';
import {
  cancelRun,
  createRun,
  getRun,
  getVerificationTask,
  importFile,
  ImportError,
  LAYOUTS,
  listFindings,
  listRuns,
  listVerificationTasks,
  reevaluateScreeningCase,
  resolveVerificationTask,
  RunBusyError,
  runSummary,
  ScreeningError,
  screeningProgrammes,
  workOnRun,
  type RunRow,
} from '@wengang/screening';
import { registerReevaluator } from '@wengang/workflow';
import type { ServerClock } from '../clock';
import { HttpError } from '../security/session';
import { sessionHook } from '../security/session';
import { ErrorBody, installErrorHandler } from './errors';
import { access, domain, json, officers, principal } from './officer-common';

export interface ScreeningRouteOptions {
  db: Database;
  clock: ServerClock;
  /** The server behind `db`, for COPY-based imports. */
  databaseUrl?: string | undefined;
}

const runners: readonly ('county_reviewer' | 'prefecture_reviewer' | 'policy_admin')[] = [
  'county_reviewer',
  'prefecture_reviewer',
  'policy_admin',
];
const Errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const Cite = z.object({ doc: z.string(), clause: z.string(), file: z.string(), line: z.unknown(), issued: z.string() });

const Run = z.object({
  id: z.string(),
  programme: z.string(),
  programmeName: z.string(),
  regionCode: z.string(),
  periodFrom: z.string(),
  periodUntil: z.string(),
  decisionDate: z.string().describe('决定日期（规则以此日已印发的文件为准；亦为数据下发日期）'),
  status: z.enum(['pending', 'running', 'handover', 'completed', 'failed', 'cancelled']),
  cancelRequested: z.boolean(),
  chunksTotal: z.number(),
  chunksDone: z.number(),
  unitsTotal: z.number(),
  unitsDone: z.number(),
  found: z.number(),
  foundFen: z.number(),
  handedOver: z.number(),
  progress: z.number().describe('0–1'),
  etaSeconds: z.number().nullable().describe('预计剩余秒数（按已完成县（市、区）的速度）'),
  notes: z.array(z.string()),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

const CountFen = z.object({ count: z.number(), fen: z.number() });
const Summary = z.object({
  found: CountFen,
  payable: CountFen,
  queued: z.array(CountFen.extend({ reason: z.string(), label: z.string() })),
  handedOver: CountFen,
  cases: z.array(CountFen.extend({ kind: z.string(), label: z.string() })),
  paid: CountFen,
  chunks: z.array(
    z.object({
      region: z.string(),
      name: z.string(),
      units: z.number(),
      status: z.string(),
      found: z.number(),
      foundFen: z.number(),
      seconds: z.number().nullable(),
    }),
  ),
});

const Finding = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  creditCode: z.string(),
  unitName: z.string(),
  variant: z.string(),
  amountFen: z.number(),
  headcount: z.number(),
  personCount: z.number(),
  status: z.enum(['payable', 'queued', 'handed_over']),
  queueReason: z.string().nullable(),
  queueLabel: z.string().nullable(),
  caseId: z.string().nullable(),
  caseStatusLabel: z.string().nullable(),
  explanation: z.object({
    conditions: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        result: z.enum(['pass', 'fail', 'not_applicable']),
        cite: Cite,
        detail: z.string(),
        personId: z.string().optional(),
      }),
    ),
    formula: z.string(),
    notes: z.array(z.string()),
  }),
});

const Task = z.object({
  id: z.string(),
  issueNo: z.string(),
  seq: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  programme: z.string(),
  personIdMasked: z.string(),
  personName: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  detail: z.string(),
  issuedOn: z.string(),
  caseId: z.string().nullable(),
  caseTitle: z.string().nullable(),
  casePaidFen: z.number().nullable(),
  status: z.enum(['open', 'confirmed', 'recovery_ordered']),
  note: z.string().nullable(),
  recoveryFen: z.number().nullable(),
  recoveryOrderId: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});

/** The run as the API shows it, with progress and a time estimate from the finished chunks. */
async function runView(db: Database, run: RunRow) {
  const { rows } = await db.query<{ units: number; seconds: number }>(
    `SELECT coalesce(sum(units), 0)::int AS units, coalesce(sum(seconds), 0)::float8 AS seconds
       FROM screening_run_chunks WHERE run_id = $1 AND status = 'done'`,
    [run.id],
  );
  const done = rows[0]!;
  const remaining = run.unitsTotal - run.unitsDone;
  const active = run.status === 'running' || run.status === 'pending';
  return {
    ...json(run),
    programmeName: programmes.find((p) => p.id === run.programme)?.name ?? run.programme,
    progress: run.status === 'completed' ? 1 : run.unitsTotal === 0 ? 0 : run.unitsDone / run.unitsTotal,
    etaSeconds: active && done.units > 0 ? Math.round((done.seconds / done.units) * remaining) : null,
    notes: run.parameters.notes,
    startedAt: run.startedAt ? run.startedAt.toISOString() : null,
    finishedAt: run.finishedAt ? run.finishedAt.toISOString() : null,
    createdAt: run.createdAt.toISOString(),
  };
}

/** An officer sees runs of their region, of regions below it, and of the regions above it. */
function visible(run: RunRow, region: string | null): boolean {
  return region !== null && (isWithin(run.regionCode, region) || isWithin(region, run.regionCode));
}

async function screeningDomain<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await domain(fn);
  } catch (error) {
    if (error instanceof RunBusyError) throw new HttpError(409, 'busy', error.message);
    if (error instanceof ScreeningError || error instanceof ImportError)
      throw new HttpError(422, 'invalid', error.message);
    throw error;
  }
}

const screeningApi: FastifyPluginAsyncZod<ScreeningRouteOptions> = async (app, { db, clock, databaseUrl }) => {
  const running = new Map<string, Promise<unknown>>();
  /** Works on a run in the background (one worker per run in this process). */
  const work = (runId: string) => {
    if (running.has(runId)) return;
    const job = workOnRun(db, runId, { now: () => clock.now() })
      .catch((error: Error) => {
        if (!(error instanceof RunBusyError)) app.log.error({ err: error, runId }, 'screening run failed');
      })
      .finally(() => running.delete(runId));
    running.set(runId, job);
  };
  app.addHook('onClose', async () => {
    for (const id of running.keys()) await cancelRun(db, id);
    await Promise.allSettled(running.values());
  });

  app.get(
    '/v1/screening/programmes',
    {
      preValidation: access(app, 'GET', '/v1/screening/programmes', { roles: officers, scope: 'none' }),
      schema: {
        summary: '可数据筛查（免申即享）的补贴项目',
        tags: ['免申即享'],
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              regions: z.array(z.string()),
              periods: z.array(z.object({ from: z.string(), until: z.string(), region: z.string() })),
            }),
          ),
        },
      },
    },
    async () =>
      screeningProgrammes.map((s) => {
        const p = programmes.find((x) => x.id === s.id)!;
        return {
          id: s.id,
          name: p.name,
          regions: p.regions,
          periods: p.periods.map(({ from, until, region }) => ({ from, until, region })),
        };
      }),
  );

  app.get(
    '/v1/screening/sources',
    {
      preValidation: access(app, 'GET', '/v1/screening/sources', { roles: officers, scope: 'none' }),
      schema: {
        summary: '可导入的数据来源及其列',
        tags: ['免申即享'],
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              description: z.string(),
              columns: z.array(z.object({ header: z.string(), code: z.string().nullable(), required: z.boolean() })),
            }),
          ),
        },
      },
    },
    async () =>
      LAYOUTS.map((l) => ({
        id: l.id,
        title: l.title,
        description: l.description,
        columns: l.fields.map((f) => ({ header: f.header, code: f.code ?? null, required: f.required })),
      })),
  );

  app.post(
    '/v1/screening/imports',
    {
      preValidation: access(app, 'POST', '/v1/screening/imports', { roles: runners, scope: 'none' }),
      schema: {
        summary: '导入数据文件（CSV 或 .xlsx）',
        description:
          'multipart/form-data，字段 file；查询参数 source 为数据来源。文件有错误行时默认不导入任何行，返回逐行错误；loadValid=true 时导入其中的正确行。重复导入同一文件不改变数据。',
        tags: ['免申即享'],
        consumes: ['multipart/form-data'],
        querystring: z.object({
          source: z.string(),
          loadValid: z.enum(['true', 'false']).optional(),
          encoding: z.enum(['utf-8', 'gb18030']).optional(),
        }),
        response: {
          200: z.object({
            batchId: z.string(),
            source: z.string(),
            title: z.string(),
            fileName: z.string(),
            status: z.enum(['loaded', 'partial', 'rejected']),
            rowsTotal: z.number(),
            rowsInvalid: z.number(),
            inserted: z.number(),
            updated: z.number(),
            unchanged: z.number(),
            errors: z.array(
              z.object({ line: z.number(), field: z.string(), value: z.string().nullable(), message: z.string() }),
            ),
            ignoredColumns: z.array(z.string()),
            tasksOpened: z.number().optional(),
            seconds: z.number(),
          }),
          ...Errors,
          400: ErrorBody,
        },
      },
    },
    async (request) => {
      const account = principal(request);
      const file = await request.file({ limits: { fileSize: 4 * 1024 ** 3, files: 1 } });
      if (!file) throw new HttpError(400, 'no_file', '请选择要导入的文件');
      const report = await screeningDomain(() =>
        importFile(db, {
          source: request.query.source,
          stream: file.file,
          fileName: file.filename || 'upload.csv',
          loadValid: request.query.loadValid === 'true',
          ...(request.query.encoding ? { encoding: request.query.encoding } : {}),
          actor: account.displayName,
          ...(databaseUrl ? { databaseUrl } : {}),
          now: clock.now(),
        }),
      );
      return { ...report, errors: report.errors.slice(0, 500) };
    },
  );

  app.get(
    '/v1/screening/imports',
    {
      preValidation: access(app, 'GET', '/v1/screening/imports', { roles: officers, scope: 'none' }),
      schema: {
        summary: '最近的数据导入批次',
        tags: ['免申即享'],
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              source: z.string(),
              fileName: z.string(),
              status: z.string(),
              rowsTotal: z.number(),
              rowsInvalid: z.number(),
              inserted: z.number(),
              updated: z.number(),
              unchanged: z.number(),
              actor: z.string(),
              finishedAt: z.string(),
            }),
          ),
        },
      },
    },
    async () => {
      const { rows } = await db.query<Record<string, unknown>>(
        `SELECT id, source, file_name AS "fileName", status, rows_total AS "rowsTotal", rows_invalid AS "rowsInvalid", inserted,
                updated, unchanged, actor, finished_at AS "finishedAt"
           FROM import_batches ORDER BY started_at DESC LIMIT 100`,
      );
      return json(rows) as never;
    },
  );

  app.post(
    '/v1/screening/runs',
    {
      preValidation: access(app, 'POST', '/v1/screening/runs', { roles: runners, scope: 'region' }),
      schema: {
        summary: '开始（或继续）一次数据筛查',
        description:
          '同一项目、区划和期间只有一个筛查任务：重复提交返回同一任务（已中断的继续执行）。任务在后台按县（市、区）分块执行。',
        tags: ['免申即享'],
        body: z.object({
          programme: z.string(),
          region: z.string().regex(/^\d{6}$/),
          period: z.object({ from: z.iso.date(), until: z.iso.date() }),
          decisionDate: z.iso.date().optional(),
        }),
        response: { 200: z.object({ run: Run, created: z.boolean() }), ...Errors },
      },
    },
    async (request) => {
      const account = principal(request);
      if (!account.regionCode || !isWithin(request.body.region, account.regionCode)) {
        throw new HttpError(403, 'forbidden', '只能对本人管辖区域发起筛查');
      }
      const { run, created } = await screeningDomain(() =>
        createRun(db, { ...request.body, actor: account.displayName }, clock.now()),
      );
      if (run.status !== 'completed') work(run.id);
      return { run: await runView(db, (await getRun(db, run.id))!), created };
    },
  );

  app.get(
    '/v1/screening/runs',
    {
      preValidation: access(app, 'GET', '/v1/screening/runs', { roles: officers, scope: 'region' }),
      schema: { summary: '筛查任务列表', tags: ['免申即享'], response: { 200: z.array(Run) } },
    },
    async (request) => {
      const account = principal(request);
      const runs = (await listRuns(db)).filter((r) => visible(r, account.regionCode));
      return Promise.all(runs.map((r) => runView(db, r)));
    },
  );

  const loadRun = async (id: string, region: string | null): Promise<RunRow> => {
    const run = await getRun(db, id);
    if (!run || !visible(run, region)) throw new HttpError(404, 'not_found', '未找到该筛查任务，或不在您的管辖范围内');
    return run;
  };

  app.get(
    '/v1/screening/runs/:id',
    {
      preValidation: access(app, 'GET', '/v1/screening/runs/:id', { roles: officers, scope: 'region' }),
      schema: {
        summary: '筛查任务：进度、预计剩余时间、发现与拨付情况',
        tags: ['免申即享'],
        params: z.object({ id: z.string() }),
        response: { 200: z.object({ run: Run, summary: Summary }), ...Errors },
      },
    },
    async (request) => {
      const run = await loadRun(request.params.id, principal(request).regionCode);
      return { run: await runView(db, run), summary: await runSummary(db, run.id) };
    },
  );

  app.post(
    '/v1/screening/runs/:id/cancel',
    {
      preValidation: access(app, 'POST', '/v1/screening/runs/:id/cancel', { roles: runners, scope: 'region' }),
      schema: {
        summary: '取消筛查任务（完成当前县（市、区）后停止；再次开始可继续）',
        tags: ['免申即享'],
        params: z.object({ id: z.string() }),
        response: { 200: Run, ...Errors },
      },
    },
    async (request) => {
      const run = await loadRun(request.params.id, principal(request).regionCode);
      return runView(db, (await cancelRun(db, run.id))!);
    },
  );

  app.get(
    '/v1/screening/runs/:id/findings',
    {
      preValidation: access(app, 'GET', '/v1/screening/runs/:id/findings', { roles: officers, scope: 'region' }),
      schema: {
        summary: '筛查发现的单位（每项条件的判断、数据与政策依据）',
        tags: ['免申即享'],
        params: z.object({ id: z.string() }),
        querystring: z.object({
          status: z.enum(['payable', 'queued', 'handed_over']).optional(),
          search: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
          offset: z.coerce.number().int().min(0).optional(),
        }),
        response: { 200: z.object({ total: z.number(), rows: z.array(Finding) }), ...Errors },
      },
    },
    async (request) => {
      const account = principal(request);
      const run = await loadRun(request.params.id, account.regionCode);
      const region =
        account.regionCode && isWithin(account.regionCode, run.regionCode) && account.regionCode !== run.regionCode
          ? account.regionCode
          : undefined;
      const { total, rows } = await listFindings(db, run.id, {
        ...request.query,
        ...(region ? { region } : {}),
      });
      return { total, rows: rows.map((r) => ({ ...r, personCount: r.personIds.length })) };
    },
  );

  app.get(
    '/v1/screening/verification-tasks',
    {
      preValidation: access(app, 'GET', '/v1/screening/verification-tasks', { roles: officers, scope: 'region' }),
      schema: {
        summary: '疑点数据核实任务',
        tags: ['免申即享'],
        querystring: z.object({ status: z.enum(['open', 'confirmed', 'recovery_ordered']).optional() }),
        response: { 200: z.array(Task) },
      },
    },
    async (request) => {
      const account = principal(request);
      const { rows } = await db.query<{ code: string }>('SELECT region_scope($1) AS code', [account.regionCode]);
      const regions = rows.map((r) => r.code);
      return json(
        await listVerificationTasks(db, regions.length ? regions : [account.regionCode ?? ''], request.query.status),
      );
    },
  );

  app.post(
    '/v1/screening/verification-tasks/:id/resolve',
    {
      preValidation: access(app, 'POST', '/v1/screening/verification-tasks/:id/resolve', {
        roles: ['county_reviewer', 'prefecture_reviewer', 'finance'],
        scope: 'region',
      }),
      schema: {
        summary: '办结核实任务：核实无误，或下达追回',
        tags: ['免申即享'],
        params: z.object({ id: z.string() }),
        body: z.object({
          outcome: z.enum(['confirmed', 'recovery_ordered']),
          note: z.string().min(1),
          recoveryFen: z.number().int().positive().optional(),
        }),
        response: { 200: Task, ...Errors },
      },
    },
    async (request) => {
      const p = principal(request);
      const task = await getVerificationTask(db, request.params.id);
      if (!task || !p.regionCode || !isWithin(task.regionCode, p.regionCode)) {
        throw new HttpError(404, 'not_found', '未找到该核实任务，或不在您的管辖范围内');
      }
      const body = request.body;
      const now = clock.now();
      const resolved = await screeningDomain(() =>
        db.transaction(async (tx) => {
          let recoveryOrderId: string | undefined;
          if (body.outcome === 'recovery_ordered') {
            if (!task.caseId) throw new HttpError(409, 'no_case', '该疑点未对应到本平台的案件，无法下达追回');
            recoveryOrderId = await createRecoveryOrder(
              tx,
              p,
              {
                caseId: task.caseId,
                reason: `疑点核实（${task.kindLabel}）：${body.note}`,
                amountFen: body.recoveryFen ?? 0,
                method: 'repayment',
              },
              now,
            );
          }
          return resolveVerificationTask(
            tx,
            task.id,
            {
              outcome: body.outcome,
              note: body.note,
              ...(body.recoveryFen ? { recoveryFen: body.recoveryFen } : {}),
              ...(recoveryOrderId ? { recoveryOrderId } : {}),
              actor: p.displayName,
            },
            now,
          );
        }),
      );
      return json(resolved);
    },
  );

  // Runs whose worker died with the previous process continue here.
  const { rows: orphans } = await db.query<{ id: string }>(
    `SELECT id FROM screening_runs WHERE status IN ('pending', 'running', 'handover') AND lease_owner IS NOT NULL`,
  );
  for (const r of orphans) work(r.id);
};

/** The screening API under /api, with its own session handling (as the workbench plugin). */
export const screeningRoutes: FastifyPluginAsync<ScreeningRouteOptions> = async (app, options) => {
  registerReevaluator('screening', reevaluateScreeningCase);
  installErrorHandler(app);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart);
  app.addHook('onRequest', sessionHook(options.db));
  await app.register(screeningApi, options);
};
