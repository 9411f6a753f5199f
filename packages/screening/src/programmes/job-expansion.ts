/**
 * 一次性扩岗补助 (聊人社字〔2022〕32号 一(二), 二(一)2, 五(二)) screened set-wise: newly insured persons
 * who are 2022 普通高校毕业生 (graduates list), hired in 2022 with a labour contract and employment
 * registration, insured ≥ 1 month and in normal payment status, not used for 扩岗 by any enterprise
 * before, and never given 一次性吸纳就业补贴.
 *
 * “同一名高校毕业生只能由一户企业享受” is a cross-region check, so it is a separate step over every
 * region the programme covers, before the per-county chunks: each qualifying graduate is assigned
 * to the enterprise that hired them first (then by credit code); the others see the graduate as
 * used by another enterprise, exactly as the engine's `expansionSubsidyUsedBy` says.
 */
import type { Queryable } from '@wengang/db';
import { isWithin } from '@wengang/kernel';
import {
  caseStands,
  conditionCatalogue,
  monthIndex,
  monthStart,
  programmeDefinition,
  REJECTED_CASE_KEYS,
  resolveAll,
  valueOf,
  yuan,
} from './common';
import { REGULAR_DIPLOMA } from '../import/layouts';
import { covers, monthNumber, personClaims, spellsOf, unitRow, type SpellRow, type UnitRow } from './rows';
import { payabilitySql, unitTypeForJobExpansion } from './units';
import type { ExplainedCondition, RunInfo, RunParameters, ScreeningProgramme } from './types';

const ID = 'job-expansion';
const P = {
  amount: 'job-expansion.amount_per_person',
  deadline: 'job-expansion.application_deadline',
  graduation: 'job-expansion.graduation_window',
  hiring: 'job-expansion.hiring_window',
  minMonths: 'job-expansion.min_ui_paid_months',
} as const;

interface Window {
  from: string;
  until: string;
}

/** The figures of one graduate at one enterprise (a row of personFactsSql). */
export interface GraduateFacts {
  regionCode: string;
  creditCode: string;
  personId: string;
  name: string;
  graduationMonth: string;
  regular: boolean;
  hireDate: string;
  contract: boolean;
  registered: boolean;
  paidMonths: number;
  normal: boolean;
  usedBy: 'none' | 'this_enterprise' | 'another_enterprise';
  absorbed: boolean;
}

/**
 * The spells of persons on the graduates list at units in `$1` regions: the only spells this
 * programme looks at — one (parallel) scan of the spells into a temporary table, with statistics,
 * before the graduates' figures are computed from it.
 */
const graduateSpellsSql = `
CREATE TEMP TABLE graduate_spells ON COMMIT DROP AS
SELECT s.region_code, s.credit_code, s.person_id, s.from_month, s.to_month, s.ui_status
  FROM ui_spells s
 WHERE s.region_code = ANY($1::text[]) AND EXISTS (SELECT 1 FROM graduates g WHERE g.person_id = s.person_id)`;

/**
 * Every graduate newly insured (a spell overlapping the hiring window) at a unit, with the figures
 * the conditions need, from graduate_spells: $1 decision month, $2/$3 first and last month of the
 * hiring window, $4 rejected case keys, $5 a review case to leave out of earlier claims.
 */
