/**
 * One database interface over two drivers: embedded PGlite (a data folder, single process) and a
 * real PostgreSQL server through node-postgres. Callers write plain PostgreSQL 15 SQL.
 */
import { PGlite } from '@electric-sql/pglite';
import { createHash } from 'node:crypto';
import pg from 'pg';

export type DatabaseKind = 'embedded' | 'postgres';

export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

export interface Queryable {
  /** One statement with $1… parameters. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Several statements, no parameters (migrations, DDL). */
  exec(text: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs fn in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Embedded only: the whole data folder as a tarball, to start copies from (tests). */
  dump?(): Promise<Blob>;
}

export interface OpenOptions {
  /** postgres://… for a real server; when absent the embedded database is used. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database; `memory://` or undefined for an in-memory one. */
  dataDir?: string | undefined;
  /** A dump made by `dumpEmbedded`, to start an embedded database from (tests). */
  loadDataDir?: Blob | File | undefined;
  /** Pool size for the server driver. */
  maxConnections?: number | undefined;
}

const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

/** int8 as a JS number (counts and fen amounts are far below 2^53), refusing silent precision loss. */
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} exceeds the safe integer range`);
  return n;
}

/** Same value types from both drivers: int8 → number, date → 'YYYY-MM-DD', numeric → string. */
const parsers = {
  [INT8]: parseInt8,
  [DATE]: (value: string) => value,
  [NUMERIC]: (value: string) => value,
};

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  return options.databaseUrl ? openServer(options.databaseUrl, options.maxConnections ?? 10) : openEmbedded(options);
}

async function openEmbedded(options: OpenOptions): Promise<Database> {
  const lite = await PGlite.create({
    ...(options.dataDir && options.dataDir !== 'memory://' ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers,
  });
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<R>(text: string, params?: readonly unknown[]) {
      const result = await q.query<R>(text, params ? [...params] : undefined);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(text: string) {
      await q.exec(text);
    },
  });
  const root = wrap(lite);
  return {
    kind: 'embedded',
    ...root,
    transaction: (fn) => lite.transaction((tx) => fn(wrap(tx))),
    close: () => lite.close(),
    dump: () => lite.dumpDataDir('none'),
  };
}

/**
 * Parametrised statements are prepared once per connection under a name derived from their text:
 * planning a statement cost more than running it (2.3 ms against 0.7 ms for the claim's context
 * query), and node-postgres re-plans unnamed statements on every call. The names of at most
 * `MAX_PREPARED` distinct texts are kept; statements beyond them (generated SQL) run unnamed.
 */
const MAX_PREPARED = 2000;
const preparedNames = new Map<string, string>();

function statementName(text: string): string | undefined {
  let name = preparedNames.get(text);
  if (name === undefined && preparedNames.size < MAX_PREPARED) {
    name = `wg_${createHash('sha1').update(text).digest('base64url')}`;
    preparedNames.set(text, name);
  }
  return name;
}

async function openServer(connectionString: string, max: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString,
    max,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        (parsers as Record<number, (v: string) => unknown>)[oid] ??
        pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle pooled connection closed by the server (restart, failover, DROP DATABASE … FORCE) emits
  // 'error' on the pool; unhandled, that would crash the process. The pool drops the client and the
  // next query opens a new connection, so there is nothing else to do (node-postgres recommends this).
  pool.on('error', () => undefined);
  // Fail at start, with the server's own message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R>(text: string, params?: readonly unknown[]) {
      const name = params?.length ? statementName(text) : undefined;
      const result = await client.query(
        name ? { name, text, values: [...params!] } : { text, values: params ? [...params] : undefined },
      );
      return { rows: result.rows as R[], rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(text: string) {
      await client.query(text);
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
