/**
 * 山东 以工代训 (鲁人社字〔2020〕63号 政策细则 二、聊人社字〔2020〕58号): the district chosen on the
 * form reviews (随报随审), the approved claims are publicised (专账 spending: not less than 5 working
 * days, 55号 第十四条), and the subsidy is paid to the enterprise's 基本账户 from the city's 专账.
 */
import { cites } from './citations';
import type { WorkflowDefinition } from './types';

export const shandongYigong: WorkflowDefinition = {
  id: 'sd-yigong',
  name: '山东省以工代训补贴（县级审核—公示—拨付）',
  description: '企业按月申报 → 企业所属区划的县（市、区）人社部门审核 → 公示无异议 → 拨付至企业基本账户',
  programmes: ['work-for-training'],
  regions: ['370000'],
  stage: 'claim',
  fund: 'skills_account',
  stopRule: { kind: 'skills_account_ratio', minRatio: 0.3, cite: cites.skillsAccount30 },
  fundFlow: 'direct',
  payeeAccount: '企业在银行开立的基本账户',
  deductsRecoveries: false,
  initial: 'county_review',
  states: {
    county_review: { label: '县级审核', enterpriseLabel: '县级审核中', kind: 'review', actor: 'county_reviewer' },
    returned: { label: '退回修改', enterpriseLabel: '退回修改', kind: 'returned', actor: 'enterprise' },
    publicity_pending: {
      label: '待公示',
      enterpriseLabel: '审核通过，待公示',
      kind: 'publicity_pending',
      actor: 'county_reviewer',
    },
    publicity: { label: '公示中', enterpriseLabel: '公示中', kind: 'publicity', actor: 'system' },
    payment_ready: { label: '待拨付', enterpriseLabel: '公示无异议，待拨付', kind: 'payment_ready', actor: 'finance' },
    paying: { label: '拨付中', enterpriseLabel: '拨付中', kind: 'paying', actor: 'finance' },
    paid: { label: '已拨付', enterpriseLabel: '已拨付', kind: 'paid', actor: 'system' },
    rejected: { label: '审核不通过', enterpriseLabel: '审核不通过', kind: 'rejected', actor: 'system' },
  },
  transitions: [
    {
      from: 'county_review',
      action: 'approve',
      to: 'publicity_pending',
      roles: ['county_reviewer'],
      label: '审核通过',
      reevaluate: true,
      stopRule: true,
      batchable: true,
      cite: cites.sdYigongProcedure,
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
      label: '退回修改',
      requiresReason: true,
    },
    {
      from: 'returned',
      action: 'resubmit',
      to: 'county_review',
      roles: ['enterprise', 'system'],
      label: '修改后重新提交',
    },
    { from: 'returned', action: 'withdraw', to: 'rejected', roles: ['enterprise', 'system'], label: '撤回申请' },
    {
      from: 'publicity_pending',
      action: 'publish',
      to: 'publicity',
      roles: ['county_reviewer', 'prefecture_reviewer'],
      label: '列入公示名单',
      cite: cites.publicityFiveDays,
    },
    {
      from: 'publicity',
      action: 'object',
      to: 'county_review',
      roles: ['county_reviewer', 'prefecture_reviewer'],
      label: '公示期内收到异议，重新审核',
      requiresReason: true,
    },
    { from: 'publicity', action: 'release', to: 'payment_ready', roles: ['system'], label: '公示期满无异议' },
    { from: 'payment_ready', action: 'export', to: 'paying', roles: ['finance'], label: '列入拨付批次' },
    { from: 'paying', action: 'paid', to: 'paid', roles: ['system'], label: '银行回单：已到账' },
    {
      from: 'paying',
      action: 'payment_failed',
      to: 'payment_ready',
      roles: ['system'],
      label: '银行回单：支付失败，待重新拨付',
    },
  ],
  publicity: { defaultWorkingDays: 5, where: '人社部门门户网站公示栏', cite: cites.publicityFiveDays },
  cites: [cites.sdYigongProcedure, cites.publicityFiveDays, cites.skillsAccount30],
};