const personFactsSql = `
WITH cand AS (
  SELECT s.region_code, s.credit_code, s.person_id,
         min(s.from_month) AS first_month,
         sum(CASE WHEN s.from_month <= $1::date
                  THEN ${monthIndex('least(coalesce(s.to_month, $1::date), $1::date)')} - ${monthIndex('s.from_month')} + 1
                  ELSE 0 END)::int AS paid_months,
         bool_or(s.from_month <= $1::date AND (s.to_month IS NULL OR s.to_month >= $1::date) AND s.ui_status = '1') AS normal
    FROM graduate_spells s
   GROUP BY s.region_code, s.credit_code, s.person_id
  HAVING bool_or(s.from_month <= $3::date AND (s.to_month IS NULL OR s.to_month >= $2::date))
),
grad AS (
  SELECT DISTINCT ON (g.person_id) g.person_id, g.name, g.graduation_date, g.diploma_type
    FROM graduates g
   WHERE g.person_id IN (SELECT person_id FROM cand)
   ORDER BY g.person_id, g.graduation_date DESC, (g.diploma_type = '1') DESC
),
prior AS (
  SELECT b.person_id, b.credit_code
    FROM benefit_records b
   WHERE b.programme = 'job-expansion' AND b.kind = 'paid' AND b.person_id IN (SELECT person_id FROM cand)
  UNION
  SELECT p.person_key, e.credit_code
    FROM case_persons p
    JOIN review_cases c ON c.id = p.case_id
    JOIN enterprises e ON e.id = c.enterprise_id
   WHERE c.programme = 'job-expansion' AND ${caseStands('$4')}
     AND ($5::text IS NULL OR c.source_id <> $5::text)
     AND p.person_key IN (SELECT person_id FROM cand)
),
absorbed AS (
  SELECT b.person_id
    FROM benefit_records b
   WHERE b.programme = 'hiring-subsidy' AND b.kind = 'paid' AND b.person_id IN (SELECT person_id FROM cand)
  UNION
  SELECT p.person_key
    FROM case_persons p
    JOIN review_cases c ON c.id = p.case_id
   WHERE c.programme = 'hiring-subsidy' AND ${caseStands('$4')} AND p.person_key IN (SELECT person_id FROM cand)
)
SELECT c.region_code, c.credit_code, c.person_id, g.name,
       to_char(g.graduation_date, 'YYYY-MM') AS graduation_month,
       g.diploma_type = '1' AS regular,
       to_char(coalesce(r.contract_start, c.first_month), 'YYYY-MM-DD') AS hire_date,
       r.contract_start IS NOT NULL AS contract,
       r.registrations > 0 AS registered,
       c.paid_months, c.normal,
       CASE WHEN EXISTS (SELECT 1 FROM prior p WHERE p.person_id = c.person_id AND p.credit_code = c.credit_code) THEN 'this_enterprise'
            WHEN EXISTS (SELECT 1 FROM prior p WHERE p.person_id = c.person_id) THEN 'another_enterprise'
            ELSE 'none' END AS used_by,
       EXISTS (SELECT 1 FROM absorbed a WHERE a.person_id = c.person_id) AS absorbed
  FROM cand c
  JOIN grad g ON g.person_id = c.person_id
  -- the candidate's registrations at the unit: a few rows found by the primary key
  CROSS JOIN LATERAL (
    SELECT min(r.contract_start) AS contract_start, count(*) AS registrations
      FROM employment_registrations r
     WHERE r.region_code = c.region_code AND r.credit_code = c.credit_code AND r.person_id = c.person_id) r`;

interface Values {
  rate: number;
  deadline: string;
  graduation: Window;
  hiring: Window;
  minMonths: number;
}

function values(run: RunInfo, region: string): Values | undefined {
  const r = run.parameters.byRegion[region];
  if (!r) return undefined;
  const rate = valueOf<number>(r, P.amount);
  const deadline = valueOf<string>(r, P.deadline);
  const graduation = valueOf<Window>(r, P.graduation);
  const hiring = valueOf<Window>(r, P.hiring);
  const minMonths = valueOf<number>(r, P.minMonths);
  if (rate === undefined || !deadline || !graduation || !hiring || minMonths === undefined) return undefined;
  return { rate, deadline, graduation, hiring, minMonths };
}

/** The regions whose graduates compete for one enterprise each: all the programme covers. */
async function assignmentScope(q: Queryable): Promise<string[]> {
  const covered = programmeDefinition(ID).regions;
  const { rows } = await q.query<{ region_code: string }>('SELECT DISTINCT region_code FROM insured_units');
  return rows.map((r) => r.region_code).filter((code) => covered.some((root) => isWithin(code, root)));
}

