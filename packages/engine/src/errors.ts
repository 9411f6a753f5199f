/**
 * Typed errors. Callers tell them apart with `instanceof` or by `code`:
 * - `InputError` (and its subclasses): the request is wrong; `issues` names each field in Chinese.
 * - `ParameterNotFoundError`, `ProgrammeError`: the rules are wrong (a bug to fix in policies/).
 * - `DefinitionError`: a parameter or programme definition is invalid (thrown at import time).
 */
import type { RegionCode } from './types';

/** One problem with one input field. `path` is dotted from the request, e.g. `facts.persons.0.idNumber`. */
export interface FieldIssue {
  path: string;
  /** Chinese message for the person who filled the field in. */
  message: string;
}

export type EngineErrorCode =
  | 'invalid_input'
  | 'unknown_programme'
  | 'region_not_covered'
  | 'parameter_not_found'
  | 'programme_error'
  | 'invalid_definition';

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  constructor(code: EngineErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The request (envelope or facts) is invalid. `issues` lists every problem found. */
export class InputError extends EngineError {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[], code: EngineErrorCode = 'invalid_input') {
    super(code, `输入有误：${issues.map((i) => (i.path ? `${i.path}：${i.message}` : i.message)).join('；')}`);
    this.issues = issues;
  }
}

/** No programme with this id (an input error on `programme`). */
export class UnknownProgrammeError extends InputError {
  readonly programme: string;
  constructor(programme: string, known: readonly string[]) {
    const choices = known.length > 0 ? `（可选：${known.join('、')}）` : '';
    super([{ path: 'programme', message: `未知的补贴项目“${programme}”${choices}` }], 'unknown_programme');
    this.programme = programme;
  }
}

/** The region is not one the programme is defined for, or is unknown (an input error on `region`). */
export class RegionNotCoveredError extends InputError {
  readonly programme: string;
  readonly region: RegionCode;
  /**
   * @param unknownReason set when the region hierarchy does not know the code: the hierarchy's own
   * message, used when it is Chinese (the kernel's names a replacement for a retired code).
   */
  constructor(
    programme: string,
    programmeName: string,
    region: RegionCode,
    regions: readonly RegionCode[],
    unknownReason?: string,
  ) {
    const message =
      unknownReason === undefined
        ? `地区 ${region} 不在「${programmeName}」的适用范围内（适用地区：${regions.join('、')}）`
        : /[\u4e00-\u9fff]/.test(unknownReason)
          ? unknownReason
          : `未知的行政区划代码 ${region}`;
    super([{ path: 'region', message }], 'region_not_covered');
    this.programme = programme;
    this.region = region;
  }
}

/** `ctx.param` found no value for the region, date and decision date: a gap in the parameters. */
export class ParameterNotFoundError extends EngineError {
  readonly parameter: string;
  readonly region: RegionCode;
  readonly on: string;
  readonly asOf: string;
  constructor(parameter: string, label: string, region: RegionCode, on: string, asOf: string) {
    super(
      'parameter_not_found',
      `参数「${label}」（${parameter}）在地区 ${region}、日期 ${on} 没有适用的值（仅计 ${asOf} 及以前发布的文件）`,
    );
    this.parameter = parameter;
    this.region = region;
    this.on = on;
    this.asOf = asOf;
  }
}

/** A programme's rules did something the engine refuses (non-integer money, malformed outcome…). */
export class ProgrammeError extends EngineError {
  readonly programme: string;
  constructor(programme: string, message: string, options?: ErrorOptions) {
    super('programme_error', `规则错误（${programme}）：${message}`, options);
    this.programme = programme;
  }
}

/** A parameter or programme definition is invalid. The message names the definition. */
export class DefinitionError extends EngineError {
  constructor(message: string) {
    super('invalid_definition', message);
  }
}
