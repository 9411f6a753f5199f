/**
 * Exact ratios. Rates and thresholds in the documents are percentages such as 5.5%, 20%, 50%;
 * they are kept as integer fractions so every comparison is exact (no floating point).
 */
export interface Ratio {
  /** Numerator (integer ≥ 0). */
  num: number;
  /** Denominator (integer > 0). */
  den: number;
}

/** An inclusive range of ratios, as in 「在30%至70%范围内」. */
export interface RatioRange {
  min: Ratio;
  max: Ratio;
}

/** `a / b ≥ r` without division: a·den ≥ b·num (b > 0). */
export function fractionAtLeast(a: bigint, b: bigint, r: Ratio): boolean {
  return a * BigInt(r.den) >= b * BigInt(r.num);
}

/** `a / b ≤ r` without division: a·den ≤ b·num (b > 0). */
export function fractionAtMost(a: bigint, b: bigint, r: Ratio): boolean {
  return a * BigInt(r.den) <= b * BigInt(r.num);
}

/** `a / b` within [min, max], both ends included (b > 0). */
export function fractionWithin(a: bigint, b: bigint, range: RatioRange): boolean {
  return fractionAtLeast(a, b, range.min) && fractionAtMost(a, b, range.max);
}

/** A ratio as a percentage for explanations: {55, 1000} → `5.5%`, {1, 2} → `50%`. */
export function formatRatio(r: Ratio): string {
  return formatFractionAsPercent(BigInt(r.num), BigInt(r.den));
}

/**
 * `a / b` as a percentage with up to two decimals, rounded half up (for explanations only; the
 * decisions themselves compare exactly).
 */
export function formatFractionAsPercent(a: bigint, b: bigint): string {
  if (b === 0n) return '—';
  const negative = a < 0n;
  const abs = negative ? -a : a;
  const hundredths = (abs * 10000n * 2n + b) / (2n * b); // percent × 100, half up
  const whole = hundredths / 100n;
  const frac = hundredths % 100n;
  const fracText = frac === 0n ? '' : `.${frac.toString().padStart(2, '0').replace(/0$/, '')}`;
  return `${negative ? '-' : ''}${whole}${fracText}%`;
}
