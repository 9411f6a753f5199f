/**
 * Who is acting, and what they may see: an officer sees and acts only on cases in their region and
 * its sub-regions; an enterprise user only on their own enterprise's cases. Every domain function
 * checks this again, whatever the HTTP layer already did.
 */
import type { Queryable } from '@wengang/db';
import type { Actor } from './audit';
import { WorkflowError, type Role } from './workflows';

/** The signed-in account (structurally the portal's SessionAccount). */
export interface Principal {
  id: string;
  role: Role;
  displayName: string;
  regionCode: string | null;
  enterpriseId: string | null;
}

export function actorOf(p: Principal): Actor {
  return { id: p.id, role: p.role, name: p.displayName };
}

export const isOfficer = (p: Principal) => p.role !== 'enterprise';

export function requireOfficerRegion(p: Principal): string {
  if (p.role === 'enterprise' || !p.regionCode) throw new WorkflowError('此功能仅供经办人员使用', 'forbidden');
  return p.regionCode;
}

export function requireRole(p: Principal, roles: readonly Role[], what: string): void {
  if (!roles.includes(p.role)) throw new WorkflowError(`当前账号无权${what}`, 'forbidden');
}

/** true when `code` is `root` or below it (regions.parent_code). */
export async function regionWithin(q: Queryable, code: string, root: string): Promise<boolean> {
  if (code === root) return true;
  const { rows } = await q.query<{ ok: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM region_scope($1) s WHERE s = $2) AS ok',
    [root, code],
  );
  return rows[0]?.ok === true;
}

/** The region and its ancestors, nearest first. */
export async function ancestryOf(q: Queryable, code: string): Promise<string[]> {
  const { rows } = await q.query<{ code: string }>('SELECT code FROM region_ancestry($1) ORDER BY depth', [code]);
  return rows.map((r) => r.code);
}

export async function regionLevel(q: Queryable, code: string): Promise<string | null> {
  const { rows } = await q.query<{ level: string }>('SELECT level FROM regions WHERE code = $1', [code]);
  return rows[0]?.level ?? null;
}

export async function regionName(q: Queryable, code: string): Promise<string> {
  const { rows } = await q.query<{ full_name: string }>('SELECT full_name FROM regions WHERE code = $1', [code]);
  return rows[0]?.full_name ?? code;
}

/**
 * May the principal see a record of this region (and enterprise)? Officers: within their region;
 * enterprise users: their own enterprise only. Not-visible records answer "not found", so that
 * nothing about another region's cases leaks (not even that they exist).
 */
export async function canSee(
  q: Queryable,
  p: Principal,
  record: { regionCode: string; enterpriseId?: string | null },
): Promise<boolean> {
  if (p.role === 'enterprise') return p.enterpriseId !== null && record.enterpriseId === p.enterpriseId;
  if (!p.regionCode) return false;
  return regionWithin(q, record.regionCode, p.regionCode);
}

export async function assertCanSee(
  q: Queryable,
  p: Principal,
  record: { regionCode: string; enterpriseId?: string | null },
  what = '记录',
): Promise<void> {
  if (!(await canSee(q, p, record))) throw new WorkflowError(`未找到该${what}，或不在您的管辖范围内`, 'not_found');
}
