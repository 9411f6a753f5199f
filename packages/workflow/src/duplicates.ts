/**
 * Duplicate hits for the case page and the queue, across every region: the same person claimed
 * elsewhere for the same month, the same graduate used twice, programmes that may not be stacked
 * (workflows/stacking.ts, each rule with its citation). Rejected cases do not count.
 */
import type { Queryable } from '@wengang/db';
import type { Citation, Decision } from '@wengang/engine';
import { maskResidentId } from '@wengang/kernel';
import type { CaseRow } from './cases';
import { stateKeys } from './machine';
import { getWorkflow, stackingRules, type StackingRule } from './workflows';

export interface DuplicateHit {
  rule: string;
  label: string;
  cite: Citation;
  /** Masked 身份证号 and the name, for person rules. */
  personKeyMasked: string | null;
  personName: string | null;
  month: string | null;
  otherCaseId: string;
  otherRegionCode: string;
  otherRegionName: string;
  otherEnterpriseName: string;
  otherProgramme: string;
  otherStatusLabel: string;
}

interface OtherRow {
  person_key: string | null;
  name: string | null;
  month: string | null;
  id: string;
  region_code: string;
  region_name: string;
  programme: string;
  variant: string | null;
  workflow_id: string;
  status: string;
  enterprise_name: string;
}

function groupOf(rule: StackingRule, variant: string | null): number {
  return rule.variantGroups?.findIndex((g) => variant !== null && g.includes(variant)) ?? -1;
}

const yearOf = (c: { claimMonth: string | null; receivedOn: string }) => (c.claimMonth ?? c.receivedOn).slice(0, 4);

export async function findDuplicates(q: Queryable, c: CaseRow): Promise<DuplicateHit[]> {
  const dead = stateKeys(['rejected']);
  const hits: DuplicateHit[] = [];
  for (const rule of stackingRules) {
    if (!rule.programmes.includes(c.programme)) continue;
    let rows: OtherRow[];
    if (rule.match === 'person') {
      ({ rows } = await q.query<OtherRow>(
        `SELECT p.person_key, p.name, p.month, o.id, o.region_code, r.full_name AS region_name, o.programme, o.variant,
                o.workflow_id, o.status, e.name AS enterprise_name
           FROM case_persons p
           JOIN case_persons op ON op.person_key = p.person_key AND op.case_id <> p.case_id
           JOIN review_cases o ON o.id = op.case_id
           JOIN enterprises e ON e.id = o.enterprise_id
           JOIN regions r ON r.code = o.region_code
          WHERE p.case_id = $1 AND o.programme = ANY($2)
            AND ($3 <> 'same_month' OR (p.month IS NOT NULL AND op.month = p.month))
            AND ($3 <> 'same_year' OR substr(coalesce(op.month, ''), 1, 4) = substr(coalesce(p.month, ''), 1, 4))
            AND ($4::text IS NULL OR (p.role = $4 AND op.role = $4))
            AND (o.workflow_id || ':' || o.status) <> ALL($5)
          ORDER BY p.person_key, o.created_at`,
        [c.id, rule.against, rule.within, rule.role ?? null, dead],
      ));
    } else {
      ({ rows } = await q.query<OtherRow>(
        `SELECT NULL AS person_key, NULL AS name, o.claim_month AS month, o.id, o.region_code, r.full_name AS region_name,
                o.programme, o.variant, o.workflow_id, o.status, e.name AS enterprise_name
           FROM review_cases o
           JOIN enterprises e ON e.id = o.enterprise_id
           JOIN regions r ON r.code = o.region_code
          WHERE o.enterprise_id = $1 AND o.id <> $2 AND o.programme = ANY($3)
            AND ($4 <> 'same_year' OR substr(coalesce(o.claim_month, to_char(o.received_on, 'YYYY-MM')), 1, 4) = $5)
            AND ($4 <> 'same_month' OR o.claim_month = $6)
            AND (o.workflow_id || ':' || o.status) <> ALL($7)
          ORDER BY o.created_at`,
        [c.enterpriseId, c.id, rule.against, rule.within, yearOf(c), c.claimMonth, dead],
      ));
    }
    for (const o of rows) {
      if (rule.variantGroups && groupOf(rule, c.variant) === groupOf(rule, o.variant)) continue;
      let statusLabel = o.status;
      try {
        statusLabel = getWorkflow(o.workflow_id).states[o.status]?.label ?? o.status;
      } catch {
        // a workflow removed since: show the raw status
      }
      hits.push({
        rule: rule.id,
        label: rule.label,
        cite: rule.cite,
        personKeyMasked: o.person_key ? maskResidentId(o.person_key) : null,
        personName: o.name,
        month: o.month,
        otherCaseId: o.id,
        otherRegionCode: o.region_code,
        otherRegionName: o.region_name,
        otherEnterpriseName: o.enterprise_name,
        otherProgramme: o.programme,
        otherStatusLabel: statusLabel,
      });
    }
  }
  return hits;
}

export interface ConditionSummary {
  failed: number;
  /** missing input, or an undecided eligibility */
  flagged: number;
}

export function conditionSummary(decision: Decision | null): ConditionSummary {
  if (!decision) return { failed: 0, flagged: 1 };
  const failed = decision.conditions.filter((x) => x.result === 'fail').length;
  const missing = decision.conditions.filter((x) => x.result === 'missing').length;
  return {
    failed: failed + (decision.eligible === 'no' && failed === 0 ? 1 : 0),
    flagged: missing + (decision.eligible === 'needs_input' && missing === 0 ? 1 : 0),
  };
}
