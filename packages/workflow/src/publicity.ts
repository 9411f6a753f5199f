/**
 * 公示: approved cases of a region are put on a publicity list (batch) with the enterprise's name,
 * the headcount and the amount, persons masked (鲁人社字〔2020〕55号 第十四条: 含隐藏部分字段的身份证号),
 * for a period of working days counted from the day after publication (开始的当日不计入; default 5,
 * a parameter). An objection recorded against a case takes it off the list and reopens its review.
 * When the period has ended, the cases with no open objection are released to payment.
 */
import type { Queryable } from '@wengang/db';
import { addWorkingDays, maskResidentId, todayInShanghai } from '@wengang/kernel';
import { recordAudit, systemActor } from './audit';
import { maskPersonName } from './case-view';
import { loadCase } from './cases';
import { stateKeys, takeAction } from './machine';
import { actorOf, assertCanSee, requireOfficerRegion, requireRole, type Principal } from './principal';
import { getWorkflow, WorkflowError } from './workflows';

export const DEFAULT_PUBLICITY_WORKING_DAYS = 5;

export interface PublicityItem {
  caseId: string;
  regionCode: string;
  enterpriseName: string;
  programmeName: string;
  headcount: number;
  amountFen: number;
  persons: { name: string; id: string }[];
  outcome: 'listed' | 'released' | 'withdrawn';
}

export interface PublicityBatch {
  id: string;
  regionCode: string;
  regionName: string;
  title: string;
  periodWorkingDays: number;
  publishedOn: string;
  endsOn: string;
  status: 'open' | 'closed';
  createdByName: string;
  items: PublicityItem[];
  objections: Objection[];
}

export interface Objection {
  id: string;
  caseId: string;
  receivedOn: string;
  objector: string;
  content: string;
  status: 'open' | 'resolved';
  resolution: string | null;
}

export interface PendingPublicity {
  id: string;
  regionCode: string;
  title: string;
  amountFen: number;
  headcount: number;
  workflowId: string;
  status: string;
  enterpriseName: string;
}

/** Cases of the officer's region waiting to be publicised. */
export async function pendingPublicity(q: Queryable, p: Principal): Promise<PendingPublicity[]> {
  const region = requireOfficerRegion(p);
  const { rows } = await q.query<PendingPublicity>(
    `SELECT c.id, c.region_code AS "regionCode", c.title, c.amount_fen AS "amountFen", c.headcount, c.workflow_id AS "workflowId",
            c.status, e.name AS "enterpriseName"
       FROM review_cases c JOIN enterprises e ON e.id = c.enterprise_id
      WHERE c.region_code IN (SELECT region_scope($1)) AND (c.workflow_id || ':' || c.status) = ANY($2)
      ORDER BY c.updated_at, c.id`,
    [region, stateKeys(['publicity_pending'])],
  );
  return rows;
}

export interface NewPublicity {
  /** The cases to list; default: every case of the region waiting for publicity. */
  caseIds?: string[];
  periodWorkingDays?: number;
  title?: string;
}

