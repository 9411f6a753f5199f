/**
 * Evaluation: a request and a programme's rules → a Decision with its explanation.
 *
 * Order of checks: the request envelope, the programme, the region, the facts (zod), then the
 * rules. Everything derived from definitions alone (parameter indexes, region ancestry, ruleset
 * hashes) is cached across calls, so a batch pays for it once.
 */
import {
  InputError,
  ParameterNotFoundError,
  ProgrammeError,
  RegionNotCoveredError,
  UnknownProgrammeError,
  type FieldIssue,
} from './errors';
import { compileFacts, REJECT } from './fast-facts';
import { canonicalJson, sha256Hex } from './hash';
import { fieldIssues, zhErrorMap } from './messages';
import { valuesKnownOn, type ResolutionScope } from './parameter';
import { compileProgramme, isRegistry, scopeOf, type CompiledProgramme, type Registry } from './programme';
import { ancestry, defaultAncestorsOf } from './regions';
import type {
  AmountLine,
  AncestorsOf,
  Citation,
  ConditionOutcome,
  ConditionResult,
  Decision,
  DecisionContext,
  Eligibility,
  EvaluationRequest,
  IsoDate,
  ParameterDefinition,
  ProgrammeDefinition,
  RegionCode,
  ResolvedParameter,
} from './types';
import { citationProblems, isIsoDateCached, isIsoMonthCached, isRegionCode, looksComplete } from './validate';

export interface EvaluateOptions {
  /** Region hierarchy for coverage and parameter inheritance; the kernel's by default. */
  ancestorsOf?: AncestorsOf;
}

export type EvaluationResult = { ok: true; decision: Decision } | { ok: false; error: Error };

const PARSE_CONTEXT = { error: zhErrorMap };

/**
 * Evaluate one request. Throws InputError (with `issues`) for a bad envelope or facts — its
 * subclasses UnknownProgrammeError and RegionNotCoveredError for the programme and region — and
 * ParameterNotFoundError / ProgrammeError when the rules themselves are at fault.
 */
export function evaluate(
  source: Registry | ProgrammeDefinition,
  request: EvaluationRequest,
  options?: EvaluateOptions,
): Decision {
  checkEnvelope(request);
  const programme = findProgramme(source, request.programme);
  const compiled = compileProgramme(programme);
  const chain = ancestry(request.region, options?.ancestorsOf ?? defaultAncestorsOf);
  if (typeof chain === 'string') {
    throw new RegionNotCoveredError(programme.id, programme.name, request.region, programme.regions, chain);
  }
  if (!covers(programme.regions, chain)) {
    throw new RegionNotCoveredError(programme.id, programme.name, request.region, programme.regions);
  }
  return decide(programme, compiled, chain, request, parseFacts(programme, request.facts));
}

/**
 * The facts as the programme's schema parses them. Valid facts take the compiled fast path (same
 * output as zod); anything it does not accept is parsed by zod, which names the bad fields.
 */
function parseFacts(programme: ProgrammeDefinition, facts: unknown): unknown {
  const fast = compileFacts(programme.facts);
  if (fast !== undefined) {
    const out = fast(facts);
    if (out !== REJECT) return out;
  }
  // Parse without a context first: zod's compiled fast path is quicker that way, and only a
  // failing request pays for a second parse with the Chinese messages.
  const parsed = programme.facts.safeParse(facts);
  if (!parsed.success) {
    const localised = programme.facts.safeParse(facts, PARSE_CONTEXT);
    const issues = localised.success ? parsed.error.issues : localised.error.issues;
    throw new InputError(fieldIssues(issues, 'facts'));
  }
  return parsed.data;
}

/**
 * Evaluate many requests with shared caches. Never throws: each result holds its decision or its
 * error (an EngineError for bad input or faulty rules; anything else a rule raised, as is).
 */
export function evaluateMany(
  source: Registry | ProgrammeDefinition,
  requests: Iterable<EvaluationRequest>,
  options?: EvaluateOptions,
): EvaluationResult[] {
  return Array.from(evaluateEach(source, requests, options));
}

/**
 * `evaluateMany` one result at a time, for batches too large to hold every explanation in memory
 * at once (100,000 ten-person decisions are several gigabytes of objects): each decision can be
 * stored or written out and then dropped.
 */
