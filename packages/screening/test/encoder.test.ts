/**
 * The import's byte-level hot path against the general one: every cell the row encoder writes
 * directly must be stored exactly as parseField would store it, and every other cell must get
 * parseField's own verdict and message; the byte CSV splitter must find the same records, cells
 * and line numbers as readCsv, however the file is cut into chunks.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { creditCodeCheckChar, residentIdCheckChar } from '@wengang/kernel';
import { CopyBuffer, RowEncoder, UnitIndex } from '../src/import/encoder';
import type { RowError } from '../src/import/import-error';
import { clean, FieldError, parseField, type FieldType } from '../src/import/fields';
import {
  deriveSize,
  deriveSizeDirectly,
  LAYOUTS,
  PROGRAMMES,
  UNIT_STATUSES,
  type SourceLayout,
} from '../src/import/layouts';
import { CsvSplitter, readCsv, StringRecords } from '../src/import/readers';
import { parseCopyRows } from '../src/import/staging';
import { Random } from '../src/generate/random';

const TODAY = '2023-06-30';

/** What the general path makes of one cell of a field. */
function expected(
  type: FieldType,
  required: boolean,
  fallback: string | undefined,
  cell: string,
): string | null | FieldError {
  const value = clean(cell);
  if (value === '') return required ? new FieldError('必填，不能为空') : (fallback ?? null);
  return parseField(type, value, TODAY);
}

const encoders = new Map<string, RowEncoder>();

/** What the encoder makes of the same cell (a one-field layout; one encoder per field, so it remembers cells). */
function encoded(
  type: FieldType,
  required: boolean,
  fallback: string | undefined,
  cell: string,
): string | null | FieldError {
  const key = JSON.stringify([type, required, fallback]);
  let encoder = encoders.get(key);
  if (!encoder) {
    const layout: SourceLayout = {
      id: 'units',
      title: 't',
      table: 't',
      description: '',
      key: ['x'],
      fields: [
        { column: 'x', header: 'X', type, required, pg: 'text', ...(fallback !== undefined ? { fallback } : {}) },
      ],
    };
    encoder = new RowEncoder(layout, [0], TODAY, { withLine: true });
    encoders.set(key, encoder);
  }
  const out = new CopyBuffer(64);
  const errors: RowError[] = [];
  const buf = Buffer.from(`,${cell},`);
  const ok = encoder.encode(7, buf, Int32Array.of(1), Int32Array.of(buf.length - 1), 1, out, (e) => errors.push(e));
  if (!ok) {
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.line, 7);
    assert.equal(errors[0]!.value, cell === '' ? null : cell);
    return new FieldError(errors[0]!.message);
  }
  const [lines, values] = parseCopyRows(out.buf.toString('utf8', 0, out.pos), 2);
  assert.deepEqual(lines, ['7']);
  return values![0]!;
}

const uscc = (body: string) => body + creditCodeCheckChar(body);
const idNo = (body: string) => body + residentIdCheckChar(body);

