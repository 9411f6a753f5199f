/**
 * Money as integer fen (分). Amounts enter as integer yuan or decimal strings and are never
 * multiplied as floats (0.07 × 100 = 7.000000000000001). Every rounding is explicit: half up to
 * the fen (四舍五入; for negative amounts, half away from zero).
 */
import type { Fen } from './types';

export function isFen(value: unknown): value is Fen {
  return Number.isSafeInteger(value);
}

/** Throws unless `value` is a whole number of fen within the safe integer range. */
export function assertFen(value: unknown, label = '金额'): asserts value is Fen {
  if (!isFen(value)) {
    throw new RangeError(`${label}应为以“分”为单位的整数，收到 ${String(value)}`);
  }
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * `1234` (integer yuan) or `'1234.56'` → 123456 fen. A number with decimals is refused: pass it
 * as a string so no binary rounding has happened before it gets here.
 */
export function yuanToFen(yuan: number | string): Fen {
  if (typeof yuan === 'number') {
    if (!Number.isSafeInteger(yuan)) {
      throw new RangeError(`金额 ${yuan} 不是整数元，带角分的金额请以字符串传入，如“1234.56”`);
    }
    return checked(yuan * 100, String(yuan));
  }
  const text = yuan.trim();
  const m = DECIMAL.exec(text);
  if (!m) throw new RangeError(`金额“${yuan}”格式不正确，请填写数字，如1234.56`);
  const [, sign, whole, fraction = ''] = m;
  if (fraction.length > 2) {
    throw new RangeError(`金额“${yuan}”的小数超过2位，最小单位为分，请保留到小数点后2位`);
  }
  const fen = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return checked(sign === '-' ? -fen : fen, text);
}

function checked(fen: number, source: string): Fen {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额“${source}”超出可处理的范围`);
  return fen === 0 ? 0 : fen; // no −0
}

/** `123456` → `'1234.56'` (no grouping, always two decimals). */
export function fenToYuanString(fen: Fen): string {
  assertFen(fen);
  const abs = Math.abs(fen);
  const cents = abs % 100;
  const text = `${(abs - cents) / 100}.${String(cents).padStart(2, '0')}`;
  return fen < 0 ? `-${text}` : text;
}

/** `123456` → `'¥1,234.56'`; negative `'-¥1,234.56'`. */
export function formatFen(fen: Fen): string {
  const text = fenToYuanString(fen);
  const negative = text.startsWith('-');
  const [whole, fraction] = (negative ? text.slice(1) : text).split('.') as [string, string];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${grouped}.${fraction}`;
}

/** `123456` → `'1234.56元'`, as amounts are written in notices and publicity lists. */
export function formatYuanZh(fen: Fen): string {
  return `${fenToYuanString(fen)}元`;
}

/** `fen × numerator ÷ denominator`, rounded half up to the fen (exact, via BigInt). */
export function prorate(fen: Fen, numerator: number, denominator: number): Fen {
  assertFen(fen);
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) {
    throw new RangeError(`按比例计算需要整数分子和非零整数分母，收到 ${numerator}/${denominator}`);
  }
  return divideRounded(BigInt(fen) * BigInt(numerator), BigInt(denominator));
}

/**
 * `percent`% of `fen`, rounded half up to the fen. `percent` may be a number (`60`, `0.7`) or a
 * decimal string (`'0.7'`); it is read through its decimal text, so `0.7` means exactly 7/10.
 */
export function percentOf(fen: Fen, percent: number | string): Fen {
  assertFen(fen);
  const text = typeof percent === 'number' ? numberText(percent) : percent.trim();
  const m = DECIMAL.exec(text);
  if (!m) throw new RangeError(`百分比“${String(percent)}”格式不正确，请填写数字，如60或0.7`);
  const [, sign, whole, fraction = ''] = m;
  const numerator = BigInt(`${sign}${whole}${fraction}`);
  const denominator = 100n * 10n ** BigInt(fraction.length);
  return divideRounded(BigInt(fen) * numerator, denominator);
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`百分比应为有限数字，收到 ${n}`);
  const text = String(n);
  // Exponent forms (1e-7) have no digits to read exactly; such rates do not occur in the documents.
  if (/e/i.test(text)) throw new RangeError(`百分比 ${text} 请以小数字符串传入，如“0.0000001”`);
  return text;
}

/** Round half away from zero: |q| = floor((2|n| + |d|) / 2|d|). */
function divideRounded(n: bigint, d: bigint): Fen {
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (2n * an + ad) / (2n * ad);
  const result = Number(negative ? -q : q);
  return checked(result, `${n}/${d}`);
}

/** `fen × count` (e.g. 500元/人 × 人数 × 月数), checked against overflow. */
export function multiplyFen(fen: Fen, count: number): Fen {
  assertFen(fen);
  if (!Number.isSafeInteger(count)) throw new RangeError(`倍数应为整数，收到 ${count}`);
  return checked(fen * count, `${fen}×${count}`);
}

/** Sum of fen amounts; every term and the total must be safe integers. */
export function sumFen(amounts: Iterable<Fen>): Fen {
  let total = 0;
  for (const amount of amounts) {
    assertFen(amount);
    total += amount;
    if (!Number.isSafeInteger(total)) throw new RangeError('金额合计超出可处理的范围');
  }
  return total;
}

/** The smaller of an amount and its cap (最高补贴…). */
export function capFen(fen: Fen, cap: Fen): Fen {
  assertFen(fen);
  assertFen(cap, '上限');
  return Math.min(fen, cap);
}
