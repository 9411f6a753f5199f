/**
 * The audit log: who did what to which record, when, with the state before and after.
 * Appends are plain inserts; `sealAuditLog` chains them (seq, prev_hash, hash) once their
 * transactions have ended, so the chain has one order without serialising the writers.
 */
import { createHash } from 'node:crypto';
import type { Database, Queryable } from '@wengang/db';

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
 * Append entries inside the caller's transaction (so they commit or roll back with the change):
 * one INSERT, no lock. The entries are chained later by `sealAuditLog`, after their transaction
 * has ended, so no transaction waits for another to commit (migration 0040 explains why).
 */
export async function recordAudit(tx: Queryable, entry: AuditEntry | AuditEntry[], now = new Date()): Promise<void> {
  const entries = Array.isArray(entry) ? entry : [entry];
  if (entries.length === 0) return;
  await tx.query(auditInsertSql(1, 2), auditInsertParams(entries, now));
}

/**
 * The INSERT of `recordAudit` with its two parameters numbered `$at` and `$entries`, for a caller
 * that records the entries in its own statement (a data-modifying CTE); values: auditInsertParams.
 */
export function auditInsertSql(at: number, entries: number): string {
  return `INSERT INTO audit_log (at, actor_id, actor_role, actor_name, action, entity_type, entity_id, region_code, before, after)
     SELECT $${at}::timestamptz, x.actor_id, x.actor_role, x.actor_name, x.action, x.entity_type, x.entity_id, x.region_code,
            x.before, x.after
       FROM ROWS FROM (jsonb_to_recordset($${entries}::jsonb) AS (actor_id uuid, actor_role text, actor_name text, action text,
            entity_type text, entity_id text, region_code text, before jsonb, after jsonb)) WITH ORDINALITY
            AS x(actor_id, actor_role, actor_name, action, entity_type, entity_id, region_code, before, after, n)
      ORDER BY x.n`;
}

export function auditInsertParams(entries: AuditEntry[], now: Date): [string, string] {
  return [
    now.toISOString(),
    JSON.stringify(
      entries.map((e) => ({
        actor_id: e.actor.id,
        actor_role: e.actor.role,
        actor_name: e.actor.name,
        action: e.action,
        entity_type: e.entityType,
        entity_id: e.entityId,
        region_code: e.regionCode ?? null,
        before: e.before ?? null,
        after: e.after ?? null,
      })),
    ),
  ];
}

type StoredEntry = Omit<HashedFields, 'at'> & { id: number; at: Date | string };

const STORED_COLUMNS =
  'id, at, actor_id, actor_role, actor_name, action, entity_type, entity_id, region_code, before, after';

const hashOf = (prevHash: string, row: StoredEntry) => {
  const { id: _id, ...rest } = row;
  return rowHash(prevHash, { ...rest, at: new Date(row.at).toISOString() });
};

export interface SealResult {
  sealed: number;
  /** Another sealer held the chain; nothing was done (it seals the same entries). */
  busy: boolean;
}

/**
 * Gives the committed, unsealed entries their place in the chain: in one transaction under a
 * try-lock (a second sealer returns at once; the first seals the same entries), in id order, it
 * sets seq, prev_hash and hash — the hash covers the entry as stored, exactly what
 * `verifyAuditChain` recomputes. Entries of a transaction still running are invisible here and are
 * appended by a later call. Idempotent; the server runs it every AUDIT_SEAL_INTERVAL_MS and at
 * shutdown, `wengang audit verify` before verifying.
 */
export async function sealAuditLog(db: Database, batchSize = 5000): Promise<SealResult> {
  let sealed = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const { rows: lock } = await tx.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [
        AUDIT_LOCK,
      ]);
      if (!lock[0]!.ok) return null;
      const { rows: head } = await tx.query<{ seq: number; hash: string }>(
        'SELECT seq, hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1',
      );
      const { rows } = await tx.query<StoredEntry>(
        `SELECT ${STORED_COLUMNS} FROM audit_log
          WHERE seq IS NULL ORDER BY id LIMIT $1`,
        [batchSize],
      );
      if (rows.length === 0) return 0;
      let seq = Number(head[0]?.seq ?? 0);
      let prev = head[0]?.hash ?? GENESIS;
      const ids: number[] = [];
      const seqs: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const row of rows) {
        const hash = hashOf(prev, row);
        ids.push(row.id);
        seqs.push(++seq);
        prevs.push(prev);
        hashes.push(hash);
        prev = hash;
      }
      await tx.query(
        `UPDATE audit_log a SET seq = x.seq, prev_hash = x.prev, hash = x.hash
           FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS x(id, seq, prev, hash)
          WHERE a.id = x.id`,
        [ids, seqs, prevs, hashes],
      );
      return rows.length;
    });
    if (batch === null) return { sealed, busy: true };
    sealed += batch;
    if (batch < batchSize) return { sealed, busy: false };
  }
}

/** Seals in the background every `intervalMs` (unref'd: it never keeps the process alive). */
export function startAuditSealer(
  db: Database,
  intervalMs: number,
  onError: (error: unknown) => void,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => sealAuditLog(db).catch(onError));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await sealAuditLog(db).catch(onError);
    },
  };
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** Committed entries not sealed yet (the server seals every few hundred milliseconds). */
  pending: number;
  /** seq of the first entry whose hash or link does not match. */
  brokenAt?: number;
  reason?: string;
}

/** Recompute the chain from its first entry, in seq order; stops at the first mismatch. */
export async function verifyAuditChain(db: Queryable, batchSize = 5000): Promise<ChainVerification> {
  let prevHash = GENESIS;
  let lastSeq = 0;
  let checked = 0;
  const { rows: unsealed } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM audit_log WHERE seq IS NULL',
  );
  const pending = unsealed[0]!.n;
  for (;;) {
    const { rows } = await db.query<StoredEntry & { seq: number; prev_hash: string; hash: string }>(
      `SELECT ${STORED_COLUMNS}, seq, prev_hash, hash FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [lastSeq, batchSize],
    );
    if (rows.length === 0) return { ok: true, checked, pending };
    for (const row of rows) {
      const { seq, prev_hash, hash, ...entry } = row;
      if (prev_hash !== prevHash) {
        return { ok: false, checked, pending, brokenAt: seq, reason: '与上一条记录的链接不符（记录被删除或插入）' };
      }
      if (hashOf(prevHash, entry) !== hash) {
        return { ok: false, checked, pending, brokenAt: seq, reason: '记录内容与哈希不符（记录被修改）' };
      }
      prevHash = hash;
      lastSeq = Number(seq);
      checked++;
    }
  }
}