function cellsFor(type: FieldType, random: Random): string[] {
  const pick = <T>(xs: readonly T[]) => xs[random.int(0, xs.length - 1)]!;
  const digits = (n: number) => Array.from({ length: n }, () => String(random.int(0, 9))).join('');
  const around = (v: string) => [v, ` ${v}`, `${v} `, `\u3000${v}`, `${v}\u00a0`, v.toLowerCase(), `${v}x`, v.slice(1)];
  switch (type.kind) {
    case 'personId': {
      const birth = `${random.int(1795, 2024)}${String(random.int(0, 13)).padStart(2, '0')}${String(random.int(0, 32)).padStart(2, '0')}`;
      const body = `371502${birth}${digits(3)}`;
      const good = idNo(body);
      return [
        ...around(good),
        `${body}${pick(['0', '1', 'X', 'x', '9'])}`,
        good.replace(/.$/, 'x'),
        `３７${good.slice(2)}`,
        `371502${TODAY.replace(/-/g, '')}${digits(3)}`.replace(/^(.{17})$/, (m) => idNo(m)),
        digits(18),
        digits(15),
      ];
    }
    case 'creditCode': {
      const good = uscc(`913715${digits(5)}MA3${pick(['C', 'D', 'Q', 'Y'])}${digits(2)}`);
      return [
        ...around(good),
        good.slice(0, 17) + pick(['0', 'A', 'Y', 'S']),
        `${good.slice(0, 12)}${pick(['I', 'O', 'Z', 'a'])}${good.slice(13)}`,
        // a registration department, organisation type or region that the full check refuses
        uscc(
          `${pick(['0', 'B', '9'])}${pick(['1', '4', 'A'])}${pick(['3715', '9915', '1000', 'AB15'])}${good.slice(6, 17)}`,
        ),
        `${good.slice(0, 5)} ${good.slice(5)}`,
      ];
    }
    case 'region':
      return [...around(pick(['371502', '371521', '371500', '652301'])), '999999', '37150', '３７１５０２', digits(6)];
    case 'industry':
      return [...around(pick(['H62', 'C17', 'G5411', 'T9', 'U12', 'A0111'])), 'h62', 'H６2'];
    case 'date':
      return [
        ...around(
          `${random.int(1890, 2100)}-${String(random.int(0, 13)).padStart(2, '0')}-${String(random.int(0, 32)).padStart(2, '0')}`,
        ),
        `${random.int(1890, 2100)}-${String(random.int(0, 13)).padStart(2, '0')}`,
        '2022/3/1',
        '20220301',
        '2022年3月1日',
        '44562',
        '2022-02-29',
        '2024-02-29',
        '1900-01-01',
        '1899-12-31',
        '2022-7',
        '1x00-05',
      ];
    case 'month':
      return [
        ...around(`${random.int(1890, 2100)}-${String(random.int(0, 13)).padStart(2, '0')}`),
        '202207',
        '2022/7',
        '2022年7月',
        '2022-07-01',
        '2022-07-02',
        '1x00-05',
        '１９９０-05',
      ];
    case 'year':
      return [...around(String(random.int(1985, 2105))), '２０２２', '20 22', '0'];
    case 'int':
      return [...around(String(random.int(-5, 400))), '007', '0', '-0', '1e3', '12345678901234567', '1.0', '+3'];
    case 'fen':
      return [
        ...around(`${random.int(0, 99999)}.${digits(random.int(0, 3))}`),
        String(random.int(0, 1e6)),
        '0.5',
        '0.05',
        '.5',
        '5.',
        '-12.30',
        `-${random.int(0, 99999)}.${digits(random.int(0, 3))}`,
        '-0.00',
        '-0',
        '-.5',
        '--1',
        '+1',
        '1,234.56',
        '00012.30',
        '0.00',
        '000',
        '00.07',
        '-00.10',
        '-0.07',
        '10',
        '99999999999999.99',
        '9999999999999.99',
        '１２.3',
      ];
    case 'bool':
      return [...around(pick(['是', '否', '1', '0', 'Y', 'n', 'true', '√', '×', '对'])), '是 ', '否'];
    case 'bankAccount':
      return [...around(digits(random.int(6, 34))), `${digits(4)} ${digits(8)}`, '１２３４５６７８９'];
    case 'enum':
      return [...around(pick(type.codes.flatMap((c) => c.spellings))), '正常', '正常', 'unknown', ''];
    case 'text':
      return [
        '聊城市鲁西纺织有限公司',
        ' 前后有空格 ',
        '制表\t符',
        '反斜\\杠',
        '换行\r符',
        '😀'.repeat(random.int(20, 30)),
        'x'.repeat(random.int(45, 55)),
        '\u3000全角空格',
        '末尾\u2003',
        '',
      ];
  }
}

describe('the row encoder stores every cell as parseField does', () => {
  const types: [string, FieldType][] = [
    ['personId', { kind: 'personId' }],
    ['personId lenient', { kind: 'personId', lenient: true }],
    ['creditCode', { kind: 'creditCode' }],
    ['creditCode full', { kind: 'creditCode', full: true }],
    ['region', { kind: 'region' }],
    ['industry', { kind: 'industry' }],
    ['date', { kind: 'date' }],
    ['date or month', { kind: 'date', monthAllowed: true }],
    ['month', { kind: 'month' }],
    ['year', { kind: 'year' }],
    ['int', { kind: 'int', min: 0, max: 366 }],
    ['int signed', { kind: 'int' }],
    ['fen', { kind: 'fen' }],
    ['fen signed', { kind: 'fen', signed: true }],
    ['bool', { kind: 'bool' }],
    ['bankAccount', { kind: 'bankAccount' }],
    ['enum', { kind: 'enum', codes: UNIT_STATUSES }],
    ['enum programmes', { kind: 'enum', codes: PROGRAMMES }],
    ['text', { kind: 'text', maxLength: 50 }],
  ];
  for (const [name, type] of types) {
    it(name, () => {
      const random = new Random(2022);
      for (let round = 0; round < 300; round++) {
        for (const cell of cellsFor(type, random)) {
          for (const [required, fallback] of [
            [true, undefined],
            [false, undefined],
            [false, 'f'],
          ] as const) {
            const want = expected(type, required, fallback, cell);
            const got = encoded(type, required, fallback, cell);
            assert.deepEqual(got, want, `${name} ${JSON.stringify(cell)} required=${required}`);
          }
        }
      }
    });
  }
});

