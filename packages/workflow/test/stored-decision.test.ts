/** A case's decision is stored with its citations once and read back as the engine gave it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, type Decision, type PolicyCase } from '@wengang/engine';
import { programmes, registry } from '@wengang/policies';
import { decisionFromStored, storedDecisionJson } from '../src/stored-decision';

const policies = join(import.meta.dirname, '..', '..', '..', 'policies');

/** The engine's decision of every case of every programme. */
function decisions(): { name: string; decision: Decision }[] {
  return programmes.flatMap((p) =>
    readdirSync(join(policies, p.id, 'cases'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => {
        const c = JSON.parse(readFileSync(join(policies, p.id, 'cases', f), 'utf8')) as PolicyCase;
        return { name: `${p.id}/${f}`, decision: evaluate(registry, c.request) };
      }),
  );
}

describe('stored decision', () => {
  const all = decisions();

  it('reads back exactly the decision the engine gave, for every policy case', () => {
    assert.ok(all.length > 20);
    for (const { name, decision } of all) {
      const stored: unknown = JSON.parse(storedDecisionJson(decision));
      assert.deepEqual(decisionFromStored(stored), JSON.parse(JSON.stringify(decision)), name);
    }
  });

  it('keeps each citation once and refers to it by index, also in a decision that went through JSON', () => {
    const { decision } = all.reduce((a, b) => (b.decision.conditions.length > a.decision.conditions.length ? b : a));
    const cited = [...decision.lines, ...decision.conditions, ...decision.parameters];
    const distinct = new Set(cited.map((x) => JSON.stringify(x.cite)));
    assert.ok(distinct.size < cited.length);
    for (const d of [decision, JSON.parse(JSON.stringify(decision)) as Decision]) {
      const text = storedDecisionJson(d);
      const stored = JSON.parse(text) as { citations: unknown[]; conditions: { cite: unknown }[] };
      assert.equal(stored.citations.length, distinct.size);
      for (const c of stored.conditions) assert.equal(typeof c.cite, 'number');
      assert.ok(text.length < JSON.stringify(d).length);
    }
  });

  it('reads a decision stored in full (before citations were stored once) as it is, and null as null', () => {
    const { decision } = all[0]!;
    const full: unknown = JSON.parse(JSON.stringify(decision));
    assert.deepEqual(decisionFromStored(full), full);
    assert.equal(decisionFromStored(null), null);
  });

  it('refuses a stored decision whose citation is missing rather than show it without its source', () => {
    const { decision } = all.find((d) => d.decision.conditions.length > 0)!;
    const stored = JSON.parse(storedDecisionJson(decision)) as { citations: unknown[] };
    stored.citations = [];
    assert.throws(() => decisionFromStored(stored), /citation 0 of 0 missing/);
  });
});
