/**
 * What the fast-facts tests share: reproducible random numbers for the variations they generate,
 * and the one check that the compiled fast path agrees with zod.
 */
import assert from 'node:assert/strict';
import type { z } from 'zod';
import { REJECT, type FastParse } from '../../src/fast-facts';

/** Deterministic pseudo-random numbers (mulberry32). */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Checks the fast path against zod for one input: whatever it accepts, zod accepts with the same
 * output (same values, same keys in the same order). Returns whether the fast path accepted it.
 */
export function agreesWithZod(fast: FastParse, schema: z.ZodType, input: unknown): boolean {
  const out = fast(input);
  if (out === REJECT) return false;
  const parsed = schema.safeParse(input);
  assert.ok(parsed.success, `fast path accepted what zod refuses: ${JSON.stringify(input)}`);
  assert.deepStrictEqual(out, parsed.data);
  assert.equal(JSON.stringify(out), JSON.stringify(parsed.data), 'same keys in the same order');
  return true;
}
