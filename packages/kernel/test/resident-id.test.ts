import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ageOn,
  checkResidentId,
  isValidResidentId,
  maskResidentId,
  normalizeResidentId,
  residentIdCheckChar,
} from '../src/resident-id';

const TODAY = '2022-09-01';

describe('checkResidentId: valid numbers', () => {
  const cases: [input: string, value: string, birthDate: string, sex: 'male' | 'female'][] = [
    // The sample number printed in GB 11643-1999.
    ['11010519491231002X', '11010519491231002X', '1949-12-31', 'female'],
    ['11010519491231002x', '11010519491231002X', '1949-12-31', 'female'],
    ['  11010519491231002X  ', '11010519491231002X', '1949-12-31', 'female'],
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X', '1949-12-31', 'female'],
    ['110105 19491231 002X', '11010519491231002X', '1949-12-31', 'female'],
    ['37150219800101123X', '37150219800101123X', '1980-01-01', 'male'],
    // 29 February in a leap year.
    ['371521200002290049', '371521200002290049', '2000-02-29', 'female'],
    ['652301199912315678', '652301199912315678', '1999-12-31', 'male'],
    // Former 茌平县 code still on older cards.
    ['371523200201011236', '371523200201011236', '2002-01-01', 'male'],
    // 港澳台居民居住证 use 81/82/83.
    ['810000199006150010', '810000199006150010', '1990-06-15', 'male'],
    ['830000199006150022', '830000199006150022', '1990-06-15', 'female'],
    // 1900 was not a leap year, but 28 February exists.
    ['371502190002280013', '371502190002280013', '1900-02-28', 'male'],
  ];
  for (const [input, value, birthDate, sex] of cases) {
    it(`accepts ${JSON.stringify(input)}`, () => {
      assert.deepEqual(checkResidentId(input, TODAY), { ok: true, value, birthDate, sex });
    });
  }

  it('accepts a birth date equal to today', () => {
    const id = `37150220220901001`;
    const full = id + residentIdCheckChar(id);
    assert.equal(checkResidentId(full, '2022-09-01').ok, true);
  });
});

describe('checkResidentId: each kind of error', () => {
  const cases: [input: string, code: string, message: string][] = [
    ['', 'empty', '请填写公民身份号码（18位）'],
    ['   ', 'empty', '请填写公民身份号码（18位）'],
    ['11010519491231002', 'length', '公民身份号码应为18位，当前为17位，请核对'],
    ['11010519491231002X1', 'length', '公民身份号码应为18位，当前为19位，请核对'],
    ['110105491231002', 'length', '公民身份号码应为18位，当前为15位。15位为第一代身份证号码，请填写18位公民身份号码'],
    ['1101051949123100X2', 'invalid_char', '公民身份号码第17位“X”不正确：前17位应为数字'],
    ['11010519491231002Y', 'invalid_char', '公民身份号码第18位“Y”不正确：第18位应为数字或X'],
    ['11010519A91231002X', 'invalid_char', '公民身份号码第9位“A”不正确：前17位应为数字'],
    [
      '991050194912310020',
      'region',
      '公民身份号码前6位“991050”不是有效的地址码（前2位“99”不是省级行政区划代码），请核对号码',
    ],
    [
      '101050194912310020',
      'region',
      '公民身份号码前6位“101050”不是有效的地址码（前2位“10”不是省级行政区划代码），请核对号码',
    ],
    ['110105194902300021', 'birth_date', '公民身份号码第7至14位的出生日期“19490230”不是有效日期，请核对号码'],
    ['110105190002290021', 'birth_date', '公民身份号码第7至14位的出生日期“19000229”不是有效日期，请核对号码'],
    ['110105194913310021', 'birth_date', '公民身份号码第7至14位的出生日期“19491331”不是有效日期，请核对号码'],
    ['110105179912310021', 'birth_date', '公民身份号码第7至14位的出生日期“17991231”不是有效日期，请核对号码'],
    ['110105202209020021', 'birth_in_future', '公民身份号码中的出生日期2022-09-02晚于今天（2022-09-01），请核对号码'],
    // The GB 11643 sample with a wrong check character.
    ['110105194912310021', 'check_char', '公民身份号码第18位校验码应为X，实际为1，请核对号码'],
    ['371502198001011233', 'check_char', '公民身份号码第18位校验码应为X，实际为3，请核对号码'],
    ['371521200002290040', 'check_char', '公民身份号码第18位校验码应为9，实际为0，请核对号码'],
  ];
  for (const [input, code, message] of cases) {
    it(`rejects ${JSON.stringify(input)} (${code})`, () => {
      assert.deepEqual(checkResidentId(input, TODAY), { ok: false, code, message });
    });
  }
});

describe('resident ID helpers', () => {
  it('computes the MOD 11-2 check character', () => {
    assert.equal(residentIdCheckChar('11010519491231002'), 'X');
    assert.equal(residentIdCheckChar('37152120000229004'), '9');
    assert.throws(() => residentIdCheckChar('1101051949123100'), /前17位数字/);
  });

  it('defaults today to the real date (a future birth date is refused)', () => {
    const first17 = '37150299991231001';
    assert.equal(isValidResidentId(first17 + residentIdCheckChar(first17)), false);
    assert.equal(isValidResidentId('11010519491231002X'), true);
  });

  it('normalises case, width and spaces', () => {
    assert.equal(normalizeResidentId(' 11010519491231002x\u3000'), '11010519491231002X');
  });

  it('masks all but the last 4 characters', () => {
    assert.equal(maskResidentId('11010519491231002X'), '**************002X');
    assert.equal(maskResidentId('11010519491231002x'), '**************002X');
    assert.equal(maskResidentId('123'), '***');
  });

  const ages: [birth: string, on: string, age: number][] = [
    ['1949-12-31', '2020-06-08', 70],
    ['1949-12-31', '2019-12-31', 70],
    ['1949-12-31', '2019-12-30', 69],
    ['2000-02-29', '2018-02-28', 17],
    ['2000-02-29', '2018-03-01', 18],
    ['2000-02-29', '2020-02-29', 20],
    ['2000-06-15', '2000-06-15', 0],
  ];
  for (const [birth, on, age] of ages) {
    it(`age of someone born ${birth} on ${on} is ${age}`, () => {
      assert.equal(ageOn(birth, on), age);
    });
  }
  it('refuses a date before the birth date', () => {
    assert.throws(() => ageOn('2000-01-02', '2000-01-01'), /早于出生日期/);
  });
});
