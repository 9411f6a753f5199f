import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { z } from 'zod';
import {
  createRegistry,
  defineProgramme,
  evaluate,
  evaluateEach,
  evaluateMany,
  factsJsonSchema,
  InputError,
  ParameterNotFoundError,
  ProgrammeError,
  RegionNotCoveredError,
  resolveParameter,
  rulesetVersion,
  sha256Hex,
  UnknownProgrammeError,
  type AmountLine,
  type DecisionContext,
  type EvaluationRequest,
} from '../src/index';
import {
  amountPerPersonMonth,
  cite,
  fakeAncestorsOf,
  fakeProgramme,
  minRevenueDrop,
  options,
  person,
  request,
} from './fixtures';

const registry = createRegistry([fakeProgramme]);
const run = (req: EvaluationRequest) => evaluate(registry, req, options);
const facts = (over: Record<string, unknown> = {}, persons = [person(1), person(2), person(3)]) => ({
  enterprise: { name: '测试企业', blacklisted: false, revenueDrop: 0.5, ...over },
  persons,
});
const CHINESE = /[\u4e00-\u9fff]/;

function inputIssues(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof InputError, `expected InputError, got ${String(e)}`);
    return e.issues;
  }
  assert.fail('expected an InputError');
}

describe('evaluate: a claim that qualifies', () => {
  const d = run(request());

  it('pays each person from the most specific parameter value', () => {
    assert.equal(d.eligible, 'yes');
    assert.equal(d.lines.length, 3);
    assert.equal(d.amountFen, 3 * 45000);
    assert.deepEqual(
      d.lines.map((l) => l.personId),
      ['p1', 'p2', 'p3'],
    );
  });

  it('records each parameter value once, in order of first use', () => {
    assert.deepEqual(
      d.parameters.map((p) => `${p.id}@${p.region}`),
      ['fake.min_revenue_drop@000000', 'fake.amount_per_person_month@371502'],
    );
  });

  it('echoes the request envelope and the ruleset version', () => {
    assert.equal(d.programme, 'fake-subsidy');
    assert.equal(d.programmeName, '测试补贴');
    assert.equal(d.region, '371502');
    assert.deepEqual(d.period, { from: '2020-06-01', until: '2020-06-30' });
    assert.equal(d.decisionDate, '2020-07-15');
    assert.match(d.rulesetVersion, /^[0-9a-f]{16}$/);
  });

  it('accepts the programme itself instead of a registry', () => {
    assert.deepEqual(evaluate(fakeProgramme, request(), options), d);
  });
});

describe('evaluate: eligibility', () => {
  it('a claim-level fail makes the claim ineligible', () => {
    const d = run(request({ facts: facts({ blacklisted: true }) }));
    assert.equal(d.eligible, 'no');
    assert.equal(d.conditions.find((c) => c.id === 'not_blacklisted')?.result, 'fail');
  });

  it('a claim-level fail wins over missing input', () => {
    const d = run(request({ facts: facts({ blacklisted: true, revenueDrop: undefined }) }));
    assert.equal(d.eligible, 'no');
  });

  it('missing input gives needs_input with the field names', () => {
    const d = run(request({ facts: facts({ revenueDrop: undefined }, [person(1), person(2, 'absent')]) }));
    assert.equal(d.eligible, 'needs_input');
    assert.deepEqual(d.missing, ['facts.enterprise.revenueDrop', 'facts.persons.1.insured']);
    const revenue = d.conditions.find((c) => c.id === 'revenue_drop');
    assert.equal(revenue?.result, 'missing');
    assert.deepEqual(revenue?.missing, ['facts.enterprise.revenueDrop']);
    assert.equal(d.lines.length, 1, 'lines computed so far are kept');
  });

  it('a per-person fail only removes that person’s lines', () => {
    const d = run(request({ facts: facts({}, [person(1), person(2, false), person(3)]) }));
    assert.equal(d.eligible, 'yes');
    assert.deepEqual(
      d.lines.map((l) => l.personId),
      ['p1', 'p3'],
    );
    assert.equal(d.amountFen, 2 * 45000);
    const failed = d.conditions.filter((c) => c.result === 'fail');
    assert.deepEqual(
      failed.map((c) => [c.id, c.personId, c.month]),
      [['insured', 'p2', '2020-06']],
    );
  });

  it('no when every person is refused', () => {
    const d = run(request({ facts: facts({}, [person(1, false), person(2, false)]) }));
    assert.equal(d.eligible, 'no');
    assert.equal(d.amountFen, 0);
    assert.deepEqual(d.lines, []);
  });

  it('a claim-level fail of the threshold condition gives no', () => {
    const d = run(request({ facts: facts({ revenueDrop: 0.1 }) }));
    assert.equal(d.eligible, 'no');
    assert.equal(d.conditions.find((c) => c.id === 'revenue_drop')?.detail, '营业收入下降 10%（≥ 30%）');
  });
});

