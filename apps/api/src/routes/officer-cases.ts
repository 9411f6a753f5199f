/**
 * The review workbench: workflows, the officer's queue, the case list and page, review actions,
 * batch approval, audited unmasked views, 先预拨 settlement — and the enterprise's own cases with
 * the steps it takes itself (confirm a screened 稳岗返还 finding, commit after a prepayment).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '@wengang/db';
import { todayInShanghai } from '@wengang/kernel';
import { caseTransfers, listRecoveryOrders, settleCase } from '@wengang/ledger';
import {
  act,
  batchApprove,
  fundLabels,
  getCaseDetail,
  listCases,
  listEnterpriseCases,
  listQueue,
  roleLabels,
  viewUnmaskedPersons,
  visibleCase,
  workflows,
  type ActionId,
} from '@wengang/workflow';
import type { ServerClock } from '../clock';
import { ErrorBody } from './errors';
import { access, domain, json, officers, principal, reviewers } from './officer-common';

const Errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const Id = z.object({ id: z.uuid().describe('案件编号') });

const Cite = z.object({ doc: z.string(), clause: z.string(), file: z.string(), line: z.unknown(), issued: z.string() });

const Flags = {
  dueOn: z.string().nullable().describe('当前步骤（或整件）的办理期限'),
  overdue: z.boolean().describe('已超期（按工作日历）'),
  dueToday: z.boolean().describe('今日到期'),
  workingDaysLeft: z.number().nullable().describe('距期限的剩余工作日'),
};

export const CaseListItem = z.object({
  id: z.string(),
  title: z.string(),
  programme: z.string(),
  workflowId: z.string(),
  workflowName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  amountFen: z.number().describe('金额（分）'),
  headcount: z.number(),
  claimMonth: z.string().nullable(),
  receivedOn: z.string(),
  source: z.string(),
  deadlineLabel: z.string().nullable(),
  ...Flags,
  failedConditions: z.number(),
  flaggedConditions: z.number(),
  duplicateHits: z.number(),
  batchApprovable: z.boolean().describe('可批量审核：无未通过、待核实条件和重复疑点'),
});

const Duplicate = z.object({
  rule: z.string(),
  label: z.string(),
  cite: Cite,
  personKeyMasked: z.string().nullable(),
  personName: z.string().nullable(),
  month: z.string().nullable(),
  otherCaseId: z.string(),
  otherRegionCode: z.string(),
  otherRegionName: z.string(),
  otherEnterpriseName: z.string(),
  otherProgramme: z.string(),
  otherStatusLabel: z.string(),
});

const PaymentLine = z.object({
  id: z.string(),
  lineNo: z.number(),
  status: z.string(),
  grossFen: z.number(),
  deductionFen: z.number(),
  amountFen: z.number(),
  paidOn: z.string().nullable(),
  failureReason: z.string().nullable(),
  accountNoMasked: z.string(),
  bankName: z.string(),
  paymentNo: z.number(),
});

const Recovery = z.object({
  id: z.string(),
  reason: z.string(),
  amountFen: z.number(),
  settledFen: z.number(),
  outstandingFen: z.number(),
  method: z.string(),
  status: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
});

const CaseDetail = z.object({
  id: z.string(),
  title: z.string(),
  programme: z.string(),
  variant: z.string().nullable(),
  source: z.string(),
  sourceId: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  enterprise: z.object({ id: z.string(), name: z.string(), creditCode: z.string() }),
  workflow: z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    fund: z.string(),
    fundLabel: z.string(),
    payeeAccount: z.string(),
    states: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        kind: z.string(),
        actor: z.string(),
        deadline: z.string().nullable(),
      }),
    ),
  }),
  status: z.string(),
  statusLabel: z.string(),
  enterpriseStatusLabel: z.string(),
  deadlineLabel: z.string().nullable(),
  ...Flags,
  claimMonth: z.string().nullable(),
  amountFen: z.number(),
  headcount: z.number(),
  receivedOn: z.string(),
  outcomeReason: z.string().nullable(),
  paidFen: z.number(),
  paidOn: z.string().nullable(),
  version: z.number(),
  decision: z.any().describe('引擎的决定：每个条件、依据和所用数据（身份证号已遮盖）'),
  conditions: z.object({ failed: z.number(), flagged: z.number() }),
  duplicates: z.array(Duplicate),
  persons: z.array(
    z.object({
      personKeyMasked: z.string(),
      name: z.string(),
      role: z.string(),
      month: z.string().nullable(),
      category: z.string().nullable(),
      amountFen: z.number().nullable(),
    }),
  ),
  materials: z.array(z.object({ name: z.string(), url: z.string() })),
  payee: z
    .object({
      name: z.string(),
      creditCode: z.string(),
      bankName: z.string(),
      accountKind: z.string(),
      accountNoMasked: z.string(),
    })
    .nullable(),
  history: z.array(
    z.object({
      at: z.string(),
      actorName: z.string(),
      actorRole: z.string(),
      actorRoleLabel: z.string(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      fromLabel: z.string().nullable(),
      toStatus: z.string(),
      toLabel: z.string(),
      note: z.string().nullable(),
      data: z.any(),
    }),
  ),
  actions: z.array(z.object({ action: z.string(), label: z.string(), requiresReason: z.boolean() })),
  payments: z.array(PaymentLine),
  recoveries: z.array(Recovery),
});

const officerActions = ['approve', 'reject', 'return', 'send_to_finance', 'aggregate'] as const;
const enterpriseActions = ['confirm', 'commit', 'withdraw'] as const;

const EnterpriseCase = z.object({
  id: z.string(),
  title: z.string(),
  programme: z.string(),
  source: z.string(),
  sourceId: z.string(),
  claimMonth: z.string().nullable(),
  amountFen: z.number(),
  status: z.string(),
  statusLabel: z.string().describe('【查询】所示状态，如“已拨付”'),
  reason: z.string().nullable().describe('不予通过的理由或需修改的内容'),
  paidOn: z.string().nullable().describe('到账日期'),
  paidFen: z.number(),
  actionNeeded: z.string().nullable(),
  updatedAt: z.string(),
});

export const officerCaseRoutes: FastifyPluginAsyncZod<{ db: Database; clock: ServerClock }> = async (
  app,
  { db, clock },
) => {
  app.get(
    '/v1/officer/workflows',
    {
      preValidation: access(app, 'GET', '/v1/officer/workflows', { roles: officers, scope: 'none' }),
      schema: {
        summary: '业务流程（按项目、地区配置的数据）',
        tags: ['officer'],
        response: { 200: z.object({ items: z.array(z.any()) }), ...Errors },
      },
    },
    async () => ({
      items: workflows.map((w) => ({ ...json(w), fundLabel: fundLabels[w.fund] })),
    }),
  );

  app.get(
    '/v1/officer/queue',
    {
      preValidation: access(app, 'GET', '/v1/officer/queue', { roles: [...reviewers, 'finance'], scope: 'region' }),
      schema: {
        summary: '待办队列（按期限排序，标注超期、今日到期）',
        tags: ['officer'],
        response: { 200: z.object({ today: z.string(), items: z.array(CaseListItem) }), ...Errors },
      },
    },
    async (request) =>
      domain(async () => {
        const now = clock.now();
        const items = await listQueue(db, principal(request), now);
        return { today: todayInShanghai(now), items: json(items) };
      }),
  );

  app.get(
    '/v1/officer/cases',
    {
      preValidation: access(app, 'GET', '/v1/officer/cases', { roles: officers, scope: 'region' }),
      schema: {
        summary: '本辖区案件列表',
        tags: ['officer'],
        querystring: z.object({
          status: z.string().optional(),
          programme: z.string().optional(),
          search: z.string().max(100).optional().describe('单位名称或统一社会信用代码'),
          limit: z.coerce.number().int().min(1).max(200).optional(),
          offset: z.coerce.number().int().min(0).optional(),
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(CaseListItem) }), ...Errors },
      },
    },
    async (request) => domain(async () => json(await listCases(db, principal(request), clock.now(), request.query))),
  );

  app.get(
    '/v1/officer/cases/:id',
    {
      preValidation: access(app, 'GET', '/v1/officer/cases/:id', { roles: officers, scope: 'region' }),
      schema: {
        summary: '案件详情：引擎决定、重复疑点、材料、历史、可办理操作',
        tags: ['officer'],
        params: Id,
        response: { 200: CaseDetail, ...Errors },
      },
    },
    async (request) =>
      domain(async () => {
        const p = principal(request);
        const detail = await getCaseDetail(db, p, request.params.id, clock.now());
        const payments = await caseTransfers(db, detail.id);
        const recoveries = p.role === 'enterprise' ? [] : await listRecoveryOrders(db, p, detail.id);
        return json({
          ...detail,
          workflow: { ...detail.workflow, fundLabel: fundLabels[detail.workflow.fund as keyof typeof fundLabels] },
          payments,
          recoveries,
        });
      }),
  );

  app.post(
    '/v1/officer/cases/:id/actions',
    {
      preValidation: access(app, 'POST', '/v1/officer/cases/:id/actions', { roles: reviewers, scope: 'region' }),
      schema: {
        summary: '审核操作：通过、不予通过（须填理由，告知企业）、退回修改、函告财政、市级汇总',
        description: '审核通过时按现有数据重新运行规则引擎，并核验资金停止规则。',
        tags: ['officer'],
        params: Id,
        body: z.object({
          action: z.enum(officerActions),
          reason: z.string().max(500).optional().describe('不予通过、退回的理由'),
          note: z.string().max(500).optional(),
          version: z.number().int().optional().describe('页面所见的案件版本，防止重复办理'),
        }),
        response: {
          200: z.object({ id: z.string(), status: z.string(), statusLabel: z.string(), amountFen: z.number() }),
          ...Errors,
        },
      },
    },
    async (request) =>
      domain(async () => {
        const { action, reason, note, version } = request.body;
        const r = await db.transaction((tx) =>
          act(tx, principal(request), request.params.id, action as ActionId, { reason, note }, clock.now(), version),
        );
        const label =
          workflows.find((w) => w.id === r.after.workflowId)?.states[r.after.status]?.label ?? r.after.status;
        return { id: r.after.id, status: r.after.status, statusLabel: label, amountFen: r.after.amountFen };
      }),
  );

  app.post(
    '/v1/officer/cases/batch-approve',
    {
      preValidation: access(app, 'POST', '/v1/officer/cases/batch-approve', { roles: reviewers, scope: 'region' }),
      schema: {
        summary: '批量审核通过（仅无未通过、待核实条件和重复疑点的案件）',
        tags: ['officer'],
        body: z.object({ ids: z.array(z.uuid()).min(1).max(200) }),
        response: {
          200: z.object({ results: z.array(z.object({ id: z.string(), ok: z.boolean(), message: z.string() })) }),
          ...Errors,
        },
      },
    },
    async (request) =>
      domain(async () => ({ results: await batchApprove(db, principal(request), request.body.ids, clock.now()) })),
  );

  app.post(
    '/v1/officer/cases/:id/persons/unmasked',
    {
      preValidation: access(app, 'POST', '/v1/officer/cases/:id/persons/unmasked', {
        roles: [...reviewers, 'auditor'],
        scope: 'region',
      }),
      schema: {
        summary: '查看完整身份证号（记入审计日志）',
        tags: ['officer'],
        params: Id,
        body: z.object({ purpose: z.string().min(2).max(200).describe('查看用途') }),
        response: {
          200: z.object({
            items: z.array(z.object({ personKey: z.string(), name: z.string(), month: z.string().nullable() })),
          }),
          ...Errors,
        },
      },
    },
    async (request) =>
      domain(async () => ({
        items: await db.transaction((tx) =>
          viewUnmaskedPersons(tx, principal(request), request.params.id, request.body.purpose, clock.now()),
        ),
      })),
  );

  app.post(
    '/v1/officer/cases/:id/settlement',
    {
      preValidation: access(app, 'POST', '/v1/officer/cases/:id/settlement', { roles: reviewers, scope: 'region' }),
      schema: {
        summary: '先预拨后清算：清算完毕（多退）或补拨差额（少补）',
        tags: ['officer'],
        params: Id,
        body: z.object({ action: z.enum(['settle', 'top_up']), note: z.string().max(500).optional() }),
        response: {
          200: z.object({
            id: z.string(),
            status: z.string(),
            amountFen: z.number(),
            recoveryOrderId: z.string().nullable(),
          }),
          ...Errors,
        },
      },
    },
    async (request) =>
      domain(async () => {
        const r = await db.transaction((tx) =>
          settleCase(
            tx,
            principal(request),
            request.params.id,
            request.body.action,
            request.body.note ?? null,
            clock.now(),
          ),
        );
        return {
          id: r.after.id,
          status: r.after.status,
          amountFen: r.after.amountFen,
          recoveryOrderId: r.recoveryOrderId,
        };
      }),
  );

  app.get(
    '/v1/my/cases',
    {
      preValidation: access(app, 'GET', '/v1/my/cases', { roles: ['enterprise'], scope: 'enterprise' }),
      schema: {
        summary: '本单位的审核案件：状态、理由、到账日期',
        tags: ['enterprise'],
        response: { 200: z.object({ items: z.array(EnterpriseCase) }), ...Errors },
      },
    },
    async (request) => domain(async () => ({ items: json(await listEnterpriseCases(db, principal(request))) })),
  );

  app.post(
    '/v1/my/cases/:id/actions',
    {
      preValidation: access(app, 'POST', '/v1/my/cases/:id/actions', { roles: ['enterprise'], scope: 'enterprise' }),
      schema: {
        summary: '单位确认并承诺（稳岗返还）、预拨后补充承诺、撤回',
        tags: ['enterprise'],
        params: Id,
        body: z.object({
          action: z.enum(enterpriseActions),
          commitment: z.string().max(500).optional().describe('承诺内容'),
        }),
        response: { 200: z.object({ id: z.string(), status: z.string(), statusLabel: z.string() }), ...Errors },
      },
    },
    async (request) =>
      domain(async () => {
        const p = principal(request);
        await visibleCase(db, p, request.params.id);
        const note =
          request.body.commitment?.trim() ||
          (request.body.action === 'withdraw' ? '单位撤回' : '本单位承诺所提供资料真实、准确');
        const r = await db.transaction((tx) =>
          act(tx, p, request.params.id, request.body.action, { note }, clock.now()),
        );
        const label =
          workflows.find((w) => w.id === r.after.workflowId)?.states[r.after.status]?.enterpriseLabel ?? r.after.status;
        return { id: r.after.id, status: r.after.status, statusLabel: label };
      }),
  );

  app.get(
    '/v1/officer/roles',
    {
      preValidation: access(app, 'GET', '/v1/officer/roles', { roles: officers, scope: 'none' }),
      schema: {
        summary: '角色名称',
        tags: ['officer'],
        response: { 200: z.object({ roles: z.record(z.string(), z.string()) }), ...Errors },
      },
    },
    async () => ({ roles: roleLabels }),
  );
};
