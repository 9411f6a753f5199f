/**
 * Start the platform: validate configuration, open and migrate the database, seed demo data on
 * a fresh one, and serve.
 */
import { mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { migrate, openDatabase, type Database } from '@wengang/db';
import { loadConfig, type Config } from './config';
import { createClock } from './clock';
import { isEmpty, seedDemoData } from './demo/seed';
import { seedWorkbenchDemo } from './demo/workbench-seed';
import { buildServer } from './server';
import { startAuditSealer } from '@wengang/workflow';

export interface Running {
  app: FastifyInstance;
  db: Database;
  config: Config;
  url: string;
}

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
}

export async function start(config: Config = loadConfig()): Promise<Running> {
  const db = await openConfiguredDatabase(config);
  const applied = await migrate(db);
  const app = await buildServer({ config, db });
  // entries are chained after their transactions end; the last ones at shutdown
  const sealer = startAuditSealer(db, config.auditSealIntervalMs, (error) =>
    app.log.error({ err: error }, '审计日志封存失败（将在下一周期重试）'),
  );
  app.addHook('onClose', async () => {
    await sealer.stop();
    await db.close();
  });
  if (applied.length) app.log.info({ applied }, 'database migrated');
  if (config.demoData && (await isEmpty(db))) {
    const accounts = await seedDemoData(db);
    await seedWorkbenchDemo(db, createClock({ businessDate: config.businessDate }).now());
    app.log.info('demo data loaded');
    for (const a of accounts) {
      app.log.info(
        { demoAccount: a.username, password: a.password, role: a.role, region: a.regionCode },
        `演示账号 ${a.displayName}`,
      );
    }
  }
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { database: db.kind, dataDir: db.kind === 'embedded' ? config.dataDir : undefined },
    `稳岗扩岗服务平台 listening on ${address}`,
  );
  return { app, db, config, url: `http://127.0.0.1:${config.port}` };
}
