/**
 * @wengang/engine: policies as code. Define dated, region-scoped, cited parameters and
 * programmes; evaluate a request into a deterministic, explained Decision. No I/O.
 *
 * This is also the whole authoring API of policies/: it re-exports the kernel's pure helpers
 * (dates, money in fen, regions, ID numbers, enterprise size, industries) that rules need.
 */
export * from '@wengang/kernel';
/** zod, for programmes' facts schemas: policies import it from here, not directly. */
export { z } from 'zod';
export type {
  AmountLine,
  AncestorsOf,
  Citation,
  ConditionOutcome,
  ConditionResult,
  Decision,
  DecisionContext,
  Eligibility,
  EvaluationRequest,
  Fen,
  IsoDate,
  IsoMonth,
  ParameterDefinition,
  ParameterValue,
  ProgrammeDefinition,
  RegionCode,
  ResolvedParameter,
} from './types';
export { defineParameter, resolveParameter, type ResolveOptions } from './parameter';
export { defineProgramme, createRegistry, type Registry } from './programme';
export {
  evaluate,
  evaluateEach,
  evaluateMany,
  rulesetVersion,
  type EvaluateOptions,
  type EvaluationResult,
} from './evaluate';
export { explainZh, formatCitation, formatParameterValue } from './explain';
export { factsJsonSchema } from './json-schema';
export { checkCase, type PolicyCase, type CaseExpectation, type CaseCheck } from './case';
export {
  EngineError,
  InputError,
  UnknownProgrammeError,
  RegionNotCoveredError,
  ParameterNotFoundError,
  ProgrammeError,
  DefinitionError,
  type EngineErrorCode,
  type FieldIssue,
} from './errors';
export { zhErrorMap } from './messages';
export { canonicalJson, sha256Hex } from './hash';
export { isRegionCode } from './validate';
