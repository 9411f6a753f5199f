import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkDeclaredSize,
  classifyEnterpriseSize,
  ENTERPRISE_SIZE_LABELS,
  isSizeIndustry,
  isSme,
  SIZE_INDUSTRIES,
  SIZE_STANDARD_CITATION,
  SIZE_TABLE,
  type EnterpriseSize,
  type SizeInput,
} from '../src/enterprise-size';

const WAN = 10_000;

function sizeOf(input: SizeInput): EnterpriseSize | string[] {
  const r = classifyEnterpriseSize(input);
  return 'missing' in r ? r.missing : r.size;
}

describe('size table', () => {
  it('has the 16 rows of 第四条 in order, with unique keys', () => {
    assert.equal(SIZE_TABLE.length, 16);
    assert.equal(new Set(SIZE_TABLE.map((r) => r.industry)).size, 16);
    assert.deepEqual(
      SIZE_INDUSTRIES.map((i) => i.name),
      [
        '农、林、牧、渔业',
        '工业',
        '建筑业',
        '批发业',
        '零售业',
        '交通运输业',
        '仓储业',
        '邮政业',
        '住宿业',
        '餐饮业',
        '信息传输业',
        '软件和信息技术服务业',
        '房地产开发经营',
        '物业管理',
        '租赁和商务服务业',
        '其他未列明行业',
      ],
    );
    assert.equal(SIZE_TABLE[12]!.clause, '第四条（十三）');
  });

  it('orders each row: ceiling above medium floor above small floor, per metric', () => {
    for (const row of SIZE_TABLE) {
      for (const small of row.smallFloors) {
        const medium = row.mediumFloors.find((f) => f.metric === small.metric);
        const ceiling = row.smeCeilings.find((f) => f.metric === small.metric);
        assert.ok(medium && medium.value > small.value, `${row.name} ${small.metric}`);
        assert.ok(!ceiling || ceiling.value > medium.value, `${row.name} ${small.metric}`);
      }
    }
  });

  it('cites the standard', () => {
    assert.equal(SIZE_STANDARD_CITATION.doc, '工信部联企业〔2011〕300号');
    assert.equal(SIZE_STANDARD_CITATION.clause, '第四条');
    assert.equal(SIZE_STANDARD_CITATION.citedBy.line, 3208);
  });

  it('knows its industry keys', () => {
    assert.equal(isSizeIndustry('retail'), true);
    assert.equal(isSizeIndustry('finance'), false);
    assert.equal(isSme('micro'), true);
    assert.equal(isSme('large'), false);
    assert.equal(ENTERPRISE_SIZE_LABELS.medium, '中型');
  });
});

