/**
 * The enterprise's side of a 以工代训 application (操作指南 附件2): unit information, persons,
 * materials, the checks before submission, submission itself and the progress timeline. Every
 * state change is audited in the same transaction; the database holds the invariants (one
 * application per enterprise and month unless rejected, at most 6 a year, a person claimed by one
 * enterprise per month), so double clicks, retries and concurrent requests cannot break them.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '@wengang/db';
import { ancestorsOf, getRegion, listRegions } from '@wengang/kernel';
import { auditInsertParams, auditInsertSql, recordAudit, type Actor, type AuditEntry } from '../audit';
import { applicationStatusFor } from '../application-sync';
import { openCase, prepareCaseOpening, type OpenCaseInput } from '../cases';
import { resubmitCase } from '../review';
import { resolveWorkflow } from '../workflows';
import { checkResidentIdField, checkSize, industryFromSection, maskAccount, maskIdNumber, yuan } from './checks';
import { ApplicationError, constraintViolation, throwIfIssues, type FieldIssue } from './errors';
import {
  EVALUATION_CONTEXT_COLUMNS,
  evaluateApplication,
  evaluateWithContext,
  evaluationContextParams,
  NO_APPLICATION,
  type ApplicationDetails,
  type Evaluation,
  type EvaluationContext,
} from './evaluate';
import {
  acceptanceWindow,
  claimableMonths,
  materialRequirements,
  regionFamily,
  requiresTrainingPlan,
  ruleCites,
  type RegionFamily,
} from './rules';
import { checkUnitForm, type UnitForm, type UnitFormInput } from './unit-form';
import {
  editableStatuses,
  industryLabels,
  materialLabels,
  sizeLabels,
  statusLabels,
  subsidyTypeLabels,
  WORK_FOR_TRAINING,
  type ApplicationStatus,
  type EnterpriseSize,
  type Industry,
  type MaterialKind,
  type SubsidyType,
} from './vocabulary';

/** The signed-in user as the workflow sees it. */
export interface PortalUser {
  id: string;
  role: string;
  displayName: string;
  enterpriseId: string | null;
}

/** Timestamps come from `now`; business rules (deadlines, decision dates) from `today` (Asia/Shanghai). */
export interface Clock {
  now: Date;
  today: string;
}

export const actorOfUser = (u: PortalUser): Actor => ({ id: u.id, role: u.role, name: u.displayName });

export interface AppRow {
  id: string;
  programme: string;
  enterprise_id: string;
  region_code: string;
  subsidy_month: string;
  subsidy_type: SubsidyType;
  status: ApplicationStatus;
  unit_name: string;
  credit_code: string;
  legal_rep_name: string | null;
  legal_rep_id_number: string | null;
  bank_name: string;
  bank_account_no: string;
  contact_phone: string;
  declared_size: EnterpriseSize;
  computed_size: EnterpriseSize | null;
  size_note: string | null;
  industry: Industry;
  training_description: string;
  details: ApplicationDetails & { employees?: number | null; revenueFen?: number | null; assetsFen?: number | null };
  amount_fen: number;
  approved_amount_fen: number | null;
  paid_on: string | null;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  version: number;
}

const APP_COLUMNS = `id, programme, enterprise_id, region_code, subsidy_month, subsidy_type, status, unit_name, credit_code,
  legal_rep_name, legal_rep_id_number, bank_name, bank_account_no, contact_phone, declared_size, computed_size, size_note,
  industry, training_description, details, amount_fen, approved_amount_fen, paid_on, created_at, updated_at, submitted_at, version`;

export interface PersonRow {
  id: string;
  person_id_number: string;
  person_name: string;
  person_category: string;
  source: 'roster' | 'manual' | 'import';
  spell_id: string | null;
  hired_on: string | null;
  employment_registered_on: string | null;
  dispatched: boolean;
  amount_fen: number;
  refusal: string | null;
  added_at: Date;
}

const PERSON_COLUMNS = `id, person_id_number, person_name, person_category, source, spell_id, hired_on, employment_registered_on,
  dispatched, amount_fen, refusal, added_at`;

// ---------------------------------------------------------------------------------------------
// Options of the form

export interface RegionOption {
  code: string;
  name: string;
  fullName: string;
  family: RegionFamily;
}

/** 企业所属区划 choices: the county-level regions where the programme runs. */
export function regionOptions(): RegionOption[] {
  return listRegions()
    .filter((r) => r.level === 'county')
    .map((r) => ({ code: r.code, name: r.name, fullName: r.fullName, family: regionFamily(r.code) }))
    .filter((r): r is RegionOption => r.family !== null);
}

let regionMap: Map<string, string> | undefined;
function regionsByCode(): Map<string, string> {
  regionMap ??= new Map(regionOptions().map((r) => [r.code, r.name]));
  return regionMap;
}

export function regionNameOf(code: string): string {
  return getRegion(code)?.name ?? code;
}

// ---------------------------------------------------------------------------------------------
// Access

async function loadApplication(q: Queryable, user: PortalUser, id: string, forUpdate = false): Promise<AppRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new ApplicationError('not_found', '未找到该申请');
  const { rows } = await q.query<AppRow>(
    `SELECT ${APP_COLUMNS} FROM applications WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const row = rows[0];
  if (!row || row.enterprise_id !== user.enterpriseId)
    throw new ApplicationError('not_found', '未找到该申请，或该申请不属于本单位');
  return row;
}

function assertEditable(app: AppRow): void {
  if (!editableStatuses.includes(app.status)) {
    throw new ApplicationError(
      'not_editable',
      `该申请当前状态为「${statusLabels[app.status]}」，已提交的申请不能修改；被退回修改后方可编辑`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Unit information (维护补贴单位信息)

export interface UnitProfile {
  enterpriseId: string;
  unitName: string;
  creditCode: string;
  regionCode: string;
  legalRepName: string | null;
  legalRepIdNumberMasked: string | null;
  bankName: string | null;
  bankAccountMasked: string | null;
  contactPhone: string | null;
  declaredSize: EnterpriseSize | null;
  employees: number | null;
  revenueFen: number | null;
  assetsFen: number | null;
  sizeIndustry: string | null;
}

/** The unit information on file, masked, to pre-fill the form; null before the first application. */
export async function getUnitProfile(q: Queryable, user: PortalUser): Promise<UnitProfile | null> {
  if (!user.enterpriseId) return null;
  const { rows } = await q.query<{
    id: string;
    name: string;
    credit_code: string;
    region_code: string;
    industry: string | null;
    legal_rep_name: string | null;
    legal_rep_id_number: string | null;
    bank_name: string | null;
    bank_account_no: string | null;
    contact_phone: string | null;
    declared_size: EnterpriseSize | null;
    employees: number | null;
    revenue_fen: number | null;
    assets_fen: number | null;
  }>(
    `SELECT id, name, credit_code, region_code, industry, legal_rep_name, legal_rep_id_number, bank_name, bank_account_no,
            contact_phone, declared_size, employees, revenue_fen, assets_fen FROM enterprises WHERE id = $1`,
    [user.enterpriseId],
  );
  const e = rows[0];
  if (!e) return null;
  return {
    enterpriseId: e.id,
    unitName: e.name,
    creditCode: e.credit_code,
    regionCode: e.region_code,
    legalRepName: e.legal_rep_name,
    legalRepIdNumberMasked: e.legal_rep_id_number ? maskIdNumber(e.legal_rep_id_number) : null,
    bankName: e.bank_name,
    bankAccountMasked: e.bank_account_no ? maskAccount(e.bank_account_no) : null,
    contactPhone: e.contact_phone,
    declaredSize: e.declared_size,
    employees: e.employees,
    revenueFen: e.revenue_fen,
    assetsFen: e.assets_fen,
    sizeIndustry: e.industry && e.industry.length === 1 ? industryFromSection(e.industry) : e.industry,
  };
}

/** The account is bound to the enterprise of `boundCreditCode`, and the form names another. */
function otherEnterpriseError(boundCreditCode: string): ApplicationError {
  return new ApplicationError('invalid_input', '统一社会信用代码与本账号绑定的单位不一致', [
    {
      path: 'creditCode',
      message: `本账号已绑定统一社会信用代码为 ${boundCreditCode} 的单位，不能改为其他单位；如需为其他单位申报，请用该单位的经办人手机号另行注册`,
    },
  ]);
}

/**
 * Binds the account to the enterprise of the credit code (creating the enterprise when unknown) and
 * returns its id. An enterprise already bound to another account, or a name that differs from the
 * registered one, is refused with the field to fix.
 */
async function bindEnterprise(
  tx: Queryable,
  user: PortalUser,
  form: UnitForm,
): Promise<{ id: string; regionCode: string }> {
  if (user.enterpriseId) {
    const { rows } = await tx.query<{ credit_code: string; region_code: string }>(
      'SELECT credit_code, region_code FROM enterprises WHERE id = $1',
      [user.enterpriseId],
    );
    const e = rows[0]!;
    if (e.credit_code !== form.creditCode) throw otherEnterpriseError(e.credit_code);
    return { id: user.enterpriseId, regionCode: e.region_code };
  }
  const { rows } = await tx.query<{ id: string; name: string; region_code: string; bound: string | null }>(
    `SELECT e.id, e.name, e.region_code,
            (SELECT a.username FROM accounts a WHERE a.enterprise_id = e.id AND a.role = 'enterprise' LIMIT 1) AS bound
       FROM enterprises e WHERE e.credit_code = $1 FOR UPDATE`,
    [form.creditCode],
  );
  let enterprise = rows[0];
  if (enterprise?.bound) {
    throw new ApplicationError('conflict', '该单位已由其他账号注册', [
      {
        path: 'creditCode',
        message: `统一社会信用代码 ${form.creditCode} 的单位已由手机号 ${enterprise.bound.slice(0, 3)}****${enterprise.bound.slice(7)} 注册。如需变更经办人，请持营业执照联系所属区划的经办机构`,
      },
    ]);
  }
  if (enterprise && enterprise.name !== form.unitName) {
    throw new ApplicationError('invalid_input', '单位名称与登记信息不一致', [
      {
        path: 'unitName',
        message: `单位名称与统一社会信用代码登记的名称「${enterprise.name}」不一致，请与营业执照核对`,
      },
    ]);
  }
  if (!enterprise) {
    const inserted = await tx.query<{ id: string; name: string; region_code: string }>(
      `INSERT INTO enterprises (credit_code, name, region_code) VALUES ($1, $2, $3) RETURNING id, name, region_code`,
      [form.creditCode, form.unitName, form.regionCode],
    );
    enterprise = { ...inserted.rows[0]!, bound: null };
  }
  await tx.query(`UPDATE accounts SET enterprise_id = $2 WHERE id = $1 AND enterprise_id IS NULL`, [
    user.id,
    enterprise.id,
  ]);
  user.enterpriseId = enterprise.id;
  return { id: enterprise.id, regionCode: enterprise.region_code };
}

function prefectureOf(code: string): string | null {
  const region = getRegion(code);
  if (!region) return null;
  return region.level === 'county' ? region.parent : region.level === 'prefecture' ? region.code : null;
}

function formOptions(input: UnitFormInput, clock: Clock) {
  const family = regionFamily(String(input.regionCode ?? '')) ?? null;
  const months = family
    ? claimableMonths(family, clock.today)
    : [...new Set([...claimableMonths('shandong', clock.today), ...claimableMonths('changji', clock.today)])].sort();
  return { today: clock.today, months, regions: regionsByCode() };
}

async function enterpriseOnFile(q: Queryable, user: PortalUser) {
  if (!user.enterpriseId) return undefined;
  const { rows } = await q.query<{ legal_rep_id_number: string | null; bank_account_no: string | null }>(
    'SELECT legal_rep_id_number, bank_account_no FROM enterprises WHERE id = $1',
    [user.enterpriseId],
  );
  return rows[0]
    ? { legalRepIdNumber: rows[0].legal_rep_id_number, bankAccountNo: rows[0].bank_account_no }
    : undefined;
}

async function countedThisYear(
  q: Queryable,
  enterpriseId: string,
  year: string,
  exceptId: string | null,
): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM applications WHERE programme = $1 AND enterprise_id = $2
        AND substr(subsidy_month, 1, 4) = $3 AND applications_counted(status) AND id <> coalesce($4::uuid, '00000000-0000-0000-0000-000000000000')`,
    [WORK_FOR_TRAINING, enterpriseId, year, exceptId],
  );
  return rows[0]!.n;
}

