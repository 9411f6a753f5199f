import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkBankAccountNumber, isValidBankAccount, maskBankAccount } from '../src/bank-account';

describe('checkBankAccountNumber', () => {
  const valid: [input: string, value: string][] = [
    ['12345678', '12345678'],
    ['6222 0216 0200 1234 567', '6222021602001234567'],
    ['37001616801050012345', '37001616801050012345'], // corporate accounts fail Luhn; not checked
    ['１２３４５６７８９０', '1234567890'],
    ['1'.repeat(32), '1'.repeat(32)],
  ];
  for (const [input, value] of valid) {
    it(`accepts ${JSON.stringify(input)}`, () => assert.deepEqual(checkBankAccountNumber(input), { ok: true, value }));
  }
  const invalid: [input: string, code: string, message: string][] = [
    ['', 'empty', '请填写银行账号'],
    ['   ', 'empty', '请填写银行账号'],
    ['1234567', 'length', '银行账号应为8至32位数字，当前为7位，请核对'],
    ['1'.repeat(33), 'length', '银行账号应为8至32位数字，当前为33位，请核对'],
    ['6222-0216-0200', 'invalid_char', '银行账号只能包含数字，第5位“-”不是数字，请核对'],
    ['62220216020O1234', 'invalid_char', '银行账号只能包含数字，第12位“O”不是数字，请核对'],
  ];
  for (const [input, code, message] of invalid) {
    it(`rejects ${JSON.stringify(input)} (${code})`, () =>
      assert.deepEqual(checkBankAccountNumber(input), { ok: false, code, message }));
  }
  it('has a boolean form', () => {
    assert.equal(isValidBankAccount('6222021602001234567'), true);
    assert.equal(isValidBankAccount('123'), false);
  });
});

describe('maskBankAccount', () => {
  const cases: [input: string, masked: string][] = [
    ['6222021602001234567', '***************4567'],
    ['6222 0216 0200 1234 567', '***************4567'],
    ['12345678', '****5678'],
    ['1234', '****'],
    ['', ''],
  ];
  for (const [input, masked] of cases) {
    it(`${JSON.stringify(input)} → ${masked}`, () => assert.equal(maskBankAccount(input), masked));
  }
});
