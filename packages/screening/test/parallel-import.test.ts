/**
 * A large file read on several threads (the direct load on a server): the same rows as one thread,
 * the unit check done on every thread, and a bad row anywhere sending the file to the general
 * path, which reports it with its line.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { creditCodeCheckChar, residentIdCheckChar } from '@wengang/kernel';
import { freshServerDatabase, serverAvailable } from '../../../test/support/databases';
import { ensureRegions, ImportError, importFile } from '../src/index';

const uscc = (body: string) => body + creditCodeCheckChar(body);
const idNo = (body: string) => body + residentIdCheckChar(body);
const A = uscc('91371502MA3C4XK2Q');
const B = uscc('91371521MA3D7N8P5');
const HEADER = '公民身份号码,姓名,统一社会信用代码,参保地行政区划代码,开始年月,终止年月,个人缴费状态,减员原因';

/** Spells rows alternating between two units of two counties, every person ID valid. */
function spellLines(n: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    // one person per row: a birth date per thousand rows, a sequence number within it
    const k = Math.floor(i / 1000);
    const birth = `19${80 + (k % 20)}${String(1 + (k % 12)).padStart(2, '0')}${String(1 + (k % 28)).padStart(2, '0')}`;
    const id = idNo(`371502${birth}${String(i % 1000).padStart(3, '0')}`);
    const [unit, region] = i % 3 === 0 ? [B, '371521'] : [A, '371502'];
    lines.push(`${id},职工${i},${unit},${region},20${20 + (i % 3)}-0${1 + (i % 9)},,1,`);
  }
  return lines;
}

describe(
  'reading a large file on several threads',
  { skip: serverAvailable() ? false : 'no PostgreSQL server' },
  () => {
    let server: Awaited<ReturnType<typeof freshServerDatabase>>;
    const dir = mkdtempSync(join(tmpdir(), 'wengang-parallel-'));
    const write = (name: string, lines: string[]) => {
      const path = join(dir, name);
      writeFileSync(path, [HEADER, ...lines].join('\n'));
      return path;
    };
    const options = (path: string, readingThreads: number) => ({
      source: 'spells',
      path,
      today: '2023-01-01',
      databaseUrl: server.url,
      readingThreads,
      parallelFrom: 0,
    });
    const spells = async () =>
      (await server.db.query('SELECT * FROM ui_spells ORDER BY credit_code, person_id, from_month')).rows;

    before(async () => {
      server = await freshServerDatabase();
      await ensureRegions(server.db);
      const units = [
        '统一社会信用代码,参保地行政区划代码,单位名称,行业代码,单位类型,劳务派遣企业,单位状态',
        `${A},371502,聊城市鲁西纺织有限公司,C17,10,否,1`,
        `${B},371521,阳谷县凤祥餐饮管理有限公司,H62,10,否,1`,
      ].join('\n');
      await importFile(server.db, {
        source: 'units',
        stream: Readable.from([Buffer.from(units)]),
        fileName: 'units.csv',
        today: '2023-01-01',
      });
    });
    after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await server?.drop();
    });

    it('loads the same rows as one thread, each checked against the units of its county', async () => {
      const lines = spellLines(30_000);
      const path = write('spells.csv', lines);
      const parallel = await importFile(server.db, options(path, 3));
      assert.deepEqual(
        [parallel.status, parallel.via, parallel.readers, parallel.rowsTotal, parallel.inserted],
        ['loaded', 'direct', 3, 30_000, 30_000],
      );
      const rows = await spells();
      await server.db.exec('TRUNCATE ui_spells');
      const single = await importFile(server.db, options(path, 1));
      assert.deepEqual(
        [single.via, single.readers, single.inserted, single.sha256],
        ['direct', 1, 30_000, parallel.sha256],
      );
      assert.deepEqual(await spells(), rows);
      await server.db.exec('TRUNCATE ui_spells');
    });

    it('gives way to the general path at a bad row in any range, which reports it by its line', async () => {
      const lines = spellLines(20_000);
      // near the end: in the last range; a unit insured in another county
      lines[19_990] = lines[19_990]!.replace(`${A},371502`, `${A},371521`);
      const path = write('bad.csv', lines);
      const report = await importFile(server.db, options(path, 2));
      assert.deepEqual([report.status, report.via, report.readers, report.rowsInvalid], ['rejected', 'staging', 1, 1]);
      assert.equal(report.errors[0]!.line, 19_992);
      assert.match(report.errors[0]!.message, /371502/);
      assert.equal((await spells()).length, 0, 'nothing loaded');

      // the threads are still there for the next file
      const good = await importFile(server.db, options(write('good.csv', spellLines(10_000)), 2));
      assert.deepEqual([good.status, good.via, good.readers, good.inserted], ['loaded', 'direct', 2, 10_000]);
      await server.db.exec('TRUNCATE ui_spells');
    });

    it('sends a clean file that repeats a key to the general path, on one thread or several', async () => {
      const lines = spellLines(12_000);
      lines.push(lines[5]!.replace('职工5,', '职工五,'));
      const path = write('repeated.csv', lines);
      for (const threads of [1, 2]) {
        const report = await importFile(server.db, options(path, threads));
        assert.deepEqual([report.status, report.via, report.rowsInvalid], ['rejected', 'staging', 1]);
        assert.deepEqual(
          report.errors.map((e) => [e.line, e.message]),
          [[12_002, '与第 7 行的参保地行政区划代码、统一社会信用代码、公民身份号码、开始年月相同（同一文件中重复）']],
        );
      }
      assert.equal((await spells()).length, 0, 'nothing loaded');
    });

    it('names a missing required column as one thread does', async () => {
      const path = join(dir, 'no-unit.csv');
      writeFileSync(
        path,
        [
          '公民身份号码,姓名,参保地行政区划代码,开始年月',
          ...Array(5000).fill(`${idNo('37150219900101123')},甲,371502,2020-01`),
        ].join('\n'),
      );
      await assert.rejects(importFile(server.db, options(path, 2)), (e: unknown) => {
        assert.ok(e instanceof ImportError);
        assert.match(e.message, /缺少必填列：统一社会信用代码/);
        return true;
      });
    });
  },
);
