/**
 * Loading validated rows: into a temporary staging table first (PostgreSQL COPY through
 * pg-copy-streams on a server; batched `INSERT … SELECT FROM unnest(…)` on PGlite or when no
 * connection string is at hand), then merged into the target by natural key in one transaction.
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
  write(text: string): Promise<void>;
  end(): Promise<void>;
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
      // A deep buffer: parsing goes on while the server consumes the previous rows.
      const stream = client.query(copyFrom(sql, { highWaterMark: 16 << 20 }));
      let failure: Error | undefined;
      stream.on('error', (error: Error) => {
        failure = error;
      });
      return {
        async write(text) {
          if (failure) throw failure;
          if (!stream.write(text)) await Promise.race([once(stream, 'drain'), once(stream, 'error')]);
          if (failure) throw failure;
        },
        async end() {
          stream.end();
          await finished(stream);
          if (failure) throw failure;
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

/** Escapes a value for COPY's text format. */
function copyText(value: string | null): string {
  if (value === null) return '\\N';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 92 || c === 9 || c === 10 || c === 13) {
      return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
    }
  }
  return value;
}

/** Rows written to the staging table `import_staging (line, …columns)`. */
export class StagingWriter {
  private copy: CopyWriter | undefined;
  private text: string[] = [];
  private arrays: (string | null)[][];
  private lines: number[] = [];
  rows = 0;

  constructor(
    private readonly session: Session,
    private readonly columns: readonly StagingColumn[],
  ) {
    this.arrays = columns.map(() => []);
  }

  static async create(session: Session, columns: readonly StagingColumn[]): Promise<StagingWriter> {
    const defs = columns.map((c) => `${c.column} ${c.pg}${c.pg === 'text' ? ' COLLATE "C"' : ''}`).join(', ');
    await session.exec(`CREATE TEMP TABLE import_staging (line integer NOT NULL, ${defs}) ON COMMIT DROP`);
    const writer = new StagingWriter(session, columns);
    if (session.copy) {
      writer.copy = session.copy(`COPY import_staging (line, ${columns.map((c) => c.column).join(', ')}) FROM STDIN`);
    }
    return writer;
  }

  /** Adds a row; returns a promise only when a batch is being written (await it then). */
  add(line: number, values: readonly (string | null)[]): Promise<void> | undefined {
    this.rows++;
    if (this.copy) {
      let row = String(line);
      for (const v of values) row += `\t${copyText(v)}`;
      this.text.push(row);
      return this.text.length >= 5000 ? this.flushCopy() : undefined;
    }
    this.lines.push(line);
    for (let i = 0; i < values.length; i++) this.arrays[i]!.push(values[i]!);
    return this.lines.length >= 5000 ? this.flushInsert() : undefined;
  }

  private async flushCopy(): Promise<void> {
    if (this.text.length === 0) return;
    const chunk = `${this.text.join('\n')}\n`;
    this.text = [];
    await this.copy!.write(chunk);
  }

  private async flushInsert(): Promise<void> {
    if (this.lines.length === 0) return;
    const params: unknown[] = [this.lines, ...this.arrays];
    const casts = ['$1::integer[]', ...this.columns.map((c, i) => `$${i + 2}::${ARRAY_TYPES[c.pg] ?? 'text[]'}`)];
    await this.session.query(
      `INSERT INTO import_staging (line, ${this.columns.map((c) => c.column).join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`,
      params,
    );
    this.lines = [];
    this.arrays = this.columns.map(() => []);
  }

  async close(): Promise<void> {
    if (this.copy) {
      await this.flushCopy();
      await this.copy.end();
    } else {
      await this.flushInsert();
    }
  }
}
