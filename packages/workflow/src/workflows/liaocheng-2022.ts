/**
 * 聊城 2022 一次性留工培训补助 / 一次性扩岗补助 (聊人社字〔2022〕32号 二): real-time county review,
 * city aggregation, payment at least once a month, money flowing 市失业保险基金支出户 → 县（市、区）
 * 失业保险支出户 → enterprise, within 30 days of the data issue (免申即享) or the application
 * (自主申请). The document states no publicity step.
 */
import { cites } from './citations';
import type { WorkflowDefinition } from './types';

export const liaocheng2022: WorkflowDefinition = {
  id: 'lc-2022-onetime',
  name: '聊城市2022年一次性留工培训补助、一次性扩岗补助（实时审核—市级汇总—按月拨付）',
  description:
    '县（市、区）失业保险经办机构实时审核 → 市级汇总 → 市财政核准拨付至市失业保险基金支出户 → 县（市、区）失业保险支出户 → 企业对公账户；数据下发或收到申请后30日内发放',
  programmes: ['retention-training', 'job-expansion'],
  regions: ['371500'],
  stage: 'claim',
  fund: 'unemployment_insurance',
  fundFlow: 'via_county',
  payeeAccount: '企业指定对公银行账户（免申即享：税务部门提供的对公账户）',
  deductsRecoveries: false,
  initial: 'county_review',
  caseDeadline: {
    calendarDays: 30,
    from: 'received',
    label: '数据下发（或收到申请）后30日内发放',
    cite: cites.lcThirtyDays,
  },
  states: {
    county_review: { label: '县级实时审核', enterpriseLabel: '审核中', kind: 'review', actor: 'county_reviewer' },
    returned: { label: '退回补正', enterpriseLabel: '退回补正', kind: 'returned', actor: 'enterprise' },
    city_aggregation: {
      label: '市级汇总',
      enterpriseLabel: '审核通过，市级汇总中',
      kind: 'payment_request',
      actor: 'prefecture_reviewer',
    },
    payment_ready: { label: '待拨付', enterpriseLabel: '待拨付', kind: 'payment_ready', actor: 'finance' },
    paying: { label: '拨付中', enterpriseLabel: '拨付中', kind: 'paying', actor: 'finance' },
    paid: { label: '已拨付', enterpriseLabel: '已拨付', kind: 'paid', actor: 'system' },
    rejected: { label: '审核不通过', enterpriseLabel: '审核不通过', kind: 'rejected', actor: 'system' },
  },
  transitions: [
    {
      from: 'county_review',
      action: 'approve',
      to: 'city_aggregation',
      roles: ['county_reviewer'],
      label: '审核通过，报市级汇总',
      reevaluate: true,
      batchable: true,
      cite: cites.lcRealtime,
    },
    {
      from: 'county_review',
      action: 'reject',
      to: 'rejected',
      roles: ['county_reviewer'],
      label: '审核不通过',
      requiresReason: true,
    },
    {
      from: 'county_review',
      action: 'return',
      to: 'returned',
      roles: ['county_reviewer'],
      label: '退回补正',
      requiresReason: true,
    },
    {
      from: 'returned',
      action: 'resubmit',
      to: 'county_review',
      roles: ['enterprise', 'system'],
      label: '补正后重新提交',
    },
    { from: 'returned', action: 'withdraw', to: 'rejected', roles: ['enterprise', 'system'], label: '撤回申请' },
    {
      from: 'city_aggregation',
      action: 'aggregate',
      to: 'payment_ready',
      roles: ['prefecture_reviewer'],
      label: '市级汇总，报市财政申请资金',
      batchable: true,
      cite: cites.lcRealtime,
    },
    {
      from: 'city_aggregation',
      action: 'return',
      to: 'county_review',
      roles: ['prefecture_reviewer'],
      label: '退回县级重新审核',
      requiresReason: true,
    },
    {
      from: 'payment_ready',
      action: 'export',
      to: 'paying',
      roles: ['finance'],
      label: '列入拨付批次（经县级失业保险支出户）',
      cite: cites.lcRealtime,
    },
    { from: 'paying', action: 'paid', to: 'paid', roles: ['system'], label: '银行回单：已到账' },
    {
      from: 'paying',
      action: 'payment_failed',
      to: 'payment_ready',
      roles: ['system'],
      label: '银行回单：支付失败，待重新拨付',
    },
  ],
  cites: [cites.lcRealtime, cites.lcThirtyDays, cites.lcRecovery],
};