describe('evaluate: as known on the decision date', () => {
  // 370102 has no county or prefecture value: the province's applies, amended by a document issued 2020-07-01.
  const july = (decisionDate: string) =>
    run(request({ region: '370102', period: { from: '2020-06-01', until: '2020-06-30' }, decisionDate }));

  it('ignores an amendment issued after the decision date', () => {
    const before = july('2020-06-30');
    assert.equal(before.amountFen, 3 * 50000);
    assert.equal(before.parameters.find((p) => p.id === amountPerPersonMonth.id)?.cite.issued, '2020-02-01');
  });

  it('applies it from its issue date on', () => {
    const after = july('2020-07-01');
    assert.equal(after.amountFen, 3 * 60000);
    assert.equal(after.parameters.find((p) => p.id === amountPerPersonMonth.id)?.cite.issued, '2020-07-01');
  });

  it('changes the ruleset version with the amendment, and only then', () => {
    assert.notEqual(july('2020-06-30').rulesetVersion, july('2020-07-01').rulesetVersion);
    assert.equal(july('2020-06-30').rulesetVersion, july('2020-03-02').rulesetVersion, 'no document issued in between');
    assert.equal(july('2020-07-01').rulesetVersion, july('2021-01-01').rulesetVersion);
    assert.equal(rulesetVersion(fakeProgramme, '2020-07-01'), july('2020-07-01').rulesetVersion);
  });

  it('covers the version of the programme in the ruleset version', () => {
    const bumped = defineProgramme({ ...fakeProgramme, version: '2' });
    assert.notEqual(rulesetVersion(bumped, '2020-07-01'), rulesetVersion(fakeProgramme, '2020-07-01'));
  });
});

describe('evaluate: determinism', () => {
  it('gives the same bytes for the same request', () => {
    assert.equal(JSON.stringify(run(request({}, 10))), JSON.stringify(run(request({}, 10))));
  });

  it('gives the same bytes whatever the key order of the request', () => {
    const r = request();
    const f = r.facts as ReturnType<typeof facts>;
    const shuffled: EvaluationRequest = {
      facts: {
        persons: f.persons.map((p) => Object.fromEntries(Object.entries(p).reverse())),
        enterprise: Object.fromEntries(Object.entries(f.enterprise).reverse()),
      },
      decisionDate: r.decisionDate,
      period: { until: r.period.until, from: r.period.from },
      region: r.region,
      programme: r.programme,
    };
    assert.equal(JSON.stringify(run(shuffled)), JSON.stringify(run(r)));
  });

  it('puts the decision keys in a fixed order', () => {
    assert.deepEqual(Object.keys(run(request())), [
      'programme',
      'programmeName',
      'region',
      'period',
      'decisionDate',
      'rulesetVersion',
      'eligible',
      'amountFen',
      'lines',
      'conditions',
      'parameters',
      'missing',
      'notes',
    ]);
  });
});

