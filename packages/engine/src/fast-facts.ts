/**
 * A fast path for facts validation: a validator generated from a programme's zod schema, for the
 * common case of valid input. It accepts only what zod accepts and returns what zod returns
 * (unknown keys stripped, keys in shape order, new objects and arrays); anything it does not
 * accept goes to zod itself, which either accepts it after all or rejects it with its
 * field-naming messages. So the fast path may be stricter than zod, never more lenient.
 *
 * Only a subset of zod is compiled: objects (strip or strict), strings with length and regex
 * checks, finite numbers with integer and bound checks, booleans, string enums, literals, arrays
 * with length checks, optional and nullable. A schema using anything else anywhere (refine,
 * transform, default, record, coercion, string formats, …) is not compiled, and zod parses it.
 *
 * Like zod's own fast path, the validator is generated source (`new Function`), so that every
 * property access names its property and stays monomorphic; where zod's `jitless` is set or the
 * platform forbids evaluating code, there is no fast path.
 */
import { z } from 'zod';

/** Returned by a compiled validator for input it does not accept (zod decides). */
export const REJECT: unique symbol = Symbol('fast-facts reject');

/** Parses `value` like the schema it was compiled from, or returns REJECT. */
export type FastParse = (value: unknown) => unknown;

/** Compiled validators per schema; null when the schema uses something outside the subset. */
const compiled = new WeakMap<object, FastParse | null>();

/** The compiled validator of `schema`, or undefined when it cannot be compiled (use zod). */
export function compileFacts(schema: z.ZodType): FastParse | undefined {
  const known = compiled.get(schema);
  if (known !== undefined) return known ?? undefined;
  let parse: FastParse | null = null;
  if (evalAllowed()) {
    try {
      const refs = new Refs();
      const root = emitter(schema, refs);
      parse = generate(`let v = input;\n${root('v', (e) => `return ${e};`)}`, refs);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
    }
  }
  compiled.set(schema, parse);
  return parse ?? undefined;
}

let evalProbe: boolean | undefined;

function evalAllowed(): boolean {
  if (z.config().jitless) return false;
  if (evalProbe === undefined) {
    try {
      evalProbe = typeof new Function('return 1') === 'function';
    } catch {
      evalProbe = false;
    }
  }
  return evalProbe;
}

class Unsupported extends Error {}

/** zod's internal definition, as far as this module reads it. */
interface Def {
  type: string;
  [key: string]: unknown;
}

interface CheckDef {
  check: string;
  [key: string]: unknown;
}

function defOf(schema: unknown): Def {
  const def = (schema as { _zod?: { def?: Def } } | null)?._zod?.def;
  if (def === undefined || typeof def.type !== 'string') throw new Unsupported();
  return def;
}

/** Only these definition keys (besides `type`) may be present; `error` only changes messages. */
function onlyKeys(def: Def, allowed: readonly string[]): void {
  for (const key of Object.keys(def)) {
    if (key === 'type' || key === 'error' || allowed.includes(key)) continue;
    throw new Unsupported();
  }
}

function checkDefs(def: Def): CheckDef[] {
  const checks = def.checks;
  if (checks === undefined) return [];
  if (!Array.isArray(checks)) throw new Unsupported();
  return checks.map((c: unknown) => {
    const d = (c as { _zod?: { def?: CheckDef } } | null)?._zod?.def;
    if (d === undefined || typeof d.check !== 'string') throw new Unsupported();
    return d;
  });
}

/**
 * Values the generated source refers to (patterns, sets, nested validators), passed in and named
 * `r0`, `r1`, …; nothing from a schema is pasted into the source except property names (as JSON
 * string literals) and finite numbers.
 */
class Refs {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `r${this.values.length - 1}`;
  }
}

/**
 * `(value, out) => statements`: statements that check the variable named `value` and, when it is
 * accepted, run `out(result)`; otherwise they return REJECT.
 */
