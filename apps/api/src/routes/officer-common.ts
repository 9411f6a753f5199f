/**
 * Shared by the workbench routes (officer-*.ts): who may call each route (declared once, checked
 * before validation so that a wrong role never learns anything from a validation message, and
 * listed for the authorisation matrix test), and the translation of workflow errors to HTTP.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { WorkflowError, type Principal, type Role } from '@wengang/workflow';
import { HttpError, requireAccount } from '../security/session';

export interface Access {
  /** Roles that may call the route; `public` for the published pages. */
  roles: readonly Role[] | 'public';
  /**
   * region: the data are limited to the officer's region and its sub-regions;
   * enterprise: to the enterprise user's own enterprise; none: no personal or regional data.
   */
  scope: 'region' | 'enterprise' | 'none';
}

/** `METHOD /api/...` → access, for every workbench route (read by the authorisation matrix test). */
export const workbenchAccess = new Map<string, Access>();

export const reviewers: readonly Role[] = ['county_reviewer', 'prefecture_reviewer'];
export const officers: readonly Role[] = [
  'county_reviewer',
  'prefecture_reviewer',
  'finance',
  'policy_admin',
  'auditor',
];

/**
 * A preValidation hook enforcing the declared roles (401 without a session, 403 for another role),
 * registered with the route and recorded in `workbenchAccess`.
 */
export function access(app: FastifyInstance, method: string, url: string, a: Access) {
  workbenchAccess.set(`${method} ${app.prefix}${url}`, a);
  return async (request: FastifyRequest) => {
    if (a.roles === 'public') return;
    const account = requireAccount(request);
    if (!a.roles.includes(account.role)) throw new HttpError(403, 'forbidden', '当前账号无权使用此功能');
  };
}

export function principal(request: FastifyRequest): Principal {
  const a = requireAccount(request);
  return { id: a.id, role: a.role, displayName: a.displayName, regionCode: a.regionCode, enterpriseId: a.enterpriseId };
}

const statusOf: Record<WorkflowError['code'], number> = {
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  invalid: 422,
  stopped: 409,
};

/** Runs a domain call, answering its WorkflowErrors as HTTP errors with their Chinese message. */
export async function domain<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof WorkflowError) throw new HttpError(statusOf[error.code], error.code, error.message);
    if (error instanceof RangeError && /工作日历|日期/.test(error.message))
      throw new HttpError(422, 'invalid', error.message);
    throw error;
  }
}

/** A value as its JSON answer carries it: dates become ISO strings. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

export function json<T>(value: T): Jsonified<T> {
  return JSON.parse(JSON.stringify(value)) as Jsonified<T>;
}
