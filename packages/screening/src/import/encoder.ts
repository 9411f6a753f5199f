/**
 * The hot path of an import: one record's cells, as UTF-8 bytes, validated and written as one row
 * of PostgreSQL COPY text without turning the cells into strings. Every field type has a check of
 * its usual, canonical shape (18 digits with a real birth date and the right check character,
 * `2022-07`, `1234.56`, a code already seen on the previous row …) that writes the stored bytes
 * directly. Any other cell — spaces around it, full-width characters, another date spelling, an
 * empty required cell, a bad value — is decoded and goes through `parseField`, so what is accepted,
 * how it is stored and every message stay exactly those of fields.ts (a test compares the two on
 * generated and hand-written cells).
 */
import { CREDIT_CODE_ALPHABET, isKnownRegion } from '@wengang/kernel';
import { clean, FieldError, parseField, type FieldType } from './fields';
import type { RowError } from './import-error';
import type { RowValues, SourceLayout } from './layouts';

/** A growing byte buffer of COPY text rows, handed over in pieces. */
export class CopyBuffer {
  buf: Buffer;
  /** The same bytes, for copies four at a time (put). */
  view: DataView;
  pos = 0;

  constructor(private readonly size = 1 << 20) {
    this.buf = Buffer.allocUnsafe(size);
    this.view = viewOf(this.buf);
  }

  /** Room for n more bytes. */
  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
    this.view = viewOf(bigger);
  }

  /** Appends bytes [s, e) of another buffer. */
  append(from: Buffer, s: number, e: number): void {
    this.ensure(e - s);
    put(this, from, s, e);
  }

  /** The rows written so far; the buffer starts afresh (the piece may still be in flight). */
  take(): Buffer {
    const piece = this.buf.subarray(0, this.pos);
    // as big as the last piece: a buffer that filled up once would otherwise grow again by copying
    this.buf = Buffer.allocUnsafe(Math.max(this.size, this.pos));
    this.view = viewOf(this.buf);
    this.pos = 0;
    return piece;
  }
}

function viewOf(buf: Buffer): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** The view of the buffer records were last read from (a chunk of the file: one view a chunk). */
let inputBuf: Buffer | undefined;
let inputView: DataView = new DataView(new ArrayBuffer(0));

const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character of a resident ID by `sum % 11`, as a byte. */
const RESIDENT_CHECK = Buffer.from('10X98765432', 'latin1');
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Byte → value in the credit-code alphabet, −1 outside it (lower case included: parseField upper-cases). */
const CREDIT_VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < CREDIT_CODE_ALPHABET.length; i++) CREDIT_VALUE[CREDIT_CODE_ALPHABET.charCodeAt(i)] = i;

const isDigit = (b: number) => b >= 48 && b <= 57;
/** Stored values that need no COPY escaping and are the same in Latin-1 and UTF-8. */
const PLAIN = /^[\x21-\x7e]+$/;

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether a code point is one that String.prototype.trim removes. */
function isTrimmed(cp: number): boolean {
  return (
    cp <= 0x20 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000 ||
    cp === 0xfeff
  );
}

/** The code point of the (valid) UTF-8 sequence starting at i. */
function codePointAt(buf: Buffer, i: number): number {
  const b = buf[i]!;
  if (b < 0x80) return b;
  if (b < 0xe0) return ((b & 0x1f) << 6) | (buf[i + 1]! & 0x3f);
  if (b < 0xf0) return ((b & 0x0f) << 12) | ((buf[i + 1]! & 0x3f) << 6) | (buf[i + 2]! & 0x3f);
  return ((b & 0x07) << 18) | ((buf[i + 1]! & 0x3f) << 12) | ((buf[i + 2]! & 0x3f) << 6) | (buf[i + 3]! & 0x3f);
}

/** Whether the cell has no leading or trailing whitespace (what `clean` would remove). */
function untrimmed(buf: Buffer, s: number, e: number): boolean {
  const first = buf[s]!;
  if (first <= 0x20 || (first >= 0x80 && isTrimmed(codePointAt(buf, s)))) return false;
  const last = buf[e - 1]!;
  if (last < 0x80) return last > 0x20;
  let k = e - 1;
  while (k > s && (buf[k]! & 0xc0) === 0x80) k--;
  return !isTrimmed(codePointAt(buf, k));
}

/**
 * Copies bytes [s, e) of buf to out. Short cells four bytes at a time through DataViews: a native
 * copy costs more to call than it saves, and a byte loop is 2–3 times slower.
 */
