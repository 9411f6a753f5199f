/**
 * Streaming readers for the two file formats: CSV (RFC 4180: quoted fields, doubled quotes,
 * CRLF; UTF-8 with or without BOM, or GB18030 as Chinese spreadsheet tools write it) and .xlsx
 * (first worksheet, read as a stream). Both yield records in batches with the line number an
 * operator sees in a text editor (CSV) or in the spreadsheet (xlsx).
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';

export interface SourceRecord {
  /** 1-based: the header is line 1. */
  line: number;
  cells: string[];
}

export type Encoding = 'utf-8' | 'gb18030';

const BATCH = 2000;

/** Records of a CSV byte stream, in batches. */
export async function* readCsv(
  input: AsyncIterable<Buffer | string>,
  encoding: Encoding = 'utf-8',
): AsyncGenerator<SourceRecord[]> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let pending = '';
  let line = 1; // line number of the next record's first physical line
  let first = true;
  let batch: SourceRecord[] = [];

  const parse = (text: string, final: boolean): string => {
    let pos = 0;
    const n = text.length;
    // The next quote in the text, searched again only once passed (not once per line).
    let quote = text.indexOf('"');
    while (pos < n) {
      const nl = text.indexOf('\n', pos);
      const end = nl === -1 ? n : nl;
      if (quote !== -1 && quote < pos) quote = text.indexOf('"', pos);
      if (quote === -1 || quote > end) {
        // Fast path: a record without quotes on one physical line.
        if (nl === -1 && !final) return text.slice(pos);
        let raw = text.slice(pos, end);
        if (raw.endsWith('\r')) raw = raw.slice(0, -1);
        if (raw.length > 0) batch.push({ line, cells: raw.split(',') });
        line++;
        pos = end + 1;
        continue;
      }
      // Slow path: a record with quoted fields, possibly over several physical lines.
      const cells: string[] = [];
      let cell = '';
      let i = pos;
      let lines = 1;
      let inQuotes = false;
      let done = false;
      while (i < n) {
        const ch = text.charCodeAt(i);
        if (inQuotes) {
          if (ch === 34) {
            if (i + 1 < n && text.charCodeAt(i + 1) === 34) {
              cell += '"';
              i += 2;
              continue;
            }
            if (i + 1 >= n && !final) break; // cannot tell yet whether the quote is doubled
            inQuotes = false;
            i++;
            continue;
          }
          if (ch === 10) lines++;
          cell += text[i];
          i++;
          continue;
        }
        if (ch === 34 && cell.length === 0) {
          inQuotes = true;
          i++;
        } else if (ch === 44) {
          cells.push(cell);
          cell = '';
          i++;
        } else if (ch === 10) {
          i++;
          done = true;
          break;
        } else if (ch === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) {
          i += 2;
          done = true;
          break;
        } else {
          cell += text[i];
          i++;
        }
      }
      if (!done && !(final && i >= n)) return text.slice(pos);
      if (inQuotes) throw new CsvError(line, '引号未闭合（文件在带引号的字段中结束）');
      cells.push(cell);
      batch.push({ line, cells });
      line += lines;
      pos = i;
    }
    return '';
  };

  /**
   * Parses a new chunk after the unfinished tail of the previous one. The tail is joined only with
   * the chunk's first line (a big concatenated string would be flattened again by every search);
   * a tail inside a quoted field is joined with the whole chunk.
   */
  const feed = (tail: string, text: string): string => {
    if (tail === '') return parse(text, false);
    const nl = tail.includes('"') ? -1 : text.indexOf('\n');
    if (nl === -1) return parse(tail + text, false);
    const rest = parse(tail + text.slice(0, nl + 1), false);
    return rest === '' ? parse(text.slice(nl + 1), false) : parse(rest + text.slice(nl + 1), false);
  };

  // UTF-8 is cut at the last whole character of each chunk and decoded in one piece: the streaming
  // decoder would return the carried bytes joined to the rest, a string every search flattens anew.
  let carry: Buffer | undefined;
  const decode = (chunk: Buffer): string => {
    if (encoding !== 'utf-8') return flat(decoder.decode(chunk, { stream: true }));
    const bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
    const cut = utf8Boundary(bytes);
    carry = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : undefined;
    return decoder.decode(bytes.subarray(0, cut));
  };

  for await (const chunk of input) {
    let text: string;
    try {
      text = typeof chunk === 'string' ? chunk : decode(chunk);
    } catch {
      throw new CsvError(
        line,
        `文件不是有效的 ${encoding === 'utf-8' ? 'UTF-8' : 'GB18030'} 编码；如为 GBK/GB18030 编码请选择相应编码`,
      );
    }
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    pending = feed(pending, text);
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  let tail: string;
  try {
    tail = carry ? decoder.decode(carry) : decoder.decode();
  } catch {
    throw new CsvError(line, '文件末尾的字符编码不完整');
  }
  parse(pending + tail, true);
  if (batch.length > 0) yield batch;
}

