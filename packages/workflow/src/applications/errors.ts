/** Errors of the application workflow: a Chinese message for the user and, per field, what to fix. */
export interface FieldIssue {
  /** Field name as in the API (e.g. `creditCode`, `persons.3.idNumber`), or '' for the whole request. */
  path: string;
  message: string;
}

export type ApplicationErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'duplicate_month'
  | 'yearly_limit'
  | 'not_editable'
  | 'rule_failed'
  | 'file_rejected';

const statusOf: Record<ApplicationErrorCode, number> = {
  invalid_input: 422,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  duplicate_month: 409,
  yearly_limit: 409,
  not_editable: 409,
  rule_failed: 422,
  file_rejected: 422,
};

export class ApplicationError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApplicationErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApplicationError';
    this.status = statusOf[code];
  }
}

/** Throws an invalid_input error listing every issue, if there are any. */
export function throwIfIssues(issues: FieldIssue[], summary = '填写内容有误，请按提示修改'): void {
  if (issues.length > 0) throw new ApplicationError('invalid_input', `${summary}：${issues[0]!.message}`, issues);
}

/** PostgreSQL's unique_violation / check_violation with the constraint name, from either driver. */
export function constraintViolation(error: unknown): { code: string; constraint: string } | null {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object' || (e.code !== '23505' && e.code !== '23514')) return null;
  let constraint = typeof e.constraint === 'string' ? e.constraint : '';
  if (!constraint && typeof e.message === 'string') constraint = /"([^"]+)"/.exec(e.message)?.[1] ?? '';
  return { code: e.code as string, constraint };
}
