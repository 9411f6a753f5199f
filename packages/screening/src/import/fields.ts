/**
 * Field types of the import layouts: each turns a cell as written in a CSV or .xlsx file into the
 * text PostgreSQL stores (dates `YYYY-MM-DD`, months as their first day, money in fen, booleans
 * `t`/`f`), or a Chinese reason why it cannot. Hot path: one call per cell of files with millions of
 * rows, so the common shapes are checked with plain string operations before any slower check.
 */
import {
  checkBankAccountNumber,
  checkCreditCode,
  checkResidentId,
  creditCodeCheckChar,
  isKnownRegion,
  parseIsoDate,
  residentIdCheckChar,
  toHalfWidth,
  yuanToFen,
} from '@wengang/kernel';

/** Why a cell was refused (Chinese, shown to the operator with the line and column). */
export class FieldError {
  constructor(readonly message: string) {}
}

/** A parsed cell: the stored text, null for an empty optional cell, or the reason for refusal. */
export type Parsed = string | null | FieldError;

export interface EnumCode {
  /** Stored value. */
  value: string;
  /** Every spelling accepted in files (codes and Chinese names). */
  spellings: readonly string[];
  /** Chinese meaning, for documentation and messages. */
  label: string;
}

export type FieldType =
  | { kind: 'text'; maxLength?: number }
  | { kind: 'personId'; /** check-character failures accepted (疑点数据 names false identities) */ lenient?: boolean }
  | {
      kind: 'creditCode';
      /** the full check (registration department, type, region) as well as the check character */ full?: boolean;
    }
  | { kind: 'region' }
  | { kind: 'industry' }
  | { kind: 'date'; /** a month alone (`2022-07`) stands for its first day */ monthAllowed?: boolean }
  | { kind: 'month' }
  | { kind: 'year' }
  | { kind: 'int'; min?: number; max?: number }
  | { kind: 'fen'; signed?: boolean }
  | { kind: 'bool' }
  | { kind: 'bankAccount' }
  | { kind: 'enum'; codes: readonly EnumCode[] };

const RESIDENT_ID = /^[0-9]{17}[0-9X]$/;
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const INDUSTRY = /^[A-T][0-9]{2,4}$/;
const INTEGER = /^-?[0-9]+$/;

/** A cell without surrounding spaces (text keeps its full-width punctuation). */
export function clean(raw: string): string {
  return raw.trim();
}

/** Full-width digits and letters to half-width, for codes, dates and numbers only. */
function halfWidth(value: string): string {
  // Full-width forms only occur above U+FF00; skip the regex for the usual ASCII cell.
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) > 0x2fff) return toHalfWidth(value).trim();
  }
  return value;
}

/**
 * Parses one non-empty, cleaned cell. `today` bounds birth dates in resident IDs.
 * Excel serial dates (numbers of days since 1899-12-30) are accepted where a date is expected.
 */
export function parseField(type: FieldType, cell: string, today: string): Parsed {
  if (type.kind === 'text') {
    if (type.maxLength !== undefined && cell.length > type.maxLength) {
      return new FieldError(`长度 ${cell.length} 超过 ${type.maxLength} 个字符`);
    }
    return cell;
  }
  const value = halfWidth(cell);
  switch (type.kind) {
    case 'personId':
      return parsePersonId(value, today, type.lenient === true);
    case 'creditCode':
      return parseCreditCode(value, type.full === true);
    case 'region':
      if (!/^[0-9]{6}$/.test(value)) return new FieldError(`“${value}”不是6位行政区划代码`);
      if (!isKnownRegion(value)) return new FieldError(`行政区划代码 ${value} 不在本平台的区划表中`);
      return value;
    case 'industry': {
      const code = value.toUpperCase();
      if (!INDUSTRY.test(code)) {
        return new FieldError(
          `“${value}”不是《国民经济行业分类》（GB/T 4754-2017）代码，应为门类字母加2至4位数字，如 H62`,
        );
      }
      return code;
    }
    case 'date': {
      if (type.monthAllowed && !/[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}/.test(value) && !/^[0-9]{8}$/.test(value)) {
        const month = parseMonth(value);
        if (typeof month === 'string') return month;
      }
      return parseDate(value);
    }
    case 'month':
      return parseMonth(value);
    case 'year': {
      if (!/^[0-9]{4}$/.test(value)) return new FieldError(`“${value}”不是4位年度`);
      const y = Number(value);
      if (y < 1990 || y > 2100) return new FieldError(`年度 ${value} 超出范围（1990–2100）`);
      return value;
    }
    case 'int': {
      if (!INTEGER.test(value)) return new FieldError(`“${value}”不是整数`);
      const n = Number(value);
      if (!Number.isSafeInteger(n)) return new FieldError(`“${value}”超出可处理的范围`);
      if (type.min !== undefined && n < type.min) return new FieldError(`${n} 小于 ${type.min}`);
      if (type.max !== undefined && n > type.max) return new FieldError(`${n} 大于 ${type.max}`);
      return String(n);
    }
    case 'fen': {
      let fen: number;
      try {
        fen = yuanToFen(value.replace(/,/g, ''));
      } catch (error) {
        return new FieldError(error instanceof Error ? error.message : `金额“${value}”格式不正确`);
      }
      if (fen < 0 && !type.signed) return new FieldError(`金额 ${value} 不能为负数`);
      return String(fen);
    }
    case 'bool':
      return parseBool(value);
    case 'bankAccount': {
      const check = checkBankAccountNumber(value);
      return check.ok ? check.value : new FieldError(check.message);
    }
    case 'enum': {
      const found = spellingsOf(type.codes).get(value);
      if (found !== undefined) return found;
      return new FieldError(
        `“${value}”不是有效取值（${type.codes.map((c) => `${c.spellings[0]} ${c.label}`).join('、')}）`,
      );
    }
  }
}

