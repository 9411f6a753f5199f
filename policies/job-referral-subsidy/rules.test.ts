import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { meetsMinimumTerm, minimumContractEnd } from './rules/contract-term';
import { isEligibleCategory } from './rules/person-category';
import { isRegionWithin } from './rules/region-within';

const categories = [
  'skilled_talent',
  'vocational_college_graduate',
  'technical_school_graduate',
  'university_graduate',
];

describe('job-referral-subsidy rules', () => {
  it('skilled talent needs a certificate; graduates do not', () => {
    assert.equal(isEligibleCategory('skilled_talent', categories, true), true);
    assert.equal(isEligibleCategory('skilled_talent', categories, false), false);
    assert.equal(isEligibleCategory('university_graduate', categories, undefined), true);
    assert.equal(isEligibleCategory('other', categories, true), false);
  });
  it('region containment by GB/T 2260 prefix', () => {
    assert.equal(isRegionWithin('371502', '371500'), true);
    assert.equal(isRegionWithin('371573', '371500'), true);
    assert.equal(isRegionWithin('370102', '371500'), false);
    assert.equal(isRegionWithin('370102', '370000'), true);
    assert.equal(isRegionWithin('650100', '370000'), false);
    assert.equal(isRegionWithin('371502', '371502'), true);
  });
  it('one-year contract counted from the first day (leap year)', () => {
    assert.equal(minimumContractEnd('2020-03-01', 12), '2021-02-28');
    assert.equal(meetsMinimumTerm('2020-03-01', '2021-02-28', false, 12), true);
    assert.equal(meetsMinimumTerm('2020-03-01', '2021-02-27', false, 12), false);
  });
});
