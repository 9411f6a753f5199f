/**
 * 《昌吉州以工代训培训计划申请表》 (昌州人社发〔2020〕15号 四(一)): the enterprise files its plan
 * online; the local bureau approves it (审核备案) before the first monthly claim. The officer page
 * is another issue's; `reviewTrainingPlan` is the operation it calls.
 */
import type { Database, Queryable } from '@wengang/db';
import { getRegion, isWithin } from '@wengang/kernel';
import { recordAudit, type Actor } from '../audit';
import { checkContactPhone } from './checks';
import { ApplicationError, throwIfIssues, type FieldIssue } from './errors';
import { actorOfUser, regionNameOf, type Clock, type PortalUser } from './applications';
import { claimableMonths, regionFamily } from './rules';
import { WORK_FOR_TRAINING } from './vocabulary';

export type PlanStatus = 'submitted' | 'approved' | 'rejected';
export const planStatusLabels: Record<PlanStatus, string> = {
  submitted: '审核中',
  approved: '已审核备案',
  rejected: '审核不通过',
};

export interface TrainingPlanInput {
  regionCode?: string;
  monthFrom?: string;
  monthUntil?: string;
  plannedHeadcount?: number;
  trainingContent?: string;
  trainingMethod?: string;
  instructor?: string;
  contactPerson?: string;
  contactPhone?: string;
}

export interface TrainingPlanView {
  id: string;
  status: PlanStatus;
  statusLabel: string;
  regionCode: string;
  regionName: string;
  monthFrom: string;
  monthUntil: string;
  plannedHeadcount: number;
  trainingContent: string;
  trainingMethod: string;
  instructor: string;
  contactPerson: string;
  contactPhone: string;
  submittedAt: string;
  reviewedAt: string | null;
  reviewNote: string | null;
}

const COLUMNS = `id, status, region_code, month_from, month_until, planned_headcount, training_content, training_method,
  instructor, contact_person, contact_phone, submitted_at, reviewed_at, review_note`;

interface PlanRow {
  id: string;
  status: PlanStatus;
  region_code: string;
  month_from: string;
  month_until: string;
  planned_headcount: number;
  training_content: string;
  training_method: string;
  instructor: string;
  contact_person: string;
  contact_phone: string;
  submitted_at: Date;
  reviewed_at: Date | null;
  review_note: string | null;
}

const view = (r: PlanRow): TrainingPlanView => ({
  id: r.id,
  status: r.status,
  statusLabel: planStatusLabels[r.status],
  regionCode: r.region_code,
  regionName: regionNameOf(r.region_code),
  monthFrom: r.month_from,
  monthUntil: r.month_until,
  plannedHeadcount: r.planned_headcount,
  trainingContent: r.training_content,
  trainingMethod: r.training_method,
  instructor: r.instructor,
  contactPerson: r.contact_person,
  contactPhone: r.contact_phone,
  submittedAt: new Date(r.submitted_at).toISOString(),
  reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
  reviewNote: r.review_note,
});

export async function listTrainingPlans(q: Queryable, user: PortalUser): Promise<TrainingPlanView[]> {
  if (!user.enterpriseId) return [];
  const { rows } = await q.query<PlanRow>(
    `SELECT ${COLUMNS} FROM training_plans WHERE programme = $1 AND enterprise_id = $2 ORDER BY submitted_at DESC`,
    [WORK_FOR_TRAINING, user.enterpriseId],
  );
  return rows.map(view);
}