export const jobExpansion: ScreeningProgramme = {
  id: ID,
  name: '一次性扩岗补助',

  async plan(_q, run, chunks): Promise<RunParameters> {
    const programme = programmeDefinition(ID);
    const period = { from: run.periodFrom, until: run.periodUntil };
    const byRegion = Object.fromEntries(
      chunks.map((c) => [c, resolveAll(programme, c, run.periodFrom, run.decisionDate)]),
    );
    const notes: string[] = [];
    const probeRegion = chunks[0] ?? run.regionCode;
    const own = resolveAll(programme, probeRegion, run.periodFrom, run.decisionDate);
    const rate = valueOf<number>(own, P.amount);
    const deadline = valueOf<string>(own, P.deadline);
    if (rate === undefined) {
      notes.push(
        `决定日期 ${run.decisionDate}、期间 ${run.periodFrom} 起没有适用的一次性扩岗补助标准（政策未印发或不在实施期限内），本次筛查不产生名单`,
      );
    } else if (deadline && run.decisionDate > deadline) {
      notes.push(`数据下发日期 ${run.decisionDate} 已超过申请截止日 ${deadline}，本次筛查不产生名单`);
    }
    const hiring = valueOf<Window>(own, P.hiring);
    const conditions = conditionCatalogue(programme, probeRegion, period, run.decisionDate, [
      {
        unitType: 'enterprise',
        isLabourDispatchAgency: false,
        claimRoute: 'automatic',
        claimDate: run.decisionDate,
        persons: [
          {
            id: 'probe',
            graduationMonth: valueOf<Window>(own, P.graduation)?.from ?? '2022-01',
            holdsRegularHigherEducationDiploma: true,
            hireDate: hiring?.from ?? run.periodFrom,
            labourContractSigned: true,
            employmentRegistered: true,
            uiPaidMonths: valueOf<number>(own, P.minMonths) ?? 1,
            uiPaymentNormal: true,
            expansionSubsidyUsedBy: 'none',
            receivedAbsorptionSubsidy: false,
          },
        ],
      },
    ]);
    return { byRegion, conditions, notes, extra: {} };
  },

  async prepare(q, run) {
    if (run.parameters.notes.length > 0) return;
    const scope = await assignmentScope(q);
    const v = values(run, Object.keys(run.parameters.byRegion)[0] ?? run.regionCode);
    if (!v || scope.length === 0) return;
    await q.query(graduateSpellsSql, [scope]);
    await q.exec('ANALYZE graduate_spells');
    // The candidates' row count is unknown to the planner (an aggregate with HAVING in a CTE): without
    // this it may nest loops over them, quadratic in the number of graduates.
    await q.exec('SET LOCAL enable_nestloop = off');
    // 同一名高校毕业生只能由一户企业享受: the first employer (then the lower credit code) among those
    // where every other condition holds.
    await q.query(
      `INSERT INTO screening_graduate_assignments (run_id, person_id, region_code, credit_code, hire_date, facts)
       SELECT DISTINCT ON (pf.person_id) $6::uuid, pf.person_id, pf.region_code, pf.credit_code, pf.hire_date::date,
              jsonb_build_object('personId', pf.person_id, 'name', pf.name, 'graduationMonth', pf.graduation_month,
                'hireDate', pf.hire_date, 'paidMonths', pf.paid_months)
         FROM (${personFactsSql}) pf
         JOIN insured_units u ON u.region_code = pf.region_code AND u.credit_code = pf.credit_code
        WHERE u.unit_type = 'enterprise' AND NOT u.labour_dispatch
          AND pf.graduation_month BETWEEN $7 AND $8 AND pf.regular
          AND pf.hire_date BETWEEN $9 AND $10 AND pf.contract AND pf.registered
          AND pf.paid_months >= $11 AND pf.normal AND pf.used_by = 'none' AND NOT pf.absorbed
        ORDER BY pf.person_id, pf.hire_date, pf.credit_code
       ON CONFLICT (run_id, person_id) DO NOTHING`,
      [
        monthStart(run.decisionDate),
        monthStart(v.hiring.from),
        monthStart(v.hiring.until),
        REJECTED_CASE_KEYS,
        null,
        run.id,
        v.graduation.from,
        v.graduation.until,
        v.hiring.from,
        v.hiring.until,
        v.minMonths,
      ],
    );
  },

  async screenChunk(q, run, region) {
    const v = values(run, region);
    if (!v || run.parameters.notes.length > 0) return { found: 0, fen: 0 };
    const { rows } = await q.query<{ found: number; fen: number }>(
      `WITH found AS (
         INSERT INTO screening_findings (region_code, run_id, credit_code, programme, variant, unit_name, amount_fen, headcount,
                                         person_ids, facts, status, queue_reason)
         SELECT a.region_code, a.run_id, a.credit_code, $3, '', u.name, $4::bigint * count(*), count(*),
                array_agg(a.person_id ORDER BY a.person_id),
                jsonb_build_object('persons', jsonb_agg(a.facts ORDER BY a.person_id)),
                CASE WHEN ${payabilitySql('basic_first')} IS NULL THEN 'payable' ELSE 'queued' END,
                ${payabilitySql('basic_first')}
           FROM screening_graduate_assignments a
           JOIN insured_units u ON u.region_code = a.region_code AND u.credit_code = a.credit_code
          WHERE a.run_id = $1 AND a.region_code = $2
          GROUP BY a.region_code, a.run_id, a.credit_code, u.name, u.status, u.basic_account_no, u.tax_account_no
         ON CONFLICT (region_code, run_id, credit_code) DO NOTHING
         RETURNING amount_fen)
       SELECT count(*)::int AS found, coalesce(sum(amount_fen), 0)::bigint AS fen FROM found`,
      [run.id, region, ID, v.rate],
    );
    return rows[0]!;
  },

  explain(run, finding) {
    const v = values(run, finding.regionCode)!;
    const c = run.parameters.conditions;
    const cond = (
      id: string,
      result: ExplainedCondition['result'],
      detail: string,
      personId?: string,
    ): ExplainedCondition => ({
      id,
      label: c[id]?.label ?? id,
      cite: c[id]!.cite,
      result,
      detail,
      ...(personId ? { personId } : {}),
    });
    const persons = (finding.facts.persons ?? []) as {
      personId: string;
      name: string;
      graduationMonth: string;
      hireDate: string;
      paidMonths: number;
    }[];
    const conditions: ExplainedCondition[] = [
      cond('policy_in_force', 'pass', `申领期间 ${run.periodFrom} 至 ${run.periodUntil}，补助标准 ${yuan(v.rate)}/人`),
      cond('employer_is_enterprise', 'pass', '用人单位类型：企业'),
      cond('within_application_deadline', 'pass', `数据下发日期 ${run.decisionDate}，未超过申请截止日 ${v.deadline}`),
      cond('labour_dispatch_self_application', 'not_applicable', '非劳务派遣企业'),
    ];
    for (const p of persons) {
      const who = `${p.name}`;
      conditions.push(
        cond(
          'graduated_in_2022',
          'pass',
          `${who}：毕业时间 ${p.graduationMonth}（${v.graduation.from} 至 ${v.graduation.until}）`,
          p.personId,
        ),
        cond('regular_higher_education_diploma', 'pass', `${who}：已取得普通高等学校毕业证书`, p.personId),
        cond('hired_in_2022', 'pass', `${who}：招用日期 ${p.hireDate}（劳动合同起始日）`, p.personId),
        cond('labour_contract_signed', 'pass', `${who}：已签订劳动合同（就业登记备案）`, p.personId),
        cond('employment_registered', 'pass', `${who}：已办理就业登记`, p.personId),
        cond(
          'ui_paid_min_months',
          'pass',
          `${who}：已缴纳失业保险费 ${p.paidMonths} 个月（≥ ${v.minMonths} 个月）`,
          p.personId,
        ),
        cond('ui_payment_normal', 'pass', `${who}：${run.decisionDate.slice(0, 7)} 正常缴费`, p.personId),
        cond(
          'not_used_by_other_enterprise',
          'pass',
          `${who}：未被其他企业用于享受一次性扩岗补助（本企业为其首个招用的企业）`,
          p.personId,
        ),
        cond('no_absorption_subsidy', 'pass', `${who}：未享受一次性吸纳就业补贴`, p.personId),
      );
    }
    return {
      conditions,
      formula: `${yuan(v.rate)}/人 × ${finding.headcount} 人 = ${yuan(finding.amountFen)}`,
      notes: ['经审核后 30 日内拨付至企业对公账户；无对公账户的，发放至税务部门提供的该企业缴纳社会保险费账户'],
    };
  },

  async buildFacts(q, run, unit, options = {}) {
    const v = values(run, unit.regionCode);
    const hiring = v?.hiring ?? { from: run.periodFrom, until: run.periodUntil };
    const u = await unitRow(q, unit.regionCode, unit.creditCode);
    const persons = await graduatesAt(q, u, run.decisionDate, hiring, options.excludeSourceId);
    const { rows: assigned } = await q.query<{ person_id: string; credit_code: string }>(
      'SELECT person_id, credit_code FROM screening_graduate_assignments WHERE run_id = $1 AND person_id = ANY($2::text[])',
      [run.id, persons.map((p) => p.personId)],
    );
    const owner = new Map(assigned.map((a) => [a.person_id, a.credit_code]));
    return {
      region: unit.regionCode,
      facts: engineFacts(u, persons, run.decisionDate, (p) => {
        const o = owner.get(p.personId);
        return o === undefined || o === unit.creditCode ? 'none' : 'another_enterprise';
      }),
    };
  },

  async handover(_q, run, finding) {
    const v = values(run, finding.regionCode)!;
    const persons = (finding.facts.persons ?? []) as { personId: string; name: string }[];
    return {
      persons: persons.map((p) => ({
        personKey: p.personId,
        name: p.name,
        role: 'graduate' as const,
        amountFen: v.rate,
      })),
      claimMonth: run.decisionDate.slice(0, 7),
      variant: null,
      accountPreference: 'basic_first',
    };
  },
};