describe('evaluate: request errors', () => {
  it('refuses an unknown programme with a typed error', () => {
    assert.throws(
      () => run(request({ programme: 'no-such' })),
      (e: unknown) =>
        e instanceof UnknownProgrammeError && e.code === 'unknown_programme' && e.issues[0]?.path === 'programme',
    );
  });

  it('refuses a region outside the programme, in Chinese', () => {
    assert.throws(
      () => run(request({ region: '652300' })),
      (e: unknown) => {
        assert.ok(e instanceof RegionNotCoveredError);
        assert.equal(e.code, 'region_not_covered');
        assert.equal(e.issues[0]?.path, 'region');
        assert.match(e.message, /652300 不在「测试补贴」的适用范围内/);
        return true;
      },
    );
    assert.throws(() => run(request({ region: '379999' })), RegionNotCoveredError, 'unknown to the hierarchy');
  });

  it('checks the envelope and names each field in Chinese', () => {
    const issues = inputIssues(() =>
      run({
        programme: '',
        region: '37150',
        period: { from: '2020-02-30', until: '2020-01-01' },
        decisionDate: undefined as unknown as string,
        facts: {},
      }),
    );
    assert.deepEqual(
      issues.map((i) => i.path),
      ['programme', 'region', 'period.from', 'decisionDate'],
    );
    for (const issue of issues) assert.match(issue.message, CHINESE);
    assert.match(issues[1]!.message, /行政区划代码（region）应为 6 位数字/);
  });

  it('refuses a period that ends before it starts', () => {
    const issues = inputIssues(() => run(request({ period: { from: '2020-06-30', until: '2020-06-01' } })));
    assert.deepEqual(issues, [
      { path: 'period.until', message: '期间结束日期（period.until）2020-06-01 早于开始日期 2020-06-30' },
    ]);
  });

  it('refuses a request that is not an object', () => {
    assert.throws(() => evaluate(registry, null as unknown as EvaluationRequest, options), InputError);
  });

  it('validates facts with paths under facts and Chinese messages', () => {
    const bad = facts({ name: '' }, [person(1), { ...person(2), idNumber: '123' }]);
    const issues = inputIssues(() => run(request({ facts: bad })));
    assert.deepEqual(
      issues.map((i) => i.path),
      ['facts.enterprise.name', 'facts.persons.1.idNumber'],
    );
    assert.equal(issues[1]!.message, '长度应为 18 个字符');
    for (const issue of issues) assert.match(issue.message, CHINESE);
  });

  it('reports absent facts as a required field', () => {
    const issues = inputIssues(() => run(request({ facts: { persons: [person(1)] } })));
    assert.deepEqual(issues, [{ path: 'facts.enterprise', message: '必填项，未填写' }]);
    const none = inputIssues(() => run(request({ facts: undefined })));
    assert.deepEqual(none, [{ path: 'facts', message: '必填项，未填写' }]);
  });
});

describe('evaluate: programme faults', () => {
  const emitting = (line: Partial<AmountLine>) =>
    defineProgramme({
      ...fakeProgramme,
      id: 'fake-faulty',
      facts: z.object({}),
      decide(ctx) {
        ctx.line({ label: '测试', cite: cite('2020-01-01'), ...line } as AmountLine);
      },
    });
  const req = request({ programme: 'fake-faulty', facts: {} });

  it('rejects non-integer, negative or non-finite money', () => {
    for (const amountFen of [1.5, -1, Number.NaN, Infinity, 2 ** 53]) {
      assert.throws(() => evaluate(emitting({ amountFen }), req, options), ProgrammeError, String(amountFen));
    }
    assert.equal(evaluate(emitting({ amountFen: 0 }), req, options).amountFen, 0);
  });

  it('rejects a parameter the programme does not list', () => {
    const p = defineProgramme({
      ...fakeProgramme,
      id: 'fake-faulty',
      parameters: [minRevenueDrop],
      decide(ctx) {
        ctx.param(amountPerPersonMonth);
      },
    });
    assert.throws(() => evaluate(p, request({ programme: 'fake-faulty' }), options), /未列入项目的 parameters/);
  });

  it('throws ParameterNotFoundError when no value applies, and paramOrUndefined does not', () => {
    const early = request({ period: { from: '2019-06-01', until: '2019-06-30' } });
    assert.throws(() => run(early), ParameterNotFoundError);
    const lenient = defineProgramme({
      ...fakeProgramme,
      id: 'fake-lenient',
      decide(ctx) {
        ctx.note(`值：${String(ctx.paramOrUndefined(amountPerPersonMonth))}`);
      },
    });
    const d = evaluate(lenient, { ...early, programme: 'fake-lenient' }, options);
    assert.deepEqual(d.notes, ['值：undefined']);
    assert.deepEqual(d.parameters, []);
  });

  it('rejects a malformed condition', () => {
    const p = defineProgramme({
      ...fakeProgramme,
      id: 'fake-faulty',
      decide(ctx) {
        ctx.condition({ id: 'x', label: '测试', result: 'ok' as 'pass', cite: cite('2020-01-01') });
      },
    });
    assert.throws(() => evaluate(p, request({ programme: 'fake-faulty' }), options), ProgrammeError);
  });
});

