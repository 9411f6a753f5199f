/**
 * The audit log: who did what to which record, when, with the state before and after.
 * Appends are serialised by a transaction-scoped advisory lock so the hash chain has one order.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '@wengang/db';

export interface Actor {
  /** Account id; null for the system itself (screening runs, scheduled jobs). */
  id: string | null;
  role: string;
  name: string;
}

export const systemActor: Actor = { id: null, role: 'system', name: '系统' };

export interface AuditEntry {
  actor: Actor;
  /** Verb in snake case, e.g. `application.submit`, `person.view_unmasked`. */
  action: string;
  entityType: string;
  entityId: string;
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
}

const AUDIT_LOCK = 7_310_2021;
const GENESIS = '0'.repeat(64);

/** Canonical JSON: keys sorted at every depth, so the hash does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

interface HashedFields {
  at: string;
  actor_id: string | null;
  actor_role: string;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  region_code: string | null;
  before: unknown;
  after: unknown;
}

function rowHash(prevHash: string, fields: HashedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

/**
 * Append one entry inside the caller's transaction (so it commits or rolls back with the change).
 * Two round trips: the lock, then one INSERT that reads the chain head itself (its snapshot is
 * taken after the lock is held) and hashes `prev_hash + "\n" + canonical JSON` with SQL sha256 —
 * the same bytes `rowHash` hashes, so verification is unchanged. Call it last in a transaction:
 * the lock is held until commit.
 */
export async function recordAudit(tx: Queryable, entry: AuditEntry, now = new Date()): Promise<void> {
  // Round-trip through JSON so the hashed value equals what jsonb gives back later.
  const fields: HashedFields = {
    at: now.toISOString(),
    actor_id: entry.actor.id,
    actor_role: entry.actor.role,
    actor_name: entry.actor.name,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    region_code: entry.regionCode ?? null,
    before: entry.before === undefined ? null : JSON.parse(JSON.stringify(entry.before)),
    after: entry.after === undefined ? null : JSON.parse(JSON.stringify(entry.after)),
  };
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  await tx.query(
    `INSERT INTO audit_log (at, actor_id, actor_role, actor_name, action, entity_type, entity_id, region_code, before, after, prev_hash, hash)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, head.hash,
            encode(sha256(convert_to(head.hash || E'\n' || $11::text, 'UTF8')), 'hex')
       FROM (SELECT coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), $12::text) AS hash) AS head`,
    [
      fields.at,
      fields.actor_id,
      fields.actor_role,
      fields.actor_name,
      fields.action,
      fields.entity_type,
      fields.entity_id,
      fields.region_code,
      fields.before === null ? null : JSON.stringify(fields.before),
      fields.after === null ? null : JSON.stringify(fields.after),
      canonicalJson(fields),
      GENESIS,
    ],
  );
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** id of the first row whose hash or link does not match. */
  brokenAt?: number;
  reason?: string;
}

/** Recompute the chain from the first row; stops at the first mismatch. */
export async function verifyAuditChain(db: Queryable, batchSize = 5000): Promise<ChainVerification> {
  let prevHash = GENESIS;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const { rows } = await db.query<HashedFields & { id: number; at: Date; prev_hash: string; hash: string }>(
      `SELECT id, at, actor_id, actor_role, actor_name, action, entity_type, entity_id, region_code, before, after, prev_hash, hash
         FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2`,
      [lastId, batchSize],
    );
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      if (row.prev_hash !== prevHash) {
        return { ok: false, checked, brokenAt: row.id, reason: '与上一条记录的链接不符（记录被删除或插入）' };
      }
      const { id: _id, prev_hash: _p, hash, ...rest } = row;
      const fields: HashedFields = { ...rest, at: new Date(row.at).toISOString() };
      if (rowHash(prevHash, fields) !== hash) {
        return { ok: false, checked, brokenAt: row.id, reason: '记录内容与哈希不符（记录被修改）' };
      }
      prevHash = hash;
      lastId = row.id;
      checked++;
    }
  }
}
