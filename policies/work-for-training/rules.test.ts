/** Unit tests of the 以工代训 rules, parameters and citations (the cases/*.json test whole decisions). */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { resolveParameter } from '@wengang/engine';
import type { Citation, ParameterDefinition } from '@wengang/engine';
import { programme } from './programme';
import { amountPerPersonMonth } from './parameters/amount-per-person-month';
import { distressThresholds } from './parameters/distress-thresholds';
import { eligiblePersonCategories } from './parameters/eligible-person-categories';
import { enterpriseCap } from './parameters/enterprise-cap';
import { enterpriseScope } from './parameters/enterprise-scope';
import { maxMonthsPerEnterprise } from './parameters/max-months-per-enterprise';
import { policyPeriod } from './parameters/policy-period';
import { acceptanceDeadline } from './parameters/acceptance-deadline';
import { claimMonthOf, daysInMonth, lastDayOf } from './rules/claim-month';
import { averagingMonths2019, dropAtLeast, distressTestForMonth } from './rules/distress-test';
import { enterpriseInScope } from './rules/enterprise-in-scope';
import { hireDateOf, hiredByMonthEnd, withinDateWindow } from './rules/hire-date';
import { industryRecognised } from './rules/industry-recognised';
import {
  enterpriseMonthsLimitReached,
  enterpriseMonthsWithClaim,
  personMonthsLimitReached,
} from './rules/months-limit';
import { otherTypesClaimedThisMonth } from './rules/one-type-per-month';
import { personCategoryAllowed } from './rules/person-category';
import { allocateUnderCap, remainingEnterpriseCap } from './rules/remaining-enterprise-cap';
import { specialAccountBelowStopLine } from './rules/special-account';
import { withinAcceptanceWindow } from './rules/within-acceptance-window';
import { withinPolicyPeriod } from './rules/within-policy-period';
import type { Industry } from './facts';
import type { TypeScope } from './parameters/enterprise-scope';

const HARD_HIT: Industry[] = [
  'foreign_trade',
  'accommodation_catering',
  'culture_tourism',
  'transport',
  'wholesale_retail',
];
const SD_SCOPE: TypeScope = {
  sizes: ['medium', 'small', 'micro'],
  largeIfHardHitIndustry: true,
  requiresHardHitIndustry: false,
  individualBusiness: false,
};
const CJ_BRANCH3: TypeScope = {
  sizes: ['large', 'medium', 'small', 'micro'],
  largeIfHardHitIndustry: false,
  requiresHardHitIndustry: true,
  individualBusiness: true,
};

describe('claim month', () => {
  it('accepts exactly one calendar month, leap February included', () => {
    assert.equal(claimMonthOf({ from: '2020-07-01', until: '2020-07-31' }), '2020-07');
    assert.equal(claimMonthOf({ from: '2020-02-01', until: '2020-02-29' }), '2020-02');
    assert.equal(daysInMonth('2021-02'), 28);
    assert.equal(lastDayOf('2020-11'), '2020-11-30');
  });
  it('refuses partial and multi-month periods', () => {
    assert.equal(claimMonthOf({ from: '2020-07-02', until: '2020-07-31' }), null);
    assert.equal(claimMonthOf({ from: '2020-07-01', until: '2020-07-30' }), null);
    assert.equal(claimMonthOf({ from: '2020-07-01', until: '2020-08-31' }), null);
  });
});

