/** The audit log for auditors (read-only, their region) and the hash-chain check. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '@wengang/db';
import { sealAuditLog, verifyAuditChain } from '@wengang/workflow';
import { ErrorBody } from './errors';
import { access, domain, json, principal } from './officer-common';

const Errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody };

export const officerAuditRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/v1/officer/audit',
    {
      preValidation: access(app, 'GET', '/v1/officer/audit', { roles: ['auditor'], scope: 'region' }),
      schema: {
        summary: '审计日志（本辖区）',
        tags: ['audit'],
        querystring: z.object({
          entityId: z.string().max(64).optional(),
          action: z.string().max(64).optional(),
          beforeId: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number(),
                at: z.string(),
                actorName: z.string(),
                actorRole: z.string(),
                action: z.string(),
                entityType: z.string(),
                entityId: z.string(),
                regionCode: z.string().nullable(),
                before: z.any(),
                after: z.any(),
                hash: z.string().nullable().describe('链上哈希；封存前为空'),
              }),
            ),
          }),
          ...Errors,
        },
      },
    },
    async (request) =>
      domain(async () => {
        const p = principal(request);
        const { entityId, action, beforeId, limit } = request.query;
        const { rows } = await db.query(
          `SELECT id, at, actor_name AS "actorName", actor_role AS "actorRole", action, entity_type AS "entityType",
                  entity_id AS "entityId", region_code AS "regionCode", before, after, hash
             FROM audit_log
            WHERE region_code IN (SELECT region_scope($1))
              AND ($2::text IS NULL OR entity_id = $2) AND ($3::text IS NULL OR action = $3) AND ($4::bigint IS NULL OR id < $4)
            ORDER BY id DESC LIMIT $5`,
          [p.regionCode, entityId ?? null, action ?? null, beforeId ?? null, limit ?? 100],
        );
        return { items: json(rows) as never };
      }),
  );

  app.get(
    '/v1/officer/audit/verify',
    {
      preValidation: access(app, 'GET', '/v1/officer/audit/verify', { roles: ['auditor'], scope: 'none' }),
      schema: {
        summary: '校验审计日志哈希链',
        tags: ['audit'],
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            pending: z.number().describe('尚未结束的事务写入、待封存的记录数'),
            brokenAt: z.number().optional(),
            reason: z.string().optional(),
          }),
          ...Errors,
        },
      },
    },
    async () => {
      await sealAuditLog(db);
      return verifyAuditChain(db);
    },
  );
};
