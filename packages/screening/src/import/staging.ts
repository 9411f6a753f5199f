/**
 * The import's connection: one transaction that can COPY on a server (pg-copy-streams), and the
 * temporary staging table of the general path (COPY on a server; batched `INSERT … SELECT FROM
 * unnest(…)` on PGlite or when no connection string is at hand), from which rows are merged into
 * the target by natural key.
 */
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, Queryable } from '@wengang/db';

/** A connection for one import transaction, whichever driver is behind it. */
export interface Session extends Queryable {
  /** COPY … FROM STDIN on a server connection; undefined on PGlite. */
  copy?: (sql: string) => CopyWriter;
}

export interface CopyWriter {
  write(piece: Buffer): Promise<void>;
  /** Ends the COPY; the number of rows it loaded. */
  end(): Promise<number>;
  /** Cancels the COPY (CopyFail): the statement fails and loads nothing. */
  abort(): Promise<void>;
}

/**
 * Runs fn in one transaction on a session that can COPY when a server URL is given, otherwise on
 * the database's own transaction (PGlite, or a server without URL: multi-row inserts).
 */
export async function withSession<T>(
  db: Database,
  databaseUrl: string | undefined,
  fn: (s: Session) => Promise<T>,
): Promise<T> {
  if (db.kind !== 'postgres' || !databaseUrl) return db.transaction((tx) => fn(tx));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const session: Session = {
    async query<R>(text: string, params?: readonly unknown[]) {
      const result = await client.query(text, params ? [...params] : undefined);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(text: string) {
      await client.query(text);
    },
    copy(sql: string): CopyWriter {
      // A deep buffer: parsing goes on while the server consumes the previous rows. Deeper than a
      // direct load's county groups (COUNTY_PIECE, 32 MB): with 16 MB, handing a group over waited
      // until the server had taken in most of it, and the server then waited for the next group.
      const stream = client.query(copyFrom(sql, { highWaterMark: 64 << 20 }));
      let failure: Error | undefined;
      const failed = new Promise<void>((resolve) => {
        stream.on('error', (error: Error) => {
          failure = error;
          resolve();
        });
      });
      return {
        async write(piece) {
          if (failure) throw failure;
          if (!stream.write(piece)) await Promise.race([once(stream, 'drain'), failed]);
          if (failure) throw failure;
        },
        async end() {
          stream.end();
          await Promise.race([finished(stream).catch(() => undefined), failed]);
          if (failure) throw failure;
          return stream.rowCount;
        },
        async abort() {
          // After a COPY that ended (the rows are in; the key check failed after it) there is
          // nothing to cancel: a finished stream is already destroyed and would never report.
          if (!failure && !stream.destroyed) {
            stream.destroy(new Error('import cancelled'));
            await failed;
          }
        },
      };
    },
  };
  try {
    // Before the session's first temporary table: room for the staged rows in memory.
    await client.query("SET temp_buffers = '512MB'");
    await client.query('BEGIN');
    const result = await fn(session);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

export interface StagingColumn {
  column: string;
  pg: string;
}

const ARRAY_TYPES: Record<string, string> = {
  text: 'text[]',
  date: 'date[]',
  integer: 'integer[]',
  bigint: 'bigint[]',
  boolean: 'boolean[]',
};

/** COPY text → values (`\N` → null, escapes undone), for the embedded database's array inserts. */
export function parseCopyRows(text: string, columns: number): (string | null)[][] {
  const out: (string | null)[][] = Array.from({ length: columns }, () => []);
  const unescape = (v: string): string | null =>
    v === '\\N'
      ? null
      : v.includes('\\')
        ? v.replace(/\\(.)/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c))
        : v;
  for (const row of text.split('\n')) {
    if (row === '') continue;
    const cells = row.split('\t');
    if (cells.length !== columns) throw new Error(`staged row has ${cells.length} values, expected ${columns}`);
    for (let i = 0; i < columns; i++) out[i]!.push(unescape(cells[i]!));
  }
  return out;
}

/**
 * Rows written, as COPY text led by their line numbers, to the staging table
 * `import_staging (line, …columns)`: COPY on a server, array inserts on the embedded database.
 */
export class StagingWriter {
  private copy: CopyWriter | undefined;

  private constructor(
    private readonly session: Session,
    private readonly columns: readonly StagingColumn[],
  ) {}

  static async create(session: Session, columns: readonly StagingColumn[]): Promise<StagingWriter> {
    const defs = columns.map((c) => `${c.column} ${c.pg}${c.pg === 'text' ? ' COLLATE "C"' : ''}`).join(', ');
    await session.exec(`CREATE TEMP TABLE import_staging (line integer NOT NULL, ${defs}) ON COMMIT DROP`);
    const writer = new StagingWriter(session, columns);
    if (session.copy) {
      writer.copy = session.copy(`COPY import_staging (line, ${columns.map((c) => c.column).join(', ')}) FROM STDIN`);
    }
    return writer;
  }

  /** Writes complete rows of COPY text. */
  async write(piece: Buffer): Promise<void> {
    if (piece.length === 0) return;
    if (this.copy) return this.copy.write(piece);
    const values = parseCopyRows(piece.toString('utf8'), this.columns.length + 1);
    const casts = ['$1::integer[]', ...this.columns.map((c, i) => `$${i + 2}::${ARRAY_TYPES[c.pg] ?? 'text[]'}`)];
    await this.session.query(
      `INSERT INTO import_staging (line, ${this.columns.map((c) => c.column).join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`,
      values,
    );
  }

  async close(): Promise<void> {
    if (this.copy) await this.copy.end();
  }
}
