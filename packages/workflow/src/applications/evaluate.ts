/**
 * Builds the engine request for an application (facts of policies/work-for-training/facts.ts) from
 * what the database knows — the unit form, the persons, the enterprise's and the persons' earlier
 * claims, the training plan — and reads the Decision back per person. All amounts and refusals come
 * from the engine; nothing here does programme arithmetic.
 */
import { evaluate, InputError, type Decision } from '@wengang/engine';
import { registry } from '@wengang/policies';
import { ancestorsOf, lastDayOfMonth } from '@wengang/kernel';
import type { Queryable } from '@wengang/db';
import { WORK_FOR_TRAINING, type SubsidyType } from './vocabulary';

export interface ApplicationFactsRow {
  id: string;
  enterprise_id: string;
  region_code: string;
  subsidy_month: string;
  subsidy_type: SubsidyType;
  unit_name: string;
  credit_code: string;
  declared_size: string;
  industry: string;
  details: ApplicationDetails;
}

/** Per-application answers that only some types or regions need (困难企业认定指标 etc.). */
export interface ApplicationDetails {
  /** 划型行业 (size standard row) for the size check. */
  sizeIndustry?: string | null;
  /** Date the hard-hit industry was added to the business scope; null = never changed. */
  industryScopeAddedOn?: string | null;
  establishedOn?: string | null;
  enterpriseKind?: 'enterprise' | 'individual_business';
  hasEmployeesInsuredAsUnit?: boolean | null;
  indicators?: {
    revenueFen?: number | null;
    revenue2019Fen?: number | null;
    electricityFen?: number | null;
    electricity2019Fen?: number | null;
    otherEnergy?: number | null;
    otherEnergy2019?: number | null;
  } | null;
  /** 昌吉州: listed as 停产停工 by the local bureau (declared by the enterprise, checked by the reviewer). */
  shutdownListed?: boolean | null;
  /** 昌吉州: the enterprise declares no trainee receives another vocational-training subsidy this month. */
  noOtherTrainingSubsidy?: boolean | null;
}

export interface PersonFactsRow {
  id: string;
  person_id_number: string;
  person_name: string;
  person_category: string;
  employment_registered_on: string | null;
  hired_on: string | null;
}

export interface PersonOutcome {
  amountFen: number;
  refusal: string | null;
}

export interface Evaluation {
  decision: Decision | null;
  totalFen: number;
  eligible: Decision['eligible'] | 'invalid';
  persons: Map<string, PersonOutcome>;
  /** Claim-level conditions that failed or need input, as Chinese sentences. */
  problems: string[];
  /** Needs input only for what the agency supplies (专账 status): not the enterprise's to fix. */
  agencyInputOnly: boolean;
  agencyNotes: string[];
  request: unknown;
}

const nonNull = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;

/** What the database adds to the application for the engine (one round trip, see below). */
export interface EvaluationContext {
  /** The persons' month claims in other applications. */
  claims: { person_id_number: string; subsidy_month: string }[];
  /** The enterprise's other counted applications. */
  months: { subsidy_month: string; subsidy_type: SubsidyType; amount_fen: number }[];
  /** 昌吉州 only: approved training plans covering the month. */
  plans: number | null;
  /** 专账 accounts of the region's ancestry with their balances. */
  fund: { region_code: string; initial: number | null; balance: number }[];
}

/**
 * Select-list of the context query, parameters $1…$7 as in `evaluationContextParams`: the persons'
 * earlier month claims, the enterprise's counted applications, the 昌吉州 training plan, and the
 * 专账 status for the 30% stop rule. Shared with the one-shot claim's context query.
 *
 * Each person's months are looked up on their own (a subquery per person), so the lookup is on
 * the key (programme, person) whatever the statistics say: with `person = ANY(…)` a planner
 * holding a newly created table's statistics read all of the programme's claims for each
 * submission, as on the first filing days after a deployment.
 */
export const EVALUATION_CONTEXT_COLUMNS = `
  (SELECT coalesce(json_agg(json_build_object('person_id_number', p.id, 'subsidy_month', m.month)
            ORDER BY p.id, m.month), '[]')
     FROM (SELECT DISTINCT unnest($2::text[])) AS p (id)
     CROSS JOIN LATERAL unnest(ARRAY(
       SELECT c.subsidy_month FROM person_month_claims c
        WHERE c.programme = $1 AND c.person_id_number = p.id AND c.application_id <> $3)) AS m (month)) AS claims,
  (SELECT coalesce(json_agg(json_build_object('subsidy_month', subsidy_month, 'subsidy_type', subsidy_type,
            'amount_fen', coalesce(approved_amount_fen, amount_fen)) ORDER BY subsidy_month, submitted_at), '[]')
     FROM applications
    WHERE programme = $1 AND enterprise_id = $4 AND id <> $3 AND applications_counted(status)) AS months,
  CASE WHEN $5 THEN
    (SELECT count(*)::int FROM training_plans
      WHERE programme = $1 AND enterprise_id = $4 AND status = 'approved' AND month_from <= $6 AND month_until >= $6)
  END AS plans,
  (SELECT coalesce(json_agg(json_build_object('region_code', a.region_code, 'initial', a.initial_scale_fen,
            'balance', (SELECT coalesce(sum(l.amount_fen), 0) FROM ledger_lines l WHERE l.account_id = a.id))), '[]')
     FROM fund_accounts a WHERE a.fund = 'skills_account' AND a.kind = 'fund' AND a.region_code = ANY($7::text[])) AS fund`;