function yearlyLimitError(year: string): ApplicationError {
  return new ApplicationError(
    'yearly_limit',
    `本单位 ${year} 年已提交 6 次以工代训补贴申请，补贴本年度最多申请 6 次（以工代训补贴申报操作指南 四），不能再申请`,
    [{ path: 'subsidyMonth', message: `${year} 年已申请 6 次，已达本年度上限` }],
  );
}

async function monthTakenError(q: Queryable, enterpriseId: string, month: string): Promise<ApplicationError> {
  const { rows } = await q.query<{ status: ApplicationStatus; subsidy_type: SubsidyType }>(
    `SELECT status, subsidy_type FROM applications WHERE programme = $1 AND enterprise_id = $2 AND subsidy_month = $3
        AND status NOT IN ('rejected', 'withdrawn') LIMIT 1`,
    [WORK_FOR_TRAINING, enterpriseId, month],
  );
  const existing = rows[0];
  const label = month.replace(/^(\d{4})-(\d{2})$/, (_, y: string, m: string) => `${y}年${Number(m)}月`);
  const what = existing
    ? `（已有「${subsidyTypeLabels[existing.subsidy_type]}」申请，状态：${statusLabels[existing.status]}）`
    : '';
  return new ApplicationError(
    'duplicate_month',
    `${label}的补贴已申请${what}。每个单位每个补贴年月只能申请一次、且只能申请一种补贴类型；审核不通过的可重新申请`,
    [{ path: 'subsidyMonth', message: `${label}已有申请${what}，请选择其他补贴年月` }],
  );
}

/** Maps the database's refusals to the guide's messages. */
async function translateViolation(
  error: unknown,
  q: Queryable,
  ctx: { enterpriseId: string; month: string },
): Promise<never> {
  const v = constraintViolation(error);
  if (v?.constraint === 'applications_one_per_month') throw await monthTakenError(q, ctx.enterpriseId, ctx.month);
  if (v?.constraint === 'at_most_six_applications_per_year') throw yearlyLimitError(ctx.month.slice(0, 4));
  throw error;
}

/** Writes the unit information on the enterprise (the profile reused by the next application). */
async function updateEnterpriseProfile(tx: Queryable, enterpriseId: string, form: UnitForm, now: Date): Promise<void> {
  await tx.query(
    `UPDATE enterprises SET legal_rep_name = $2, legal_rep_id_number = $3, bank_name = $4, bank_account_no = $5,
            contact_phone = $6, declared_size = $7, employees = $8, revenue_fen = $9, assets_fen = $10,
            industry = coalesce($11, industry), updated_at = $12
      WHERE id = $1`,
    [
      enterpriseId,
      form.legalRepName,
      form.legalRepIdNumber,
      form.bankName,
      form.bankAccountNo,
      form.contactPhone,
      form.declaredSize,
      form.employees,
      form.revenueFen,
      form.assetsFen,
      form.details.sizeIndustry ?? null,
      now,
    ],
  );
}

const auditUnit = (form: UnitForm) => ({
  unitName: form.unitName,
  creditCode: form.creditCode,
  bankName: form.bankName,
  bankAccountNo: maskAccount(form.bankAccountNo),
  legalRepIdNumber: form.legalRepIdNumber ? maskIdNumber(form.legalRepIdNumber) : null,
  declaredSize: form.declaredSize,
  industry: form.industry,
  subsidyMonth: form.subsidyMonth,
  subsidyType: form.subsidyType,
  regionCode: form.regionCode,
});

/**
 * Saves the unit form: creates the draft application (R4: persons may be added from then on) or
 * updates an editable one. Returns the application id.
 */
export async function saveUnitInformation(
  db: Database,
  user: PortalUser,
  input: UnitFormInput,
  clock: Clock,
  applicationId?: string,
): Promise<string> {
  const onFile = await enterpriseOnFile(db, user);
  const { form, issues } = checkUnitForm(input, { ...formOptions(input, clock), ...(onFile ? { onFile } : {}) });
  throwIfIssues(issues);
  const f = form!;
  try {
    return await db.transaction(async (tx) => {
      const enterprise = await bindEnterprise(tx, user, f);
      const home = prefectureOf(enterprise.regionCode);
      if (home && prefectureOf(f.regionCode) !== home) {
        throw new ApplicationError('invalid_input', '企业所属区划不在本单位所在市（州）', [
          {
            path: 'regionCode',
            message: `企业所属区划应为本单位登记地（${regionNameOf(home)}）的县（市、区），申请将推送至该区划审核`,
          },
        ]);
      }
      await updateEnterpriseProfile(tx, enterprise.id, f, clock.now);
      const size = checkSize(f.declaredSize, f.details.sizeIndustry ?? '', f);
      const details = { ...f.details, employees: f.employees, revenueFen: f.revenueFen, assetsFen: f.assetsFen };
      const values = [
        f.regionCode,
        f.subsidyMonth,
        f.subsidyType,
        f.unitName,
        f.creditCode,
        f.legalRepName,
        f.legalRepIdNumber,
        f.bankName,
        f.bankAccountNo,
        f.contactPhone,
        f.declaredSize,
        size.computed,
        size.note,
        f.industry,
        f.trainingDescription,
        JSON.stringify(details),
      ];
      let id: string;
      if (applicationId) {
        const app = await loadApplication(tx, user, applicationId, true);
        assertEditable(app);
        if (app.status === 'returned' && (app.subsidy_month !== f.subsidyMonth || app.subsidy_type !== f.subsidyType)) {
          throw new ApplicationError('invalid_input', '退回修改的申请不能更改补贴年月或补贴类型', [
            { path: 'subsidyMonth', message: '退回修改的申请不能更改补贴年月或补贴类型；如需改变，请撤回后重新申请' },
          ]);
        }
        await tx.query(
          `UPDATE applications SET region_code = $2, subsidy_month = $3, subsidy_type = $4, unit_name = $5, credit_code = $6,
                  legal_rep_name = $7, legal_rep_id_number = $8, bank_name = $9, bank_account_no = $10, contact_phone = $11,
                  declared_size = $12, computed_size = $13, size_note = $14, industry = $15, training_description = $16,
                  details = $17::jsonb, updated_at = $18, version = version + 1
            WHERE id = $1`,
          [app.id, ...values, clock.now],
        );
        await tx.query('UPDATE application_persons SET region_code = $2 WHERE application_id = $1', [
          app.id,
          f.regionCode,
        ]);
        id = app.id;
        await recordAudit(
          tx,
          {
            actor: actorOfUser(user),
            action: 'application.update',
            entityType: 'application',
            entityId: id,
            regionCode: f.regionCode,
            before: { subsidyMonth: app.subsidy_month, subsidyType: app.subsidy_type, regionCode: app.region_code },
            after: auditUnit(f),
          },
          clock.now,
        );
        await reevaluate(tx, user, id, clock);
      } else {
        if ((await countedThisYear(tx, enterprise.id, f.subsidyMonth.slice(0, 4), null)) >= 6) {
          throw yearlyLimitError(f.subsidyMonth.slice(0, 4));
        }
        const { rows } = await tx.query<{ id: string }>(
          `INSERT INTO applications (programme, enterprise_id, region_code, subsidy_month, subsidy_type, unit_name, credit_code,
             legal_rep_name, legal_rep_id_number, bank_name, bank_account_no, contact_phone, declared_size, computed_size,
             size_note, industry, training_description, details, created_by, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18::jsonb, $19, $20, $20)
           ON CONFLICT DO NOTHING RETURNING id`,
          [WORK_FOR_TRAINING, enterprise.id, ...values, user.id, clock.now],
        );
        if (!rows[0]) throw await monthTakenError(tx, enterprise.id, f.subsidyMonth);
        id = rows[0].id;
        await recordAudit(
          tx,
          {
            actor: actorOfUser(user),
            action: 'application.create',
            entityType: 'application',
            entityId: id,
            regionCode: f.regionCode,
            after: { status: 'draft', ...auditUnit(f) },
          },
          clock.now,
        );
      }
      return id;
    });
  } catch (error) {
    if (error instanceof ApplicationError) throw error;
    return translateViolation(error, db, { enterpriseId: user.enterpriseId ?? '', month: f.subsidyMonth });
  }
}

// ---------------------------------------------------------------------------------------------
// Views

export interface MaterialView {
  kind: MaterialKind;
  label: string;
  fileId: string;
  originalName: string;
  sizeBytes: number;
  mediaType: string;
  sha256: string;
  attachedAt: string;
}

export interface ApplicationView {
  id: string;
  programme: string;
  status: ApplicationStatus;
  statusLabel: string;
  editable: boolean;
  subsidyMonth: string;
  subsidyType: SubsidyType;
  subsidyTypeLabel: string;
  regionCode: string;
  regionName: string;
  unit: {
    unitName: string;
    creditCode: string;
    legalRepName: string | null;
    legalRepIdNumberMasked: string | null;
    bankName: string;
    bankAccountMasked: string;
    contactPhone: string;
    declaredSize: EnterpriseSize;
    declaredSizeLabel: string;
    computedSize: EnterpriseSize | null;
    sizeNote: string | null;
    sizeMismatch: boolean;
    industry: Industry;
    industryLabel: string;
    trainingDescription: string;
    sizeIndustry: string | null;
    employees: number | null;
    revenueFen: number | null;
    assetsFen: number | null;
  };
  details: Record<string, unknown>;
  amountFen: number;
  personCount: number;
  approvedAmountFen: number | null;
  paidOn: string | null;
  createdAt: string;
  submittedAt: string | null;
  materials: MaterialView[];
  /** Manual entry (【增加人员】) is offered for the employee types only. */
  canAddManualPersons: boolean;
}

