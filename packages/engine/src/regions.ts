/**
 * Region ancestry for parameter inheritance and programme coverage. The hierarchy is the kernel's
 * (GB/T 2260) unless a caller injects another one; answers are cached per hierarchy function, so
 * the hot path does one Map lookup per call.
 */
import { ancestorsOf as kernelAncestorsOf } from '@wengang/kernel';
import type { AncestorsOf, RegionCode } from './types';

/** The kernel's hierarchy: self first, then each parent up to `000000`. */
export const defaultAncestorsOf: AncestorsOf = kernelAncestorsOf;

/** Enough for every real county-level code; junk codes cannot grow the cache without bound. */
const MAX_CACHED = 20_000;
const caches = new WeakMap<AncestorsOf, Map<RegionCode, readonly RegionCode[] | string>>();

/**
 * `code` and its ancestors (self first), or, when the hierarchy does not know `code` (it threw or
 * returned nothing), the reason as a string.
 */
export function ancestry(
  code: RegionCode,
  ancestorsOf: AncestorsOf = defaultAncestorsOf,
): readonly RegionCode[] | string {
  let cache = caches.get(ancestorsOf);
  if (cache === undefined) {
    cache = new Map();
    caches.set(ancestorsOf, cache);
  }
  const hit = cache.get(code);
  if (hit !== undefined) return hit;
  let chain: readonly RegionCode[] | string;
  try {
    const answer = ancestorsOf(code);
    chain = answer.length > 0 ? Object.freeze(answer.slice()) : `unknown region ${code}`;
  } catch (error) {
    chain = error instanceof Error ? error.message : String(error);
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(code, chain);
  return chain;
}
