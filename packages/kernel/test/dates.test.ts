import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays,
  addMonths,
  assertIsoDate,
  assertIsoMonth,
  compareIsoDates,
  dayOfWeek,
  daysBetween,
  firstDayOfMonth,
  fromEpochDay,
  isDateWithin,
  isIsoDate,
  isIsoMonth,
  lastDayOfMonth,
  monthOf,
  monthRange,
  monthsBetweenInclusive,
  parseIsoDate,
  toEpochDay,
  todayInShanghai,
} from '../src/dates';

describe('todayInShanghai', () => {
  const cases: [instant: string, expected: string][] = [
    ['2022-08-31T15:59:59.999Z', '2022-08-31'],
    ['2022-08-31T16:00:00.000Z', '2022-09-01'], // midnight in Shanghai
    ['2020-12-31T16:00:00Z', '2021-01-01'],
    ['2020-02-28T23:00:00Z', '2020-02-29'],
    ['2022-09-01T08:00:00+08:00', '2022-09-01'],
  ];
  for (const [instant, expected] of cases) {
    it(`${instant} is ${expected} in Shanghai`, () => assert.equal(todayInShanghai(new Date(instant)), expected));
  }
  it('refuses an invalid Date', () => assert.throws(() => todayInShanghai(new Date('x')), /当前时间无效/));
  it('defaults to now', () => assert.ok(isIsoDate(todayInShanghai())));
});

describe('validation', () => {
  const dates: [input: unknown, valid: boolean][] = [
    ['2020-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2021-02-29', false],
    ['2021-04-31', false],
    ['2021-13-01', false],
    ['2021-00-10', false],
    ['2021-01-00', false],
    ['0000-01-01', false],
    ['2021-1-1', false],
    ['20210101', false],
    ['2021-01-01T00:00', false],
    [' 2021-01-01', false],
    [20210101, false],
    [null, false],
  ];
  for (const [input, valid] of dates) {
    it(`${JSON.stringify(input)} is ${valid ? '' : 'not '}an ISO date`, () => assert.equal(isIsoDate(input), valid));
  }
  const months: [input: unknown, valid: boolean][] = [
    ['2020-01', true],
    ['2020-12', true],
    ['2020-13', false],
    ['2020-00', false],
    ['2020-1', false],
    ['2020-01-01', false],
    [202001, false],
  ];
  for (const [input, valid] of months) {
    it(`${JSON.stringify(input)} is ${valid ? '' : 'not '}an ISO month`, () => assert.equal(isIsoMonth(input), valid));
  }
  it('explains invalid values in Chinese', () => {
    assert.throws(
      () => assertIsoDate('2022-02-30', '申请日期'),
      /申请日期“2022-02-30”无效，请使用YYYY-MM-DD格式的真实日期，如2020-06-08/,
    );
    assert.throws(() => assertIsoMonth('2022-13', '补贴月份'), /补贴月份“2022-13”无效，请使用YYYY-MM格式，如2020-06/);
  });
  it('parses parts', () => {
    assert.deepEqual(parseIsoDate('2020-06-08'), { year: 2020, month: 6, day: 8 });
    assert.equal(parseIsoDate('2020-06-31'), undefined);
  });
});

