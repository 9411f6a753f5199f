/**
 * Importing one file of one source: stream it, validate every row (Chinese reason per bad cell,
 * resident-ID and credit-code check characters, the unit a row names) and load the good rows — all
 * in one transaction. On a server a clean file of new rows is copied straight into its table (the
 * direct load); otherwise the rows are staged with their line numbers, repeated keys found
 * set-wise, and merged by natural key. A file with bad rows loads nothing unless the operator chose
 * `loadValid`; re-importing a file changes nothing.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '@wengang/db';
import { todayInShanghai, toHalfWidth } from '@wengang/kernel';
import { CopyBuffer, RowEncoder, UnitIndex } from './encoder';
import { getLayout, storedColumns, type SourceLayout } from './layouts';
import { CsvError, CsvSplitter, readCsv, readXlsx, StringRecords, type Encoding, type RecordHandler } from './readers';
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
  /** Bounds birth dates in resident IDs; today in Asia/Shanghai by default. */
  today?: string;
  now?: Date;
}

export interface RowError {
  line: number;
  field: string;
  value: string | null;
  message: string;
}

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
  /** Seconds spent reading, validating and loading (or staging); in the set-wise checks; in the merge. */
  phases: { stage: number; checks: number; merge: number };
}

export class ImportError extends Error {}

export const MAX_REPORTED = 10_000;

/** A file's header row resolved against the layout: cell index of each field (−1 when absent). */
function mapHeader(layout: SourceLayout, header: string[]): { index: number[]; ignored: string[] } {
  const normal = (h: string) => toHalfWidth(h).replace(/\s+/g, '');
  const names = header.map(normal);
  const used = new Set<number>();
  const index = layout.fields.map((f) => {
    const wanted = normal(f.header);
    const i = names.findIndex(
      (n, at) => !used.has(at) && (n === wanted || (f.code !== undefined && n.toUpperCase() === f.code)),
    );
    if (i >= 0) used.add(i);
    return i;
  });
  const missing = layout.fields.filter((f, i) => f.required && index[i]! < 0);
  if (missing.length > 0) {
    throw new ImportError(
      `第 1 行（表头）缺少必填列：${missing.map((f) => `${f.header}${f.code ? `（${f.code}）` : ''}`).join('、')}。` +
        `${layout.title}的列见 docs/data-import.md`,
    );
  }
  const ignored = names.filter((n, i) => !used.has(i) && n !== '');
  return { index, ignored };
}

/** The file read once: rows, bad rows, hash. */
interface Pass {
  total: number;
  invalid: number;
  sha256: string;
  ignored: string[];
  /** Rows the direct load wrote (undefined: the rows went to the staging table). */
  loaded?: number;
  /** Seconds the direct load spent building the indexes again. */
  rebuildSeconds?: number;
}

/** Bytes of COPY text collected before they are handed to the server. */
const PIECE = 1 << 20;
/** Bytes of rows grouped by county before they are handed over (a direct load). */
const COUNTY_PIECE = 32 << 20;

/**
 * Reads the file once: every record through the row encoder, handing the pieces of COPY text to
 * `write` as they fill. `stopAtFirstBadRow` ends the reading at the first bad row (and returns
 * undefined). `byCounty` groups the rows of every 32 MB by county (region_code) before handing
 * them over, so that a county's rows lie together in the table — the unit of the screening's
 * chunks (and of a Citus shard): a chunk then reads its county's pages, not the whole table.
 */