/** Publishes a list: one batch of the officer's region, each case moved to 公示中. */
export async function publishBatch(
  tx: Queryable,
  p: Principal,
  input: NewPublicity,
  now: Date,
): Promise<PublicityBatch> {
  requireRole(p, ['county_reviewer', 'prefecture_reviewer'], '发布公示');
  const region = requireOfficerRegion(p);
  const days = input.periodWorkingDays ?? DEFAULT_PUBLICITY_WORKING_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > 30) throw new WorkflowError('公示期应为 1–30 个工作日', 'invalid');
  const ids = input.caseIds?.length ? [...new Set(input.caseIds)] : (await pendingPublicity(tx, p)).map((c) => c.id);
  if (ids.length === 0) throw new WorkflowError('没有待公示的案件', 'conflict');
  const today = todayInShanghai(now);
  const endsOn = addWorkingDays(today, days);
  const { rows: regionRows } = await tx.query<{ full_name: string }>('SELECT full_name FROM regions WHERE code = $1', [
    region,
  ]);
  const regionName = regionRows[0]?.full_name ?? region;
  const title = input.title?.trim() || `${regionName}补贴资金公示（${today}）`;
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO publicity_batches (region_code, title, period_working_days, published_on, ends_on, status, created_by,
       created_by_name, created_at)
     VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $8) RETURNING id`,
    [region, title, days, today, endsOn, p.id, p.displayName, now],
  );
  const batchId = rows[0]!.id;
  for (const id of ids) {
    const c = await loadCase(tx, id);
    await assertCanSee(tx, p, c, '案件');
    const w = getWorkflow(c.workflowId);
    if (!w.publicity) throw new WorkflowError(`“${c.title}”所属流程无公示环节`, 'conflict');
    const { rows: open } = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM publicity_objections WHERE case_id = $1 AND status = 'open'`,
      [c.id],
    );
    if (open[0]!.n > 0) throw new WorkflowError(`“${c.title}”有未处理的公示异议，请先处理异议`, 'conflict');
    const { rows: ent } = await tx.query<{ name: string }>('SELECT name FROM enterprises WHERE id = $1', [
      c.enterpriseId,
    ]);
    const { rows: persons } = await tx.query<{ person_key: string; name: string }>(
      'SELECT DISTINCT person_key, name FROM case_persons WHERE case_id = $1 ORDER BY person_key',
      [c.id],
    );
    await tx.query(
      `INSERT INTO publicity_items (batch_id, case_id, region_code, enterprise_name, programme_name, headcount, amount_fen, persons)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        batchId,
        c.id,
        c.regionCode,
        ent[0]?.name ?? '',
        c.decision?.programmeName ?? c.title,
        c.headcount,
        c.amountFen,
        JSON.stringify(persons.map((x) => ({ name: maskPersonName(x.name), id: maskResidentId(x.person_key) }))),
      ],
    );
    await takeAction(
      tx,
      c.id,
      'publish',
      { principal: p },
      { note: `列入公示：${title}，公示期至 ${endsOn}`, data: { publicityBatchId: batchId, endsOn } },
      now,
    );
  }
  await recordAudit(
    tx,
    {
      actor: actorOf(p),
      action: 'publicity.publish',
      entityType: 'publicity_batch',
      entityId: batchId,
      regionCode: region,
      after: { cases: ids.length, publishedOn: today, endsOn, periodWorkingDays: days },
    },
    now,
  );
  return getBatch(tx, batchId);
}

interface BatchRow {
  id: string;
  region_code: string;
  region_name: string;
  title: string;
  period_working_days: number;
  published_on: string;
  ends_on: string;
  status: 'open' | 'closed';
  created_by_name: string;
}

async function getBatch(q: Queryable, id: string, publicOnly = false): Promise<PublicityBatch> {
  const { rows } = await q.query<BatchRow>(
    `SELECT b.*, r.full_name AS region_name FROM publicity_batches b JOIN regions r ON r.code = b.region_code WHERE b.id = $1`,
    [id],
  );
  const b = rows[0];
  if (!b) throw new WorkflowError('未找到该公示', 'not_found');
  const items = await q.query<{
    case_id: string;
    region_code: string;
    enterprise_name: string;
    programme_name: string;
    headcount: number;
    amount_fen: number;
    persons: { name: string; id: string }[];
    outcome: PublicityItem['outcome'];
  }>(
    `SELECT * FROM publicity_items WHERE batch_id = $1 ${publicOnly ? "AND outcome <> 'withdrawn'" : ''}
      ORDER BY enterprise_name, case_id`,
    [id],
  );
  const objections = publicOnly
    ? { rows: [] }
    : await q.query<{
        id: string;
        case_id: string;
        received_on: string;
        objector: string;
        content: string;
        status: 'open' | 'resolved';
        resolution: string | null;
      }>('SELECT * FROM publicity_objections WHERE batch_id = $1 ORDER BY recorded_at', [id]);
  return {
    id: b.id,
    regionCode: b.region_code,
    regionName: b.region_name,
    title: b.title,
    periodWorkingDays: b.period_working_days,
    publishedOn: b.published_on,
    endsOn: b.ends_on,
    status: b.status,
    createdByName: publicOnly ? '' : b.created_by_name,
    items: items.rows.map((i) => ({
      caseId: publicOnly ? '' : i.case_id,
      regionCode: i.region_code,
      enterpriseName: i.enterprise_name,
      programmeName: i.programme_name,
      headcount: i.headcount,
      amountFen: i.amount_fen,
      persons: i.persons,
      outcome: i.outcome,
    })),
    objections: objections.rows.map((o) => ({
      id: o.id,
      caseId: o.case_id,
      receivedOn: o.received_on,
      objector: o.objector,
      content: o.content,
      status: o.status,
      resolution: o.resolution,
    })),
  };
}

export async function getPublicityBatch(q: Queryable, p: Principal, id: string): Promise<PublicityBatch> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new WorkflowError('未找到该公示', 'not_found');
  const batch = await getBatch(q, id);
  await assertCanSee(q, p, { regionCode: batch.regionCode, enterpriseId: null }, '公示');
  return batch;
}

export async function listPublicityBatches(
  q: Queryable,
  p: Principal,
): Promise<Omit<PublicityBatch, 'items' | 'objections'>[]> {
  const region = requireOfficerRegion(p);
  const { rows } = await q.query<BatchRow & { items: number }>(
    `SELECT b.*, r.full_name AS region_name,
            (SELECT count(*)::int FROM publicity_items i WHERE i.batch_id = b.id) AS items
       FROM publicity_batches b JOIN regions r ON r.code = b.region_code
      WHERE b.region_code IN (SELECT region_scope($1))
      ORDER BY b.published_on DESC, b.created_at DESC LIMIT 200`,
    [region],
  );
  return rows.map((b) => ({
    id: b.id,
    regionCode: b.region_code,
    regionName: b.region_name,
    title: b.title,
    periodWorkingDays: b.period_working_days,
    publishedOn: b.published_on,
    endsOn: b.ends_on,
    status: b.status,
    createdByName: b.created_by_name,
  }));
}

/**
 * The public page: running lists and those closed in the last 30 days, masked only, without
 * withdrawn entries, internal ids or officers' names.
 */
export async function publicPublicity(q: Queryable, now: Date): Promise<PublicityBatch[]> {
  const today = todayInShanghai(now);
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM publicity_batches
      WHERE published_on <= $1 AND (status = 'open' OR ends_on >= ($1::date - 30))
      ORDER BY published_on DESC, created_at DESC LIMIT 100`,
    [today],
  );
  const batches: PublicityBatch[] = [];
  for (const r of rows) {
    const b = await getBatch(q, r.id, true);
    // the period is over even if the scheduler has not closed the list yet
    batches.push(b.endsOn < today ? { ...b, status: 'closed' } : b);
  }
  return batches;
}