/** A new application's id does not exist yet: excludes nothing. */
export const NO_APPLICATION = '00000000-0000-0000-0000-000000000000';

export function evaluationContextParams(app: ApplicationFactsRow, personIdNumbers: string[]): unknown[] {
  return [
    WORK_FOR_TRAINING,
    personIdNumbers,
    app.id,
    app.enterprise_id,
    app.region_code.startsWith('6523'),
    app.subsidy_month,
    ancestorsOf(app.region_code),
  ];
}

export async function evaluateApplication(
  tx: Queryable,
  app: ApplicationFactsRow,
  persons: PersonFactsRow[],
  today: string,
): Promise<Evaluation> {
  const { rows } = await tx.query<EvaluationContext>(
    `SELECT ${EVALUATION_CONTEXT_COLUMNS}`,
    evaluationContextParams(
      app,
      persons.map((p) => p.person_id_number),
    ),
  );
  return evaluateWithContext(app, persons, today, rows[0]!);
}

/** The engine's decision for the application, from its rows and their context; no I/O. */
export function evaluateWithContext(
  app: ApplicationFactsRow,
  persons: PersonFactsRow[],
  today: string,
  context: EvaluationContext,
): Evaluation {
  const chain = ancestorsOf(app.region_code);
  const claims = { rows: context.claims };
  const months = { rows: context.months };
  const plan = context.plans === null ? null : { rows: [{ n: context.plans }] };
  const fund = { rows: context.fund };
  const fundRow = fund.rows.sort((x, y) => chain.indexOf(x.region_code) - chain.indexOf(y.region_code))[0];
  const before = new Map<string, { months: Set<string>; thisMonth: boolean }>();
  for (const c of claims.rows) {
    const entry = before.get(c.person_id_number) ?? { months: new Set<string>(), thisMonth: false };
    if (c.subsidy_month === app.subsidy_month) entry.thisMonth = true;
    else entry.months.add(c.subsidy_month);
    before.set(c.person_id_number, entry);
  }
  const d = app.details;
  const hardshipPaid = months.rows
    .filter((m) => m.subsidy_type === 'epidemic_hardship')
    .reduce((sum, m) => sum + Number(m.amount_fen), 0);
  const facts = {
    subsidyType: app.subsidy_type,
    appliedOn: today,
    enterprise: {
      creditCode: app.credit_code,
      name: app.unit_name,
      ...(d.enterpriseKind ? { kind: d.enterpriseKind } : {}),
      ...(typeof d.hasEmployeesInsuredAsUnit === 'boolean'
        ? { hasEmployeesInsuredAsUnit: d.hasEmployeesInsuredAsUnit }
        : {}),
      size: app.declared_size,
      industry: app.industry,
      ...(d.industryScopeAddedOn !== undefined ? { industryScopeAddedOn: d.industryScopeAddedOn } : {}),
      ...(d.establishedOn ? { establishedOn: d.establishedOn } : {}),
      ...(d.indicators ? { indicators: nonNull(d.indicators) } : {}),
      ...(typeof d.shutdownListed === 'boolean' ? { shutdownListed: d.shutdownListed } : {}),
      ...(plan ? { trainingPlanApproved: (plan.rows[0]?.n ?? 0) > 0 } : {}),
    },
    persons: persons.map((p) => {
      const history = before.get(p.person_id_number);
      return {
        personId: p.person_id_number,
        name: p.person_name,
        category: p.person_category,
        ...(p.employment_registered_on ? { employmentRegisteredOn: p.employment_registered_on } : {}),
        ...(p.hired_on ? { socialInsuranceRegisteredOn: p.hired_on } : {}),
        monthsClaimedBefore: history?.months.size ?? 0,
        alreadySubsidisedThisMonth: history?.thisMonth ?? false,
        ...(typeof d.noOtherTrainingSubsidy === 'boolean'
          ? { otherTrainingSubsidyThisMonth: !d.noOtherTrainingSubsidy }
          : {}),
      };
    }),
    ...(fundRow && fundRow.initial
      ? {
          fund: {
            specialAccountBalanceFen: Math.max(0, Number(fundRow.balance)),
            specialAccountInitialFen: Number(fundRow.initial),
          },
        }
      : {}),
    history: {
      claimedMonths: months.rows.map((m) => ({ month: m.subsidy_month, subsidyType: m.subsidy_type })),
      epidemicHardshipPaidFen: hardshipPaid,
    },
  };
  const request = {
    programme: WORK_FOR_TRAINING,
    region: app.region_code,
    period: { from: `${app.subsidy_month}-01`, until: lastDayOfMonth(app.subsidy_month) },
    decisionDate: today,
    facts,
  };
  const outcomes = new Map<string, PersonOutcome>();
  if (persons.length === 0) {
    return {
      decision: null,
      totalFen: 0,
      eligible: 'needs_input',
      persons: outcomes,
      problems: ['尚未添加以工代训人员'],
      agencyInputOnly: false,
      agencyNotes: [],
      request,
    };
  }
  let decision: Decision;
  try {
    decision = evaluate(registry, request);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const problems = error.issues.map((i) => `${describePath(i.path, persons)}${i.message}`);
    for (const p of persons) outcomes.set(p.id, { amountFen: 0, refusal: null });
    return {
      decision: null,
      totalFen: 0,
      eligible: 'invalid',
      persons: outcomes,
      problems,
      agencyInputOnly: false,
      agencyNotes: [],
      request,
    };
  }
  const byPerson = new Map<string, PersonOutcome>();
  for (const line of decision.lines) {
    if (!line.personId) continue;
    const o = byPerson.get(line.personId) ?? { amountFen: 0, refusal: null };
    o.amountFen += line.amountFen;
    byPerson.set(line.personId, o);
  }
  for (const c of decision.conditions) {
    if (!c.personId || (c.result !== 'fail' && c.result !== 'missing')) continue;
    const o = byPerson.get(c.personId) ?? { amountFen: 0, refusal: null };
    const reason =
      c.result === 'missing'
        ? `${c.label}：缺少${(c.missing ?? []).join('、') || '所需信息'}`
        : c.detail
          ? `${c.label}（${c.detail}）`
          : c.label;
    o.refusal = o.refusal ? `${o.refusal}；${reason}` : reason;
    byPerson.set(c.personId, o);
  }
  for (const p of persons) {
    const o = byPerson.get(p.person_id_number) ?? { amountFen: 0, refusal: null };
    outcomes.set(p.id, o.amountFen > 0 ? { amountFen: o.amountFen, refusal: null } : o);
  }
  const agencyOnly = (c: { result: string; missing?: string[] }) =>
    c.result === 'missing' &&
    (c.missing ?? []).length > 0 &&
    (c.missing ?? []).every((m) => m.startsWith('facts.fund.'));
  const agencyNotes = decision.conditions
    .filter((c) => !c.personId && agencyOnly(c))
    .map((c) => `${c.label}：由经办机构在审核时按专账资金状况核对`);
  const problems = decision.conditions
    .filter((c) => !c.personId && (c.result === 'fail' || c.result === 'missing') && !agencyOnly(c))
    .map((c) =>
      c.result === 'missing'
        ? `${c.label}：请补充${(c.missing ?? []).map(fieldLabel).join('、') || '所需信息'}`
        : `${c.label}${c.detail ? `（${c.detail}）` : ''}`,
    );
  const remainingMissing = decision.missing.filter((m) => !m.startsWith('facts.fund.'));
  return {
    decision,
    totalFen: decision.amountFen,
    eligible: decision.eligible,
    persons: outcomes,
    problems,
    agencyInputOnly: decision.eligible === 'needs_input' && remainingMissing.length === 0 && problems.length === 0,
    agencyNotes,
    request,
  };
}

