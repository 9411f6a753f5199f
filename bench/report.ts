/** One figure of a benchmark, printed as one JSON line. */
export function report(bench: string, metric: string, value: number, unit: string, extra: object = {}): void {
  console.log(JSON.stringify({ bench, metric, value: Math.round(value * 100) / 100, unit, ...extra }));
}

/** `--name value` from a benchmark's arguments, or the default. */
export function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(value)) throw new Error(`--${name} takes a number`);
  return value;
}

/** `--name word` from a benchmark's arguments, or the default. */
export function textOption(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${name} takes a value`);
  return value;
}
