/**
 * Every programme whose facts schema the engine compiles into a fast validator: on each case's
 * facts and on thousands of random variations of them, the fast path accepts only what zod
 * accepts, with zod's output (same values, same keys in the same order). What it does not accept
 * zod parses, so the field errors stay zod's.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { PolicyCase } from '@wengang/engine';
import { compileFacts } from '../packages/engine/src/fast-facts';
import { agreesWithZod, random } from '../packages/engine/test/support/fast-facts-agreement';
import { programmes } from './index';

const root = import.meta.dirname;

const ODD_VALUES: unknown[] = [
  undefined,
  null,
  '',
  'x',
  '2020-07-01',
  '2020-7-1',
  '2020-07',
  '370702199001010011',
  '37070219900101001X',
  '9137072459034830XB',
  '就业困难人员',
  'absorption',
  'epidemic_hardship',
  'large',
  'other',
  0,
  -1,
  0.5,
  6,
  50000,
  Number.NaN,
  2 ** 60,
  true,
  false,
  [],
  {},
];

/** A copy of `value` with one random change somewhere inside it (structure-preserving often). */
function mutate(value: unknown, rnd: () => number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  if (value === null || typeof value !== 'object') return rnd() < 0.7 ? pick(ODD_VALUES) : value;
  const copy = structuredClone(value) as Record<string, unknown> | unknown[];
  const keys = Object.keys(copy);
  const roll = rnd();
  if (keys.length === 0 || roll < 0.1) {
    if (Array.isArray(copy)) copy.push(rnd() < 0.5 && copy.length > 0 ? structuredClone(copy[0]) : pick(ODD_VALUES));
    else copy[pick(['extra', 'name', 'month', 'personId'])] = pick(ODD_VALUES);
    return copy;
  }
  const key = pick(keys);
  if (roll < 0.25) {
    if (Array.isArray(copy)) copy.splice(Number(key), 1);
    else delete copy[key];
  } else {
    (copy as Record<string, unknown>)[key] = mutate((copy as Record<string, unknown>)[key], rnd);
  }
  return copy;
}

for (const programme of programmes) {
  const fast = compileFacts(programme.facts);
  if (fast === undefined) continue;
  describe(`fast facts path of ${programme.id}`, () => {
    const dir = join(root, programme.id, 'cases');
    const facts = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as PolicyCase).request.facts)
      : [];

    const check = (input: unknown): boolean => agreesWithZod(fast, programme.facts, input);

    it('agrees with zod on every case', () => {
      for (const f of facts) {
        const accepted = check(f);
        // valid case facts take the fast path (cases of invalid input do not)
        if (!accepted) assert.equal(programme.facts.safeParse(f).success, false, JSON.stringify(f));
      }
    });

    it('agrees with zod on random variations of the cases', () => {
      const rnd = random(1105);
      let accepted = 0;
      let rejected = 0;
      for (let i = 0; i < 4000; i++) {
        let input = facts[i % facts.length];
        const changes = 1 + Math.floor(rnd() * 3);
        for (let k = 0; k < changes; k++) input = mutate(input, rnd);
        if (check(input)) accepted++;
        else rejected++;
      }
      assert.ok(accepted > 200 && rejected > 200, `both paths exercised (${accepted} accepted, ${rejected} rejected)`);
    });
  });
}
