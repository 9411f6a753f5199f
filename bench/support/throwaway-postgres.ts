/**
 * A throwaway PostgreSQL server for a benchmark, started like scripts/postgres-throwaway.sh: the
 * machine's initdb/pg_ctl (as the postgres user when run as root, since initdb refuses root) on a
 * temporary folder and a free loopback port, with the given `-c` settings. Stopping it removes
 * the folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server';

export interface ThrowawayPostgres {
  url: string;
  stop(): void;
}

/** The folder with initdb and pg_ctl: the one on PATH, else the newest Debian install. */
function serverBinaries(): string {
  const candidates = [
    ...(spawnSync('sh', ['-c', 'dirname "$(command -v initdb)"']).stdout?.toString().trim().split('\n') ?? []),
    ...(existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ];
  const bin = candidates.find((d) => d && existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
  if (!bin) throw new Error('没有找到 PostgreSQL 服务器程序（initdb、pg_ctl）：请安装 postgresql 或设置 DATABASE_URL');
  return bin;
}

export async function startThrowawayPostgres(settings: readonly string[]): Promise<ThrowawayPostgres> {
  const bin = serverBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'wengang-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString());
    chownSync(dir, id('-u'), id('-g'));
  }
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  run('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    ...settings.map((s) => `-c ${s}`),
  ];
  run('pg_ctl', ['-D', join(dir, 'data'), '-l', join(dir, 'server.log'), '-w', '-o', options.join(' '), 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