function toView(app: AppRow, personCount: number, materials: MaterialView[]): ApplicationView {
  const d = app.details ?? {};
  return {
    id: app.id,
    programme: app.programme,
    status: app.status,
    statusLabel: statusLabels[app.status],
    editable: editableStatuses.includes(app.status),
    subsidyMonth: app.subsidy_month,
    subsidyType: app.subsidy_type,
    subsidyTypeLabel: subsidyTypeLabels[app.subsidy_type],
    regionCode: app.region_code,
    regionName: regionNameOf(app.region_code),
    unit: {
      unitName: app.unit_name,
      creditCode: app.credit_code,
      legalRepName: app.legal_rep_name,
      legalRepIdNumberMasked: app.legal_rep_id_number ? maskIdNumber(app.legal_rep_id_number) : null,
      bankName: app.bank_name,
      bankAccountMasked: maskAccount(app.bank_account_no),
      contactPhone: app.contact_phone,
      declaredSize: app.declared_size,
      declaredSizeLabel: sizeLabels[app.declared_size],
      computedSize: app.computed_size,
      sizeNote: app.size_note,
      sizeMismatch: app.computed_size !== null && app.computed_size !== app.declared_size,
      industry: app.industry,
      industryLabel: industryLabels[app.industry] ?? app.industry,
      trainingDescription: app.training_description,
      sizeIndustry: d.sizeIndustry ?? null,
      employees: d.employees ?? null,
      revenueFen: d.revenueFen ?? null,
      assetsFen: d.assetsFen ?? null,
    },
    details: { ...d },
    amountFen: Number(app.amount_fen),
    personCount,
    approvedAmountFen: app.approved_amount_fen,
    paidOn: app.paid_on,
    createdAt: new Date(app.created_at).toISOString(),
    submittedAt: app.submitted_at ? new Date(app.submitted_at).toISOString() : null,
    materials,
    canAddManualPersons: app.subsidy_type !== 'absorption',
  };
}

async function materialsOf(q: Queryable, applicationId: string): Promise<MaterialView[]> {
  const { rows } = await q.query<{
    kind: MaterialKind;
    file_id: string;
    original_name: string;
    size_bytes: number;
    media_type: string;
    sha256: string;
    attached_at: Date;
  }>(
    `SELECT m.kind, m.file_id, f.original_name, f.size_bytes, f.media_type, f.sha256, m.attached_at
       FROM application_materials m JOIN stored_files f ON f.id = m.file_id
      WHERE m.application_id = $1 ORDER BY m.attached_at`,
    [applicationId],
  );
  return rows.map((r) => ({
    kind: r.kind,
    label: materialLabels[r.kind],
    fileId: r.file_id,
    originalName: r.original_name,
    sizeBytes: r.size_bytes,
    mediaType: r.media_type,
    sha256: r.sha256,
    attachedAt: new Date(r.attached_at).toISOString(),
  }));
}

export async function getApplication(q: Queryable, user: PortalUser, id: string): Promise<ApplicationView> {
  const app = await loadApplication(q, user, id);
  const { rows } = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM application_persons WHERE application_id = $1',
    [id],
  );
  return toView(app, rows[0]!.n, await materialsOf(q, id));
}

// ---------------------------------------------------------------------------------------------
// Persons (待申报人员)

