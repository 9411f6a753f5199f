/**
 * Runs as jobs: one run per programme, region and period; cancel and continue; each finding handed
 * to the review chain once; a worker killed with SIGKILL in the middle of a chunk or of a handover
 * batch, then a restart, gives the same findings and the same cases as an uninterrupted run.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { migrate, openDatabase, type Database } from '@wengang/db';
import { describeEachDatabase, freshServerDatabase, serverAvailable } from '../../../test/support/databases';
import {
  cancelRun,
  createRun,
  getRun,
  loadPopulation,
  runSummary,
  screen,
  workOnRun,
  type RunRequest,
} from '../src/index';

const population = { enterprises: 40, persons: 440, seed: 424242, profile: 'edge' as const };
const jobExpansion = (until = '2022-12-31'): RunRequest => ({
  programme: 'job-expansion',
  region: '371500',
  period: { from: '2022-01-01', until },
  decisionDate: '2022-12-31',
});

/** What a run found, comparable across databases and runs. */
async function findings(db: Database, runId: string): Promise<string[]> {
  const { rows } = await db.query<{ line: string }>(
    `SELECT credit_code || ' ' || variant || ' ' || amount_fen || ' ' || array_to_string(person_ids, ',') || ' ' || status AS line
       FROM screening_findings WHERE run_id = $1 ORDER BY credit_code`,
    [runId],
  );
  return rows.map((r) => r.line);
}

/** The review cases screening opened: source id, amount, persons. */
async function cases(db: Database): Promise<string[]> {
  const { rows } = await db.query<{ line: string }>(
    `SELECT c.source_id || ' ' || c.amount_fen || ' ' || c.status || ' ' ||
            coalesce((SELECT string_agg(p.person_key, ',' ORDER BY p.person_key) FROM case_persons p WHERE p.case_id = c.id), '') AS line
       FROM review_cases c WHERE c.source = 'screening' ORDER BY c.source_id`,
  );
  return rows.map((r) => r.line);
}

describeEachDatabase('screening runs as jobs', (db) => {
  before(async () => {
    await loadPopulation(db(), population);
  });

  it('is one run per programme, region and period', async () => {
    const first = await createRun(db(), jobExpansion('2022-12-30'));
    const second = await createRun(db(), jobExpansion('2022-12-30'));
    assert.equal(first.created, true);
    assert.equal(second.created, false);
    assert.equal(second.run.id, first.run.id);
    assert.ok(first.run.chunksTotal >= 5, `${first.run.chunksTotal} counties to screen`);
  });

  it('stops when cancelled and, started again, ends with what an uninterrupted run finds', async () => {
    const { run } = await createRun(db(), jobExpansion('2022-12-30'));
    let steps = 0;
    const stopped = await workOnRun(db(), run.id, {
      handover: false,
      onProgress: async (p) => {
        if (p.phase === 'screen' && ++steps === 2) await cancelRun(db(), run.id);
      },
    });
    assert.equal(stopped.status, 'cancelled');
    // the chunk(s) in flight when asked finish; nothing after them starts
    assert.ok(stopped.chunksDone >= 2 && stopped.chunksDone < stopped.chunksTotal, `${stopped.chunksDone} chunks done`);
    const resumed = await workOnRun(db(), run.id, { handover: false });
    assert.equal(resumed.status, 'handover');
    assert.equal(resumed.chunksDone, resumed.chunksTotal);
    const straight = await screen(db(), jobExpansion('2022-12-29'), { handover: false });
    assert.deepEqual(await findings(db(), resumed.id), await findings(db(), straight.id));
    assert.ok((await findings(db(), straight.id)).length > 0, 'the population has findings');
  });

  it('hands every payable finding to review once, with the engine’s decision', async () => {
    const { run } = await createRun(db(), jobExpansion());
    const done = await workOnRun(db(), run.id, { handoverBatch: 3 });
    assert.equal(done.status, 'completed');
    const summary = await runSummary(db(), run.id);
    assert.ok(summary.handedOver.count > 0);
    assert.equal(summary.payable.count, 0);
    assert.equal(summary.found.count, summary.handedOver.count + summary.queued.reduce((s, q) => s + q.count, 0));
    const before = await cases(db());
    assert.equal(before.length, summary.handedOver.count);
    // Starting the same run again changes nothing.
    await screen(db(), jobExpansion());
    assert.deepEqual(await cases(db()), before);
    const { rows } = await db().query<{ eligible: string; amount: number; cited: number }>(
      `SELECT c.decision->>'eligible' AS eligible, (c.decision->>'amountFen')::bigint AS amount,
              json_array_length(c.decision->'conditions') AS cited
         FROM review_cases c JOIN screening_findings f ON f.case_id = c.id WHERE f.run_id = $1`,
      [run.id],
    );
    assert.ok(rows.every((r) => r.eligible === 'yes' && r.cited > 4));
    // A later run for another period does not claim the same graduates again.
    const later = await screen(db(), jobExpansion('2022-12-28'));
    assert.equal((await runSummary(db(), later.id)).found.count, 0);
  });
});

