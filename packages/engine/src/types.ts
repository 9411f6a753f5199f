/**
 * The engine's public contract: how policies are authored and what a decision looks like.
 * Pure data types only. Nothing here may depend on I/O, HTTP, databases or UI.
 */
import type { z } from 'zod';

/** ISO date `YYYY-MM-DD`, understood in Asia/Shanghai. */
export type IsoDate = string;
/** Claim month `YYYY-MM`. */
export type IsoMonth = string;
/** GB/T 2260 region code, six digits (`000000` = national). */
export type RegionCode = string;
/** Money in integer fen (分). Never a float. */
export type Fen = number;

/**
 * Region hierarchy: the code itself first, then each parent up to `000000` (national).
 * The engine uses `ancestorsOf` from `@wengang/kernel` unless one is injected (tests, other maps).
 */
export type AncestorsOf = (code: RegionCode) => readonly RegionCode[];

/** Where a value or a condition comes from in the source documents. */
export interface Citation {
  /** Document number as printed, e.g. `鲁人社字〔2020〕63号`. */
  doc: string;
  /** Clause inside the document, e.g. `政策细则 二(一)`. */
  clause: string;
  /** Source file under shared/policy-documents, e.g. `000_fcb7bf8bcb97a69c.txt`. */
  file: string;
  /** 1-based line (or inclusive line range) in that file. */
  line: number | readonly [number, number];
  /** Date the document was issued (成文/印发日期): what was knowable from then on. */
  issued: IsoDate;
}

/** One dated, region-scoped value of a parameter. */
export interface ParameterValue<T> {
  /** Region the value is set for; sub-regions inherit it unless they have their own. */
  region: RegionCode;
  /** First day (inclusive) of the claim period the value applies to. */
  from: IsoDate;
  /** Last day (inclusive) the value applies to; open-ended when absent. */
  until?: IsoDate;
  value: T;
  cite: Citation;
  /** Free-text note for officers (why this value, how it was read). */
  note?: string;
}

export interface ParameterDefinition<T> {
  /** Stable id, `programme.concept`, e.g. `work-for-training.amount_per_person_month`. */
  id: string;
  /** Chinese label shown in explanations, e.g. `以工代训补贴标准`. */
  label: string;
  /** Unit, e.g. `fen/person/month`, `months`, `ratio`, `date`, `list`. */
  unit: string;
  values: readonly ParameterValue<T>[];
}

/** A resolved parameter: the value that applies and why. */
export interface ResolvedParameter<T> {
  id: string;
  label: string;
  unit: string;
  value: T;
  /** Region whose value was used (may be an ancestor of the decision's region). */
  region: RegionCode;
  from: IsoDate;
  until?: IsoDate;
  cite: Citation;
  note?: string;
}

export type ConditionResult = 'pass' | 'fail' | 'not_applicable' | 'missing';

export interface ConditionOutcome {
  /** Stable id, e.g. `enterprise_in_hard_hit_industry`. */
  id: string;
  /** Chinese statement of the condition as the document says it. */
  label: string;
  result: ConditionResult;
  cite: Citation;
  /** Chinese explanation with the facts used, e.g. `营业收入下降 72%（≥ 70%）`. */
  detail?: string;
  /**
   * Input fields that were needed but absent (only when result = missing), as paths such as
   * `facts.persons.0.hireDate`. The engine also adds them to `Decision.missing`.
   */
  missing?: string[];
  /** Person the condition concerns, for per-person conditions. */
  personId?: string;
  /** Month the condition concerns, for per-month conditions. */
  month?: IsoMonth;
}

export interface AmountLine {
  /** Chinese description, e.g. `张三 2020-06 以工代训补贴`. */
  label: string;
  amountFen: Fen;
  personId?: string;
  month?: IsoMonth;
  cite: Citation;
  /** Computation in words, e.g. `500 元/人/月 × 1 人 × 1 月`. */
  formula?: string;
}

export type Eligibility = 'yes' | 'no' | 'needs_input';

