/**
 * Importing data files: row-by-row validation with line numbers and Chinese reasons, nothing
 * loaded from a file with bad rows unless the operator chooses so, re-import changes nothing,
 * CSV (BOM, quotes, CRLF, GB18030) and .xlsx, COPY on a server, suspicious data opening tasks.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Database } from '@wengang/db';
import { creditCodeCheckChar, residentIdCheckChar } from '@wengang/kernel';
import { describeEachDatabase, freshServerDatabase, serverAvailable } from '../../../test/support/databases';
import { WORKER_THRESHOLD } from '../src/import/digest';
import { ensureRegions, importFile, type ImportOptions } from '../src/index';

const uscc = (body: string) => body + creditCodeCheckChar(body);
const idNo = (body: string) => body + residentIdCheckChar(body);
const A = uscc('91371502MA3C4XK2Q');
const B = uscc('91371521MA3D7N8P5');
const C = uscc('91371581MA3F1R2T6');
const P1 = idNo('37150219900101123');
const P2 = idNo('37150219950315002');
const P3 = idNo('37152119880720004');

const unitsHeader =
  '统一社会信用代码,参保地行政区划代码,单位名称,行业代码,单位类型,劳务派遣企业,从业人员,营业收入（元）,资产总额（元）,基本账户开户银行,基本账户账号,单位状态';
const unitsCsv = [
  unitsHeader,
  `${A},371502,聊城市鲁西纺织有限公司,C17,10,否,320,35000000.00,20000000.00,中国工商银行聊城分行,1610002009200123456,1`,
  `${B},371521,阳谷县凤祥餐饮管理有限公司,H62,企业,否,15,2000000.50,800000,,,正常`,
  `${A.slice(0, 17)}X,371502,校验位错误的单位,C17,10,否,,,,,,1`,
  `${uscc('91999999MA3C4XK2Q')},999999,区划不存在的单位,C17,10,否,,,,,,1`,
  `${C},371581,,G54,10,否,,,,,,1`,
  `${uscc('91371581MA3F1R2T7')},371581,状态错误的单位,G54,10,否,,,,,,9`,
  `${uscc('91371581MA3F1R2T8')},371581,只有账号的单位,G54,10,否,,,,,1610002009200999999,1`,
  `${C},371581,临清市运河物流有限公司,G54,10,是,,,,,,1`,
  `${A},371502,聊城市鲁西纺织有限公司（重复）,C17,10,否,,,,,,1`,
].join('\n');

function csv(text: string): Pick<ImportOptions, 'stream' | 'fileName'> {
  return { stream: Readable.from([Buffer.from(text)]), fileName: 'file.csv' };
}

async function tableRows(db: Database, table: string): Promise<unknown[]> {
  return (await db.query(`SELECT * FROM ${table} ORDER BY 1, 2, 3`)).rows;
}

/** GB18030 bytes of a text, found by decoding the two-byte range (Node only decodes GB18030). */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, [number, number]>();
  for (let b1 = 0x81; b1 <= 0xfe; b1++) {
    for (let b2 = 0x40; b2 <= 0xfe; b2++) {
      if (b2 === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([b1, b2]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [b1, b2]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const pair = table.get(ch);
      assert.ok(pair, `no GB18030 code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

describeEachDatabase('importing data files', (db) => {
  before(async () => ensureRegions(db()));

  it('refuses a file with bad rows, reporting each line with its reason, and loads nothing', async () => {
    const report = await importFile(db(), { source: 'units', ...csv(unitsCsv), actor: 'test', today: '2023-01-01' });
    assert.equal(report.status, 'rejected');
    assert.equal(report.rowsTotal, 9);
    assert.equal(report.rowsInvalid, 6);
    assert.deepEqual(
      report.errors.map((e) => [e.line, e.field]),
      [
        [4, '统一社会信用代码'],
        [5, '参保地行政区划代码'],
        [6, '单位名称'],
        [7, '单位状态'],
        [8, '基本账户账号'],
        [10, '参保地行政区划代码、统一社会信用代码'],
      ],
    );
    assert.match(report.errors[0]!.message, /校验位（第18位）应为/);
    assert.match(report.errors[1]!.message, /不在本平台的区划表中/);
    assert.equal(report.errors[2]!.message, '必填，不能为空');
    assert.match(report.errors[3]!.message, /不是有效取值/);
    assert.match(report.errors[4]!.message, /开户银行与账号应同时填写/);
    assert.equal(report.errors[5]!.message, '与第 2 行的参保地行政区划代码、统一社会信用代码相同（同一文件中重复）');
    assert.deepEqual(await tableRows(db(), 'insured_units'), []);
    const { rows } = await db().query<{ status: string; n: number }>(
      'SELECT b.status, count(e.*)::int AS n FROM import_batches b JOIN import_errors e ON e.batch_id = b.id WHERE b.id = $1 GROUP BY b.status',
      [report.batchId],
    );
    assert.deepEqual(rows, [{ status: 'rejected', n: 6 }]);
  });

  it('loads the good rows when the operator chooses so, then a re-import changes nothing', async () => {
    const first = await importFile(db(), { source: 'units', ...csv(unitsCsv), loadValid: true, today: '2023-01-01' });
    assert.equal(first.status, 'partial');
    assert.deepEqual([first.inserted, first.updated, first.unchanged], [3, 0, 0]);
    const before = await tableRows(db(), 'insured_units');
    assert.equal(before.length, 3);
    const again = await importFile(db(), { source: 'units', ...csv(unitsCsv), loadValid: true, today: '2023-01-01' });
    assert.deepEqual([again.inserted, again.updated, again.unchanged, again.rowsInvalid], [0, 0, 3, 6]);
    assert.deepEqual(await tableRows(db(), 'insured_units'), before);
    assert.equal(first.sha256, again.sha256);
  });

  it('derives the enterprise size from the figures and updates only changed rows', async () => {
    const { rows } = await db().query<{ credit_code: string; size_class: string | null; revenue_fen: number | null }>(
      'SELECT credit_code, size_class, revenue_fen FROM insured_units ORDER BY credit_code',
    );
    // 纺织（工业）320 人、营业收入 3500 万元 → 中型; 餐饮 15 人、200 万元 → 小型; no figures → unknown
    assert.deepEqual(
      rows.map((r) => [r.credit_code, r.size_class, r.revenue_fen]),
      [
        [A, 'medium', 3_500_000_000],
        [B, 'small', 200_000_050],
        [C, null, null],
      ].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
    );
    const changed = unitsCsv.replace('聊城市鲁西纺织有限公司', '聊城市鲁西纺织集团有限公司');
    const report = await importFile(db(), { source: 'units', ...csv(changed), loadValid: true, today: '2023-01-01' });
    assert.deepEqual([report.inserted, report.updated, report.unchanged], [0, 1, 2]);
  });

  it('reads BOM, quoted fields, CRLF and resident-ID check characters; names the unit not imported', async () => {
    const rows = [
      '\ufeff公民身份号码,姓名,统一社会信用代码,参保地行政区划代码,开始年月,终止年月,个人缴费状态,减员原因',
      `${P1},"张三,（曾用名 ""张叁""）",${A},371502,2019-01,2019-06,3,07`,
      `${P2},李四,${A},371502,202201,,1,`,
      `${P3.slice(0, 17)}0,王五,${A},371502,2021-03,,1,`,
      `${P3},王五,${A},371502,2021-03,2020-12,3,07`,
      `${P3},王五,${A},371502,2021-03,2021-05,3,`,
      `${P2},李四,${A},371502,2022-01,,1,`,
      `${P3},王五,${uscc('91371581MA3F1R2T9')},371581,2021-03,,1,`,
      `${P3},王五,${B},371502,2021-03,,1,`,
    ].join('\r\n');
    const report = await importFile(db(), { source: 'spells', ...csv(rows), today: '2023-01-01' });
    assert.equal(report.status, 'rejected');
    assert.deepEqual(
      report.errors.map((e) => [e.line, e.field]),
      [
        [4, '公民身份号码'],
        [5, '终止年月'],
        [6, '减员原因'],
        [7, '参保地行政区划代码、统一社会信用代码、公民身份号码、开始年月'],
        [8, '统一社会信用代码'],
        [9, '统一社会信用代码'],
      ],
    );
    assert.match(report.errors[0]!.message, /第18位校验码应为/);
    assert.equal(report.errors[1]!.message, '终止年月早于开始年月');
    assert.equal(report.errors[2]!.message, '已填写终止年月，减员原因必填');
    assert.match(report.errors[3]!.message, /^与第 3 行的/);
    assert.match(report.errors[4]!.message, /不在参保单位数据中，请先导入参保单位/);
    assert.match(report.errors[5]!.message, /参保地为 371521，不是 371502/);
    const loaded = await importFile(db(), { source: 'spells', ...csv(rows), loadValid: true, today: '2023-01-01' });
    assert.equal(loaded.inserted, 2);
    const { rows: names } = await db().query<{ name: string; from_month: string }>(
      'SELECT name, from_month FROM ui_spells ORDER BY from_month',
    );
    assert.deepEqual(names, [
      { name: '张三,（曾用名 "张叁"）', from_month: '2019-01-01' },
      { name: '李四', from_month: '2022-01-01' },
    ]);
  });

  it('reads GB18030 files when told so', async () => {
    const text = `行政区划代码,年度,月失业保险金标准（元）\n371502,2019,1467.00\n371521,2019,1305.00\n`;
    const wrong = await importFile(db(), {
      source: 'benefit-standards',
      stream: Readable.from([gb18030(text)]),
      fileName: 'gbk.csv',
    }).catch((e: Error) => e);
    assert.ok(
      wrong instanceof Error && /UTF-8/.test(wrong.message),
      'a GB18030 file read as UTF-8 is refused with a hint',
    );
    const report = await importFile(db(), {
      source: 'benefit-standards',
      stream: Readable.from([gb18030(text)]),
      fileName: 'gbk.csv',
      encoding: 'gb18030',
    });
    assert.deepEqual([report.status, report.inserted], ['loaded', 2]);
  });

  it('reads .xlsx files (first worksheet), dates as date cells or text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('毕业生');
    sheet.addRow(['公民身份号码', '姓名', '毕业时间', '证书类型', '学历', '毕业学校']);
    sheet.addRow([P2, '李四', new Date(Date.UTC(2022, 5, 30)), '普通高等学校毕业证书', '大学本科', '聊城大学']);
    sheet.addRow([P3, '王五', '2022-07', '1', '21', '山东大学']);
    sheet.addRow([P1, '张三', '2022-13-01', '1', '', '']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await importFile(db(), {
      source: 'graduates',
      stream: Readable.from([buffer]),
      fileName: 'graduates.xlsx',
      loadValid: true,
    });
    assert.equal(report.format, 'xlsx');
    assert.deepEqual(
      report.errors.map((e) => [e.line, e.field]),
      [[4, '毕业时间']],
    );
    const { rows } = await db().query<{
      person_id: string;
      graduation_date: string;
      diploma_type: string;
      education_level: string;
    }>('SELECT person_id, graduation_date, diploma_type, education_level FROM graduates ORDER BY person_id');
    assert.deepEqual(
      rows.map((r) => [r.person_id, r.graduation_date, r.diploma_type, r.education_level]),
      [
        [P2, '2022-06-30', '1', '21'],
        [P3, '2022-07-01', '1', '21'],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
  });

  it('names a file that is not there', async () => {
    await assert.rejects(
      importFile(db(), { source: 'units', path: join(tmpdir(), 'wengang-no-such-dir', '参保单位.csv') }),
      /找不到文件“.*参保单位\.csv”，请检查路径/,
    );
  });

  it('refuses a file without a required column, naming it', async () => {
    await assert.rejects(
      importFile(db(), { source: 'graduates', ...csv('公民身份号码,姓名\n') }),
      /第 1 行（表头）缺少必填列：毕业时间（AAC181）、证书类型/,
    );
  });

  it('opens one verification task per suspicious record, once', async () => {
    const text = [
      '下发批次号,序号,疑点类型,补贴项目,公民身份号码,姓名,统一社会信用代码,参保地行政区划代码,案件编号,疑点说明,下发日期',
      `部〔2023〕1号,1,跨省重复享受,一次性扩岗补助,${P2},李四,${A},371502,,外省同期享受,2023-02-15`,
      `部〔2023〕1号,2,身份不实,一次性扩岗补助,${P1.slice(0, 17)}0,张三,${A},371502,,身份信息不一致,2023-02-15`,
    ].join('\n');
    const first = await importFile(db(), { source: 'suspicious', ...csv(text) });
    assert.deepEqual([first.status, first.tasksOpened], ['loaded', 2]);
    const again = await importFile(db(), { source: 'suspicious', ...csv(text) });
    assert.deepEqual([again.unchanged, again.tasksOpened], [2, 0]);
    const { rows } = await db().query<{ status: string; case_id: string | null }>(
      'SELECT status, case_id FROM verification_tasks',
    );
    assert.deepEqual(rows, [
      { status: 'open', case_id: null },
      { status: 'open', case_id: null },
    ]);
  });
});

describe(
  'importing with COPY on a PostgreSQL server',
  { skip: serverAvailable() ? false : 'no PostgreSQL server' },
  () => {
    let server: Awaited<ReturnType<typeof freshServerDatabase>>;
    before(async () => {
      server = await freshServerDatabase();
      await ensureRegions(server.db);
      await importFile(server.db, { source: 'units', ...csv(unitsCsv), loadValid: true, today: '2023-01-01' });
    });
    after(async () => server?.drop());

    it('streams the good rows through COPY and merges them by natural key', async () => {
      const lines = ['公民身份号码,姓名,统一社会信用代码,参保地行政区划代码,开始年月,终止年月,个人缴费状态,减员原因'];
      for (let i = 0; i < 3000; i++) {
        const body = `3715021990${String(1010000 + i).slice(-7)}`;
        lines.push(`${idNo(body)},职工\t${i},${A},371502,2020-01,,1,`);
      }
      lines.push(`${P1.slice(0, 17)}0,错,${A},371502,2020-01,,1,`);
      const text = lines.join('\n');
      const options = { source: 'spells', databaseUrl: server.url, loadValid: true, today: '2023-01-01' };
      const report = await importFile(server.db, { ...options, ...csv(text) });
      assert.deepEqual([report.status, report.inserted, report.rowsInvalid], ['partial', 3000, 1]);
      const again = await importFile(server.db, { ...options, ...csv(text) });
      assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 0, 3000]);
      const { rows } = await server.db.query<{ n: number; tabbed: number }>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE name LIKE E'职工\\t%')::int AS tabbed FROM ui_spells`,
      );
      assert.deepEqual(rows, [{ n: 3000, tabbed: 3000 }]);
    });

    it('records the SHA-256 of a large file, hashed beside the reading', async () => {
      const lines = ['公民身份号码,姓名,统一社会信用代码,参保地行政区划代码,开始年月,终止年月,个人缴费状态,减员原因'];
      for (let i = 0; i < 250_000; i++) {
        // a real birth date for every number: month, day (1–28) and sequence from i
        const date = `${String(1 + (Math.floor(i / 28_000) % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 1000) % 28)).padStart(2, '0')}`;
        lines.push(`${idNo(`3715021985${date}${String(i % 1000).padStart(3, '0')}`)},职工${i},${B},371521,2021-03,,1,`);
      }
      const bytes = Buffer.from(lines.join('\n'));
      assert.ok(bytes.length >= WORKER_THRESHOLD, `${bytes.length} bytes: large enough for the worker`);
      const dir = mkdtempSync(join(tmpdir(), 'wengang-import-test-'));
      try {
        const path = join(dir, '参保缴费记录.csv');
        writeFileSync(path, bytes);
        const report = await importFile(server.db, {
          source: 'spells',
          path,
          databaseUrl: server.url,
          today: '2023-01-01',
        });
        assert.deepEqual([report.status, report.inserted], ['loaded', 250_000]);
        assert.equal(report.sha256, createHash('sha256').update(bytes).digest('hex'));
        const { rows } = await server.db.query<{ sha: string }>(
          'SELECT file_sha256 AS sha FROM import_batches WHERE id = $1',
          [report.batchId],
        );
        assert.equal(rows[0]!.sha, report.sha256);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);
