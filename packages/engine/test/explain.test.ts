import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createRegistry,
  evaluate,
  explainZh,
  formatCitation,
  formatParameterValue,
  fenToYuanString as formatYuan,
} from '../src/index';
import { cite, fakeProgramme, options, person, request } from './fixtures';

const registry = createRegistry([fakeProgramme]);

describe('explainZh', () => {
  it('renders conclusion, amount, conditions, lines and parameters with citations', () => {
    const text = explainZh(
      evaluate(
        registry,
        request({
          facts: {
            enterprise: { name: '测试企业', blacklisted: false, revenueDrop: 0.72 },
            persons: [person(1), person(2, false)],
          },
        }),
        options,
      ),
    );
    assert.match(text, /^测试补贴（fake-subsidy）\n/);
    assert.match(text, /\n结论：符合条件\n/);
    assert.match(text, /\n金额：450\.00 元\n/);
    assert.match(
      text,
      /\n✓ 企业未被列入失信名单\n {4}依据：鲁人社字〔2020〕63号 政策细则 二\(一\)（000_fcb7bf8bcb97a69c\.txt 第70行）\n/,
    );
    assert.match(text, /\n✓ 营业收入下降达到规定比例 —— 营业收入下降 72%（≥ 30%）\n/);
    assert.match(text, /\n✗ ［人员 p2 · 2020-06］职工已参加失业保险\n/);
    assert.match(text, /\n1\. 职工1 2020-06 测试补贴：450\.00 元（450 元\/人\/月 × 1 月）\n/);
    assert.match(text, /\n· 测试补贴标准：450\.00 元\/人\/月（地区 371502，2020-01-01 起）\n/);
    assert.match(text, /\n· 营业收入最低降幅：0\.3（30%）（地区 000000，2020-01-01 起）\n/);
    assert.match(text, /2020-03-01 发布/);
  });

  it('marks missing and not applicable conditions and lists the missing fields', () => {
    const d = evaluate(
      registry,
      request({ facts: { enterprise: { name: '测试企业', blacklisted: false }, persons: [person(1, 'absent')] } }),
      options,
    );
    const text = explainZh(d);
    assert.match(text, /\n结论：信息不全，补充后才能判断\n/);
    assert.match(text, /\n\? 营业收入下降达到规定比例\n {4}缺少：facts\.enterprise\.revenueDrop\n/);
    assert.match(text, /\n需补充的信息：\n- facts\.enterprise\.revenueDrop\n- facts\.persons\.0\.insured\n/);
    const na = explainZh({ ...d, conditions: [{ ...d.conditions[0]!, result: 'not_applicable' }] });
    assert.match(na, /\n— 企业未被列入失信名单\n/);
  });

  it('formats fen as yuan with two decimals, never through floating point', () => {
    assert.equal(formatYuan(0), '0.00');
    assert.equal(formatYuan(5), '0.05');
    assert.equal(formatYuan(150050), '1500.50');
    assert.equal(formatYuan(123456789012), '1234567890.12');
  });

  it('formats citations with a line or a line range', () => {
    assert.equal(
      formatCitation(cite('2020-01-01')),
      '鲁人社字〔2020〕63号 政策细则 二(一)（000_fcb7bf8bcb97a69c.txt 第123行）',
    );
    assert.equal(
      formatCitation(cite('2020-01-01', [12, 15])),
      '鲁人社字〔2020〕63号 政策细则 二(一)（000_fcb7bf8bcb97a69c.txt 第12–15行）',
    );
  });

  it('formats parameter values by unit', () => {
    assert.equal(formatParameterValue(6, 'months'), '6 个月');
    assert.equal(formatParameterValue(['制造业', '批发和零售业'], 'list'), '制造业、批发和零售业');
    assert.equal(formatParameterValue(true, 'flag'), '是');
    assert.equal(formatParameterValue(100000, 'fen'), '1000.00 元');
    assert.equal(
      formatParameterValue({ from: '2020-01-24', until: '2020-02-09' }, 'date range'),
      '2020-01-24 至 2020-02-09',
    );
    assert.equal(formatParameterValue({ a: 1 }, 'object'), '{"a":1}');
  });
});