function put(out: CopyBuffer, buf: Buffer, s: number, e: number): void {
  const n = e - s;
  if (n > 160) {
    buf.copy(out.buf, out.pos, s, e);
    out.pos += n;
    return;
  }
  if (buf !== inputBuf) {
    inputBuf = buf;
    inputView = viewOf(buf);
  }
  const from = inputView;
  const to = out.view;
  let p = out.pos;
  let i = s;
  for (; i + 4 <= e; i += 4, p += 4) to.setUint32(p, from.getUint32(i));
  for (; i < e; i++) to.setUint8(p++, from.getUint8(i));
  out.pos = p;
}

/**
 * Whether a[as, as+n) and b[bs, bs+n) hold the same bytes. Compared from the end: codes that differ
 * mostly differ there (credit codes and resident IDs begin with the region's digits).
 */
function same(a: Buffer, as: number, b: Buffer, bs: number, n: number): boolean {
  for (let i = n - 1; i >= 0; i--) if (a[as + i] !== b[bs + i]) return false;
  return true;
}

/** Writes the decimal digits of a non-negative safe integer at out.pos. */
function writeDigits(out: CopyBuffer, n: number): void {
  if (n === 0) {
    out.buf[out.pos++] = 48;
    return;
  }
  let digits = 0;
  for (let m = n; m > 0; m = Math.floor(m / 10)) digits++;
  let at = out.pos + digits;
  out.pos = at;
  for (let m = n; m > 0; m = Math.floor(m / 10)) out.buf[--at] = 48 + (m % 10);
}

/** Escapes a value for COPY's text format. */
export function copyText(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 92 || c === 9 || c === 10 || c === 13) {
      return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
    }
  }
  return value;
}

/** Decoded values of one field, by their bytes. */
interface DecodeCache {
  codes: Map<number, string>;
  texts: Map<number, { bytes: Buffer; value: string }>;
  hits: number;
  misses: number;
}

const enum Kind {
  Text,
  PersonId,
  CreditCode,
  CreditCodeFull,
  Region,
  Industry,
  Date,
  Month,
  Year,
  Int,
  Fen,
  Cached,
  BankAccount,
  Slow,
}

interface CompiledField {
  index: number;
  column: string;
  header: string;
  type: FieldType;
  kind: Kind;
  required: boolean;
  fallback: string | null;
  stored: boolean;
  /** rowCheck or a derived column reads it. */
  read: boolean;
  maxLength: number;
  lenient: boolean;
  monthAllowed: boolean;
  /** Kind.Fen: negative amounts allowed. */
  signed: boolean;
  min: number;
  max: number;
  /**
   * Kind.Cached: cells seen before and the (plain ASCII) values they were stored as — short cells
   * by their bytes as a number, a longer one as the previous cell's bytes.
   */
  seen: Map<number, Buffer>;
  /** The same for a field that is not stored (read by the row check only): the value itself. */
  seenString: Map<number, string>;
  /** Kind.CreditCodeFull: first 8 characters (as a number) of codes that passed the full check. */
  prefixes: Set<number>;
  lastIn: Buffer;
  lastInLength: number;
  lastOut: Buffer;
}

/** The first 8 characters of a (valid) credit code as a number in base 31. */
function creditPrefix(code: string): number {
  let prefix = 0;
  for (let i = 0; i < 8; i++) prefix = prefix * 31 + CREDIT_VALUE[code.charCodeAt(i)]!;
  return prefix;
}

/** Up to 6 bytes and their count as one number (exact: below 2^51). */
function shortKey(buf: Buffer, s: number, e: number): number {
  let key = e - s;
  for (let i = s; i < e; i++) key = key * 256 + buf[i]!;
  return key;
}

/** Remembers how a cell of a Kind.Cached field was stored. */
function remember(field: CompiledField, buf: Buffer, s: number, e: number, value: string): void {
  const stored = Buffer.from(value, 'latin1');
  if (e - s <= 6) {
    if (field.seen.size < 4096) field.seen.set(shortKey(buf, s, e), stored);
  } else if (e - s <= field.lastIn.length) {
    buf.copy(field.lastIn, 0, s, e);
    field.lastInLength = e - s;
    field.lastOut = stored;
  }
}

function kindOf(type: FieldType): Kind {
  switch (type.kind) {
    case 'text':
      return Kind.Text;
    case 'personId':
      return Kind.PersonId;
    case 'creditCode':
      return type.full ? Kind.CreditCodeFull : Kind.CreditCode;
    case 'region':
      return Kind.Region;
    case 'industry':
      return Kind.Industry;
    case 'date':
      return Kind.Date;
    case 'month':
      return Kind.Month;
    case 'year':
      return Kind.Year;
    case 'int':
      return Kind.Int;
    case 'fen':
      return Kind.Fen;
    case 'bool':
    case 'enum':
      return Kind.Cached;
    case 'bankAccount':
      return Kind.BankAccount;
  }
}

/**
 * FNV-1a of a credit code's last 10 bytes: the organisation code and check character (the first 8,
 * department, type and region, are nearly the same for a county's units).
 */