type Emit = (value: string, out: Out) => string;
/** Statement that hands on an accepted result: `out['key'] = …`, `out.push(…)`, `return …`. */
type Out = (expression: string) => string;

function number(value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Unsupported();
  return String(value);
}

/** Statements for a leaf: a condition on `v`; the value itself is the result. */
function leaf(condition: (v: string) => string): Emit {
  return (v, out) => `if (!(${condition(v)})) return REJECT;\n${out(v)}`;
}

/** The condition of a length check on `v` (strings and arrays). */
function lengthCondition(d: CheckDef, v: string): string {
  switch (d.check) {
    case 'min_length':
      return `${v}.length >= ${number(d.minimum)}`;
    case 'max_length':
      return `${v}.length <= ${number(d.maximum)}`;
    case 'length_equals':
      return `${v}.length === ${number(d.length)}`;
    default:
      throw new Unsupported();
  }
}

function emitter(schema: unknown, refs: Refs): Emit {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringEmitter(def, refs);
    case 'number':
      return numberEmitter(def);
    case 'boolean':
      onlyKeys(def, ['coerce']);
      if (def.coerce) throw new Unsupported();
      return leaf((v) => `typeof ${v} === 'boolean'`);
    case 'enum': {
      onlyKeys(def, ['entries']);
      const entries = def.entries;
      if (entries === null || typeof entries !== 'object') throw new Unsupported();
      const values = Object.values(entries);
      if (!values.every((e) => typeof e === 'string')) throw new Unsupported();
      const set = refs.add(new Set(values));
      return leaf((v) => `typeof ${v} === 'string' && ${set}.has(${v})`);
    }
    case 'literal': {
      onlyKeys(def, ['values']);
      const values = def.values;
      if (!Array.isArray(values) || values.length === 0) throw new Unsupported();
      for (const e of values) {
        const ok = typeof e === 'string' || typeof e === 'boolean' || (typeof e === 'number' && Number.isFinite(e));
        if (!ok) throw new Unsupported();
      }
      const list = refs.add(values.slice());
      return leaf((v) => `${list}.includes(${v})`);
    }
    case 'optional': {
      onlyKeys(def, ['innerType']);
      const inner = emitter(def.innerType, refs);
      return (v, out) => `if (${v} === undefined) {\n${out('undefined')}\n} else {\n${inner(v, out)}\n}`;
    }
    case 'nullable': {
      onlyKeys(def, ['innerType']);
      const inner = emitter(def.innerType, refs);
      return (v, out) => `if (${v} === null) {\n${out('null')}\n} else {\n${inner(v, out)}\n}`;
    }
    case 'object':
    case 'array': {
      const fn = refs.add(def.type === 'object' ? objectFunction(def) : arrayFunction(def));
      return (v, out) => `${v} = ${fn}(${v});\nif (${v} === REJECT) return REJECT;\n${out(v)}`;
    }
    default:
      throw new Unsupported();
  }
}

function stringEmitter(def: Def, refs: Refs): Emit {
  onlyKeys(def, ['checks', 'coerce']);
  if (def.coerce) throw new Unsupported();
  const parts: ((v: string) => string)[] = [(v) => `typeof ${v} === 'string'`];
  for (const d of checkDefs(def)) {
    if (d.check === 'string_format' && d.format === 'regex' && d.pattern instanceof RegExp) {
      // A global or sticky pattern carries state between calls; leave those to zod.
      if (d.pattern.global || d.pattern.sticky) throw new Unsupported();
      const pattern = refs.add(d.pattern);
      parts.push((v) => `${pattern}.test(${v})`);
    } else {
      lengthCondition(d, 'v'); // throws for a check outside the subset
      parts.push((v) => lengthCondition(d, v)!);
    }
  }
  return leaf((v) => parts.map((p) => p(v)).join(' && '));
}

