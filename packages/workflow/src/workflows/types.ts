/**
 * Workflows are data: one definition per programme family and region, read by one generic state
 * machine (../machine.ts). A definition names its states (who acts, with which time limit), the
 * actions that move a case between them, the fund it is paid from and the stop rule that guards
 * its approvals — each with the citation it comes from.
 */
import type { Citation } from '@wengang/engine';

export type Role = 'enterprise' | 'county_reviewer' | 'prefecture_reviewer' | 'finance' | 'policy_admin' | 'auditor';

export const officerRoles = ['county_reviewer', 'prefecture_reviewer', 'finance', 'policy_admin', 'auditor'] as const;
export const allRoles: readonly Role[] = ['enterprise', ...officerRoles];

export const roleLabels: Record<Role, string> = {
  enterprise: '企业用户',
  county_reviewer: '县（市、区）审核员',
  prefecture_reviewer: '市（州）复审员',
  finance: '财政拨付员',
  policy_admin: '政策管理员',
  auditor: '审计员（只读）',
};

export type Fund = 'unemployment_insurance' | 'skills_account' | 'employment_subsidy';

export const fundLabels: Record<Fund, string> = {
  unemployment_insurance: '失业保险基金',
  skills_account: '职业技能提升行动专账资金',
  employment_subsidy: '就业补助资金',
};

/**
 * What a state means to the generic machinery:
 * - confirmation: the enterprise confirms a screened finding and signs the commitment
 * - review: an officer decides (approve / reject / return for correction)
 * - returned: the enterprise corrects and resubmits
 * - publicity_pending: approved, waiting to be put on a publicity list
 * - publicity: on a running list; released when the period ends without an open objection
 * - payment_request: an officer sends the payment request to finance
 * - payment_ready: waiting for finance's next payment batch
 * - paying: on an exported payment batch, waiting for the bank's result
 * - paid: paid (a 先预拨 case continues to its commitment and settlement from here)
 * - filed: a training plan filed and publicised (no payment)
 * - closed / rejected: final
 */
export type StateKind =
  | 'confirmation'
  | 'review'
  | 'returned'
  | 'publicity_pending'
  | 'publicity'
  | 'payment_request'
  | 'payment_ready'
  | 'paying'
  | 'paid'
  | 'filed'
  | 'closed'
  | 'rejected';

export interface Deadline {
  /** Working days on the kernel's calendar (法定节假日 and 调休 included). */
  workingDays?: number;
  /** Calendar days. */
  calendarDays?: number;
  /**
   * Counted from the day the case last entered this state (default: the state the deadline is on);
   * `received` counts from the day the claim or data arrived.
   */
  from?: string | 'received';
  /** Chinese statement of the limit, e.g. `收到申请后2个工作日内完成审核`. */
  label: string;
  cite: Citation;
}

export interface StateDefinition {
  label: string;
  /** What the enterprise sees on 【查询】. */
  enterpriseLabel: string;
  kind: StateKind;
  /** Whose queue the case is in while here; `system` for states the platform leaves by itself. */
  actor: Role | 'system';
  deadline?: Deadline;
}

export type ActionId =
  | 'confirm'
  | 'approve'
  | 'reject'
  | 'return'
  | 'resubmit'
  | 'publish'
  | 'release'
  | 'object'
  | 'send_to_finance'
  | 'aggregate'
  | 'export'
  | 'paid'
  | 'payment_failed'
  | 'commit'
  | 'settle'
  | 'top_up'
  | 'withdraw';

export interface TransitionDefinition {
  from: string;
  action: ActionId;
  to: string;
  /** Who may take it; `system` for moves made by the platform (publicity, payment results). */
  roles: readonly (Role | 'system')[];
  label: string;
  /** A reason is required (and shown to the enterprise). */
  requiresReason?: boolean;
  /** Re-run the engine on the data as it stands; refuse when it no longer says yes. */
  reevaluate?: boolean;
  /** Enforce the workflow's fund stop rule. */
  stopRule?: boolean;
  /** May be taken for many cases at once (only those with no failed or flagged condition). */
  batchable?: boolean;
  cite?: Citation;
}

/**
 * 专账 below 30% of its initial scale stops new 以工代训 approvals; 失业保险基金 capacity below 24 /
 * 12 months stops difficult / general 稳岗返还 from the next month.
 */
export type StopRule =
  | { kind: 'skills_account_ratio'; minRatio: number; cite: Citation }
  | { kind: 'ui_capacity'; minMonths: number; label: string; cite: Citation };

export interface WorkflowDefinition {
  id: string;
  name: string;
  description: string;
  /** Programme ids (policies/<id>) the workflow runs. */
  programmes: readonly string[];
  /** Variants of the programme it runs (e.g. 稳岗返还 `general` / `difficult`); all when absent. */
  variants?: readonly string[];
  /** `prepay`: chosen only when asked for (先预拨、后承诺、再清算); `standard` otherwise. */
  mode?: 'standard' | 'prepay';
  /** Regions it applies to, with their sub-regions. */
  regions: readonly string[];
  /** `plan` for a training-plan filing, `claim` for a claim to be paid. */
  stage: 'plan' | 'claim';
  fund: Fund;
  stopRule?: StopRule;
  /** `via_county`: city fund → county expenditure account → enterprise (聊人社字〔2022〕32号). */
  fundFlow: 'direct' | 'via_county';
  /** The account the money goes to, as the documents name it. */
  payeeAccount: string;
  /** Open recovery orders of the enterprise are deducted from this workflow's payments. */
  deductsRecoveries: boolean;
  /** A claim needs the enterprise's plan filed under this workflow first. */
  requiresFiledPlan?: string;
  initial: string;
  states: Readonly<Record<string, StateDefinition>>;
  transitions: readonly TransitionDefinition[];
  /** Limit for the whole case, e.g. paid within 30 days of the data or the application. */
  caseDeadline?: Deadline;
  publicity?: { defaultWorkingDays: number; where: string; cite: Citation };
  cites: readonly Citation[];
}
