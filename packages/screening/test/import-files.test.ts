/**
 * Importing a set of files: the units first, then (on a server) two files at once; the same rows
 * as importing them one by one, the reports in the order of the files, and nothing started after a
 * rejected file.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Database } from '@wengang/db';
import { freshEmbeddedDatabase, freshServerDatabase, serverAvailable } from '../../../test/support/databases';
import { ensureRegions, generateFiles, IMPORT_ORDER, importFile, importFiles, type ImportReport } from '../src/index';

const TABLES = ['insured_units', 'ui_spells', 'ui_unit_contributions', 'employment_registrations', 'graduates'];

async function counts(db: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0]!.n;
  return out;
}

describe('importing a set of files', () => {
  let dir: string;
  let files: { source: string; path: string }[];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'wengang-import-files-'));
    generateFiles({ enterprises: 300, persons: 3000, seed: 7 }, dir);
    files = IMPORT_ORDER.map((source) => ({ source, path: join(dir, `${source}.csv`) }));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const options = { today: '2023-06-30', actor: 'test' };

  it('on the embedded database: one after the other, the same rows as file by file', async () => {
    const db = await freshEmbeddedDatabase();
    const one = await freshEmbeddedDatabase();
    try {
      await ensureRegions(db);
      await ensureRegions(one);
      const finished: string[] = [];
      const reports = await importFiles(db, files, { ...options, onReport: (r) => finished.push(r.source) });
      assert.deepEqual(
        reports.map((r) => [r.source, r.status]),
        files.map((f) => [f.source, 'loaded']),
      );
      assert.equal(finished[0], 'units');
      for (const f of files) await importFile(one, { ...options, ...f });
      assert.deepEqual(await counts(db), await counts(one));
    } finally {
      await db.close();
      await one.close();
    }
  });

  it('keeps the units index between files, and loads it again after units are imported', async () => {
    const db = await freshEmbeddedDatabase();
    try {
      await ensureRegions(db);
      // the units in two files, and the spells of each file's units in two files
      const [unitsHeader, ...unitRows] = readFileSync(join(dir, 'units.csv'), 'utf8').trimEnd().split('\n');
      const [spellsHeader, ...spellRows] = readFileSync(join(dir, 'spells.csv'), 'utf8').trimEnd().split('\n');
      const half = unitRows.slice(0, unitRows.length >> 1);
      const first = new Set(half.map((row) => row.split(',')[0]));
      const part = (name: string, header: string, rows: string[]) => {
        writeFileSync(join(dir, name), [header, ...rows].join('\n'));
        return join(dir, name);
      };
      const unitsA = part('units-a.csv', unitsHeader!, half);
      const unitsB = part('units-b.csv', unitsHeader!, unitRows.slice(half.length));
      const ofA = spellRows.filter((row) => first.has(row.split(',')[2]));
      const spellsA1 = part('spells-a1.csv', spellsHeader!, ofA.slice(0, ofA.length >> 1));
      const spellsA2 = part('spells-a2.csv', spellsHeader!, ofA.slice(ofA.length >> 1));
      const spellsB = part(
        'spells-b.csv',
        spellsHeader!,
        spellRows.filter((row) => !first.has(row.split(',')[2])),
      );

      const unitsCache = {};
      const load = (source: string, path: string) => importFile(db, { ...options, source, path, unitsCache });
      assert.equal((await load('units', unitsA)).status, 'loaded');
      assert.equal((await load('spells', spellsA1)).status, 'loaded');
      const kept = (unitsCache as { index?: unknown }).index;
      assert.ok(kept);
      assert.equal((await load('spells', spellsA2)).status, 'loaded');
      assert.equal((unitsCache as { index?: unknown }).index, kept, 'no units imported: the same index');
      assert.equal((await load('units', unitsB)).status, 'loaded');
      const b = await load('spells', spellsB);
      assert.deepEqual([b.status, b.rowsInvalid], ['loaded', 0], 'the units imported since are known');
      assert.notEqual((unitsCache as { index?: unknown }).index, kept);
    } finally {
      await db.close();
    }
  });

  describe('on a PostgreSQL server', { skip: serverAvailable() ? false : 'no PostgreSQL server' }, () => {
    it('units first, then two at a time: every file loaded, reports in the order of the files', async () => {
      const server = await freshServerDatabase();
      const one = await freshServerDatabase();
      try {
        await ensureRegions(server.db);
        await ensureRegions(one.db);
        const finished: ImportReport[] = [];
        const reports = await importFiles(server.db, files, {
          ...options,
          databaseUrl: server.url,
          onReport: (r) => finished.push(r),
        });
        assert.deepEqual(
          reports.map((r) => [r.source, r.status, r.via]),
          files.map((f) => [f.source, 'loaded', 'direct']),
        );
        assert.equal(finished[0]!.source, 'units');
        for (const r of reports) assert.equal(r.inserted, r.rowsTotal, r.source);
        for (const f of files) await importFile(one.db, { ...options, ...f, databaseUrl: one.url });
        assert.deepEqual(await counts(server.db), await counts(one.db));
      } finally {
        await server.drop();
        await one.drop();
      }
    });

    it('starts no file after a rejected one', async () => {
      const server = await freshServerDatabase();
      try {
        await ensureRegions(server.db);
        const bad = join(dir, 'units-with-a-bad-row.csv');
        const units = readFileSync(join(dir, 'units.csv'), 'utf8').trimEnd().split('\n');
        // the credit code's check character made wrong on the second data row
        const cells = units[2]!.split(',');
        cells[0] = cells[0]!.slice(0, 17) + (cells[0]!.endsWith('0') ? '1' : '0');
        units[2] = cells.join(',');
        writeFileSync(bad, units.join('\n'));
        const reports = await importFiles(server.db, [{ source: 'units', path: bad }, ...files.slice(1)], {
          ...options,
          databaseUrl: server.url,
        });
        assert.deepEqual(
          reports.map((r) => [r.source, r.status, r.rowsInvalid]),
          [['units', 'rejected', 1]],
        );
        assert.deepEqual(Object.values(await counts(server.db)), [0, 0, 0, 0, 0]);
      } finally {
        await server.drop();
      }
    });
  });
});
