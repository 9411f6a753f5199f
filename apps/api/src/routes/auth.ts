/**
 * Accounts: 单位登录 (user name = mobile number), 首次登录点此注册 with a phone code, 经办人员登录,
 * logout and password reset by phone code. Passwords are hashed with scrypt; failed logins are
 * throttled per user name (in the database, so across processes) and per address.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '@wengang/db';
import { checkMobilePhone, recordAudit } from '@wengang/workflow';
import { hashPassword, verifyPassword } from '../security/password';
import { consumePhoneCode, issuePhoneCode, type SmsSender } from '../security/phone-codes';
import {
  actorOf,
  clearSessionCookie,
  createSession,
  deleteSessions,
  HttpError,
  requireAccount,
  setSessionCookie,
  type SessionAccount,
} from '../security/session';
import { ErrorBody } from './errors';

export interface AuthOptions {
  db: Database;
  sms: SmsSender;
  /** Demo mode: the phone code is also returned to the page. */
  demo: boolean;
  secureCookies: boolean;
}

const Account = z.object({
  id: z.string(),
  username: z.string().describe('用户名：单位用户为手机号'),
  displayName: z.string(),
  role: z.enum(['enterprise', 'county_reviewer', 'prefecture_reviewer', 'finance', 'policy_admin', 'auditor']),
  regionCode: z.string().nullable(),
  enterpriseId: z.string().nullable().describe('单位用户绑定的单位；填写单位信息前为空'),
});

const SessionBody = z.object({ account: Account.nullable(), csrfToken: z.string().nullable() });

const LOCK_MINUTES = 15;
const MAX_FAILURES = 5;

/** 8–64 characters with at least a letter and a digit. */
function passwordIssues(password: string, path: string): { path: string; message: string }[] {
  if (password.length < 8 || password.length > 64) return [{ path, message: '密码长度应为 8–64 位' }];
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) {
    return [{ path, message: '密码应同时包含字母和数字' }];
  }
  return [];
}

function phoneOrThrow(phone: string, path = 'phone'): string {
  const problem = checkMobilePhone(phone);
  if (problem) throw new HttpError(422, 'invalid_input', problem, [{ path, message: problem }]);
  return phone.trim();
}

