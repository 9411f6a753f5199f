/**
 * Importing one file of one source: stream it, validate every row (Chinese reason per bad cell,
 * resident-ID and credit-code check characters, the unit a row names) and load the good rows — all
 * in one transaction. On a server a clean file of new rows is copied straight into its table (the
 * direct load); otherwise the rows are staged with their line numbers, repeated keys found
 * set-wise, and merged by natural key. A file with bad rows loads nothing unless the operator chose
 * `loadValid`; re-importing a file changes nothing.
 */
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '@wengang/db';
import { todayInShanghai } from '@wengang/kernel';
import { hashOnWorker, WORKER_THRESHOLD } from './digest';
import { RowEncoder, UnitIndex } from './encoder';
import { ImportError, MAX_REPORTED, type RowError } from './import-error';
import { getLayout, storedColumns, type SourceLayout } from './layouts';
import { readInParallel } from './parallel-read';
import { mapHeader, readPass, PIECE, type Pass } from './read-pass';
import type { Encoding } from './readers';
import { planSplit, type SplitPlan } from './split';
import { StagingWriter, withSession, type Session } from './staging';
import { openVerificationTasks } from './suspicious';

export interface ImportOptions {
  source: string;
  /** A file path, or a stream with its file name (uploads). */
  path?: string;
  stream?: Readable;
  fileName?: string;
  format?: 'csv' | 'xlsx';
  encoding?: Encoding;
  /** Load the good rows of a file that has bad ones (the operator's choice). */
  loadValid?: boolean;
  actor?: string;
  /** Connection string of the server behind `db`, to load with COPY. */
  databaseUrl?: string;
  /**
   * Threads that read a large UTF-8 CSV file at once in a direct load on a server (default: the
   * machine's cores); 1 reads every file on the import's own thread.
   */
  readingThreads?: number;
  /** Files from this size (bytes) up are read on several threads (default SPLIT_THRESHOLD). */
  parallelFrom?: number;
  /**
   * The units index kept between imports (importFiles shares one between its files): loaded again
   * only when a units import has been recorded since.
   */
  unitsCache?: UnitsCache;
  /** Bounds birth dates in resident IDs; today in Asia/Shanghai by default. */
  today?: string;
  now?: Date;
}

export type { RowError };

export interface ImportReport {
  batchId: string;
  source: string;
  title: string;
  fileName: string;
  sha256: string;
  format: 'csv' | 'xlsx';
  status: 'loaded' | 'partial' | 'rejected';
  rowsTotal: number;
  rowsInvalid: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Bad rows, line by line (the first MAX_REPORTED). */
  errors: RowError[];
  /** Columns in the file that the layout does not know (ignored). */
  ignoredColumns: string[];
  /** Verification tasks opened (疑点数据 only). */
  tasksOpened?: number;
  seconds: number;
  /**
   * How the rows were loaded: `direct` — a clean file of new rows, copied straight into the table;
   * `staging` — through the staging table, the set-wise checks and the merge by natural key.
   */
  via: 'direct' | 'staging';
  /** Threads that read the rows: more than 1 when a large file was cut into ranges (split.ts). */
  readers: number;
  /** Seconds spent reading, validating and loading (or staging); in the set-wise checks; in the merge. */
  phases: { stage: number; checks: number; merge: number };
}

export { ImportError, MAX_REPORTED };

/** One pass over the file (read-pass.ts): with line numbers for the staging table or without. */
type ReadRows = (
  withLine: boolean,
  write: (piece: Buffer) => Promise<void>,
  addError: (e: RowError) => void,
  options: { stopAtFirstBadRow: boolean; byCounty: boolean },
) => Promise<Pass | undefined>;

/**
 * A stream that may have to be read twice (the direct load falls back to staging) is saved to a
 * temporary file first; a path is simply opened again.
 */
