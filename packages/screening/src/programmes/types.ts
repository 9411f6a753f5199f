/** The contract each programme's screening implements, and the shapes runs and findings share. */
import type { Queryable } from '@wengang/db';
import type { Citation } from '@wengang/engine';
import type { CasePersonInput } from '@wengang/workflow';
import type { ConditionInfo, Resolved } from './common';

export interface RunParameters {
  /** Resolved parameters (value, region, dates, citation) per chunk region. */
  byRegion: Record<string, Resolved>;
  /** Labels and citations of the programme's conditions, as the programme records them. */
  conditions: Record<string, ConditionInfo>;
  /** Run-level notes, e.g. why nothing can be found (policy not in force on the decision date). */
  notes: string[];
  /** Run-wide figures the SQL uses besides parameters (trigger months, fund positions …). */
  extra: Record<string, unknown>;
}

export interface RunInfo {
  id: string;
  programme: string;
  regionCode: string;
  periodFrom: string;
  periodUntil: string;
  decisionDate: string;
  parameters: RunParameters;
}

export interface FindingRow {
  regionCode: string;
  runId: string;
  creditCode: string;
  programme: string;
  variant: string;
  unitName: string;
  amountFen: number;
  headcount: number;
  personIds: string[];
  facts: Record<string, unknown>;
  status: 'payable' | 'queued' | 'handed_over';
  queueReason: string | null;
  caseId: string | null;
}

export interface ExplainedCondition {
  id: string;
  label: string;
  result: 'pass' | 'fail' | 'not_applicable';
  cite: Citation;
  detail: string;
  personId?: string;
}

export interface Explanation {
  conditions: ExplainedCondition[];
  /** The amount in words, e.g. `1,500.00 元/人 × 3 人 = 4,500.00 元`. */
  formula: string;
  notes: string[];
}

/** What the engine is asked for one unit (the same rows the SQL read). */
export interface UnitFacts {
  region: string;
  facts: unknown;
}

export interface HandoverDetails {
  persons: CasePersonInput[];
  claimMonth: string | null;
  variant: string | null;
  /** 基本账户 / 税务部门提供的对公账户 … */
  accountPreference: 'tax_first' | 'basic_first';
}

export interface ScreeningProgramme {
  id: string;
  name: string;
  /**
   * SQL over `screening_findings f` that rebuilds a finding's facts object from its figures
   * (positions the programme defines) and f.facts, when the programme stores figures.
   */
  factsSql?: string;
  /** SQL over `screening_findings f` for the persons behind the amount, when the programme does not store them. */
  personIdsSql?: string;
  /** Resolves parameters for every chunk region and records what the run can find. */
  plan(q: Queryable, run: Omit<RunInfo, 'id' | 'parameters'>, chunks: readonly string[]): Promise<RunParameters>;
  /** A step over all regions before the chunks (the cross-region checks), in the start transaction. */
  prepare?(q: Queryable, run: RunInfo): Promise<void>;
  /** Writes the findings of one chunk (one county) set-wise; returns count and amount. */
  screenChunk(q: Queryable, run: RunInfo, region: string): Promise<{ found: number; fen: number }>;
  explain(run: RunInfo, finding: FindingRow): Explanation;
  /**
   * The engine's facts for one unit, built from the same rows the SQL reads. `excludeSourceId`
   * leaves out the unit's own review case when counting earlier claims (re-evaluation at approval);
   * `variant` picks the refund type where the programme has several.
   */
  buildFacts(
    q: Queryable,
    run: RunInfo,
    unit: { regionCode: string; creditCode: string },
    options?: { excludeSourceId?: string; variant?: string },
  ): Promise<UnitFacts>;
  /** Persons, claim month and variant for the review case of a finding. */
  handover(q: Queryable, run: RunInfo, finding: FindingRow): Promise<HandoverDetails>;
}
