/**
 * Runs a suite against both databases: the embedded PGlite and a real PostgreSQL server
 * (TEST_DATABASE_URL, which scripts/test.sh provides from a throwaway server). Outside CI a
 * missing server skips that half with one line; with CI=true it fails.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { loadMigrations, migrate, openDatabase, type Database, type DatabaseKind } from '@wengang/db';

export const inCI = process.env.CI === 'true';

/** A migrated, empty embedded database, cloned from a cached dump (initdb + migrate run once). */
export async function freshEmbeddedDatabase(): Promise<Database> {
  const migrations = loadMigrations();
  const key = createHash('sha256')
    .update(migrations.map((m) => m.checksum).join(','))
    .digest('hex')
    .slice(0, 16);
  const file = join(tmpdir(), `wengang-pglite-${key}.tar`);
  if (!existsSync(file)) {
    const db = await openDatabase({});
    await migrate(db, migrations);
    const dump = await db.dump!();
    await db.close();
    const temp = `${file}.${process.pid}`;
    writeFileSync(temp, Buffer.from(await dump.arrayBuffer()));
    renameSync(temp, file); // atomic: parallel test files never read a half-written dump
  }
  return openDatabase({ loadDataDir: new Blob([readFileSync(file)]) });
}

let counter = 0;

/** A migrated, empty database on the test PostgreSQL server, dropped again by `drop`. */
export async function freshServerDatabase(): Promise<{ db: Database; url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `wengang_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString() });
  await migrate(db);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const admin2 = new pg.Client({ connectionString: adminUrl });
      await admin2.connect();
      await admin2.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin2.end();
    },
  };
}

export const serverAvailable = (): boolean => Boolean(process.env.TEST_DATABASE_URL);

/**
 * describe() the suite once per database. `suite` receives a getter for the database of the
 * current run, valid inside its tests.
 */
export function describeEachDatabase(title: string, suite: (db: () => Database, kind: DatabaseKind) => void): void {
  for (const kind of ['embedded', 'postgres'] as const) {
    if (kind === 'postgres' && !serverAvailable()) {
      if (inCI) {
        describe(`${title} [postgres]`, () => {
          it('needs a PostgreSQL server', () => {
            throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL test layer cannot run');
          });
        });
      } else {
        console.log(`# skipped ${title} [postgres]: no PostgreSQL server (set TEST_DATABASE_URL or install initdb)`);
      }
      continue;
    }
    describe(`${title} [${kind}]`, () => {
      let current: Database | undefined;
      let drop: (() => Promise<void>) | undefined;
      before(async () => {
        if (kind === 'embedded') current = await freshEmbeddedDatabase();
        else ({ db: current, drop } = await freshServerDatabase());
      });
      after(async () => {
        if (drop) await drop();
        else await current?.close();
      });
      suite(() => {
        if (!current) throw new Error('database not ready');
        return current;
      }, kind);
    });
  }
}
