/**
 * Configuration from the environment, validated once at start. A bad value stops the server
 * with one line that names the variable and what it must be.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const portSchema = z.coerce
  .number({ error: '必须是整数' })
  .int('必须是整数')
  .min(1, '必须在 1–65535 之间')
  .max(65535, '必须在 1–65535 之间');

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z.object({
  PORT: portSchema.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, '必须是 postgres://用户:密码@主机:端口/库名 形式的连接串')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_DATA: booleanFlag.optional(),
  WEB_DIST: z.string().optional(),
  TEST_CLOCK: booleanFlag.optional(),
  UPLOAD_DIR: z.string().optional(),
  AUDIT_SEAL_INTERVAL_MS: z.coerce
    .number()
    .int('必须是整数（毫秒）')
    .min(50, '不能小于 50 毫秒')
    .max(60_000, '不能大于 60000 毫秒')
    .default(500),
  BUSINESS_DATE: z
    .string()
    .regex(/^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '必须是 YYYY-MM-DD 形式的日期')
    .optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  /** Seed demo regions, enterprises and accounts into an empty database. */
  demoData: boolean;
  /** Folder of the built web app. */
  webDist: string;
  /** Tests only: the workbench clock can be moved through POST /api/v1/test/clock. */
  testClock: boolean;
  /** Uploaded materials, outside the web root: default DATA_DIR/uploads. */
  uploadDir: string;
  /**
   * Today's date (Asia/Shanghai) for business rules, or undefined for the real date. The demo data
   * are 2020 claims, so demo mode defaults to a day inside their acceptance period.
   */
  businessDate: string | undefined;
  /** How often the server seals new audit entries into the hash chain (migration 0040). */
  auditSealIntervalMs: number;
}

export class ConfigError extends Error {}

/** A day inside the 2020 以工代训 acceptance period (鲁人社函〔2020〕78号: until end of March 2021). */
export const DEMO_BUSINESS_DATE = '2020-11-16';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const empty = (v: string | undefined) => (v === '' ? undefined : v);
  const parsed = schema.safeParse(Object.fromEntries(Object.keys(schema.shape).map((k) => [k, empty(env[k])])));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new ConfigError(`配置错误：环境变量 ${name}=${JSON.stringify(env[name])} ${issue.message}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    logLevel: c.LOG_LEVEL,
    // demo accounts have published passwords: never on a real server unless asked for
    demoData: c.DEMO_DATA ?? !c.DATABASE_URL,
    webDist: resolve(c.WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    testClock: c.TEST_CLOCK ?? false,
    uploadDir: resolve(c.UPLOAD_DIR ?? `${resolve(c.DATA_DIR)}/uploads`),
    businessDate: c.BUSINESS_DATE ?? ((c.DEMO_DATA ?? !c.DATABASE_URL) ? DEMO_BUSINESS_DATE : undefined),
    auditSealIntervalMs: c.AUDIT_SEAL_INTERVAL_MS,
  };
}