function hash18(b: Buffer, s: number): number {
  let h = 0x811c9dc5;
  for (let i = 8; i < 18; i++) h = Math.imul(h ^ b[s + i]!, 16777619);
  return h >>> 0;
}

/** One county's credit codes, packed (18 bytes each) with an open-addressing hash table over them. */
class CountyUnits {
  private readonly mask: number;

  private constructor(
    private readonly codes: Buffer,
    private readonly slots: Int32Array,
  ) {
    this.mask = slots.length - 1;
  }

  /** Packs the codes (18 characters each, one string) and hashes them, in memory that worker threads can share. */
  static build(packed: string): CountyUnits {
    const n = packed.length / 18;
    let size = 16;
    while (size < 2 * n) size *= 2;
    const codes = Buffer.from(new SharedArrayBuffer(packed.length));
    codes.write(packed, 'latin1');
    const slots = new Int32Array(new SharedArrayBuffer(size * 4));
    const mask = size - 1;
    for (let i = 0; i < n; i++) {
      let h = hash18(codes, i * 18) & mask;
      while (slots[h] !== 0) h = (h + 1) & mask;
      slots[h] = i + 1;
    }
    return new CountyUnits(codes, slots);
  }

  /** The shared memory behind the table (posted to a worker thread without copying). */
  shared(): SharedCounty {
    return { codes: this.codes.buffer as SharedArrayBuffer, slots: this.slots.buffer as SharedArrayBuffer };
  }

  static fromShared(county: SharedCounty): CountyUnits {
    return new CountyUnits(Buffer.from(county.codes), new Int32Array(county.slots));
  }

  has(buf: Buffer, s: number): boolean {
    let h = hash18(buf, s) & this.mask;
    for (let slot = this.slots[h]!; slot !== 0; slot = this.slots[h]!) {
      if (same(this.codes, (slot - 1) * 18, buf, s, 18)) return true;
      h = (h + 1) & this.mask;
    }
    return false;
  }
}

/** One county's table as shared memory. */
export interface SharedCounty {
  codes: SharedArrayBuffer;
  slots: SharedArrayBuffer;
}

/**
 * Units a source's rows may name, per 参保地: each county's credit codes packed and hashed, looked
 * up without making strings.
 */
export class UnitIndex {
  private constructor(private readonly byRegion: Map<string, CountyUnits>) {}

  /** The index as shared memory, for the reading threads (worker threads) of one import. */
  shared(): Map<string, SharedCounty> {
    return new Map([...this.byRegion].map(([region, county]) => [region, county.shared()]));
  }

  /** An index posted by `shared()`: the same tables, not copied. */
  static fromShared(shared: Map<string, SharedCounty>): UnitIndex {
    return new UnitIndex(new Map([...shared].map(([region, county]) => [region, CountyUnits.fromShared(county)])));
  }

  /** The units imported so far (one query, packed per county). */
  static async load(q: {
    query<R>(text: string, params?: readonly unknown[]): Promise<{ rows: R[] }>;
  }): Promise<UnitIndex> {
    const { rows } = await q.query<{ region_code: string; codes: string }>(
      `SELECT region_code, string_agg(credit_code, '') AS codes FROM insured_units GROUP BY region_code`,
    );
    return new UnitIndex(new Map(rows.map((r) => [r.region_code, CountyUnits.build(r.codes)])));
  }

  /** Whether credit code bytes [s, s+18) of buf are a unit in the region (a 6-character code). */
  has(region: string, buf: Buffer, s: number): boolean {
    return this.county(region)?.has(buf, s) ?? false;
  }

  /** The units insured in a county (a 6-character code), if any. */
  county(region: string): CountyUnits | undefined {
    return this.byRegion.get(region);
  }

  /** The counties where a credit code is insured (for the message). */
  regionsOf(creditCode: string): string[] {
    const probe = Buffer.from(creditCode, 'latin1');
    if (probe.length !== 18) return [];
    return [...this.byRegion.keys()].filter((r) => this.has(r, probe, 0)).sort();
  }
}

/**
 * Encodes the records of one file for one layout: validates every cell, runs the layout's row
 * check, derives its derived columns, checks the unit a row names, and writes each good row as
 * COPY text (optionally led by its line number, for the staging table).
 */