/** The whole answer for one situation. Deterministic: same request, same bytes. */
export interface Decision {
  programme: string;
  programmeName: string;
  region: RegionCode;
  period: { from: IsoDate; until: IsoDate };
  /** The date the rules were taken as known (amendments issued later are ignored). */
  decisionDate: IsoDate;
  /** Content hash of the programme's rules version and the parameter values in force. */
  rulesetVersion: string;
  eligible: Eligibility;
  /** Sum of `lines`. Payable only when `eligible` is `yes` (with `needs_input` it is provisional). */
  amountFen: Fen;
  lines: AmountLine[];
  conditions: ConditionOutcome[];
  /** Every parameter value used, once each, in order of first use. */
  parameters: ResolvedParameter<unknown>[];
  /** Every input field that was needed but missing, by path. */
  missing: string[];
  /** Chinese notes (e.g. interpretations applied) for the reader. */
  notes: string[];
}

/** What the caller asks: the same shape on the CLI, the API and inside the workflow. */
export interface EvaluationRequest<F = unknown> {
  programme: string;
  region: RegionCode;
  period: { from: IsoDate; until: IsoDate };
  /** Defaults to today (Asia/Shanghai) at the interface; the engine itself requires it. */
  decisionDate: IsoDate;
  facts: F;
}

/**
 * Given to a programme's `decide`: resolves parameters for the request's region, period and
 * decision date, and records conditions and amount lines. Each call is recorded in the decision.
 * Call the methods on ctx (`ctx.param(…)`), during `decide` only; they are not bound functions.
 */
export interface DecisionContext {
  readonly region: RegionCode;
  readonly period: { from: IsoDate; until: IsoDate };
  readonly decisionDate: IsoDate;
  /**
   * The value in force on `on` (default: period.from) for the request's region, as known on the
   * decision date. Throws ParameterNotFoundError if none applies (a programme bug or
   * out-of-scope region). The parameter must be listed in the programme's `parameters`.
   */
  param<T>(p: ParameterDefinition<T>, on?: IsoDate): T;
  /** Like param, but returns undefined instead of throwing when no value applies. */
  paramOrUndefined<T>(p: ParameterDefinition<T>, on?: IsoDate): T | undefined;
  /**
   * Like paramOrUndefined, but returns the value with its provenance (region, dates, citation,
   * note), e.g. to cite the very document a threshold comes from. Recorded like param.
   */
  resolve<T>(p: ParameterDefinition<T>, on?: IsoDate): ResolvedParameter<T> | undefined;
  /** Record a condition. Returns `result` for convenient chaining. */
  condition(c: ConditionOutcome): ConditionResult;
  /** Record an amount line. `amountFen` must be a non-negative safe integer, else the engine throws. */
  line(l: AmountLine): void;
  /** Record an input field path that was needed but absent, e.g. `facts.persons.0.hireDate`. */
  missing(field: string): void;
  /** Record a Chinese note for the reader (identical notes are kept once). */
  note(text: string): void;
}

export interface ProgrammeDefinition<S extends z.ZodType = z.ZodType> {
  /** Stable id, kebab-case (`[a-z0-9]` words joined by `-`), e.g. `work-for-training`. */
  id: string;
  /** Chinese name, e.g. `以工代训补贴`. */
  name: string;
  /** Bump when rule code changes meaning; it is part of the ruleset hash. */
  version: string;
  /** Regions the programme is defined for (sub-regions included). */
  regions: RegionCode[];
  /** Claim periods the programme covers overall (for listing), with citations. */
  periods: { from: IsoDate; until: IsoDate; region: RegionCode; cite: Citation }[];
  /**
   * Zod schema of `facts`; its JSON Schema is published by `wengang programmes`. The engine
   * validates facts with it (messages in Chinese unless the schema gives its own) and hands the
   * parsed output to `decide`.
   */
  facts: S;
  /** All parameters the programme may use (for listing and the ruleset hash). */
  parameters: ParameterDefinition<unknown>[];
  /**
   * Decide. Record every condition and line through ctx. Return nothing: the engine derives
   * `eligible` and the total. Conditions without personId/month are claim-level: any claim-level
   * fail → `no`; else any missing (claim-level or line-level) → `needs_input`; else `yes` when the
   * total is above zero, `no` when every person/month was refused. A failed person- or
   * month-level condition only removes that person's or month's lines (the programme simply
   * does not emit them).
   */
  decide(ctx: DecisionContext, facts: z.infer<S>): void;
}
