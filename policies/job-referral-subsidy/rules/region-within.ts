/**
 * Whether a six-digit region code lies within another (GB/T 2260 prefixes: 370000 → 37…, 371500 →
 * 3715…, a county code only itself). Works for codes the platform's region table does not list.
 */
export function isRegionWithin(code: string, scope: string): boolean {
  const prefix = scope.endsWith('0000') ? scope.slice(0, 2) : scope.endsWith('00') ? scope.slice(0, 4) : scope;
  return scope === '000000' || code.startsWith(prefix);
}