export interface PersonView {
  id: string;
  seq: number;
  idNumberMasked: string;
  name: string;
  category: string;
  source: PersonRow['source'];
  dispatched: boolean;
  amountFen: number;
  refusal: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export async function listPersons(
  q: Queryable,
  user: PortalUser,
  id: string,
  page = 1,
  pageSize = 10,
): Promise<Page<PersonView> & { totalFen: number }> {
  await loadApplication(q, user, id);
  const size = Math.min(Math.max(1, pageSize), 200);
  const current = Math.max(1, page);
  const [{ rows }, totals] = await Promise.all([
    q.query<PersonRow & { seq: number }>(
      `SELECT ${PERSON_COLUMNS}, row_number() OVER (ORDER BY added_at, person_id_number)::int AS seq
         FROM application_persons WHERE application_id = $1 ORDER BY added_at, person_id_number LIMIT $2 OFFSET $3`,
      [id, size, (current - 1) * size],
    ),
    q.query<{ n: number; total: number }>(
      'SELECT count(*)::int AS n, coalesce(sum(amount_fen), 0)::bigint AS total FROM application_persons WHERE application_id = $1',
      [id],
    ),
  ]);
  return {
    items: rows.map((r, i) => ({
      id: r.id,
      seq: (current - 1) * size + i + 1,
      idNumberMasked: maskIdNumber(r.person_id_number),
      name: r.person_name,
      category: r.person_category,
      source: r.source,
      dispatched: r.dispatched,
      amountFen: Number(r.amount_fen),
      refusal: r.refusal,
    })),
    total: totals.rows[0]!.n,
    totalFen: Number(totals.rows[0]!.total),
    page: current,
    pageSize: size,
  };
}

export interface RosterCandidate {
  spellId: string;
  idNumberMasked: string;
  name: string;
  category: string;
  insuredFrom: string;
  insuredUntil: string | null;
  dispatched: boolean;
  dispatchAgency: string | null;
  alreadyAdded: boolean;
}

/** 【增加企业在职职工】: the enterprise's insured employees in the subsidy month (social-insurance data). */
export async function listRosterCandidates(
  q: Queryable,
  user: PortalUser,
  id: string,
  options: { page?: number; pageSize?: number; search?: string } = {},
): Promise<Page<RosterCandidate>> {
  const app = await loadApplication(q, user, id);
  const size = Math.min(Math.max(1, options.pageSize ?? 10), 200);
  const page = Math.max(1, options.page ?? 1);
  const monthStart = `${app.subsidy_month}-01`;
  const search = (options.search ?? '').trim();
  const params = [app.enterprise_id, monthStart, search ? `%${search}%` : null];
  const where = `s.enterprise_id = $1 AND s.insured_from <= (date_trunc('month', $2::date) + interval '1 month - 1 day')::date
      AND (s.insured_until IS NULL OR s.insured_until >= $2::date)
      AND ($3::text IS NULL OR s.person_name LIKE $3 OR s.person_id_number LIKE $3)`;
  const [{ rows }, count] = await Promise.all([
    q.query<{
      id: string;
      person_id_number: string;
      person_name: string;
      person_category: string;
      insured_from: string;
      insured_until: string | null;
      dispatched: boolean;
      dispatch_agency: string | null;
      added: boolean;
    }>(
      `SELECT s.id, s.person_id_number, s.person_name, s.person_category, s.insured_from, s.insured_until, s.dispatched,
              s.dispatch_agency,
              EXISTS (SELECT 1 FROM application_persons p WHERE p.application_id = $4 AND p.person_id_number = s.person_id_number) AS added
         FROM insured_employment_spells s WHERE ${where}
        ORDER BY s.person_category = '企业在职职工', s.insured_from, s.person_id_number LIMIT ${size} OFFSET ${(page - 1) * size}`,
      [...params, id],
    ),
    q.query<{ n: number }>(`SELECT count(*)::int AS n FROM insured_employment_spells s WHERE ${where}`, params),
  ]);
  return {
    items: rows.map((r) => ({
      spellId: r.id,
      idNumberMasked: maskIdNumber(r.person_id_number),
      name: r.person_name,
      category: r.person_category,
      insuredFrom: r.insured_from,
      insuredUntil: r.insured_until,
      dispatched: r.dispatched,
      dispatchAgency: r.dispatch_agency,
      alreadyAdded: r.added,
    })),
    total: count.rows[0]!.n,
    page,
    pageSize: size,
  };
}

interface NewPerson {
  idNumber: string;
  name: string;
  category: string;
  source: PersonRow['source'];
  spellId: string | null;
  hiredOn: string | null;
  employmentRegisteredOn: string | null;
  dispatched: boolean;
}

/** The category a roster person is claimed under for the application's type. */
function categoryFor(type: SubsidyType, spellCategory: string, dispatched: boolean): string {
  if (type === 'absorption') return spellCategory;
  return dispatched ? '劳务派遣人员' : '企业在职职工';
}

async function insertPersons(tx: Queryable, app: AppRow, persons: NewPerson[], now: Date): Promise<number> {
  return (await insertPersonRows(tx, app, persons, now)).length;
}

async function insertPersonRows(tx: Queryable, app: AppRow, persons: NewPerson[], now: Date): Promise<PersonRow[]> {
  if (persons.length === 0) return [];
  const { rows } = await tx.query<PersonRow>(
    `INSERT INTO application_persons (application_id, region_code, person_id_number, person_name, person_category, source,
       spell_id, hired_on, employment_registered_on, dispatched, added_at)
     SELECT $1, $2, x.id_number, x.name, x.category, x.source, x.spell_id, x.hired_on, x.employment_registered_on,
            x.dispatched, $4::timestamptz + (x.ord * interval '1 microsecond')
       FROM jsonb_to_recordset($3::jsonb) AS x(id_number text, name text, category text, source text, spell_id uuid,
            hired_on date, employment_registered_on date, dispatched boolean, ord int)
     ON CONFLICT (application_id, person_id_number) DO NOTHING
     RETURNING ${PERSON_COLUMNS}`,
    [
      app.id,
      app.region_code,
      JSON.stringify(
        persons.map((p, ord) => ({
          id_number: p.idNumber,
          name: p.name,
          category: p.category,
          source: p.source,
          spell_id: p.spellId,
          hired_on: p.hiredOn,
          employment_registered_on: p.employmentRegisteredOn,
          dispatched: p.dispatched,
          ord,
        })),
      ),
      now,
    ],
  );
  return rows;
}

interface SpellRow {
  id: string;
  person_id_number: string;
  person_name: string;
  person_category: string;
  insured_from: string;
  employment_registered_on: string | null;
  dispatched: boolean;
}

async function spellsOf(
  tx: Queryable,
  enterpriseId: string,
  filter: { ids?: string[]; idNumbers?: string[] },
): Promise<SpellRow[]> {
  const { rows } = await tx.query<SpellRow>(
    `SELECT id, person_id_number, person_name, person_category, insured_from, employment_registered_on, dispatched
       FROM insured_employment_spells
      WHERE enterprise_id = $1 AND (id = ANY($2::uuid[]) OR person_id_number = ANY($3::text[]))
      ORDER BY insured_from DESC`,
    [enterpriseId, filter.ids ?? [], filter.idNumbers ?? []],
  );
  return rows;
}

export interface PersonsChange {
  added: number;
  skipped: number;
  totalFen: number;
}

/** 【增加企业在职职工】 with the chosen roster rows. */
export async function addRosterPersons(
  db: Database,
  user: PortalUser,
  id: string,
  spellIds: string[],
  clock: Clock,
): Promise<PersonsChange> {
  if (spellIds.length === 0) throw new ApplicationError('invalid_input', '请至少选择一名职工');
  if (spellIds.some((s) => !/^[0-9a-f-]{36}$/i.test(s))) throw new ApplicationError('invalid_input', '所选职工不存在');
  return db.transaction(async (tx) => {
    const app = await loadApplication(tx, user, id, true);
    assertEditable(app);
    const spells = await spellsOf(tx, app.enterprise_id, { ids: spellIds });
    if (spells.length !== new Set(spellIds).size) {
      throw new ApplicationError('invalid_input', '所选人员不在本单位参保职工名单中，请刷新后重新选择');
    }
    const added = await insertPersons(
      tx,
      app,
      spells.map((s) => ({
        idNumber: s.person_id_number,
        name: s.person_name,
        category: categoryFor(app.subsidy_type, s.person_category, s.dispatched),
        source: 'roster',
        spellId: s.id,
        hiredOn: s.insured_from,
        employmentRegisteredOn: s.employment_registered_on,
        dispatched: s.dispatched,
      })),
      clock.now,
    );
    const evaluation = await reevaluate(tx, user, id, clock);
    await recordAudit(
      tx,
      {
        actor: actorOfUser(user),
        action: 'application.persons_add',
        entityType: 'application',
        entityId: id,
        regionCode: app.region_code,
        after: {
          source: 'roster',
          added,
          persons: spells.map((s) => maskIdNumber(s.person_id_number)),
          totalFen: evaluation.totalFen,
        },
      },
      clock.now,
    );
    return { added, skipped: spells.length - added, totalFen: evaluation.totalFen };
  });
}

export interface ManualPersonInput {
  idNumber?: string;
  name?: string;
  dispatched?: boolean;
}

function checkManualPerson(
  input: ManualPersonInput,
  today: string,
  path: (field: string) => string,
): { person?: { idNumber: string; name: string; dispatched: boolean }; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const raw = (input.idNumber ?? '').trim();
  let idNumber = '';
  if (!raw) issues.push({ path: path('idNumber'), message: '请填写身份证号（18 位公民身份号码）' });
  else {
    const r = checkResidentIdField(raw, today);
    if (r.ok) idNumber = r.value;
    else issues.push({ path: path('idNumber'), message: `身份证号有误：${r.message}` });
  }
  const name = (input.name ?? '').trim();
  if (!name) issues.push({ path: path('name'), message: '请填写姓名' });
  else if (name.length > 30 || /[0-9<>]/.test(name))
    issues.push({ path: path('name'), message: '姓名应为 1–30 个字，不含数字' });
  return issues.length ? { issues } : { person: { idNumber, name, dispatched: Boolean(input.dispatched) }, issues };
}

/** 【增加人员】: a person typed by hand (types whose trainees are the enterprise's own employees). */
export async function addManualPerson(
  db: Database,
  user: PortalUser,
  id: string,
  input: ManualPersonInput,
  clock: Clock,
): Promise<PersonsChange> {
  const { person, issues } = checkManualPerson(input, clock.today, (f) => f);
  throwIfIssues(issues);
  return addTypedPersons(db, user, id, [person!], 'manual', clock);
}

async function addTypedPersons(
  db: Database,
  user: PortalUser,
  id: string,
  persons: { idNumber: string; name: string; dispatched: boolean; category?: string }[],
  source: 'manual' | 'import',
  clock: Clock,
): Promise<PersonsChange> {
  return db.transaction(async (tx) => {
    const app = await loadApplication(tx, user, id, true);
    assertEditable(app);
    const spells = await spellsOf(tx, app.enterprise_id, { idNumbers: persons.map((p) => p.idNumber) });
    const spellOf = new Map<string, SpellRow>();
    for (const s of spells) if (!spellOf.has(s.person_id_number)) spellOf.set(s.person_id_number, s);
    if (app.subsidy_type === 'absorption') {
      const issues = persons
        .map((p, i) => ({ p, i, s: spellOf.get(p.idNumber) }))
        .filter(({ s }) => !s)
        .map(({ p, i }) => ({
          path: source === 'import' ? `rows.${i}` : 'idNumber',
          message: `${p.name}（${maskIdNumber(p.idNumber)}）不在本单位参保职工名单中：新吸纳劳动者就业类型的人员须已在本单位参保，人员类别以就业部门认定为准`,
        }));
      throwIfIssues(issues, '人员不符合要求');
    }
    const added = await insertPersons(
      tx,
      app,
      persons.map((p) => {
        const s = spellOf.get(p.idNumber);
        return {
          idNumber: p.idNumber,
          name: p.name,
          category: s
            ? categoryFor(app.subsidy_type, s.person_category, p.dispatched || s.dispatched)
            : categoryFor(app.subsidy_type, '企业在职职工', p.dispatched),
          source,
          spellId: s?.id ?? null,
          hiredOn: s?.insured_from ?? null,
          employmentRegisteredOn: s?.employment_registered_on ?? null,
          dispatched: p.dispatched || (s?.dispatched ?? false),
        };
      }),
      clock.now,
    );
    if (source === 'manual' && added === 0) {
      throw new ApplicationError(
        'conflict',
        `${persons[0]!.name}（${maskIdNumber(persons[0]!.idNumber)}）已在待申报人员名单中`,
        [{ path: 'idNumber', message: '该人员已在待申报人员名单中' }],
      );
    }
    const evaluation = await reevaluate(tx, user, id, clock);
    await recordAudit(
      tx,
      {
        actor: actorOfUser(user),
        action: 'application.persons_add',
        entityType: 'application',
        entityId: id,
        regionCode: app.region_code,
        after: { source, added, persons: persons.map((p) => maskIdNumber(p.idNumber)), totalFen: evaluation.totalFen },
      },
      clock.now,
    );
    return { added, skipped: persons.length - added, totalFen: evaluation.totalFen };
  });
}

/** One row of an imported roster, as read from the spreadsheet (1-based sheet row number). */
export interface ImportRow {
  row: number;
  idNumber: string;
  name: string;
  category: string;
  dispatched: string;
}

export interface ImportIssue {
  row: number;
  column: string;
  message: string;
}

/**
 * Bulk import: every row is checked first; a file with any error saves nothing and the report
 * lists each row's problems.
 */
export async function importPersons(
  db: Database,
  user: PortalUser,
  id: string,
  rows: ImportRow[],
  clock: Clock,
  options: { dryRun?: boolean } = {},
): Promise<PersonsChange | { errors: ImportIssue[] }> {
  const app = await loadApplication(db, user, id);
  assertEditable(app);
  const errors: ImportIssue[] = [];
  if (rows.length === 0) errors.push({ row: 0, column: '', message: '文件中没有人员数据：请从第 2 行起按模板填写' });
  if (rows.length > 1000) errors.push({ row: 0, column: '', message: '一次最多导入 1000 人，请分批导入' });
  const seen = new Map<string, number>();
  const persons: { idNumber: string; name: string; dispatched: boolean }[] = [];
  for (const r of rows) {
    const { person, issues } = checkManualPerson({ idNumber: r.idNumber, name: r.name }, clock.today, (f) => f);
    for (const i of issues)
      errors.push({ row: r.row, column: i.path === 'idNumber' ? '身份证号' : '姓名', message: i.message });
    const dispatchedText = r.dispatched.trim();
    if (dispatchedText && !['是', '否'].includes(dispatchedText)) {
      errors.push({ row: r.row, column: '是否劳务派遣', message: '是否劳务派遣请填写“是”或“否”（不填视为“否”）' });
    }
    const category = r.category.trim();
    if (app.subsidy_type !== 'absorption' && category && !['企业在职职工', '劳务派遣人员'].includes(category)) {
      errors.push({
        row: r.row,
        column: '人员类别',
        message: `「${subsidyTypeLabels[app.subsidy_type]}」的人员类别为企业在职职工或劳务派遣人员，不是“${category}”`,
      });
    }
    if (person) {
      const first = seen.get(person.idNumber);
      if (first !== undefined) {
        errors.push({ row: r.row, column: '身份证号', message: `与第 ${first} 行的身份证号重复` });
      } else seen.set(person.idNumber, r.row);
      persons.push({ ...person, dispatched: dispatchedText === '是' || category === '劳务派遣人员' });
    }
  }
  if (persons.length) {
    const { rows: existing } = await db.query<{ person_id_number: string }>(
      'SELECT person_id_number FROM application_persons WHERE application_id = $1 AND person_id_number = ANY($2::text[])',
      [id, persons.map((p) => p.idNumber)],
    );
    for (const e of existing) {
      errors.push({ row: seen.get(e.person_id_number)!, column: '身份证号', message: '该人员已在待申报人员名单中' });
    }
  }
  if (app.subsidy_type === 'absorption' && persons.length) {
    const spells = await spellsOf(db, app.enterprise_id, { idNumbers: persons.map((p) => p.idNumber) });
    const known = new Set(spells.map((s) => s.person_id_number));
    for (const p of persons) {
      if (!known.has(p.idNumber)) {
        errors.push({
          row: seen.get(p.idNumber)!,
          column: '身份证号',
          message: '不在本单位参保职工名单中（新吸纳劳动者就业类型的人员须已在本单位参保）',
        });
      }
    }
  }
  if (errors.length || options.dryRun) return { errors: errors.sort((a, b) => a.row - b.row) };
  return addTypedPersons(db, user, id, persons, 'import', clock);
}

export async function removePerson(
  db: Database,
  user: PortalUser,
  id: string,
  personId: string,
  clock: Clock,
): Promise<PersonsChange> {
  if (!/^[0-9a-f-]{36}$/i.test(personId)) throw new ApplicationError('not_found', '未找到该人员');
  return db.transaction(async (tx) => {
    const app = await loadApplication(tx, user, id, true);
    assertEditable(app);
    const { rows } = await tx.query<{ person_id_number: string }>(
      'DELETE FROM application_persons WHERE application_id = $1 AND id = $2 RETURNING person_id_number',
      [id, personId],
    );
    if (!rows[0]) throw new ApplicationError('not_found', '未找到该人员，可能已被删除');
    const evaluation = await reevaluate(tx, user, id, clock);
    await recordAudit(
      tx,
      {
        actor: actorOfUser(user),
        action: 'application.person_remove',
        entityType: 'application',
        entityId: id,
        regionCode: app.region_code,
        before: { person: maskIdNumber(rows[0].person_id_number) },
        after: { totalFen: evaluation.totalFen },
      },
      clock.now,
    );
    return { added: 0, skipped: 0, totalFen: evaluation.totalFen };
  });
}

/** Re-runs the engine over the application's persons and stores each amount and refusal. */
export async function reevaluate(
  tx: Queryable,
  user: PortalUser | null,
  id: string,
  clock: Clock,
  preload: { app?: AppRow; persons?: PersonRow[] } = {},
): Promise<Evaluation> {
  const app =
    preload.app ?? (await tx.query<AppRow>(`SELECT ${APP_COLUMNS} FROM applications WHERE id = $1`, [id])).rows[0]!;
  if (user && app.enterprise_id !== user.enterpriseId) throw new ApplicationError('not_found', '未找到该申请');
  const persons =
    preload.persons ??
    (
      await tx.query<PersonRow>(
        `SELECT ${PERSON_COLUMNS} FROM application_persons WHERE application_id = $1 ORDER BY added_at, person_id_number`,
        [id],
      )
    ).rows;
  const evaluation = await evaluateApplication(tx, app, persons, clock.today);
  const updates = persons
    .map((p) => ({ id: p.id, ...(evaluation.persons.get(p.id) ?? { amountFen: 0, refusal: null }), old: p }))
    .filter((u) => u.amountFen !== Number(u.old.amount_fen) || u.refusal !== u.old.refusal)
    .map((u) => ({ id: u.id, amount_fen: u.amountFen, refusal: u.refusal }));
  if (updates.length || Number(app.amount_fen) !== evaluation.totalFen) {
    await tx.query(
      `WITH persons AS (
         UPDATE application_persons p SET amount_fen = x.amount_fen, refusal = x.refusal
           FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, amount_fen bigint, refusal text)
          WHERE p.application_id = $1 AND p.id = x.id RETURNING p.id)
       UPDATE applications SET amount_fen = $3 WHERE id = $1 AND amount_fen <> $3`,
      [id, JSON.stringify(updates), evaluation.totalFen],
    );
  }
  for (const p of persons) {
    const o = evaluation.persons.get(p.id);
    if (o) Object.assign(p, { amount_fen: o.amountFen, refusal: o.refusal });
  }
  return evaluation;
}

// ---------------------------------------------------------------------------------------------
// Materials

export interface StoredFileInput {
  sha256: string;
  sizeBytes: number;
  mediaType: 'application/pdf' | 'image/jpeg' | 'image/png';
  originalName: string;
}

/** Records an uploaded file (the bytes are already stored by the caller under their hash). */
export async function registerFile(
  db: Database,
  user: PortalUser,
  file: StoredFileInput,
  clock: Clock,
): Promise<string> {
  if (!user.enterpriseId) {
    throw new ApplicationError('invalid_input', '请先填写并保存单位信息，再上传材料');
  }
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string; region_code: string }>(
      `INSERT INTO stored_files (enterprise_id, region_code, sha256, size_bytes, media_type, original_name, uploaded_by, created_at)
       SELECT e.id, e.region_code, $2, $3, $4, $5, $6, $7 FROM enterprises e WHERE e.id = $1
       RETURNING id, region_code`,
      [
        user.enterpriseId,
        file.sha256,
        file.sizeBytes,
        file.mediaType,
        file.originalName.slice(0, 200),
        user.id,
        clock.now,
      ],
    );
    const row = rows[0]!;
    await recordAudit(
      tx,
      {
        actor: actorOfUser(user),
        action: 'file.upload',
        entityType: 'stored_file',
        entityId: row.id,
        regionCode: row.region_code,
        after: { sha256: file.sha256, sizeBytes: file.sizeBytes, mediaType: file.mediaType },
      },
      clock.now,
    );
    return row.id;
  });
}

