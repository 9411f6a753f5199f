import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assertFen,
  capFen,
  fenToYuanString,
  formatFen,
  formatYuanZh,
  isFen,
  multiplyFen,
  percentOf,
  prorate,
  sumFen,
  yuanToFen,
} from '../src/money';

describe('yuanToFen', () => {
  const valid: [input: number | string, fen: number][] = [
    [0, 0],
    [1234, 123400],
    [-5, -500],
    ['1234.56', 123456],
    ['1234.5', 123450],
    ['1234', 123400],
    ['0.07', 7], // 0.07 * 100 = 7.000000000000001 in floating point
    ['0.29', 29], // 0.29 * 100 = 28.999999999999996
    ['1.10', 110],
    [' 500.00 ', 50000],
    ['-0.01', -1],
    ['-0', 0],
    ['+3.5', 350],
    ['90071992547409.91', 9007199254740991],
  ];
  for (const [input, fen] of valid) {
    it(`${JSON.stringify(input)} → ${fen} fen`, () => assert.equal(yuanToFen(input), fen));
  }
  it('never returns −0', () => assert.ok(Object.is(yuanToFen('-0.00'), 0)));

  const invalid: [input: number | string, message: RegExp][] = [
    ['1.234', /金额“1.234”的小数超过2位，最小单位为分，请保留到小数点后2位/],
    ['0.001', /小数超过2位/],
    [12.5, /金额 12.5 不是整数元，带角分的金额请以字符串传入，如“1234.56”/],
    [Number.NaN, /不是整数元/],
    ['', /金额“”格式不正确，请填写数字，如1234.56/],
    ['12a', /格式不正确/],
    ['1,234.56', /格式不正确/],
    ['1e3', /格式不正确/],
    ['.5', /格式不正确/],
    ['90071992547409.92', /超出可处理的范围/],
    [Number.MAX_SAFE_INTEGER, /超出可处理的范围/],
  ];
  for (const [input, message] of invalid) {
    it(`refuses ${JSON.stringify(input)}`, () => assert.throws(() => yuanToFen(input), message));
  }
});

describe('formatting', () => {
  const cases: [fen: number, plain: string, symbol: string, zh: string][] = [
    [0, '0.00', '¥0.00', '0.00元'],
    [5, '0.05', '¥0.05', '0.05元'],
    [123456, '1234.56', '¥1,234.56', '1234.56元'],
    [100000000, '1000000.00', '¥1,000,000.00', '1000000.00元'],
    [50000, '500.00', '¥500.00', '500.00元'],
    [-123456, '-1234.56', '-¥1,234.56', '-1234.56元'],
    [9007199254740991, '90071992547409.91', '¥90,071,992,547,409.91', '90071992547409.91元'],
  ];
  for (const [fen, plain, symbol, zh] of cases) {
    it(`${fen} fen`, () => {
      assert.equal(fenToYuanString(fen), plain);
      assert.equal(formatFen(fen), symbol);
      assert.equal(formatYuanZh(fen), zh);
    });
  }
  it('refuses non-integer fen', () => assert.throws(() => formatFen(1.5), /金额应为以“分”为单位的整数，收到 1.5/));
});

describe('rounding: half up to the fen', () => {
  const percents: [fen: number, percent: number | string, expected: number][] = [
    [190000, 60, 114000], // 就业见习补贴: 60% of a 1900元 minimum wage
    [100000, 100, 100000],
    [12345, 50, 6173], // 6172.5 → 6173
    [12345, '50', 6173],
    [12344, 50, 6172],
    [1001, 0.5, 5], // 5.005 → 5
    [1100, 0.5, 6], // 5.5 → 6
    [123456, 0.7, 864], // 864.192
    [123456, '0.7', 864],
    [150, 1 / 3, 0], // read through its decimal text 0.3333333333333333%: 0.4999… → 0
    [-12345, 50, -6173], // half away from zero for negative amounts
    [0, 60, 0],
  ];
  for (const [fen, percent, expected] of percents) {
    it(`${percent}% of ${fen} fen = ${expected}`, () => assert.equal(percentOf(fen, percent), expected));
  }
  it('refuses malformed percentages', () => {
    assert.throws(() => percentOf(100, 'abc'), /百分比“abc”格式不正确/);
    assert.throws(() => percentOf(100, Number.POSITIVE_INFINITY), /百分比应为有限数字/);
    assert.throws(() => percentOf(100, 1e-7), /请以小数字符串传入/);
    assert.throws(() => percentOf(1.5, 10), /金额应为以“分”为单位的整数/);
  });

  const ratios: [fen: number, num: number, den: number, expected: number][] = [
    [100000, 5, 12, 41667], // 41666.67
    [100, 1, 3, 33],
    [200, 1, 3, 67], // 66.67
    [1, 1, 2, 1], // 0.5 → 1
    [-1, 1, 2, -1],
    [9007199254740991, 1, 1, 9007199254740991],
  ];
  for (const [fen, num, den, expected] of ratios) {
    it(`${fen} × ${num}/${den} = ${expected}`, () => assert.equal(prorate(fen, num, den), expected));
  }
  it('refuses a zero or fractional denominator', () => {
    assert.throws(() => prorate(100, 1, 0), /非零整数分母/);
    assert.throws(() => prorate(100, 1.5, 2), /非零整数分母/);
  });
});

describe('arithmetic', () => {
  it('multiplies, sums and caps', () => {
    assert.equal(multiplyFen(50000, 6), 300000); // 500元/人 × 6个月
    assert.equal(sumFen([50000, 50000, 150000]), 250000);
    assert.equal(sumFen([]), 0);
    assert.equal(sumFen(new Set([1, 2])), 3);
    assert.equal(capFen(12000000, 10000000), 10000000); // 最高补贴10万元
    assert.equal(capFen(500, 10000000), 500);
  });
  it('refuses overflow and bad terms', () => {
    assert.throws(() => multiplyFen(Number.MAX_SAFE_INTEGER, 2), /超出可处理的范围/);
    assert.throws(() => multiplyFen(100, 1.5), /倍数应为整数/);
    assert.throws(() => sumFen([Number.MAX_SAFE_INTEGER, 1]), /金额合计超出可处理的范围/);
    assert.throws(() => sumFen([1, 0.5]), /金额应为以“分”为单位的整数/);
  });
  it('checks fen values', () => {
    assert.equal(isFen(100), true);
    assert.equal(isFen(1.5), false);
    assert.equal(isFen('100'), false);
    assert.throws(() => assertFen(Number.NaN, '补贴金额'), /补贴金额应为以“分”为单位的整数，收到 NaN/);
    assert.doesNotThrow(() => assertFen(-100));
  });
});
