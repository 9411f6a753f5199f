import { migrate, openDatabase } from '@wengang/db';
import { loadPopulation, screen } from './src/index';
import { compareJobExpansion, compareRefund, compareUnitProgramme } from './test/support/differential';
const db = await openDatabase({});
await migrate(db);
await loadPopulation(db, { enterprises: 60, persons: 700, seed: Number(process.argv[2] ?? 7), profile: 'edge' });
for (const [programme, period, decisionDate, cmp] of [
  ['job-expansion', { from: '2022-01-01', until: '2022-12-31' }, '2023-01-10', compareJobExpansion],
  ['retention-training', { from: '2022-01-01', until: '2022-12-31' }, '2022-09-15', compareUnitProgramme],
  ['stable-post-refund', { from: '2020-01-01', until: '2020-12-31' }, '2020-07-01', compareRefund],
] as const) {
  const run = await screen(db, { programme, region: '371500', period, decisionDate }, { handover: false });
  const c = await cmp(db, run);
  console.log(programme, run.found, run.foundFen, run.parameters.notes, c.tally, c.mismatches.slice(0, 10));
}
await db.close();