const labels: Record<string, string> = {
  'facts.enterprise.indicators.revenueFen': '当月营业收入',
  'facts.enterprise.indicators.revenue2019Fen': '2019年营业收入合计',
  'facts.enterprise.indicators.electricityFen': '当月电费',
  'facts.enterprise.indicators.electricity2019Fen': '2019年电费合计',
  'facts.enterprise.indicators.otherEnergy': '当月其他能源消耗量',
  'facts.enterprise.indicators.otherEnergy2019': '2019年其他能源消耗量合计',
  'facts.enterprise.industryScopeAddedOn': '增加该行业经营范围的日期',
  'facts.enterprise.establishedOn': '成立日期',
  'facts.enterprise.shutdownListed': '是否列入当地停产停工企业名单',
  'facts.enterprise.trainingPlanApproved': '以工代训培训计划审核备案',
  'facts.enterprise.hasEmployeesInsuredAsUnit': '是否有雇工并以单位形式参加社会保险',
};

function fieldLabel(path: string): string {
  if (labels[path]) return labels[path];
  const person = /^facts\.persons\.\d+\.(.+)$/.exec(path);
  if (person) {
    const map: Record<string, string> = {
      employmentRegisteredOn: '就业登记日期',
      socialInsuranceRegisteredOn: '社保登记日期',
      otherTrainingSubsidyThisMonth: '是否同时享受其他职业培训补贴',
    };
    return map[person[1]!] ?? person[1]!;
  }
  return path;
}

function describePath(path: string, persons: PersonFactsRow[]): string {
  const m = /^facts\.persons\.(\d+)\./.exec(path);
  if (m) {
    const p = persons[Number(m[1])];
    return p ? `${p.person_name}：` : '';
  }
  return labels[path] ? `${labels[path]}：` : '';
}
