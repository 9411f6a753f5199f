/**
 * 昌吉州 以工代训 (昌州人社发〔2020〕15号 四、五(四)): the enterprise files its training plan, the
 * local bureau reviews it and publicises it on the same-level government website; then each month:
 * local review within 2 working days → 州人社局 re-review → 州人社局 sends the payment materials to
 * 州财政局 within 3 working days → 州财政局 pays monthly to the 基本账户.
 */
import { cites } from './citations';
import type { WorkflowDefinition } from './types';

const programmes = ['work-for-training'];

export const changjiYigongPlan: WorkflowDefinition = {
  id: 'cj-yigong-plan',
  name: '昌吉州以工代训培训计划审核备案（审核—政府网站公示）',
  description:
    '企业提交《昌吉州以工代训培训计划申请表》→ 当地人社部门审核备案 → 在同级人民政府网站公示企业名称、补贴人数、资金额度',
  programmes,
  regions: ['652300'],
  stage: 'plan',
  fund: 'skills_account',
  fundFlow: 'direct',
  payeeAccount: '—（培训计划不拨付资金）',
  deductsRecoveries: false,
  initial: 'plan_review',
  states: {
    plan_review: { label: '培训计划审核', enterpriseLabel: '培训计划审核中', kind: 'review', actor: 'county_reviewer' },
    returned: { label: '退回修改', enterpriseLabel: '培训计划退回修改', kind: 'returned', actor: 'enterprise' },
    publicity_pending: {
      label: '待公示',
      enterpriseLabel: '审核通过，待政府网站公示',
      kind: 'publicity_pending',
      actor: 'county_reviewer',
    },
    publicity: { label: '政府网站公示中', enterpriseLabel: '政府网站公示中', kind: 'publicity', actor: 'system' },
    filed: { label: '已备案', enterpriseLabel: '已审核备案，可按月申报', kind: 'filed', actor: 'system' },
    rejected: { label: '审核不通过', enterpriseLabel: '培训计划审核不通过', kind: 'rejected', actor: 'system' },
  },
  transitions: [
    {
      from: 'plan_review',
      action: 'approve',
      to: 'publicity_pending',
      roles: ['county_reviewer'],
      label: '审核通过（备案）',
      batchable: true,
      cite: cites.cjPlanReview,
    },
    {
      from: 'plan_review',
      action: 'reject',
      to: 'rejected',
      roles: ['county_reviewer'],
      label: '审核不通过',
      requiresReason: true,
    },
    {
      from: 'plan_review',
      action: 'return',
      to: 'returned',
      roles: ['county_reviewer'],
      label: '退回修改',
      requiresReason: true,
    },
    {
      from: 'returned',
      action: 'resubmit',
      to: 'plan_review',
      roles: ['enterprise', 'system'],
      label: '修改后重新提交',
    },
    { from: 'returned', action: 'withdraw', to: 'rejected', roles: ['enterprise', 'system'], label: '撤回' },
    {
      from: 'publicity_pending',
      action: 'publish',
      to: 'publicity',
      roles: ['county_reviewer', 'prefecture_reviewer'],
      label: '在同级人民政府网站公示',
      cite: cites.cjPlanReview,
    },
    {
      from: 'publicity',
      action: 'object',
      to: 'plan_review',
      roles: ['county_reviewer', 'prefecture_reviewer'],
      label: '公示期内收到异议，重新审核',
      requiresReason: true,
    },
    { from: 'publicity', action: 'release', to: 'filed', roles: ['system'], label: '公示期满无异议，备案' },
  ],
  // 15号 does not state the period; the platform's default (5 working days, as for 专账 spending in
  // Shandong) is a parameter the officer may change when publishing.
  publicity: { defaultWorkingDays: 5, where: '同级人民政府网站', cite: cites.cjPlanReview },
  cites: [cites.cjPlanReview],
};