describe('date windows', () => {
  it('policy period includes its first and last month only', () => {
    const w = { firstMonth: '2020-06', lastMonth: '2020-12' };
    assert.equal(withinPolicyPeriod('2020-05', w), false);
    assert.equal(withinPolicyPeriod('2020-06', w), true);
    assert.equal(withinPolicyPeriod('2020-12', w), true);
    assert.equal(withinPolicyPeriod('2021-01', w), false);
  });
  it('acceptance deadline day counts, the next day does not', () => {
    assert.equal(withinAcceptanceWindow('2021-03-31', '2021-03-31'), true);
    assert.equal(withinAcceptanceWindow('2021-04-01', '2021-03-31'), false);
  });
  it('hire window is inclusive at both ends', () => {
    const w = { from: '2020-01-01', until: '2020-12-31' };
    assert.equal(withinDateWindow('2019-12-31', w), false);
    assert.equal(withinDateWindow('2020-01-01', w), true);
    assert.equal(withinDateWindow('2020-12-31', w), true);
    assert.equal(withinDateWindow('2021-01-01', w), false);
  });
  it('a person hired on the last day of the month counts for that month', () => {
    assert.equal(hiredByMonthEnd('2020-07-31', '2020-07-31'), true);
    assert.equal(hiredByMonthEnd('2020-08-01', '2020-07-31'), false);
  });
});

describe('enterpriseInScope', () => {
  it('SMEs are in scope whatever their industry', () => {
    const r = enterpriseInScope({ size: 'micro', industry: 'other' }, SD_SCOPE, HARD_HIT);
    assert.equal(r.result, 'pass');
    assert.equal(r.reliesOnIndustry, false);
  });
  it('large enterprises only in the five hard-hit industries, relying on the industry', () => {
    assert.equal(enterpriseInScope({ size: 'large', industry: 'other' }, SD_SCOPE, HARD_HIT).result, 'fail');
    const r = enterpriseInScope({ size: 'large', industry: 'transport' }, SD_SCOPE, HARD_HIT);
    assert.equal(r.result, 'pass');
    assert.equal(r.reliesOnIndustry, true);
  });
  it('Changji branch 3: any size in a hard-hit industry, and insured individual businesses', () => {
    assert.equal(
      enterpriseInScope({ size: 'large', industry: 'culture_tourism' }, CJ_BRANCH3, HARD_HIT).result,
      'pass',
    );
    assert.equal(enterpriseInScope({ size: 'small', industry: 'other' }, CJ_BRANCH3, HARD_HIT).result, 'fail');
    const ib = { kind: 'individual_business' as const, size: 'micro' as const, industry: 'wholesale_retail' as const };
    assert.equal(enterpriseInScope({ ...ib, hasEmployeesInsuredAsUnit: true }, CJ_BRANCH3, HARD_HIT).result, 'pass');
    assert.equal(enterpriseInScope({ ...ib, hasEmployeesInsuredAsUnit: false }, CJ_BRANCH3, HARD_HIT).result, 'fail');
    const unknown = enterpriseInScope(ib, CJ_BRANCH3, HARD_HIT);
    assert.equal(unknown.result, 'missing');
    assert.deepEqual(unknown.missing, ['hasEmployeesInsuredAsUnit']);
    assert.equal(enterpriseInScope({ ...ib, hasEmployeesInsuredAsUnit: true }, SD_SCOPE, HARD_HIT).result, 'fail');
  });
});

describe('industryRecognised (78号 四(一))', () => {
  it('a change on 2020-05-09 is recognised, one after is not, none at all is, unknown is missing', () => {
    assert.equal(industryRecognised('2020-05-09', '2020-05-09'), 'pass');
    assert.equal(industryRecognised('2020-05-10', '2020-05-09'), 'fail');
    assert.equal(industryRecognised(null, '2020-05-09'), 'pass');
    assert.equal(industryRecognised(undefined, '2020-05-09'), 'missing');
  });
});

