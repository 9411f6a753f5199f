/**
 * Mainland phone numbers: mobile (11 digits, 1[3-9]…) and landline (区号-号码[-分机]).
 * Contact columns in the documents mix both (000_fcb7bf8bcb97a69c.txt 附件1: `0635-8511021`,
 * `17663508912`), hence `checkPhoneNumber` accepting either.
 */
import { toHalfWidth } from './text';
import type { Checked } from './types';

export type PhoneErrorCode =
  | 'empty'
  | 'invalid_char'
  | 'mobile_length'
  | 'mobile_prefix'
  | 'missing_area_code'
  | 'area_code'
  | 'local_number'
  | 'extension';

export type MobileCheck = Checked<object, PhoneErrorCode>;
export type LandlineCheck = Checked<{ areaCode: string; localNumber: string; extension?: string }, PhoneErrorCode>;
export type PhoneCheck =
  | { ok: true; kind: 'mobile'; value: string }
  | { ok: true; kind: 'landline'; value: string; areaCode: string; localNumber: string; extension?: string }
  | { ok: false; code: PhoneErrorCode; message: string };

const SEPARATORS = /[\s\-—–()（）]+/g;

/** Half-width, with the spaces and hyphens people type between digit groups removed. */
function digitsOnly(input: string): string {
  return toHalfWidth(input).replace(/[\s\-—–]/g, '');
}

/** Accepts `138 0000 0001`, `138-0000-0001` and a `+86`/`0086`/`86` prefix; returns 11 digits. */
export function checkMobile(input: string): MobileCheck {
  let number = digitsOnly(input);
  if (number === '') return fail('empty', '请填写手机号码（11位）');
  number = number.replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, '');
  const bad = [...number].findIndex((ch) => !/\d/.test(ch));
  if (bad >= 0) {
    return fail('invalid_char', `手机号码只能包含数字，第${bad + 1}位“${[...number][bad]}”不是数字`);
  }
  if (number.length !== 11) return fail('mobile_length', `手机号码应为11位数字，当前为${number.length}位，请核对`);
  if (!/^1[3-9]/.test(number)) {
    return fail('mobile_prefix', `手机号码应以13至19开头，当前以“${number.slice(0, 2)}”开头，请核对`);
  }
  return { ok: true, value: number };
}

/**
 * Accepts `0635-8512345`, `0635 8512345`, `(0635)8512345`, `06358512345`, with an extension after
 * `-`, `转`, `#` or `ext`. 区号: 010 and 020–029 have 3 digits, all others 4 (0 + 3 digits,
 * second digit 3–9). 号码: 7 or 8 digits not starting with 0 or 1 (those begin 区号 or service
 * numbers). Normalised to `区号-号码` or `区号-号码-分机`.
 */
export function checkLandline(input: string): LandlineCheck {
  const text = toHalfWidth(input).trim();
  if (text === '') return fail('empty', '请填写固定电话号码，如0635-8512345');

  let main = text;
  let extension: string | undefined;
  const marked = /^(.*?)\s*(?:转|#|ext\.?|分机)\s*(.*)$/i.exec(text);
  if (marked) {
    if (!/^\d{1,6}$/.test(marked[2]!)) {
      return fail('extension', `分机号“${marked[2]}”应为1至6位数字，请按“区号-号码-分机号”填写，如0635-8512345-123`);
    }
    main = marked[1]!;
    extension = marked[2]!;
  } else {
    // A last group of 1–6 digits is an extension only when the groups before it are a full number.
    const groups = text.split(SEPARATORS).filter(Boolean);
    const last = groups.at(-1) ?? '';
    const rest = groups.slice(0, -1).join('');
    if (groups.length >= 3 && /^\d{1,6}$/.test(last) && isFullNumber(rest)) {
      main = rest;
      extension = last;
    }
  }

  const digits = main.replace(SEPARATORS, '');
  const bad = [...digits].findIndex((ch) => !/\d/.test(ch));
  if (bad >= 0) {
    return fail('invalid_char', `固定电话只能包含数字和“-”，“${[...digits][bad]}”不是数字`);
  }
  if (!digits.startsWith('0')) {
    if (digits.length === 7 || digits.length === 8) {
      return fail('missing_area_code', `固定电话请填写区号，如0635-${digits}`);
    }
    return fail('area_code', `固定电话应以区号开头（如聊城0635），当前为“${digits}”，请核对`);
  }
  const areaLength = /^0(10|2\d)/.test(digits) ? 3 : 4;
  const areaCode = digits.slice(0, areaLength);
  if (areaLength === 4 && !/^0[3-9]\d\d$/.test(areaCode)) {
    return fail('area_code', `区号“${areaCode}”不正确：区号为010、020至029或以03至09开头的4位数字，请核对`);
  }
  const localNumber = digits.slice(areaLength);
  if (!/^[2-9]\d{6,7}$/.test(localNumber)) {
    return fail(
      'local_number',
      `区号${areaCode}后的电话号码应为7或8位数字且不以0或1开头，当前为“${localNumber}”，请核对`,
    );
  }
  const value = extension ? `${areaCode}-${localNumber}-${extension}` : `${areaCode}-${localNumber}`;
  return extension ? { ok: true, value, areaCode, localNumber, extension } : { ok: true, value, areaCode, localNumber };
}

function isFullNumber(digits: string): boolean {
  return /^0(?:10|2\d)[2-9]\d{6,7}$/.test(digits) || /^0[3-9]\d\d[2-9]\d{6,7}$/.test(digits);
}

/** A contact number: a mobile when it looks like one (starts with 1 or +86), else a landline. */
export function checkPhoneNumber(input: string): PhoneCheck {
  const compact = digitsOnly(input);
  if (compact === '') return fail('empty', '请填写联系电话（手机号码或带区号的固定电话）');
  if (/^(?:\+86|0086)?1/.test(compact) || /^861\d{10}$/.test(compact)) {
    const r = checkMobile(input);
    return r.ok ? { ...r, kind: 'mobile' } : r;
  }
  const r = checkLandline(input);
  return r.ok ? { ...r, kind: 'landline' } : r;
}

function fail(code: PhoneErrorCode, message: string): { ok: false; code: PhoneErrorCode; message: string } {
  return { ok: false, code, message };
}