describe('classifyEnterpriseSize: boundaries of each kind of row', () => {
  // prettier-ignore
  const cases: [label: string, input: SizeInput, expected: EnterpriseSize | string[]][] = [
    // 工业: SME if E < 1000 OR R < 40000万.
    ['工业: both ceilings reached → large', { industry: 'industry', employees: 1000, revenueYuan: 40000 * WAN }, 'large'],
    ['工业: only the employee ceiling reached → still SME (or)', { industry: 'industry', employees: 1000, revenueYuan: 40000 * WAN - 1 }, 'medium'],
    ['工业: only the revenue ceiling reached → still SME (or)', { industry: 'industry', employees: 999, revenueYuan: 50000 * WAN }, 'medium'],
    ['工业: medium needs both floors', { industry: 'industry', employees: 300, revenueYuan: 2000 * WAN }, 'medium'],
    ['工业: one medium floor missed → small', { industry: 'industry', employees: 299, revenueYuan: 2000 * WAN }, 'small'],
    ['工业: revenue just under the medium floor → small', { industry: 'industry', employees: 500, revenueYuan: 2000 * WAN - 0.01 }, 'small'],
    ['工业: small needs both floors', { industry: 'industry', employees: 20, revenueYuan: 300 * WAN }, 'small'],
    ['工业: below one small floor → micro', { industry: 'industry', employees: 19, revenueYuan: 5000 * WAN }, 'micro'],
    ['工业: below the revenue small floor → micro', { industry: 'industry', employees: 200, revenueYuan: 299 * WAN }, 'micro'],
    // 农、林、牧、渔业: revenue only.
    ['农业: 20000万 → large', { industry: 'agriculture', revenueYuan: 20000 * WAN }, 'large'],
    ['农业: 500万 → medium', { industry: 'agriculture', revenueYuan: 500 * WAN }, 'medium'],
    ['农业: 50万 → small', { industry: 'agriculture', revenueYuan: 50 * WAN }, 'small'],
    ['农业: 49.9999万 → micro', { industry: 'agriculture', revenueYuan: 499_999 }, 'micro'],
    ['农业: employees are irrelevant', { industry: 'agriculture', employees: 5000, revenueYuan: 10 * WAN }, 'micro'],
    // 建筑业: revenue and assets.
    ['建筑业: both ceilings → large', { industry: 'construction', revenueYuan: 80000 * WAN, assetsYuan: 80000 * WAN }, 'large'],
    ['建筑业: medium', { industry: 'construction', revenueYuan: 6000 * WAN, assetsYuan: 5000 * WAN }, 'medium'],
    ['建筑业: assets under 300万 → micro', { industry: 'construction', revenueYuan: 7000 * WAN, assetsYuan: 299 * WAN }, 'micro'],
    // 房地产开发经营: R < 200000万 or A < 10000万.
    ['房地产开发: large', { industry: 'real_estate_development', revenueYuan: 200000 * WAN, assetsYuan: 10000 * WAN }, 'large'],
    ['房地产开发: big revenue, small assets → SME', { industry: 'real_estate_development', revenueYuan: 300000 * WAN, assetsYuan: 9000 * WAN }, 'medium'],
    ['房地产开发: small', { industry: 'real_estate_development', revenueYuan: 100 * WAN, assetsYuan: 2000 * WAN }, 'small'],
    // 租赁和商务服务业: employees and assets.
    ['租赁商务: large', { industry: 'leasing_business_services', employees: 300, assetsYuan: 120000 * WAN }, 'large'],
    ['租赁商务: small', { industry: 'leasing_business_services', employees: 10, assetsYuan: 100 * WAN }, 'small'],
    ['租赁商务: micro', { industry: 'leasing_business_services', employees: 9, assetsYuan: 100 * WAN }, 'micro'],
    // 其他未列明行业: employees only.
    ['其他: 300 → large', { industry: 'other', employees: 300 }, 'large'],
    ['其他: 299 → medium', { industry: 'other', employees: 299 }, 'medium'],
    ['其他: 100 → medium', { industry: 'other', employees: 100 }, 'medium'],
    ['其他: 99 → small', { industry: 'other', employees: 99 }, 'small'],
    ['其他: 10 → small', { industry: 'other', employees: 10 }, 'small'],
    ['其他: 9 → micro', { industry: 'other', employees: 9 }, 'micro'],
    ['其他: 0 → micro', { industry: 'other', employees: 0 }, 'micro'],
    // Other rows, one case each at a floor.
    ['批发业: small at E 5, R 1000万', { industry: 'wholesale', employees: 5, revenueYuan: 1000 * WAN }, 'small'],
    ['零售业: medium at E 50, R 500万', { industry: 'retail', employees: 50, revenueYuan: 500 * WAN }, 'medium'],
    ['交通运输业: small at E 20, R 200万', { industry: 'transport', employees: 20, revenueYuan: 200 * WAN }, 'small'],
    ['仓储业: large at E 200, R 30000万', { industry: 'warehousing', employees: 200, revenueYuan: 30000 * WAN }, 'large'],
    ['邮政业: micro at R 99万', { industry: 'postal', employees: 50, revenueYuan: 99 * WAN }, 'micro'],
    ['住宿业: medium at E 100, R 2000万', { industry: 'accommodation', employees: 100, revenueYuan: 2000 * WAN }, 'medium'],
    ['餐饮业: small at E 10, R 100万', { industry: 'catering', employees: 10, revenueYuan: 100 * WAN }, 'small'],
    ['信息传输业: large at E 2000, R 100000万', { industry: 'information_transmission', employees: 2000, revenueYuan: 100000 * WAN }, 'large'],
    ['软件: small at E 10, R 50万', { industry: 'software_it', employees: 10, revenueYuan: 50 * WAN }, 'small'],
    ['物业管理: micro at E 99', { industry: 'property_management', employees: 99, revenueYuan: 600 * WAN }, 'micro'],
    // Decided from partial figures when they settle it.
    ['工业: 15 employees → micro whatever the revenue', { industry: 'industry', employees: 15 }, 'micro'],
    ['工业: 5000 employees, no revenue → revenue needed', { industry: 'industry', employees: 5000 }, ['revenueYuan']],
    ['工业: 500 employees, no revenue → revenue needed', { industry: 'industry', employees: 500 }, ['revenueYuan']],
    ['零售业: revenue 50万 → micro', { industry: 'retail', revenueYuan: 50 * WAN }, 'micro'],
    ['建筑业: nothing given', { industry: 'construction' }, ['revenueYuan', 'assetsYuan']],
    ['其他: nothing given', { industry: 'other', revenueYuan: 1 }, ['employees']],
  ];
  for (const [label, input, expected] of cases) {
    it(label, () => assert.deepEqual(sizeOf(input), expected));
  }
});