describe('the row encoder checks rows as the layouts do', () => {
  it('rowCheck and derived columns read only the columns the layout lists in reads', () => {
    for (const layout of LAYOUTS) {
      const sources = [layout.rowCheck?.toString() ?? '', ...(layout.derived ?? []).map((d) => d.compute.toString())];
      const used = new Set(sources.flatMap((s) => [...s.matchAll(/\brow\.([a-z_]+)/g)].map((m) => m[1]!)));
      for (const column of used) {
        assert.ok(layout.reads?.includes(column), `${layout.id}: rowCheck/derived read ${column}, not in reads`);
      }
      for (const column of layout.reads ?? []) {
        assert.ok(
          layout.fields.some((f) => f.column === column),
          `${layout.id}: reads lists ${column}, not a field`,
        );
      }
    }
  });

  it('derives the enterprise size as the kernel does, remembering its decisions', () => {
    const random = new Random(7);
    const industries = [
      'A01',
      'C17',
      'E47',
      'F51',
      'F52',
      'G54',
      'G59',
      'G60',
      'H61',
      'H62',
      'I63',
      'I65',
      'K701',
      'K702',
      'L72',
      'M74',
      'Z99',
    ];
    const figure = (max: number) => (random.next() < 0.2 ? null : String(random.int(0, max)));
    for (let i = 0; i < 20_000; i++) {
      const row = {
        industry_code: industries[random.int(0, industries.length - 1)]!,
        employees: figure(random.next() < 0.5 ? 30 : 3000),
        revenue_fen: figure(random.next() < 0.5 ? 5_000_000_00 : 2_000_000_000_00),
        assets_fen: figure(random.next() < 0.5 ? 5_000_000_00 : 2_000_000_000_00),
        declared_size: random.next() < 0.5 ? null : 'small',
      };
      assert.equal(deriveSize(row), deriveSizeDirectly(row), JSON.stringify(row));
    }
  });

  it('names the unit a row refers to when it is not imported, or imported elsewhere', async () => {
    const A = uscc('91371502MA3C4XK2Q');
    const B = uscc('91371521MA3D7N8P5');
    const units = await UnitIndex.load({
      query: async <R>() => ({ rows: [{ region_code: '371502', codes: [A, B].sort().join('') }] as R[] }),
    });
    const layout = LAYOUTS.find((l) => l.id === 'contributions')!;
    const encoder = new RowEncoder(layout, [0, 1, 2, 3, 4, 5, 6], TODAY, { withLine: false, units });
    const errors: RowError[] = [];
    const out = new CopyBuffer();
    const encode = (line: number, text: string) => {
      const records: [Buffer, Int32Array, Int32Array, number][] = [];
      new StringRecords((_l, buf, starts, ends, cells) =>
        records.push([Buffer.from(buf), starts.slice(), ends.slice(), cells]),
      ).push({ line, cells: text.split(',') });
      const [buf, starts, ends, cells] = records[0]!;
      return encoder.encode(line, buf, starts, ends, cells, out, (e) => errors.push(e));
    };
    assert.equal(encode(2, `${A},371502,2021,100.00,50.00,12,`), true);
    assert.equal(encode(3, `${A},371502,2022,100.00,50.00,12,`), true);
    assert.equal(encode(4, `${B},371502,2021,100.00,50.00,12,`), true);
    assert.equal(encode(5, `${A},371521,2021,100.00,50.00,12,`), false);
    assert.equal(encode(6, `${uscc('91371581MA3F1R2T9')},371502,2021,1,1,1,`), false);
    // cells that take the general path (spaces, lower case) are checked all the same
    assert.equal(encode(7, ` ${uscc('91371581MA3F1R2T9').toLowerCase()} , 371502 ,2021,1,1,1,`), false);
    assert.equal(encode(8, `${B.toLowerCase()}, 371521,2021,1,1,1,`), false);
    assert.equal(encode(9, ` ${B} , 371502 ,2020,1,1,1,`), true);
    assert.deepEqual(
      errors.map((e) => [e.line, e.field, e.message]),
      [
        [5, '统一社会信用代码', `单位 ${A} 的参保地为 371502，不是 371521`],
        [6, '统一社会信用代码', `单位 ${uscc('91371581MA3F1R2T9')} 不在参保单位数据中，请先导入参保单位`],
        [7, '统一社会信用代码', `单位 ${uscc('91371581MA3F1R2T9')} 不在参保单位数据中，请先导入参保单位`],
        [8, '统一社会信用代码', `单位 ${B} 的参保地为 371502，不是 371521`],
      ],
    );
  });
});