export class RowEncoder {
  private readonly fields: CompiledField[];
  private readonly stored: number[];
  private readonly derived: SourceLayout['derived'];
  private readonly needsRow: boolean;
  private readonly todayNumber: number;
  private readonly regionKnown = new Map<number, boolean>();
  /** Output span of each field in the current row (start, end; start −1 for NULL). */
  private readonly spanStart: Int32Array;
  private readonly spanEnd: Int32Array;
  /** Values of fields that are not stored or whose stored text was escaped (read by row checks). */
  private readonly strings: (string | null)[];
  private readonly regionField: number;
  private readonly creditField: number;
  private readonly countyField: number;
  /** The county of the last unit looked up (its code as a number, −1: none yet) and its units. */
  private lastCountyCode = -1;
  private lastCounty: CountyUnits | undefined;
  /** The current row's county (see county), −3 until asked. */
  private rowCounty = -3;
  /**
   * The row the row check and the derived columns read: each value is decoded when first read, at
   * most once a row — a check reads only what it needs (an end month that is empty, the rest not).
   */
  private readonly row: RowValues = {};
  private rowSerial = 0;
  private readonly readSerial: Int32Array;
  private readonly readValue: (string | null)[];
  /** The buffer the current row was written to (its spans point into it). */
  private rowBuf: Buffer = Buffer.alloc(0);
  private readonly texts: (DecodeCache | undefined)[];
  /** The layout's both-or-neither pairs, by field position. */
  private readonly together: { first: number; second: number; header: string; message: string }[];

