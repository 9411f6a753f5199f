/**
 * One error shape for the portal API: `{ error, message, issues? }` with a Chinese message and,
 * per field, what to fix. Workflow errors, HTTP errors and schema validation all end up here.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApplicationError } from '@wengang/workflow';
import { HttpError } from '../security/session';

export const ErrorBody = z.object({
  error: z.string().describe('机器可读的错误代码'),
  message: z.string().describe('给用户看的中文说明'),
  issues: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .describe('逐项说明：字段与修改方法'),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof ApplicationError) {
      return reply
        .code(error.status)
        .send({ error: error.code, message: error.message, ...(error.issues.length ? { issues: error.issues } : {}) });
    }
    if (error instanceof HttpError) {
      const issues = Array.isArray(error.details) ? error.details : undefined;
      return reply
        .code(error.statusCode)
        .send({ error: error.code, message: error.message, ...(issues ? { issues } : {}) });
    }
    const fe = error as FastifyError;
    if (fe.validation) {
      const issues = fe.validation.map((v) => {
        const path = (v.instancePath || '').replace(/^\//, '').replaceAll('/', '.');
        return { path, message: `${path || '请求'}：格式不正确（${v.message ?? '不符合要求'}）` };
      });
      return reply
        .code(400)
        .send({ error: 'bad_request', message: `请求格式有误：${issues[0]?.message ?? ''}`, issues });
    }
    if (fe.statusCode === 429) {
      return reply.code(429).send({ error: 'rate_limited', message: '操作过于频繁，请稍后再试' });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      const message =
        fe.code === 'FST_REQ_FILE_TOO_LARGE'
          ? '文件过大，请压缩后重新上传'
          : fe.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE'
            ? '请以文件上传方式（multipart/form-data）提交'
            : `请求有误：${fe.message}`;
      return reply.code(fe.statusCode).send({ error: fe.code ?? 'bad_request', message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: 'internal', message: '服务器内部错误，请稍后重试；如持续出现请联系经办机构' });
  });
}
