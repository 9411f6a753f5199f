/**
 * A bare Node HTTP server in a child process that answers every request with the same bytes:
 * a reference for what the load generator and the machine cost on their own.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server';

const SCRIPT = `
const { createServer } = require('node:http');
const { readFileSync } = require('node:fs');
const body = readFileSync(process.env.BODY_FILE);
createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.send('ready'));
`;

export interface BareServer {
  url: string;
  stop(): Promise<void>;
}

export async function startBareServer(body: string): Promise<BareServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'wengang-bare-'));
  const file = join(dir, 'body.json');
  writeFileSync(file, body);
  const child = spawn(process.execPath, ['-e', SCRIPT], {
    env: { ...process.env, PORT: String(port), BODY_FILE: file },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
