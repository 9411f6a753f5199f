/**
 * The HTTP server: the JSON API under /api (with its OpenAPI description) and the built web
 * app on the same port. Routes get their database and clock from here, never from globals.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from '@wengang/db';
import { createClock, type ServerClock } from './clock';
import type { Config } from './config';
import { contactRoutes } from './routes/contacts';
import { installErrorHandler } from './routes/errors';
import { evaluateRoutes } from './routes/evaluate';
import { healthRoutes } from './routes/health';
import { portalRoutes } from './routes/portal';
import { screeningRoutes } from './routes/screening';
import { workbenchRoutes } from './routes/officer-workbench';
import { version } from './version';

export interface ServerOptions {
  config: Config;
  db: Database;
  /** "now" of the officer workbench; default: real time (shifted to BUSINESS_DATE), movable with TEST_CLOCK. */
  clock?: ServerClock;
}

export async function buildServer({ config, db, clock }: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // personal data never reaches the log through headers
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // One error shape for every route: { error, message, issues? } in Chinese.
  installErrorHandler(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '稳岗扩岗服务平台 API', description: 'Wengang JSON API', version },
      servers: [],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      await api.register(healthRoutes, { db });
      await api.register(contactRoutes, { db });
      await api.register(evaluateRoutes);
      await api.register(portalRoutes, { db, config });
      await api.register(screeningRoutes, {
        db,
        clock: clock ?? createClock({ businessDate: config.businessDate, adjustable: config.testClock }),
        databaseUrl: config.databaseUrl,
      });
      await api.register(workbenchRoutes, {
        db,
        clock: clock ?? createClock({ businessDate: config.businessDate, adjustable: config.testClock }),
      });
    },
    { prefix: '/api' },
  );

  // Unknown API paths answer JSON, not the web app.
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb(config)) {
      return reply.code(404).send({ error: 'not_found', message: `未找到：${request.method} ${request.url}` });
    }
    return reply.sendFile('index.html');
  });

  if (hasWeb(config)) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false });
  }
  return app;
}

const hasWeb = (config: Config) => existsSync(join(config.webDist, 'index.html'));
