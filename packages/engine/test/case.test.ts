import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCase, createRegistry, type PolicyCase } from '../src/index';
import { fakeProgramme, options, person, request } from './fixtures';

const registry = createRegistry([fakeProgramme]);

/** As a programme author would write it in policies/<programme>/cases/*.json. */
const caseJson = `{
  "name": "一名职工未参保，其余两人按县级标准享受补贴",
  "clause": "鲁人社字〔2020〕63号 政策细则 二(一)",
  "request": {
    "programme": "fake-subsidy",
    "region": "371502",
    "period": { "from": "2020-06-01", "until": "2020-06-30" },
    "decisionDate": "2020-07-15",
    "facts": {
      "enterprise": { "name": "测试企业", "blacklisted": false, "revenueDrop": 0.5 },
      "persons": [
        { "id": "p1", "name": "职工1", "idNumber": "371502199001011001", "insured": true },
        { "id": "p2", "name": "职工2", "idNumber": "371502199001011002", "insured": false },
        { "id": "p3", "name": "职工3", "idNumber": "371502199001011003", "insured": true }
      ]
    }
  },
  "expect": {
    "eligible": "yes",
    "amountFen": 90000,
    "lines": 2,
    "missing": [],
    "conditions": { "not_blacklisted": "pass", "revenue_drop": "pass", "insured@p2": "fail", "insured@p1@2020-06": "pass" }
  }
}`;

const parsed = (): PolicyCase => JSON.parse(caseJson) as PolicyCase;

describe('checkCase', () => {
  it('passes a case whose expectations hold', () => {
    const result = checkCase(registry, parsed(), options);
    assert.deepEqual(result.failures, []);
    assert.equal(result.ok, true);
    assert.equal(result.decision?.amountFen, 90000);
  });

  it('reports each mismatch in words, then the actual decision', () => {
    const c = parsed();
    c.expect = {
      eligible: 'no',
      amountFen: 1,
      lines: 3,
      missing: ['facts.x'],
      conditions: { insured: 'pass', unknown_condition: 'pass' },
    };
    const result = checkCase(registry, c, options);
    assert.equal(result.ok, false);
    const [eligible, amount, lines, missing, insured, unknown, actual] = result.failures;
    assert.equal(eligible, '结论不符 (eligible)：期望 no，实际 yes');
    assert.equal(amount, '金额不符 (amountFen)：期望 1 分，实际 90000 分');
    assert.equal(lines, '金额行数不符 (lines)：期望 3 行，实际 2 行');
    assert.equal(missing, '缺少项不符 (missing)：期望 [facts.x]，实际 []');
    assert.equal(insured, '条件结果不符 (condition insured)：期望 pass，实际 fail 人员 p2 2020-06');
    assert.match(
      unknown!,
      /^条件未记录 \(condition not recorded\)：unknown_condition；已记录的条件：not_blacklisted, revenue_drop, insured$/,
    );
    assert.match(actual!, /^实际决定 \(actual decision\)：\n测试补贴/);
    assert.equal(result.failures.length, 7);
  });

  it('compares missing fields as a set', () => {
    const c: PolicyCase = {
      name: '缺少营业收入和参保信息',
      clause: '测试条款',
      request: request({
        facts: { enterprise: { name: '企业', blacklisted: false }, persons: [person(1, 'absent')] },
      }),
      expect: { eligible: 'needs_input', missing: ['facts.persons.0.insured', 'facts.enterprise.revenueDrop'] },
    };
    assert.deepEqual(checkCase(registry, c, options).failures, []);
  });

  it('reports an evaluation error as a failure', () => {
    const c = parsed();
    c.request.region = '652300';
    const result = checkCase(registry, c, options);
    assert.equal(result.ok, false);
    assert.match(
      result.failures[0]!,
      /^评估出错 \(evaluation threw\)：RegionNotCoveredError: 输入有误：region：地区 652300/,
    );
  });

  it('reports a malformed case file without evaluating it', () => {
    const broken = {
      name: '',
      request: parsed().request,
      expect: { eligible: 'maybe', amount: 5, conditions: { x: 'ok' } },
    };
    const result = checkCase(registry, broken as unknown as PolicyCase, options);
    assert.equal(result.ok, false);
    assert.deepEqual(result.failures, [
      '案例缺少 name（中文标题）',
      '案例缺少 clause（所依据的条款）',
      'expect 中有未知的项 amount（可用：eligible、amountFen、conditions、missing、lines）',
      'expect.eligible 应为 yes、no 或 needs_input，实际为 "maybe"',
      'expect.conditions.x 应为 pass、fail、not_applicable 或 missing，实际为 "ok"',
    ]);
  });
});