describe('evaluate: context', () => {
  it('ctx.resolve returns the value with its provenance and records it', () => {
    const p = defineProgramme({
      ...fakeProgramme,
      id: 'fake-resolve',
      decide(ctx) {
        const r = ctx.resolve(amountPerPersonMonth);
        ctx.note(`${r?.value} ${r?.region} ${r?.cite.issued}`);
      },
    });
    const d = evaluate(p, request({ programme: 'fake-resolve' }), options);
    assert.deepEqual(d.notes, ['45000 371502 2020-03-01']);
    assert.deepEqual(
      d.parameters.map((x) => x.id),
      [amountPerPersonMonth.id],
    );
  });

  it('refuses a context used after decide returned', () => {
    let kept: DecisionContext | undefined;
    const p = defineProgramme({
      ...fakeProgramme,
      id: 'fake-leaky',
      decide(ctx) {
        kept = ctx;
      },
    });
    evaluate(p, request({ programme: 'fake-leaky' }), options);
    assert.throws(() => kept!.note('迟到的说明'), /decide 返回之后/);
  });

  it('uses the kernel region hierarchy by default', () => {
    const d = evaluate(registry, request({ region: '371521' }));
    assert.equal(d.parameters.find((p) => p.id === amountPerPersonMonth.id)?.region, '371500');
    assert.throws(
      () => evaluate(registry, request({ region: '371523' })),
      (e: unknown) => e instanceof RegionNotCoveredError && /371503/.test(e.issues[0]!.message),
      'a retired code: the kernel names its successor',
    );
  });
});

describe('evaluate: parameter resolutions shared between decisions', () => {
  /** Resolves the amount on each of `facts.days` and hands the answers to the test. */
  let seen: unknown[] = [];
  const probe = defineProgramme({
    ...fakeProgramme,
    id: 'fake-probe',
    facts: z.object({ days: z.array(z.string()) }),
    decide(ctx, f) {
      for (const day of f.days) seen.push(ctx.resolve(amountPerPersonMonth, day));
      ctx.param(minRevenueDrop);
    },
  });
  const regions = ['371502', '371521', '371500', '370102', '370000'];
  const dates = ['2020-02-15', '2020-03-01', '2020-06-30', '2020-07-01', '2020-12-31'];
  const days = ['2020-01-01', '2020-05-01', '2020-06-30', '2020-07-01', '2020-12-31'];

  it('answers as an uncached resolution would, whatever the order of the requests', () => {
    // a fixed shuffle of every (region, decision date) pair, each asked twice
    const pairs = regions.flatMap((region) => dates.map((decisionDate) => ({ region, decisionDate })));
    const order = [...pairs, ...pairs].map((p, i) => ({ p, k: (i * 7919) % 101 })).sort((a, b) => a.k - b.k);
    for (const { p } of order) {
      seen = [];
      const d = evaluate(probe, request({ programme: 'fake-probe', ...p, facts: { days } }), options);
      const expected = days.map((on) =>
        resolveParameter(amountPerPersonMonth, {
          region: p.region,
          on,
          asOf: p.decisionDate,
          ancestorsOf: fakeAncestorsOf,
        }),
      );
      assert.deepEqual(seen, expected, `${p.region} decided ${p.decisionDate}`);
      // recorded once each, in order of first use
      const used = [...new Set(expected.filter((r) => r !== undefined))];
      assert.deepEqual(d.parameters.slice(0, used.length), used);
    }
  });

  it('still checks a day the first time and every time it is invalid', () => {
    for (let i = 0; i < 3; i++) {
      assert.throws(
        () => evaluate(probe, request({ programme: 'fake-probe', facts: { days: ['2020-02-30'] } }), options),
        (e: unknown) => e instanceof ProgrammeError && /2020-02-30/.test(e.message),
      );
    }
  });

  it('still refuses, in another programme, a parameter that one does not list', () => {
    evaluate(probe, request({ programme: 'fake-probe', facts: { days } }), options);
    const other = defineProgramme({
      ...fakeProgramme,
      id: 'fake-other',
      parameters: [minRevenueDrop],
      decide(ctx) {
        ctx.param(amountPerPersonMonth, '2020-05-01');
      },
    });
    assert.throws(() => evaluate(other, request({ programme: 'fake-other' }), options), /未列入项目的 parameters/);
  });
});