export function* evaluateEach(
  source: Registry | ProgrammeDefinition,
  requests: Iterable<EvaluationRequest>,
  options?: EvaluateOptions,
): Generator<EvaluationResult, void, undefined> {
  for (const request of requests) {
    let result: EvaluationResult;
    try {
      result = { ok: true, decision: evaluate(source, request, options) };
    } catch (error) {
      result = { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
    }
    yield result;
  }
}

/**
 * The ruleset version in force on `decisionDate`: the first 16 hex digits of SHA-256 over the
 * programme id, its version and the canonical JSON of every parameter value issued on or before
 * that date. Cached per programme and distinct issue date, so it is computed once per amendment.
 */
export function rulesetVersion(programme: ProgrammeDefinition, decisionDate: IsoDate): string {
  return versionOf(programme, compileProgramme(programme), decisionDate);
}

function versionOf(programme: ProgrammeDefinition, compiled: CompiledProgramme, decisionDate: IsoDate): string {
  const dates = compiled.issuedDates;
  // epoch = number of issue dates on or before decisionDate (binary search)
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! <= decisionDate) lo = mid + 1;
    else hi = mid;
  }
  const cached = compiled.hashes[lo];
  if (cached !== undefined) return cached;
  const parameters = [...programme.parameters]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) => ({ id: p.id, label: p.label, unit: p.unit, values: valuesKnownOn(p, decisionDate) }));
  const payload = canonicalJson({ programme: programme.id, version: programme.version, parameters });
  const hash = sha256Hex(payload).slice(0, 16);
  compiled.hashes[lo] = hash;
  return hash;
}

function findProgramme(source: Registry | ProgrammeDefinition, id: string): ProgrammeDefinition {
  if (isRegistry(source)) return source.require(id);
  if (source.id !== id) throw new UnknownProgrammeError(id, [source.id]);
  return source;
}

function covers(regions: readonly RegionCode[], chain: readonly RegionCode[]): boolean {
  for (const region of regions) if (chain.includes(region)) return true;
  return false;
}

/** The request envelope, with a Chinese message naming each bad field. */
function checkEnvelope(request: EvaluationRequest): void {
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    throw new InputError([
      { path: '', message: '请求应为对象，包含 programme、region、period、decisionDate、facts 字段' },
    ]);
  }
  const issues: FieldIssue[] = [];
  const { programme, region, period, decisionDate } = request as Partial<EvaluationRequest>;
  if (typeof programme !== 'string' || programme.trim() === '') {
    issues.push({
      path: 'programme',
      message:
        '补贴项目（programme）必填，应为项目编号，如 work-for-training（以工代训）；全部编号见项目清单（programmes）',
    });
  }
  if (!isRegionCode(region)) {
    issues.push({ path: 'region', message: `行政区划代码（region）应为 6 位数字，实际为 ${shown(region)}` });
  }
  if (period === null || typeof period !== 'object') {
    issues.push({ path: 'period', message: '申领期间（period）必填，应包含 from（开始日期）和 until（结束日期）' });
  } else {
    const fromOk = isIsoDateCached(period.from);
    const untilOk = isIsoDateCached(period.until);
    if (!fromOk) {
      issues.push({
        path: 'period.from',
        message: `期间开始日期（period.from）应为有效日期 YYYY-MM-DD，实际为 ${shown(period.from)}`,
      });
    }
    if (!untilOk) {
      issues.push({
        path: 'period.until',
        message: `期间结束日期（period.until）应为有效日期 YYYY-MM-DD，实际为 ${shown(period.until)}`,
      });
    }
    if (fromOk && untilOk && period.until < period.from) {
      issues.push({
        path: 'period.until',
        message: `期间结束日期（period.until）${period.until} 早于开始日期 ${period.from}`,
      });
    }
  }
  if (!isIsoDateCached(decisionDate)) {
    issues.push({
      path: 'decisionDate',
      message: `决定日期（decisionDate）应为有效日期 YYYY-MM-DD，实际为 ${shown(decisionDate)}`,
    });
  }
  if (issues.length > 0) throw new InputError(issues);
}

function shown(value: unknown): string {
  if (value === undefined) return '空';
  return typeof value === 'number' || typeof value === 'bigint' ? String(value) : JSON.stringify(value);
}

