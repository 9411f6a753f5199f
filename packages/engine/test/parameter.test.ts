import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DefinitionError, defineParameter, resolveParameter, type ParameterDefinition } from '../src/index';
import { amountPerPersonMonth, cite, fakeAncestorsOf } from './fixtures';

const at = (region: string, on: string, asOf = '2020-06-30') =>
  resolveParameter(amountPerPersonMonth, { region, on, asOf, ancestorsOf: fakeAncestorsOf });

describe('resolveParameter: region inheritance', () => {
  it('a county value overrides its prefecture', () => {
    const r = at('371502', '2020-05-01');
    assert.equal(r?.value, 45000);
    assert.equal(r?.region, '371502');
  });

  it('a county without its own value inherits its prefecture', () => {
    const r = at('371521', '2020-05-01');
    assert.equal(r?.value, 40000);
    assert.equal(r?.region, '371500');
  });

  it('falls back to the province, then to the national value', () => {
    assert.equal(at('370102', '2020-05-01')?.region, '370000');
    assert.equal(at('370102', '2020-05-01')?.value, 50000);
    const national = at('652300', '2020-05-01');
    assert.equal(national?.region, '000000');
    assert.equal(national?.value, 30000);
  });

  it('resolves for the region itself when it is a prefecture or province', () => {
    assert.equal(at('371500', '2020-05-01')?.value, 40000);
    assert.equal(at('370000', '2020-05-01')?.value, 50000);
  });

  it('returns undefined for a region the hierarchy does not know', () => {
    assert.equal(at('999999', '2020-05-01'), undefined);
  });
});

describe('resolveParameter: dated values', () => {
  it('treats both ends of a period as inclusive', () => {
    assert.equal(at('371521', '2020-01-01')?.value, 40000, 'first day');
    assert.equal(at('371521', '2020-06-30')?.value, 40000, 'last day');
    assert.equal(at('371521', '2020-07-01')?.region, '370000', 'day after: the province applies again');
  });

  it('has no value before the first from', () => {
    assert.equal(at('371521', '2019-12-31'), undefined);
  });

  it('returns the value with its provenance', () => {
    const r = at('371521', '2020-06-30');
    assert.deepEqual(r, {
      id: 'fake.amount_per_person_month',
      label: '测试补贴标准',
      unit: 'fen/person/month',
      value: 40000,
      region: '371500',
      from: '2020-01-01',
      until: '2020-06-30',
      cite: cite('2020-03-01', 40),
    });
  });
});

describe('resolveParameter: as known on the decision date', () => {
  it('ignores an amendment issued after asOf and applies it from its issue date', () => {
    assert.equal(at('370102', '2020-05-01', '2020-06-30')?.value, 50000);
    const amended = at('370102', '2020-05-01', '2020-07-01');
    assert.equal(amended?.value, 60000);
    assert.equal(amended?.note, '省级修订');
  });

  it('ignores values whose documents were not yet issued at all', () => {
    assert.equal(at('371502', '2020-05-01', '2020-02-15')?.region, '370000', 'county and prefecture issued 2020-03-01');
    assert.equal(at('371502', '2020-05-01', '2020-01-15')?.region, '000000');
    assert.equal(at('371502', '2020-05-01', '2019-12-31'), undefined);
  });

  it('works on a plain object that was never passed to defineParameter', () => {
    const plain: ParameterDefinition<string> = {
      id: 'fake.plain',
      label: '未经定义函数的参数',
      unit: 'text',
      values: [{ region: '370000', from: '2020-01-01', value: '甲', cite: cite('2020-01-01') }],
    };
    const r = resolveParameter(plain, {
      region: '371502',
      on: '2020-03-01',
      asOf: '2020-03-01',
      ancestorsOf: fakeAncestorsOf,
    });
    assert.equal(r?.value, '甲');
  });
});

describe('defineParameter checks', () => {
  const base = {
    id: 'fake.checked',
    label: '检查用参数',
    unit: 'fen/person/month',
  };
  const define = (values: ParameterDefinition<number>['values']) => () => defineParameter<number>({ ...base, values });
  const rejects = (values: ParameterDefinition<number>['values'], pattern: RegExp) =>
    assert.throws(define(values), (e: unknown) => {
      assert.ok(e instanceof DefinitionError);
      assert.match(e.message, /fake\.checked/);
      assert.match(e.message, pattern);
      return true;
    });

  it('accepts a valid definition and returns it frozen', () => {
    const def = defineParameter<number>({
      ...base,
      values: [{ region: '370000', from: '2020-01-01', value: 1, cite: cite('2020-01-01') }],
    });
    assert.ok(Object.isFrozen(def));
    assert.ok(Object.isFrozen(def.values[0]));
  });

  it('rejects dates that are not real ISO dates', () => {
    rejects([{ region: '370000', from: '2020-02-30', value: 1, cite: cite('2020-01-01') }], /from/);
    rejects(
      [{ region: '370000', from: '2020-01-01', until: '2020/12/31', value: 1, cite: cite('2020-01-01') }],
      /until/,
    );
  });

  it('rejects from after until', () => {
    rejects(
      [{ region: '370000', from: '2020-07-01', until: '2020-06-30', value: 1, cite: cite('2020-01-01') }],
      /after/,
    );
  });

  it('rejects an incomplete citation', () => {
    rejects(
      [{ region: '370000', from: '2020-01-01', value: 1, cite: { ...cite('2020-01-01'), file: '' } }],
      /cite\.file/,
    );
    rejects(
      [{ region: '370000', from: '2020-01-01', value: 1, cite: { ...cite('2020-01-01'), line: 0 } }],
      /cite\.line/,
    );
    rejects(
      [{ region: '370000', from: '2020-01-01', value: 1, cite: { ...cite('2020-01-01'), issued: '2020-1-1' } }],
      /cite\.issued/,
    );
  });

  it('rejects a bad region code and non-integer fen', () => {
    rejects([{ region: '37', from: '2020-01-01', value: 1, cite: cite('2020-01-01') }], /region/);
    rejects([{ region: '370000', from: '2020-01-01', value: 1.5, cite: cite('2020-01-01') }], /fen/);
  });

  it('rejects two overlapping values for the same region from documents issued the same day', () => {
    rejects(
      [
        { region: '370000', from: '2020-01-01', until: '2020-06-30', value: 1, cite: cite('2020-01-01') },
        { region: '370000', from: '2020-06-30', value: 2, cite: cite('2020-01-01') },
      ],
      /overlap/,
    );
  });

  it('accepts overlapping values when a later document amends an earlier one, and adjacent periods', () => {
    assert.doesNotThrow(
      define([
        { region: '370000', from: '2020-01-01', value: 1, cite: cite('2020-01-01') },
        { region: '370000', from: '2020-01-01', value: 2, cite: cite('2020-03-01') },
        { region: '370100', from: '2020-01-01', until: '2020-06-30', value: 3, cite: cite('2020-01-01') },
        { region: '370100', from: '2020-07-01', value: 4, cite: cite('2020-01-01') },
      ]),
    );
  });

  it('rejects a parameter without values', () => {
    rejects([], /no values/);
  });
});
