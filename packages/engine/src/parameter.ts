/**
 * Parameters: dated, region-scoped, cited values, and their resolution "as known then".
 *
 * Resolution for (region, on, asOf): a value is a candidate when its region is the target region or
 * one of its ancestors, its [from, until] contains `on` (both ends inclusive) and its document was
 * issued on or before `asOf`. The most specific region wins (a county's own value, else its
 * prefecture's, its province's, the national one); within one region the latest issued document
 * wins (an amendment replaces what it amends from its issue date on).
 */
import { DefinitionError } from './errors';
import { ancestry } from './regions';
import type { AncestorsOf, IsoDate, ParameterDefinition, ParameterValue, RegionCode, ResolvedParameter } from './types';
import { isIsoDate } from '@wengang/kernel';
import { citationProblems, isRegionCode } from './validate';

interface IndexedValue {
  from: IsoDate;
  /** `until`, or a date after every real one when open-ended (keeps the hot path branch-free). */
  until: IsoDate;
  issued: IsoDate;
  /** Built once at definition time and shared by every decision that uses it (frozen). */
  resolved: ResolvedParameter<unknown>;
}

/** Values per region, latest issued first. */
type ParameterIndex = Map<RegionCode, IndexedValue[]>;

const OPEN_END = '9999-99-99';
const indexes = new WeakMap<ParameterDefinition<unknown>, ParameterIndex>();

/**
 * Declare a parameter. Checks it now (so a bad value fails when the programme is imported, naming
 * the parameter), freezes it and indexes its values by region for fast resolution.
 */
export function defineParameter<T>(def: ParameterDefinition<T>): ParameterDefinition<T> {
  indexOf(def);
  return def;
}

export interface ResolveOptions {
  /** Region of the decision; its own values win over those of its ancestors. */
  region: RegionCode;
  /** The day the value must apply to (inclusive bounds). */
  on: IsoDate;
  /** Only values from documents issued on or before this date count. */
  asOf: IsoDate;
  /** Region hierarchy (self first, up to `000000`); the kernel's by default. */
  ancestorsOf?: AncestorsOf;
}

/** The value in force, with its provenance, or undefined when none applies. */
export function resolveParameter<T>(
  def: ParameterDefinition<T>,
  options: ResolveOptions,
): ResolvedParameter<T> | undefined {
  const chain = ancestry(options.region, options.ancestorsOf);
  if (typeof chain === 'string') return undefined;
  return resolveInChain(def, chain, options.on, options.asOf);
}

/** Hot path: resolution with the region's ancestry already looked up. No allocation. */
export function resolveInChain<T>(
  def: ParameterDefinition<T>,
  chain: readonly RegionCode[],
  on: IsoDate,
  asOf: IsoDate,
): ResolvedParameter<T> | undefined {
  const index = indexOf(def);
  for (let r = 0; r < chain.length; r++) {
    const values = index.get(chain[r]!);
    if (values === undefined) continue;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v.issued <= asOf && v.from <= on && on <= v.until) return v.resolved as ResolvedParameter<T>;
    }
  }
  return undefined;
}

/** Distinct days remembered per parameter in one scope; further days are resolved every time. */
const MAX_DAYS_PER_PARAMETER = 64;

interface ScopeEntry {
  readonly on: IsoDate;
  readonly resolved: ResolvedParameter<unknown> | undefined;
}

/**
 * Resolutions for one region chain and decision date, remembered for every decision that shares
 * both (a batch of claims from one region decided on one day resolves each parameter once).
 * Definitions are frozen and the chain is frozen, so a remembered answer cannot go stale. The
 * caller checks a parameter and a day before asking for them the first time: a remembered entry
 * also means "already checked".
 */
export class ResolutionScope {
  private readonly byParameter = new Map<ParameterDefinition<unknown>, ScopeEntry[]>();

  constructor(
    readonly chain: readonly RegionCode[],
    readonly asOf: IsoDate,
  ) {}

  /** The remembered entry of (def, on), or undefined when not asked before. */
  known(def: ParameterDefinition<unknown>, on: IsoDate): ScopeEntry | undefined {
    const entries = this.byParameter.get(def);
    if (entries === undefined) return undefined;
    for (let i = 0; i < entries.length; i++) if (entries[i]!.on === on) return entries[i];
    return undefined;
  }

