/**
 * One-time codes sent to a mobile phone (registration, password reset) through a pluggable
 * sender. The default sender writes the code to the server log; a real SMS gateway implements
 * the same one-method interface. Codes are 6 digits, valid 10 minutes, at most 5 tries, one per
 * phone and purpose per minute and 10 per day. Only a salted hash is stored.
 */
import { createHash, randomInt } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '@wengang/db';
import { HttpError } from './session';

export type CodePurpose = 'register' | 'reset';

export interface SmsSender {
  send(phone: string, text: string, meta: { purpose: CodePurpose; code: string }): Promise<void>;
}

/** Writes the code to the server log (the default: no SMS gateway is configured). */
export function logSmsSender(log: FastifyBaseLogger): SmsSender {
  return {
    async send(phone, text, meta) {
      log.info(
        { sms: { phone, purpose: meta.purpose, code: meta.code } },
        `短信验证码（未配置短信网关，仅写入日志）：${text}`,
      );
    },
  };
}

const CODE_MINUTES = 10;
const RESEND_SECONDS = 60;
const MAX_PER_DAY = 10;
const MAX_ATTEMPTS = 5;

const purposeText: Record<CodePurpose, string> = { register: '注册账号', reset: '重置密码' };

const hashCode = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest('hex');

export async function issuePhoneCode(
  db: Database,
  sender: SmsSender,
  phone: string,
  purpose: CodePurpose,
  now = new Date(),
): Promise<{ code: string; expiresAt: Date }> {
  const { rows } = await db.query<{ last: Date | null; today: number }>(
    `SELECT max(created_at) AS last, count(*)::int AS today FROM phone_codes
      WHERE phone = $1 AND purpose = $2 AND created_at > $3`,
    [phone, purpose, new Date(now.getTime() - 24 * 3600_000)],
  );
  const last = rows[0]?.last ? new Date(rows[0].last) : null;
  if (last && now.getTime() - last.getTime() < RESEND_SECONDS * 1000) {
    const wait = Math.ceil((RESEND_SECONDS * 1000 - (now.getTime() - last.getTime())) / 1000);
    throw new HttpError(429, 'code_too_soon', `验证码发送过于频繁，请 ${wait} 秒后再试`);
  }
  if ((rows[0]?.today ?? 0) >= MAX_PER_DAY) {
    throw new HttpError(429, 'code_daily_limit', '该手机号今日获取验证码次数已达上限，请明天再试');
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(now.getTime() + CODE_MINUTES * 60_000);
  const { rows: inserted } = await db.query<{ id: string }>(
    `INSERT INTO phone_codes (phone, purpose, code_hash, created_at, expires_at) VALUES ($1, $2, '', $3, $4) RETURNING id`,
    [phone, purpose, now, expiresAt],
  );
  const id = inserted[0]!.id;
  await db.query('UPDATE phone_codes SET code_hash = $2 WHERE id = $1', [id, hashCode(id, code)]);
  await sender.send(
    phone,
    `【稳岗扩岗服务平台】您正在${purposeText[purpose]}，验证码 ${code}，${CODE_MINUTES} 分钟内有效。请勿告诉他人。`,
    { purpose, code },
  );
  return { code, expiresAt };
}

/** Consumes the latest code for the phone and purpose when it matches; throws a Chinese error otherwise. */
export async function consumePhoneCode(
  db: Database,
  phone: string,
  purpose: CodePurpose,
  code: string,
  now = new Date(),
): Promise<void> {
  await db
    .transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string; code_hash: string; expires_at: Date; attempts: number }>(
        `SELECT id, code_hash, expires_at, attempts FROM phone_codes
        WHERE phone = $1 AND purpose = $2 AND consumed_at IS NULL
        ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
        [phone, purpose],
      );
      const row = rows[0];
      if (!row || new Date(row.expires_at) <= now) {
        throw new HttpError(422, 'code_expired', '验证码已失效，请重新获取', [
          { path: 'code', message: '验证码已失效，请点击「获取验证码」重新获取' },
        ]);
      }
      if (row.attempts >= MAX_ATTEMPTS) {
        throw new HttpError(422, 'code_locked', '验证码错误次数过多，请重新获取', [
          { path: 'code', message: '验证码错误次数过多，请重新获取' },
        ]);
      }
      if (row.code_hash !== hashCode(row.id, code.trim())) {
        await tx.query('UPDATE phone_codes SET attempts = attempts + 1 WHERE id = $1', [row.id]);
        return 'wrong' as const;
      }
      await tx.query('UPDATE phone_codes SET consumed_at = $2 WHERE id = $1', [row.id, now]);
      return 'ok' as const;
    })
    .then((result) => {
      if (result === 'wrong') {
        throw new HttpError(422, 'code_wrong', '验证码不正确', [
          { path: 'code', message: '验证码不正确，请核对短信中的 6 位数字' },
        ]);
      }
    });
}
