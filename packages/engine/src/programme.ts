/** Programmes: their definition check and the registry the platform looks them up in. */
import type { z } from 'zod';
import { DefinitionError, UnknownProgrammeError } from './errors';
import { indexOf, ResolutionScope } from './parameter';
import type { ProgrammeDefinition } from './types';
import { isIsoDate } from '@wengang/kernel';
import { citationProblems, isRegionCode } from './validate';

const PROGRAMME_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** What the engine derives once per programme (checked definition, parameter ids, issue dates). */
export interface CompiledProgramme {
  /** Ids of the parameters the programme lists; `ctx.param` accepts only these. */
  parameterIds: ReadonlySet<string>;
  /** Distinct issue dates of every parameter value, ascending: the ruleset changes only on these. */
  issuedDates: readonly string[];
  /** Ruleset hash per epoch (number of issue dates on or before the decision date), filled lazily. */
  hashes: (string | undefined)[];
  /** Parameter resolutions per region chain and decision date (see ResolutionScope), bounded. */
  scopes: Map<readonly string[], Map<string, ResolutionScope>>;
  /** Number of scopes in `scopes`. */
  scopeCount: number;
}

/** Scopes kept per programme; past this, every scope is dropped and rebuilt as needed. */
const MAX_SCOPES = 4096;

/** The resolution scope of this programme for a region chain and decision date. */
export function scopeOf(compiled: CompiledProgramme, chain: readonly string[], asOf: string): ResolutionScope {
  let byDate = compiled.scopes.get(chain);
  if (byDate !== undefined) {
    const scope = byDate.get(asOf);
    if (scope !== undefined) return scope;
  }
  if (compiled.scopeCount >= MAX_SCOPES) {
    compiled.scopes.clear();
    compiled.scopeCount = 0;
    byDate = undefined;
  }
  if (byDate === undefined) {
    byDate = new Map();
    compiled.scopes.set(chain, byDate);
  }
  const scope = new ResolutionScope(chain, asOf);
  byDate.set(asOf, scope);
  compiled.scopeCount++;
  return scope;
}

const compiledProgrammes = new WeakMap<ProgrammeDefinition, CompiledProgramme>();

/**
 * Declare a programme. Checks it now (ids, regions, periods with citations, the facts schema and
 * every parameter) so a mistake fails when the programme is imported, naming it.
 */
export function defineProgramme<S extends z.ZodType>(def: ProgrammeDefinition<S>): ProgrammeDefinition<S> {
  compileProgramme(def as unknown as ProgrammeDefinition);
  return def;
}

/** The compiled form of a programme, checking it on first use (plain objects work too). */
export function compileProgramme(def: ProgrammeDefinition): CompiledProgramme {
  const known = compiledProgrammes.get(def);
  if (known !== undefined) return known;
  const name =
    def && typeof def.id === 'string' ? `Programme "${def.id}"${def.name ? ` (${def.name})` : ''}` : 'Programme';
  const fail = (problem: string): never => {
    throw new DefinitionError(`${name}: ${problem}`);
  };
  if (def === null || typeof def !== 'object') fail('definition is not an object');
  if (typeof def.id !== 'string' || !PROGRAMME_ID.test(def.id)) {
    fail(`id ${JSON.stringify(def.id)} must be kebab-case ([a-z0-9] words joined by "-")`);
  }
  if (typeof def.name !== 'string' || def.name.trim() === '') fail('name (Chinese) is empty');
  if (typeof def.version !== 'string' || def.version.trim() === '') fail('version is empty');
  if (!Array.isArray(def.regions) || def.regions.length === 0) fail('regions is empty');
  def.regions.forEach((r, i) => {
    if (!isRegionCode(r)) fail(`regions[${i}] ${JSON.stringify(r)} is not a six-digit region code`);
  });
  if (!Array.isArray(def.periods)) fail('periods is not an array');
  def.periods.forEach((p, i) => {
    if (!isIsoDate(p.from)) fail(`periods[${i}].from ${JSON.stringify(p.from)} is not an ISO date`);
    if (!isIsoDate(p.until)) fail(`periods[${i}].until ${JSON.stringify(p.until)} is not an ISO date`);
    if (p.until < p.from) fail(`periods[${i}]: from ${p.from} is after until ${p.until}`);
    if (!isRegionCode(p.region)) fail(`periods[${i}].region ${JSON.stringify(p.region)} is not a region code`);
    const problems = citationProblems(p.cite);
    if (problems.length > 0) fail(`periods[${i}]: ${problems.join('; ')}`);
  });
  if (def.facts === null || typeof def.facts !== 'object' || typeof def.facts.safeParse !== 'function') {
    fail('facts is not a zod schema');
  }
  if (typeof def.decide !== 'function') fail('decide is not a function');
  if (!Array.isArray(def.parameters)) fail('parameters is not an array');

  const parameterIds = new Set<string>();
  const issued = new Set<string>();
  for (const p of def.parameters) {
    indexOf(p); // throws a DefinitionError naming the parameter
    if (parameterIds.has(p.id)) fail(`parameter "${p.id}" is listed twice`);
    parameterIds.add(p.id);
    for (const v of p.values) issued.add(v.cite.issued);
  }
  const compiled: CompiledProgramme = {
    parameterIds,
    issuedDates: [...issued].sort(),
    hashes: [],
    scopes: new Map(),
    scopeCount: 0,
  };
  compiledProgrammes.set(def, compiled);
  return compiled;
}

export interface Registry {
  /** The programme with this id, or undefined. */
  get(id: string): ProgrammeDefinition | undefined;
  /** The programme with this id; throws UnknownProgrammeError (an InputError on `programme`). */
  require(id: string): ProgrammeDefinition;
  /** Every programme, in the order given to createRegistry. */
  list(): readonly ProgrammeDefinition[];
}

/** A registry over the given programmes (each checked; duplicate ids are refused). */
export function createRegistry(programmes: readonly ProgrammeDefinition[]): Registry {
  const byId = new Map<string, ProgrammeDefinition>();
  for (const p of programmes) {
    compileProgramme(p);
    if (byId.has(p.id)) throw new DefinitionError(`Programme "${p.id}" is registered twice`);
    byId.set(p.id, p);
  }
  const list = Object.freeze([...programmes]);
  const ids = Object.freeze([...byId.keys()]);
  return {
    get: (id) => byId.get(id),
    require(id) {
      const p = byId.get(id);
      if (p === undefined) throw new UnknownProgrammeError(id, ids);
      return p;
    },
    list: () => list,
  };
}

export function isRegistry(value: Registry | ProgrammeDefinition): value is Registry {
  return (
    typeof (value as Registry).require === 'function' && typeof (value as ProgrammeDefinition).decide !== 'function'
  );
}
