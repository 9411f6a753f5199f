/**
 * The case page: the engine's decision (each condition, its citation, the data behind it),
 * duplicate hits, the uploaded materials, the history and the actions this officer may take.
 * Personal data is masked; the full 身份证号 is shown only on request, and every such view is
 * written to the audit log.
 */
import type { Queryable } from '@wengang/db';
import type { Decision } from '@wengang/engine';
import { maskBankAccount, maskResidentId, todayInShanghai } from '@wengang/kernel';
import { recordAudit } from './audit';
import { loadCase, type CaseRow, type Material, type Payee } from './cases';
import { deadlineFlags, earliest, type DeadlineFlags } from './deadlines';
import { conditionSummary, findDuplicates, type ConditionSummary, type DuplicateHit } from './duplicates';
import { availableActions } from './machine';
import { actorOf, assertCanSee, type Principal } from './principal';
import { getWorkflow, roleLabels, WorkflowError, type ActionId, type Role } from './workflows';

const ID_PATTERN = /\b[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]\b/g;

/** Masks every 身份证号 found anywhere in a JSON value (decisions carry person ids in details). */
export function maskIdsDeep<T>(value: T): T {
  return JSON.parse(JSON.stringify(value ?? null).replace(ID_PATTERN, (id) => maskResidentId(id))) as T;
}

/** `张三` → `张*`, `欧阳娜娜` → `欧***`: as 公示 lists and case pages show names. */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  return chars[0] + '*'.repeat(chars.length - 1);
}

export interface CasePerson {
  personKeyMasked: string;
  name: string;
  role: string;
  month: string | null;
  category: string | null;
  amountFen: number | null;
}

export interface CaseEvent {
  at: Date;
  actorName: string;
  actorRole: string;
  actorRoleLabel: string;
  action: string;
  fromStatus: string | null;
  fromLabel: string | null;
  toStatus: string;
  toLabel: string;
  note: string | null;
  data: unknown;
}

export interface CaseDetail extends DeadlineFlags {
  id: string;
  title: string;
  programme: string;
  variant: string | null;
  source: string;
  sourceId: string;
  regionCode: string;
  regionName: string;
  enterprise: { id: string; name: string; creditCode: string };
  workflow: {
    id: string;
    name: string;
    description: string;
    fund: string;
    payeeAccount: string;
    states: { id: string; label: string; kind: string; actor: string; deadline: string | null }[];
  };
  status: string;
  statusLabel: string;
  enterpriseStatusLabel: string;
  deadlineLabel: string | null;
  claimMonth: string | null;
  amountFen: number;
  headcount: number;
  receivedOn: string;
  outcomeReason: string | null;
  paidFen: number;
  paidOn: string | null;
  version: number;
  decision: Decision | null;
  conditions: ConditionSummary;
  duplicates: DuplicateHit[];
  persons: CasePerson[];
  materials: Material[];
  payee: (Omit<Payee, 'accountNo'> & { accountNoMasked: string }) | null;
  history: CaseEvent[];
  actions: { action: ActionId; label: string; requiresReason: boolean }[];
}