describe('distress test', () => {
  it('averages 2019 over the months since founding', () => {
    assert.equal(averagingMonths2019('2015-03-01'), 12);
    assert.equal(averagingMonths2019('2019-01-31'), 12);
    assert.equal(averagingMonths2019('2019-10-15'), 3);
    assert.equal(averagingMonths2019('2019-12-01'), 1);
    assert.equal(averagingMonths2019('2020-01-01'), 0);
  });
  it('a drop of exactly the threshold passes (及以上), one fen less does not', () => {
    // 2019: 1,200,000 元 over 12 months → 100,000 元/month; 70% drop → 30,000 元
    assert.equal(dropAtLeast(3_000_000, 120_000_000, 12, 70), true);
    assert.equal(dropAtLeast(3_000_001, 120_000_000, 12, 70), false);
    assert.equal(dropAtLeast(8_000_000, 120_000_000, 12, 20), true);
    assert.equal(dropAtLeast(8_000_001, 120_000_000, 12, 20), false);
  });
  it('is exact beyond 2^53 (BigInt) and works for non-integer energy quantities', () => {
    const total = 9_000_000_000_000_000; // > MAX_SAFE_INTEGER / 1200
    assert.equal(dropAtLeast(total / 12 / 2, total, 12, 50), true);
    assert.equal(dropAtLeast(37.5, 1500, 12, 70), true);
    assert.equal(dropAtLeast(37.6, 1500, 12, 70), false);
  });
  const th = { revenuePct: 20, electricityPct: 50, otherEnergyPct: 50 };
  it('one indicator meeting its threshold suffices, even with others absent', () => {
    const r = distressTestForMonth({ electricityFen: 500_000, electricity2019Fen: 12_000_000 }, '2010-01-01', th);
    assert.equal(r.result, 'pass');
  });
  it('names the absent indicators when none of the given ones passes', () => {
    const r = distressTestForMonth({ revenueFen: 90, revenue2019Fen: 1200 }, '2010-01-01', th);
    assert.equal(r.result, 'missing');
    assert.deepEqual(r.missing, [
      'indicators.electricityFen',
      'indicators.electricity2019Fen',
      'indicators.otherEnergy',
      'indicators.otherEnergy2019',
    ]);
  });
  it('fails when every indicator is given and none drops enough', () => {
    const r = distressTestForMonth(
      {
        revenueFen: 90,
        revenue2019Fen: 1200,
        electricityFen: 90,
        electricity2019Fen: 1200,
        otherEnergy: 90,
        otherEnergy2019: 1200,
      },
      '2010-01-01',
      th,
    );
    assert.equal(r.result, 'fail');
  });
  it('needs the founding date and the indicators', () => {
    assert.deepEqual(distressTestForMonth(undefined, undefined, th).missing, ['indicators', 'establishedOn']);
    const r = distressTestForMonth({ revenueFen: 10, revenue2019Fen: 1200 }, undefined, th);
    assert.equal(r.result, 'missing');
    assert.ok(r.missing.includes('establishedOn'));
  });
  it('an enterprise founded in 2020 has no 2019 base', () => {
    const r = distressTestForMonth(
      {
        revenueFen: 0,
        revenue2019Fen: 0,
        electricityFen: 0,
        electricity2019Fen: 0,
        otherEnergy: 0,
        otherEnergy2019: 0,
      },
      '2020-02-01',
      th,
    );
    assert.equal(r.result, 'fail');
  });
});

describe('persons', () => {
  it('category lists', () => {
    assert.equal(personCategoryAllowed('建档立卡贫困劳动力', ['就业困难人员']), false);
    assert.equal(personCategoryAllowed('就业困难人员', ['就业困难人员']), true);
  });
  it('63号: the hire is the 就业登记, which is required', () => {
    assert.deepEqual(hireDateOf({ socialInsuranceRegisteredOn: '2020-03-01' }, 'employment_registration'), {
      missing: ['employmentRegisteredOn'],
    });
    assert.equal(hireDateOf({ employmentRegisteredOn: '2020-03-05' }, 'employment_registration').date, '2020-03-05');
  });
  it('78号: the earlier of 就业登记 and 社保登记', () => {
    const both = { employmentRegisteredOn: '2020-03-05', socialInsuranceRegisteredOn: '2020-02-20' };
    assert.equal(hireDateOf(both, 'earlier_registration').date, '2020-02-20');
    assert.equal(hireDateOf({ employmentRegisteredOn: '2020-03-05' }, 'earlier_registration').date, '2020-03-05');
    assert.equal(hireDateOf({ socialInsuranceRegisteredOn: '2020-02-20' }, 'earlier_registration').date, '2020-02-20');
    assert.equal(hireDateOf({}, 'earlier_registration').missing.length, 2);
  });
  it('six months per person: the 7th is refused', () => {
    assert.equal(personMonthsLimitReached(5, 6), false);
    assert.equal(personMonthsLimitReached(6, 6), true);
  });
});

