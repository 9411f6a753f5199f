/**
 * Bank account numbers (银行账号) for subsidy payments, usually an enterprise's 对公账户.
 * Only the shape is checked: 8–32 digits. No Luhn check, because corporate account numbers are
 * assigned by each bank's own scheme and many legitimately fail it.
 */
import { maskAllButLast } from './resident-id';
import { toHalfWidth } from './text';
import type { Checked } from './types';

export type BankAccountErrorCode = 'empty' | 'invalid_char' | 'length';
export type BankAccountCheck = Checked<object, BankAccountErrorCode>;

const MIN_DIGITS = 8;
const MAX_DIGITS = 32;

/** Half-width digits with the spaces people type between groups removed. */
export function normalizeBankAccount(input: string): string {
  return toHalfWidth(input).replace(/\s+/g, '');
}

export function checkBankAccountNumber(input: string): BankAccountCheck {
  const account = normalizeBankAccount(input);
  if (account === '') return fail('empty', '请填写银行账号');
  const chars = [...account];
  const bad = chars.findIndex((ch) => !/\d/.test(ch));
  if (bad >= 0) {
    return fail('invalid_char', `银行账号只能包含数字，第${bad + 1}位“${chars[bad]}”不是数字，请核对`);
  }
  if (chars.length < MIN_DIGITS || chars.length > MAX_DIGITS) {
    return fail('length', `银行账号应为${MIN_DIGITS}至${MAX_DIGITS}位数字，当前为${chars.length}位，请核对`);
  }
  return { ok: true, value: account };
}

export function isValidBankAccount(input: string): boolean {
  return checkBankAccountNumber(input).ok;
}

/** Keeps the last 4 digits (`************1234`), as banks print them. */
export function maskBankAccount(input: string): string {
  return maskAllButLast(normalizeBankAccount(input), 4);
}

function fail(code: BankAccountErrorCode, message: string): BankAccountCheck {
  return { ok: false, code, message };
}