export async function getCaseDetail(q: Queryable, p: Principal, id: string, now: Date): Promise<CaseDetail> {
  const c = await loadCase(q, id);
  await assertCanSee(q, p, c, '案件');
  const w = getWorkflow(c.workflowId);
  const state = w.states[c.status];
  const final = !state || ['rejected', 'closed', 'filed', 'paid'].includes(state.kind);
  const dueOn = final ? null : earliest(c.stepDueOn, c.caseDueOn);
  const [enterprise, region, persons, events] = await Promise.all([
    q.query<{ name: string; credit_code: string }>('SELECT name, credit_code FROM enterprises WHERE id = $1', [
      c.enterpriseId,
    ]),
    q.query<{ full_name: string }>('SELECT full_name FROM regions WHERE code = $1', [c.regionCode]),
    q.query<{
      person_key: string;
      name: string;
      role: string;
      month: string | null;
      category: string | null;
      amount_fen: number | null;
    }>('SELECT person_key, name, role, month, category, amount_fen FROM case_persons WHERE case_id = $1 ORDER BY id', [
      c.id,
    ]),
    q.query<{
      at: Date;
      actor_name: string;
      actor_role: string;
      action: string;
      from_status: string | null;
      to_status: string;
      note: string | null;
      data: unknown;
    }>(
      'SELECT at, actor_name, actor_role, action, from_status, to_status, note, data FROM case_events WHERE case_id = $1 ORDER BY id',
      [c.id],
    ),
  ]);
  const label = (s: string | null) => (s ? (w.states[s]?.label ?? s) : null);
  return {
    id: c.id,
    title: c.title,
    programme: c.programme,
    variant: c.variant,
    source: c.source,
    sourceId: c.sourceId,
    regionCode: c.regionCode,
    regionName: region.rows[0]?.full_name ?? c.regionCode,
    enterprise: {
      id: c.enterpriseId,
      name: enterprise.rows[0]?.name ?? '',
      creditCode: enterprise.rows[0]?.credit_code ?? '',
    },
    workflow: {
      id: w.id,
      name: w.name,
      description: w.description,
      fund: w.fund,
      payeeAccount: w.payeeAccount,
      states: Object.entries(w.states).map(([sid, s]) => ({
        id: sid,
        label: s.label,
        kind: s.kind,
        actor: s.actor,
        deadline: s.deadline ? `${s.deadline.label}（${s.deadline.cite.doc}）` : null,
      })),
    },
    status: c.status,
    statusLabel: state?.label ?? c.status,
    enterpriseStatusLabel: state?.enterpriseLabel ?? c.status,
    deadlineLabel: !dueOn
      ? null
      : dueOn === c.stepDueOn && state?.deadline
        ? state.deadline.label
        : (w.caseDeadline?.label ?? null),
    ...deadlineFlags(dueOn, todayInShanghai(now)),
    claimMonth: c.claimMonth,
    amountFen: c.amountFen,
    headcount: c.headcount,
    receivedOn: c.receivedOn,
    outcomeReason: c.outcomeReason,
    paidFen: c.paidFen,
    paidOn: c.paidOn,
    version: c.version,
    decision: maskIdsDeep(c.decision),
    conditions: conditionSummary(c.decision),
    duplicates: await findDuplicates(q, c),
    persons: persons.rows.map((r) => ({
      personKeyMasked: maskResidentId(r.person_key),
      name: r.name,
      role: r.role,
      month: r.month,
      category: r.category,
      amountFen: r.amount_fen,
    })),
    materials: c.materials,
    payee: c.payee
      ? {
          name: c.payee.name,
          creditCode: c.payee.creditCode,
          bankName: c.payee.bankName,
          accountKind: c.payee.accountKind,
          accountNoMasked: maskBankAccount(c.payee.accountNo),
        }
      : null,
    history: events.rows.map((e) => ({
      at: e.at,
      actorName: e.actor_name,
      actorRole: e.actor_role,
      actorRoleLabel: roleLabels[e.actor_role as Role] ?? (e.actor_role === 'system' ? '系统' : e.actor_role),
      action: e.action,
      fromStatus: e.from_status,
      fromLabel: label(e.from_status),
      toStatus: e.to_status,
      toLabel: label(e.to_status) ?? e.to_status,
      note: e.note,
      data: maskIdsDeep(e.data),
    })),
    actions: await availableActions(q, p, c),
  };
}

/**
 * The persons of a case with their full 身份证号, for an officer who needs them (e.g. to check
 * with the social-insurance system). Recorded in the audit log as `person.view_unmasked`.
 */
export async function viewUnmaskedPersons(
  tx: Queryable,
  p: Principal,
  id: string,
  purpose: string,
  now: Date,
): Promise<{ personKey: string; name: string; month: string | null }[]> {
  const c: CaseRow = await loadCase(tx, id);
  await assertCanSee(tx, p, c, '案件');
  if (p.role === 'enterprise') throw new WorkflowError('此功能仅供经办人员使用', 'forbidden');
  const { rows } = await tx.query<{ person_key: string; name: string; month: string | null }>(
    'SELECT person_key, name, month FROM case_persons WHERE case_id = $1 ORDER BY id',
    [c.id],
  );
  await recordAudit(
    tx,
    {
      actor: actorOf(p),
      action: 'person.view_unmasked',
      entityType: 'review_case',
      entityId: c.id,
      regionCode: c.regionCode,
      after: { persons: rows.length, purpose: purpose.trim() || '审核核对' },
    },
    now,
  );
  return rows.map((r) => ({ personKey: r.person_key, name: r.name, month: r.month }));
}