  /** Resolve (def, on) and remember the answer. */
  resolve(def: ParameterDefinition<unknown>, on: IsoDate): ResolvedParameter<unknown> | undefined {
    const resolved = resolveInChain(def, this.chain, on, this.asOf);
    let entries = this.byParameter.get(def);
    if (entries === undefined) {
      entries = [];
      this.byParameter.set(def, entries);
    }
    if (entries.length < MAX_DAYS_PER_PARAMETER) entries.push({ on, resolved });
    return resolved;
  }
}

/** Every value of `def` from documents issued on or before `asOf` (for the ruleset hash). */
export function valuesKnownOn<T>(def: ParameterDefinition<T>, asOf: IsoDate): ParameterValue<T>[] {
  return def.values.filter((v) => v.cite.issued <= asOf);
}

/** The index of a definition, validating and building it on first use (plain objects work too). */
export function indexOf<T>(def: ParameterDefinition<T>): ParameterIndex {
  const known = indexes.get(def as ParameterDefinition<unknown>);
  if (known !== undefined) return known;
  const index = buildIndex(def as ParameterDefinition<unknown>);
  // Freeze what the index mirrors, so it cannot go stale. Value payloads are left alone: they may
  // be shared with other code (a list imported from the kernel, say).
  for (const v of def.values) {
    Object.freeze(v.cite);
    Object.freeze(v);
  }
  Object.freeze(def.values);
  Object.freeze(def);
  indexes.set(def as ParameterDefinition<unknown>, index);
  return index;
}

function buildIndex(def: ParameterDefinition<unknown>): ParameterIndex {
  const name =
    def && typeof def.id === 'string' ? `Parameter "${def.id}"${def.label ? ` (${def.label})` : ''}` : 'Parameter';
  const fail = (problem: string): never => {
    throw new DefinitionError(`${name}: ${problem}`);
  };
  if (def === null || typeof def !== 'object') fail('definition is not an object');
  if (typeof def.id !== 'string' || !/^\S+$/.test(def.id)) fail('id must be a non-empty string without spaces');
  if (typeof def.label !== 'string' || def.label.trim() === '') fail('label (Chinese) is empty');
  if (typeof def.unit !== 'string' || def.unit.trim() === '') fail('unit is empty');
  if (!Array.isArray(def.values) || def.values.length === 0) fail('has no values');

  const index: ParameterIndex = new Map();
  def.values.forEach((v, i) => {
    const where = `values[${i}]`;
    if (v === null || typeof v !== 'object') fail(`${where} is not an object`);
    if (!isRegionCode(v.region)) fail(`${where}.region ${JSON.stringify(v.region)} is not a six-digit region code`);
    if (!isIsoDate(v.from)) fail(`${where}.from ${JSON.stringify(v.from)} is not an ISO date (YYYY-MM-DD)`);
    if (v.until !== undefined) {
      if (!isIsoDate(v.until)) fail(`${where}.until ${JSON.stringify(v.until)} is not an ISO date (YYYY-MM-DD)`);
      if (v.until < v.from) fail(`${where}: from ${v.from} is after until ${v.until}`);
    }
    if (v.value === undefined) fail(`${where}.value is undefined`);
    if (def.unit.startsWith('fen') && typeof v.value === 'number' && !(Number.isSafeInteger(v.value) && v.value >= 0)) {
      fail(`${where}.value ${v.value} is not a non-negative integer number of fen`);
    }
    const problems = citationProblems(v.cite);
    if (problems.length > 0) fail(`${where} (region ${v.region}, from ${v.from}): ${problems.join('; ')}`);

    const resolved: ResolvedParameter<unknown> = {
      id: def.id,
      label: def.label,
      unit: def.unit,
      value: v.value,
      region: v.region,
      from: v.from,
      ...(v.until !== undefined ? { until: v.until } : {}),
      cite: v.cite,
      ...(v.note !== undefined ? { note: v.note } : {}),
    };
    const entry: IndexedValue = {
      from: v.from,
      until: v.until ?? OPEN_END,
      issued: v.cite.issued,
      resolved: Object.freeze(resolved),
    };

    const list = index.get(v.region) ?? [];
    for (const other of list) {
      if (other.issued === entry.issued && other.from <= entry.until && entry.from <= other.until) {
        fail(
          `two values for region ${v.region} from documents issued the same day (${entry.issued}) overlap: ` +
            `${other.from}…${other.resolved.until ?? ''} and ${entry.from}…${v.until ?? ''}; ` +
            'a later amendment needs a later issue date, otherwise split the periods',
        );
      }
    }
    list.push(entry);
    index.set(v.region, list);
  });
  for (const list of index.values()) {
    list.sort((a, b) => (a.issued === b.issued ? cmp(b.from, a.from) : cmp(b.issued, a.issued)));
  }
  return index;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
