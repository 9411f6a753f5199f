/**
 * Reading a file once: every record through the row encoder, as COPY text in pieces, with the
 * file's hash and its header resolved against the layout.
 */
import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { toHalfWidth } from '@wengang/kernel';
import { CopyBuffer, type RowEncoder } from './encoder';
import { ImportError, type RowError } from './import-error';
import type { SourceLayout } from './layouts';
import { CsvError, CsvSplitter, readCsv, readXlsx, StringRecords, type Encoding, type RecordHandler } from './readers';

/** A file's header row resolved against the layout: cell index of each field (−1 when absent). */
export function mapHeader(layout: SourceLayout, header: string[]): { index: number[]; ignored: string[] } {
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
export interface Pass {
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
export const PIECE = 1 << 20;
/**
 * Bytes of rows grouped by county before they are handed over (a direct load): 32 MB, after a
 * first group of 4 MB that doubles. The server has nothing to do until the first group is handed
 * over; a small one starts it working while Node reads on.
 */
const COUNTY_PIECE = 32 << 20;
const FIRST_COUNTY_PIECE = 4 << 20;

/**
 * Reads the file once: every record through the row encoder, handing the pieces of COPY text to
 * `write` as they fill. `stopAtFirstBadRow` ends the reading at the first bad row (and returns
 * undefined). `byCounty` groups the rows of every 32 MB (the first few groups less) by county
 * (region_code) before handing them over, so that a county's rows lie together in the table — the
 * unit of the screening's chunks (and of a Citus shard): a chunk then reads its county's pages,
 * not the whole table.
 */
export async function readPass(
  input: Readable,
  format: 'csv' | 'xlsx',
  encoding: Encoding,
  layout: SourceLayout,
  encoder: (header: number[]) => RowEncoder,
  write: (piece: Buffer) => Promise<void>,
  addError: (e: RowError) => void,
  options: {
    stopAtFirstBadRow: boolean;
    byCounty: boolean;
    /** The file's hash when it is computed elsewhere (hashOnWorker); otherwise hashed as it is read. */
    sha256?: Promise<string> | undefined;
    /**
     * The file's header row, when `input` is a part of a UTF-8 CSV file after it (a parallel
     * reading): every record read is a row.
     */
    header?: string[] | undefined;
  },
): Promise<Pass | undefined> {
  const hash = options.sha256 ? undefined : createHash('sha256');
  const out = new CopyBuffer(PIECE + (PIECE >> 2));
  const counties = new Map<number, CopyBuffer>();
  let currentCounty = -2;
  let current = new CopyBuffer(1 << 16);
  counties.set(currentCounty, current);
  let grouped = 0;
  let groupLimit = FIRST_COUNTY_PIECE;
  let header = options.header ? mapHeader(layout, options.header) : undefined;
  let rows = header ? encoder(header.index) : undefined;
  let total = 0;
  let invalid = 0;
  let stopped = false;
  /** Makes a county's group the current one (created on its first row). */
  const turnTo = (county: number): CopyBuffer => {
    let group = counties.get(county);
    if (!group) counties.set(county, (group = new CopyBuffer(1 << 16)));
    current = group;
    currentCounty = county;
    return group;
  };
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
    // Grouped by county: written straight into the group of the county its cell names (or of the
    // previous row's county), moved when the row turns out to be another county's.
    if (options.byCounty) {
      const named = rows.countyOfCell(buf, starts, ends, cells);
      if (named >= 0 && named !== currentCounty) turnTo(named);
    }
    const target = options.byCounty ? current : out;
    const start = target.pos;
    if (!rows.encode(line, buf, starts, ends, cells, target, addError)) {
      invalid++;
      if (options.stopAtFirstBadRow) stopped = true;
    } else if (options.byCounty) {
      grouped += target.pos - start;
      const county = rows.county(target);
      if (county !== currentCounty) {
        turnTo(county).append(target.buf, start, target.pos);
        target.pos = start;
      }
    }
  };
  const flush = async (all: boolean) => {
    if (out.pos >= PIECE || (all && out.pos > 0)) await write(out.take());
    if (grouped >= groupLimit || (all && grouped > 0)) {
      for (const county of [...counties.keys()].sort((a, b) => a - b)) {
        const group = counties.get(county)!;
        if (group.pos > 0) await write(group.take());
      }
      grouped = 0;
      groupLimit = Math.min(2 * groupLimit, COUNTY_PIECE);
    }
  };
  try {
    if (format === 'csv' && encoding === 'utf-8') {
      const splitter = new CsvSplitter(onRecord, { fromStart: !options.header });
      for await (const chunk of input as AsyncIterable<Buffer>) {
        hash?.update(chunk);
        splitter.push(chunk);
        if (stopped) break;
        await flush(false);
      }
      if (!stopped) splitter.end();
    } else {
      // GB18030 text and xlsx: records as strings from the general readers.
      const tee = new PassThrough({ highWaterMark: 1 << 20 });
      input.on('error', (e: Error) => tee.destroy(e));
      if (hash) input.on('data', (chunk: Buffer) => hash.update(chunk));
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
  const sha256 = hash ? hash.digest('hex') : await options.sha256!;
  return { total, invalid, sha256, ignored: header.ignored };
}
