/**
 * Importing one file of one source: stream it, validate every row (Chinese reason per bad cell,
 * resident-ID and credit-code check characters through @wengang/kernel), stage the good rows, check
 * keys and unit references set-wise, and merge by natural key — all in one transaction. A file with
 * bad rows loads nothing unless the operator chose `loadValid`; re-importing a file changes nothing.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import type { Database } from '@wengang/db';
import { todayInShanghai, toHalfWidth } from '@wengang/kernel';
import { clean, FieldError, parseField } from './fields';
import { getLayout, storedColumns, type RowValues, type SourceLayout } from './layouts';
import { CsvError, readCsv, readXlsx, type Encoding, type SourceRecord } from './readers';
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
  /** Seconds spent reading, validating and staging; in the set-wise checks; in the merge. */
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

export async function importFile(db: Database, options: ImportOptions): Promise<ImportReport> {
  const layout = getLayout(options.source);
  if (!layout) throw new ImportError(`未知的数据来源“${options.source}”`);
  if (!options.path && !options.stream) throw new ImportError('请指定要导入的文件');
  const fileName = options.fileName ?? basename(options.path ?? 'upload');
  const format = options.format ?? (extname(fileName).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv');
  const today = options.today ?? todayInShanghai(options.now);
  const started = options.now ?? new Date();
  const t0 = performance.now();

  // Hash the bytes as they stream past.
  const hash = createHash('sha256');
  const raw = options.stream ?? createReadStream(options.path!);
  const tee = new PassThrough({ highWaterMark: 1 << 20 });
  raw.on('error', (e: Error) => tee.destroy(e));
  raw.on('data', (chunk: Buffer) => hash.update(chunk));
  raw.pipe(tee);
  const records: AsyncIterable<SourceRecord[]> = format === 'xlsx' ? readXlsx(tee) : readCsv(tee, options.encoding);

  const columns = storedColumns(layout);
  const storedFields = layout.fields.map((f) => f.stored !== false);
  const derived = layout.derived ?? [];

  return withSession(db, options.databaseUrl, async (session) => {
    await session.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`import:${layout.table}`]);
    if (db.kind === 'postgres') await session.exec("SET LOCAL work_mem = '256MB'; SET LOCAL jit = off");
    const staging = await StagingWriter.create(session, columns);
    const errors: RowError[] = [];
    let invalid = 0;
    let total = 0;
    const addError = (e: RowError) => {
      if (errors.length < MAX_REPORTED) errors.push(e);
    };

    let header: { index: number[]; ignored: string[] } | undefined;
    const row: RowValues = {};
    const out: (string | null)[] = new Array(columns.length);
    try {
      for await (const batch of records) {
        for (const record of batch) {
          if (!header) {
            header = mapHeader(layout, record.cells);
            continue;
          }
          total++;
          let bad = false;
          let o = 0;
          for (let f = 0; f < layout.fields.length; f++) {
            const field = layout.fields[f]!;
            const at = header.index[f]!;
            const cell = at >= 0 ? (record.cells[at] ?? '') : '';
            const value = clean(cell);
            let parsed: string | null | FieldError;
            if (value === '') {
              if (field.required) parsed = new FieldError('必填，不能为空');
              else parsed = field.fallback ?? null;
            } else {
              parsed = parseField(field.type, value, today);
            }
            if (parsed instanceof FieldError) {
              bad = true;
              addError({
                line: record.line,
                field: field.header,
                value: cell === '' ? null : cell,
                message: parsed.message,
              });
              continue;
            }
            row[field.column] = parsed;
            if (storedFields[f]) out[o++] = parsed;
          }
          if (!bad && layout.rowCheck) {
            const problem = layout.rowCheck(row);
            if (problem) {
              bad = true;
              const f = layout.fields.find((x) => x.header === problem.field);
              addError({
                line: record.line,
                field: problem.field,
                value: f ? (row[f.column] ?? null) : null,
                message: problem.message,
              });
            }
          }
          if (bad) {
            invalid++;
            continue;
          }
          for (const d of derived) out[o++] = d.compute(row);
          const writing = staging.add(record.line, out);
          if (writing) await writing;
        }
      }
    } catch (error) {
      if (error instanceof CsvError) throw new ImportError(error.message);
      throw error;
    }
    await staging.close();
    if (!header) throw new ImportError('文件是空的（没有表头行）');
    const staged = performance.now();

    // Set-based checks on the staged rows: duplicate keys in the file, units not imported.
    invalid += await removeDuplicateKeys(session, layout, addError);
    if (layout.unitRef) invalid += await removeUnknownUnits(session, addError);
    errors.sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));
    const checked = performance.now();

    let inserted = 0;
    let updated = 0;
    let status: ImportReport['status'] = 'loaded';
    let tasksOpened: number | undefined;
    const valid = total - invalid;
    if (invalid > 0 && !options.loadValid) {
      status = 'rejected';
    } else {
      if (invalid > 0) status = 'partial';
      ({ inserted, updated } = await merge(
        session,
        layout,
        columns.map((c) => c.column),
      ));
      if (layout.id === 'suspicious') tasksOpened = await openVerificationTasks(session, started);
    }
    const merged = performance.now();
    const finished = new Date(started.getTime() + (merged - t0));
    const sha256 = hash.digest('hex');
    const { rows } = await session.query<{ id: string }>(
      `INSERT INTO import_batches (source, file_name, file_sha256, format, status, rows_total, rows_invalid, inserted, updated,
         unchanged, actor, started_at, finished_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        layout.id,
        fileName,
        sha256,
        format,
        status,
        total,
        invalid,
        inserted,
        updated,
        status === 'rejected' ? 0 : valid - inserted - updated,
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
      sha256,
      format,
      status,
      rowsTotal: total,
      rowsInvalid: invalid,
      inserted,
      updated,
      unchanged: status === 'rejected' ? 0 : valid - inserted - updated,
      errors,
      ignoredColumns: header.ignored,
      ...(tasksOpened !== undefined ? { tasksOpened } : {}),
      seconds: (performance.now() - t0) / 1000,
      phases: { stage: (staged - t0) / 1000, checks: (checked - staged) / 1000, merge: (merged - checked) / 1000 },
    };
  });
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

async function removeUnknownUnits(session: Session, addError: (e: RowError) => void): Promise<number> {
  const { rows } = await session.query<{
    line: number;
    credit_code: string;
    region_code: string;
    registered: string | null;
  }>(
    `WITH gone AS (
       DELETE FROM import_staging s
        WHERE NOT EXISTS (SELECT 1 FROM insured_units u WHERE u.region_code = s.region_code AND u.credit_code = s.credit_code)
       RETURNING s.line, s.credit_code, s.region_code
     )
     SELECT g.line, g.credit_code, g.region_code,
            (SELECT string_agg(u.region_code, '、') FROM insured_units u WHERE u.credit_code = g.credit_code) AS registered
       FROM gone g`,
  );
  for (const r of rows) {
    addError({
      line: r.line,
      field: '统一社会信用代码',
      value: r.credit_code,
      message: r.registered
        ? `单位 ${r.credit_code} 的参保地为 ${r.registered}，不是 ${r.region_code}`
        : `单位 ${r.credit_code} 不在参保单位数据中，请先导入参保单位`,
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
