/**
 * Sessions in an HttpOnly, SameSite=Lax cookie holding a random token (only its SHA-256 is
 * stored), and CSRF protection: every state-changing request of a signed-in user must carry the
 * session's CSRF token in the `x-csrf-token` header, and a browser request from another origin is
 * refused even before sign-in (login CSRF).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database, Queryable } from '@wengang/db';
import type {} from '@fastify/cookie';
import type { Actor } from '@wengang/workflow';

export const SESSION_COOKIE = 'wg_session';
export const CSRF_HEADER = 'x-csrf-token';
const SESSION_HOURS = 8;

export type Role = 'enterprise' | 'county_reviewer' | 'prefecture_reviewer' | 'finance' | 'policy_admin' | 'auditor';

export interface SessionAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  enterpriseId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    account: SessionAccount | null;
    csrfToken: string | null;
    sessionTokenHash: string | null;
  }
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(db: Queryable, accountId: string, now = new Date()): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await db.query(
    'INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
    [tokenHash(token), accountId, csrfToken, now, expiresAt],
  );
  return { token, csrfToken, expiresAt };
}

interface SessionRow {
  csrf_token: string;
  id: string;
  username: string;
  display_name: string;
  role: Role;
  region_code: string | null;
  enterprise_id: string | null;
}

export async function readSession(
  db: Queryable,
  token: string,
  now = new Date(),
): Promise<{ account: SessionAccount; csrfToken: string } | null> {
  const { rows } = await db.query<SessionRow>(
    `SELECT s.csrf_token, a.id, a.username, a.display_name, a.role, a.region_code, a.enterprise_id
       FROM sessions s JOIN accounts a ON a.id = s.account_id
      WHERE s.token_hash = $1 AND s.expires_at > $2`,
    [tokenHash(token), now],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    csrfToken: row.csrf_token,
    account: {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      regionCode: row.region_code,
      enterpriseId: row.enterprise_id,
    },
  };
}

export async function deleteSessions(
  db: Queryable,
  where: { tokenHash: string } | { accountId: string },
): Promise<void> {
  if ('tokenHash' in where) await db.query('DELETE FROM sessions WHERE token_hash = $1', [where.tokenHash]);
  else await db.query('DELETE FROM sessions WHERE account_id = $1', [where.accountId]);
}

export function setSessionCookie(reply: FastifyReply, session: NewSession, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return origin === undefined;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function equalTokens(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** onRequest hook: loads the session and enforces the CSRF rules. */
export function sessionHook(db: Database) {
  return async (request: FastifyRequest) => {
    request.account = null;
    request.csrfToken = null;
    request.sessionTokenHash = null;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await readSession(db, token);
      if (session) {
        request.account = session.account;
        request.csrfToken = session.csrfToken;
        request.sessionTokenHash = tokenHash(token);
      }
    }
    if (SAFE_METHODS.has(request.method)) return;
    if (!sameOrigin(request)) {
      throw new HttpError(403, 'cross_origin', '请求来源与本站不一致，已拒绝（跨站请求防护）');
    }
    if (request.account) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !equalTokens(sent, request.csrfToken!)) {
        throw new HttpError(403, 'csrf', '页面已过期或请求缺少安全令牌，请刷新页面后重试');
      }
    }
  };
}

export function requireAccount(request: FastifyRequest): SessionAccount {
  if (!request.account) throw new HttpError(401, 'unauthenticated', '请先登录');
  return request.account;
}

/** The signed-in enterprise user and the enterprise bound to the account (may be null before the unit form). */
export function requireEnterpriseUser(request: FastifyRequest): SessionAccount {
  const account = requireAccount(request);
  if (account.role !== 'enterprise')
    throw new HttpError(403, 'forbidden', '此功能仅供单位用户使用，请使用单位账号登录');
  return account;
}

export function actorOf(account: SessionAccount): Actor {
  return { id: account.id, role: account.role, name: account.displayName };
}
