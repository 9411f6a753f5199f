import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ancestorsOf,
  childrenOf,
  currentRegionCode,
  getRegion,
  isKnownRegion,
  isWithin,
  listRegions,
  parentOf,
  regionFullName,
  regionLevel,
} from '../src/regions';

describe('region table', () => {
  it('has unique six-digit codes, each parent listed before its children', () => {
    const regions = listRegions();
    const seen = new Set<string>();
    for (const r of regions) {
      assert.match(r.code, /^\d{6}$/);
      assert.ok(!seen.has(r.code), r.code);
      if (r.parent !== null) assert.ok(seen.has(r.parent), `${r.code} parent ${r.parent}`);
      seen.add(r.code);
    }
    assert.equal(regions[0]!.code, '000000');
  });

  it('keeps levels consistent with parents', () => {
    const order = ['national', 'province', 'prefecture', 'county'];
    for (const r of listRegions()) {
      if (r.parent === null) continue;
      assert.equal(order.indexOf(r.level), order.indexOf(regionLevel(r.parent)) + 1, r.code);
    }
  });

  it('lists the documents’ regions with full names', () => {
    const cases: [code: string, fullName: string, level: string, official: boolean][] = [
      ['000000', '全国', 'national', true],
      ['370000', '山东省', 'province', true],
      ['371500', '山东省聊城市', 'prefecture', true],
      ['371502', '山东省聊城市东昌府区', 'county', true],
      ['371503', '山东省聊城市茌平区', 'county', true],
      ['371521', '山东省聊城市阳谷县', 'county', true],
      ['371522', '山东省聊城市莘县', 'county', true],
      ['371524', '山东省聊城市东阿县', 'county', true],
      ['371525', '山东省聊城市冠县', 'county', true],
      ['371526', '山东省聊城市高唐县', 'county', true],
      ['371581', '山东省聊城市临清市', 'county', true],
      ['371571', '山东省聊城市开发区', 'county', false],
      ['371572', '山东省聊城市高新区', 'county', false],
      ['371573', '山东省聊城市度假区', 'county', false],
      ['370700', '山东省潍坊市', 'prefecture', true],
      ['370702', '山东省潍坊市潍城区', 'county', true],
      ['650000', '新疆维吾尔自治区', 'province', true],
      ['652300', '新疆维吾尔自治区昌吉回族自治州', 'prefecture', true],
      ['652301', '新疆维吾尔自治区昌吉回族自治州昌吉市', 'county', true],
      ['652302', '新疆维吾尔自治区昌吉回族自治州阜康市', 'county', true],
      ['652323', '新疆维吾尔自治区昌吉回族自治州呼图壁县', 'county', true],
      ['652324', '新疆维吾尔自治区昌吉回族自治州玛纳斯县', 'county', true],
      ['652325', '新疆维吾尔自治区昌吉回族自治州奇台县', 'county', true],
      ['652327', '新疆维吾尔自治区昌吉回族自治州吉木萨尔县', 'county', true],
      ['652328', '新疆维吾尔自治区昌吉回族自治州木垒哈萨克自治县', 'county', true],
      ['652371', '新疆维吾尔自治区昌吉回族自治州准东经济技术开发区', 'county', false],
    ];
    assert.equal(listRegions().length, cases.length);
    for (const [code, fullName, level, official] of cases) {
      const r = getRegion(code);
      assert.ok(r, code);
      assert.equal(r.fullName, fullName);
      assert.equal(regionFullName(code), fullName);
      assert.equal(r.level, level);
      assert.equal(r.official, official);
    }
  });

  it('names the functional areas as the contact directory does, with formal names', () => {
    for (const [label, formal] of [
      ['开发区', '聊城经济技术开发区'],
      ['高新区', '聊城高新技术产业开发区'],
      ['度假区', '江北水城旅游度假区'],
    ]) {
      const r = listRegions().find((x) => x.parent === '371500' && x.name === label);
      assert.ok(r, label);
      assert.equal(r.formalName, formal);
      assert.equal(r.official, false);
    }
  });

  it('returns copies, so callers cannot change the table', () => {
    const r = getRegion('371502')!;
    r.name = 'changed';
    assert.equal(getRegion('371502')!.name, '东昌府区');
  });
});

describe('hierarchy', () => {
  it('walks up through explicit parents', () => {
    assert.equal(parentOf('371502'), '371500');
    assert.equal(parentOf('371571'), '371500');
    assert.equal(parentOf('371500'), '370000');
    assert.equal(parentOf('370000'), '000000');
    assert.equal(parentOf('000000'), null);
    assert.equal(parentOf('652371'), '652300');
  });

  it('lists ancestors self first, up to the nation', () => {
    assert.deepEqual(ancestorsOf('371502'), ['371502', '371500', '370000', '000000']);
    assert.deepEqual(ancestorsOf('652328'), ['652328', '652300', '650000', '000000']);
    assert.deepEqual(ancestorsOf('371572'), ['371572', '371500', '370000', '000000']);
    assert.deepEqual(ancestorsOf('000000'), ['000000']);
  });

  const within: [code: string, ancestor: string, expected: boolean][] = [
    ['371502', '371502', true],
    ['371502', '371500', true],
    ['371502', '370000', true],
    ['371502', '000000', true],
    ['371573', '371500', true],
    ['370702', '371500', false],
    ['652301', '370000', false],
    ['371500', '371502', false],
  ];
  for (const [code, ancestor, expected] of within) {
    it(`isWithin(${code}, ${ancestor}) = ${expected}`, () => assert.equal(isWithin(code, ancestor), expected));
  }

  it('lists children', () => {
    assert.deepEqual(
      childrenOf('652300').map((r) => r.code),
      ['652301', '652302', '652323', '652324', '652325', '652327', '652328', '652371'],
    );
    assert.equal(childrenOf('371500').length, 11);
  });

  it('maps the retired 茌平县 code to 茌平区', () => {
    assert.equal(currentRegionCode('371523'), '371503');
    assert.equal(currentRegionCode('371502'), '371502');
    assert.deepEqual(getRegion('371503')!.formerCodes, ['371523']);
    assert.equal(getRegion('371523'), undefined);
    assert.throws(() => parentOf('371523'), /未知的行政区划代码“371523”，该代码已停用，现为371503（茌平区）/);
  });

  it('refuses unknown codes with a Chinese message', () => {
    assert.equal(isKnownRegion('110000'), false);
    assert.equal(isKnownRegion('371500'), true);
    assert.throws(() => ancestorsOf('110000'), /未知的行政区划代码“110000”，请从平台的行政区划列表中选择/);
    assert.throws(() => isWithin('371502', '999999'), /未知的行政区划代码“999999”/);
    assert.throws(() => regionLevel('abc'), /未知的行政区划代码/);
  });
});