describe('enterprise months and types', () => {
  const months = (...ms: string[]) => ms.map((month) => ({ month, subsidyType: 'absorption' as const }));
  it('the 7th distinct month is refused, a repeat of a month already claimed is not a new month', () => {
    const six = months('2020-01', '2020-02', '2020-03', '2020-04', '2020-05', '2020-06');
    assert.equal(enterpriseMonthsLimitReached(six, '2020-07', 6), true);
    assert.equal(enterpriseMonthsLimitReached(six, '2020-06', 6), false);
    assert.equal(enterpriseMonthsLimitReached(six.slice(0, 5), '2020-07', 6), false);
    assert.deepEqual(enterpriseMonthsWithClaim(months('2020-03', '2020-03'), '2020-02'), ['2020-02', '2020-03']);
  });
  it('one type per month', () => {
    const claimed = [{ month: '2020-11', subsidyType: 'epidemic_hardship' as const }];
    assert.deepEqual(otherTypesClaimedThisMonth(claimed, '2020-11', 'absorption'), ['epidemic_hardship']);
    assert.deepEqual(otherTypesClaimedThisMonth(claimed, '2020-11', 'epidemic_hardship'), []);
    assert.deepEqual(otherTypesClaimedThisMonth(claimed, '2020-10', 'absorption'), []);
  });
});

describe('enterprise cap', () => {
  it('remaining never goes below zero', () => {
    assert.equal(remainingEnterpriseCap(10_000_000, 9_925_000), 75_000);
    assert.equal(remainingEnterpriseCap(10_000_000, 10_500_000), 0);
  });
  it('the crossing line is reduced, later lines get zero', () => {
    assert.deepEqual(allocateUnderCap([50_000, 50_000, 50_000], 75_000), [50_000, 25_000, 0]);
    assert.deepEqual(allocateUnderCap([50_000, 50_000], 100_000), [50_000, 50_000]);
    assert.deepEqual(allocateUnderCap([50_000, 50_000], 0), [0, 0]);
  });
});

describe('special account stop line (63号 三(四))', () => {
  it('exactly 30% still runs; below stops', () => {
    assert.equal(specialAccountBelowStopLine(300_000_000, 1_000_000_000, 30), false);
    assert.equal(specialAccountBelowStopLine(299_999_999, 1_000_000_000, 30), true);
  });
});