describe('day arithmetic in UTC', () => {
  it('round-trips epoch days', () => {
    assert.equal(toEpochDay('1970-01-01'), 0);
    assert.equal(toEpochDay('2020-01-01'), 18262);
    assert.equal(fromEpochDay(18262), '2020-01-01');
    assert.equal(toEpochDay('0050-03-01'), toEpochDay('0050-02-28') + 1); // years below 100 stay themselves
    assert.equal(fromEpochDay(toEpochDay('0050-03-01')), '0050-03-01');
  });
  const adds: [date: string, days: number, expected: string][] = [
    ['2020-02-28', 1, '2020-02-29'],
    ['2020-02-29', 1, '2020-03-01'],
    ['2021-02-28', 1, '2021-03-01'],
    ['2020-12-31', 1, '2021-01-01'],
    ['2021-01-01', -1, '2020-12-31'],
    ['2020-03-08', 1, '2020-03-09'], // a DST change date elsewhere
    ['2022-09-01', 30, '2022-10-01'],
  ];
  for (const [date, days, expected] of adds) {
    it(`${date} + ${days} = ${expected}`, () => assert.equal(addDays(date, days), expected));
  }
  it('counts days and weekdays', () => {
    assert.equal(daysBetween('2020-01-01', '2020-12-31'), 365);
    assert.equal(daysBetween('2020-12-31', '2020-01-01'), -365);
    assert.equal(dayOfWeek('2020-01-19'), 0); // Sunday
    assert.equal(dayOfWeek('2020-02-01'), 6); // Saturday
    assert.equal(dayOfWeek('1970-01-01'), 4);
    assert.equal(dayOfWeek('1969-12-31'), 3);
  });
  it('refuses bad input', () => {
    assert.throws(() => addDays('2020-02-30', 1), /日期“2020-02-30”无效/);
    assert.throws(() => addDays('2020-02-01', 0.5), /天数应为整数/);
    assert.throws(() => addDays('9999-12-31', 1), /日期超出支持范围/);
  });
  it('compares', () => {
    assert.equal(compareIsoDates('2020-01-01', '2020-01-02'), -1);
    assert.equal(compareIsoDates('2020-01-02', '2020-01-02'), 0);
    assert.equal(compareIsoDates('2020-10-01', '2020-09-30'), 1);
    assert.throws(() => compareIsoDates('2020-1-1', '2020-01-02'), /无效/);
    assert.equal(isDateWithin('2020-12-31', '2020-01-01', '2020-12-31'), true);
    assert.equal(isDateWithin('2021-01-01', '2020-01-01', '2020-12-31'), false);
    assert.equal(isDateWithin('2020-01-01', '2020-01-01', '2020-12-31'), true);
  });
});

describe('months', () => {
  const adds: [month: string, n: number, expected: string][] = [
    ['2020-01', 1, '2020-02'],
    ['2020-12', 1, '2021-01'],
    ['2020-01', -1, '2019-12'],
    ['2020-06', 6, '2020-12'],
    ['2020-06', 7, '2021-01'],
    ['2020-06', -18, '2018-12'],
    ['2020-06', 0, '2020-06'],
  ];
  for (const [month, n, expected] of adds) {
    it(`${month} + ${n} months = ${expected}`, () => assert.equal(addMonths(month, n), expected));
  }
  it('counts months inclusively', () => {
    assert.equal(monthsBetweenInclusive('2020-01', '2020-12'), 12);
    assert.equal(monthsBetweenInclusive('2020-06', '2020-06'), 1);
    assert.equal(monthsBetweenInclusive('2020-11', '2021-02'), 4);
    assert.equal(monthsBetweenInclusive('2020-06', '2020-05'), 0);
    assert.deepEqual(monthRange('2020-11', '2021-02'), ['2020-11', '2020-12', '2021-01', '2021-02']);
    assert.deepEqual(monthRange('2020-11', '2020-10'), []);
  });
  it('finds month bounds', () => {
    assert.equal(monthOf('2020-06-08'), '2020-06');
    assert.equal(lastDayOfMonth('2020-02'), '2020-02-29');
    assert.equal(lastDayOfMonth('2021-02'), '2021-02-28');
    assert.equal(lastDayOfMonth('1900-02'), '1900-02-28');
    assert.equal(lastDayOfMonth('2020-04'), '2020-04-30');
    assert.equal(lastDayOfMonth('2020-12-05'), '2020-12-31');
    assert.equal(firstDayOfMonth('2020-12'), '2020-12-01');
    assert.equal(firstDayOfMonth('2020-12-05'), '2020-12-01');
  });
  it('refuses bad months', () => {
    assert.throws(() => addMonths('2020-13', 1), /月份“2020-13”无效/);
    assert.throws(() => addMonths('2020-01', 1.5), /月数应为整数/);
    assert.throws(() => lastDayOfMonth('2020-00'), /无效/);
    assert.throws(() => monthOf('2020-06'), /日期“2020-06”无效/);
  });
});