function numberEmitter(def: Def): Emit {
  // z.int() is a number schema that is its own safe-integer check.
  onlyKeys(def, ['checks', 'coerce', 'check', 'format', 'abort']);
  if (def.coerce) throw new Unsupported();
  const checks = checkDefs(def);
  if (def.check !== undefined) checks.push(def as unknown as CheckDef);
  // zod refuses NaN and the infinities for z.number().
  const parts: ((v: string) => string)[] = [(v) => `typeof ${v} === 'number' && Number.isFinite(${v})`];
  for (const d of checks) {
    if (d.check === 'number_format' && d.format === 'safeint') {
      parts.push((v) => `Number.isSafeInteger(${v})`);
    } else if (d.check === 'greater_than') {
      const bound = number(d.value);
      const op = d.inclusive ? '>=' : '>';
      parts.push((v) => `${v} ${op} ${bound}`);
    } else if (d.check === 'less_than') {
      const bound = number(d.value);
      const op = d.inclusive ? '<=' : '<';
      parts.push((v) => `${v} ${op} ${bound}`);
    } else {
      throw new Unsupported();
    }
  }
  return leaf((v) => parts.map((p) => p(v)).join(' && '));
}

/** The function `(input) => result | REJECT` with this body, its refs bound. */
function generate(body: string, refs: Refs): FastParse {
  const names = refs.values.map((_, i) => `r${i}`);
  const bind = names.length > 0 ? `const [${names.join(', ')}] = refs;\n` : '';
  const factory = new Function('REJECT', 'refs', `${bind}return function fastFacts(input) {\n${body}\n};`) as (
    reject: symbol,
    refs: unknown[],
  ) => FastParse;
  return factory(REJECT, refs.values);
}

function objectFunction(def: Def): FastParse {
  onlyKeys(def, ['shape', 'catchall', 'checks']);
  if (checkDefs(def).length > 0) throw new Unsupported();
  const shape = def.shape;
  if (shape === null || typeof shape !== 'object') throw new Unsupported();
  const refs = new Refs();
  const lines = [`if (input === null || typeof input !== 'object' || Array.isArray(input)) return REJECT;`];
  if (def.catchall !== undefined) {
    // z.strictObject: unknown keys are errors. Any other catchall keeps unknown keys: not compiled.
    if (defOf(def.catchall).type !== 'never') throw new Unsupported();
    const keys = refs.add(new Set(Object.keys(shape)));
    lines.push(`for (const key of Object.keys(input)) if (!${keys}.has(key)) return REJECT;`);
  }
  lines.push('const out = {};', 'let v;');
  for (const [key, propertySchema] of Object.entries(shape)) {
    const name = JSON.stringify(key);
    const propertyDef = defOf(propertySchema);
    const assign: Out = (e) => `out[${name}] = ${e};`;
    lines.push(`v = input[${name}];`);
    if (propertyDef.type === 'optional') {
      // Absent and optional: left out, as zod does. A key present with the value undefined (not
      // possible in JSON) is left to zod.
      onlyKeys(propertyDef, ['innerType']);
      const inner = emitter(propertyDef.innerType, refs);
      lines.push(`if (v === undefined) {\nif (${name} in input) return REJECT;\n} else {\n${inner('v', assign)}\n}`);
    } else {
      lines.push(`if (v === undefined) return REJECT;`, emitter(propertySchema, refs)('v', assign));
    }
  }
  lines.push('return out;');
  return generate(lines.join('\n'), refs);
}

function arrayFunction(def: Def): FastParse {
  onlyKeys(def, ['element', 'checks']);
  const refs = new Refs();
  const lines = ['if (!Array.isArray(input)) return REJECT;'];
  for (const d of checkDefs(def)) lines.push(`if (!(${lengthCondition(d, 'input')})) return REJECT;`);
  const element = emitter(def.element, refs);
  lines.push(
    'const out = [];',
    'for (let i = 0; i < input.length; i++) {',
    'let v = input[i];',
    element('v', (e) => `out.push(${e});`),
    '}',
    'return out;',
  );
  return generate(lines.join('\n'), refs);
}