  constructor(
    private readonly layout: SourceLayout,
    headerIndex: readonly number[],
    private readonly today: string,
    private readonly options: { withLine: boolean; units?: UnitIndex | undefined },
  ) {
    const reads = new Set(layout.reads ?? []);
    this.fields = layout.fields.map((f, i) => {
      const t = f.type;
      return {
        index: headerIndex[i]!,
        column: f.column,
        header: f.header,
        type: t,
        kind: kindOf(t),
        required: f.required,
        fallback: f.fallback ?? null,
        stored: f.stored !== false,
        read: reads.has(f.column),
        maxLength: t.kind === 'text' ? (t.maxLength ?? Infinity) : 0,
        lenient: t.kind === 'personId' && t.lenient === true,
        monthAllowed: t.kind === 'date' && t.monthAllowed === true,
        signed: t.kind === 'fen' && t.signed === true,
        min: t.kind === 'int' ? (t.min ?? -Infinity) : 0,
        max: t.kind === 'int' ? (t.max ?? Infinity) : 0,
        seen: new Map(),
        seenString: new Map(),
        prefixes: new Set(),
        lastIn: Buffer.alloc(64),
        lastInLength: -1,
        lastOut: Buffer.alloc(0),
      };
    });
    this.stored = this.fields.flatMap((f, i) => (f.stored ? [i] : []));
    this.derived = layout.derived;
    this.needsRow = Boolean(layout.rowCheck || (layout.derived && layout.derived.length > 0));
    if (this.needsRow && layout.reads === undefined) {
      throw new Error(`layout ${layout.id}: rowCheck/derived need the list of columns they read (reads)`);
    }
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
    this.todayNumber = m ? Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) : -1;
    this.spanStart = new Int32Array(this.fields.length);
    this.spanEnd = new Int32Array(this.fields.length);
    this.strings = new Array<string | null>(this.fields.length).fill(null);
    this.regionField = layout.unitRef ? this.fields.findIndex((f) => f.column === 'region_code') : -1;
    this.creditField = layout.unitRef ? this.fields.findIndex((f) => f.column === 'credit_code') : -1;
    this.countyField = this.fields.findIndex((f) => f.column === 'region_code' && f.stored);
    this.readSerial = new Int32Array(this.fields.length);
    this.readValue = new Array<string | null>(this.fields.length).fill(null);
    this.fields.forEach((field, f) => {
      if (field.read) Object.defineProperty(this.row, field.column, { enumerable: true, get: () => this.valueOf(f) });
      else this.row[field.column] = null;
    });
    this.together = (layout.together ?? []).map(({ columns, message }) => {
      const [first, second] = columns.map((c) => this.fields.findIndex((f) => f.column === c));
      if (first! < 0 || second! < 0) throw new Error(`layout ${layout.id}: together names a column it has not`);
      return { first: first!, second: second!, header: this.fields[second!]!.header, message };
    });
    this.texts = this.fields.map((f) =>
      f.read ? { codes: new Map(), texts: new Map(), hits: 0, misses: 0 } : undefined,
    );
  }

  /**
   * Encodes one record (cells [starts[i], ends[i]) of buf) into out; reports bad cells through
   * `error`. Returns whether the row was good (and written).
   */
  encode(
    line: number,
    buf: Buffer,
    starts: Int32Array,
    ends: Int32Array,
    cells: number,
    out: CopyBuffer,
    error: (e: RowError) => void,
  ): boolean {
    const rowStart = out.pos;
    this.rowCounty = -3;
    // Every cell at most doubles when escaped, plus a separator, NULL markers and "-01".
    out.ensure(2 * (cells > 0 ? ends[cells - 1]! - starts[0]! : 0) + 8 * this.fields.length + 64);
    if (this.options.withLine) {
      writeDigits(out, line);
      out.buf[out.pos++] = 9;
    }
    let bad = false;
    let first = true;
    const fields = this.fields;
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f]!;
      if (field.stored) {
        if (!first) out.buf[out.pos++] = 9;
        first = false;
      }
      const at = field.index;
      let s = 0;
      let e = 0;
      if (at >= 0 && at < cells) {
        s = starts[at]!;
        e = ends[at]!;
      }
      const begin = out.pos;
      if (s === e) {
        if (field.required) {
          bad = true;
          error({ line, field: field.header, value: null, message: '必填，不能为空' });
          continue;
        }
        this.writeValue(field, f, field.fallback, out);
        continue;
      }
      if (field.stored && untrimmed(buf, s, e) && this.fast(field, buf, s, e, out)) {
        this.spanStart[f] = begin;
        this.spanEnd[f] = out.pos;
        this.strings[f] = null;
        continue;
      }
      if (!field.stored && field.kind === Kind.Cached && e - s <= 6) {
        // a code read only by the row check (企业规模), seen before
        const known = field.seenString.get(shortKey(buf, s, e));
        if (known !== undefined) {
          this.spanStart[f] = -1;
          this.strings[f] = known;
          continue;
        }
      }
      // The general path: the cell as a string through parseField.
      out.pos = begin;
      const cell = buf.toString('utf8', s, e);
      const value = clean(cell);
      let parsed: string | null | FieldError;
      if (value === '') {
        parsed = field.required ? new FieldError('必填，不能为空') : field.fallback;
      } else {
        parsed = parseField(field.type, value, this.today);
      }
      if (parsed instanceof FieldError) {
        bad = true;
        error({ line, field: field.header, value: cell === '' ? null : cell, message: parsed.message });
        continue;
      }
      if (field.kind === Kind.CreditCodeFull && parsed !== null) field.prefixes.add(creditPrefix(parsed));
      if (field.kind === Kind.Cached && parsed !== null) {
        if (!field.stored && e - s <= 6 && field.seenString.size < 4096)
          field.seenString.set(shortKey(buf, s, e), parsed);
        else if (PLAIN.test(parsed)) remember(field, buf, s, e, parsed);
      }
      this.writeValue(field, f, parsed, out);
    }
    if (bad) {
      out.pos = rowStart;
      return false;
    }
    for (const pair of this.together) {
      if (this.isEmpty(pair.first) !== this.isEmpty(pair.second)) {
        error({ line, field: pair.header, value: this.plainValue(pair.second, out.buf), message: pair.message });
        out.pos = rowStart;
        return false;
      }
    }
    if (this.needsRow) {
      const row = this.row;
      this.rowSerial++;
      // (a derived value written below may move out.buf; the spans' bytes stay in this one)
      this.rowBuf = out.buf;
      const problem = this.layout.rowCheck?.(row);
      if (problem) {
        const f = this.layout.fields.find((x) => x.header === problem.field);
        error({ line, field: problem.field, value: f ? (row[f.column] ?? null) : null, message: problem.message });
        out.pos = rowStart;
        return false;
      }
      for (const d of this.derived ?? []) {
        const value = d.compute(row);
        out.ensure(value === null ? 3 : 3 * value.length + 1);
        out.buf[out.pos++] = 9;
        this.writeString(value, out);
      }
    }
    if (this.regionField >= 0 && !this.unitKnown(out, line, error)) {
      out.pos = rowStart;
      return false;
    }
    out.buf[out.pos++] = 10;
    return true;
  }

  /** Field f of the row just encoded is empty (NULL), told from its span without decoding it. */
  private isEmpty(f: number): boolean {
    const s = this.spanStart[f]!;
    return s === -2 || (s === -1 && this.strings[f] === null);
  }

  /** Field f of the row just encoded into buf, decoded without the row check's caches. */
  private plainValue(f: number, buf: Buffer): string | null {
    const s = this.spanStart[f]!;
    return s === -1 ? this.strings[f]! : s === -2 ? null : buf.toString('utf8', s, this.spanEnd[f]!);
  }

  /** Field f of the current row, as the row check reads it (decoded once a row). */
  private valueOf(f: number): string | null {
    if (this.readSerial[f] === this.rowSerial) return this.readValue[f]!;
    const s = this.spanStart[f]!;
    const value = s === -1 ? this.strings[f]! : s === -2 ? null : this.decode(f, this.rowBuf, s, this.spanEnd[f]!);
    this.readSerial[f] = this.rowSerial;
    this.readValue[f] = value;
    return value;
  }

  /**
   * The county a record names, read from its cell before it is encoded, when the cell is six plain
   * digits (as `county` would give it after encoding); −1 otherwise. Lets a row be written straight
   * into its county's group instead of being moved there.
   */
  countyOfCell(buf: Buffer, starts: Int32Array, ends: Int32Array, cells: number): number {
    const f = this.countyField;
    if (f < 0) return -1;
    const at = this.fields[f]!.index;
    if (at < 0 || at >= cells) return -1;
    const s = starts[at]!;
    if (ends[at]! - s !== 6) return -1;
    let code = 0;
    for (let i = s; i < s + 6; i++) {
      const b = buf[i]!;
      if (b < 48 || b > 57) return -1;
      code = code * 10 + b - 48;
    }
    return code;
  }

  /**
   * The county (region_code) of the row just encoded into out, as a number (the code's digits);
   * −1 when the layout has none.
   */
  county(out: CopyBuffer): number {
    if (this.rowCounty !== -3) return this.rowCounty;
    const f = this.countyField;
    const s = f < 0 ? -2 : this.spanStart[f]!;
    let code = -1;
    if (s === -1) code = Number(this.strings[f]);
    else if (s >= 0) {
      code = 0;
      for (let i = s; i < this.spanEnd[f]!; i++) code = code * 10 + out.buf[i]! - 48;
    }
    this.rowCounty = code;
    return code;
  }

  /**
   * A stored value of field f as a string, for the row check. Values repeat from row to row (codes,
   * dates, bank names), so they are decoded once: short runs of digits and '-' keyed by their bytes
   * as a number (base 13, up to 10), others by a hash of their bytes, checked — for as long as the
   * field's values do repeat (not names, amounts or account numbers).
   */
  private decode(f: number, buf: Buffer, s: number, e: number): string {
    const cache = this.texts[f];
    const n = e - s;
    if (!cache || n > 64) return buf.toString('utf8', s, e);
    let key = n;
    let i = s;
    if (n <= 10) {
      for (; i < e; i++) {
        const b = buf[i]!;
        if (b < 45 || b > 57) break;
        key = key * 13 + (b - 45);
      }
    }
    let value: string | undefined;
    if (n <= 10 && i === e) {
      value = cache.codes.get(key);
      if (value === undefined) {
        value = buf.toString('latin1', s, e);
        cache.codes.set(key, value);
        this.missed(f, cache);
      } else cache.hits++;
      return value;
    }
    let h = 0x811c9dc5;
    for (i = s; i < e; i++) h = Math.imul(h ^ buf[i]!, 16777619);
    const hit = cache.texts.get(h);
    if (hit && hit.bytes.length === n && same(hit.bytes, 0, buf, s, n)) {
      cache.hits++;
      return hit.value;
    }
    value = buf.toString('utf8', s, e);
    cache.texts.set(h, { bytes: Buffer.from(buf.subarray(s, e)), value });
    this.missed(f, cache);
    return value;
  }

  /** Stops remembering a field's values when they hardly repeat. */
  private missed(f: number, cache: DecodeCache): void {
    if (++cache.misses > 1024 && (cache.misses > cache.hits || cache.codes.size + cache.texts.size > 8192)) {
      this.texts[f] = undefined;
    }
  }

  /** The unit named by the row (its stored region and credit code) is imported. */
  private unitKnown(out: CopyBuffer, line: number, error: (e: RowError) => void): boolean {
    const units = this.options.units;
    if (!units) return true;
    // The stored region and credit code: bytes in out, or the strings of cells that took the general path.
    let rb = out.buf;
    let rs = this.spanStart[this.regionField]!;
    let cb = out.buf;
    let cs = this.spanStart[this.creditField]!;
    if (rs === -1) {
      rb = Buffer.from(this.strings[this.regionField] ?? '', 'latin1');
      rs = 0;
    }
    if (cs === -1) {
      cb = Buffer.from(this.strings[this.creditField] ?? '', 'latin1');
      cs = 0;
    }
    // Consecutive rows usually name the same county.
    const code = this.regionField === this.countyField ? this.county(out) : -1;
    if (code < 0 || code !== this.lastCountyCode) {
      this.lastCountyCode = code;
      this.lastCounty = units.county(rb.toString('latin1', rs, rs + 6));
    }
    if (cb.length >= cs + 18 && this.lastCounty?.has(cb, cs)) return true;
    const region = rb.toString('latin1', rs, rs + 6);
    const credit = cb.toString('latin1', cs, cs + 18);
    const registered = units.regionsOf(credit);
    error({
      line,
      field: '统一社会信用代码',
      value: credit,
      message:
        registered.length > 0
          ? `单位 ${credit} 的参保地为 ${registered.join('、')}，不是 ${region}`
          : `单位 ${credit} 不在参保单位数据中，请先导入参保单位`,
    });
    return false;
  }

  /** Writes a parsed value (or NULL) for field f and records it for the row check. */
  private writeValue(field: CompiledField, f: number, value: string | null, out: CopyBuffer): void {
    if (!field.stored) {
      this.spanStart[f] = -1;
      this.strings[f] = value;
      return;
    }
    if (value === null) {
      this.spanStart[f] = -2;
      out.buf[out.pos++] = 92;
      out.buf[out.pos++] = 78;
      return;
    }
    out.ensure(3 * value.length + 2);
    this.spanStart[f] = -1;
    this.strings[f] = value;
    this.writeString(value, out);
  }

  private writeString(value: string | null, out: CopyBuffer): void {
    if (value === null) {
      out.buf[out.pos++] = 92;
      out.buf[out.pos++] = 78;
      return;
    }
    const text = copyText(value);
    out.ensure(3 * text.length);
    out.pos += out.buf.write(text, out.pos, 'utf8');
  }

  /** The canonical shape of a cell, written as stored; false when parseField must decide. */
  private fast(field: CompiledField, buf: Buffer, s: number, e: number, out: CopyBuffer): boolean {
    const n = e - s;
    const o = out.buf;
    switch (field.kind) {
      case Kind.Text: {
        if (n > field.maxLength) {
          // UTF-16 length (what parseField measures): one per character, two above U+FFFF.
          let length = 0;
          for (let i = s; i < e; i++) {
            const b = buf[i]!;
            if ((b & 0xc0) !== 0x80) length += b >= 0xf0 ? 2 : 1;
          }
          if (length > field.maxLength) return false;
        }
        for (let i = s; i < e; i++) {
          const b = buf[i]!;
          if (b === 92 || b === 9 || b === 13 || b === 10) return false;
        }
        put(out, buf, s, e);
        return true;
      }
      case Kind.PersonId: {
        if (n !== 18) return false;
        let sum = 0;
        for (let i = 0; i < 17; i++) {
          const b = buf[s + i]!;
          if (b < 48 || b > 57) return false;
          sum += (b - 48) * RESIDENT_WEIGHTS[i]!;
        }
        let last = buf[s + 17]!;
        if (last === 120) last = 88;
        if (last !== 88 && (last < 48 || last > 57)) return false;
        if (!field.lenient) {
          const year = buf[s + 6]! * 1000 + buf[s + 7]! * 100 + buf[s + 8]! * 10 + buf[s + 9]! - 48 * 1111;
          const month = buf[s + 10]! * 10 + buf[s + 11]! - 48 * 11;
          const day = buf[s + 12]! * 10 + buf[s + 13]! - 48 * 11;
          if (year < 1800 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
          if (year * 10000 + month * 100 + day > this.todayNumber) return false;
          if (RESIDENT_CHECK[sum % 11] !== last) return false;
        }
        put(out, buf, s, s + 17);
        o[out.pos++] = last;
        return true;
      }
      case Kind.CreditCode:
      case Kind.CreditCodeFull: {
        if (n !== 18) return false;
        let sum = 0;
        let prefix = 0;
        for (let i = 0; i < 17; i++) {
          const v = CREDIT_VALUE[buf[s + i]!]!;
          if (v < 0) return false;
          sum += v * CREDIT_WEIGHTS[i]!;
          if (i < 8) prefix = prefix * 31 + v;
        }
        if (CREDIT_VALUE[buf[s + 17]!] !== (31 - (sum % 31)) % 31) return false;
        // The full check (registration department, type, region) depends on the first 8 characters
        // only: a prefix that passed it once passes it again.
        if (field.kind === Kind.CreditCodeFull && !field.prefixes.has(prefix)) return false;
        put(out, buf, s, e);
        return true;
      }
      case Kind.Region: {
        if (n !== 6) return false;
        let key = 0;
        for (let i = s; i < e; i++) {
          const b = buf[i]!;
          if (!isDigit(b)) return false;
          key = key * 10 + b - 48;
        }
        let known = this.regionKnown.get(key);
        if (known === undefined) {
          known = isKnownRegion(buf.toString('latin1', s, e));
          this.regionKnown.set(key, known);
        }
        if (!known) return false;
        put(out, buf, s, e);
        return true;
      }
      case Kind.Industry: {
        if (n < 3 || n > 5) return false;
        const b0 = buf[s]!;
        if (b0 < 65 || b0 > 84) return false;
        for (let i = s + 1; i < e; i++) if (!isDigit(buf[i]!)) return false;
        put(out, buf, s, e);
        return true;
      }
      case Kind.Date:
        if (n === 10) return this.isoDate(buf, s, out);
        if (n === 7 && field.monthAllowed) return this.isoMonth(buf, s, out);
        return false;
      case Kind.Month:
        return n === 7 && this.isoMonth(buf, s, out);
      case Kind.Year: {
        if (n !== 4) return false;
        let year = 0;
        for (let i = s; i < e; i++) {
          const b = buf[i]!;
          if (!isDigit(b)) return false;
          year = year * 10 + b - 48;
        }
        if (year < 1990 || year > 2100) return false;
        put(out, buf, s, e);
        return true;
      }
      case Kind.Int: {
        // Plain digits without leading zeros are stored as written.
        if (n > 15 || (n > 1 && buf[s] === 48)) return false;
        let value = 0;
        for (let i = s; i < e; i++) {
          const b = buf[i]!;
          if (!isDigit(b)) return false;
          value = value * 10 + b - 48;
        }
        if (value < field.min || value > field.max) return false;
        put(out, buf, s, e);
        return true;
      }
      case Kind.Fen: {
        // Yuan as digits with up to two decimals → fen (a minus sign where the field is signed),
        // written from the digits themselves: no number is made (a double's division and modulo
        // for amounts past 2^31 fen cost more than the rest of the cell).
        const negative = field.signed && buf[s] === 45;
        const from = negative ? s + 1 : s;
        let i = from;
        for (; i < e; i++) {
          const b = buf[i]!;
          if (b === 46) break;
          if (!isDigit(b)) return false;
        }
        if (i === from || i - from > 13) return false;
        let d1 = 48;
        let d2 = 48;
        if (i < e) {
          const decimals = e - i - 1;
          if (decimals < 1 || decimals > 2) return false;
          d1 = buf[i + 1]!;
          if (!isDigit(d1)) return false;
          if (decimals === 2) {
            d2 = buf[i + 2]!;
            if (!isDigit(d2)) return false;
          }
        }
        // the digits of whole, d1, d2 without leading zeros; zero is "0", never "-0"
        let lead = from;
        while (lead < i && buf[lead] === 48) lead++;
        const wholeZero = lead === i;
        if (wholeZero && d1 === 48 && d2 === 48) {
          o[out.pos++] = 48;
          return true;
        }
        if (negative) o[out.pos++] = 45;
        put(out, buf, lead, i);
        if (!wholeZero || d1 !== 48) o[out.pos++] = d1;
        o[out.pos++] = d2;
        return true;
      }
      case Kind.Cached: {
        let value: Buffer | undefined;
        if (n <= 6) value = field.seen.get(shortKey(buf, s, e));
        else if (n === field.lastInLength && same(buf, s, field.lastIn, 0, n)) value = field.lastOut;
        if (value === undefined) return false;
        for (let i = 0; i < value.length; i++) o[out.pos++] = value[i]!;
        return true;
      }
      case Kind.BankAccount: {
        if (n < 8 || n > 32) return false;
        for (let i = s; i < e; i++) if (!isDigit(buf[i]!)) return false;
        put(out, buf, s, e);
        return true;
      }
      default:
        return false;
    }
  }

  /** `YYYY-MM-DD`, a real date from 1900 on. */
  private isoDate(buf: Buffer, s: number, out: CopyBuffer): boolean {
    if (buf[s + 4] !== 45 || buf[s + 7] !== 45) return false;
    if (!isDigit(buf[s]!) || !isDigit(buf[s + 1]!) || !isDigit(buf[s + 2]!) || !isDigit(buf[s + 3]!)) return false;
    if (!isDigit(buf[s + 5]!) || !isDigit(buf[s + 6]!) || !isDigit(buf[s + 8]!) || !isDigit(buf[s + 9]!)) return false;
    const year = buf[s]! * 1000 + buf[s + 1]! * 100 + buf[s + 2]! * 10 + buf[s + 3]! - 48 * 1111;
    const month = buf[s + 5]! * 10 + buf[s + 6]! - 48 * 11;
    const day = buf[s + 8]! * 10 + buf[s + 9]! - 48 * 11;
    if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
    put(out, buf, s, s + 10);
    return true;
  }

  /** `YYYY-MM` from 1900 on, stored as the month's first day. */
  private isoMonth(buf: Buffer, s: number, out: CopyBuffer): boolean {
    if (buf[s + 4] !== 45) return false;
    if (!isDigit(buf[s]!) || !isDigit(buf[s + 1]!) || !isDigit(buf[s + 2]!) || !isDigit(buf[s + 3]!)) return false;
    if (!isDigit(buf[s + 5]!) || !isDigit(buf[s + 6]!)) return false;
    const year = buf[s]! * 1000 + buf[s + 1]! * 100 + buf[s + 2]! * 10 + buf[s + 3]! - 48 * 1111;
    const month = buf[s + 5]! * 10 + buf[s + 6]! - 48 * 11;
    if (year < 1900 || month < 1 || month > 12) return false;
    put(out, buf, s, s + 7);
    const o = out.buf;
    o[out.pos++] = 45;
    o[out.pos++] = 48;
    o[out.pos++] = 49;
    return true;
  }
}
