import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { addWorkingDays, describeDay, isWorkingDay, WORKING_DAY_COVERAGE, workingDaysBetween } from '../src/calendar';
import { addDays, dayOfWeek } from '../src/dates';

/**
 * The State Council notices (国务院办公厅关于20XX年部分节假日安排的通知), typed in from the
 * notices themselves, independently of the chinese-days data: [holiday ranges], [make-up working days].
 */
const NOTICES: Record<number, { source: string; holidays: [string, string][]; workdays: string[] }> = {
  2020: {
    // 国办发明电〔2019〕16号, with the Spring Festival extended to 2 February by 国办发明电〔2020〕1号
    // (27 January 2020), which cancelled the make-up working day of Saturday 1 February.
    source: '国办发明电〔2019〕16号、国办发明电〔2020〕1号',
    holidays: [
      ['2020-01-01', '2020-01-01'],
      ['2020-01-24', '2020-02-02'],
      ['2020-04-04', '2020-04-06'],
      ['2020-05-01', '2020-05-05'],
      ['2020-06-25', '2020-06-27'],
      ['2020-10-01', '2020-10-08'],
    ],
    workdays: ['2020-01-19', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10'],
  },
  2021: {
    source: '国办发明电〔2020〕27号',
    holidays: [
      ['2021-01-01', '2021-01-03'],
      ['2021-02-11', '2021-02-17'],
      ['2021-04-03', '2021-04-05'],
      ['2021-05-01', '2021-05-05'],
      ['2021-06-12', '2021-06-14'],
      ['2021-09-19', '2021-09-21'],
      ['2021-10-01', '2021-10-07'],
    ],
    workdays: ['2021-02-07', '2021-02-20', '2021-04-25', '2021-05-08', '2021-09-18', '2021-09-26', '2021-10-09'],
  },
  2022: {
    source: '国办发明电〔2021〕11号',
    holidays: [
      ['2022-01-01', '2022-01-03'],
      ['2022-01-31', '2022-02-06'],
      ['2022-04-03', '2022-04-05'],
      ['2022-04-30', '2022-05-04'],
      ['2022-06-03', '2022-06-05'],
      ['2022-09-10', '2022-09-12'],
      ['2022-10-01', '2022-10-07'],
      // 2023 元旦 starts on Saturday 31 December 2022 (国办发明电〔2022〕16号).
      ['2022-12-31', '2022-12-31'],
    ],
    workdays: ['2022-01-29', '2022-01-30', '2022-04-02', '2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09'],
  },
  2023: {
    source: '国办发明电〔2022〕16号',
    holidays: [
      ['2023-01-01', '2023-01-02'],
      ['2023-01-21', '2023-01-27'],
      ['2023-04-05', '2023-04-05'],
      ['2023-04-29', '2023-05-03'],
      ['2023-06-22', '2023-06-24'],
      ['2023-09-29', '2023-10-06'],
    ],
    workdays: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
  },
};

function expand([from, to]: [string, string]): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

describe('working days agree with the State Council notices, 2020–2023', () => {
  for (const [year, notice] of Object.entries(NOTICES)) {
    it(`every day of ${year} (${notice.source})`, () => {
      const holidays = new Set(notice.holidays.flatMap(expand));
      const workdays = new Set(notice.workdays);
      for (const w of workdays) assert.ok([0, 6].includes(dayOfWeek(w)), `${w} is a weekend day`);
      for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
        const weekday = dayOfWeek(d);
        const expected = workdays.has(d)
          ? 'makeup_workday'
          : holidays.has(d)
            ? 'holiday'
            : weekday === 0 || weekday === 6
              ? 'weekend'
              : 'workday';
        const info = describeDay(d);
        assert.equal(info.kind, expected, d);
        assert.equal(info.working, expected === 'workday' || expected === 'makeup_workday', d);
        assert.equal(isWorkingDay(d), info.working, d);
      }
    });
  }
});