describe('classifyEnterpriseSize: explanations and bad input', () => {
  it('explains the basis in Chinese, citing the row', () => {
    const r = classifyEnterpriseSize({ industry: 'industry', employees: 299, revenueYuan: 25_000_000 });
    assert.deepEqual(r, {
      size: 'small',
      label: '小型',
      basis:
        '按《中小企业划型标准规定》（工信部联企业〔2011〕300号）第四条（二）工业标准：从业人员299人、营业收入2500万元，' +
        '达到小型企业标准（从业人员20人及以上，且营业收入300万元及以上）、未达到中型企业标准，为小型企业',
    });
    const large = classifyEnterpriseSize({ industry: 'other', employees: 300 });
    assert.ok('basis' in large && large.basis.includes('不低于中小微企业上限（从业人员300人以下）'));
    const micro = classifyEnterpriseSize({ industry: 'retail', employees: 12, revenueYuan: 1_234_567.89 });
    assert.ok('basis' in micro && micro.basis.includes('营业收入123.4568万元'), JSON.stringify(micro));
  });

  it('says which figures are missing', () => {
    assert.deepEqual(classifyEnterpriseSize({ industry: 'construction', revenueYuan: 1e9 }), {
      missing: ['assetsYuan'],
      message: '按建筑业标准划型需要资产总额，请补充填报',
    });
  });

  it('refuses negative or fractional head counts and non-finite amounts', () => {
    assert.throws(() => classifyEnterpriseSize({ industry: 'other', employees: -1 }), /从业人员应为不小于0的整数/);
    assert.throws(() => classifyEnterpriseSize({ industry: 'other', employees: 1.5 }), /从业人员应为不小于0的整数/);
    assert.throws(
      () => classifyEnterpriseSize({ industry: 'retail', employees: 1, revenueYuan: Number.NaN }),
      /营业收入应为不小于0的金额/,
    );
    assert.throws(
      () => classifyEnterpriseSize({ industry: 'construction', revenueYuan: 1, assetsYuan: -5 }),
      /资产总额应为不小于0的金额/,
    );
    assert.throws(
      () => classifyEnterpriseSize({ industry: 'finance' as never, employees: 1 }),
      /未知的划型行业“finance”/,
    );
  });
});

describe('checkDeclaredSize', () => {
  it('accepts a matching declaration', () => {
    const computed = classifyEnterpriseSize({ industry: 'catering', employees: 30, revenueYuan: 300 * WAN });
    assert.deepEqual(checkDeclaredSize('small', computed), { ok: true });
  });

  it('explains a mismatch', () => {
    const computed = classifyEnterpriseSize({ industry: 'catering', employees: 150, revenueYuan: 3000 * WAN });
    const r = checkDeclaredSize('small', computed);
    assert.deepEqual(r, {
      ok: false,
      code: 'size_mismatch',
      message:
        '申报的企业规模为“小型”，但按《中小企业划型标准规定》（工信部联企业〔2011〕300号）第四条（十）餐饮业标准：' +
        '从业人员150人、营业收入3000万元，达到中型企业标准（从业人员100人及以上，且营业收入2000万元及以上），为中型企业。' +
        '请核对申报的企业规模，或核对填报的从业人员、营业收入、资产总额',
    });
  });

  it('says what is missing when the size cannot be computed', () => {
    const r = checkDeclaredSize('micro', classifyEnterpriseSize({ industry: 'wholesale', employees: 50 }));
    assert.deepEqual(r, {
      ok: false,
      code: 'size_incomplete',
      message: '无法核对申报的企业规模“微型”：按批发业标准划型需要营业收入，请补充填报',
    });
  });
});