export interface NewObjection {
  caseId: string;
  objector: string;
  content: string;
  receivedOn?: string;
}

/** Records an objection received during the period: the case leaves the list and is reviewed again. */
export async function recordObjection(
  tx: Queryable,
  p: Principal,
  batchId: string,
  input: NewObjection,
  now: Date,
): Promise<Objection> {
  requireRole(p, ['county_reviewer', 'prefecture_reviewer'], '登记公示异议');
  const batch = await getPublicityBatch(tx, p, batchId);
  const item = batch.items.find((i) => i.caseId === input.caseId);
  if (!item) throw new WorkflowError('该案件不在此公示名单中', 'not_found');
  if (item.outcome !== 'listed') throw new WorkflowError('该案件已不在公示中（已撤出或公示期已满）', 'conflict');
  if (!input.content.trim()) throw new WorkflowError('请填写异议内容', 'invalid');
  const today = todayInShanghai(now);
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO publicity_objections (batch_id, case_id, region_code, received_on, objector, content, status, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8) RETURNING id`,
    [
      batchId,
      input.caseId,
      item.regionCode,
      input.receivedOn ?? today,
      input.objector.trim() || '匿名',
      input.content.trim(),
      p.id,
      now,
    ],
  );
  await tx.query(`UPDATE publicity_items SET outcome = 'withdrawn' WHERE batch_id = $1 AND case_id = $2`, [
    batchId,
    input.caseId,
  ]);
  await takeAction(
    tx,
    input.caseId,
    'object',
    { principal: p },
    {
      reason: `公示期内收到异议：${input.content.trim()}`,
      data: { publicityBatchId: batchId, objectionId: rows[0]!.id },
    },
    now,
  );
  return {
    id: rows[0]!.id,
    caseId: input.caseId,
    receivedOn: input.receivedOn ?? today,
    objector: input.objector.trim() || '匿名',
    content: input.content.trim(),
    status: 'open',
    resolution: null,
  };
}

/** Closes an objection with its finding (the reopened case is decided in its review). */
export async function resolveObjection(
  tx: Queryable,
  p: Principal,
  objectionId: string,
  resolution: string,
  now: Date,
): Promise<void> {
  requireRole(p, ['county_reviewer', 'prefecture_reviewer'], '处理公示异议');
  if (!/^[0-9a-f-]{36}$/i.test(objectionId)) throw new WorkflowError('未找到该异议', 'not_found');
  const { rows } = await tx.query<{ region_code: string; status: string; case_id: string }>(
    'SELECT region_code, status, case_id FROM publicity_objections WHERE id = $1 FOR UPDATE',
    [objectionId],
  );
  const o = rows[0];
  if (!o) throw new WorkflowError('未找到该异议', 'not_found');
  await assertCanSee(tx, p, { regionCode: o.region_code, enterpriseId: null }, '异议');
  if (o.status !== 'open') throw new WorkflowError('该异议已处理', 'conflict');
  if (!resolution.trim()) throw new WorkflowError('请填写异议处理结果', 'invalid');
  await tx.query(
    `UPDATE publicity_objections SET status = 'resolved', resolution = $2, resolved_by = $3, resolved_at = $4 WHERE id = $1`,
    [objectionId, resolution.trim(), p.id, now],
  );
  await recordAudit(
    tx,
    {
      actor: actorOf(p),
      action: 'publicity.objection_resolve',
      entityType: 'publicity_objection',
      entityId: objectionId,
      regionCode: o.region_code,
      before: { status: 'open' },
      after: { status: 'resolved', resolution: resolution.trim(), caseId: o.case_id },
    },
    now,
  );
}

/**
 * Releases the cases of every list whose period has ended (today is after its last day) and that
 * have no open objection, and closes the list. Idempotent; run by the scheduler and before
 * anything that depends on it (payment batches, the public page).
 */
export async function releaseEndedPublicity(tx: Queryable, now: Date): Promise<{ batches: number; released: number }> {
  const today = todayInShanghai(now);
  const { rows: batches } = await tx.query<{ id: string; region_code: string }>(
    `SELECT id, region_code FROM publicity_batches WHERE status = 'open' AND ends_on < $1 ORDER BY ends_on, id FOR UPDATE`,
    [today],
  );
  let released = 0;
  for (const b of batches) {
    const { rows: items } = await tx.query<{ case_id: string }>(
      `SELECT i.case_id FROM publicity_items i
        WHERE i.batch_id = $1 AND i.outcome = 'listed'
          AND NOT EXISTS (SELECT 1 FROM publicity_objections o WHERE o.case_id = i.case_id AND o.status = 'open')
        ORDER BY i.case_id`,
      [b.id],
    );
    for (const item of items) {
      await takeAction(
        tx,
        item.case_id,
        'release',
        { system: true, actor: systemActor },
        { note: '公示期满无异议', data: { publicityBatchId: b.id } },
        now,
      );
      await tx.query(`UPDATE publicity_items SET outcome = 'released' WHERE batch_id = $1 AND case_id = $2`, [
        b.id,
        item.case_id,
      ]);
      released++;
    }
    await tx.query(`UPDATE publicity_batches SET status = 'closed', closed_at = $2 WHERE id = $1`, [b.id, now]);
    await recordAudit(
      tx,
      {
        actor: systemActor,
        action: 'publicity.close',
        entityType: 'publicity_batch',
        entityId: b.id,
        regionCode: b.region_code,
        before: { status: 'open' },
        after: { status: 'closed', released: items.length },
      },
      now,
    );
  }
  return { batches: batches.length, released };
}
