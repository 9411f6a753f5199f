/**
 * Materials upload and download. Content is checked by its first bytes (PDF, JPEG, PNG), limited
 * to 10 MB, stored outside the web root by SHA-256. Downloads: the owning enterprise, or an officer
 * whose region covers the file (audited: materials hold personal data).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '@wengang/db';
import { isWithin } from '@wengang/kernel';
import { ownedFile, recordAudit, registerFile, type Clock } from '@wengang/workflow';
import { MAX_UPLOAD_BYTES, readStored, sniffMediaType, storeBytes } from '../files/storage';
import { actorOf, HttpError, requireAccount, requireEnterpriseUser } from '../security/session';
import { ErrorBody } from './errors';

export interface FileRouteOptions {
  db: Database;
  uploadDir: string;
  clock: () => Clock;
}

export const fileRoutes: FastifyPluginAsyncZod<FileRouteOptions> = async (app, { db, uploadDir, clock }) => {
  app.post(
    '/v1/files',
    {
      schema: {
        summary: '上传材料文件（PDF、JPG、PNG，10 MB 以内）',
        description: 'multipart/form-data，字段 file。按文件内容识别类型（不看扩展名）。返回的 id 用于为申请添加材料。',
        tags: ['材料'],
        consumes: ['multipart/form-data'],
        response: {
          200: z.object({
            id: z.string(),
            sha256: z.string(),
            sizeBytes: z.number(),
            mediaType: z.string(),
            originalName: z.string(),
          }),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          413: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (request) => {
      const account = requireEnterpriseUser(request);
      const file = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
      if (!file) throw new HttpError(400, 'no_file', '请选择要上传的文件');
      const bytes = await file.toBuffer();
      if (file.file.truncated) throw new HttpError(413, 'too_large', '文件超过 10 MB，请压缩或分页扫描后上传');
      if (bytes.length === 0) throw new HttpError(422, 'empty_file', '文件是空的，请重新选择');
      const mediaType = sniffMediaType(bytes);
      if (!mediaType) {
        throw new HttpError(
          422,
          'file_type',
          `「${file.filename}」不是 PDF、JPG 或 PNG 文件（按文件内容识别），请转换后上传`,
        );
      }
      const sha256 = storeBytes(uploadDir, bytes);
      const originalName = (file.filename || 'upload').replace(/[\\/\0]/g, '_');
      const id = await registerFile(
        db,
        { id: account.id, role: account.role, displayName: account.displayName, enterpriseId: account.enterpriseId },
        { sha256, sizeBytes: bytes.length, mediaType, originalName },
        clock(),
      );
      return { id, sha256, sizeBytes: bytes.length, mediaType, originalName };
    },
  );

  app.get(
    '/v1/files/:id',
    {
      schema: {
        summary: '下载材料文件（本单位或管辖区域内的经办人员）',
        tags: ['材料'],
        params: z.object({ id: z.string() }),
      },
    },
    async (request, reply) => {
      const account = requireAccount(request);
      let meta: { sha256: string; mediaType: string; originalName: string } | null = null;
      if (account.role === 'enterprise') {
        meta = await ownedFile(
          db,
          { id: account.id, role: account.role, displayName: account.displayName, enterpriseId: account.enterpriseId },
          request.params.id,
        );
      } else if (/^[0-9a-f-]{36}$/i.test(request.params.id) && account.regionCode) {
        const { rows } = await db.query<{
          sha256: string;
          media_type: string;
          original_name: string;
          region_code: string;
        }>('SELECT sha256, media_type, original_name, region_code FROM stored_files WHERE id = $1', [
          request.params.id,
        ]);
        const row = rows[0];
        if (row && isWithin(row.region_code, account.regionCode)) {
          meta = { sha256: row.sha256, mediaType: row.media_type, originalName: row.original_name };
          await recordAudit(
            db,
            {
              actor: actorOf(account),
              action: 'file.view',
              entityType: 'stored_file',
              entityId: request.params.id,
              regionCode: row.region_code,
            },
            clock().now,
          );
        }
      }
      if (!meta) throw new HttpError(404, 'not_found', '未找到该文件，或无权查看');
      const bytes = await readStored(uploadDir, meta.sha256);
      return reply
        .type(meta.mediaType)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(meta.originalName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    },
  );
};
