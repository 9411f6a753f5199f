/**
 * Payment and ledger: fund accounts with balances and capacity, allocations and monthly monitoring,
 * payment batches with the bank file (CSV, .xlsx) and the imported results, recovery orders.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '@wengang/db';
import {
  accountLines,
  allocateFunds,
  bankFileCsv,
  bankFileRows,
  createPaymentBatch,
  createRecoveryOrder,
  getPaymentBatch,
  importPaymentResults,
  listFundAccounts,
  listPaymentBatches,
  listRecoveryOrders,
  openFundAccount,
  parseCsv,
  payableCases,
  readResultRows,
  recordMonitoring,
  recordRepayment,
  resultTemplateCsv,
} from '@wengang/ledger';
import type { ServerClock } from '../clock';
import { bankFileXlsx, readResultXlsx } from '../exports/bank-file-xlsx';
import { xlsxMediaType } from '../exports/roster-xlsx';
import { HttpError } from '../security/session';
import { ErrorBody } from './errors';
import { access, domain, json, officers, principal, reviewers } from './officer-common';

const Errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const Id = z.object({ id: z.uuid() });
const FundEnum = z.enum(['unemployment_insurance', 'skills_account', 'employment_subsidy']);

const Batch = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  fund: z.string(),
  fundLabel: z.string(),
  month: z.string(),
  seq: z.number(),
  status: z.enum(['exported', 'completed']),
  lineCount: z.number(),
  totalFen: z.number(),
  paidCount: z.number(),
  failedCount: z.number(),
  pendingCount: z.number(),
  createdByName: z.string(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});
const Line = z.object({
  id: z.string().describe('付款参考号'),
  lineNo: z.number(),
  caseId: z.string(),
  caseTitle: z.string(),
  regionCode: z.string(),
  viaRegionCode: z.string().nullable().describe('经由的县（市、区）失业保险支出户'),
  payeeName: z.string(),
  creditCode: z.string(),
  bankName: z.string(),
  accountNoMasked: z.string(),
  accountKind: z.string(),
  grossFen: z.number(),
  deductionFen: z.number().describe('抵扣应追回资金'),
  amountFen: z.number(),
  purpose: z.string(),
  status: z.enum(['exported', 'paid', 'failed']),
  failureReason: z.string().nullable(),
  paidOn: z.string().nullable(),
  bankRef: z.string().nullable(),
  paymentNo: z.number(),
});
const Account = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  fund: z.string(),
  fundLabel: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  name: z.string(),
  initialScaleFen: z.number().nullable(),
  balanceFen: z.number(),
  ratio: z.number().nullable(),
  monitoring: z
    .object({ month: z.string(), capacityMonths: z.number(), avgMonthlyExpenditureFen: z.number() })
    .nullable(),
});
const Recovery = z.object({
  id: z.string(),
  caseId: z.string(),
  caseTitle: z.string(),
  regionCode: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  fund: z.string(),
  fundLabel: z.string(),
  reason: z.string(),
  amountFen: z.number(),
  settledFen: z.number(),
  outstandingFen: z.number(),
  method: z.enum(['repayment', 'deduction']),
  status: z.enum(['open', 'settled']),
  createdByName: z.string(),
  createdAt: z.string(),
  settlements: z.array(
    z.object({ kind: z.string(), amountFen: z.number(), settledOn: z.string(), note: z.string().nullable() }),
  ),
});

export const officerPaymentRoutes: FastifyPluginAsyncZod<{ db: Database; clock: ServerClock }> = async (
  app,
  { db, clock },
) => {
  // —— fund accounts ——
  app.get(
    '/v1/officer/funds',
    {
      preValidation: access(app, 'GET', '/v1/officer/funds', { roles: officers, scope: 'region' }),
      schema: {
        summary: '资金账户：余额、专账比例、基金备付能力',
        tags: ['ledger'],
        response: { 200: z.object({ items: z.array(Account) }), ...Errors },
      },
    },
    async (request) => domain(async () => ({ items: await listFundAccounts(db, principal(request)) })),
  );

  app.post(
    '/v1/officer/funds',
    {
      preValidation: access(app, 'POST', '/v1/officer/funds', { roles: ['policy_admin'], scope: 'region' }),
      schema: {
        summary: '开设资金账户（专账须填建账资金规模）',
        tags: ['ledger'],
        body: z.object({
          regionCode: z.string().regex(/^[0-9]{6}$/),
          fund: FundEnum,
          name: z.string().max(100).optional(),
          initialScaleFen: z.number().int().positive().optional(),
        }),
        response: { 200: z.object({ id: z.string() }), ...Errors },
      },
    },
    async (request) =>
      domain(async () => ({
        id: await db.transaction((tx) => openFundAccount(tx, principal(request), request.body, clock.now())),
      })),
  );

  app.post(
    '/v1/officer/funds/:id/allocations',
    {
      preValidation: access(app, 'POST', '/v1/officer/funds/:id/allocations', { roles: ['finance'], scope: 'region' }),
      schema: {
        summary: '登记资金拨入（计提、上级拨付）',
        tags: ['ledger'],
        params: Id,
        body: z.object({
          amountFen: z.number().int().positive(),
          description: z.string().min(2).max(200),
          requestId: z.string().max(64).optional().describe('重复提交时只记一次'),
        }),
        response: { 200: z.object({ posted: z.boolean() }), ...Errors },
      },
    },
    async (request) =>
      domain(async () =>
        db.transaction((tx) =>
          allocateFunds(tx, principal(request), { accountId: request.params.id, ...request.body }, clock.now()),
        ),
      ),
  );

  app.post(
    '/v1/officer/funds/:id/monitoring',
    {
      preValidation: access(app, 'POST', '/v1/officer/funds/:id/monitoring', {
        roles: ['policy_admin', 'finance'],
        scope: 'region',
      }),
      schema: {
        summary: '按月登记失业保险基金备付能力（余额 ÷ 月均支出）',
        tags: ['ledger'],
        params: Id,
        body: z.object({
          month: z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/),
          avgMonthlyExpenditureFen: z.number().int().positive(),
        }),
        response: { 200: z.object({ capacityMonths: z.number(), balanceFen: z.number() }), ...Errors },
      },
    },
    async (request) =>
      domain(async () =>
        db.transaction((tx) =>
          recordMonitoring(tx, principal(request), { accountId: request.params.id, ...request.body }, clock.now()),
        ),
      ),
  );

  app.get(
    '/v1/officer/funds/:id/lines',
    {
      preValidation: access(app, 'GET', '/v1/officer/funds/:id/lines', {
        roles: ['finance', 'policy_admin', 'auditor'],
        scope: 'region',
      }),
      schema: {
        summary: '账户明细（复式记账分录）',
        tags: ['ledger'],
        params: Id,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                entryId: z.number(),
                entryDate: z.string(),
                kind: z.string(),
                description: z.string(),
                amountFen: z.number(),
                refType: z.string().nullable(),
                refId: z.string().nullable(),
                actorName: z.string(),
              }),
            ),
          }),
          ...Errors,
        },
      },
    },
    async (request) => domain(async () => ({ items: await accountLines(db, principal(request), request.params.id) })),
  );

  // —— payment batches ——
  app.get(
    '/v1/officer/payments',
    {
      preValidation: access(app, 'GET', '/v1/officer/payments', { roles: ['finance', 'auditor'], scope: 'region' }),
      schema: {
        summary: '拨付批次',
        tags: ['ledger'],
        response: { 200: z.object({ items: z.array(Batch) }), ...Errors },
      },
    },
    async (request) => domain(async () => ({ items: json(await listPaymentBatches(db, principal(request))) })),
  );

  app.get(
    '/v1/officer/payments/payable',
    {
      preValidation: access(app, 'GET', '/v1/officer/payments/payable', { roles: ['finance'], scope: 'region' }),
      schema: {
        summary: '待拨付案件',
        tags: ['ledger'],
        querystring: z.object({ fund: FundEnum }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                title: z.string(),
                regionCode: z.string(),
                enterpriseName: z.string(),
                amountFen: z.number(),
                paidFen: z.number(),
                caseDueOn: z.string().nullable(),
                hasPayee: z.boolean(),
              }),
            ),
          }),
          ...Errors,
        },
      },
    },
    async (request) => domain(async () => ({ items: await payableCases(db, principal(request), request.query.fund) })),
  );

  app.post(
    '/v1/officer/payments',
    {
      preValidation: access(app, 'POST', '/v1/officer/payments', { roles: ['finance'], scope: 'region' }),
      schema: {
        summary: '生成本月拨付批次',
        tags: ['ledger'],
        body: z.object({ fund: FundEnum, caseIds: z.array(z.uuid()).max(1000).optional() }),
        response: {
          200: z.object({
            batch: Batch,
            skipped: z.array(z.object({ caseId: z.string(), title: z.string(), reason: z.string() })),
          }),
          ...Errors,
        },
      },
    },
    async (request) =>
      domain(async () =>
        json(await db.transaction((tx) => createPaymentBatch(tx, principal(request), request.body, clock.now()))),
      ),
  );

  app.get(
    '/v1/officer/payments/:id',
    {
      preValidation: access(app, 'GET', '/v1/officer/payments/:id', { roles: ['finance', 'auditor'], scope: 'region' }),
      schema: {
        summary: '拨付批次明细',
        tags: ['ledger'],
        params: Id,
        response: { 200: z.object({ batch: Batch, lines: z.array(Line) }), ...Errors },
      },
    },
    async (request) => domain(async () => json(await getPaymentBatch(db, principal(request), request.params.id))),
  );

  const fileName = (batch: { regionName: string; month: string; seq: number }, ext: string) =>
    `拨付批次-${batch.regionName}-${batch.month}-${batch.seq}.${ext}`;
  const disposition = (name: string) =>
    `attachment; filename="payment.${name.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(name)}`;

  app.get(
    '/v1/officer/payments/:id/bank-file.csv',
    {
      preValidation: access(app, 'GET', '/v1/officer/payments/:id/bank-file.csv', {
        roles: ['finance'],
        scope: 'region',
      }),
      schema: {
        summary: '银行支付文件（CSV）',
        tags: ['ledger'],
        params: Id,
        produces: ['text/csv'],
        response: { 200: z.string(), ...Errors },
      },
    },
    async (request, reply) =>
      domain(async () => {
        const p = principal(request);
        const { batch } = await getPaymentBatch(db, p, request.params.id);
        const rows = await db.transaction((tx) => bankFileRows(tx, p, request.params.id, clock.now()));
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', disposition(fileName(batch, 'csv')));
        return bankFileCsv(rows);
      }),
  );

  app.get(
    '/v1/officer/payments/:id/bank-file.xlsx',
    {
      preValidation: access(app, 'GET', '/v1/officer/payments/:id/bank-file.xlsx', {
        roles: ['finance'],
        scope: 'region',
      }),
      schema: {
        summary: '银行支付文件（Excel）',
        tags: ['ledger'],
        params: Id,
        produces: [xlsxMediaType],
        response: { ...Errors },
      },
    },
    async (request, reply) =>
      domain(async () => {
        const p = principal(request);
        const { batch } = await getPaymentBatch(db, p, request.params.id);
        const rows = await db.transaction((tx) => bankFileRows(tx, p, request.params.id, clock.now()));
        const bytes = await bankFileXlsx(fileName(batch, 'xlsx'), rows);
        return reply
          .header('content-type', xlsxMediaType)
          .header('content-disposition', disposition(fileName(batch, 'xlsx')))
          .send(bytes as never);
      }),
  );

  app.get(
    '/v1/officer/payments/:id/result-template.csv',
    {
      preValidation: access(app, 'GET', '/v1/officer/payments/:id/result-template.csv', {
        roles: ['finance'],
        scope: 'region',
      }),
      schema: {
        summary: '银行回盘模板（CSV）',
        tags: ['ledger'],
        params: Id,
        produces: ['text/csv'],
        response: { 200: z.string(), ...Errors },
      },
    },
    async (request, reply) =>
      domain(async () => {
        const p = principal(request);
        const { batch } = await getPaymentBatch(db, p, request.params.id);
        const rows = await db.transaction((tx) => bankFileRows(tx, p, request.params.id, clock.now()));
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', disposition(`回盘-${fileName(batch, 'csv')}`));
        return resultTemplateCsv(rows);
      }),
  );

  app.post(
    '/v1/officer/payments/:id/results',
    {
      preValidation: access(app, 'POST', '/v1/officer/payments/:id/results', { roles: ['finance'], scope: 'region' }),
      schema: {
        summary: '导入银行回盘结果（成功 / 失败及原因）',
        description: '整份文件一次导入：任一行有误则不导入；已有结果的行保持不变（重复导入不会重复记账）。',
        tags: ['ledger'],
        params: Id,
        body: z.object({
          fileName: z.string().max(200),
          contentBase64: z.string().max(5_000_000).describe('回盘文件内容（.csv 或 .xlsx，Base64）'),
        }),
        response: { 200: z.object({ paid: z.number(), failed: z.number(), alreadyApplied: z.number() }), ...Errors },
      },
    },
    async (request) =>
      domain(async () => {
        const bytes = Buffer.from(request.body.contentBase64, 'base64');
        let table: string[][];
        try {
          table = /\.xlsx$/i.test(request.body.fileName)
            ? await readResultXlsx(bytes)
            : parseCsv(bytes.toString('utf8'));
        } catch {
          throw new HttpError(422, 'invalid', '无法读取回盘文件：请上传 .csv（UTF-8）或 .xlsx 文件');
        }
        const { results, issues } = readResultRows(table);
        if (issues.length)
          throw new HttpError(
            422,
            'invalid',
            `回盘文件有误：${issues[0]!.message}`,
            issues.map((i) => ({ path: `row.${i.row}`, message: i.message })),
          );
        if (results.length === 0) throw new HttpError(422, 'invalid', '回盘文件中没有填写结果的行');
        return db.transaction((tx) =>
          importPaymentResults(tx, principal(request), request.params.id, results, clock.now()),
        );
      }),
  );

  // —— recovery ——
  app.get(
    '/v1/officer/recoveries',
    {
      preValidation: access(app, 'GET', '/v1/officer/recoveries', { roles: officers, scope: 'region' }),
      schema: {
        summary: '追回通知',
        tags: ['ledger'],
        response: { 200: z.object({ items: z.array(Recovery) }), ...Errors },
      },
    },
    async (request) => domain(async () => ({ items: json(await listRecoveryOrders(db, principal(request))) })),
  );

  app.post(
    '/v1/officer/recoveries',
    {
      preValidation: access(app, 'POST', '/v1/officer/recoveries', {
        roles: [...reviewers, 'finance'],
        scope: 'region',
      }),
      schema: {
        summary: '下达追回通知（退回或从下次返还资金中扣减）',
        tags: ['ledger'],
        body: z.object({
          caseId: z.uuid(),
          reason: z.string().min(2).max(500),
          amountFen: z.number().int().positive(),
          method: z.enum(['repayment', 'deduction']),
        }),
        response: { 200: z.object({ id: z.string() }), ...Errors },
      },
    },
    async (request) =>
      domain(async () => ({
        id: await db.transaction((tx) => createRecoveryOrder(tx, principal(request), request.body, clock.now())),
      })),
  );

  app.post(
    '/v1/officer/recoveries/:id/repayments',
    {
      preValidation: access(app, 'POST', '/v1/officer/recoveries/:id/repayments', {
        roles: ['finance'],
        scope: 'region',
      }),
      schema: {
        summary: '登记企业退回的资金',
        tags: ['ledger'],
        params: Id,
        body: z.object({
          amountFen: z.number().int().positive(),
          settledOn: z.iso.date().optional(),
          note: z.string().max(200).optional(),
          requestId: z.string().max(64).optional(),
        }),
        response: { 200: z.object({ ok: z.literal(true) }), ...Errors },
      },
    },
    async (request) =>
      domain(async () => {
        await db.transaction((tx) =>
          recordRepayment(tx, principal(request), request.params.id, request.body, clock.now()),
        );
        return { ok: true as const };
      }),
  );
};