function decide(
  programme: ProgrammeDefinition,
  compiled: CompiledProgramme,
  chain: readonly RegionCode[],
  request: EvaluationRequest,
  facts: unknown,
): Decision {
  const ctx = new Recorder(programme.id, compiled, chain, request);
  const returned: unknown = programme.decide(ctx, facts);
  ctx.open = false;
  if (returned !== undefined && typeof (returned as { then?: unknown })?.then === 'function') {
    ctx.fault('decide 必须同步执行 (decide must be synchronous, it returned a promise)');
  }
  const { lines, missingFields: missing } = ctx;

  let amountFen = 0;
  for (const line of lines) amountFen += line.amountFen;
  if (!Number.isSafeInteger(amountFen)) ctx.fault(`合计金额 ${amountFen} 超出安全整数范围`);

  const incomplete = ctx.someMissing || missing.length > 0;
  const eligible: Eligibility = ctx.claimFails ? 'no' : incomplete ? 'needs_input' : amountFen > 0 ? 'yes' : 'no';

  return {
    programme: programme.id,
    programmeName: programme.name,
    region: request.region,
    period: ctx.period,
    decisionDate: ctx.decisionDate,
    rulesetVersion: versionOf(programme, compiled, ctx.decisionDate),
    eligible,
    amountFen,
    lines,
    conditions: ctx.conditions,
    parameters: ctx.parameters,
    missing,
    notes: ctx.notes,
  };
}

/**
 * The DecisionContext of one evaluation. Methods live on the prototype (no closures per decision);
 * call them on ctx. Every outcome and line is copied into a fixed key order, so the decision's
 * bytes do not depend on how a rule wrote its object literal.
 */
class Recorder implements DecisionContext {
  readonly region: RegionCode;
  readonly period: { from: IsoDate; until: IsoDate };
  readonly decisionDate: IsoDate;
  readonly conditions: ConditionOutcome[] = [];
  readonly lines: AmountLine[] = [];
  readonly parameters: ResolvedParameter<unknown>[] = [];
  readonly missingFields: string[] = [];
  readonly notes: string[] = [];
  open = true;
  /** A claim-level condition (no personId, no month) failed. */
  claimFails = false;
  /** A condition's result was missing. */
  someMissing = false;
  private readonly programme: string;
  private readonly compiled: CompiledProgramme;
  /** Resolutions shared with other decisions for the same region and decision date. */
  private readonly scope: ResolutionScope;
  /** The last lookup: rules often ask for the same parameter once per person. */
  private lastParam: ParameterDefinition<unknown> | undefined;
  private lastOn: IsoDate | undefined;
  private lastResolved: ResolvedParameter<unknown> | undefined;
  /** The last month that passed the check (strings cannot change). */
  private lastMonth: string | undefined;

  constructor(
    programme: string,
    compiled: CompiledProgramme,
    chain: readonly RegionCode[],
    request: EvaluationRequest,
  ) {
    this.programme = programme;
    this.compiled = compiled;
    this.region = request.region;
    this.period = { from: request.period.from, until: request.period.until };
    this.decisionDate = request.decisionDate;
    this.scope = scopeOf(compiled, chain, request.decisionDate);
  }

  param<T>(p: ParameterDefinition<T>, on?: IsoDate): T {
    const resolved = this.resolve(p, on);
    if (resolved === undefined) {
      throw new ParameterNotFoundError(p.id, p.label, this.region, on ?? this.period.from, this.decisionDate);
    }
    return resolved.value;
  }

  paramOrUndefined<T>(p: ParameterDefinition<T>, on?: IsoDate): T | undefined {
    return this.resolve(p, on)?.value;
  }

  resolve<T>(p: ParameterDefinition<T>, on?: IsoDate): ResolvedParameter<T> | undefined {
    if (!this.open) this.closed('param');
    const day = on ?? this.period.from;
    if (p === this.lastParam && day === this.lastOn) return this.lastResolved as ResolvedParameter<T> | undefined;
    const def = p as ParameterDefinition<unknown>;
    // A remembered entry was checked (listed parameter, valid day) when it was first asked for.
    const known = this.scope.known(def, day);
    let resolved: ResolvedParameter<unknown> | undefined;
    if (known !== undefined) {
      resolved = known.resolved;
    } else {
      if (p === null || typeof p !== 'object' || !this.compiled.parameterIds.has(p.id)) {
        this.fault(`参数 ${p?.id} 未列入项目的 parameters (a parameter must be listed in programme.parameters)`);
      }
      if (on !== undefined && on !== this.period.from && !isIsoDateCached(on)) {
        this.fault(`参数 ${p.id} 的取值日期 ${shown(on)} 不是有效日期 YYYY-MM-DD`);
      }
      resolved = this.scope.resolve(def, day);
    }
    if (resolved !== undefined && !this.parameters.includes(resolved)) this.parameters.push(resolved);
    this.lastParam = def;
    this.lastOn = day;
    this.lastResolved = resolved;
    return resolved as ResolvedParameter<T> | undefined;
  }

