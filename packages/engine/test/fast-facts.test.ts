/**
 * The compiled facts validator is a fast path only: whatever it accepts, zod must accept with
 * the same output (same values, same keys in the same order); everything else goes to zod.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { compileFacts, REJECT } from '../src/fast-facts';
import { agreesWithZod as agrees, random } from './support/fast-facts-agreement';

const date = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '应为日期 YYYY-MM-DD');

/** Every construct the compiler supports, nested. */
const schema = z.object({
  kind: z.enum(['a', 'b']),
  name: z.string().min(1).max(8),
  code: z.string().length(3).optional(),
  on: date.nullable().optional(),
  count: z.number().int().nonnegative(),
  ratio: z.number().positive().lt(1).optional(),
  small: z.int().lte(10).optional(),
  flag: z.boolean().optional(),
  fixed: z.literal('x').optional(),
  tags: z
    .array(z.enum(['p', 'q']))
    .min(1)
    .optional(),
  items: z
    .array(
      z.object({
        id: z.string().regex(/^\d+$/),
        amount: z.number().gte(-5).max(100).optional(),
        note: z.string().nullable(),
      }),
    )
    .max(3),
  strict: z.strictObject({ only: z.number() }).optional(),
});

const valid = {
  kind: 'a',
  name: '名称',
  code: 'abc',
  on: '2020-07-01',
  count: 3,
  ratio: 0.5,
  small: 10,
  flag: false,
  fixed: 'x',
  tags: ['p', 'q'],
  items: [
    { id: '1', amount: -5, note: null },
    { id: '22', note: '说明' },
  ],
  strict: { only: 1 },
};

const ODD_VALUES: unknown[] = [
  undefined,
  null,
  '',
  'x',
  'a',
  'p',
  '1',
  'abc',
  'abcdefghi',
  '2020-07-01',
  '2020-13-01',
  0,
  -0,
  -1,
  -5,
  -6,
  1,
  0.5,
  1.5,
  10,
  11,
  100,
  101,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 60,
  true,
  false,
  [],
  ['p'],
  ['r'],
  {},
  { only: 1 },
  { only: 1, more: 2 },
  [{ id: '1', note: null }],
  new Date(0),
];

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** A copy of `value` with one random change somewhere inside it. */
function mutate(value: unknown, rnd: () => number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  if (value === null || typeof value !== 'object' || value instanceof Date) return pick(ODD_VALUES);
  const copy = clone(value) as Record<string, unknown> | unknown[];
  const keys = Object.keys(copy);
  const roll = rnd();
  if (keys.length === 0 || roll < 0.15) {
    // a new key (unknown to the schema) or a new element
    if (Array.isArray(copy)) copy.push(pick(ODD_VALUES));
    else copy[pick(['extra', 'kind', 'count', 'only', 'note'])] = pick(ODD_VALUES);
    return copy;
  }
  const key = pick(keys);
  if (roll < 0.3) {
    if (Array.isArray(copy)) copy.splice(Number(key), 1);
    else delete copy[key];
  } else if (roll < 0.45) {
    (copy as Record<string, unknown>)[key] = undefined;
  } else {
    (copy as Record<string, unknown>)[key] = mutate((copy as Record<string, unknown>)[key], rnd);
  }
  return copy;
}

describe('compileFacts', () => {
  const fast = compileFacts(schema)!;

  it('compiles the supported subset', () => {
    assert.equal(typeof fast, 'function');
  });

  it('parses valid facts exactly as zod does, stripping unknown keys', () => {
    const input = { ...clone(valid), unknown: 1, items: [{ id: '7', note: null, stray: true }] };
    assert.ok(agrees(fast, schema, input));
    const out = fast(input) as Record<string, unknown>;
    assert.notEqual(out, input, 'a new object, as zod returns');
    assert.equal('unknown' in out, false);
  });

  it('follows the schema key order, not the input order', () => {
    const reversed = Object.fromEntries(Object.entries(clone(valid)).reverse());
    assert.ok(agrees(fast, schema, reversed));
    assert.deepEqual(Object.keys(fast(reversed) as object), Object.keys(valid));
  });

  it('leaves to zod what zod refuses, and the odd cases zod may accept', () => {
    const cases: unknown[] = [
      { ...valid, kind: 'c' },
      { ...valid, name: '' },
      { ...valid, count: 1.5 },
      { ...valid, count: Number.NaN },
      { ...valid, ratio: 1 },
      { ...valid, small: 11 },
      { ...valid, on: '2020-13-01' },
      { ...valid, items: [], tags: [] },
      { ...valid, strict: { only: 1, more: 2 } },
      { ...valid, code: undefined }, // a key present with undefined: zod decides
      [valid],
      null,
      'facts',
    ];
    for (const input of cases) assert.equal(fast(input), REJECT, JSON.stringify(input));
    // zod accepts an explicit undefined for an optional key; the fast path defers, zod answers
    assert.equal(schema.safeParse({ ...valid, code: undefined }).success, true);
  });

  it('never accepts what zod refuses, nor differs from zod, on thousands of random variations', () => {
    const rnd = random(20201105);
    let accepted = 0;
    let rejected = 0;
    for (let i = 0; i < 5000; i++) {
      let input: unknown = clone(valid);
      const changes = 1 + Math.floor(rnd() * 3);
      for (let k = 0; k < changes; k++) input = mutate(input, rnd);
      if (agrees(fast, schema, input)) accepted++;
      else rejected++;
    }
    assert.ok(accepted > 500 && rejected > 500, `both paths exercised (${accepted} accepted, ${rejected} rejected)`);
  });

  it('does not compile schemas outside the subset (zod parses those)', () => {
    const outside: z.ZodType[] = [
      z.object({ a: z.string().refine((s) => s !== 'x') }),
      z.object({ a: z.string().trim() }),
      z.object({ a: z.string().transform((s) => s.length) }),
      z.object({ a: z.string().default('x') }),
      z.object({ a: z.record(z.string(), z.number()) }),
      z.object({ a: z.email() }),
      z.object({ a: z.coerce.number() }),
      z.object({ a: z.string() }).passthrough(),
      z.object({ a: z.string() }).catchall(z.number()),
      z.object({ a: z.unknown() }),
      z.object({ a: z.string().regex(/x/g) }),
      z.object({ a: z.number().multipleOf(5) }),
      z.object({ a: z.union([z.string(), z.number()]) }),
    ];
    outside.forEach((s, i) => assert.equal(compileFacts(s), undefined, `schema ${i}`));
  });

  it('compiles a schema once', () => {
    assert.equal(compileFacts(schema), fast);
  });
});
