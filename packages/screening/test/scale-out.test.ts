/**
 * What can be checked of the Citus plan without Citus (docs/scale-out.md): the large tables' keys
 * contain the distribution column, and every programme's per-county SQL reads only that county's rows
 * of every distributed table — so each chunk is a single-shard (router) query on a cluster.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Queryable } from '@wengang/db';
import { freshServerDatabase, serverAvailable } from '../../../test/support/databases';
import { createRun, getRun, loadPopulation, screeningProgramme, type RunRequest } from '../src/index';

/** Distributed by region_code (co-located). */
const DISTRIBUTED = [
  'insured_units',
  'ui_spells',
  'ui_unit_contributions',
  'employment_registrations',
  'tax_monthly_indicators',
  'unit_annual_accounts',
  'person_registers',
  'benefit_records',
  'screening_findings',
];
/** Looked up across regions on purpose: earlier claims of an enterprise or a person (docs/scale-out.md). */
const CROSS_REGION_LOOKUPS = ['review_cases', 'case_persons', 'enterprises'];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

function scans(node: PlanNode, out: PlanNode[] = []): PlanNode[] {
  // the INSERT target (ModifyTable) is written, not scanned
  if (node['Relation Name'] && node['Node Type'] !== 'ModifyTable') out.push(node);
  for (const child of node.Plans ?? []) scans(child, out);
  return out;
}

/** The conditions a scan is restricted by (its own and, for a bitmap heap scan, its index scans'). */
function restriction(node: PlanNode): string {
  const own = [node['Index Cond'], node['Recheck Cond'], node.Filter].filter(Boolean).join(' ');
  const bitmap = (node.Plans ?? []).filter((p) => p['Node Type'] === 'Bitmap Index Scan').map((p) => p['Index Cond']);
  return [own, ...bitmap].join(' ');
}

describe('ready for distribution by region_code', { skip: serverAvailable() ? false : 'no PostgreSQL server' }, () => {
  let server: Awaited<ReturnType<typeof freshServerDatabase>>;
  before(async () => {
    server = await freshServerDatabase();
    await loadPopulation(server.db, { enterprises: 40, persons: 440, seed: 777, profile: 'edge' });
    await server.db.exec('ANALYZE');
  });
  after(async () => server?.drop());

  it('has region_code in every key of the distributed tables, and an index led by it for the county scans', async () => {
    const { rows } = await server.db.query<{
      table: string;
      index: string;
      primary: boolean;
      unique: boolean;
      columns: string[];
    }>(
      `SELECT t.relname AS table, i.relname AS index, x.indisprimary AS primary, x.indisunique AS unique,
              array_agg(a.attname::text ORDER BY k.n) AS columns
         FROM pg_index x
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_class i ON i.oid = x.indexrelid
         CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE t.relname = ANY($1)
        GROUP BY t.relname, i.relname, x.indisprimary, x.indisunique`,
      [DISTRIBUTED],
    );
    assert.deepEqual([...new Set(rows.filter((r) => r.primary).map((r) => r.table))].sort(), [...DISTRIBUTED].sort());
    for (const r of rows.filter((r) => r.unique)) {
      assert.ok(
        r.columns.includes('region_code'),
        `${r.index} on ${r.table} (${r.columns.join(', ')}) lacks region_code`,
      );
    }
    // a chunk reads one county: the key's prefix or a BRIN index (0045) must lead it there
    const led = new Set(rows.filter((r) => r.columns[0] === 'region_code').map((r) => r.table));
    assert.deepEqual(
      DISTRIBUTED.filter((t) => !led.has(t)),
      [],
      'tables without an index led by region_code',
    );
  });

  const runs: RunRequest[] = [
    {
      programme: 'stable-post-refund',
      region: '371500',
      period: { from: '2020-01-01', until: '2020-12-31' },
      decisionDate: '2020-07-01',
    },
    {
      programme: 'retention-training',
      region: '371500',
      period: { from: '2022-01-01', until: '2022-12-31' },
      decisionDate: '2022-09-15',
    },
    {
      programme: 'job-expansion',
      region: '371500',
      period: { from: '2022-01-01', until: '2022-12-31' },
      decisionDate: '2023-01-10',
    },
  ];
  for (const request of runs) {
    it(`${request.programme}: each chunk reads one county of every distributed table`, async () => {
      const { run } = await createRun(server.db, request);
      const info = (await getRun(server.db, run.id))!;
      const chunks = Object.keys(info.parameters.byRegion);
      assert.ok(chunks.length >= 5);
      let checked = 0;
      for (const region of chunks) {
        const explaining: Queryable = {
          async query<R>(text: string, params?: readonly unknown[]) {
            const { rows } = await server.db.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
              `EXPLAIN (FORMAT JSON) ${text}`,
              params,
            );
            for (const scan of scans(rows[0]!['QUERY PLAN'][0]!.Plan)) {
              const table = scan['Relation Name']!;
              if (CROSS_REGION_LOOKUPS.includes(table) || !DISTRIBUTED.includes(table)) continue;
              assert.match(
                restriction(scan),
                new RegExp(`region_code\\)? = '${region}'`),
                `${table} in the ${region} chunk of ${request.programme}`,
              );
              checked++;
            }
            return { rows: [{ found: 0, fen: 0 }] as R[], rowCount: 1 };
          },
          exec: (text: string) => server.db.exec(text),
        };
        await screeningProgramme(request.programme).screenChunk(explaining, info, region);
      }
      assert.ok(checked >= chunks.length, `${checked} scans checked`);
    });
  }
});