export const authRoutes: FastifyPluginAsyncZod<AuthOptions> = async (app, { db, sms, demo, secureCookies }) => {
  const loginLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

  app.get(
    '/v1/auth/session',
    {
      schema: {
        summary: '当前登录状态',
        description: '返回当前账号（未登录为 null）与 CSRF 令牌：所有修改类请求须在 x-csrf-token 请求头中携带该令牌。',
        tags: ['auth'],
        response: { 200: SessionBody },
      },
    },
    async (request) => ({ account: request.account, csrfToken: request.csrfToken }),
  );

  app.post(
    '/v1/auth/phone-codes',
    {
      config: loginLimit,
      schema: {
        summary: '获取手机验证码',
        description:
          '注册（register）或找回密码（reset）时向手机发送 6 位验证码，10 分钟内有效，每分钟限 1 次。演示模式下验证码同时返回在 demoCode 中。',
        tags: ['auth'],
        body: z.object({ phone: z.string(), purpose: z.enum(['register', 'reset']) }),
        response: {
          200: z.object({ sent: z.literal(true), expiresInSeconds: z.number(), demoCode: z.string().optional() }),
          409: ErrorBody,
          422: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (request) => {
      const phone = phoneOrThrow(request.body.phone);
      const { rows } = await db.query('SELECT 1 FROM accounts WHERE username = $1', [phone]);
      if (request.body.purpose === 'register' && rows.length > 0) {
        throw new HttpError(409, 'already_registered', '该手机号已注册，请直接登录；忘记密码可通过「找回密码」重置');
      }
      if (request.body.purpose === 'reset' && rows.length === 0) {
        throw new HttpError(422, 'user_not_found', '该手机号尚未注册，请先注册', [
          { path: 'phone', message: '该手机号尚未注册，请先注册' },
        ]);
      }
      const issued = await issuePhoneCode(db, sms, phone, request.body.purpose);
      return {
        sent: true as const,
        expiresInSeconds: Math.round((issued.expiresAt.getTime() - Date.now()) / 1000),
        ...(demo ? { demoCode: issued.code } : {}),
      };
    },
  );

  app.post(
    '/v1/auth/register',
    {
      config: loginLimit,
      schema: {
        summary: '注册单位账号（首次登录点此注册）',
        description: '用户名为手机号，须先获取验证码。注册成功即登录；单位信息在首次申报时填写。',
        tags: ['auth'],
        body: z.object({
          phone: z.string(),
          code: z.string(),
          password: z.string(),
          displayName: z.string().optional().describe('经办人姓名'),
        }),
        response: { 200: SessionBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (request, reply) => {
      const phone = phoneOrThrow(request.body.phone);
      const issues = passwordIssues(request.body.password, 'password');
      if (issues.length) throw new HttpError(422, 'invalid_input', issues[0]!.message, issues);
      await consumePhoneCode(db, phone, 'register', request.body.code);
      const passwordHash = await hashPassword(request.body.password);
      const displayName = request.body.displayName?.trim() || `单位用户 ${phone.slice(0, 3)}****${phone.slice(7)}`;
      const account = await db.transaction(async (tx) => {
        const { rows } = await tx.query<{ id: string }>(
          `INSERT INTO accounts (username, password_hash, display_name, role) VALUES ($1, $2, $3, 'enterprise')
             ON CONFLICT (username) DO NOTHING RETURNING id`,
          [phone, passwordHash, displayName],
        );
        if (!rows[0]) throw new HttpError(409, 'already_registered', '该手机号已注册，请直接登录');
        const created: SessionAccount = {
          id: rows[0].id,
          username: phone,
          displayName,
          role: 'enterprise',
          regionCode: null,
          enterpriseId: null,
        };
        await recordAudit(tx, {
          actor: actorOf(created),
          action: 'account.register',
          entityType: 'account',
          entityId: created.id,
          after: { username: `${phone.slice(0, 3)}****${phone.slice(7)}`, role: 'enterprise' },
        });
        return created;
      });
      const session = await createSession(db, account.id);
      setSessionCookie(reply, session, secureCookies);
      return { account, csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/v1/auth/login',
    {
      config: loginLimit,
      schema: {
        summary: '登录（单位登录 / 经办人员登录）',
        description:
          'portal=enterprise：用户名为手机号；用户不存在时返回 404 user_not_found（页面提示「首次登录点此注册」）。portal=officer：经办人员账号。连续 5 次密码错误锁定 15 分钟。',
        tags: ['auth'],
        body: z.object({ username: z.string(), password: z.string(), portal: z.enum(['enterprise', 'officer']) }),
        response: { 200: SessionBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const username = request.body.username.trim();
      const { portal, password } = request.body;
      const since = new Date(Date.now() - LOCK_MINUTES * 60_000);
      const { rows: failures } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM login_failures WHERE username = $1 AND at > $2',
        [username, since],
      );
      if ((failures[0]?.n ?? 0) >= MAX_FAILURES) {
        throw new HttpError(
          429,
          'locked',
          `密码连续错误 ${MAX_FAILURES} 次，账号已临时锁定，请 ${LOCK_MINUTES} 分钟后再试，或通过「找回密码」用手机验证码重置`,
        );
      }
      const { rows } = await db.query<{
        id: string;
        password_hash: string;
        display_name: string;
        role: SessionAccount['role'];
        region_code: string | null;
        enterprise_id: string | null;
      }>('SELECT id, password_hash, display_name, role, region_code, enterprise_id FROM accounts WHERE username = $1', [
        username,
      ]);
      const row = rows[0];
      if (!row) {
        if (portal === 'enterprise') {
          throw new HttpError(404, 'user_not_found', '用户不存在。首次使用请点击「首次登录点此注册」注册账号');
        }
        throw new HttpError(404, 'user_not_found', '用户不存在，请核对经办人员用户名');
      }
      if (!(await verifyPassword(password, row.password_hash))) {
        await db.query('INSERT INTO login_failures (username) VALUES ($1)', [username]);
        const left = MAX_FAILURES - (failures[0]?.n ?? 0) - 1;
        throw new HttpError(
          401,
          'wrong_password',
          left > 0
            ? `用户名或密码错误，还可尝试 ${left} 次`
            : `密码连续错误 ${MAX_FAILURES} 次，账号已临时锁定 ${LOCK_MINUTES} 分钟`,
        );
      }
      if (portal === 'enterprise' && row.role !== 'enterprise') {
        throw new HttpError(403, 'wrong_portal', '该账号为经办人员账号，请从「经办人员登录」进入');
      }
      if (portal === 'officer' && row.role === 'enterprise') {
        throw new HttpError(403, 'wrong_portal', '该账号为单位账号，请从「单位登录」进入');
      }
      await db.query('DELETE FROM login_failures WHERE username = $1', [username]);
      const account: SessionAccount = {
        id: row.id,
        username,
        displayName: row.display_name,
        role: row.role,
        regionCode: row.region_code,
        enterpriseId: row.enterprise_id,
      };
      const session = await createSession(db, account.id);
      setSessionCookie(reply, session, secureCookies);
      return { account, csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/v1/auth/logout',
    {
      schema: { summary: '退出登录', tags: ['auth'], response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (request, reply) => {
      if (request.sessionTokenHash) await deleteSessions(db, { tokenHash: request.sessionTokenHash });
      clearSessionCookie(reply, secureCookies);
      return { ok: true as const };
    },
  );

  app.post(
    '/v1/auth/password-reset',
    {
      config: loginLimit,
      schema: {
        summary: '找回密码（手机验证码）',
        description: '先以 purpose=reset 获取验证码。重置后该账号的所有登录会话失效，需重新登录。',
        tags: ['auth'],
        body: z.object({ phone: z.string(), code: z.string(), newPassword: z.string() }),
        response: { 200: z.object({ ok: z.literal(true) }), 422: ErrorBody },
      },
    },
    async (request) => {
      const phone = phoneOrThrow(request.body.phone);
      const issues = passwordIssues(request.body.newPassword, 'newPassword');
      if (issues.length) throw new HttpError(422, 'invalid_input', issues[0]!.message, issues);
      await consumePhoneCode(db, phone, 'reset', request.body.code);
      const passwordHash = await hashPassword(request.body.newPassword);
      await db.transaction(async (tx) => {
        const { rows } = await tx.query<{ id: string; display_name: string; role: string }>(
          'UPDATE accounts SET password_hash = $2 WHERE username = $1 RETURNING id, display_name, role',
          [phone, passwordHash],
        );
        const row = rows[0];
        if (!row) throw new HttpError(422, 'user_not_found', '该手机号尚未注册');
        await deleteSessions(tx, { accountId: row.id });
        await tx.query('DELETE FROM login_failures WHERE username = $1', [phone]);
        await recordAudit(tx, {
          actor: { id: row.id, role: row.role, name: row.display_name },
          action: 'account.password_reset',
          entityType: 'account',
          entityId: row.id,
        });
      });
      return { ok: true as const };
    },
  );

  app.get(
    '/v1/auth/me',
    {
      schema: { summary: '当前账号（须登录）', tags: ['auth'], response: { 200: Account, 401: ErrorBody } },
    },
    async (request) => requireAccount(request),
  );
};
