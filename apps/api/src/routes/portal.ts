/**
 * The enterprise portal and the accounts behind both logins, as one plugin under /api: cookies,
 * sessions with CSRF protection, rate limits, uploads, one error shape, and the routes of
 * auth.ts, work-for-training.ts and files.ts.
 */
import type { FastifyPluginAsync } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import type { Database } from '@wengang/db';
import { todayInShanghai } from '@wengang/kernel';
import { installApplicationHooks, type Clock } from '@wengang/workflow';
import type { Config } from '../config';
import { logSmsSender, type SmsSender } from '../security/phone-codes';
import { sessionHook } from '../security/session';
import { authRoutes } from './auth';
import { installErrorHandler } from './errors';
import { fileRoutes } from './files';
import { MAX_UPLOAD_BYTES } from '../files/storage';
import { workForTrainingRoutes } from './work-for-training';

export interface PortalOptions {
  db: Database;
  config: Config;
  /** The phone-code sender; default: the server log. */
  sms?: SmsSender;
}

/**
 * The business clock: real time, shifted so that today is BUSINESS_DATE when one is configured
 * (demo data are 2020 claims; the day still advances at midnight).
 */
export function businessClock(businessDate: string | undefined): () => Clock {
  if (!businessDate) {
    return () => {
      const now = new Date();
      return { now, today: todayInShanghai(now) };
    };
  }
  const offset = Date.parse(`${businessDate}T00:00:00+08:00`) - Date.parse(`${todayInShanghai()}T00:00:00+08:00`);
  return () => {
    const now = new Date(Date.now() + offset);
    return { now, today: todayInShanghai(now) };
  };
}

export const portalRoutes: FastifyPluginAsync<PortalOptions> = async (app, { db, config, sms }) => {
  installApplicationHooks();
  installErrorHandler(app);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  app.addHook('onRequest', sessionHook(db));
  const clock = businessClock(config.businessDate);
  const secureCookies = false; // served over plain HTTP here; put TLS in front and set Secure there
  await app.register(authRoutes, { db, sms: sms ?? logSmsSender(app.log), demo: config.demoData, secureCookies });
  await app.register(fileRoutes, { db, uploadDir: config.uploadDir, clock });
  await app.register(workForTrainingRoutes, { db, clock, prefix: '/v1/work-for-training' });
};
