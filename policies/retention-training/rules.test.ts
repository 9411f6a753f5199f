import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countyTrigger, type TriggerEvent } from './rules/county-trigger';
import { isCoveredUnit } from './rules/covered-unit';
import { addMonths, daysInclusive, monthOf } from '../common/dates';
import { isHardHitIndustry } from './rules/hard-hit-industry';
import { isPrefectureLevel, situationCounty } from './rules/situation-county';
import { subsidisedHeadcount } from './rules/subsidised-headcount';
import { subsidyAmountFen } from './rules/subsidy-amount';

const year2022 = { from: '2022-01-01', until: '2022-12-31' };
const risk = (county: string, startDate: string): TriggerEvent => ({
  county,
  kind: 'medium_high_risk_area',
  startDate,
});
const stat = (county: string, startDate: string, durationDays?: number): TriggerEvent => ({
  county,
  kind: 'static_management',
  startDate,
  ...(durationDays !== undefined ? { durationDays } : {}),
});

describe('countyTrigger', () => {
  it('one risk area (1个（含）以上) triggers, in its listing month', () => {
    const t = countyTrigger([risk('371502', '2022-04-12')], '371502', year2022, 1, 7);
    assert.equal(t.triggered, true);
    assert.equal(t.triggerDate, '2022-04-12');
  });
  it('static management of exactly 7 days triggers, 6 days does not', () => {
    assert.equal(countyTrigger([stat('371521', '2022-10-03', 7)], '371521', year2022, 1, 7).triggered, true);
    assert.equal(countyTrigger([stat('371521', '2022-10-03', 6)], '371521', year2022, 1, 7).triggered, false);
  });
  it('takes the earliest qualifying event', () => {
    const t = countyTrigger(
      [risk('371502', '2022-04-12'), stat('371502', '2022-03-28', 9), stat('371502', '2022-02-01', 3)],
      '371502',
      year2022,
      1,
      7,
    );
    assert.equal(t.triggerDate, '2022-03-28');
  });
  it('ignores other counties and events outside 2022', () => {
    assert.equal(countyTrigger([risk('371502', '2022-04-12')], '371525', year2022, 1, 7).triggered, false);
    assert.equal(countyTrigger([risk('371525', '2021-12-30')], '371525', year2022, 1, 7).triggered, false);
  });
  it('needs the duration of a static management that could move the trigger earlier', () => {
    const t = countyTrigger([risk('371502', '2022-04-12'), stat('371502', '2022-03-01')], '371502', year2022, 1, 7);
    assert.equal(t.triggered, undefined);
    assert.deepEqual(t.undecided, [1]);
    const later = countyTrigger([risk('371502', '2022-04-12'), stat('371502', '2022-05-01')], '371502', year2022, 1, 7);
    assert.equal(later.triggered, true);
  });
  it('with a higher risk-area threshold the N-th listing fixes the date', () => {
    const t = countyTrigger([risk('371502', '2022-04-12'), risk('371502', '2022-06-01')], '371502', year2022, 2, 7);
    assert.equal(t.triggerDate, '2022-06-01');
  });
});

describe('situationCounty', () => {
  it('uses the insured county for an ordinary enterprise', () => {
    assert.deepEqual(situationCounty({ insuredCounty: '371502', isLabourDispatchAgency: false }), {
      county: '371502',
      basis: 'insured_county',
      missing: [],
    });
  });
  it('uses the operating county for dispatch agencies and 市本级 accounts', () => {
    assert.equal(
      situationCounty({ insuredCounty: '371502', operatingCounty: '371521', isLabourDispatchAgency: true }).county,
      '371521',
    );
    assert.equal(
      situationCounty({ insuredCounty: '371500', operatingCounty: '371502', isLabourDispatchAgency: false }).county,
      '371502',
    );
    assert.deepEqual(situationCounty({ insuredCounty: '371500', isLabourDispatchAgency: false }).missing, [
      'operatingCounty',
    ]);
  });
  it('knows prefecture-level codes', () => {
    assert.equal(isPrefectureLevel('371500'), true);
    assert.equal(isPrefectureLevel('371502'), false);
  });
});

describe('headcount and amount', () => {
  it('counts a dispatch agency’s own staff and adds dispatched-in workers', () => {
    assert.deepEqual(subsidisedHeadcount(100, 60, 0), {
      insured: 100,
      dispatchedOut: 60,
      dispatchedIn: 0,
      ownStaff: 40,
      total: 40,
    });
    assert.equal(subsidisedHeadcount(20, 0, 5).total, 25);
    assert.equal(subsidisedHeadcount(3, 5, 0).ownStaff, 0);
  });
  it('pays 500 元 per person in integer fen', () => {
    assert.equal(subsidyAmountFen(50000, 20), 1000000);
    assert.ok(Number.isSafeInteger(subsidyAmountFen(50000, 12345)));
  });
});

describe('industry and unit type', () => {
  const five = ['catering', 'retail', 'tourism', 'civil_aviation', 'road_water_rail_transport'];
  it('recognises the five 特困行业 only', () => {
    assert.equal(isHardHitIndustry('retail', five), true);
    assert.equal(isHardHitIndustry('other', five), false);
  });
  it('excludes 机关事业单位', () => {
    assert.equal(isCoveredUnit('law_firm', ['enterprise', 'law_firm']), true);
    assert.equal(isCoveredUnit('government_or_public_institution', ['enterprise', 'law_firm']), false);
  });
});

describe('dates', () => {
  it('does calendar arithmetic', () => {
    assert.equal(monthOf('2022-04-12'), '2022-04');
    assert.equal(addMonths('2020-01-31', 1), '2020-02-29');
    assert.equal(daysInclusive('2022-10-03', '2022-10-09'), 7);
  });
});