/** Runs the crash child and waits for its death. */
function crashChild(args: object): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'support', 'crash-child.ts'), JSON.stringify(args)],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

for (const kind of ['postgres', 'embedded'] as const) {
  describe(
    `a worker killed mid-run [${kind}]`,
    { skip: kind === 'postgres' && !serverAvailable() ? 'no PostgreSQL server' : false },
    () => {
      let target = '';
      let crashed: Database;
      let straight: Database;
      const cleanup: (() => Promise<void>)[] = [];
      const open = async () =>
        kind === 'postgres' ? openDatabase({ databaseUrl: target }) : openDatabase({ dataDir: target });

      before(async () => {
        if (kind === 'postgres') {
          const a = await freshServerDatabase();
          const b = await freshServerDatabase();
          target = a.url;
          crashed = a.db;
          straight = b.db;
          cleanup.push(a.drop, b.drop);
        } else {
          target = mkdtempSync(join(tmpdir(), 'wengang-crash-'));
          crashed = await openDatabase({ dataDir: target });
          await migrate(crashed);
          straight = await openDatabase({});
          await migrate(straight);
          cleanup.push(
            async () => straight.close(),
            async () => rmSync(target, { recursive: true, force: true }),
          );
        }
        await loadPopulation(crashed, population);
        await loadPopulation(straight, population);
      });
      after(async () => {
        for (const fn of cleanup) await fn();
      });

      it('restarts without losing or repeating work: same findings, same cases, each once', async () => {
        const { run } = await createRun(crashed, jobExpansion());
        // PGlite is one process's database: the parent lets go while the child works.
        if (kind === 'embedded') await crashed.close();
        const first = await crashChild({ kind, target, runId: run.id, phase: 'chunk', at: 2 });
        assert.equal(first.signal, 'SIGKILL');
        if (kind === 'embedded') crashed = await open();
        const afterChunkCrash = (await getRun(crashed, run.id))!;
        // the chunks committed before the kill stay done; the one killed in its transaction rolled
        // back (on a server two counties are screened at once: the other may or may not have committed)
        assert.ok(afterChunkCrash.chunksDone >= 1 && afterChunkCrash.chunksDone < afterChunkCrash.chunksTotal);
        assert.equal(afterChunkCrash.status, 'running');

        if (kind === 'embedded') await crashed.close();
        const second = await crashChild({ kind, target, runId: run.id, phase: 'handover', at: 1 });
        assert.equal(second.signal, 'SIGKILL');
        if (kind === 'embedded') crashed = await open();
        const afterHandoverCrash = (await getRun(crashed, run.id))!;
        assert.equal(afterHandoverCrash.status, 'handover');
        assert.equal(afterHandoverCrash.handedOver, 4, 'one batch of 4 committed before the kill');
        assert.equal((await cases(crashed)).length, 4);

        const finished = await workOnRun(crashed, run.id, { handoverBatch: 4 });
        assert.equal(finished.status, 'completed');
        const reference = await screen(straight, jobExpansion(), { handoverBatch: 4 });
        assert.deepEqual(await findings(crashed, run.id), await findings(straight, reference.id));
        assert.deepEqual(await cases(crashed), await cases(straight));
        assert.ok((await cases(straight)).length > 4, 'the run had more than one batch to hand over');
        if (kind === 'embedded') await crashed.close();
      });
    },
  );
}
