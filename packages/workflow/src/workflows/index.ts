/** Every workflow the platform runs, and how a case finds its own. */
import { changjiYigongClaim, changjiYigongPlan } from './changji-yigong';
import { liaocheng2022 } from './liaocheng-2022';
import {
  shandongRefundDifficult,
  shandongRefundDifficultPrepay,
  shandongRefundGeneral,
  shandongRefundGeneralPrepay,
} from './shandong-refund';
import { shandongYigong } from './shandong-yigong';
import type { StateDefinition, TransitionDefinition, WorkflowDefinition } from './types';

export * from './types';
export { cites } from './citations';
export { stackingRules, type StackingRule } from './stacking';

/** Order matters only where two workflows could match: the more specific region comes first. */
export const workflows: readonly WorkflowDefinition[] = [
  changjiYigongPlan,
  changjiYigongClaim,
  liaocheng2022,
  shandongYigong,
  shandongRefundGeneral,
  shandongRefundDifficult,
  shandongRefundGeneralPrepay,
  shandongRefundDifficultPrepay,
];

const byId = new Map(workflows.map((w) => [w.id, w]));

export class WorkflowError extends Error {
  constructor(
    message: string,
    readonly code: 'not_found' | 'forbidden' | 'conflict' | 'invalid' | 'stopped' = 'invalid',
  ) {
    super(message);
  }
}

export function getWorkflow(id: string): WorkflowDefinition {
  const w = byId.get(id);
  if (!w) throw new WorkflowError(`未知的业务流程：${id}`, 'not_found');
  return w;
}

/**
 * The workflow for a programme in a region: the first whose programmes include it and whose
 * regions contain the region (`ancestors`: the region and its ancestors, self first).
 */
export function resolveWorkflow(
  programme: string,
  ancestors: readonly string[],
  options: { stage?: 'plan' | 'claim'; variant?: string | null; mode?: 'standard' | 'prepay' } = {},
): WorkflowDefinition {
  const stage = options.stage ?? 'claim';
  const mode = options.mode ?? 'standard';
  const w = workflows.find(
    (candidate) =>
      candidate.stage === stage &&
      (candidate.mode ?? 'standard') === mode &&
      candidate.programmes.includes(programme) &&
      (!candidate.variants || (typeof options.variant === 'string' && candidate.variants.includes(options.variant))) &&
      candidate.regions.some((r) => ancestors.includes(r)),
  );
  if (!w) {
    throw new WorkflowError(
      `项目 ${programme} 在区划 ${ancestors[0] ?? '?'} 没有配置${stage === 'plan' ? '培训计划' : '审核'}流程`,
    );
  }
  return w;
}

export function stateOf(w: WorkflowDefinition, status: string): StateDefinition {
  const s = w.states[status];
  if (!s) throw new WorkflowError(`流程 ${w.id} 没有状态 ${status}`);
  return s;
}

export function transitionsFrom(w: WorkflowDefinition, status: string): TransitionDefinition[] {
  return w.transitions.filter((t) => t.from === status);
}

/** Checks a definition's internal consistency (used by tests for every workflow). */
export function validateWorkflow(w: WorkflowDefinition): string[] {
  const problems: string[] = [];
  if (!w.states[w.initial]) problems.push(`${w.id}: initial state ${w.initial} is not defined`);
  const seen = new Set<string>();
  for (const t of w.transitions) {
    if (!w.states[t.from]) problems.push(`${w.id}: transition from unknown state ${t.from}`);
    if (!w.states[t.to]) problems.push(`${w.id}: transition to unknown state ${t.to}`);
    const key = `${t.from}:${t.action}`;
    if (seen.has(key)) problems.push(`${w.id}: two transitions for ${key}`);
    seen.add(key);
    if (t.stopRule && !w.stopRule) problems.push(`${w.id}: ${key} enforces a stop rule the workflow does not have`);
  }
  for (const [id, s] of Object.entries(w.states)) {
    if (s.deadline?.from && s.deadline.from !== 'received' && !w.states[s.deadline.from]) {
      problems.push(`${w.id}: deadline of ${id} counts from unknown state ${s.deadline.from}`);
    }
    const final = s.kind === 'rejected' || s.kind === 'closed' || s.kind === 'filed' || s.kind === 'paid';
    if (!final && !w.transitions.some((t) => t.from === id)) problems.push(`${w.id}: state ${id} has no way out`);
    if (id !== w.initial && !w.transitions.some((t) => t.to === id))
      problems.push(`${w.id}: state ${id} is unreachable`);
    if (s.kind === 'publicity' && !w.publicity) problems.push(`${w.id}: publicity state without publicity settings`);
  }
  return problems;
}