const spellingMaps = new WeakMap<readonly EnumCode[], Map<string, string>>();

/** Every accepted spelling of a code list → its stored value (built once per list). */
function spellingsOf(codes: readonly EnumCode[]): Map<string, string> {
  let map = spellingMaps.get(codes);
  if (!map) {
    map = new Map();
    for (const c of codes) for (const s of c.spellings) if (!map.has(s)) map.set(s, c.value);
    spellingMaps.set(codes, map);
  }
  return map;
}

/** `0`–`9` at position i. */
const digit = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

function parsePersonId(raw: string, today: string, lenient: boolean): Parsed {
  const id = raw.length === 18 && raw.charCodeAt(17) === 0x78 ? `${raw.slice(0, 17)}X` : raw;
  if (RESIDENT_ID.test(id)) {
    // Fast path for the usual well-formed number: birth date and check character.
    const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
    const year = Number(id.slice(6, 10));
    if (
      parseIsoDate(birth) !== undefined &&
      year >= 1800 &&
      birth <= today &&
      residentIdCheckChar(id.slice(0, 17)) === id[17]
    ) {
      return id;
    }
    if (lenient) return id;
  }
  const check = checkResidentId(raw, today);
  if (check.ok) return check.value;
  return new FieldError(check.message);
}

function parseCreditCode(raw: string, full: boolean): Parsed {
  const code = raw.toUpperCase();
  if (!full && CREDIT_CODE.test(code) && creditCodeCheckChar(code.slice(0, 17)) === code[17]) return code;
  const check = checkCreditCode(raw);
  return check.ok ? check.value : new FieldError(check.message);
}

/** `2022-03-01`, `2022/3/1`, `20220301`, `2022年3月1日`, or an Excel serial day number. */
export function parseDate(value: string): Parsed {
  // Fast path: already YYYY-MM-DD.
  if (
    value.length === 10 &&
    value.charCodeAt(4) === 45 &&
    value.charCodeAt(7) === 45 &&
    digit(value, 0) &&
    digit(value, 3) &&
    digit(value, 5) &&
    digit(value, 6) &&
    digit(value, 8) &&
    digit(value, 9) &&
    value >= '1900' &&
    parseIsoDate(value) !== undefined
  ) {
    return value;
  }
  let y: number;
  let m: number;
  let d: number;
  let match = /^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?$/.exec(value);
  if (match) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else if ((match = /^([0-9]{4})([0-9]{2})([0-9]{2})$/.exec(value))) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else if (/^[0-9]{5}(\.0+)?$/.test(value)) {
    // Excel serial number (1900 date system; Excel counts the fictitious 1900-02-29).
    const serial = Math.floor(Number(value));
    const iso = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
    return iso;
  } else {
    return new FieldError(`“${value}”不是日期，应为 YYYY-MM-DD`);
  }
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (parseIsoDate(iso) === undefined || y < 1900) return new FieldError(`“${value}”不是有效日期`);
  return iso;
}

/** `2022-03`, `2022/3`, `202203`, `2022年3月` → `2022-03-01` (months are stored as their first day). */
export function parseMonth(value: string): Parsed {
  // Fast path: YYYY-MM.
  if (
    value.length === 7 &&
    value.charCodeAt(4) === 45 &&
    digit(value, 0) &&
    digit(value, 1) &&
    digit(value, 2) &&
    digit(value, 3) &&
    digit(value, 5) &&
    digit(value, 6)
  ) {
    const m = (value.charCodeAt(5) - 48) * 10 + (value.charCodeAt(6) - 48);
    if (m >= 1 && m <= 12 && value >= '1900') return `${value}-01`;
  }
  const match = /^([0-9]{4})(?:[-/.年]([0-9]{1,2})月?|([0-9]{2}))$/.exec(value);
  if (!match) {
    // A full date is accepted when it is the first of a month (Excel often turns months into dates).
    const date = parseDate(value);
    if (typeof date === 'string' && date.endsWith('-01')) return date;
    return new FieldError(`“${value}”不是年月，应为 YYYY-MM 或 YYYYMM`);
  }
  const y = Number(match[1]);
  const m = Number(match[2] ?? match[3]);
  if (m < 1 || m > 12 || y < 1900) return new FieldError(`“${value}”不是有效年月`);
  return `${match[1]}-${String(m).padStart(2, '0')}-01`;
}

const TRUE = new Set(['是', '1', 'Y', 'y', 'true', 'TRUE', 'True', '√']);
const FALSE = new Set(['否', '0', 'N', 'n', 'false', 'FALSE', 'False', '×']);

function parseBool(value: string): Parsed {
  if (TRUE.has(value)) return 't';
  if (FALSE.has(value)) return 'f';
  return new FieldError(`“${value}”应为 是 或 否`);
}