describe('parameters: amendments by issue date, regions by inheritance', () => {
  const at = <T>(p: ParameterDefinition<T>, region: string, on: string, asOf: string) =>
    resolveParameter(p, { region, on, asOf });
  it('78号 widens the person categories from its issue date on', () => {
    assert.equal(at(eligiblePersonCategories, '370700', '2020-08-01', '2020-10-27')?.value.length, 4);
    assert.equal(at(eligiblePersonCategories, '370700', '2020-08-01', '2020-10-28')?.value.length, 6);
    assert.equal(at(eligiblePersonCategories, '370700', '2020-08-01', '2020-10-28')?.cite.doc, '鲁人社函〔2020〕78号');
  });
  it('78号 raises the caps to 30万/200万', () => {
    assert.deepEqual(at(enterpriseCap, '371502', '2020-08-01', '2020-10-27')?.value, {
      smeFen: 10_000_000,
      largeFen: 50_000_000,
    });
    assert.deepEqual(at(enterpriseCap, '371502', '2020-08-01', '2020-10-28')?.value, {
      smeFen: 30_000_000,
      largeFen: 200_000_000,
    });
  });
  it('78号 distress thresholds depend on the claim month', () => {
    assert.equal(at(distressThresholds, '370700', '2020-05-01', '2020-11-01')?.value.revenuePct, 50);
    assert.equal(at(distressThresholds, '370700', '2020-06-01', '2020-11-01')?.value.revenuePct, 20);
    assert.equal(at(distressThresholds, '370700', '2020-06-01', '2020-10-27')?.value.revenuePct, 70);
  });
  it('78号 widens the policy period and extends the acceptance deadline', () => {
    assert.equal(at(policyPeriod, '370700', '2020-03-01', '2020-10-27')?.value.firstMonth, '2020-06');
    assert.equal(at(policyPeriod, '370700', '2020-03-01', '2020-10-28')?.value.firstMonth, '2020-01');
    assert.equal(at(acceptanceDeadline, '370700', '2020-12-01', '2020-10-28')?.value, '2021-03-31');
  });
  it('Liaocheng counties use the Liaocheng system rule, Weifang only 78号', () => {
    assert.equal(at(maxMonthsPerEnterprise, '371502', '2020-07-01', '2020-07-01')?.cite.doc, '聊人社字〔2020〕58号');
    assert.equal(at(maxMonthsPerEnterprise, '370700', '2020-07-01', '2020-07-01'), undefined);
    assert.equal(at(maxMonthsPerEnterprise, '370700', '2020-07-01', '2020-10-28')?.value, 6);
  });
  it('Changji: 300 元, its own three branches, nothing before 2020-07-14', () => {
    assert.equal(at(amountPerPersonMonth, '652301', '2020-08-01', '2020-08-01')?.value, 30_000);
    assert.equal(at(amountPerPersonMonth, '652301', '2020-08-01', '2020-07-13'), undefined);
    assert.deepEqual(Object.keys(at(enterpriseScope, '652301', '2020-08-01', '2020-08-01')!.value), [
      'absorption',
      'epidemic_hardship',
      'hard_hit_industry',
    ]);
  });
});

/** Every citation points at real lines, and each quoted fragment 「…」 of its clause is on those lines. */
describe('citations match the documents', () => {
  const dir = join(import.meta.dirname, '..', '..', '..', 'shared', 'policy-documents');
  const files = new Map<string, string[]>();
  const linesOf = (file: string): string[] => {
    let lines = files.get(file);
    if (lines === undefined) {
      lines = readFileSync(join(dir, file), 'utf8').split('\n');
      files.set(file, lines);
    }
    return lines;
  };
  const cites: [string, Citation][] = [];
  for (const p of programme.parameters) p.values.forEach((v, i) => cites.push([`${p.id}[${i}]`, v.cite]));
  programme.periods.forEach((p, i) => cites.push([`periods[${i}]`, p.cite]));
  const squash = (s: string) => s.replace(/\s+/g, '');

  for (const [where, cite] of cites) {
    it(
      `${where}: ${cite.doc} ${cite.clause}`,
      { skip: !existsSync(dir) && 'shared/policy-documents not found' },
      () => {
        const lines = linesOf(cite.file);
        const [first, last] = typeof cite.line === 'number' ? [cite.line, cite.line] : cite.line;
        assert.ok(last <= lines.length, `${cite.file} has ${lines.length} lines, cited ${last}`);
        const text = squash(lines.slice(first - 1, last).join(''));
        for (const quoted of cite.clause.matchAll(/「([^」]+)」/g)) {
          for (const piece of quoted[1]!.split('……')) {
            if (piece.trim() === '') continue;
            assert.ok(text.includes(squash(piece)), `「${piece}」 is not on ${cite.file} lines ${first}–${last}`);
          }
        }
      },
    );
  }
});