/**
 * The graduates newly insured by one unit and their figures, computed in TypeScript from the
 * unit's raw rows (spells, registrations, graduates list, earlier claims) — independently of the
 * set-based SQL above, which the differential tests check against this.
 */
export async function graduatesAt(
  q: Queryable,
  unit: UnitRow,
  decisionDate: string,
  hiring: Window,
  excludeSourceId?: string,
): Promise<GraduateFacts[]> {
  const decisionMonth = decisionDate.slice(0, 7);
  const [hireFrom, hireUntil] = [hiring.from.slice(0, 7), hiring.until.slice(0, 7)];
  const spells = await spellsOf(q, unit.region_code, unit.credit_code);
  const byPerson = new Map<string, SpellRow[]>();
  for (const s of spells) byPerson.set(s.person_id, [...(byPerson.get(s.person_id) ?? []), s]);
  const overlapping = [...byPerson.entries()]
    .filter(([, list]) =>
      list.some((s) => s.from_month <= hireUntil && (s.to_month === null || s.to_month >= hireFrom)),
    )
    .map(([id]) => id);
  if (overlapping.length === 0) return [];
  const { rows: grads } = await q.query<{
    person_id: string;
    name: string;
    graduation_date: string;
    diploma_type: string;
  }>(
    `SELECT person_id, name, to_char(graduation_date, 'YYYY-MM-DD') AS graduation_date, diploma_type
       FROM graduates WHERE person_id = ANY($1::text[])`,
    [overlapping],
  );
  const latest = new Map<string, (typeof grads)[number]>();
  for (const g of grads) {
    const best = latest.get(g.person_id);
    if (
      !best ||
      g.graduation_date > best.graduation_date ||
      (g.graduation_date === best.graduation_date &&
        g.diploma_type === REGULAR_DIPLOMA &&
        best.diploma_type !== REGULAR_DIPLOMA)
    ) {
      latest.set(g.person_id, g);
    }
  }
  const candidates = overlapping.filter((id) => latest.has(id)).sort();
  const { rows: regs } = await q.query<{ person_id: string; contract_start: string | null }>(
    `SELECT person_id, to_char(contract_start, 'YYYY-MM-DD') AS contract_start FROM employment_registrations
      WHERE region_code = $1 AND credit_code = $2 AND person_id = ANY($3::text[])`,
    [unit.region_code, unit.credit_code, candidates],
  );
  const expansion = await personClaims(q, 'job-expansion', candidates, excludeSourceId);
  const absorption = await personClaims(q, 'hiring-subsidy', candidates, excludeSourceId);
  return candidates.map((id) => {
    const list = byPerson.get(id)!;
    const g = latest.get(id)!;
    const mine = regs.filter((r) => r.person_id === id);
    const contracts = mine
      .map((r) => r.contract_start)
      .filter((d): d is string => d !== null)
      .sort();
    const first = list.map((s) => s.from_month).sort()[0]!;
    let paid = 0;
    for (const s of list) {
      if (s.from_month > decisionMonth) continue;
      const end = s.to_month === null || s.to_month > decisionMonth ? decisionMonth : s.to_month;
      paid += monthNumber(end) - monthNumber(s.from_month) + 1;
    }
    const claimedBy = expansion.get(id);
    return {
      regionCode: unit.region_code,
      creditCode: unit.credit_code,
      personId: id,
      name: g.name,
      graduationMonth: g.graduation_date.slice(0, 7),
      regular: g.diploma_type === REGULAR_DIPLOMA,
      hireDate: contracts[0] ?? `${first}-01`,
      contract: contracts.length > 0,
      registered: mine.length > 0,
      paidMonths: paid,
      normal: list.some((s) => covers(s, decisionMonth) && s.ui_status === '1'),
      usedBy: claimedBy?.has(unit.credit_code) ? 'this_enterprise' : claimedBy ? 'another_enterprise' : 'none',
      absorbed: absorption.has(id),
    };
  });
}

