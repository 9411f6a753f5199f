/**
 * 公示: lists per region and batch, the public page (masked), objections that reopen a case.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '@wengang/db';
import {
  DEFAULT_PUBLICITY_WORKING_DAYS,
  getPublicityBatch,
  listPublicityBatches,
  pendingPublicity,
  publicPublicity,
  publishBatch,
  recordObjection,
  releaseEndedPublicity,
  resolveObjection,
} from '@wengang/workflow';
import type { ServerClock } from '../clock';
import { ErrorBody } from './errors';
import { access, domain, json, officers, principal, reviewers } from './officer-common';

const Errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const Id = z.object({ id: z.uuid() });

const Item = z.object({
  caseId: z.string(),
  regionCode: z.string(),
  enterpriseName: z.string().describe('单位名称'),
  programmeName: z.string().describe('补贴项目'),
  headcount: z.number().describe('补贴人数'),
  amountFen: z.number().describe('补贴金额（分）'),
  persons: z.array(z.object({ name: z.string(), id: z.string() })).describe('人员（姓名、身份证号均已隐藏部分字段）'),
  outcome: z.enum(['listed', 'released', 'withdrawn']),
});
const Objection = z.object({
  id: z.string(),
  caseId: z.string(),
  receivedOn: z.string(),
  objector: z.string(),
  content: z.string(),
  status: z.enum(['open', 'resolved']),
  resolution: z.string().nullable(),
});
const BatchHead = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  title: z.string(),
  periodWorkingDays: z.number(),
  publishedOn: z.string(),
  endsOn: z.string().describe('公示期最后一个工作日'),
  status: z.enum(['open', 'closed']),
  createdByName: z.string(),
});
const Batch = BatchHead.extend({ items: z.array(Item), objections: z.array(Objection) });

export const officerPublicityRoutes: FastifyPluginAsyncZod<{ db: Database; clock: ServerClock }> = async (
  app,
  { db, clock },
) => {
  app.get(
    '/v1/public/publicity',
    {
      preValidation: access(app, 'GET', '/v1/public/publicity', { roles: 'public', scope: 'none' }),
      schema: {
        summary: '公示栏：补贴资金公示名单（个人信息已隐藏部分字段）',
        description:
          '鲁人社字〔2020〕55号 第十四条：公示时间不少于5个工作日，内容包括单位或人员名单（含隐藏部分字段的身份证号）、补贴金额。',
        tags: ['public'],
        response: { 200: z.object({ items: z.array(Batch) }) },
      },
    },
    // read-only: ended lists are closed by the scheduler (and by the officers' pages)
    async () => ({ items: json(await publicPublicity(db, clock.now())) }),
  );

  app.get(
    '/v1/officer/publicity',
    {
      preValidation: access(app, 'GET', '/v1/officer/publicity', { roles: officers, scope: 'region' }),
      schema: {
        summary: '本辖区公示批次',
        tags: ['officer'],
        response: { 200: z.object({ defaultWorkingDays: z.number(), items: z.array(BatchHead) }), ...Errors },
      },
    },
    async (request) =>
      domain(async () => {
        await db.transaction((tx) => releaseEndedPublicity(tx, clock.now()));
        return {
          defaultWorkingDays: DEFAULT_PUBLICITY_WORKING_DAYS,
          items: json(await listPublicityBatches(db, principal(request))),
        };
      }),
  );

  app.get(
    '/v1/officer/publicity/pending',
    {
      preValidation: access(app, 'GET', '/v1/officer/publicity/pending', { roles: reviewers, scope: 'region' }),
      schema: {
        summary: '待公示案件',
        tags: ['officer'],
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                title: z.string(),
                regionCode: z.string(),
                enterpriseName: z.string(),
                amountFen: z.number(),
                headcount: z.number(),
              }),
            ),
          }),
          ...Errors,
        },
      },
    },
    async (request) => domain(async () => ({ items: json(await pendingPublicity(db, principal(request))) })),
  );

  app.post(
    '/v1/officer/publicity',
    {
      preValidation: access(app, 'POST', '/v1/officer/publicity', { roles: reviewers, scope: 'region' }),
      schema: {
        summary: '发布公示（生成本辖区公示名单）',
        tags: ['officer'],
        body: z.object({
          caseIds: z.array(z.uuid()).max(500).optional().describe('默认：本辖区全部待公示案件'),
          periodWorkingDays: z
            .number()
            .int()
            .min(1)
            .max(30)
            .optional()
            .describe(`公示期（工作日），默认 ${DEFAULT_PUBLICITY_WORKING_DAYS}`),
          title: z.string().max(100).optional(),
        }),
        response: { 200: Batch, ...Errors },
      },
    },
    async (request) =>
      domain(async () =>
        json(await db.transaction((tx) => publishBatch(tx, principal(request), request.body, clock.now()))),
      ),
  );

  app.get(
    '/v1/officer/publicity/:id',
    {
      preValidation: access(app, 'GET', '/v1/officer/publicity/:id', { roles: officers, scope: 'region' }),
      schema: { summary: '公示批次详情与异议', tags: ['officer'], params: Id, response: { 200: Batch, ...Errors } },
    },
    async (request) => domain(async () => json(await getPublicityBatch(db, principal(request), request.params.id))),
  );

  app.post(
    '/v1/officer/publicity/:id/objections',
    {
      preValidation: access(app, 'POST', '/v1/officer/publicity/:id/objections', { roles: reviewers, scope: 'region' }),
      schema: {
        summary: '登记公示异议（案件撤出公示并重新审核）',
        tags: ['officer'],
        params: Id,
        body: z.object({
          caseId: z.uuid(),
          objector: z.string().max(100).describe('异议人（可匿名）'),
          content: z.string().min(2).max(1000).describe('异议内容'),
          receivedOn: z.iso.date().optional(),
        }),
        response: { 200: Objection, ...Errors },
      },
    },
    async (request) =>
      domain(async () =>
        json(
          await db.transaction((tx) =>
            recordObjection(tx, principal(request), request.params.id, request.body, clock.now()),
          ),
        ),
      ),
  );

  app.post(
    '/v1/officer/objections/:id/resolution',
    {
      preValidation: access(app, 'POST', '/v1/officer/objections/:id/resolution', {
        roles: reviewers,
        scope: 'region',
      }),
      schema: {
        summary: '异议处理结果',
        tags: ['officer'],
        params: Id,
        body: z.object({ resolution: z.string().min(2).max(1000) }),
        response: { 200: z.object({ ok: z.literal(true) }), ...Errors },
      },
    },
    async (request) =>
      domain(async () => {
        await db.transaction((tx) =>
          resolveObjection(tx, principal(request), request.params.id, request.body.resolution, clock.now()),
        );
        return { ok: true as const };
      }),
  );
};