async function readPass(
  input: Readable,
  format: 'csv' | 'xlsx',
  encoding: Encoding,
  layout: SourceLayout,
  encoder: (header: number[]) => RowEncoder,
  write: (piece: Buffer) => Promise<void>,
  addError: (e: RowError) => void,
  options: { stopAtFirstBadRow: boolean; byCounty: boolean },
): Promise<Pass | undefined> {
  const hash = createHash('sha256');
  const out = new CopyBuffer(PIECE + (PIECE >> 2));
  const counties = new Map<number, CopyBuffer>();
  let currentCounty = -2;
  let current = new CopyBuffer(1 << 16);
  counties.set(currentCounty, current);
  let grouped = 0;
  let header: { index: number[]; ignored: string[] } | undefined;
  let rows: RowEncoder | undefined;
  let total = 0;
  let invalid = 0;
  let stopped = false;
  const onRecord: RecordHandler = (line, buf, starts, ends, cells) => {
    if (stopped) return;
    if (!rows) {
      const names: string[] = [];
      for (let i = 0; i < cells; i++) names.push(buf.toString('utf8', starts[i], ends[i]));
      header = mapHeader(layout, names);
      rows = encoder(header.index);
      return;
    }
    total++;
    // Grouped by county: written straight into the group of the previous row's county (rows of a
    // unit come together), moved when the row turns out to be another county's.
    const target = options.byCounty ? current : out;
    const start = target.pos;
    if (!rows.encode(line, buf, starts, ends, cells, target, addError)) {
      invalid++;
      if (options.stopAtFirstBadRow) stopped = true;
    } else if (options.byCounty) {
      grouped += target.pos - start;
      const county = rows.county(target);
      if (county !== currentCounty) {
        let group = counties.get(county);
        if (!group) counties.set(county, (group = new CopyBuffer(1 << 16)));
        group.append(target.buf, start, target.pos);
        target.pos = start;
        current = group;
        currentCounty = county;
      }
    }
  };
  const flush = async (all: boolean) => {
    if (out.pos >= PIECE || (all && out.pos > 0)) await write(out.take());
    if (grouped >= COUNTY_PIECE || (all && grouped > 0)) {
      for (const county of [...counties.keys()].sort((a, b) => a - b)) {
        const group = counties.get(county)!;
        if (group.pos > 0) await write(group.take());
      }
      grouped = 0;
    }
  };
  try {
    if (format === 'csv' && encoding === 'utf-8') {
      const splitter = new CsvSplitter(onRecord);
      for await (const chunk of input as AsyncIterable<Buffer>) {
        hash.update(chunk);
        splitter.push(chunk);
        if (stopped) break;
        await flush(false);
      }
      if (!stopped) splitter.end();
    } else {
      // GB18030 text and xlsx: records as strings from the general readers.
      const tee = new PassThrough({ highWaterMark: 1 << 20 });
      input.on('error', (e: Error) => tee.destroy(e));
      input.on('data', (chunk: Buffer) => hash.update(chunk));
      input.pipe(tee);
      const records = format === 'xlsx' ? readXlsx(tee) : readCsv(tee, encoding);
      const strings = new StringRecords(onRecord);
      for await (const batch of records) {
        for (const record of batch) strings.push(record);
        if (stopped) break;
        await flush(false);
      }
    }
  } catch (error) {
    if (error instanceof CsvError) throw new ImportError(error.message);
    throw error;
  }
  if (stopped) {
    if (!input.destroyed) input.destroy();
    return undefined;
  }
  await flush(true);
  if (!header) throw new ImportError('文件是空的（没有表头行）');
  return { total, invalid, sha256: hash.digest('hex'), ignored: header.ignored };
}

/**
 * A stream that may have to be read twice (the direct load falls back to staging) is saved to a
 * temporary file first; a path is simply opened again.
 */
async function rereadable(options: ImportOptions): Promise<{ open: () => Readable; cleanup: () => void }> {
  const open = (path: string) => () => createReadStream(path, { highWaterMark: PIECE });
  if (options.path) return { open: open(options.path), cleanup: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'wengang-import-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const file = join(dir, 'upload');
  try {
    await pipeline(options.stream!, createWriteStream(file));
  } catch (error) {
    cleanup();
    throw error;
  }
  return { open: open(file), cleanup };
}

export async function importFile(db: Database, options: ImportOptions): Promise<ImportReport> {
  const layout = getLayout(options.source);
  if (!layout) throw new ImportError(`未知的数据来源“${options.source}”`);
  if (!options.path && !options.stream) throw new ImportError('请指定要导入的文件');
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
    const units = layout.unitRef ? await UnitIndex.load(session) : undefined;
    const errors: RowError[] = [];
    const addError = (e: RowError) => {
      if (errors.length < MAX_REPORTED) errors.push(e);
    };
    const encoder = (withLine: boolean) => (header: number[]) =>
      new RowEncoder(layout, header, today, { withLine, units });

    let pass: Pass | undefined;
    let via: ImportReport['via'] = 'staging';
    const input = session.copy ? await rereadable(options) : undefined;
    try {
      if (session.copy && input) {
        pass = await directLoad(session, layout, columns, input.open(), format, encoding, encoder(false));
        if (pass) via = 'direct';
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
        pass = (await readPass(
          input ? input.open() : (options.stream ?? createReadStream(options.path!, { highWaterMark: PIECE })),
          format,
          encoding,
          layout,
          encoder(true),
          (piece) => staging.write(piece),
          addError,
          { stopAtFirstBadRow: false, byCounty: false },
        ))!;
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
  input: Readable,
  format: 'csv' | 'xlsx',
  encoding: Encoding,
  encoder: (header: number[]) => RowEncoder,
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
    pass = await readPass(
      input,
      format,
      encoding,
      layout,
      encoder,
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
