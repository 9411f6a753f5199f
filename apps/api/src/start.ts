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
  app.addHook('onClose', () => db.close());
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
