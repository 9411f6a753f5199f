/**
 * 以工代训补贴申报 for enterprises (操作指南 附件2), as a JSON API: form options, unit information,
 * persons (roster, by hand, .xlsx import), roster exports, materials, checks, submission, the
 * one-shot claim, progress (【查询】) and the Changji training plan.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '@wengang/db';
import {
  addManualPerson,
  addRosterPersons,
  attachMaterial,
  claimableMonths,
  detachMaterial,
  fileTrainingPlan,
  getApplication,
  getUnitProfile,
  importPersons,
  industryLabels,
  industryOptions,
  listPersons,
  listProgress,
  listRosterCandidates,
  listTrainingPlans,
  materialKinds,
  materialLabels,
  pendingTrainingPlans,
  personCategories,
  previewSubmission,
  regionOptions,
  removePerson,
  reviewTrainingPlan,
  rosterForExport,
  saveUnitInformation,
  sizeLabels,
  submitApplication,
  submitClaim,
  subsidyTypeLabels,
  withdrawApplication,
  type Clock,
  type MaterialKind,
  type PortalUser,
} from '@wengang/workflow';
import { rosterPdf } from '../exports/roster-pdf';
import {
  importTemplateXlsx,
  readImportRows,
  rosterXlsx,
  SpreadsheetError,
  xlsxMediaType,
} from '../exports/roster-xlsx';
import { HttpError, requireAccount, requireEnterpriseUser, type SessionAccount } from '../security/session';
import { ErrorBody } from './errors';

export interface WorkForTrainingOptions {
  db: Database;
  clock: () => Clock;
}

const Id = z.object({ id: z.string().describe('申请编号') });
const Errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

const UnitForm = z
  .object({
    unitName: z.string().optional().describe('单位名称（与营业执照一致）'),
    creditCode: z.string().optional().describe('统一社会信用代码'),
    legalRepName: z.string().optional().describe('法人姓名'),
    legalRepIdNumber: z.string().optional().describe('法人身份证号码（留空则沿用已登记的）'),
    bankName: z.string().optional().describe('*基本账户开户银行'),
    bankAccountNo: z.string().optional().describe('*基本账户银行账号（留空则沿用已登记的）'),
    contactPhone: z.string().optional().describe('*联系电话：手机号或带区号的固定电话'),
    declaredSize: z.string().optional().describe('*企业规模：large 大型 / medium 中型 / small 小型 / micro 微型'),
    industry: z
      .string()
      .optional()
      .describe(
        '*所属行业：foreign_trade 外贸 / accommodation_catering 住宿餐饮 / culture_tourism 文化旅游 / transport 交通运输 / wholesale_retail 批发零售 / other 其他行业',
      ),
    subsidyMonth: z.string().optional().describe('*补贴年月 YYYY-MM'),
    subsidyType: z
      .string()
      .optional()
      .describe(
        '*补贴类型：absorption 新吸纳劳动者就业 / epidemic_hardship 受疫情影响的企业 / hard_hit_industry 受疫情影响较大行业（仅昌吉州）',
      ),
    regionCode: z.string().optional().describe('*企业所属区划（县级区划代码）：申请推送至该区划审核'),
    trainingDescription: z.string().optional().describe('*以工代训培训情况'),
    sizeIndustry: z
      .string()
      .nullable()
      .optional()
      .describe('划型行业（《中小企业划型标准规定》行业），与下列数字一起用于核对企业规模'),
    employees: z.number().nullable().optional().describe('从业人员（人）'),
    revenueFen: z.number().nullable().optional().describe('营业收入（分）'),
    assetsFen: z.number().nullable().optional().describe('资产总额（分）'),
    details: z
      .object({
        industryScopeAddedOn: z
          .string()
          .nullable()
          .optional()
          .describe('变更登记增加所属行业经营范围的日期；从未变更的填 null'),
        establishedOn: z.string().nullable().optional().describe('成立日期（2019年成立的企业计算月平均值用）'),
        enterpriseKind: z.enum(['enterprise', 'individual_business']).optional(),
        hasEmployeesInsuredAsUnit: z.boolean().nullable().optional(),
        indicators: z
          .object({
            revenueFen: z.number().nullable().optional().describe('当月营业收入（分）'),
            revenue2019Fen: z.number().nullable().optional().describe('2019年营业收入合计（分）'),
            electricityFen: z.number().nullable().optional().describe('当月电费（分）'),
            electricity2019Fen: z.number().nullable().optional().describe('2019年电费合计（分）'),
            otherEnergy: z.number().nullable().optional(),
            otherEnergy2019: z.number().nullable().optional(),
          })
          .nullable()
          .optional()
          .describe('困难企业认定指标（受疫情影响的企业）'),
        shutdownListed: z.boolean().nullable().optional().describe('昌吉州：已列入当地停产停工企业名单'),
        noOtherTrainingSubsidy: z
          .boolean()
          .nullable()
          .optional()
          .describe('昌吉州：以工代训人员本月未同时享受其他职业培训补贴'),
      })
      .optional(),
  })
  .describe('维护补贴单位信息（操作指南 四）');

const Material = z.object({
  kind: z.string(),
  label: z.string(),
  fileId: z.string(),
  originalName: z.string(),
  sizeBytes: z.number(),
  mediaType: z.string(),
  sha256: z.string(),
  attachedAt: z.string(),
});

const Application = z.object({
  id: z.string(),
  programme: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  editable: z.boolean(),
  subsidyMonth: z.string(),
  subsidyType: z.string(),
  subsidyTypeLabel: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  unit: z.object({
    unitName: z.string(),
    creditCode: z.string(),
    legalRepName: z.string().nullable(),
    legalRepIdNumberMasked: z.string().nullable(),
    bankName: z.string(),
    bankAccountMasked: z.string(),
    contactPhone: z.string(),
    declaredSize: z.string(),
    declaredSizeLabel: z.string(),
    computedSize: z.string().nullable(),
    sizeNote: z.string().nullable().describe('企业规模核对说明（不一致时提示审核人员）'),
    sizeMismatch: z.boolean(),
    industry: z.string(),
    industryLabel: z.string(),
    trainingDescription: z.string(),
    sizeIndustry: z.string().nullable(),
    employees: z.number().nullable(),
    revenueFen: z.number().nullable(),
    assetsFen: z.number().nullable(),
  }),
  details: z.record(z.string(), z.unknown()),
  amountFen: z.number().describe('规则引擎核定的补贴金额（分）'),
  personCount: z.number(),
  approvedAmountFen: z.number().nullable(),
  paidOn: z.string().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  materials: z.array(Material),
  canAddManualPersons: z.boolean().describe('是否提供【增加人员】（受疫情影响的企业等类型）'),
});

const Person = z.object({
  id: z.string(),
  seq: z.number().describe('序号'),
  idNumberMasked: z.string().describe('身份证号（仅显示后4位）'),
  name: z.string(),
  category: z.string().describe('人员类别'),
  source: z.enum(['roster', 'manual', 'import']),
  dispatched: z.boolean(),
  amountFen: z.number().describe('补贴金额（分），由规则引擎计算'),
  refusal: z.string().nullable().describe('不予补贴的原因'),
});

const PersonsChange = z.object({ added: z.number(), skipped: z.number(), totalFen: z.number() });

const Check = z.object({
  id: z.string(),
  label: z.string(),
  ok: z.boolean(),
  level: z.enum(['error', 'warning']),
  detail: z.string(),
  source: z.string(),
});

const Preview = z.object({
  totalFen: z.number(),
  eligiblePersons: z.number(),
  refusedPersons: z.number(),
  canSubmit: z.boolean(),
  checks: z.array(Check),
  materials: z.array(
    z.object({
      kinds: z.array(z.string()),
      label: z.string(),
      required: z.boolean(),
      satisfied: z.boolean(),
      source: z.string(),
    }),
  ),
});

const SubmitResult = z.object({
  id: z.string(),
  status: z.string(),
  amountFen: z.number(),
  submittedAt: z.string(),
  caseId: z.string().nullable(),
});

const ProgressItem = z.object({
  id: z.string(),
  subsidyMonth: z.string(),
  subsidyType: z.string(),
  subsidyTypeLabel: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  amountFen: z.number(),
  approvedAmountFen: z.number().nullable(),
  paidOn: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reason: z.string().nullable().describe('审核不通过或退回修改的原因'),
  stages: z.array(
    z.object({
      status: z.string(),
      label: z.string(),
      state: z.enum(['done', 'current', 'pending', 'failed']),
      at: z.string().nullable(),
    }),
  ),
  timeline: z.array(
    z.object({
      at: z.string(),
      status: z.string(),
      label: z.string(),
      actor: z.string(),
      note: z.string().nullable(),
      amountFen: z.number().nullable(),
      paidOn: z.string().nullable(),
    }),
  ),
});

const TrainingPlan = z.object({
  id: z.string(),
  status: z.enum(['submitted', 'approved', 'rejected']),
  statusLabel: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  monthFrom: z.string(),
  monthUntil: z.string(),
  plannedHeadcount: z.number(),
  trainingContent: z.string(),
  trainingMethod: z.string(),
  instructor: z.string(),
  contactPerson: z.string(),
  contactPhone: z.string(),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
});

const userOf = (a: SessionAccount): PortalUser => ({
  id: a.id,
  role: a.role,
  displayName: a.displayName,
  enterpriseId: a.enterpriseId,
});

const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

export const workForTrainingRoutes: FastifyPluginAsyncZod<WorkForTrainingOptions> = async (app, { db, clock }) => {
  const enterprise = (request: Parameters<typeof requireEnterpriseUser>[0]) => userOf(requireEnterpriseUser(request));
  const tags = ['以工代训补贴申报'];

  app.get(
    '/options',
    {
      schema: {
        summary: '表单选项：企业所属区划、补贴年月、补贴类型、企业规模、所属行业、人员类别、材料类型',
        tags,
        response: {
          200: z.object({
            today: z.string(),
            regions: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                fullName: z.string(),
                family: z.string(),
                months: z.array(z.string()),
              }),
            ),
            subsidyTypes: z.array(
              z.object({ value: z.string(), label: z.string(), regions: z.enum(['all', 'changji']) }),
            ),
            sizes: z.array(z.object({ value: z.string(), label: z.string() })),
            industries: z.array(z.object({ value: z.string(), label: z.string() })),
            sizeIndustries: z.array(z.object({ value: z.string(), label: z.string() })),
            personCategories: z.array(z.string()),
            materialKinds: z.array(z.object({ value: z.string(), label: z.string() })),
          }),
        },
      },
    },
    async () => {
      const { today } = clock();
      return {
        today,
        regions: regionOptions().map((r) => ({ ...r, months: claimableMonths(r.family, today) })),
        subsidyTypes: Object.entries(subsidyTypeLabels).map(([value, label]) => ({
          value,
          label,
          regions: value === 'hard_hit_industry' ? ('changji' as const) : ('all' as const),
        })),
        sizes: Object.entries(sizeLabels).map(([value, label]) => ({ value, label })),
        industries: Object.entries(industryLabels).map(([value, label]) => ({ value, label })),
        sizeIndustries: industryOptions.map((i) => ({ value: i.code, label: i.label })),
        personCategories: [...personCategories],
        materialKinds: materialKinds.map((k) => ({ value: k, label: materialLabels[k] })),
      };
    },
  );

  app.get(
    '/profile',
    {
      schema: {
        summary: '已登记的单位信息（用于预填，身份证号、账号已遮蔽）',
        tags,
        response: {
          200: z.object({
            profile: z
              .object({
                enterpriseId: z.string(),
                unitName: z.string(),
                creditCode: z.string(),
                regionCode: z.string(),
                legalRepName: z.string().nullable(),
                legalRepIdNumberMasked: z.string().nullable(),
                bankName: z.string().nullable(),
                bankAccountMasked: z.string().nullable(),
                contactPhone: z.string().nullable(),
                declaredSize: z.string().nullable(),
                employees: z.number().nullable(),
                revenueFen: z.number().nullable(),
                assetsFen: z.number().nullable(),
                sizeIndustry: z.string().nullable(),
              })
              .nullable(),
          }),
          ...Errors,
        },
      },
    },
    async (request) => ({ profile: await getUnitProfile(db, enterprise(request)) }),
  );

  app.get(
    '/applications',
    {
      schema: {
        summary: '【查询】本单位的全部申请及审核进度',
        description:
          '每个申请的状态时间线：提交、县级审核、市（州）级复审（昌吉州）、公示、拨付、已拨付 / 审核不通过（含原因），核定金额和拨付日期。',
        tags,
        response: { 200: z.object({ items: z.array(ProgressItem) }), ...Errors },
      },
    },
    async (request) => ({ items: await listProgress(db, enterprise(request)) }),
  );

  app.post(
    '/applications',
    {
      schema: {
        summary: '【办理】保存单位信息，新建申请（填报中）',
        description:
          '保存后才可录入补贴人员（操作指南 五）。每个单位每个补贴年月只能申请一次（审核不通过的可再申请），本年度最多 6 次。',
        tags,
        body: UnitForm,
        response: { 200: Application, ...Errors },
      },
    },
    async (request) => {
      const user = enterprise(request);
      const id = await saveUnitInformation(db, user, request.body, clock());
      return getApplication(db, user, id);
    },
  );

  app.get(
    '/applications/:id',
    { schema: { summary: '申请详情', tags, params: Id, response: { 200: Application, ...Errors } } },
    async (request) => getApplication(db, enterprise(request), request.params.id),
  );

  app.put(
    '/applications/:id',
    {
      schema: {
        summary: '修改单位信息（填报中或退回修改的申请）',
        tags,
        params: Id,
        body: UnitForm,
        response: { 200: Application, ...Errors },
      },
    },
    async (request) => {
      const user = enterprise(request);
      await saveUnitInformation(db, user, request.body, clock(), request.params.id);
      return getApplication(db, user, request.params.id);
    },
  );

  app.delete(
    '/applications/:id',
    {
      schema: {
        summary: '撤销填报中的申请',
        tags,
        params: Id,
        response: { 200: z.object({ ok: z.literal(true) }), ...Errors },
      },
    },
    async (request) => {
      await withdrawApplication(db, enterprise(request), request.params.id, clock());
      return { ok: true as const };
    },
  );

  app.get(
    '/applications/:id/persons',
    {
      schema: {
        summary: '待申报人员（分页）',
        tags,
        params: Id,
        querystring: z.object({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(10),
        }),
        response: {
          200: z.object({
            items: z.array(Person),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
            totalFen: z.number(),
          }),
          ...Errors,
        },
      },
    },
    async (request) =>
      listPersons(db, enterprise(request), request.params.id, request.query.page, request.query.pageSize),
  );

  app.get(
    '/applications/:id/roster-candidates',
    {
      schema: {
        summary: '【增加企业在职职工】可选的参保职工（社会保险参保数据）',
        tags,
        params: Id,
        querystring: z.object({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(10),
          search: z.string().optional().describe('姓名或身份证号'),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                spellId: z.string(),
                idNumberMasked: z.string(),
                name: z.string(),
                category: z.string(),
                insuredFrom: z.string(),
                insuredUntil: z.string().nullable(),
                dispatched: z.boolean(),
                dispatchAgency: z.string().nullable(),
                alreadyAdded: z.boolean(),
              }),
            ),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
          ...Errors,
        },
      },
    },
    async (request) => listRosterCandidates(db, enterprise(request), request.params.id, request.query),
  );

  app.post(
    '/applications/:id/persons/roster',
    {
      schema: {
        summary: '【增加企业在职职工】添加所选职工',
        description: '每人的补贴金额和不予补贴的原因由规则引擎计算。',
        tags,
        params: Id,
        body: z.object({ spellIds: z.array(z.string()).min(1).max(500) }),
        response: { 200: PersonsChange, ...Errors },
      },
    },
    async (request) => addRosterPersons(db, enterprise(request), request.params.id, request.body.spellIds, clock()),
  );

  app.post(
    '/applications/:id/persons/manual',
    {
      schema: {
        summary: '【增加人员】手工添加人员（受疫情影响的企业等类型）',
        tags,
        params: Id,
        body: z.object({
          idNumber: z.string(),
          name: z.string(),
          dispatched: z.boolean().optional().describe('劳务派遣人员'),
        }),
        response: { 200: PersonsChange, ...Errors },
      },
    },
    async (request) => addManualPerson(db, enterprise(request), request.params.id, request.body, clock()),
  );

  app.post(
    '/applications/:id/persons/import',
    {
      schema: {
        summary: '批量导入人员（.xlsx，按模板）',
        description: 'multipart/form-data，字段 file。任何一行有误时整个文件都不导入，返回 422 与逐行错误（errors）。',
        tags,
        params: Id,
        consumes: ['multipart/form-data'],
        response: {
          200: PersonsChange,
          422: z.object({
            error: z.string(),
            message: z.string(),
            errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
          }),
          ...{ 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
        },
      },
    },
    async (request, reply) => {
      const user = enterprise(request);
      const file = await request.file();
      if (!file) throw new HttpError(400, 'no_file', '请选择要导入的 .xlsx 文件');
      const bytes = await file.toBuffer();
      let read;
      try {
        read = await readImportRows(bytes);
      } catch (error) {
        if (error instanceof SpreadsheetError) throw new HttpError(422, 'bad_spreadsheet', error.message);
        throw error;
      }
      const result = await importPersons(db, user, request.params.id, read.rows, clock(), {
        dryRun: read.problems.length > 0,
      });
      if ('errors' in result) {
        const errors = [...read.problems, ...result.errors].sort((a, b) => a.row - b.row);
        return reply.code(422).send({
          error: 'import_rejected',
          message: `文件中有 ${errors.length} 处错误，未导入任何人员。请按提示修改后重新导入`,
          errors,
        });
      }
      return result;
    },
  );

  app.delete(
    '/applications/:id/persons/:personId',
    {
      schema: {
        summary: '移除待申报人员',
        tags,
        params: z.object({ id: z.string(), personId: z.string() }),
        response: { 200: PersonsChange, ...Errors },
      },
    },
    async (request) => removePerson(db, enterprise(request), request.params.id, request.params.personId, clock()),
  );

  app.get(
    '/import-template.xlsx',
    { schema: { summary: '下载人员导入模板（.xlsx）', tags, produces: [xlsxMediaType] } },
    async (_request, reply) => {
      const bytes = await importTemplateXlsx();
      return reply
        .type(xlsxMediaType)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent('以工代训人员导入模板.xlsx')}`,
        )
        .send(bytes);
    },
  );

  const rosterName = (unit: string, month: string, ext: string) =>
    `attachment; filename*=UTF-8''${encodeURIComponent(`以工代训人员花名册_${unit}_${monthLabel(month)}.${ext}`)}`;

  app.get(
    '/applications/:id/roster.pdf',
    {
      schema: {
        summary: '【导出以工代训人员花名册】PDF（含承诺书与签字盖章栏）',
        description: '打印后签字盖章，扫描作为材料上传。身份证号仅显示后 4 位。',
        tags,
        params: Id,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const user = enterprise(request);
      const c = clock();
      const data = await rosterForExport(db, user, request.params.id, c);
      const pdf = await rosterPdf(data, c.today);
      return reply
        .type('application/pdf')
        .header('content-disposition', rosterName(data.application.unit.unitName, data.application.subsidyMonth, 'pdf'))
        .send(pdf);
    },
  );

  app.get(
    '/applications/:id/roster.xlsx',
    { schema: { summary: '以工代训人员花名册（.xlsx）', tags, params: Id, produces: [xlsxMediaType] } },
    async (request, reply) => {
      const data = await rosterForExport(db, enterprise(request), request.params.id, clock());
      return reply
        .type(xlsxMediaType)
        .header(
          'content-disposition',
          rosterName(data.application.unit.unitName, data.application.subsidyMonth, 'xlsx'),
        )
        .send(await rosterXlsx(data));
    },
  );

  app.post(
    '/applications/:id/materials',
    {
      schema: {
        summary: '为申请添加材料（先通过 POST /api/v1/files 上传文件）',
        tags,
        params: Id,
        body: z.object({ kind: z.enum(materialKinds as [MaterialKind, ...MaterialKind[]]), fileId: z.string() }),
        response: { 200: z.object({ materials: z.array(Material) }), ...Errors },
      },
    },
    async (request) => ({
      materials: await attachMaterial(
        db,
        enterprise(request),
        request.params.id,
        request.body.kind,
        request.body.fileId,
        clock(),
      ),
    }),
  );

  app.delete(
    '/applications/:id/materials/:kind/:fileId',
    {
      schema: {
        summary: '移除申请的材料',
        tags,
        params: z.object({
          id: z.string(),
          kind: z.enum(materialKinds as [MaterialKind, ...MaterialKind[]]),
          fileId: z.string(),
        }),
        response: { 200: z.object({ materials: z.array(Material) }), ...Errors },
      },
    },
    async (request) => ({
      materials: await detachMaterial(
        db,
        enterprise(request),
        request.params.id,
        request.params.kind,
        request.params.fileId,
        clock(),
      ),
    }),
  );

  app.get(
    '/applications/:id/checks',
    {
      schema: {
        summary: '提交前检查：核定金额与逐项规则',
        tags,
        params: Id,
        response: { 200: Preview, ...Errors },
      },
    },
    async (request) => previewSubmission(db, enterprise(request), request.params.id, clock()),
  );

  app.post(
    '/applications/:id/submit',
    {
      schema: {
        summary: '提交申请',
        description:
          '在同一事务中重新核算金额、检查规则、登记人员当月申报，推送至企业所属区划审核。提交后只读，退回修改后方可再编辑。expectedTotalFen 与核定金额不一致时拒绝（防止页面过期）。',
        tags,
        params: Id,
        body: z.object({ expectedTotalFen: z.number().int().optional() }),
        response: { 200: SubmitResult, ...Errors },
      },
    },
    async (request) =>
      submitApplication(db, enterprise(request), request.params.id, clock(), {
        ...(request.body.expectedTotalFen !== undefined ? { expectedTotalFen: request.body.expectedTotalFen } : {}),
      }),
  );

  app.post(
    '/claims',
    {
      schema: {
        summary: '一次提交完整申请（单位信息 + 人员 + 材料）',
        description:
          '供系统对接：在一个事务中建立并提交申请。请求头 Idempotency-Key：重试时返回已建立的申请（created=false），不会重复申请。',
        tags,
        headers: z.object({ 'idempotency-key': z.string().max(100).optional() }),
        body: UnitForm.extend({
          persons: z
            .array(z.object({ idNumber: z.string(), name: z.string(), dispatched: z.boolean().optional() }))
            .max(1000),
          materials: z
            .array(z.object({ kind: z.enum(materialKinds as [MaterialKind, ...MaterialKind[]]), fileId: z.string() }))
            .max(50),
          expectedTotalFen: z.number().int().optional(),
        }),
        response: { 200: SubmitResult.extend({ created: z.boolean() }), ...Errors },
      },
    },
    async (request) => {
      const key = request.headers['idempotency-key'];
      return submitClaim(
        db,
        enterprise(request),
        { ...request.body, ...(key ? { idempotencyKey: key } : {}) },
        clock(),
      );
    },
  );

  app.get(
    '/training-plans',
    {
      schema: {
        summary: '本单位的以工代训培训计划（昌吉州）',
        tags,
        response: { 200: z.object({ items: z.array(TrainingPlan) }), ...Errors },
      },
    },
    async (request) => ({ items: await listTrainingPlans(db, enterprise(request)) }),
  );

  app.post(
    '/training-plans',
    {
      schema: {
        summary: '提交《昌吉州以工代训培训计划申请表》',
        description: '经当地人社部门审核备案后，方可按月申报以工代训补贴（昌州人社发〔2020〕15号 四（一））。',
        tags,
        body: z.object({
          regionCode: z.string(),
          monthFrom: z.string(),
          monthUntil: z.string(),
          plannedHeadcount: z.number(),
          trainingContent: z.string(),
          trainingMethod: z.string(),
          instructor: z.string(),
          contactPerson: z.string(),
          contactPhone: z.string(),
        }),
        response: { 200: TrainingPlan, ...Errors },
      },
    },
    async (request) => fileTrainingPlan(db, enterprise(request), request.body, clock()),
  );

  app.get(
    '/training-plans/pending',
    {
      schema: {
        summary: '待审核的培训计划（县级审核员）',
        tags: ['经办'],
        response: { 200: z.object({ items: z.array(TrainingPlan.extend({ enterpriseName: z.string() })) }), ...Errors },
      },
    },
    async (request) => {
      const officer = requireAccount(request);
      if (officer.role !== 'county_reviewer' || !officer.regionCode)
        throw new HttpError(403, 'forbidden', '仅县级审核员可查看待审核的培训计划');
      return { items: await pendingTrainingPlans(db, officer.regionCode) };
    },
  );

  app.post(
    '/training-plans/:id/review',
    {
      schema: {
        summary: '审核备案培训计划（县级审核员）',
        tags: ['经办'],
        params: Id,
        body: z.object({ decision: z.enum(['approve', 'reject']), note: z.string().nullable().optional() }),
        response: { 200: TrainingPlan, ...Errors },
      },
    },
    async (request) => {
      const officer = requireAccount(request);
      if (!officer.regionCode) throw new HttpError(403, 'forbidden', '仅经办人员可审核培训计划');
      return reviewTrainingPlan(
        db,
        { id: officer.id, role: officer.role, name: officer.displayName, regionCode: officer.regionCode },
        request.params.id,
        request.body.decision,
        request.body.note ?? null,
        clock(),
      );
    },
  );
};
