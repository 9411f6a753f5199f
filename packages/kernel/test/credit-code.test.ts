import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CREDIT_CODE_ALPHABET,
  checkCreditCode,
  creditCodeCheckChar,
  isValidCreditCode,
  normalizeCreditCode,
} from '../src/credit-code';

describe('checkCreditCode: valid codes', () => {
  const cases: [input: string, value: string, department: string, type: string, region: string][] = [
    ['91350100M000100Y43', '91350100M000100Y43', '工商', '企业', '350100'],
    ['91110000600037341L', '91110000600037341L', '工商', '企业', '110000'],
    ['91110000600037341l', '91110000600037341L', '工商', '企业', '110000'],
    [' 9111 0000 6000 3734 1L ', '91110000600037341L', '工商', '企业', '110000'],
    ['９１１１００００６０００３７３４１Ｌ', '91110000600037341L', '工商', '企业', '110000'],
    // Registered by a national authority: region 100000.
    ['91100000100013342E', '91100000100013342E', '工商', '企业', '100000'],
    ['92371502MA3C00001C', '92371502MA3C00001C', '工商', '个体工商户', '371502'],
    ['93371521MA3P00005J', '93371521MA3P00005J', '工商', '农民专业合作社', '371521'],
    ['12371500MB2852310D', '12371500MB2852310D', '机构编制', '事业单位', '371500'],
    ['51371500MJD000210F', '51371500MJD000210F', '民政', '社会团体', '371500'],
    ['52652301MJD000015W', '52652301MJD000015W', '民政', '民办非企业单位', '652301'],
    ['Y1371500MC0000001F', 'Y1371500MC0000001F', '其他', '其他', '371500'],
  ];
  for (const [input, value, department, type, region] of cases) {
    it(`accepts ${JSON.stringify(input)}`, () => {
      const r = checkCreditCode(input);
      assert.ok(r.ok, JSON.stringify(r));
      assert.equal(r.value, value);
      assert.equal(r.registrationDepartment.name, department);
      assert.equal(r.organizationType.name, type);
      assert.equal(r.regionCode, region);
      assert.equal(r.organizationCode, value.slice(8, 17));
    });
  }
});

describe('checkCreditCode: each kind of error', () => {
  const cases: [input: string, code: string, message: string][] = [
    ['', 'empty', '请填写统一社会信用代码（18位，见营业执照或登记证书）'],
    ['91350100M000100Y4', 'length', '统一社会信用代码应为18位，当前为17位，请核对后重新输入'],
    ['91350100M000100Y433', 'length', '统一社会信用代码应为18位，当前为19位，请核对后重新输入'],
    // 15-digit 注册号 from before 2015.
    ['370000018012345', 'length', '统一社会信用代码应为18位，当前为15位，请核对后重新输入'],
    ['91350100I000100Y43', 'invalid_char', '第9位“I”不是统一社会信用代码允许的字符，请核对是否应为“1”'],
    ['91350100M0O0100Y43', 'invalid_char', '第11位“O”不是统一社会信用代码允许的字符，请核对是否应为“0”'],
    ['91350100M000100Z43', 'invalid_char', '第16位“Z”不是统一社会信用代码允许的字符，请核对是否应为“2”'],
    ['S1350100M000100Y43', 'invalid_char', '第1位“S”不是统一社会信用代码允许的字符，请核对是否应为“5”'],
    ['91350100M000100V43', 'invalid_char', '第16位“V”不是统一社会信用代码允许的字符，请核对是否应为“U”'],
    [
      '91350100M000100-43',
      'invalid_char',
      '第16位“-”不是统一社会信用代码允许的字符（只使用数字和除I、O、Z、S、V以外的大写字母）',
    ],
    [
      '01350100M000100Y43',
      'registration_department',
      '统一社会信用代码第1位“0”不是有效的登记管理部门代码（企业为9），请核对后重新输入',
    ],
    [
      '94350100M000100Y43',
      'organization_type',
      '统一社会信用代码前2位“94”不是有效的机构类别（登记管理部门“工商”只有91、92、93），请核对后重新输入',
    ],
    [
      '91A50100M000100Y43',
      'region',
      '统一社会信用代码第3至8位“A50100”应为登记机关所在地的6位行政区划代码，请核对后重新输入',
    ],
    [
      '91990100M000100Y43',
      'region',
      '统一社会信用代码第3至8位“990100”应为登记机关所在地的6位行政区划代码，请核对后重新输入',
    ],
    // The sample in the application guide: its check character does not match.
    ['9137072459034830XB', 'check_char', '统一社会信用代码校验位（第18位）应为“8”，实际为“B”，请核对后重新输入'],
    // Tampered samples: one character changed.
    ['91350100M000100Y44', 'check_char', '统一社会信用代码校验位（第18位）应为“3”，实际为“4”，请核对后重新输入'],
    ['91110000600037342L', 'check_char', '统一社会信用代码校验位（第18位）应为“P”，实际为“L”，请核对后重新输入'],
  ];
  for (const [input, code, message] of cases) {
    it(`rejects ${JSON.stringify(input)} (${code})`, () => {
      assert.deepEqual(checkCreditCode(input), { ok: false, code, message });
    });
  }
});

describe('credit code helpers', () => {
  it('uses the 31-character alphabet without I O Z S V', () => {
    assert.equal(CREDIT_CODE_ALPHABET.length, 31);
    for (const ch of 'IOZSV') assert.ok(!CREDIT_CODE_ALPHABET.includes(ch));
  });

  it('computes the check character with weights 3^i mod 31', () => {
    assert.equal(creditCodeCheckChar('91350100M000100Y4'), '3');
    assert.equal(creditCodeCheckChar('91110000600037341'), 'L');
    assert.equal(creditCodeCheckChar('9137072459034830X'), '8');
    assert.throws(() => creditCodeCheckChar('91350100I000100Y4'), /第9位“I”/);
  });

  it('detects every single-character substitution in a valid code', () => {
    const valid = '91350100M000100Y43';
    for (let i = 8; i < 18; i++) {
      for (const ch of CREDIT_CODE_ALPHABET) {
        if (ch === valid[i]) continue;
        const tampered = valid.slice(0, i) + ch + valid.slice(i + 1);
        assert.equal(isValidCreditCode(tampered), false, tampered);
      }
    }
  });

  it('normalises case, width and spaces', () => {
    assert.equal(normalizeCreditCode(' 91350100m000100y43 '), '91350100M000100Y43');
  });
});
