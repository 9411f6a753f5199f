/**
 * The versioned rules-as-code contract: POST /api/v1/evaluate and GET /api/v1/programmes.
 * Bad input is a 400 with field errors, never a 500. Public: decisions use no stored data.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contractVersion, evaluateRequest, listProgrammes } from '../evaluation';
import { ErrorBody } from './errors';

const EvaluationRequestSchema = z
  .object({
    programme: z.string().describe('补贴项目 id，见 GET /api/v1/programmes'),
    region: z.string().describe('行政区划代码（GB/T 2260，6 位）'),
    period: z.object({ from: z.string(), until: z.string() }).describe('申领期间（含首尾日期，YYYY-MM-DD）'),
    decisionDate: z.string().optional().describe('决定日期：按该日已发布的文件适用规则；默认今天（北京时间）'),
    facts: z.unknown().describe('该项目的事实输入，结构见其 factsSchema'),
  })
  .describe('EvaluationRequest v1');

export const evaluateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/programmes',
    {
      schema: {
        summary: '补贴项目清单（含输入字段 JSON Schema）',
        tags: ['rules'],
        response: {
          200: z.object({
            contractVersion: z.string(),
            programmes: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                version: z.string(),
                regions: z.array(z.string()),
                periods: z.array(
                  z.object({ from: z.string(), until: z.string(), region: z.string(), source: z.string() }),
                ),
                factsSchema: z.unknown(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ contractVersion, programmes: listProgrammes() }),
  );

  app.post(
    '/v1/evaluate',
    {
      // The engine validates the whole request itself, so that the API and the CLI give the
      // same Chinese field errors; the schema above documents it in OpenAPI.
      attachValidation: true,
      schema: {
        summary: '按规则作出决定并说明理由',
        description:
          'Evaluates one request with the rules in force for its region and period, as known on decisionDate. ' +
          'The body is validated by the engine itself (so the API and the CLI give the same field errors).',
        tags: ['rules'],
        body: EvaluationRequestSchema,
        response: { 200: z.unknown().describe('Decision'), 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const outcome = evaluateRequest(request.body);
      if (!outcome.ok) {
        return reply.code(400).send({
          error: 'invalid_input' as const,
          message: outcome.errors.map((e) => (e.path ? `${e.path}：${e.message}` : e.message)).join('；'),
          issues: outcome.errors,
        });
      }
      // A ten-person decision is ≈47 KB of JSON: encode it once here, as the bytes the default
      // serialiser would send (JSON.stringify, UTF-8), so the reply neither measures the string's
      // UTF-8 length nor encodes it again when writing.
      return reply.type('application/json; charset=utf-8').send(utf8Json(outcome.decision));
    },
  );
};

/** Reused for encoding; each response gets its own copy (the socket may still hold the last one). */
const scratch = Buffer.allocUnsafe(1024 * 1024);

/** `JSON.stringify(value)` as UTF-8 bytes. */
function utf8Json(value: unknown): Buffer {
  const json = JSON.stringify(value);
  // At most 3 UTF-8 bytes per UTF-16 unit; a larger decision is encoded on its own.
  if (json.length * 3 > scratch.length) return Buffer.from(json, 'utf8');
  const length = scratch.write(json, 0, 'utf8');
  const bytes = Buffer.allocUnsafe(length);
  scratch.copy(bytes, 0, 0, length);
  return bytes;
}