describe('both-or-neither pairs', () => {
  it('refuse a bank without its account number and a number without its bank, naming the number', () => {
    const layout = LAYOUTS.find((l) => l.id === 'units')!;
    const header = layout.fields.map((_f, i) => i);
    const encoder = new RowEncoder(layout, header, TODAY, { withLine: false });
    const errors: RowError[] = [];
    const out = new CopyBuffer();
    const column = (name: string) => layout.fields.findIndex((f) => f.column === name);
    const encode = (line: number, accounts: Record<string, string>) => {
      const cells = layout.fields.map(() => '');
      Object.assign(cells, {
        [column('credit_code')]: uscc('91371502MA3C4XK2Q'),
        [column('region_code')]: '371502',
        [column('name')]: '聊城市某某有限公司',
        [column('industry_code')]: 'C17',
        [column('unit_type')]: '10',
        [column('status')]: '1',
      });
      for (const [name, value] of Object.entries(accounts)) cells[column(name)] = value;
      const records: [Buffer, Int32Array, Int32Array, number][] = [];
      new StringRecords((_l, buf, starts, ends, n) =>
        records.push([Buffer.from(buf), starts.slice(), ends.slice(), n]),
      ).push({ line, cells });
      const [buf, starts, ends, n] = records[0]!;
      return encoder.encode(line, buf, starts, ends, n, out, (e) => errors.push(e));
    };
    assert.equal(encode(2, {}), true);
    assert.equal(encode(3, { basic_account_bank: '工商银行聊城分行', basic_account_no: '6222020000000001' }), true);
    assert.equal(encode(4, { basic_account_bank: '工商银行聊城分行' }), false);
    assert.equal(encode(5, { basic_account_no: '6222020000000001' }), false);
    // a cell that takes the general path (surrounding spaces) counts as filled too
    assert.equal(encode(6, { basic_account_no: ' 6222020000000002 ' }), false);
    assert.equal(encode(7, { tax_account_no: '6222020000000003' }), false);
    assert.equal(encode(8, { tax_account_bank: '农业银行聊城分行', tax_account_no: ' 6222020000000004' }), true);
    assert.deepEqual(
      errors.map((e) => [e.line, e.field, e.value, e.message]),
      [
        [4, '基本账户账号', null, '基本账户的开户银行与账号应同时填写'],
        [5, '基本账户账号', '6222020000000001', '基本账户的开户银行与账号应同时填写'],
        [6, '基本账户账号', '6222020000000002', '基本账户的开户银行与账号应同时填写'],
        [7, '税务提供对公账户账号', '6222020000000003', '税务提供对公账户的开户银行与账号应同时填写'],
      ],
    );
  });
});

describe('the byte CSV splitter reads files as readCsv does', () => {
  const files = [
    '\ufeffa,b,c\r\n1,2,3\r\n"x,y","say ""hi""",\r\n\r\n4,5,6',
    'a,b\n"multi\nline",2\n3,"quoted at end"\n"",\n,\n',
    'a,b\n"un"quoted,x"y\n"a""b",c\n',
    '公民身份号码,姓名\n371502199001011234,张三\n371502199001011234,"李,四"\n\n\n末行,无换行',
    'a\n"\r\n",z\n',
    `${Array.from({ length: 150 }, (_, i) => `c${i}`).join(',')}\n${Array.from({ length: 150 }, (_, i) => (i % 7 === 0 ? `"${i},"` : i)).join(',')}\n`,
  ];
  for (const [i, text] of files.entries()) {
    it(`file ${i + 1}, cut into chunks of every size`, async () => {
      const bytes = Buffer.from(text);
      const want: { line: number; cells: string[] }[] = [];
      for await (const batch of readCsv(Readable.from([bytes]))) want.push(...batch);
      for (let size = 1; size <= bytes.length; size++) {
        const got: { line: number; cells: string[] }[] = [];
        const splitter = new CsvSplitter((line, buf, starts, ends, cells) => {
          const row: string[] = [];
          for (let c = 0; c < cells; c++) row.push(buf.toString('utf8', starts[c], ends[c]));
          got.push({ line, cells: row });
        });
        for (let at = 0; at < bytes.length; at += size) splitter.push(bytes.subarray(at, at + size));
        splitter.end();
        assert.deepEqual(got, want, `chunks of ${size}`);
      }
    });
  }

  it('refuses bytes that are not UTF-8, and an unclosed quote', () => {
    assert.throws(() => {
      const s = new CsvSplitter(() => undefined);
      s.push(Buffer.from([0x61, 0x0a, 0xc4, 0xe3, 0x0a]));
    }, /UTF-8/);
    assert.throws(() => {
      const s = new CsvSplitter(() => undefined);
      s.push(Buffer.from('a\n"open\n'));
      s.end();
    }, /引号未闭合/);
  });
});