export async function fileTrainingPlan(
  db: Database,
  user: PortalUser,
  input: TrainingPlanInput,
  clock: Clock,
): Promise<TrainingPlanView> {
  if (!user.enterpriseId) {
    throw new ApplicationError('invalid_input', '请先填写并保存单位信息（维护补贴单位信息），再提交培训计划');
  }
  const issues: FieldIssue[] = [];
  const regionCode = (input.regionCode ?? '').trim();
  if (regionFamily(regionCode) !== 'changji' || getRegion(regionCode)?.level !== 'county') {
    issues.push({ path: 'regionCode', message: '培训计划仅适用于昌吉州，请选择昌吉州的县（市）或园区' });
  }
  const months = claimableMonths('changji', '2020-12-31');
  const from = (input.monthFrom ?? '').trim();
  const until = (input.monthUntil ?? '').trim();
  if (!months.includes(from)) issues.push({ path: 'monthFrom', message: '培训起始月份应在 2020-06 至 2020-12 之间' });
  if (!months.includes(until)) issues.push({ path: 'monthUntil', message: '培训结束月份应在 2020-06 至 2020-12 之间' });
  else if (from && until < from) issues.push({ path: 'monthUntil', message: '培训结束月份不能早于起始月份' });
  const headcount = input.plannedHeadcount;
  if (!Number.isSafeInteger(headcount) || (headcount ?? 0) < 1 || (headcount ?? 0) > 100000) {
    issues.push({ path: 'plannedHeadcount', message: '计划以工代训人数应为 1 以上的整数' });
  }
  const text = (
    key: 'trainingContent' | 'trainingMethod' | 'instructor' | 'contactPerson',
    label: string,
    min: number,
  ) => {
    const v = (input[key] ?? '').trim();
    if (v.length < min)
      issues.push({ path: key, message: min > 1 ? `请填写${label}（至少 ${min} 个字）` : `请填写${label}` });
    if (v.length > 2000) issues.push({ path: key, message: `${label}不超过 2000 字` });
    return v;
  };
  const trainingContent = text('trainingContent', '培训内容（岗位、技能）', 10);
  const trainingMethod = text('trainingMethod', '培训方式（以工代训、师带徒等）', 2);
  const instructor = text('instructor', '带教师傅或培训负责人', 1);
  const contactPerson = text('contactPerson', '联系人', 1);
  let contactPhone = (input.contactPhone ?? '').trim();
  const phone = checkContactPhone(contactPhone);
  if (phone.ok) contactPhone = phone.value;
  else issues.push({ path: 'contactPhone', message: `联系电话有误：${phone.message}` });
  throwIfIssues(issues);
  return db.transaction(async (tx) => {
    const { rows: home } = await tx.query<{ region_code: string }>(
      'SELECT region_code FROM enterprises WHERE id = $1',
      [user.enterpriseId],
    );
    if (!home[0] || !isWithin(home[0].region_code, '652300')) {
      throw new ApplicationError('invalid_input', '本单位不在昌吉州，无需提交以工代训培训计划（山东省按月直接申报）');
    }
    const { rows } = await tx.query<PlanRow>(
      `INSERT INTO training_plans (programme, enterprise_id, region_code, month_from, month_until, planned_headcount,
         training_content, training_method, instructor, contact_person, contact_phone, submitted_by, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [
        WORK_FOR_TRAINING,
        user.enterpriseId,
        regionCode,
        from,
        until,
        headcount,
        trainingContent,
        trainingMethod,
        instructor,
        contactPerson,
        contactPhone,
        user.id,
        clock.now,
      ],
    );
    if (!rows[0]) {
      throw new ApplicationError(
        'conflict',
        '本单位已有审核中或已备案的培训计划，不能重复提交；计划审核不通过的可重新提交',
      );
    }
    await recordAudit(
      tx,
      {
        actor: actorOfUser(user),
        action: 'training_plan.submit',
        entityType: 'training_plan',
        entityId: rows[0].id,
        regionCode,
        after: { status: 'submitted', monthFrom: from, monthUntil: until, plannedHeadcount: headcount },
      },
      clock.now,
    );
    return view(rows[0]);
  });
}

/** 审核备案: a county reviewer of the plan's region approves or rejects it (with a reason). */
export async function reviewTrainingPlan(
  db: Database,
  officer: Actor & { regionCode: string },
  planId: string,
  decision: 'approve' | 'reject',
  note: string | null,
  clock: Clock,
): Promise<TrainingPlanView> {
  if (officer.role !== 'county_reviewer')
    throw new ApplicationError('forbidden', '培训计划由当地（县市）人社部门审核员审核备案');
  if (!/^[0-9a-f-]{36}$/i.test(planId)) throw new ApplicationError('not_found', '未找到该培训计划');
  if (decision === 'reject' && !note?.trim()) {
    throw new ApplicationError('invalid_input', '审核不通过须填写原因', [
      { path: 'note', message: '请填写不通过的原因，企业将看到该原因' },
    ]);
  }
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<PlanRow>(`SELECT ${COLUMNS} FROM training_plans WHERE id = $1 FOR UPDATE`, [
      planId,
    ]);
    const plan = rows[0];
    if (!plan || !isWithin(plan.region_code, officer.regionCode)) {
      throw new ApplicationError('not_found', '未找到该培训计划，或不在您的管辖范围内');
    }
    if (plan.status !== 'submitted')
      throw new ApplicationError('conflict', `该培训计划已${planStatusLabels[plan.status]}`);
    const status: PlanStatus = decision === 'approve' ? 'approved' : 'rejected';
    const { rows: updated } = await tx.query<PlanRow>(
      `UPDATE training_plans SET status = $2, reviewed_by = $3, reviewed_at = $4, review_note = $5 WHERE id = $1 RETURNING ${COLUMNS}`,
      [planId, status, officer.id, clock.now, note?.trim() || null],
    );
    await recordAudit(
      tx,
      {
        actor: officer,
        action: `training_plan.${decision}`,
        entityType: 'training_plan',
        entityId: planId,
        regionCode: plan.region_code,
        before: { status: plan.status },
        after: { status, note: note?.trim() || null },
      },
      clock.now,
    );
    return view(updated[0]!);
  });
}

/** Plans waiting for a reviewer of `regionCode` (for the officer workbench). */
export async function pendingTrainingPlans(
  q: Queryable,
  regionCode: string,
): Promise<(TrainingPlanView & { enterpriseName: string })[]> {
  const { rows } = await q.query<PlanRow & { enterprise_name: string }>(
    `SELECT ${COLUMNS.split(', ')
      .map((c) => `p.${c.trim()}`)
      .join(', ')}, e.name AS enterprise_name
       FROM training_plans p JOIN enterprises e ON e.id = p.enterprise_id
      WHERE p.status = 'submitted' ORDER BY p.submitted_at`,
  );
  return rows
    .filter((r) => isWithin(r.region_code, regionCode))
    .map((r) => ({ ...view(r), enterpriseName: r.enterprise_name }));
}
