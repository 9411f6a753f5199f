import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as kernel from '../src/index';

describe('@wengang/kernel entry', () => {
  it('re-exports every module', () => {
    for (const name of [
      'checkResidentId',
      'maskResidentId',
      'ageOn',
      'checkCreditCode',
      'classifyEnterpriseSize',
      'checkDeclaredSize',
      'HARD_HIT_INDUSTRIES_2020',
      'HARDSHIP_INDUSTRIES_2022',
      'INDUSTRY_SECTIONS',
      'listRegions',
      'ancestorsOf',
      'isWorkingDay',
      'addWorkingDays',
      'workingDaysBetween',
      'yuanToFen',
      'formatFen',
      'todayInShanghai',
      'lastDayOfMonth',
      'checkPhoneNumber',
      'checkBankAccountNumber',
      'maskBankAccount',
      'toHalfWidth',
    ]) {
      assert.equal(
        typeof (kernel as Record<string, unknown>)[name],
        name.toUpperCase() === name ? 'object' : 'function',
        name,
      );
    }
  });
});
