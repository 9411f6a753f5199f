/** Unit tests of the 稳岗返还 rules (pure functions); the programme itself is tested by cases/*.json. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { priorYearContributionBase } from './rules/contribution-base';
import { debtRatioText, debtRatioWithin } from './rules/debt-ratio';
import { deductUnreturnedRefunds } from './rules/deduction';
import { formatCapacity, fundCapacityMonthsTenths, fundCapacitySufficient } from './rules/fund-capacity';
import { layoffRate, layoffRateWithinLimit } from './rules/layoff-rate';
import { lossInEveryYear } from './rules/losses';
import { multiplyFen, percentOfFenRoundHalfUp, yuan } from './rules/money';
import { amountStillDue } from './rules/outstanding';
import { periodWithin, yearOf } from './rules/period';
import { formatFractionAsPercent, formatRatio, fractionWithin, type Ratio } from './rules/ratio';
import { refundAmountBySocialInsurance, refundAmountDifficult } from './rules/refund-amount-difficult';
import { refundAmountGeneral } from './rules/refund-amount-general';
import { alreadyRefundedSamePolicy, conflictingRefunds, refundPolicyOf } from './rules/refund-types';
import { revenueDropText, revenueDropWithin } from './rules/revenue-drop';

const pct = (n: number): Ratio => ({ num: n, den: 100 });
const LIMIT: Ratio = { num: 55, den: 1000 };
const SMALL = { maxInsured: 30, limit: pct(20) };
const RANGE = { min: pct(30), max: pct(70) };

describe('money: integer fen, round half up', () => {
  it('50% of an even amount is exact', () => assert.equal(percentOfFenRoundHalfUp(1800000, pct(50)), 900000));
  it('rounds a half fen up', () => assert.equal(percentOfFenRoundHalfUp(100001, pct(50)), 50001));
  it('rounds below a half fen down', () => assert.equal(percentOfFenRoundHalfUp(3, { num: 1, den: 3 }), 1));
  it('100% is the identity', () => assert.equal(percentOfFenRoundHalfUp(123457, pct(100)), 123457));
  it('0 stays 0', () => assert.equal(percentOfFenRoundHalfUp(0, pct(50)), 0));
  it('refuses fractional or negative fen', () => {
    assert.throws(() => percentOfFenRoundHalfUp(1.5, pct(50)), RangeError);
    assert.throws(() => percentOfFenRoundHalfUp(-1, pct(50)), RangeError);
  });
  it('multiplies exactly and refuses overflow', () => {
    assert.equal(multiplyFen(145000, 6, 20), 17400000);
    assert.throws(() => multiplyFen(Number.MAX_SAFE_INTEGER, 2), RangeError);
  });
  it('formats yuan with thousands separators', () => {
    assert.equal(yuan(1234567), '12,345.67 元');
    assert.equal(yuan(5), '0.05 元');
  });
});

describe('ratio helpers', () => {
  it('formats 5.5%, 50% and 19.35%', () => {
    assert.equal(formatRatio(LIMIT), '5.5%');
    assert.equal(formatRatio(pct(50)), '50%');
    assert.equal(formatFractionAsPercent(6n, 31n), '19.35%');
  });
  it('ranges include both ends', () => {
    assert.equal(fractionWithin(30n, 100n, RANGE), true);
    assert.equal(fractionWithin(70n, 100n, RANGE), true);
    assert.equal(fractionWithin(7001n, 10000n, RANGE), false);
    assert.equal(fractionWithin(2999n, 10000n, RANGE), false);
  });
});

describe('priorYearContributionBase: unit + employees', () => {
  it('adds both shares', () => assert.equal(priorYearContributionBase(1200000, 600000), 1800000));
  it('refuses negative shares', () => assert.throws(() => priorYearContributionBase(-1, 0), RangeError));
});

describe('refundAmountGeneral', () => {
  it('50% of 18,000 元 is 9,000 元', () => assert.equal(refundAmountGeneral(1800000, pct(50)), 900000));
  it('100% of 18,000 元 is 18,000 元', () => assert.equal(refundAmountGeneral(1800000, pct(100)), 1800000));
});

describe('refundAmountDifficult and the social-insurance alternative', () => {
  it('6 months × 1,450 元 × 20 persons = 174,000 元', () =>
    assert.equal(refundAmountDifficult(6, 145000, 20), 17400000));
  it('3 months × 86,000 元 = 258,000 元', () => assert.equal(refundAmountBySocialInsurance(3, 8600000), 25800000));
});

describe('layoffRate: exact comparison, 不高于 includes the limit', () => {
  it('is an exact fraction', () => assert.deepEqual(layoffRate(55, 1000), { num: 55n, den: 1000n }));
  it('55 of 1000 (exactly 5.5%) passes', () => assert.equal(layoffRateWithinLimit(55, 1000, LIMIT, SMALL).ok, true));
  it('56 of 1000 (5.6%) fails', () => assert.equal(layoffRateWithinLimit(56, 1000, LIMIT, SMALL).ok, false));
  it('11 of 200 (exactly 5.5%) passes', () => assert.equal(layoffRateWithinLimit(11, 200, LIMIT, SMALL).ok, true));
  it('no layoffs always passes', () => {
    const r = layoffRateWithinLimit(0, 0, LIMIT, SMALL);
    assert.equal(r.ok, true);
    assert.equal(r.applied, 'none_laid_off');
  });
  it('30 insured: 6 laid off (20%) passes under the relaxation', () => {
    const r = layoffRateWithinLimit(6, 30, LIMIT, SMALL);
    assert.equal(r.ok, true);
    assert.equal(r.applied, 'small_enterprise');
  });
  it('30 insured: 7 laid off (23.33%) fails', () => assert.equal(layoffRateWithinLimit(7, 30, LIMIT, SMALL).ok, false));
  it('31 insured: no relaxation, 6 laid off fails', () => {
    const r = layoffRateWithinLimit(6, 31, LIMIT, SMALL);
    assert.equal(r.ok, false);
    assert.equal(r.applied, 'general');
    assert.equal(r.rateText, '19.35%');
  });
  it('without a relaxation parameter the general limit applies to small firms', () => {
    assert.equal(layoffRateWithinLimit(6, 30, LIMIT).ok, false);
  });
  it('layoffs with no insured employees fail', () => assert.equal(layoffRateWithinLimit(1, 0, LIMIT, SMALL).ok, false));
});

describe('fundCapacity: balance ≥ months × monthly expenditure', () => {
  it('exactly 12 months passes', () => assert.equal(fundCapacitySufficient(600000000, 50000000, 12), true));
  it('one fen short of 12 months fails', () => assert.equal(fundCapacitySufficient(599999999, 50000000, 12), false));
  it('exactly 24 months passes', () => assert.equal(fundCapacitySufficient(1200000000, 50000000, 24), true));
  it('no expenditure means no limit', () => assert.equal(fundCapacitySufficient(0, 0, 24), true));
  it('reports capacity in tenths, rounded down', () => {
    assert.equal(fundCapacityMonthsTenths(1195000000, 50000000), 239);
    assert.equal(formatCapacity(239), '23.9 个月');
    assert.equal(formatCapacity(120), '12 个月');
    assert.equal(fundCapacityMonthsTenths(1, 0), null);
  });
});

describe('difficult-enterprise tests', () => {
  it('a loss in every listed year; zero is not a loss', () => {
    assert.equal(lossInEveryYear([-1, -1]), true);
    assert.equal(lossInEveryYear([0, -1]), false);
    assert.equal(lossInEveryYear([]), false);
  });
  it('debt ratio 30% and 70% are inside, 70.01% outside, zero assets never', () => {
    assert.equal(debtRatioWithin(1000, 300, RANGE), true);
    assert.equal(debtRatioWithin(1000, 700, RANGE), true);
    assert.equal(debtRatioWithin(10000, 7001, RANGE), false);
    assert.equal(debtRatioWithin(0, 0, RANGE), false);
    assert.equal(debtRatioText(1000, 500), '50%');
  });
  it('revenue drop 30% and 70% are inside, 29.99% and 70.01% outside, a rise never', () => {
    assert.equal(revenueDropWithin(1000000, 700000, RANGE), true);
    assert.equal(revenueDropWithin(1000000, 300000, RANGE), true);
    assert.equal(revenueDropWithin(1000000, 700100, RANGE), false);
    assert.equal(revenueDropWithin(1000000, 299900, RANGE), false);
    assert.equal(revenueDropWithin(1000000, 1100000, RANGE), false);
    assert.equal(revenueDropWithin(0, 0, RANGE), false);
    assert.equal(revenueDropText(1000000, 600000), '40%');
  });
});

describe('refund types: one policy a year, SME raise = general policy', () => {
  const granted = [
    { type: 'general' as const, amountFen: 900000 },
    { type: 'difficult' as const, amountFen: 100 },
  ];
  it('general and sme are one policy', () => {
    assert.equal(refundPolicyOf('general'), refundPolicyOf('sme'));
    assert.notEqual(refundPolicyOf('general'), refundPolicyOf('difficult'));
  });
  it('finds refunds under the other policy', () => {
    assert.deepEqual(conflictingRefunds('sme', granted), [granted[1]]);
    assert.deepEqual(conflictingRefunds('difficult', granted), [granted[0]]);
  });
  it('sums refunds under the same policy', () => {
    assert.equal(alreadyRefundedSamePolicy('sme', granted), 900000);
    assert.equal(alreadyRefundedSamePolicy('difficult', granted), 100);
  });
});

describe('amountStillDue and deductUnreturnedRefunds', () => {
  it('pays only the difference, never negative', () => {
    assert.equal(amountStillDue(1800000, 900000), 900000);
    assert.equal(amountStillDue(900000, 1800000), 0);
  });
  it('deducts what is owed', () =>
    assert.deepEqual(deductUnreturnedRefunds(900000, 200000), {
      payFen: 700000,
      deductedFen: 200000,
      stillOwedFen: 0,
    }));
  it('keeps the rest owed when it exceeds the refund', () => {
    assert.deepEqual(deductUnreturnedRefunds(900000, 1200000), {
      payFen: 0,
      deductedFen: 900000,
      stillOwedFen: 300000,
    });
  });
  it('nothing owed, nothing deducted', () =>
    assert.deepEqual(deductUnreturnedRefunds(900000, 0), { payFen: 900000, deductedFen: 0, stillOwedFen: 0 }));
});

describe('period helpers', () => {
  const w = { from: '2020-01-01', until: '2020-12-31' };
  it('both ends inclusive', () => {
    assert.equal(periodWithin({ from: '2020-01-01', until: '2020-12-31' }, w), true);
    assert.equal(periodWithin({ from: '2021-01-01', until: '2021-01-01' }, w), false);
    assert.equal(periodWithin({ from: '2019-12-31', until: '2020-01-05' }, w), false);
  });
  it('year of a date', () => assert.equal(yearOf('2020-07-01'), 2020));
});
