/**
 * A whole platform for a browser test: the real server on a free loopback port, a fresh
 * embedded database in a temporary folder with demo data, and the built web app.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../apps/api/src/config';
import { freePort } from '../../bench/support/server';
import { start, type Running } from '../../apps/api/src/start';

export interface Platform extends Running {
  stop(): Promise<void>;
}

export async function startPlatform(env: NodeJS.ProcessEnv = {}): Promise<Platform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wengang-e2e-'));
  const config = loadConfig({
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...env,
  });
  const running = await start(config);
  const address = running.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    ...running,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await running.app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