  condition(c: ConditionOutcome): ConditionResult {
    if (!this.open) this.closed('condition');
    if (c === null || typeof c !== 'object' || typeof c.id !== 'string' || c.id === '') {
      this.fault(`条件缺少 id (condition needs an id): ${shown(c)}`);
    }
    const { id, label, result, cite, detail, missing, personId, month } = c;
    if (typeof label !== 'string' || label === '') this.fault(`条件 ${id} 缺少中文说明 label`);
    if (result !== 'pass' && result !== 'fail' && result !== 'not_applicable' && result !== 'missing') {
      this.fault(`条件 ${id} 的结果 ${shown(result)} 不是 pass/fail/not_applicable/missing`);
    }
    this.checkCommon(cite, personId, month, '条件 ', id);
    if (detail !== undefined && typeof detail !== 'string') this.fault(`条件 ${id} 的 detail 不是文字`);
    // Keys always in this order. The usual per-person condition in one literal (no transitions).
    let outcome: ConditionOutcome;
    if (missing === undefined && detail !== undefined && personId !== undefined && month !== undefined) {
      outcome = { id, label, result, cite, detail, personId, month };
    } else {
      outcome = { id, label, result, cite };
      if (detail !== undefined) outcome.detail = detail;
      if (missing !== undefined) {
        if (!Array.isArray(missing)) this.fault(`条件 ${id} 的 missing 不是字段路径列表`);
        outcome.missing = missing.slice();
        for (const field of missing) this.addMissing(field);
      }
      if (personId !== undefined) outcome.personId = personId;
      if (month !== undefined) outcome.month = month;
    }
    if (result === 'fail') {
      if (personId === undefined && month === undefined) this.claimFails = true;
    } else if (result === 'missing') {
      this.someMissing = true;
    }
    this.conditions.push(outcome);
    return result;
  }

  line(l: AmountLine): void {
    if (!this.open) this.closed('line');
    if (l === null || typeof l !== 'object' || typeof l.label !== 'string' || l.label === '') {
      this.fault(`金额行缺少中文说明 label: ${shown(l)}`);
    }
    const { label, amountFen, cite, personId, month, formula } = l;
    if (typeof amountFen !== 'number' || !Number.isSafeInteger(amountFen) || amountFen < 0) {
      this.fault(
        `金额行「${label}」的金额 ${shown(amountFen)} 不是非负整数分 (amountFen must be a non-negative safe integer)`,
      );
    }
    this.checkCommon(cite, personId, month, '金额行 ', label);
    if (formula !== undefined && typeof formula !== 'string') this.fault(`金额行「${label}」的 formula 不是文字`);
    let line: AmountLine;
    if (personId !== undefined && month !== undefined && formula !== undefined) {
      line = { label, amountFen, cite, personId, month, formula };
    } else {
      line = { label, amountFen, cite };
      if (personId !== undefined) line.personId = personId;
      if (month !== undefined) line.month = month;
      if (formula !== undefined) line.formula = formula;
    }
    this.lines.push(line);
  }

  missing(field: string): void {
    if (!this.open) this.closed('missing');
    this.addMissing(field);
  }

  note(text: string): void {
    if (!this.open) this.closed('note');
    if (typeof text !== 'string' || text === '') this.fault(`说明 ${shown(text)} 不是文字`);
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  fault(message: string): never {
    throw new ProgrammeError(this.programme, message);
  }

  private closed(method: string): never {
    this.fault(`ctx.${method} 在 decide 返回之后被调用 (ctx used after decide returned)`);
  }

  private addMissing(field: string): void {
    if (typeof field !== 'string' || field === '') {
      this.fault(`缺少项的字段路径 ${shown(field)} 无效 (missing field must be a path)`);
    }
    if (!this.missingFields.includes(field)) this.missingFields.push(field);
  }

  /** Checks shared by conditions and lines; `kind` and `name` only build the message of a fault. */
  private checkCommon(cite: Citation, personId: unknown, month: unknown, kind: string, name: string): void {
    if (!looksComplete(cite)) this.fault(`${kind}${name} 的出处不完整：${citationProblems(cite).join('; ')}`);
    if (personId !== undefined && (typeof personId !== 'string' || personId === '')) {
      this.fault(`${kind}${name} 的 personId ${shown(personId)} 无效`);
    }
    if (month !== undefined && month !== this.lastMonth) {
      if (!isIsoMonthCached(month)) this.fault(`${kind}${name} 的 month ${shown(month)} 不是 YYYY-MM`);
      this.lastMonth = month;
    }
  }
}
