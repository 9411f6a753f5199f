import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkLandline, checkMobile, checkPhoneNumber } from '../src/phone';

describe('checkMobile', () => {
  const valid: [input: string, value: string][] = [
    ['13800000001', '13800000001'],
    ['17663508912', '17663508912'], // 000_fcb7bf8bcb97a69c.txt line 68
    ['199 1234 5678', '19912345678'],
    ['138-0000-0001', '13800000001'],
    ['+8613800000001', '13800000001'],
    ['+86 138 0000 0001', '13800000001'],
    ['008613800000001', '13800000001'],
    ['8613800000001', '13800000001'],
    ['１３８０００００００１', '13800000001'],
  ];
  for (const [input, value] of valid) {
    it(`accepts ${JSON.stringify(input)}`, () => assert.deepEqual(checkMobile(input), { ok: true, value }));
  }
  const invalid: [input: string, code: string, message: string][] = [
    ['', 'empty', '请填写手机号码（11位）'],
    ['1380000000', 'mobile_length', '手机号码应为11位数字，当前为10位，请核对'],
    ['138000000012', 'mobile_length', '手机号码应为11位数字，当前为12位，请核对'],
    ['12800000001', 'mobile_prefix', '手机号码应以13至19开头，当前以“12”开头，请核对'],
    ['23800000001', 'mobile_prefix', '手机号码应以13至19开头，当前以“23”开头，请核对'],
    ['1380000000a', 'invalid_char', '手机号码只能包含数字，第11位“a”不是数字'],
    ['+8612800000001', 'mobile_prefix', '手机号码应以13至19开头，当前以“12”开头，请核对'],
    ['+86-138-0000-000x', 'invalid_char', '手机号码只能包含数字，第1位“+”不是数字'],
  ];
  for (const [input, code, message] of invalid) {
    it(`rejects ${JSON.stringify(input)} (${code})`, () =>
      assert.deepEqual(checkMobile(input), { ok: false, code, message }));
  }
});

describe('checkLandline', () => {
  const valid: [input: string, value: string, ext?: string][] = [
    ['0635-8512345', '0635-8512345'],
    ['0635-2189650', '0635-2189650'], // 000_fcb7bf8bcb97a69c.txt line 57
    ['0635 8512345', '0635-8512345'],
    ['(0635)8512345', '0635-8512345'],
    ['（0635）8512345', '0635-8512345'],
    ['06358512345', '0635-8512345'],
    ['010-62345678', '010-62345678'],
    ['021-62345678', '021-62345678'],
    ['0994-2345678', '0994-2345678'], // 昌吉
    ['0635-8512345-123', '0635-8512345-123', '123'],
    ['0635-8512345转123', '0635-8512345-123', '123'],
    ['0635-8512345 转 8001', '0635-8512345-8001', '8001'],
    ['0635-8512345#9', '0635-8512345-9', '9'],
    ['0635-8512345 ext. 42', '0635-8512345-42', '42'],
    ['０６３５－８５１２３４５', '0635-8512345'],
  ];
  for (const [input, value, ext] of valid) {
    it(`accepts ${JSON.stringify(input)}`, () => {
      const r = checkLandline(input);
      assert.ok(r.ok, JSON.stringify(r));
      assert.equal(r.value, value);
      assert.equal(r.extension, ext);
    });
  }
  const invalid: [input: string, code: string, message: string][] = [
    ['', 'empty', '请填写固定电话号码，如0635-8512345'],
    ['8512345', 'missing_area_code', '固定电话请填写区号，如0635-8512345'],
    ['85123456', 'missing_area_code', '固定电话请填写区号，如0635-85123456'],
    ['635-8512345', 'area_code', '固定电话应以区号开头（如聊城0635），当前为“6358512345”，请核对'],
    ['0135-8512345', 'area_code', '区号“0135”不正确：区号为010、020至029或以03至09开头的4位数字，请核对'],
    ['0635-0512345', 'local_number', '区号0635后的电话号码应为7或8位数字且不以0或1开头，当前为“0512345”，请核对'],
    ['010-12345678', 'local_number', '区号010后的电话号码应为7或8位数字且不以0或1开头，当前为“12345678”，请核对'],
    ['0635-851234', 'local_number', '区号0635后的电话号码应为7或8位数字且不以0或1开头，当前为“851234”，请核对'],
    ['0635-851234567', 'local_number', '区号0635后的电话号码应为7或8位数字且不以0或1开头，当前为“851234567”，请核对'],
    ['0635-85a2345', 'invalid_char', '固定电话只能包含数字和“-”，“a”不是数字'],
    ['0635-8512345转12a', 'extension', '分机号“12a”应为1至6位数字，请按“区号-号码-分机号”填写，如0635-8512345-123'],
  ];
  for (const [input, code, message] of invalid) {
    it(`rejects ${JSON.stringify(input)} (${code})`, () =>
      assert.deepEqual(checkLandline(input), { ok: false, code, message }));
  }
});

describe('checkPhoneNumber', () => {
  it('accepts both kinds as the contact directory uses them', () => {
    assert.deepEqual(checkPhoneNumber('17663508912'), { ok: true, kind: 'mobile', value: '17663508912' });
    assert.deepEqual(checkPhoneNumber('+86 176 6350 8912'), { ok: true, kind: 'mobile', value: '17663508912' });
    assert.deepEqual(checkPhoneNumber('0635-8511021'), {
      ok: true,
      kind: 'landline',
      value: '0635-8511021',
      areaCode: '0635',
      localNumber: '8511021',
    });
  });
  it('reports the error of the kind it looks like', () => {
    assert.deepEqual(checkPhoneNumber(''), {
      ok: false,
      code: 'empty',
      message: '请填写联系电话（手机号码或带区号的固定电话）',
    });
    assert.equal((checkPhoneNumber('1380000000') as { code: string }).code, 'mobile_length');
    assert.equal((checkPhoneNumber('8512345') as { code: string }).code, 'missing_area_code');
  });
});
