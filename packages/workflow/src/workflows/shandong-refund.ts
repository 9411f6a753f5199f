/**
 * 山东 失业保险稳岗返还 (鲁人社字〔2020〕26号 四(三)、63号 政策细则 一): the screened list is confirmed
 * by the enterprise with its commitment, reviewed, publicised and paid; or, "先预拨、后承诺、再清算",
 * paid first, the commitment added after, and settled by inspection (top up or recover the
 * difference). Both stop by fund capacity (< 12 months general, < 24 months difficult, from the next
 * month) and deduct what an enterprise still owes from earlier refunds.
 */
import { cites } from './citations';
import type { StopRule, WorkflowDefinition } from './types';

const programmes = ['stable-post-refund'];
// the refund types of policies/stable-post-refund: the SME refund is the general one at a raised standard
const general = ['general', 'sme'];
const difficult = ['difficult'];

const capacityRule = (minMonths: number, label: string): StopRule => ({
  kind: 'ui_capacity',
  minMonths,
  label,
  cite: cites.uiCapacity,
});

function standard(id: string, name: string, variants: string[], stopRule: StopRule): WorkflowDefinition {
  return {
    id,
    name,
    description: '数据比对筛查名单 → 企业确认并承诺 → 经办机构审核 → 向社会公示 → 无异议后拨付',
    programmes,
    variants,
    regions: ['370000'],
    stage: 'claim',
    fund: 'unemployment_insurance',
    stopRule,
    fundFlow: 'direct',
    payeeAccount: '企业对公银行账户',
    deductsRecoveries: true,
    initial: 'confirmation',
    states: {
      confirmation: { label: '待企业确认', enterpriseLabel: '请确认并承诺', kind: 'confirmation', actor: 'enterprise' },
      review: { label: '经办机构审核', enterpriseLabel: '审核中', kind: 'review', actor: 'county_reviewer' },
      returned: { label: '退回补正', enterpriseLabel: '退回补正', kind: 'returned', actor: 'enterprise' },
      publicity_pending: {
        label: '待公示',
        enterpriseLabel: '审核通过，待公示',
        kind: 'publicity_pending',
        actor: 'county_reviewer',
      },
      publicity: { label: '公示中', enterpriseLabel: '公示中', kind: 'publicity', actor: 'system' },
      payment_ready: {
        label: '待拨付',
        enterpriseLabel: '公示无异议，待拨付',
        kind: 'payment_ready',
        actor: 'finance',
      },
      paying: { label: '拨付中', enterpriseLabel: '拨付中', kind: 'paying', actor: 'finance' },
      paid: { label: '已拨付', enterpriseLabel: '已拨付', kind: 'paid', actor: 'system' },
      rejected: { label: '不予返还', enterpriseLabel: '不予返还', kind: 'rejected', actor: 'system' },
    },
    transitions: [
      {
        from: 'confirmation',
        action: 'confirm',
        to: 'review',
        roles: ['enterprise'],
        label: '企业确认并承诺资料真实准确',
        cite: cites.refundConfirm,
      },
      { from: 'confirmation', action: 'withdraw', to: 'rejected', roles: ['enterprise'], label: '企业放弃' },
      {
        from: 'review',
        action: 'approve',
        to: 'publicity_pending',
        roles: ['county_reviewer'],
        label: '审核通过',
        reevaluate: true,
        stopRule: true,
        batchable: true,
        cite: cites.sdRefundProcedure,
      },
      {
        from: 'review',
        action: 'reject',
        to: 'rejected',
        roles: ['county_reviewer'],
        label: '不予返还',
        requiresReason: true,
      },
      {
        from: 'review',
        action: 'return',
        to: 'returned',
        roles: ['county_reviewer'],
        label: '退回补正',
        requiresReason: true,
      },
      { from: 'returned', action: 'resubmit', to: 'review', roles: ['enterprise', 'system'], label: '补正后重新确认' },
      {
        from: 'publicity_pending',
        action: 'publish',
        to: 'publicity',
        roles: ['county_reviewer', 'prefecture_reviewer'],
        label: '向社会公示',
        cite: cites.refundConfirm,
      },
      {
        from: 'publicity',
        action: 'object',
        to: 'review',
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
    // 26号 says "按规定向社会公示" without a period; the platform default is 5 working days.
    publicity: { defaultWorkingDays: 5, where: '人社部门门户网站公示栏', cite: cites.refundConfirm },
    cites: [cites.refundConfirm, cites.sdRefundProcedure, cites.uiCapacity, cites.refundDeduction],
  };
}

function prepay(id: string, name: string, variants: string[], stopRule: StopRule): WorkflowDefinition {
  return {
    id,
    name,
    description: '先预拨（无需企业提交材料）→ 企业收到资金后补充承诺 → 检查申报条件和资金使用情况后清算，多退少补',
    programmes,
    variants,
    mode: 'prepay',
    regions: ['370000'],
    stage: 'claim',
    fund: 'unemployment_insurance',
    stopRule,
    fundFlow: 'direct',
    payeeAccount: '企业对公银行账户',
    deductsRecoveries: true,
    initial: 'prepay_review',
    states: {
      prepay_review: { label: '预拨审核', enterpriseLabel: '预拨审核中', kind: 'review', actor: 'county_reviewer' },
      payment_ready: { label: '待预拨', enterpriseLabel: '待预拨', kind: 'payment_ready', actor: 'finance' },
      paying: { label: '预拨中', enterpriseLabel: '预拨中', kind: 'paying', actor: 'finance' },
      prepaid: {
        label: '已预拨，待企业承诺',
        enterpriseLabel: '已预拨，请补充承诺',
        kind: 'paid',
        actor: 'enterprise',
      },
      settlement: { label: '清算检查', enterpriseLabel: '清算检查中', kind: 'review', actor: 'county_reviewer' },
      topup_ready: { label: '待补拨差额', enterpriseLabel: '清算后待补拨', kind: 'payment_ready', actor: 'finance' },
      topup_paying: { label: '补拨中', enterpriseLabel: '补拨中', kind: 'paying', actor: 'finance' },
      settled: { label: '已清算', enterpriseLabel: '已清算', kind: 'closed', actor: 'system' },
      rejected: { label: '不予预拨', enterpriseLabel: '不予返还', kind: 'rejected', actor: 'system' },
    },
    transitions: [
      {
        from: 'prepay_review',
        action: 'approve',
        to: 'payment_ready',
        roles: ['county_reviewer'],
        label: '同意预拨',
        reevaluate: true,
        stopRule: true,
        batchable: true,
        cite: cites.refundPrepay,
      },
      {
        from: 'prepay_review',
        action: 'reject',
        to: 'rejected',
        roles: ['county_reviewer'],
        label: '不予预拨',
        requiresReason: true,
      },
      { from: 'payment_ready', action: 'export', to: 'paying', roles: ['finance'], label: '列入拨付批次（预拨）' },
      { from: 'paying', action: 'paid', to: 'prepaid', roles: ['system'], label: '银行回单：预拨资金已到账' },
      {
        from: 'paying',
        action: 'payment_failed',
        to: 'payment_ready',
        roles: ['system'],
        label: '银行回单：支付失败，待重新拨付',
      },
      {
        from: 'prepaid',
        action: 'commit',
        to: 'settlement',
        roles: ['enterprise'],
        label: '企业补充承诺',
        cite: cites.refundPrepay,
      },
      // the engine's amount on the data as it stands decides: not more than prepaid → settled (any
      // excess becomes a recovery order); more → the difference is topped up
      {
        from: 'settlement',
        action: 'settle',
        to: 'settled',
        roles: ['county_reviewer'],
        label: '清算完毕（多退）',
        reevaluate: true,
        cite: cites.refundPrepay,
      },
      {
        from: 'settlement',
        action: 'top_up',
        to: 'topup_ready',
        roles: ['county_reviewer'],
        label: '清算补拨差额（少补）',
        reevaluate: true,
        stopRule: true,
        cite: cites.refundPrepay,
      },
      {
        from: 'topup_ready',
        action: 'export',
        to: 'topup_paying',
        roles: ['finance'],
        label: '列入拨付批次（清算补拨）',
      },
      { from: 'topup_paying', action: 'paid', to: 'settled', roles: ['system'], label: '银行回单：补拨资金已到账' },
      {
        from: 'topup_paying',
        action: 'payment_failed',
        to: 'topup_ready',
        roles: ['system'],
        label: '银行回单：支付失败，待重新补拨',
      },
    ],
    cites: [cites.refundPrepay, cites.uiCapacity, cites.refundDeduction],
  };
}

const generalRule = capacityRule(12, '失业保险基金备付能力不足12个月的次月起，停止执行一般企业稳岗返还');
const difficultRule = capacityRule(24, '失业保险基金备付能力不足24个月的次月起，停止执行困难企业稳岗返还');

export const shandongRefundGeneral = standard(
  'sd-refund-general',
  '山东省一般（中小微）企业稳岗返还（确认—审核—公示—拨付）',
  general,
  generalRule,
);
export const shandongRefundDifficult = standard(
  'sd-refund-difficult',
  '山东省困难企业稳岗返还（确认—审核—公示—拨付）',
  difficult,
  difficultRule,
);
export const shandongRefundGeneralPrepay = prepay(
  'sd-refund-general-prepay',
  '山东省一般企业稳岗返还（先预拨、后承诺、再清算）',
  general,
  generalRule,
);
export const shandongRefundDifficultPrepay = prepay(
  'sd-refund-difficult-prepay',
  '山东省困难企业稳岗返还（先预拨、后承诺、再清算）',
  difficult,
  difficultRule,
);