async function rereadable(options: ImportOptions): Promise<{ path: string; cleanup: () => void }> {
  if (options.path) return { path: options.path, cleanup: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'wengang-import-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const file = join(dir, 'upload');
  try {
    await pipeline(options.stream!, createWriteStream(file));
  } catch (error) {
    cleanup();
    throw error;
  }
  return { path: file, cleanup };
}

export async function importFile(db: Database, options: ImportOptions): Promise<ImportReport> {
  const layout = getLayout(options.source);
  if (!layout) throw new ImportError(`未知的数据来源“${options.source}”`);
  if (!options.path && !options.stream) throw new ImportError('请指定要导入的文件');
  if (options.path && !existsSync(options.path)) throw new ImportError(`找不到文件“${options.path}”，请检查路径`);
  const fileName = options.fileName ?? basename(options.path ?? 'upload');
  const format = options.format ?? (extname(fileName).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv');
  const encoding = options.encoding ?? 'utf-8';
  const today = options.today ?? todayInShanghai(options.now);
  const started = options.now ?? new Date();
  const t0 = performance.now();
  const columns = storedColumns(layout);

  return withSession(db, options.databaseUrl, async (session) => {
    await session.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`import:${layout.table}`]);
    if (db.kind === 'postgres') await session.exec("SET LOCAL work_mem = '256MB'; SET LOCAL jit = off");
    // The units rows may name, as they are now (imports of units are serialised with this one's reading).
    const units = layout.unitRef ? await unitsFor(session, options.unitsCache) : undefined;
    const errors: RowError[] = [];
    const addError = (e: RowError) => {
      if (errors.length < MAX_REPORTED) errors.push(e);
    };

    let pass: Pass | undefined;
    let via: ImportReport['via'] = 'staging';
    let readers = 1;
    const input = session.copy ? await rereadable(options) : undefined;
    const path = input?.path ?? options.path;
    const threads = Math.max(1, Math.floor(options.readingThreads ?? availableParallelism()));
    const plan =
      session.copy && path && format === 'csv' && encoding === 'utf-8'
        ? await planSplit(path, threads, options.parallelFrom)
        : undefined;
    // hashed once for both readings (the direct load may give way to staging), beside them
    const sha256 = path && (plan || statSync(path).size >= WORKER_THRESHOLD) ? hashOnWorker(path) : undefined;
    sha256?.catch(() => undefined); // awaited by the reading; an import failing first must not leave it unhandled
    const read: ReadRows = (withLine, write, onError, readOptions) =>
      readPass(
        path ? createReadStream(path, { highWaterMark: PIECE }) : options.stream!,
        format,
        encoding,
        layout,
        (header) => new RowEncoder(layout, header, today, { withLine, units }),
        write,
        onError,
        { ...readOptions, sha256 },
      );
    try {
      if (session.copy) {
        pass = await directLoad(
          session,
          layout,
          columns,
          plan ? readOnThreads(plan, threads, { path: path!, layout, today, units }, sha256!) : read,
        );
        if (pass) {
          via = 'direct';
          if (plan) readers = plan.ranges.length;
        }
      }
      // For a direct load the index rebuild (where the keys are checked) counts as the checks.
      let staged = performance.now() - (pass?.rebuildSeconds ?? 0) * 1000;
      let checksSeconds = 0;
      let inserted = 0;
      let updated = 0;
      let status: ImportReport['status'] = 'loaded';
      if (pass) {
        inserted = pass.loaded!;
        checksSeconds = pass.rebuildSeconds ?? 0;
      } else {
        // The general path: every good row to the staging table with its line number, the set-wise
        // checks, then the merge by natural key.
        const staging = await StagingWriter.create(session, columns);
        pass = (await read(true, (piece) => staging.write(piece), addError, {
          stopAtFirstBadRow: false,
          byCounty: false,
        }))!;
        await staging.close();
        staged = performance.now();
        pass.invalid += await removeDuplicateKeys(session, layout, addError);
        checksSeconds = (performance.now() - staged) / 1000;
        if (pass.invalid > 0 && !options.loadValid) {
          status = 'rejected';
        } else {
          if (pass.invalid > 0) status = 'partial';
          ({ inserted, updated } = await merge(
            session,
            layout,
            columns.map((c) => c.column),
          ));
        }
      }
      errors.sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));
      let tasksOpened: number | undefined;
      if (layout.id === 'suspicious' && status !== 'rejected')
        tasksOpened = await openVerificationTasks(session, started);
      const merged = performance.now();
      const valid = pass.total - pass.invalid;
      const unchanged = status === 'rejected' ? 0 : valid - inserted - updated;
      const finished = new Date(started.getTime() + (merged - t0));
      const { rows } = await session.query<{ id: string }>(
        `INSERT INTO import_batches (source, file_name, file_sha256, format, status, rows_total, rows_invalid, inserted, updated,
           unchanged, actor, started_at, finished_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [
          layout.id,
          fileName,
          pass.sha256,
          format,
          status,
          pass.total,
          pass.invalid,
          inserted,
          updated,
          unchanged,
          options.actor ?? 'system',
          started,
          finished,
        ],
      );
      const batchId = rows[0]!.id;
      await saveErrors(session, batchId, errors);
      return {
        batchId,
        source: layout.id,
        title: layout.title,
        fileName,
        sha256: pass.sha256,
        format,
        status,
        rowsTotal: pass.total,
        rowsInvalid: pass.invalid,
        inserted,
        updated,
        unchanged,
        errors,
        ignoredColumns: pass.ignored,
        ...(tasksOpened !== undefined ? { tasksOpened } : {}),
        seconds: (performance.now() - t0) / 1000,
        via,
        readers,
        phases: {
          stage: (staged - t0) / 1000,
          checks: checksSeconds,
          merge: (merged - staged) / 1000 - checksSeconds,
        },
      };
    } finally {
      input?.cleanup();
    }
  });
}

/** The units index of one import, as the session sees the units now; see ImportOptions.unitsCache. */
export interface UnitsCache {
  version?: string;
  index?: Promise<UnitIndex>;
}

/**
 * The units the rows may name. Only imports write the units, and each records its batch in the
 * same transaction: the count of units batches and the last one's end tell whether a kept index
 * is still the table's.
 */
async function unitsFor(session: Session, cache: UnitsCache | undefined): Promise<UnitIndex> {
  if (!cache) return UnitIndex.load(session);
  const { rows } = await session.query<{ version: string }>(
    `SELECT count(*) || '/' || coalesce(max(finished_at)::text, '') AS version FROM import_batches WHERE source = 'units'`,
  );
  const version = rows[0]!.version;
  if (cache.index === undefined || cache.version !== version) {
    cache.version = version;
    cache.index = UnitIndex.load(session);
    // a failed load is not kept
    cache.index.catch(() => {
      if (cache.version === version) cache.index = undefined;
    });
  }
  return cache.index;
}

/** The direct load's reading of a file cut into ranges, on several threads (parallel-read.ts). */
function readOnThreads(
  plan: SplitPlan,
  threads: number,
  file: { path: string; layout: SourceLayout; today: string; units: UnitIndex | undefined },
  sha256: Promise<string>,
): ReadRows {
  return async (_withLine, write, _onError, { byCounty }) => {
    const { ignored } = mapHeader(file.layout, plan.header);
    const total = await readInParallel(
      plan,
      { path: file.path, source: file.layout.id, today: file.today, units: file.units?.shared(), byCounty },
      write,
      threads,
    );
    return total === undefined ? undefined : { total, invalid: 0, sha256: await sha256, ignored };
  };
}

/**
 * The usual bulk load on a server: the rows go straight into the target table with COPY, in a
 * savepoint. Any bad row, a key repeated in the file or already in the table (a re-import, a
 * correction) makes it give way — rolled back, undefined — to the general path, which reports and
 * merges. A clean file of new rows thus never touches a staging table.
 *
 * Into an empty table (the first load of a source) the indexes are dropped and built again after
 * the COPY — one sort instead of a btree insertion per row. The table is then locked
 * (ACCESS EXCLUSIVE) until the import commits; a repeated key makes the rebuild fail, which sends
 * the file to the general path like any other conflict.
 */
async function directLoad(
  session: Session,
  layout: SourceLayout,
  columns: { column: string }[],
  read: ReadRows,
): Promise<Pass | undefined> {
  await session.query('SAVEPOINT import_direct');
  const rebuild = await dropIndexesIfEmpty(session, layout.table);
  // Into a table emptied in this (sub)transaction, rows can be written frozen: visible to all, no
  // hint bits to set (and pages to write again) when the screening first reads them.
  if (rebuild) await session.exec(`TRUNCATE ${layout.table}`);
  const copy = session.copy!(
    `COPY ${layout.table} (${columns.map((c) => c.column).join(', ')}) FROM STDIN${rebuild ? ' WITH (FREEZE)' : ''}`,
  );
  let pass: Pass | undefined;
  try {
    pass = await read(
      false,
      (piece) => copy.write(piece),
      () => undefined,
      { stopAtFirstBadRow: true, byCounty: true },
    );
    if (pass) {
      pass.loaded = await copy.end();
      const t = performance.now();
      for (const statement of rebuild ?? []) await session.exec(statement);
      pass.rebuildSeconds = (performance.now() - t) / 1000;
    }
  } catch (error) {
    await copy.abort();
    await session.query('ROLLBACK TO SAVEPOINT import_direct');
    if ((error as { code?: string }).code === '23505') return undefined;
    throw error;
  }
  if (!pass) {
    await copy.abort();
    await session.query('ROLLBACK TO SAVEPOINT import_direct');
    return undefined;
  }
  await session.query('RELEASE SAVEPOINT import_direct');
  return pass;
}

/**
 * When the table has no rows (and no foreign key points at it): drops its indexes and primary or
 * unique constraints and returns the statements that build them again, identically named;
 * otherwise undefined.
 */
async function dropIndexesIfEmpty(session: Session, table: string): Promise<string[] | undefined> {
  const { rows: probe } = await session.query<{ empty: boolean; referenced: boolean }>(
    `SELECT NOT EXISTS (SELECT 1 FROM ${table}) AS empty,
            EXISTS (SELECT 1 FROM pg_constraint WHERE confrelid = $1::regclass) AS referenced`,
    [table],
  );
  if (!probe[0]!.empty || probe[0]!.referenced) return undefined;
  const { rows } = await session.query<{
    index: string;
    definition: string;
    constraint: string | null;
    condef: string | null;
  }>(
    `SELECT i.indexrelid::regclass::text AS index, pg_get_indexdef(i.indexrelid) AS definition,
            quote_ident(c.conname) AS constraint, pg_get_constraintdef(c.oid) AS condef
       FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid
      WHERE i.indrelid = $1::regclass
      ORDER BY i.indisprimary DESC, i.indexrelid`,
    [table],
  );
  const rebuild: string[] = [];
  for (const r of rows) {
    if (r.constraint) {
      await session.exec(`ALTER TABLE ${table} DROP CONSTRAINT ${r.constraint}`);
      rebuild.push(`ALTER TABLE ${table} ADD CONSTRAINT ${r.constraint} ${r.condef}`);
    } else {
      await session.exec(`DROP INDEX ${r.index}`);
      rebuild.push(r.definition);
    }
  }
  return rebuild;
}

async function removeDuplicateKeys(
  session: Session,
  layout: SourceLayout,
  addError: (e: RowError) => void,
): Promise<number> {
  const key = layout.key.join(', ');
  // Find the repeated keys with one hash aggregate, then only their lines.
  const { rows } = await session.query<{ line: number; first: number }>(
    `WITH repeated AS (SELECT ${key} FROM import_staging GROUP BY ${key} HAVING count(*) > 1),
     lines AS (
       SELECT s.line, min(s.line) OVER (PARTITION BY ${layout.key.map((k) => `s.${k}`).join(', ')}) AS first
         FROM import_staging s JOIN repeated r ON ${layout.key.map((k) => `r.${k} = s.${k}`).join(' AND ')}
     )
     DELETE FROM import_staging s USING lines d WHERE s.line = d.line AND d.line <> d.first
     RETURNING s.line, d.first`,
  );
  const names = layout.key.map((k) => layout.fields.find((f) => f.column === k)?.header ?? k).join('、');
  for (const r of rows) {
    addError({
      line: r.line,
      field: names,
      value: null,
      message: `与第 ${r.first} 行的${names}相同（同一文件中重复）`,
    });
  }
  return rows.length;
}

/**
 * Updates changed rows and inserts new ones; returns the counts. New data (the usual bulk load)
 * takes one plain INSERT, tried in a savepoint; when some keys already exist (a re-import, a
 * corrected file) the unique violation sends it to the full merge: UPDATE where anything differs,
 * then INSERT … ON CONFLICT (natural key) DO NOTHING for the rest.
 */
async function merge(
  session: Session,
  layout: SourceLayout,
  columns: string[],
): Promise<{ inserted: number; updated: number }> {
  const keys = layout.key;
  const list = columns.join(', ');
  const selected = columns.map((c) => `s.${c}`).join(', ');
  await session.query('SAVEPOINT import_fast');
  try {
    const fresh = await session.query(`INSERT INTO ${layout.table} (${list}) SELECT ${selected} FROM import_staging s`);
    await session.query('RELEASE SAVEPOINT import_fast');
    return { inserted: fresh.rowCount, updated: 0 };
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    await session.query('ROLLBACK TO SAVEPOINT import_fast');
  }
  const rest = columns.filter((c) => !keys.includes(c));
  const on = keys.map((k) => `t.${k} = s.${k}`).join(' AND ');
  let updated = 0;
  if (rest.length > 0) {
    const result = await session.query(
      `UPDATE ${layout.table} t SET ${rest.map((c) => `${c} = s.${c}`).join(', ')}
         FROM import_staging s
        WHERE ${on} AND (${rest.map((c) => `t.${c}`).join(', ')}) IS DISTINCT FROM (${rest.map((c) => `s.${c}`).join(', ')})`,
    );
    updated = result.rowCount;
  }
  const result = await session.query(
    `INSERT INTO ${layout.table} (${list})
     SELECT ${selected} FROM import_staging s
      WHERE NOT EXISTS (SELECT 1 FROM ${layout.table} t WHERE ${on})
     ON CONFLICT (${keys.join(', ')}) DO NOTHING`,
  );
  return { inserted: result.rowCount, updated };
}

async function saveErrors(session: Session, batchId: string, errors: RowError[]): Promise<void> {
  // One row per (line, field); a rowCheck message may name a field already reported.
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const k = `${e.line}\u0000${e.field}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  for (let i = 0; i < unique.length; i += 2000) {
    const part = unique.slice(i, i + 2000);
    await session.query(
      `INSERT INTO import_errors (batch_id, line, field, value, message)
       SELECT $1, * FROM unnest($2::integer[], $3::text[], $4::text[], $5::text[])`,
      [
        batchId,
        part.map((e) => e.line),
        part.map((e) => e.field),
        part.map((e) => e.value),
        part.map((e) => e.message),
      ],
    );
  }
}
