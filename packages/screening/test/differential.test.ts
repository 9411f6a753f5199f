/**
 * Same answer as the engine: random populations (the generator's `edge` profile, 30–80 units
 * packed with boundary values), screened set-wise for each programme, then every unit decided one
 * by one by `evaluate` (policies registry) on facts built from its rows. Eligibility, amounts,
 * refund types and the persons behind each amount must be identical — 20 populations on each
 * database.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Database } from '@wengang/db';
import { describeEachDatabase } from '../../../test/support/databases';
import { loadPopulation, screen } from '../src/index';
import { compareJobExpansion, compareRefund, compareUnitProgramme, type Comparison } from './support/differential';

const POPULATIONS = 20;

/** Empties the screening data (not the migrations) between populations. */
async function reset(db: Database): Promise<void> {
  await db.exec(`TRUNCATE insured_units, ui_spells, ui_unit_contributions, employment_registrations, graduates, epidemic_events,
    tax_monthly_indicators, unit_annual_accounts, person_registers, ui_benefit_standards, benefit_records, import_errors,
    import_batches, screening_runs, screening_run_chunks, screening_findings, screening_graduate_assignments,
    suspicious_records, verification_tasks;
    DELETE FROM fund_monitoring;`);
}

/** Decision dates around the documents' issue dates and deadlines, so some runs find nothing. */
const cases = [
  {
    programme: 'job-expansion',
    period: { from: '2022-01-01', until: '2022-12-31' },
    dates: ['2023-01-10', '2022-12-31', '2023-01-31', '2022-10-15', '2023-02-01'],
    compare: compareJobExpansion,
  },
  {
    programme: 'retention-training',
    period: { from: '2022-01-01', until: '2022-12-31' },
    dates: ['2022-09-15', '2022-12-31', '2022-09-01', '2022-08-31'],
    compare: compareUnitProgramme,
  },
  {
    programme: 'stable-post-refund',
    period: { from: '2020-01-01', until: '2020-12-31' },
    dates: ['2020-07-01', '2020-10-15', '2020-12-31', '2020-05-20'],
    compare: compareRefund,
  },
] as const;

describeEachDatabase('screening gives the engine’s answer, unit by unit', (db, kind) => {
  const totals = new Map<string, { yes: number; no: number; units: number }>();
  for (let i = 0; i < POPULATIONS; i++) {
    const seed = (kind === 'embedded' ? 101 : 202) + i * 7919;
    const enterprises = 30 + (seed % 51);
    it(`population ${i + 1} (seed ${seed}, ${enterprises} units)`, async () => {
      await reset(db());
      await loadPopulation(db(), { enterprises, persons: enterprises * 11, seed, profile: 'edge' });
      for (const c of cases) {
        const decisionDate = c.dates[i % c.dates.length]!;
        const run = await screen(
          db(),
          { programme: c.programme, region: '371500', period: c.period, decisionDate },
          { handover: false },
        );
        assert.equal(run.status, 'handover', `${c.programme}: screened`);
        const result: Comparison = await c.compare(db(), run);
        assert.deepEqual(
          result.mismatches,
          [],
          `${c.programme} decided ${decisionDate}: screening and engine disagree`,
        );
        const t = totals.get(c.programme) ?? { yes: 0, no: 0, units: 0 };
        totals.set(c.programme, {
          yes: t.yes + result.tally.yes,
          no: t.no + result.tally.no,
          units: t.units + result.tally.units,
        });
      }
    });
  }
  it('found and refused units in every programme (the comparison is not vacuous)', () => {
    for (const c of cases) {
      const t = totals.get(c.programme) ?? { yes: 0, no: 0, units: 0 };
      assert.ok(
        t.yes > 20 && t.no > 20,
        `${c.programme}: ${t.yes} eligible and ${t.no} refused decisions over ${t.units}`,
      );
    }
  });
});
