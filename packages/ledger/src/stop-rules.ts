/**
 * Fund stop rules, enforced at approval time (registered as the workflow's approval guard):
 * - 各市专账资金低于建账资金规模30%时，停止执行以工代训政策 (鲁人社字〔2020〕63号 三(四)): the 专账's
 *   balance less what approved, unpaid claims already commit, against 30% of its initial scale;
 * - 失业保险基金备付能力不足24个月的次月起，停止执行困难企业稳岗返还政策；不足12个月的次月起，停止执行
 *   一般企业稳岗返还政策 (63号 二(一)4): the latest monthly monitoring before the current month.
 */
import type { Queryable } from '@wengang/db';
import { addMonths, todayInShanghai } from '@wengang/kernel';
import {
  fundLabels,
  workflows,
  WorkflowError,
  type ApprovalGuard,
  type CaseRow,
  type Fund,
  type StopRule,
} from '@wengang/workflow';
import { balanceOf, fundAccountFor } from './accounts';

/** Approved but unpaid amounts of the fund's cases in a region (committed money). */
export async function committedFen(
  q: Queryable,
  regionCode: string,
  fund: Fund,
  exceptCaseId: string | null,
): Promise<number> {
  const keys: string[] = [];
  for (const w of workflows) {
    if (w.fund !== fund) continue;
    const approvedOnce = new Set(w.transitions.filter((t) => t.action === 'approve').map((t) => t.to));
    for (const [id, s] of Object.entries(w.states)) {
      const committed =
        ['publicity_pending', 'publicity', 'payment_request', 'payment_ready', 'paying'].includes(s.kind) ||
        (s.kind === 'review' && approvedOnce.has(id));
      if (committed) keys.push(`${w.id}:${id}`);
    }
  }
  const { rows } = await q.query<{ total: number }>(
    `SELECT coalesce(sum(amount_fen - paid_fen), 0)::bigint AS total FROM review_cases
      WHERE region_code IN (SELECT region_scope($1)) AND (workflow_id || ':' || status) = ANY($2) AND ($3::uuid IS NULL OR id <> $3)`,
    [regionCode, keys, exceptCaseId],
  );
  return rows[0]!.total;
}

export interface StopRuleStatus {
  rule: StopRule['kind'];
  stopped: boolean;
  message: string;
}

export async function checkStopRule(
  q: Queryable,
  c: CaseRow,
  fund: Fund,
  rule: StopRule,
  now: Date,
): Promise<StopRuleStatus> {
  if (rule.kind === 'skills_account_ratio') {
    const account = await fundAccountFor(q, c.regionCode, fund);
    if (!account || !account.initialScaleFen) {
      return {
        rule: rule.kind,
        stopped: true,
        message: `未设立${fundLabels[fund]}账户或未登记建账资金规模，无法核验“低于30%停止”规则（${rule.cite.doc}）`,
      };
    }
    const balance = await balanceOf(q, account.id);
    const available = balance - (await committedFen(q, account.regionCode, fund, c.id));
    const floor = Math.ceil(account.initialScaleFen * rule.minRatio);
    if (available < floor) {
      return {
        rule: rule.kind,
        stopped: true,
        message: `${account.name}可用余额 ${(available / 100).toFixed(2)} 元（余额扣除已审核未拨付金额）低于建账资金规模的${Math.round(
          rule.minRatio * 100,
        )}%（${(floor / 100).toFixed(2)} 元），停止执行以工代训政策，不能审核通过（${rule.cite.doc} ${rule.cite.clause}）`,
      };
    }
    return {
      rule: rule.kind,
      stopped: false,
      message: `${account.name}可用余额 ${(available / 100).toFixed(2)} 元，高于停止线`,
    };
  }
  const account = await fundAccountFor(q, c.regionCode, fund);
  if (!account) {
    return {
      rule: rule.kind,
      stopped: true,
      message: `未设立${fundLabels[fund]}账户，无法核验备付能力（${rule.cite.doc}）`,
    };
  }
  const month = todayInShanghai(now).slice(0, 7);
  const { rows } = await q.query<{ month: string; capacity_months: string }>(
    `SELECT month, capacity_months FROM fund_monitoring WHERE region_code = $1 AND fund = $2 AND month < $3
      ORDER BY month DESC LIMIT 1`,
    [account.regionCode, fund, month],
  );
  const m = rows[0];
  if (!m) {
    return {
      rule: rule.kind,
      stopped: true,
      message: `${account.name}尚无${addMonths(month, -1)}及以前的备付能力监测数据，无法核验“${rule.label}”（${rule.cite.doc}）`,
    };
  }
  const capacity = Number(m.capacity_months);
  if (capacity < rule.minMonths) {
    return {
      rule: rule.kind,
      stopped: true,
      message: `${m.month} 监测${account.name}备付能力 ${capacity} 个月，不足 ${rule.minMonths} 个月：${rule.label}，不能审核通过（${rule.cite.doc}）`,
    };
  }
  return {
    rule: rule.kind,
    stopped: false,
    message: `${m.month} 监测备付能力 ${capacity} 个月，不低于 ${rule.minMonths} 个月`,
  };
}

/** The approval guard the workflow calls for transitions marked `stopRule`. */
export const fundStopRuleGuard: ApprovalGuard = async (tx, c, w, _t, now) => {
  if (!w.stopRule) return;
  const status = await checkStopRule(tx, c, w.fund, w.stopRule, now);
  if (status.stopped) throw new WorkflowError(status.message, 'stopped');
};