/** The file's metadata when the user's enterprise owns it (downloads check this first). */
export async function ownedFile(
  q: Queryable,
  user: PortalUser,
  fileId: string,
): Promise<{ sha256: string; mediaType: string; originalName: string } | null> {
  if (!/^[0-9a-f-]{36}$/i.test(fileId) || !user.enterpriseId) return null;
  const { rows } = await q.query<{ sha256: string; media_type: string; original_name: string }>(
    'SELECT sha256, media_type, original_name FROM stored_files WHERE id = $1 AND enterprise_id = $2',
    [fileId, user.enterpriseId],
  );
  return rows[0]
    ? { sha256: rows[0].sha256, mediaType: rows[0].media_type, originalName: rows[0].original_name }
    : null;
}

export async function attachMaterial(
  db: Database,
  user: PortalUser,
  id: string,
  kind: MaterialKind,
  fileId: string,
  clock: Clock,
): Promise<MaterialView[]> {
  if (!(kind in materialLabels)) throw new ApplicationError('invalid_input', '材料类型不正确');
  return db.transaction(async (tx) => {
    const app = await loadApplication(tx, user, id, true);
    assertEditable(app);
    const file = await ownedFile(tx, user, fileId);
    if (!file) throw new ApplicationError('not_found', '未找到该文件，请重新上传');
    await tx.query(
      `INSERT INTO application_materials (application_id, kind, file_id, region_code, attached_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [id, kind, fileId, app.region_code, clock.now],
    );
    await recordAudit(
      tx,
      {
        actor: actorOfUser(user),
        action: 'application.material_attach',
        entityType: 'application',
        entityId: id,
        regionCode: app.region_code,
        after: { kind, fileId, sha256: file.sha256 },
      },
      clock.now,
    );
    return materialsOf(tx, id);
  });
}

export async function detachMaterial(
  db: Database,
  user: PortalUser,
  id: string,
  kind: MaterialKind,
  fileId: string,
  clock: Clock,
): Promise<MaterialView[]> {
  return db.transaction(async (tx) => {
    const app = await loadApplication(tx, user, id, true);
    assertEditable(app);
    const { rowCount } = await tx.query(
      'DELETE FROM application_materials WHERE application_id = $1 AND kind = $2 AND file_id = $3',
      [id, kind, fileId],
    );
    if (rowCount === 0) throw new ApplicationError('not_found', '未找到该材料');
    await recordAudit(
      tx,
      {
        actor: actorOfUser(user),
        action: 'application.material_detach',
        entityType: 'application',
        entityId: id,
        regionCode: app.region_code,
        before: { kind, fileId },
      },
      clock.now,
    );
    return materialsOf(tx, id);
  });
}

// ---------------------------------------------------------------------------------------------
// Checks before submission

export interface SubmitCheck {
  id: string;
  label: string;
  ok: boolean;
  /** error blocks submission; warning is shown to the reviewer too. */
  level: 'error' | 'warning';
  detail: string;
  source: string;
}

export interface SubmitPreview {
  totalFen: number;
  eligiblePersons: number;
  refusedPersons: number;
  canSubmit: boolean;
  checks: SubmitCheck[];
  materials: { kinds: MaterialKind[]; label: string; required: boolean; satisfied: boolean; source: string }[];
}

const src = (c: { doc: string; clause: string }) => `${c.doc} ${c.clause}`;

/** What the checks need from the database besides the application and its evaluation. */
interface CheckStats {
  /** persons, persons with an amount, dispatched persons with an amount */
  n: number;
  ok: number;
  dispatched: number;
  /** kinds of the attached materials */
  kinds: MaterialKind[];
  /** the enterprise's other counted applications in the subsidy year */
  counted: number;
  /** 营业执照 already filed with an earlier counted application */
  licence: number;
}

type TrainingPlanRow = { status: string; month_from: string; month_until: string };

async function buildChecks(tx: Queryable, app: AppRow, evaluation: Evaluation, clock: Clock): Promise<SubmitPreview> {
  const family = regionFamily(app.region_code)!;
  const [stats, plans] = await Promise.all([
    tx.query<CheckStats>(
      `SELECT (SELECT count(*)::int FROM application_persons WHERE application_id = $1) AS n,
              (SELECT count(*)::int FROM application_persons WHERE application_id = $1 AND amount_fen > 0) AS ok,
              (SELECT count(*)::int FROM application_persons WHERE application_id = $1 AND dispatched AND amount_fen > 0) AS dispatched,
              (SELECT coalesce(array_agg(DISTINCT kind), '{}') FROM application_materials WHERE application_id = $1) AS kinds,
              (SELECT count(*)::int FROM applications WHERE programme = $2 AND enterprise_id = $3 AND substr(subsidy_month, 1, 4) = $4
                  AND applications_counted(status) AND id <> $1) AS counted,
              (SELECT count(*)::int FROM application_materials m JOIN applications a ON a.id = m.application_id
                WHERE a.enterprise_id = $3 AND a.id <> $1 AND m.kind = 'business_licence' AND applications_counted(a.status)) AS licence`,
      [app.id, WORK_FOR_TRAINING, app.enterprise_id, app.subsidy_month.slice(0, 4)],
    ),
    requiresTrainingPlan(family)
      ? tx.query<TrainingPlanRow>(
          `SELECT status, month_from, month_until FROM training_plans WHERE programme = $1 AND enterprise_id = $2
            ORDER BY submitted_at DESC LIMIT 1`,
          [WORK_FOR_TRAINING, app.enterprise_id],
        )
      : Promise.resolve(null),
  ]);
  return checksFrom(app, evaluation, clock, stats.rows[0]!, plans ? (plans.rows[0] ?? null) : undefined);
}

/**
 * The guide's and the documents' checks before submission, from the application, its evaluation
 * and `stats`; `plan` is the latest training plan where the region requires one (undefined where
 * it does not). No I/O: the one-shot claim feeds it from its own context query.
 */
function checksFrom(
  app: AppRow,
  evaluation: Evaluation,
  clock: Clock,
  n: CheckStats,
  plan: TrainingPlanRow | null | undefined,
): SubmitPreview {
  const family = regionFamily(app.region_code)!;
  const checks: SubmitCheck[] = [];
  const counted = n.counted;
  checks.push({
    id: 'persons',
    label: '已添加以工代训人员',
    ok: n.ok > 0,
    level: 'error',
    detail:
      n.n === 0
        ? '尚未添加人员：请通过【增加企业在职职工】等添加'
        : `共 ${n.n} 人，其中 ${n.ok} 人可获补贴${n.n > n.ok ? `、${n.n - n.ok} 人不予补贴（原因见人员列表）` : ''}`,
    source: src(ruleCites.personsAfterUnit),
  });
  checks.push({
    id: 'yearly_limit',
    label: '补贴本年度最多申请 6 次',
    ok: counted < 6,
    level: 'error',
    detail: `本单位 ${app.subsidy_month.slice(0, 4)} 年已提交 ${counted} 次（不含本次）`,
    source: src(ruleCites.sixPerYear),
  });
  checks.push({
    id: 'once_per_month',
    label: '每个补贴年月只能申请一次、一种补贴类型',
    ok: true,
    level: 'error',
    detail: `${app.subsidy_month} 仅本申请（「${subsidyTypeLabels[app.subsidy_type]}」）；数据库唯一约束保证重复提交只生成一份申请`,
    source: `${src(ruleCites.oncePerMonth)}；${src(ruleCites.oneTypePerMonth)}`,
  });
  const window = acceptanceWindow(family, clock.today);
  checks.push({
    id: 'acceptance_deadline',
    label: `受理期限：${window.deadline} 前`,
    ok: clock.today <= window.deadline,
    level: 'error',
    detail:
      clock.today <= window.deadline
        ? `今天 ${clock.today}，在受理期内`
        : `今天 ${clock.today}，已超过受理期限 ${window.deadline}`,
    source: src(window.cite),
  });
  checks.push({
    id: 'routing',
    label: '推送至企业所属区划审核',
    ok: true,
    level: 'warning',
    detail: `提交后推送至 ${regionNameOf(app.region_code)} 人社部门审核`,
    source: src(ruleCites.routing),
  });
  if (plan !== undefined) {
    const ok =
      plan?.status === 'approved' && plan.month_from <= app.subsidy_month && plan.month_until >= app.subsidy_month;
    checks.push({
      id: 'training_plan',
      label: '《昌吉州以工代训培训计划申请表》已审核备案',
      ok,
      level: 'error',
      detail: !plan
        ? '尚未提交培训计划：请先在「以工代训培训计划」中填报，经当地人社部门审核备案后再按月申报'
        : plan.status !== 'approved'
          ? `培训计划${plan.status === 'submitted' ? '审核中' : '未通过审核'}，备案后才能申报`
          : ok
            ? `培训计划已备案（${plan.month_from} 至 ${plan.month_until}）`
            : `培训计划备案期间为 ${plan.month_from} 至 ${plan.month_until}，不含补贴年月 ${app.subsidy_month}`,
      source: src(ruleCites.cjPlan),
    });
  }
  const engineOk = (evaluation.eligible === 'yes' || evaluation.agencyInputOnly) && evaluation.totalFen > 0;
  checks.push({
    id: 'engine',
    label: '政策规则核算（补贴金额由规则引擎计算）',
    ok: engineOk,
    level: 'error',
    detail: engineOk
      ? `核定补贴 ${yuan(evaluation.totalFen)} 元`
      : evaluation.problems.length
        ? evaluation.problems.join('；')
        : '没有可获补贴的人员',
    source: evaluation.decision
      ? `${evaluation.decision.programmeName}（规则版本 ${evaluation.decision.rulesetVersion.slice(0, 12)}）`
      : '以工代训补贴规则',
  });
  for (const note of evaluation.agencyNotes) {
    checks.push({
      id: 'special_account',
      label: '专账资金状况',
      ok: true,
      level: 'warning',
      detail: note,
      source: '鲁人社字〔2020〕63号 三（四）',
    });
  }
  if (app.computed_size !== null || app.size_note) {
    const mismatch = app.computed_size !== null && app.computed_size !== app.declared_size;
    checks.push({
      id: 'size',
      label: '企业规模核对',
      ok: !mismatch,
      level: 'warning',
      detail: `${app.size_note ?? ''}${mismatch ? '（规模不一致将提示审核人员核实）' : ''}`,
      source: '工信部联企业〔2011〕300号 第四条',
    });
  }
  const have = new Set(n.kinds);
  const requirements = materialRequirements({
    family,
    subsidyType: app.subsidy_type,
    today: clock.today,
    licenceOnFile: n.licence > 0,
    hasDispatchedPersons: n.dispatched > 0,
  }).map((r) => ({ ...r, satisfied: r.kinds.some((k) => have.has(k)), source: src(r.cite) }));
  for (const r of requirements.filter((r) => r.required)) {
    checks.push({
      id: `material_${r.kinds[0]}`,
      label: `上传材料：${r.label}`,
      ok: r.satisfied,
      level: 'error',
      detail: r.satisfied ? '已上传' : '尚未上传（PDF、JPG 或 PNG）',
      source: r.source,
    });
  }
  return {
    totalFen: evaluation.totalFen,
    eligiblePersons: n.ok,
    refusedPersons: n.n - n.ok,
    canSubmit: checks.every((c) => c.ok || c.level === 'warning'),
    checks,
    materials: requirements.map(({ kinds, label, required, satisfied, source }) => ({
      kinds,
      label,
      required,
      satisfied,
      source,
    })),
  };
}

/** What submitting would check and pay, without submitting. */
export async function previewSubmission(
  db: Database,
  user: PortalUser,
  id: string,
  clock: Clock,
): Promise<SubmitPreview> {
  return db.transaction(async (tx) => {
    const app = await loadApplication(tx, user, id);
    const evaluation = editableStatuses.includes(app.status)
      ? await reevaluate(tx, user, id, clock)
      : await evaluateApplication(
          tx,
          app,
          (
            await tx.query<PersonRow>(
              `SELECT ${PERSON_COLUMNS} FROM application_persons WHERE application_id = $1 ORDER BY added_at, person_id_number`,
              [id],
            )
          ).rows,
          clock.today,
        );
    const refreshed = await loadApplication(tx, user, id);
    return buildChecks(tx, refreshed, evaluation, clock);
  });
}

export interface SubmitResult {
  id: string;
  status: ApplicationStatus;
  amountFen: number;
  submittedAt: string;
  caseId: string | null;
}

/** Refuses a submission whose checks fail, or whose amount differs from what the page showed. */
function assertSubmittable(preview: SubmitPreview, evaluation: Evaluation, expectedTotalFen: number | undefined): void {
  const failing = preview.checks.filter((c) => !c.ok && c.level === 'error');
  if (failing.length) {
    throw new ApplicationError(
      'rule_failed',
      `暂不能提交：${failing.map((c) => c.label).join('；')}`,
      failing.map((c) => ({ path: c.id, message: `${c.label}：${c.detail}` })),
    );
  }
  if (expectedTotalFen !== undefined && expectedTotalFen !== evaluation.totalFen) {
    throw new ApplicationError(
      'conflict',
      `补贴金额已变为 ${yuan(evaluation.totalFen)} 元（页面显示 ${yuan(expectedTotalFen)} 元），请确认后重新提交`,
    );
  }
}

/** The status a first submission enters: the first review state of its workflow (the district chosen on the form). */
function initialStatusOf(app: AppRow): ApplicationStatus | null {
  const workflow = resolveWorkflow(WORK_FOR_TRAINING, ancestorsOf(app.region_code), {
    stage: 'claim',
    variant: app.subsidy_type,
  });
  const first = workflow.states[workflow.initial];
  return (first ? applicationStatusFor(first.kind, first.actor) : null) as ApplicationStatus | null;
}

interface ClaimedPerson {
  person_id_number: string;
  person_name: string;
  person_category: string;
  amount_fen: number;
}

interface AttachedMaterial {
  kind: MaterialKind;
  file_id: string;
  original_name: string;
}

/** The review case of a submitted application: what the officers see and pay. */
function caseInputOf(
  app: AppRow,
  evaluation: Evaluation,
  claimed: ClaimedPerson[],
  materials: AttachedMaterial[],
  user: PortalUser,
  clock: Clock,
): OpenCaseInput {
  return {
    source: 'application',
    sourceId: app.id,
    programme: WORK_FOR_TRAINING,
    variant: app.subsidy_type,
    regionCode: app.region_code,
    enterpriseId: app.enterprise_id,
    claimMonth: app.subsidy_month,
    amountFen: evaluation.totalFen,
    // a declared size that differs from the one its figures give is flagged to the reviewer
    title:
      `${app.unit_name} ${app.subsidy_month} 以工代训补贴（${subsidyTypeLabels[app.subsidy_type]}）` +
      (app.computed_size && app.computed_size !== app.declared_size ? '【企业规模与测算不一致，请核实】' : ''),
    request: evaluation.request,
    decision: evaluation.decision,
    persons: claimed.map((p) => ({
      personKey: p.person_id_number,
      name: p.person_name,
      month: app.subsidy_month,
      category: p.person_category,
      amountFen: Number(p.amount_fen),
    })),
    payee: {
      name: app.unit_name,
      creditCode: app.credit_code,
      bankName: app.bank_name,
      accountNo: app.bank_account_no,
      accountKind: '基本账户',
    },
    materials: materials.map((m) => ({
      name: `${materialLabels[m.kind]}：${m.original_name}`,
      url: `/api/v1/files/${m.file_id}`,
    })),
    receivedOn: clock.today,
    actor: actorOfUser(user),
  };
}

function submitAuditEntry(
  user: PortalUser,
  app: AppRow,
  status: ApplicationStatus,
  evaluation: Evaluation,
  persons: number,
  caseId: string,
  extra: Record<string, unknown>,
): AuditEntry {
  return {
    actor: actorOfUser(user),
    action: app.status === 'returned' ? 'application.resubmit' : 'application.submit',
    entityType: 'application',
    entityId: app.id,
    regionCode: app.region_code,
    before: { status: app.status },
    after: {
      status,
      amountFen: evaluation.totalFen,
      persons,
      subsidyMonth: app.subsidy_month,
      rulesetVersion: evaluation.decision?.rulesetVersion ?? null,
      caseId,
      ...extra,
    },
  };
}

async function submitInTransaction(
  tx: Queryable,
  user: PortalUser,
  id: string,
  clock: Clock,
  expectedTotalFen: number | undefined,
  auditExtra: Record<string, unknown> = {},
  preload: { app?: AppRow; persons?: PersonRow[] } = {},
): Promise<SubmitResult> {
  const app = preload.app ?? (await loadApplication(tx, user, id, true));
  assertEditable(app);
  const evaluation = await reevaluate(tx, user, id, clock, {
    app,
    ...(preload.persons ? { persons: preload.persons } : {}),
  });
  const preview = await buildChecks(tx, { ...app, amount_fen: evaluation.totalFen }, evaluation, clock);
  assertSubmittable(preview, evaluation, expectedTotalFen);
  const resubmission = app.status === 'returned';
  const initial = initialStatusOf(app);
  if (resubmission) await tx.query('DELETE FROM person_month_claims WHERE application_id = $1', [id]);
  // One statement: the status (the trigger counts the year's applications), the persons' month
  // claims (one enterprise per person and month), the timeline entry; returns what the case needs.
  const { rows } = await tx.query<{
    persons: ClaimedPerson[] | null;
    materials: AttachedMaterial[] | null;
  }>(
    `WITH app AS (
       UPDATE applications SET status = $10, submitted_at = $2, updated_at = $2, amount_fen = $3,
              ruleset_version = $4, version = version + 1 WHERE id = $1 RETURNING id),
     claims AS (
       INSERT INTO person_month_claims (programme, person_id_number, subsidy_month, application_id, enterprise_id, region_code,
         subsidy_type, amount_fen)
       SELECT $5, p.person_id_number, $6, $1, $7, $8, $9, p.amount_fen FROM application_persons p
        WHERE p.application_id = $1 AND p.amount_fen > 0
       RETURNING person_id_number, amount_fen),
     event AS (
       INSERT INTO application_events (application_id, region_code, at, status, actor_id, actor_role, actor_name, note, amount_fen)
       VALUES ($1, $8, $2, 'submitted', $11, $12, $13, $14, $3) RETURNING id)
     SELECT (SELECT json_agg(json_build_object('person_id_number', p.person_id_number, 'person_name', p.person_name,
                     'person_category', p.person_category, 'amount_fen', p.amount_fen) ORDER BY p.added_at)
               FROM application_persons p WHERE p.application_id = $1 AND p.amount_fen > 0) AS persons,
            (SELECT json_agg(json_build_object('kind', m.kind, 'file_id', m.file_id, 'original_name', f.original_name) ORDER BY m.attached_at)
               FROM application_materials m JOIN stored_files f ON f.id = m.file_id WHERE m.application_id = $1) AS materials,
            (SELECT count(*) FROM claims) AS claimed, (SELECT count(*) FROM app) AS updated, (SELECT count(*) FROM event) AS events`,
    [
      id,
      clock.now,
      evaluation.totalFen,
      evaluation.decision?.rulesetVersion ?? null,
      WORK_FOR_TRAINING,
      app.subsidy_month,
      app.enterprise_id,
      app.region_code,
      app.subsidy_type,
      resubmission ? 'submitted' : (initial ?? 'submitted'),
      user.id,
      user.role,
      user.displayName,
      `${resubmission ? '修改后重新提交' : '提交申请'}，推送至${regionNameOf(app.region_code)}审核`,
    ],
  );
  const claimed = rows[0]!.persons ?? [];
  const materials = rows[0]!.materials ?? [];
  const audit: AuditEntry[] = [];
  const opened = await openCase(tx, caseInputOf(app, evaluation, claimed, materials, user, clock), clock.now, {
    ancestry: ancestorsOf(app.region_code),
    deferAudit: audit,
  });
  let status: ApplicationStatus = resubmission ? 'submitted' : (initial ?? 'submitted');
  if (resubmission && !opened.created) {
    // back to review with the corrected claim (amount, decision, persons, materials); the
    // workbench's listener (../application-sync.ts) records the new status
    const input = caseInputOf(app, evaluation, claimed, materials, user, clock);
    await resubmitCase(
      tx,
      'application',
      id,
      {
        amountFen: input.amountFen,
        decision: input.decision ?? null,
        request: input.request,
        persons: input.persons ?? [],
        materials: input.materials ?? [],
      },
      clock.now,
      actorOfUser(user),
    );
    const { rows: now } = await tx.query<{ status: ApplicationStatus }>(
      'SELECT status FROM applications WHERE id = $1',
      [id],
    );
    status = now[0]!.status;
  }
  // the case's and the submission's entries in one statement
  await recordAudit(
    tx,
    [...audit, submitAuditEntry(user, app, status, evaluation, claimed.length, opened.id, auditExtra)],
    clock.now,
  );
  return { id, status, amountFen: evaluation.totalFen, submittedAt: clock.now.toISOString(), caseId: opened.id };
}

async function personClaimedError(db: Database, id: string, month: string): Promise<ApplicationError> {
  const { rows } = await db.query<{ person_name: string; person_id_number: string }>(
    `SELECT p.person_name, p.person_id_number FROM application_persons p
       JOIN person_month_claims c ON c.person_id_number = p.person_id_number AND c.subsidy_month = $2 AND c.programme = $3
      WHERE p.application_id = $1 AND c.application_id <> $1`,
    [id, month, WORK_FOR_TRAINING],
  );
  const names = rows.map((r) => `${r.person_name}（${maskIdNumber(r.person_id_number)}）`).join('、');
  return new ApplicationError(
    'conflict',
    `${names || '部分人员'} ${month} 已由其他申请申报以工代训补贴，同一人同一月只能由一个单位申报，请移除后重新提交`,
  );
}

/** Submits a draft or a returned application. Double submissions yield one application (row lock + state check). */
export async function submitApplication(
  db: Database,
  user: PortalUser,
  id: string,
  clock: Clock,
  options: { expectedTotalFen?: number } = {},
): Promise<SubmitResult> {
  const app = await loadApplication(db, user, id);
  try {
    return await db.transaction((tx) => submitInTransaction(tx, user, id, clock, options.expectedTotalFen));
  } catch (error) {
    if (error instanceof ApplicationError) throw error;
    const v = constraintViolation(error);
    if (v?.constraint === 'one_enterprise_per_person_month') throw await personClaimedError(db, id, app.subsidy_month);
    return translateViolation(error, db, { enterpriseId: app.enterprise_id, month: app.subsidy_month });
  }
}

/** 撤销 a draft (frees its subsidy month). */
export async function withdrawApplication(db: Database, user: PortalUser, id: string, clock: Clock): Promise<void> {
  await db.transaction(async (tx) => {
    const app = await loadApplication(tx, user, id, true);
    if (app.status !== 'draft') {
      throw new ApplicationError('not_editable', `只能撤销填报中的申请；该申请状态为「${statusLabels[app.status]}」`);
    }
    await tx.query(
      `UPDATE applications SET status = 'withdrawn', updated_at = $2, version = version + 1 WHERE id = $1`,
      [id, clock.now],
    );
    await recordAudit(
      tx,
      {
        actor: actorOfUser(user),
        action: 'application.withdraw',
        entityType: 'application',
        entityId: id,
        regionCode: app.region_code,
        before: { status: 'draft' },
        after: { status: 'withdrawn' },
      },
      clock.now,
    );
  });
}

// ---------------------------------------------------------------------------------------------
// One-shot claim (API integrators, bench): unit information, persons and materials, submitted at once

export interface ClaimInput extends UnitFormInput {
  persons: { idNumber: string; name: string; dispatched?: boolean }[];
  materials: { kind: MaterialKind; fileId: string }[];
  expectedTotalFen?: number;
  idempotencyKey?: string;
}

/**
 * Creates and submits a whole claim in one transaction. With an idempotency key, a retry returns
 * the claim already made instead of a second one; without it, a second claim for the same month
 * is refused by the database.
 */
export async function submitClaim(
  db: Database,
  user: PortalUser,
  input: ClaimInput,
  clock: Clock,
): Promise<SubmitResult & { created: boolean }> {
  if (!user.enterpriseId) {
    throw new ApplicationError('invalid_input', '本账号尚未绑定单位：请先通过「维护补贴单位信息」保存一次单位信息');
  }
  const key = input.idempotencyKey?.trim() || null;
  if (key) {
    const existing = await findByIdempotencyKey(db, user.enterpriseId, key);
    if (existing) return { ...existing, created: false };
  }
  const onFile = input.bankAccountNo?.trim() ? undefined : await enterpriseOnFile(db, user);
  const { form, issues } = checkUnitForm(input, { ...formOptions(input, clock), ...(onFile ? { onFile } : {}) });
  const personIssues: FieldIssue[] = [];
  const persons: { idNumber: string; name: string; dispatched: boolean }[] = [];
  const seen = new Set<string>();
  (input.persons ?? []).forEach((p, i) => {
    const checked = checkManualPerson(p, clock.today, (f) => `persons.${i}.${f}`);
    personIssues.push(...checked.issues);
    if (checked.person && seen.has(checked.person.idNumber)) {
      personIssues.push({ path: `persons.${i}.idNumber`, message: '与前面的人员身份证号重复' });
    } else if (checked.person) {
      seen.add(checked.person.idNumber);
      persons.push(checked.person);
    }
  });
  if (persons.length === 0 && personIssues.length === 0)
    personIssues.push({ path: 'persons', message: '请至少填写一名以工代训人员' });
  throwIfIssues([...issues, ...personIssues]);
  const f = form!;
  const materialRows = input.materials ?? [];
  try {
    // A new account's first claim binds it to its enterprise, as saving the unit form does.
    if (!user.enterpriseId) await db.transaction((tx) => bindEnterprise(tx, user, f));
    const enterpriseId = user.enterpriseId!;
    const id = randomUUID();
    const size = checkSize(f.declaredSize, f.details.sizeIndustry ?? '', f);
    const app: AppRow = {
      id,
      programme: WORK_FOR_TRAINING,
      enterprise_id: enterpriseId,
      region_code: f.regionCode,
      subsidy_month: f.subsidyMonth,
      subsidy_type: f.subsidyType,
      status: 'draft',
      unit_name: f.unitName,
      credit_code: f.creditCode,
      legal_rep_name: f.legalRepName,
      legal_rep_id_number: f.legalRepIdNumber,
      bank_name: f.bankName,
      bank_account_no: f.bankAccountNo,
      contact_phone: f.contactPhone,
      declared_size: f.declaredSize,
      computed_size: size.computed,
      size_note: size.note,
      industry: f.industry,
      training_description: f.trainingDescription,
      details: { ...f.details, employees: f.employees, revenueFen: f.revenueFen, assetsFen: f.assetsFen },
      amount_fen: 0,
      approved_amount_fen: null,
      paid_on: null,
      created_at: clock.now,
      updated_at: clock.now,
      submitted_at: null,
      version: 1,
    };
    // Read everything the decision and the checks need in one round trip, outside the write
    // transaction; what must hold at commit is held by the database (one application per month,
    // six per year, one enterprise per person and month), whatever happens in between.
    const ctx = await claimContext(db, app, persons, materialRows);
    if (ctx.credit_code !== f.creditCode) throw otherEnterpriseError(ctx.credit_code);
    // the same answer the unique index would give at commit, before any work
    if (ctx.month_taken) throw await monthTakenError(db, enterpriseId, f.subsidyMonth);
    const spellOf = new Map<string, SpellRow>();
    for (const sp of ctx.spells) if (!spellOf.has(sp.person_id_number)) spellOf.set(sp.person_id_number, sp);
    if (f.subsidyType === 'absorption') {
      const unknown = persons.filter((p) => !spellOf.has(p.idNumber));
      if (unknown.length) {
        throw new ApplicationError(
          'invalid_input',
          '新吸纳劳动者就业类型的人员须已在本单位参保',
          unknown.map((p) => ({
            path: 'persons',
            message: `${p.name}（${maskIdNumber(p.idNumber)}）不在本单位参保职工名单中`,
          })),
        );
      }
    }
    const owned = new Map(ctx.files.map((file) => [file.id, file.original_name]));
    const attached = [...new Map(materialRows.map((m) => [`${m.kind}/${m.fileId}`, m])).values()];
    if (attached.some((m) => !owned.has(m.fileId))) {
      throw new ApplicationError('invalid_input', '材料中有不存在或不属于本单位的文件，请重新上传', [
        { path: 'materials', message: '文件不存在或不属于本单位' },
      ]);
    }
    const personRows: PersonRow[] = persons.map((p) => {
      const sp = spellOf.get(p.idNumber);
      const dispatched = p.dispatched || (sp?.dispatched ?? false);
      return {
        id: randomUUID(),
        person_id_number: p.idNumber,
        person_name: p.name,
        person_category: categoryFor(f.subsidyType, sp?.person_category ?? '企业在职职工', dispatched),
        source: sp ? 'roster' : 'manual',
        spell_id: sp?.id ?? null,
        hired_on: sp?.insured_from ?? null,
        employment_registered_on: sp?.employment_registered_on ?? null,
        dispatched,
        amount_fen: 0,
        refusal: null,
        added_at: clock.now,
      };
    });
    const evaluation = evaluateWithContext(app, personRows, clock.today, ctx);
    for (const p of personRows) {
      const o = evaluation.persons.get(p.id);
      if (o) Object.assign(p, { amount_fen: o.amountFen, refusal: o.refusal });
    }
    const paid = personRows.filter((p) => p.amount_fen > 0);
    const preview = checksFrom(
      { ...app, amount_fen: evaluation.totalFen },
      evaluation,
      clock,
      {
        n: personRows.length,
        ok: paid.length,
        dispatched: paid.filter((p) => p.dispatched).length,
        kinds: [...new Set(attached.map((m) => m.kind))],
        counted: ctx.counted,
        licence: ctx.licence,
      },
      requiresTrainingPlan(regionFamily(app.region_code)!) ? ctx.plan : undefined,
    );
    assertSubmittable(preview, evaluation, input.expectedTotalFen);
    const status = initialStatusOf(app) ?? 'submitted';
    const claimed: ClaimedPerson[] = paid;
    const materials: AttachedMaterial[] = attached.map((m) => ({
      kind: m.kind,
      file_id: m.fileId,
      original_name: owned.get(m.fileId)!,
    }));
    const opening = await prepareCaseOpening(
      db,
      caseInputOf(app, evaluation, claimed, materials, user, clock),
      clock.now,
      { ancestry: ancestorsOf(app.region_code) },
    );
    const write = submittedClaimCtes(app, personRows, attached, evaluation, status, user, clock, key);
    // one audit entry (application.submit, with the unit information) for the whole one-shot claim
    const audit = [
      opening.audit,
      submitAuditEntry(user, app, status, evaluation, claimed.length, opening.id, {
        oneShot: true,
        unit: auditUnit(f),
      }),
    ];
    // The claim, its review case and the audit entries in one statement: atomic as a transaction,
    // and one round trip to the server instead of five (BEGIN, three statements, COMMIT).
    const n = write.params.length;
    const m = opening.params.length;
    await db.query(
      `WITH ${write.ctes},
     ${opening.ctes(n, 'error')},
     audit AS (${auditInsertSql(n + m + 1, n + m + 2)})
     SELECT 1`,
      [...write.params, ...opening.params, ...auditInsertParams(audit, clock.now)],
    );
    return {
      id,
      status,
      amountFen: evaluation.totalFen,
      submittedAt: clock.now.toISOString(),
      caseId: opening.id,
      created: true,
    };
  } catch (error) {
    if (error instanceof ApplicationError) throw error;
    const v = constraintViolation(error);
    if (v?.constraint === 'applications_idempotency' && key) {
      const existing = await findByIdempotencyKey(db, user.enterpriseId!, key);
      if (existing) return { ...existing, created: false };
    }
    if (v?.constraint === 'one_enterprise_per_person_month') {
      throw new ApplicationError(
        'conflict',
        `部分人员 ${f.subsidyMonth} 已由其他申请申报以工代训补贴，同一人同一月只能由一个单位申报`,
      );
    }
    return translateViolation(error, db, { enterpriseId: user.enterpriseId!, month: f.subsidyMonth });
  }
}

interface ClaimContext extends EvaluationContext {
  credit_code: string;
  month_taken: boolean;
  spells: SpellRow[];
  files: { id: string; original_name: string }[];
  counted: number;
  licence: number;
  plan: TrainingPlanRow | null;
}

/** One query: the enterprise, its roster rows for the persons, the files, and what evaluation and checks read. */
async function claimContext(
  q: Queryable,
  app: AppRow,
  persons: { idNumber: string }[],
  materials: { fileId: string }[],
): Promise<ClaimContext> {
  const ids = persons.map((p) => p.idNumber);
  const fileIds = materials.map((m) => m.fileId).filter((x) => /^[0-9a-f-]{36}$/i.test(x));
  const { rows } = await q.query<ClaimContext>(
    `SELECT ${EVALUATION_CONTEXT_COLUMNS},
       (SELECT credit_code FROM enterprises WHERE id = $4) AS credit_code,
       EXISTS (SELECT 1 FROM applications WHERE programme = $1 AND enterprise_id = $4 AND subsidy_month = $6
                  AND status NOT IN ('rejected', 'withdrawn')) AS month_taken,
       (SELECT coalesce(json_agg(json_build_object('id', id, 'person_id_number', person_id_number, 'person_name', person_name,
                 'person_category', person_category, 'insured_from', insured_from,
                 'employment_registered_on', employment_registered_on, 'dispatched', dispatched)
                 ORDER BY insured_from DESC), '[]')
          FROM insured_employment_spells WHERE enterprise_id = $4 AND person_id_number = ANY($2::text[])) AS spells,
       (SELECT coalesce(json_agg(json_build_object('id', id, 'original_name', original_name)), '[]')
          FROM stored_files WHERE enterprise_id = $4 AND id = ANY($8::uuid[])) AS files,
       (SELECT count(*)::int FROM applications WHERE programme = $1 AND enterprise_id = $4
           AND substr(subsidy_month, 1, 4) = substr($6, 1, 4) AND applications_counted(status)) AS counted,
       (SELECT count(*)::int FROM application_materials m JOIN applications a ON a.id = m.application_id
         WHERE a.enterprise_id = $4 AND m.kind = 'business_licence' AND applications_counted(a.status)) AS licence,
       (SELECT json_build_object('status', status, 'month_from', month_from, 'month_until', month_until)
          FROM training_plans WHERE programme = $1 AND enterprise_id = $4 ORDER BY submitted_at DESC LIMIT 1) AS plan`,
    [...evaluationContextParams({ ...app, id: NO_APPLICATION }, ids), fileIds],
  );
  return rows[0]!;
}

/**
 * The data-modifying CTEs that write the submitted claim: the application (the trigger counts the
 * year's applications), its persons with the engine's amounts and refusals, its materials, the
 * persons' month claims (one enterprise per person and month) and the timeline entry.
 */
function submittedClaimCtes(
  app: AppRow,
  persons: PersonRow[],
  materials: { kind: MaterialKind; fileId: string }[],
  evaluation: Evaluation,
  status: ApplicationStatus,
  user: PortalUser,
  clock: Clock,
  idempotencyKey: string | null,
): { ctes: string; params: unknown[] } {
  return {
    ctes: `app AS (
       INSERT INTO applications (id, programme, enterprise_id, region_code, subsidy_month, subsidy_type, status, unit_name,
         credit_code, legal_rep_name, legal_rep_id_number, bank_name, bank_account_no, contact_phone, declared_size,
         computed_size, size_note, industry, training_description, details, amount_fen, ruleset_version,
         created_by, created_at, updated_at, submitted_at, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20::jsonb, $21,
         $22, $23, $24, $24, $24, $25)
       RETURNING id),
     persons AS (
       INSERT INTO application_persons (id, application_id, region_code, person_id_number, person_name, person_category,
         source, spell_id, hired_on, employment_registered_on, dispatched, amount_fen, refusal, added_at)
       SELECT x.id, app.id, $4, x.id_number, x.name, x.category, x.source, x.spell_id, x.hired_on,
              x.employment_registered_on, x.dispatched, x.amount_fen, x.refusal, $24::timestamptz + (x.ord * interval '1 microsecond')
         FROM app, jsonb_to_recordset($26::jsonb) AS x(id uuid, id_number text, name text, category text, source text,
              spell_id uuid, hired_on date, employment_registered_on date, dispatched boolean, amount_fen bigint,
              refusal text, ord int)
       RETURNING person_id_number, amount_fen),
     materials AS (
       INSERT INTO application_materials (application_id, kind, file_id, region_code, attached_at)
       SELECT app.id, x.kind, x.file_id, $4, $24::timestamptz + (x.ord * interval '1 microsecond')
         FROM app, jsonb_to_recordset($27::jsonb) AS x(kind text, file_id uuid, ord int)),
     claims AS (
       INSERT INTO person_month_claims (programme, person_id_number, subsidy_month, application_id, enterprise_id,
         region_code, subsidy_type, amount_fen)
       SELECT $2, p.person_id_number, $5, $1, $3, $4, $6, p.amount_fen FROM persons p WHERE p.amount_fen > 0),
     events AS (
       INSERT INTO application_events (application_id, region_code, at, status, actor_id, actor_role, actor_name, note,
         amount_fen)
       SELECT app.id, $4, $24, 'submitted', $23, $28, $29, $30, $21 FROM app)`,
    params: [
      app.id,
      WORK_FOR_TRAINING,
      app.enterprise_id,
      app.region_code,
      app.subsidy_month,
      app.subsidy_type,
      status,
      app.unit_name,
      app.credit_code,
      app.legal_rep_name,
      app.legal_rep_id_number,
      app.bank_name,
      app.bank_account_no,
      app.contact_phone,
      app.declared_size,
      app.computed_size,
      app.size_note,
      app.industry,
      app.training_description,
      JSON.stringify(app.details),
      evaluation.totalFen,
      evaluation.decision?.rulesetVersion ?? null,
      user.id,
      clock.now,
      idempotencyKey,
      JSON.stringify(
        persons.map((p, ord) => ({
          id: p.id,
          id_number: p.person_id_number,
          name: p.person_name,
          category: p.person_category,
          source: p.source,
          spell_id: p.spell_id,
          hired_on: p.hired_on,
          employment_registered_on: p.employment_registered_on,
          dispatched: p.dispatched,
          amount_fen: p.amount_fen,
          refusal: p.refusal,
          ord,
        })),
      ),
      JSON.stringify(materials.map((m, ord) => ({ kind: m.kind, file_id: m.fileId, ord }))),
      user.role,
      user.displayName,
      `提交申请，推送至${regionNameOf(app.region_code)}审核`,
    ],
  };
}

async function findByIdempotencyKey(db: Queryable, enterpriseId: string, key: string): Promise<SubmitResult | null> {
  const { rows } = await db.query<{
    id: string;
    status: ApplicationStatus;
    amount_fen: number;
    submitted_at: Date | null;
    case_id: string | null;
  }>(
    `SELECT a.id, a.status, a.amount_fen, a.submitted_at,
            (SELECT c.id FROM review_cases c WHERE c.source = 'application' AND c.source_id = a.id::text) AS case_id
       FROM applications a WHERE a.enterprise_id = $1 AND a.idempotency_key = $2`,
    [enterpriseId, key],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    status: r.status,
    amountFen: Number(r.amount_fen),
    submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : '',
    caseId: r.case_id,
  };
}

// ---------------------------------------------------------------------------------------------
// Export data (roster PDF / xlsx)

export interface RosterExport {
  application: ApplicationView;
  persons: {
    seq: number;
    idNumberMasked: string;
    name: string;
    category: string;
    amountFen: number;
    refusal: string | null;
  }[];
  totalFen: number;
}

export async function rosterForExport(db: Database, user: PortalUser, id: string, clock: Clock): Promise<RosterExport> {
  const application = await getApplication(db, user, id);
  const { rows } = await db.query<PersonRow>(
    `SELECT ${PERSON_COLUMNS} FROM application_persons WHERE application_id = $1 ORDER BY added_at, person_id_number`,
    [id],
  );
  await recordAudit(
    db,
    {
      actor: actorOfUser(user),
      action: 'application.roster_export',
      entityType: 'application',
      entityId: id,
      regionCode: application.regionCode,
      after: { persons: rows.length, masked: true },
    },
    clock.now,
  );
  return {
    application,
    persons: rows.map((r, i) => ({
      seq: i + 1,
      idNumberMasked: maskIdNumber(r.person_id_number),
      name: r.person_name,
      category: r.person_category,
      amountFen: Number(r.amount_fen),
      refusal: r.refusal,
    })),
    totalFen: rows.reduce((s, r) => s + Number(r.amount_fen), 0),
  };
}
