import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cappedDailyAmounts } from './rules/capped-daily-amounts';
import { countedDays } from './rules/counted-days';

const festival = { from: '2020-01-24', until: '2020-02-09' };
const day = (date: string, headcount: number) => ({ date, headcount, ratePerPersonDayFen: 20000 });

describe('epidemic-labour-subsidy rules', () => {
  it('counts from the later of production start and 2020-01-24 to 2020-02-09', () => {
    assert.equal(countedDays(festival, '2020-01-20').length, 17);
    assert.deepEqual(countedDays(festival, '2020-02-09'), ['2020-02-09']);
    assert.deepEqual(countedDays(festival, '2020-02-10'), []);
  });
  it('pays 200 元 per person-day', () => {
    const a = cappedDailyAmounts([day('2020-02-08', 50), day('2020-02-09', 60)], 50000000, 0);
    assert.deepEqual(
      a.map((x) => x.paidFen),
      [1000000, 1200000],
    );
  });
  it('the day that crosses the cap pays only the remainder, later days nothing', () => {
    const days = [
      '2020-02-01',
      '2020-02-02',
      '2020-02-03',
      '2020-02-04',
      '2020-02-05',
      '2020-02-06',
      '2020-02-07',
      '2020-02-08',
    ].map((d) => day(d, 400));
    const a = cappedDailyAmounts(days, 50000000, 0);
    assert.deepEqual(
      a.map((x) => x.paidFen),
      [8000000, 8000000, 8000000, 8000000, 8000000, 8000000, 2000000, 0],
    );
    assert.equal(
      a.reduce((s, x) => s + x.paidFen, 0),
      50000000,
    );
  });
  it('what was already paid counts against the cap', () => {
    const a = cappedDailyAmounts([day('2020-02-08', 200), day('2020-02-09', 200)], 50000000, 45000000);
    assert.deepEqual(
      a.map((x) => x.paidFen),
      [4000000, 1000000],
    );
    assert.deepEqual(
      cappedDailyAmounts([day('2020-02-09', 1)], 50000000, 60000000).map((x) => x.paidFen),
      [0],
    );
  });
});
