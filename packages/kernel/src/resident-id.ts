/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence
 * (odd = male) and an ISO 7064 MOD 11-2 check character.
 */
import { compareIsoDates, isIsoDate, todayInShanghai } from './dates';
import { charLength, compactIdentifier } from './text';
import type { Checked, IsoDate } from './types';

export type Sex = 'male' | 'female';

export type ResidentIdErrorCode =
  'empty' | 'length' | 'invalid_char' | 'region' | 'birth_date' | 'birth_in_future' | 'check_char';

export type ResidentIdCheck = Checked<{ birthDate: IsoDate; sex: Sex }, ResidentIdErrorCode>;

/**
 * Province-level codes (GB/T 2260) that start a number. 83 is not in the list of provinces but
 * heads the numbers of 台湾居民居住证 (issued since 2018 in the same format); 81/82 likewise serve
 * 港澳居民居住证. Residence-permit holders can be insured employees, so their numbers must pass.
 */
// prettier-ignore
export const RESIDENT_ID_PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

/** Nobody alive was born earlier; older dates are typing errors. */
const EARLIEST_BIRTH_YEAR = 1800;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Check character for the first 17 digits: ISO 7064 MOD 11-2. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('计算校验码需要公民身份号码的前17位数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Half-width, no spaces, upper-case X. */
export function normalizeResidentId(input: string): string {
  return compactIdentifier(input).toUpperCase();
}

/**
 * Checks a number and returns it normalised with the birth date and sex it encodes.
 * `today` (Asia/Shanghai) bounds the birth date; it defaults to the real date.
 */
export function checkResidentId(input: string, today: IsoDate = todayInShanghai()): ResidentIdCheck {
  const id = normalizeResidentId(input);
  if (id === '') return fail('empty', '请填写公民身份号码（18位）');

  const length = charLength(id);
  if (length !== 18) {
    const hint = length === 15 && /^\d{15}$/.test(id) ? '。15位为第一代身份证号码，请填写18位公民身份号码' : '，请核对';
    return fail('length', `公民身份号码应为18位，当前为${length}位${hint}`);
  }

  const chars = [...id];
  for (let i = 0; i < 18; i++) {
    const ch = chars[i]!;
    const ok = i < 17 ? /\d/.test(ch) : /[\dX]/.test(ch);
    if (!ok) {
      const rule = i < 17 ? '前17位应为数字' : '第18位应为数字或X';
      return fail('invalid_char', `公民身份号码第${i + 1}位“${ch}”不正确：${rule}`);
    }
  }

  const province = id.slice(0, 2);
  if (!RESIDENT_ID_PROVINCE_CODES.has(province)) {
    return fail(
      'region',
      `公民身份号码前6位“${id.slice(0, 6)}”不是有效的地址码（前2位“${province}”不是省级行政区划代码），请核对号码`,
    );
  }

  const raw = id.slice(6, 14);
  const birthDate = `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
  if (!isIsoDate(birthDate) || Number(raw.slice(0, 4)) < EARLIEST_BIRTH_YEAR) {
    return fail('birth_date', `公民身份号码第7至14位的出生日期“${raw}”不是有效日期，请核对号码`);
  }
  if (compareIsoDates(birthDate, today) > 0) {
    return fail('birth_in_future', `公民身份号码中的出生日期${birthDate}晚于今天（${today}），请核对号码`);
  }

  const expected = residentIdCheckChar(id.slice(0, 17));
  const actual = id[17]!;
  if (actual !== expected) {
    return fail('check_char', `公民身份号码第18位校验码应为${expected}，实际为${actual}，请核对号码`);
  }

  return { ok: true, value: id, birthDate, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

export function isValidResidentId(input: string, today?: IsoDate): boolean {
  return checkResidentId(input, today).ok;
}

function fail(code: ResidentIdErrorCode, message: string): ResidentIdCheck {
  return { ok: false, code, message };
}

/**
 * Shows only the last 4 characters (`**************123X`), enough for a person to recognise
 * their own number on a publicity list (公示) without exposing it.
 */
export function maskResidentId(input: string): string {
  return maskAllButLast(normalizeResidentId(input), 4);
}

/** Masks every character but the last `keep`; a value no longer than `keep` is masked entirely. */
export function maskAllButLast(value: string, keep: number): string {
  const chars = [...value];
  if (chars.length <= keep) return '*'.repeat(chars.length);
  return '*'.repeat(chars.length - keep) + chars.slice(-keep).join('');
}

/**
 * Age in completed years (周岁) on `onDate`: it goes up on the birthday itself. Someone born on
 * 29 February turns a year older on 1 March in common years, when there is no 29 February.
 */
export function ageOn(birthDate: IsoDate, onDate: IsoDate): number {
  if (compareIsoDates(onDate, birthDate) < 0) {
    throw new RangeError(`计算年龄的日期${onDate}早于出生日期${birthDate}`);
  }
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}