/** The end of the last complete UTF-8 character in `bytes`. */
function utf8Boundary(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(4, n); back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte
    const size = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return back >= size ? n : n - back;
  }
  return n;
}

/** A string with one contiguous representation (decoders may return joined pieces). */
function flat(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`第 ${line} 行：${message}`);
  }
}

/** A cell of an xlsx row as text (numbers as written, dates as YYYY-MM-DD, rich text joined). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (typeof v.text === 'string') return v.text;
  }
  return String(value);
}

/** Records of the first worksheet of an .xlsx file (a path or a stream), in batches. */
export async function* readXlsx(input: string | Readable): AsyncGenerator<SourceRecord[]> {
  // loaded on first use: ≈ 0.3 s of CPU, paid otherwise by every process and reading thread that
  // only ever reads CSV
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(typeof input === 'string' ? createReadStream(input) : input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let batch: SourceRecord[] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as unknown[];
      const cells: string[] = [];
      // row.values is 1-based (index 0 is empty)
      for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
      if (cells.some((c) => c.trim() !== '')) batch.push({ line: row.number, cells });
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    break; // first worksheet only
  }
  if (batch.length > 0) yield batch;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const NOT_UTF8 = '文件不是有效的 UTF-8 编码；如为 GBK/GB18030 编码请选择相应编码';

/** One record handed to a splitter's consumer: cells [starts[i], ends[i]) of buf, valid until it returns. */
export type RecordHandler = (line: number, buf: Buffer, starts: Int32Array, ends: Int32Array, cells: number) => void;

/**
 * CSV as bytes, record by record, for the import's hot path: the same dialect as readCsv (RFC 4180
 * quotes, doubled quotes, CRLF, UTF-8 with or without BOM, line numbers as an editor shows them),
 * but an unquoted line's cells are handed over as byte ranges of the chunk, never as strings. A
 * record with quotes is unquoted into a scratch buffer first. Each chunk's complete lines are
 * checked to be valid UTF-8 (a newline byte never occurs inside a multi-byte character).
 */
export class CsvSplitter {
  /** Line number of the next record's first physical line. */
  line = 1;
  private pending: Buffer | undefined;
  private first = true;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private scratch = Buffer.allocUnsafe(1 << 16);

  /**
   * `fromStart: false` for a part of a file that begins after its first line (a parallel reading):
   * its first bytes are a record's, never a byte-order mark.
   */
  constructor(
    private readonly onRecord: RecordHandler,
    options: { fromStart?: boolean } = {},
  ) {
    this.first = options.fromStart ?? true;
  }

  push(chunk: Buffer): void {
    let data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = undefined;
    if (this.first) {
      if (data.length < 3 && BOM.subarray(0, data.length).equals(data)) {
        this.pending = data; // too short to tell whether this is a byte-order mark
        return;
      }
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
      this.first = false;
    }
    const last = data.lastIndexOf(10);
    if (last === -1) {
      this.pending = data;
      return;
    }
    if (!isUtf8(data.subarray(0, last + 1))) throw new CsvError(this.line, NOT_UTF8);
    const rest = this.split(data, last + 1, false);
    if (rest < data.length) this.pending = Buffer.from(data.subarray(rest));
  }

  /** The last record (without a final newline) and the end of the file. */
  end(): void {
    let data = this.pending;
    this.pending = undefined;
    if (!data) return;
    if (this.first && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
    this.first = false;
    if (data.length === 0) return;
    if (!isUtf8(data)) {
      const cut = utf8Boundary(data);
      const truncated = cut < data.length && isUtf8(data.subarray(0, cut));
      throw new CsvError(this.line, truncated ? '文件末尾的字符编码不完整' : NOT_UTF8);
    }
    this.split(data, data.length, true);
  }

  /** Records in data[0, n); returns where the unfinished part begins. */
  private split(data: Buffer, n: number, final: boolean): number {
    let pos = 0;
    let quote = data.indexOf(34);
    while (pos < n) {
      let nl = data.indexOf(10, pos);
      if (nl === -1 || nl >= n) {
        if (!final) return pos;
        nl = n;
      }
      if (quote !== -1 && quote < pos) quote = data.indexOf(34, pos);
      if (quote === -1 || quote >= nl) {
        // An unquoted record on one physical line.
        let end = nl;
        if (end > pos && data[end - 1] === 13) end--;
        if (end > pos) this.cells(data, pos, end);
        this.line++;
        pos = nl + 1;
        continue;
      }
      const next = this.quoted(data, pos, n, final);
      if (next === -1) return pos;
      pos = next;
    }
    return n;
  }

  private cells(data: Buffer, pos: number, end: number): void {
    let cells = 0;
    let s = pos;
    for (let i = pos; i < end; i++) {
      if (data[i] !== 44) continue;
      if (cells + 1 >= this.starts.length) this.grow();
      this.starts[cells] = s;
      this.ends[cells++] = i;
      s = i + 1;
    }
    if (cells + 1 >= this.starts.length) this.grow();
    this.starts[cells] = s;
    this.ends[cells++] = end;
    this.onRecord(this.line, data, this.starts, this.ends, cells);
  }

  private cell(i: number, s: number, e: number): void {
    if (i >= this.starts.length) this.grow();
    this.starts[i] = s;
    this.ends[i] = e;
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }

  /**
   * A record with quoted fields from pos, possibly over several physical lines, unquoted into the
   * scratch buffer. Returns the position after it, or −1 when it continues past n.
   */
  private quoted(data: Buffer, pos: number, n: number, final: boolean): number {
    if (this.scratch.length < n - pos) this.scratch = Buffer.allocUnsafe(2 * (n - pos));
    const out = this.scratch;
    let o = 0;
    let cells = 0;
    let cellStart = 0;
    let i = pos;
    let lines = 1;
    let inQuotes = false;
    let done = false;
    while (i < n) {
      const ch = data[i]!;
      if (inQuotes) {
        if (ch === 34) {
          if (i + 1 < n && data[i + 1] === 34) {
            out[o++] = 34;
            i += 2;
            continue;
          }
          if (i + 1 >= n && !final) break; // cannot tell yet whether the quote is doubled
          inQuotes = false;
          i++;
          continue;
        }
        if (ch === 10) lines++;
        out[o++] = ch;
        i++;
        continue;
      }
      if (ch === 34 && o === cellStart) {
        inQuotes = true;
        i++;
      } else if (ch === 44) {
        this.cell(cells++, cellStart, o);
        cellStart = o;
        i++;
      } else if (ch === 10) {
        i++;
        done = true;
        break;
      } else if (ch === 13 && i + 1 < n && data[i + 1] === 10) {
        i += 2;
        done = true;
        break;
      } else {
        out[o++] = ch;
        i++;
      }
    }
    if (!done && !(final && i >= n)) return -1;
    if (inQuotes) throw new CsvError(this.line, '引号未闭合（文件在带引号的字段中结束）');
    this.cell(cells++, cellStart, o);
    this.onRecord(this.line, out, this.starts, this.ends, cells);
    this.line += lines;
    return i;
  }
}

/** Records given as strings (xlsx, GB18030 files) handed to a byte-level consumer. */
export class StringRecords {
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private buf = Buffer.allocUnsafe(1 << 16);

  constructor(private readonly onRecord: RecordHandler) {}

  push(record: SourceRecord): void {
    const cells = record.cells;
    if (cells.length > this.starts.length) {
      this.starts = new Int32Array(cells.length * 2);
      this.ends = new Int32Array(cells.length * 2);
    }
    let size = 0;
    for (const c of cells) size += 3 * c.length;
    if (size > this.buf.length) this.buf = Buffer.allocUnsafe(2 * size);
    let o = 0;
    for (let i = 0; i < cells.length; i++) {
      this.starts[i] = o;
      o += this.buf.write(cells[i]!, o, 'utf8');
      this.ends[i] = o;
    }
    this.onRecord(record.line, this.buf, this.starts, this.ends, cells.length);
  }
}