export const changjiYigongClaim: WorkflowDefinition = {
  id: 'cj-yigong-claim',
  name: '昌吉州以工代训按月申报（县级2个工作日审核—州复审—3个工作日内函告州财政局—按月拨付）',
  description:
    '按月申报 → 当地人社部门2个工作日内审核 → 州人社局复审 → 州人社局3个工作日内向州财政局提交资金拨付材料 → 州财政局按月拨付至企业基本账户',
  programmes,
  regions: ['652300'],
  stage: 'claim',
  fund: 'skills_account',
  fundFlow: 'direct',
  payeeAccount: '企业在银行设立的基本账户',
  deductsRecoveries: false,
  requiresFiledPlan: 'cj-yigong-plan',
  // 15号 sets no fund stop rule (the 30% 专账 rule is Shandong's, 鲁人社字〔2020〕63号)
  initial: 'county_review',
  states: {
    county_review: {
      label: '县级审核',
      enterpriseLabel: '县级审核中',
      kind: 'review',
      actor: 'county_reviewer',
      deadline: { workingDays: 2, label: '收到申请后2个工作日内完成审核', cite: cites.cjCountyTwoDays },
    },
    returned: { label: '退回修改', enterpriseLabel: '退回修改', kind: 'returned', actor: 'enterprise' },
    prefecture_review: {
      label: '州人社局复审',
      enterpriseLabel: '州人社局复审中',
      kind: 'review',
      actor: 'prefecture_reviewer',
      // 15号 does not say from when the 3 working days run; counted from the claim reaching the
      // prefecture, so that re-review and the letter to finance together fit in them.
      deadline: { workingDays: 3, label: '3个工作日内向州财政局提交资金拨付材料', cite: cites.cjPrefectureThreeDays },
    },
    finance_request: {
      label: '函告州财政局',
      enterpriseLabel: '复审通过，待拨付',
      kind: 'payment_request',
      actor: 'prefecture_reviewer',
      deadline: {
        workingDays: 3,
        from: 'prefecture_review',
        label: '3个工作日内向州财政局提交资金拨付材料',
        cite: cites.cjPrefectureThreeDays,
      },
    },
    payment_ready: {
      label: '待拨付（按月）',
      enterpriseLabel: '已函告财政，待拨付',
      kind: 'payment_ready',
      actor: 'finance',
    },
    paying: { label: '拨付中', enterpriseLabel: '拨付中', kind: 'paying', actor: 'finance' },
    paid: { label: '已拨付', enterpriseLabel: '已拨付', kind: 'paid', actor: 'system' },
    rejected: { label: '审核不通过', enterpriseLabel: '审核不通过', kind: 'rejected', actor: 'system' },
  },
  transitions: [
    {
      from: 'county_review',
      action: 'approve',
      to: 'prefecture_review',
      roles: ['county_reviewer'],
      label: '审核无问题，提交州人社局复审',
      reevaluate: true,
      batchable: true,
      cite: cites.cjMonthlyReview,
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
      from: 'prefecture_review',
      action: 'approve',
      to: 'finance_request',
      roles: ['prefecture_reviewer'],
      label: '复审通过',
      reevaluate: true,
      batchable: true,
      cite: cites.cjPayment,
    },
    {
      from: 'prefecture_review',
      action: 'reject',
      to: 'rejected',
      roles: ['prefecture_reviewer'],
      label: '复审不通过',
      requiresReason: true,
    },
    {
      from: 'prefecture_review',
      action: 'return',
      to: 'county_review',
      roles: ['prefecture_reviewer'],
      label: '退回县级重新审核',
      requiresReason: true,
    },
    {
      from: 'finance_request',
      action: 'send_to_finance',
      to: 'payment_ready',
      roles: ['prefecture_reviewer'],
      label: '函告州财政局（提交资金拨付材料）',
      batchable: true,
      cite: cites.cjPrefectureThreeDays,
    },
    {
      from: 'payment_ready',
      action: 'export',
      to: 'paying',
      roles: ['finance'],
      label: '列入本月拨付批次',
      cite: cites.cjPayment,
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
  cites: [cites.cjMonthlyReview, cites.cjCountyTwoDays, cites.cjPrefectureThreeDays, cites.cjPayment],
};
