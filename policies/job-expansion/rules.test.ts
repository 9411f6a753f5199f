import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isWithin } from '../common/dates';
import { isGraduateOfWindow } from './rules/graduate-of-year';
import { isUnused } from './rules/single-use';
import { hasMinimumUiMonths } from './rules/ui-contribution';
import { isWithinDeadline } from './rules/within-deadline';

describe('job-expansion rules', () => {
  it('graduation month in 2022-01 … 2022-12, both ends included', () => {
    const w = { from: '2022-01', until: '2022-12' };
    assert.equal(isGraduateOfWindow('2022-01', w), true);
    assert.equal(isGraduateOfWindow('2022-12', w), true);
    assert.equal(isGraduateOfWindow('2021-12', w), false);
    assert.equal(isGraduateOfWindow('2023-01', w), false);
  });
  it('hired within 2022', () => {
    const w = { from: '2022-01-01', until: '2022-12-31' };
    assert.equal(isWithin('2022-12-31', w), true);
    assert.equal(isWithin('2023-01-01', w), false);
  });
  it('“1个月以上” includes exactly one month', () => {
    assert.equal(hasMinimumUiMonths(1, 1), true);
    assert.equal(hasMinimumUiMonths(0, 1), false);
  });
  it('the deadline day is still in time, the next day is not', () => {
    assert.equal(isWithinDeadline('2023-01-31', '2023-01-31'), true);
    assert.equal(isWithinDeadline('2023-02-01', '2023-01-31'), false);
  });
  it('a graduate used by any enterprise cannot be used again', () => {
    assert.equal(isUnused('none'), true);
    assert.equal(isUnused('another_enterprise'), false);
    assert.equal(isUnused('this_enterprise'), false);
  });
});
