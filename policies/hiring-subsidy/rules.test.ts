import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { meetsMinimumTerm, minimumContractEnd } from './rules/contract-term';
import { graduateAmountFen, isGraduatingYearGraduate } from './rules/graduate-amount';
import { hiringBranch } from './rules/hiring-branch';
import { hasRecentPriorRecord, lookbackStart } from './rules/prior-record';
import { socialInsuranceSatisfied } from './rules/social-insurance';

const newHire = { from: '2020-02-10', until: '2020-03-10' };
const graduate = { from: '2020-03-11', until: '2020-12-31' };

describe('hiring-subsidy rules', () => {
  it('picks the branch by hiring date, only among windows known', () => {
    assert.equal(hiringBranch('2020-03-10', newHire, graduate), 'new_hire');
    assert.equal(hiringBranch('2020-03-11', newHire, graduate), 'graduate');
    assert.equal(hiringBranch('2020-02-09', newHire, graduate), undefined);
    assert.equal(hiringBranch('2020-04-01', newHire, undefined), undefined);
  });
  it('“1年以上劳动合同”: start + 12 months − 1 day at least', () => {
    assert.equal(minimumContractEnd('2020-02-15', 12), '2021-02-14');
    assert.equal(minimumContractEnd('2020-02-29', 12), '2021-02-27');
    assert.equal(meetsMinimumTerm('2020-02-15', '2021-02-14', false, 12), true);
    assert.equal(meetsMinimumTerm('2020-02-15', '2021-02-13', false, 12), false);
    assert.equal(meetsMinimumTerm('2020-02-15', undefined, true, 12), true);
  });
  it('“签订劳动合同之前半年内” includes the day six months before', () => {
    assert.equal(lookbackStart('2020-02-25', 6), '2019-08-25');
    assert.equal(hasRecentPriorRecord('2019-08-25', '2020-02-25', 6), true);
    assert.equal(hasRecentPriorRecord('2019-08-24', '2020-02-25', 6), false);
    assert.equal(hasRecentPriorRecord('none', '2020-02-25', 6), false);
    assert.equal(hasRecentPriorRecord('2020-02-25', '2020-02-25', 6), false);
  });
  it('social insurance: paid, or registered and withheld during the exemption', () => {
    assert.deepEqual(socialInsuranceSatisfied('paid', undefined, undefined), { pass: true, needs: [] });
    assert.deepEqual(socialInsuranceSatisfied('withheld_during_exemption', true, true), { pass: true, needs: [] });
    assert.equal(socialInsuranceSatisfied('withheld_during_exemption', false, true).pass, false);
    assert.deepEqual(socialInsuranceSatisfied('withheld_during_exemption', undefined, true).needs, [
      'employmentRegistered',
    ]);
    assert.equal(socialInsuranceSatisfied('not_paid', true, true).pass, false);
  });
  it('graduate amount never exceeds the cap; graduating year is the hiring year', () => {
    assert.equal(graduateAmountFen(100000, 100000), 100000);
    assert.equal(graduateAmountFen(150000, 100000), 100000);
    assert.equal(graduateAmountFen(80000, 100000), 80000);
    assert.equal(isGraduatingYearGraduate(true, 2020, '2020-07-01'), true);
    assert.equal(isGraduatingYearGraduate(true, 2019, '2020-07-01'), false);
    assert.equal(isGraduatingYearGraduate(false, 2020, '2020-07-01'), false);
  });
});
