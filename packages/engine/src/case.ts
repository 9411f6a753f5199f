/**
 * Test cases as data: JSON files at policies/<programme>/cases/*.json that an officer can read.
 *
 * ```json
 * {
 *   "name": "受影响企业 2 名职工参加以工代训，每人 500 元",
 *   "clause": "鲁人社函〔2020〕78号 二",
 *   "request": { "programme": "…", "region": "371500", "period": { "from": "2020-06-01", "until": "2020-06-30" },
 *                "decisionDate": "2020-07-15", "facts": { … } },
 *   "expect": { "eligible": "yes", "amountFen": 100000, "lines": 2,
 *               "conditions": { "hard_hit_industry": "pass", "labour_contract@p2": "fail" },
 *               "missing": [] }
 * }
 * ```
 *
 * `conditions` keys are a condition id, optionally narrowed by `@personId` and/or `@YYYY-MM`
 * (e.g. `insured@p1@2020-06`); every recorded outcome that matches must have the expected result.
 * `missing` is compared as a set; `lines` is the number of amount lines.
 */
import { explainZh } from './explain';
import { evaluate, type EvaluateOptions } from './evaluate';
import type { Registry } from './programme';
import type { ConditionResult, Decision, Eligibility, EvaluationRequest, Fen, ProgrammeDefinition } from './types';

export interface CaseExpectation {
  eligible: Eligibility;
  amountFen?: Fen;
  /** Condition id (optionally `id@personId`, `id@YYYY-MM`, `id@personId@YYYY-MM`) → expected result. */
  conditions?: Record<string, ConditionResult>;
  /** Exactly these missing field paths, in any order. */
  missing?: string[];
  /** Number of amount lines. */
  lines?: number;
}

export interface PolicyCase {
  /** Chinese title saying what the case shows. */
  name: string;
  /** The clause the case illustrates, e.g. `鲁人社函〔2020〕78号 二`. */
  clause: string;
  request: EvaluationRequest;
  expect: CaseExpectation;
}

export interface CaseCheck {
  ok: boolean;
  /** One line per mismatch (Chinese, with the English term), then the actual decision explained. */
  failures: string[];
  /** The decision, when evaluation succeeded. */
  decision?: Decision;
}

const ELIGIBILITY: readonly string[] = ['yes', 'no', 'needs_input'];
const RESULTS: readonly string[] = ['pass', 'fail', 'not_applicable', 'missing'];
const EXPECT_KEYS: readonly string[] = ['eligible', 'amountFen', 'conditions', 'missing', 'lines'];

/** Evaluate a case and compare the decision with its expectations. */
export function checkCase(
  source: Registry | ProgrammeDefinition,
  policyCase: PolicyCase,
  options?: EvaluateOptions,
): CaseCheck {
  const failures = shapeProblems(policyCase);
  if (failures.length > 0) return { ok: false, failures };

  let decision: Decision;
  try {
    decision = evaluate(source, policyCase.request, options);
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, failures: [`评估出错 (evaluation threw)：${text}`] };
  }

  const expect = policyCase.expect;
  if (decision.eligible !== expect.eligible) {
    failures.push(`结论不符 (eligible)：期望 ${expect.eligible}，实际 ${decision.eligible}`);
  }
  if (expect.amountFen !== undefined && decision.amountFen !== expect.amountFen) {
    failures.push(`金额不符 (amountFen)：期望 ${expect.amountFen} 分，实际 ${decision.amountFen} 分`);
  }
  if (expect.lines !== undefined && decision.lines.length !== expect.lines) {
    failures.push(`金额行数不符 (lines)：期望 ${expect.lines} 行，实际 ${decision.lines.length} 行`);
  }
  if (expect.missing !== undefined) {
    const expected = [...new Set(expect.missing)].sort();
    const actual = [...new Set(decision.missing)].sort();
    if (expected.join('\n') !== actual.join('\n')) {
      failures.push(`缺少项不符 (missing)：期望 [${expected.join(', ')}]，实际 [${actual.join(', ')}]`);
    }
  }
  for (const [key, expected] of Object.entries(expect.conditions ?? {})) {
    const [id, ...qualifiers] = key.split('@');
    const matching = decision.conditions.filter(
      (c) => c.id === id && qualifiers.every((q) => q === c.personId || q === c.month),
    );
    if (matching.length === 0) {
      const known = [...new Set(decision.conditions.map((c) => c.id))].join(', ');
      failures.push(`条件未记录 (condition not recorded)：${key}；已记录的条件：${known || '无'}`);
      continue;
    }
    const wrong = matching.filter((c) => c.result !== expected);
    if (wrong.length > 0) {
      const actual = wrong.map(
        (c) => `${c.result}${c.personId ? ` 人员 ${c.personId}` : ''}${c.month ? ` ${c.month}` : ''}`,
      );
      failures.push(`条件结果不符 (condition ${key})：期望 ${expected}，实际 ${actual.join('；')}`);
    }
  }

  if (failures.length > 0) failures.push(`实际决定 (actual decision)：\n${explainZh(decision)}`);
  return { ok: failures.length === 0, failures, decision };
}

/** The case file's own shape (it is read from JSON, so nothing is guaranteed). */
function shapeProblems(policyCase: PolicyCase): string[] {
  const problems: string[] = [];
  const c = policyCase as Partial<PolicyCase> | null;
  if (c === null || typeof c !== 'object') return ['案例不是对象 (case is not an object)'];
  if (typeof c.name !== 'string' || c.name.trim() === '') problems.push('案例缺少 name（中文标题）');
  if (typeof c.clause !== 'string' || c.clause.trim() === '') problems.push('案例缺少 clause（所依据的条款）');
  if (c.request === null || typeof c.request !== 'object') problems.push('案例缺少 request（评估请求）');
  const e = c.expect as Partial<CaseExpectation> | undefined;
  if (e === null || typeof e !== 'object') {
    problems.push('案例缺少 expect（期望结果）');
    return problems;
  }
  for (const key of Object.keys(e)) {
    if (!EXPECT_KEYS.includes(key)) problems.push(`expect 中有未知的项 ${key}（可用：${EXPECT_KEYS.join('、')}）`);
  }
  if (!ELIGIBILITY.includes(e.eligible as string)) {
    problems.push(`expect.eligible 应为 yes、no 或 needs_input，实际为 ${JSON.stringify(e.eligible)}`);
  }
  if (e.amountFen !== undefined && !(Number.isSafeInteger(e.amountFen) && e.amountFen >= 0)) {
    problems.push(`expect.amountFen 应为非负整数（分），实际为 ${JSON.stringify(e.amountFen)}`);
  }
  if (e.lines !== undefined && !(Number.isSafeInteger(e.lines) && e.lines >= 0)) {
    problems.push(`expect.lines 应为非负整数（行数），实际为 ${JSON.stringify(e.lines)}`);
  }
  if (e.missing !== undefined && !(Array.isArray(e.missing) && e.missing.every((m) => typeof m === 'string'))) {
    problems.push('expect.missing 应为字段路径列表');
  }
  if (e.conditions !== undefined) {
    if (e.conditions === null || typeof e.conditions !== 'object' || Array.isArray(e.conditions)) {
      problems.push('expect.conditions 应为对象：条件 id → pass/fail/not_applicable/missing');
    } else {
      for (const [key, result] of Object.entries(e.conditions)) {
        if (!RESULTS.includes(result)) {
          problems.push(
            `expect.conditions.${key} 应为 pass、fail、not_applicable 或 missing，实际为 ${JSON.stringify(result)}`,
          );
        }
      }
    }
  }
  return problems;
}