describe('evaluateMany', () => {
  it('returns a decision or an error per request, in order', () => {
    const results = evaluateMany(
      registry,
      [request(), request({ region: '652300' }), request({ programme: 'x' })],
      options,
    );
    assert.deepEqual(
      results.map((r) => r.ok),
      [true, false, false],
    );
    assert.ok(!results[1]!.ok && results[1]!.error instanceof RegionNotCoveredError);
    assert.ok(results[0]!.ok && results[0]!.decision.eligible === 'yes');
  });

  it('evaluateEach yields the same results one at a time, only as far as it is read', () => {
    let read = 0;
    function* requests() {
      for (const r of [request(), request({ region: '652300' }), request()]) {
        read++;
        yield r;
      }
    }
    const each = evaluateEach(registry, requests(), options);
    const first = each.next();
    assert.equal(read, 1);
    assert.ok(!first.done && first.value.ok);
    assert.deepEqual(
      [first.value, ...each].map((r) => (r.ok ? JSON.stringify(r.decision) : r.error.name)),
      evaluateMany(registry, [request(), request({ region: '652300' }), request()], options).map((r) =>
        r.ok ? JSON.stringify(r.decision) : r.error.name,
      ),
    );
  });
});

describe('definitions and helpers', () => {
  it('refuses a programme with a bad id or a duplicate in a registry', () => {
    assert.throws(() => defineProgramme({ ...fakeProgramme, id: 'Fake_Subsidy' }), /kebab-case/);
    assert.throws(() => createRegistry([fakeProgramme, fakeProgramme]), /registered twice/);
    assert.throws(() => defineProgramme({ ...fakeProgramme, regions: ['37'] }), /region/);
  });

  it('registry lists and finds programmes', () => {
    assert.equal(registry.get('fake-subsidy'), fakeProgramme);
    assert.equal(registry.get('nope'), undefined);
    assert.deepEqual(registry.list(), [fakeProgramme]);
    assert.throws(() => registry.require('nope'), UnknownProgrammeError);
  });

  it('publishes the facts JSON Schema', () => {
    const schema = factsJsonSchema(fakeProgramme) as { type: string; required: string[] };
    assert.equal(schema.type, 'object');
    assert.deepEqual(schema.required, ['enterprise', 'persons']);
  });

  it('hashes like SHA-256', () => {
    for (const text of ['', 'abc', '稳岗返还', 'x'.repeat(55), 'x'.repeat(56), 'y'.repeat(64), 'z'.repeat(1000)]) {
      assert.equal(sha256Hex(text), createHash('sha256').update(text, 'utf8').digest('hex'), `length ${text.length}`);
    }
  });
});