/**
 * The engine's facts for a unit from its graduates' figures. `assignment` says, for a graduate who
 * has no earlier claim, whether the cross-region step gave them to another enterprise.
 */
export function engineFacts(
  unit: Pick<UnitRow, 'unit_type' | 'labour_dispatch'>,
  persons: readonly GraduateFacts[],
  decisionDate: string,
  assignment: (p: GraduateFacts) => 'none' | 'another_enterprise',
): unknown {
  return {
    unitType: unitTypeForJobExpansion(unit.unit_type),
    isLabourDispatchAgency: unit.labour_dispatch,
    claimRoute: 'automatic',
    claimDate: decisionDate,
    persons: persons.map((p) => ({
      id: p.personId,
      name: p.name,
      graduationMonth: p.graduationMonth,
      holdsRegularHigherEducationDiploma: p.regular,
      hireDate: p.hireDate,
      labourContractSigned: p.contract,
      employmentRegistered: p.registered,
      uiPaidMonths: p.paidMonths,
      uiPaymentNormal: p.normal,
      expansionSubsidyUsedBy: p.usedBy === 'none' ? assignment(p) : p.usedBy,
      receivedAbsorptionSubsidy: p.absorbed,
      ...(unit.labour_dispatch ? { dispatchedToOtherEnterprise: false } : {}),
    })),
  };
}