describe('isWorkingDay: the dates of the notices', () => {
  const cases: [date: string, working: boolean, why: string][] = [
    ['2020-01-19', true, 'Sunday, 春节调休上班'],
    ['2020-01-23', true, 'Thursday before the Spring Festival'],
    ['2020-01-24', false, '除夕'],
    // Originally a working Saturday; the extension to 2 February made it a day off.
    ['2020-02-01', false, 'Saturday, 春节 extended by 国办发明电〔2020〕1号'],
    ['2020-01-31', false, 'Friday, 春节 extended'],
    ['2020-02-02', false, 'Sunday, last day of the extended 春节'],
    ['2020-02-03', true, 'Monday, work resumed'],
    ['2020-04-26', true, 'Sunday, 劳动节调休上班'],
    ['2020-05-09', true, 'Saturday, 劳动节调休上班'],
    ['2020-06-28', true, 'Sunday, 端午调休上班'],
    ['2020-09-27', true, 'Sunday, 国庆调休上班'],
    ['2020-10-10', true, 'Saturday, 国庆调休上班'],
    ['2020-10-01', false, '国庆'],
    ['2020-10-08', false, '国庆中秋 8 days'],
    ['2021-02-07', true, 'Sunday'],
    ['2021-02-20', true, 'Saturday'],
    ['2021-04-25', true, 'Sunday'],
    ['2021-05-08', true, 'Saturday'],
    ['2021-09-18', true, 'Saturday'],
    ['2021-09-26', true, 'Sunday'],
    ['2021-10-09', true, 'Saturday'],
    ['2022-01-29', true, 'Saturday'],
    ['2022-01-30', true, 'Sunday'],
    ['2022-04-02', true, 'Saturday'],
    ['2022-04-24', true, 'Sunday'],
    ['2022-05-07', true, 'Saturday'],
    ['2022-10-08', true, 'Saturday'],
    ['2022-10-09', true, 'Sunday'],
    ['2023-01-28', true, 'Saturday'],
    ['2023-01-29', true, 'Sunday'],
    ['2023-04-23', true, 'Sunday'],
    ['2023-05-06', true, 'Saturday'],
    ['2023-06-25', true, 'Sunday'],
    ['2023-10-07', true, 'Saturday'],
    ['2023-10-08', true, 'Sunday'],
    ['2022-09-01', true, 'an ordinary Thursday'],
    ['2022-09-03', false, 'an ordinary Saturday'],
  ];
  for (const [date, working, why] of cases) {
    it(`${date} ${working ? 'is' : 'is not'} a working day (${why})`, () => assert.equal(isWorkingDay(date), working));
  }

  it('names the festival', () => {
    assert.deepEqual(describeDay('2020-02-01'), {
      date: '2020-02-01',
      working: false,
      kind: 'holiday',
      festival: '春节',
    });
    assert.deepEqual(describeDay('2020-01-19'), {
      date: '2020-01-19',
      working: true,
      kind: 'makeup_workday',
      festival: '春节',
    });
    assert.deepEqual(describeDay('2022-09-01'), { date: '2022-09-01', working: true, kind: 'workday' });
  });

  it('does not depend on the machine’s time zone', () => {
    const script =
      "import('./packages/kernel/src/calendar.ts').then((c) => console.log(['2020-01-19','2020-01-20','2020-01-18','2020-10-10'].map(c.isWorkingDay).join()))";
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
        cwd: new URL('../../../', import.meta.url),
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      assert.equal(out.trim(), 'true,true,false,true', tz);
    }
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  const adds: [date: string, n: number, expected: string][] = [
    ['2020-09-30', 1, '2020-10-09'],
    ['2020-09-25', 1, '2020-09-27'],
    ['2020-01-23', 1, '2020-02-03'],
    ['2020-01-17', 1, '2020-01-19'],
    ['2023-09-28', 1, '2023-10-07'],
    ['2023-09-28', 2, '2023-10-08'],
    ['2023-09-28', 3, '2023-10-09'],
    ['2022-09-01', 5, '2022-09-08'],
    ['2022-09-01', 10, '2022-09-16'],
    // 30 working days from 2022-09-01 cross 中秋 (9/10–12) and 国庆 (10/1–7, 10/8–9 worked).
    ['2022-09-01', 30, '2022-10-19'],
    ['2020-10-09', -1, '2020-09-30'],
    ['2020-02-03', -1, '2020-01-23'],
    ['2020-10-01', 0, '2020-10-09'],
    ['2020-10-09', 0, '2020-10-09'],
  ];
  for (const [date, n, expected] of adds) {
    it(`${n} working day(s) from ${date} is ${expected}`, () => assert.equal(addWorkingDays(date, n), expected));
  }

  const between: [from: string, to: string, expected: number][] = [
    ['2020-09-30', '2020-10-10', 2],
    ['2020-10-01', '2020-10-08', 0],
    ['2022-09-01', '2022-09-01', 0],
    ['2022-09-01', '2022-10-19', 30],
    ['2022-10-19', '2022-09-01', -30],
    ['2020-01-01', '2020-12-31', 249],
  ];
  for (const [from, to, expected] of between) {
    it(`${expected} working days after ${from} up to ${to}`, () =>
      assert.equal(workingDaysBetween(from, to), expected));
  }

  it('are inverse to each other', () => {
    for (let d = '2020-01-01'; d <= '2023-12-31'; d = addDays(d, 37)) {
      for (const n of [1, 2, 7, 15, 20]) assert.equal(workingDaysBetween(d, addWorkingDays(d, n)), n, `${d} + ${n}`);
    }
  });

  it('refuses non-integer day counts', () => {
    assert.throws(() => addWorkingDays('2022-09-01', 1.5), /工作日天数应为整数/);
  });
});

describe('coverage', () => {
  it('covers at least 2020–2023', () => {
    assert.ok(WORKING_DAY_COVERAGE.firstYear <= 2020);
    assert.ok(WORKING_DAY_COVERAGE.lastYear >= 2023);
  });

  it('refuses dates before the holiday data', () => {
    const { firstYear, lastYear } = WORKING_DAY_COVERAGE;
    const message = new RegExp(`只收录了${firstYear}至${lastYear}年国务院办公厅公布的节假日安排`);
    assert.throws(() => isWorkingDay(`${firstYear - 1}-12-31`), message);
    assert.throws(() => addWorkingDays(`${firstYear - 1}-12-31`, 5), message);
  });

  it('decides days after the data provisionally: weekdays, minus the fixed-date holidays', () => {
    const next = WORKING_DAY_COVERAGE.lastYear + 1;
    assert.deepEqual(describeDay(`${next}-01-01`), {
      date: `${next}-01-01`,
      working: false,
      kind: 'holiday',
      festival: '元旦',
      provisional: true,
    });
    for (const d of ['05-01', '05-02', '10-01', '10-02', '10-03']) assert.equal(isWorkingDay(`${next}-${d}`), false, d);
    const weekdays = Array.from({ length: 14 }, (_, i) => `${next}-03-${String(i + 1).padStart(2, '0')}`);
    for (const d of weekdays) {
      const info = describeDay(d);
      assert.equal(info.provisional, true);
      assert.equal(info.working, info.kind === 'provisional_workday');
    }
    // A deadline that crosses the end of the data still resolves.
    const lastDay = `${WORKING_DAY_COVERAGE.lastYear}-12-31`;
    const due = addWorkingDays(lastDay, 5);
    assert.equal(workingDaysBetween(lastDay, due), 5);
    assert.ok(due > lastDay);
  });

  it('refuses malformed dates', () => {
    assert.throws(() => isWorkingDay('2022-02-30'), /日期“2022-02-30”无效/);
    assert.throws(() => isWorkingDay('2022/09/01'), /YYYY-MM-DD/);
  });
});
