/**
 * Money in integer fen. Percentages of money are computed exactly with integers and rounded once,
 * half up to the fen (四舍五入到分): amount = ⌊(fen × num × 2 + den) / (2 × den)⌋ for fen ≥ 0.
 */
import type { Ratio } from './ratio';

/** `fen × ratio`, rounded half up to the fen. `fen` must be a non-negative safe integer. */
export function percentOfFenRoundHalfUp(fen: number, ratio: Ratio): number {
  assertFen(fen);
  const n = BigInt(fen) * BigInt(ratio.num);
  const d = BigInt(ratio.den);
  return Number((n * 2n + d) / (2n * d));
}

/** `a × b` for integer counts and fen, checked to stay a safe integer. */
export function multiplyFen(fen: number, ...factors: number[]): number {
  assertFen(fen);
  let product = BigInt(fen);
  for (const f of factors) {
    if (!Number.isSafeInteger(f) || f < 0) throw new RangeError(`factor ${f} is not a non-negative integer`);
    product *= BigInt(f);
  }
  if (product > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('amount exceeds the safe integer range');
  return Number(product);
}

/** `12345678` → `123,456.78 元`. */
export function yuan(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${cents} 元`;
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`${fen} is not a non-negative integer number of fen`);
}
