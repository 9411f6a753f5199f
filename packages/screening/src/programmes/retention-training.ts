/**
 * 一次性留工培训补助 免申即享 (聊人社字〔2022〕32号 一(一), 二(一)1, 五(一)) screened set-wise: every
 * covered unit of a county (市、区) that in 2022 had 1 (含) 中高风险疫情区域 or an area under 静态管理
 * 7 日以上, paid 500 元 × the unit's insured and paying staff in the month the county was first
 * triggered. The epidemic situation is the insured county's, or the operating county's for units
 * insured at the prefecture (市本级). 劳务派遣企业 and the 5 特困行业 of untriggered counties must apply
 * themselves (自主申请) and are not found here; a unit that already received it is not found again.
 */
import { hardshipIndustryOf, UNIT_TYPES } from '../import/layouts';
import {
  caseStands,
  conditionCatalogue,
  monthsOf,
  programmeDefinition,
  REJECTED_CASE_KEYS,
  resolveAll,
  valueOf,
  yuan,
} from './common';
import { covers, spellsOf, unitClaims, unitRow } from './rows';
import { payabilitySql, unitTypeForRetention } from './units';
import type { ExplainedCondition, RunParameters, ScreeningProgramme } from './types';

const ID = 'retention-training';
const P = {
  amount: 'retention-training.amount_per_person',
  covered: 'retention-training.covered_unit_types',
  minRisk: 'retention-training.risk_area_min_count',
  minDays: 'retention-training.static_management_min_days',
  window: 'retention-training.trigger_window',
} as const;

interface Window {
  from: string;
  until: string;
}

interface Values {
  rate: number;
  covered: readonly string[];
  minRisk: number;
  minDays: number;
  window: Window;
}

function values(run: { parameters: RunParameters }, region: string): Values | undefined {
  const r = run.parameters.byRegion[region];
  if (!r) return undefined;
  const rate = valueOf<number>(r, P.amount);
  const covered = valueOf<readonly string[]>(r, P.covered);
  const minRisk = valueOf<number>(r, P.minRisk);
  const minDays = valueOf<number>(r, P.minDays);
  const window = valueOf<Window>(r, P.window);
  if (rate === undefined || !covered || minRisk === undefined || minDays === undefined || !window) return undefined;
  return { rate, covered, minRisk, minDays, window };
}

/**
 * Unit types as stored (the import's code list); a finding keeps its unit's type as the position
 * in this list, so that list only ever grows at its end.
 */
const UNIT_TYPE_VALUES = UNIT_TYPES.map((t) => t.value);
const UNIT_TYPE_CODE_SQL = `CASE u.unit_type ${UNIT_TYPE_VALUES.map((t, i) => `WHEN '${t}' THEN ${i + 1}`).join(' ')} END`;

/**
 * A finding's facts as the explanation reads them: the county's trigger (stored once per county in
 * facts), the basis (insured or operating county, from the unit's region code), the unit type
 * (figures[1]) and the head count.
 */
const FACTS_SQL = `jsonb_build_object(
  'basis', CASE WHEN f.region_code LIKE '%00' THEN 'operating_county' ELSE 'insured_county' END,
  'unitType', CASE f.figures[1] ${UNIT_TYPE_VALUES.map((t, i) => `WHEN ${i + 1} THEN '${t}'`).join(' ')} END,
  'headcount', f.headcount) || f.facts`;

/** The persons behind the amount: insured and paying at the unit in the trigger month (as the screening counted them). */
const PERSONS_SQL = `(SELECT coalesce(array_agg(DISTINCT s.person_id), '{}') FROM ui_spells s
  WHERE s.region_code = f.region_code AND s.credit_code = f.credit_code
    AND s.from_month <= (f.facts->>'triggerMonth' || '-01')::date
    AND (s.to_month IS NULL OR s.to_month >= (f.facts->>'triggerMonth' || '-01')::date))`;

/** Unit types as stored that the programme covers (its list names them in its own words). */
const storedTypes = (covered: readonly string[]) =>
  UNIT_TYPE_VALUES.filter((t) => covered.includes(unitTypeForRetention(t)));

/**
 * Each county's first trigger in the window: the minRisk-th 中高风险 listing, or a static
 * management of at least minDays, whichever started first ($1 window from, $2 until, $3 minRisk,
 * $4 minDays). One row per triggered county with the event that triggered it.
 */
const triggersSql = `
SELECT DISTINCT ON (county) county, to_char(start_date, 'YYYY-MM-DD') AS trigger_date, kind, area_name, days
  FROM (
    SELECT region_code AS county, start_date, kind, area_name, days, 0 AS rank
      FROM (SELECT e.*, row_number() OVER (PARTITION BY region_code ORDER BY start_date, area_name) AS n
              FROM epidemic_events e
             WHERE kind = 'medium_high_risk_area' AND start_date BETWEEN $1::date AND $2::date) r
     WHERE n = $3
    UNION ALL
    SELECT region_code, start_date, kind, area_name, days, 1
      FROM epidemic_events
     WHERE kind = 'static_management' AND days >= $4 AND start_date BETWEEN $1::date AND $2::date
  ) t
 ORDER BY county, start_date, rank, area_name`;

export interface CountyTriggerRow {
  county: string;
  trigger_date: string;
  kind: string;
  area_name: string;
  days: number | null;
}

export const retentionTraining: ScreeningProgramme = {
  id: ID,
  name: '一次性留工培训补助',
  factsSql: FACTS_SQL,
  personIdsSql: PERSONS_SQL,

  async plan(q, run, chunks) {
    const programme = programmeDefinition(ID);
    const period = { from: run.periodFrom, until: run.periodUntil };
    const byRegion = Object.fromEntries(
      chunks.map((c) => [c, resolveAll(programme, c, run.periodFrom, run.decisionDate)]),
    );
    const probeRegion = chunks.find((c) => !c.endsWith('00')) ?? chunks[0] ?? run.regionCode;
    const own = resolveAll(programme, probeRegion, run.periodFrom, run.decisionDate);
    const notes: string[] = [];
    const v = values(
      { parameters: { byRegion: { [probeRegion]: own }, conditions: {}, notes: [], extra: {} } },
      probeRegion,
    );
    if (!v) {
      notes.push(
        `决定日期 ${run.decisionDate}、期间 ${run.periodFrom} 起没有适用的一次性留工培训补助标准（政策未印发或不在实施期限内），本次筛查不产生名单`,
      );
    }
    const window = v?.window ?? period;
    const month = window.from.slice(0, 7);
    const conditions = conditionCatalogue(programme, probeRegion, period, run.decisionDate, [
      {
        unitType: 'enterprise',
        isLabourDispatchAgency: false,
        insuredCounty: probeRegion,
        industry: 'other',
        epidemicEvents: [
          { county: probeRegion, kind: 'static_management', startDate: window.from, durationDays: v?.minDays ?? 7 },
        ],
        insuredHeadcountByMonth: { [month]: 1 },
        alreadyReceived: false,
      },
    ]);
    // The triggered counties are run-wide facts: computed once, shown in the run, used by every chunk.
    const triggers = v
      ? (await q.query<CountyTriggerRow>(triggersSql, [window.from, window.until, v.minRisk, v.minDays])).rows
      : [];
    return { byRegion, conditions, notes, extra: { triggers } };
  },

  async screenChunk(q, run, region) {
    const v = values(run, region);
    if (!v || run.parameters.notes.length > 0) return { found: 0, fen: 0 };
    // The units joined to their county's trigger through an expression: the planner cannot estimate
    // them and would look up each unit's spells by index; one scan of the county's spells is cheaper.
    await q.exec('SET LOCAL enable_nestloop = off');
    const { rows } = await q.query<{ found: number; fen: number }>(
      `WITH trig AS (
         SELECT t.*, jsonb_build_object('county', t.county, 'triggerDate', t.trigger_date, 'triggerMonth', left(t.trigger_date, 7),
                  'eventKind', t.kind, 'eventName', t.area_name, 'eventDays', t.days) AS trigger_facts
           FROM (${triggersSql}) t),
       unit AS (
         SELECT u.*, date_trunc('month', t.trigger_date::date)::date AS trigger_month, t.trigger_facts
           FROM insured_units u
           JOIN trig t ON t.county = CASE WHEN u.region_code LIKE '%00' THEN u.operating_region_code ELSE u.region_code END
          WHERE u.region_code = $5 AND NOT u.labour_dispatch AND u.unit_type = ANY($6::text[])
            AND NOT EXISTS (SELECT 1 FROM benefit_records b
                             WHERE b.region_code = u.region_code AND b.credit_code = u.credit_code
                               AND b.programme = $8 AND b.kind = 'paid' AND b.person_id = '')
            AND NOT EXISTS (SELECT 1 FROM review_cases c JOIN enterprises e ON e.id = c.enterprise_id
                             WHERE c.programme = $8 AND e.credit_code = u.credit_code AND ${caseStands('$9')})
       ),
       head AS (
         -- persons insured and paying in the trigger month (distinct per unit: two-level hash aggregate)
         SELECT p.credit_code, count(*)::int AS n
           FROM (SELECT DISTINCT s.credit_code, s.person_id
                   FROM ui_spells s
                   JOIN unit ON unit.region_code = s.region_code AND unit.credit_code = s.credit_code
                  WHERE s.region_code = $5 AND s.from_month <= unit.trigger_month
                    AND (s.to_month IS NULL OR s.to_month >= unit.trigger_month)) p
          GROUP BY p.credit_code
       ),
       found AS (
         -- facts: the county's trigger (one value per county); figures: the unit type (see FACTS_SQL);
         -- the persons are read from the spells when needed (PERSONS_SQL)
         INSERT INTO screening_findings (region_code, run_id, credit_code, programme, variant, unit_name, amount_fen, headcount,
                                         person_ids, facts, figures, status, queue_reason)
         SELECT u.region_code, $10::uuid, u.credit_code, $8, '', u.name, $7::bigint * h.n, h.n, '{}', u.trigger_facts,
                ARRAY[${UNIT_TYPE_CODE_SQL}]::bigint[],
                CASE WHEN ${payabilitySql('tax_only')} IS NULL THEN 'payable' ELSE 'queued' END,
                ${payabilitySql('tax_only')}
           FROM unit u JOIN head h ON h.credit_code = u.credit_code
          WHERE h.n > 0
         ON CONFLICT (region_code, run_id, credit_code) DO NOTHING
         RETURNING amount_fen)
       SELECT count(*)::int AS found, coalesce(sum(amount_fen), 0)::bigint AS fen FROM found`,
      [
        v.window.from,
        v.window.until,
        v.minRisk,
        v.minDays,
        region,
        storedTypes(v.covered),
        v.rate,
        ID,
        REJECTED_CASE_KEYS,
        run.id,
      ],
    );
    return rows[0]!;
  },

  explain(run, finding) {
    const v = values(run, finding.regionCode)!;
    const c = run.parameters.conditions;
    const f = finding.facts as {
      county: string;
      basis: string;
      triggerDate: string;
      triggerMonth: string;
      eventKind: string;
      eventName: string;
      eventDays: number | null;
      headcount: number;
    };
    const cond = (id: string, result: ExplainedCondition['result'], detail: string): ExplainedCondition => ({
      id,
      label: c[id]?.label ?? id,
      cite: c[id]!.cite,
      result,
      detail,
    });
    const event =
      f.eventKind === 'static_management'
        ? `${f.triggerDate} 实施静态管理「${f.eventName}」，持续 ${f.eventDays} 日（≥ ${v.minDays} 日）`
        : `${f.triggerDate} 列入中高风险疫情区域「${f.eventName}」（本年第 ${v.minRisk} 个，含本数）`;
    return {
      conditions: [
        cond(
          'policy_in_force',
          'pass',
          `申领期间 ${run.periodFrom} 至 ${run.periodUntil}，补助标准 ${yuan(v.rate)}/人`,
        ),
        cond('unit_type_covered', 'pass', '参保企业或参照实施单位'),
        cond('not_already_received', 'pass', '未享受过一次性留工培训补助'),
        cond(
          'county_epidemic_trigger',
          'pass',
          `${f.basis === 'operating_county' ? '经营地' : '参保地'} ${f.county}：${event}；首次触发月份 ${f.triggerMonth}`,
        ),
        cond('hard_hit_industry', 'not_applicable', '所在县（市、区）已触发，不论行业'),
        cond('labour_dispatch_own_staff', 'not_applicable', '非劳务派遣企业'),
        cond(
          'application_within_period',
          'not_applicable',
          '免申即享：辖区内参保企业无需提出申请，由人社部门比对后直接发放',
        ),
        cond(
          'insured_headcount',
          'pass',
          `${f.triggerMonth} 参加失业保险并缴费 ${f.headcount} 人，计补 ${f.headcount} 人`,
        ),
      ],
      formula: `${yuan(v.rate)}/人 × ${finding.headcount} 人 = ${yuan(finding.amountFen)}`,
      notes: [
        '补助核定发放后，不再根据后期企业参保缴费人数增减变化进行调整（聊人社字〔2022〕32号 五(一)）',
        '免申即享：发放至税务部门提供的对公银行账户（二(一)1）',
      ],
    };
  },

  async buildFacts(q, run, unit, options = {}) {
    const v = values(run, unit.regionCode);
    const window = v?.window ?? { from: run.periodFrom, until: run.periodUntil };
    const u = await unitRow(q, unit.regionCode, unit.creditCode);
    const spells = await spellsOf(q, unit.regionCode, unit.creditCode);
    const headcount: Record<string, number> = {};
    for (const month of monthsOf(window.from.slice(0, 7), window.until.slice(0, 7))) {
      headcount[month] = new Set(spells.filter((s) => covers(s, month)).map((s) => s.person_id)).size;
    }
    const { rows: events } = await q.query<{
      county: string;
      kind: string;
      start_date: string;
      days: number | null;
      area_name: string;
    }>(
      `SELECT region_code AS county, kind, to_char(start_date, 'YYYY-MM-DD') AS start_date, days, area_name
         FROM epidemic_events ORDER BY region_code, start_date, area_name`,
    );
    const claims = await unitClaims(q, ID, unit, options.excludeSourceId);
    return {
      region: unit.regionCode,
      facts: {
        unitType: unitTypeForRetention(u.unit_type),
        isLabourDispatchAgency: u.labour_dispatch,
        insuredCounty: u.region_code,
        ...(u.operating_region_code ? { operatingCounty: u.operating_region_code } : {}),
        industry: hardshipIndustryOf(u.industry_code),
        epidemicEvents: events.map((e) => ({
          county: e.county,
          kind: e.kind,
          startDate: e.start_date,
          ...(e.days !== null ? { durationDays: e.days } : {}),
          name: e.area_name,
        })),
        insuredHeadcountByMonth: headcount,
        alreadyReceived: claims.some((c) => c.kind === 'paid'),
      },
    };
  },

  async handover(q, _run, finding) {
    const f = finding.facts as { triggerMonth: string };
    const { rows } = await q.query<{ person_id: string; name: string }>(
      `SELECT DISTINCT ON (person_id) person_id, name FROM ui_spells
        WHERE region_code = $1 AND credit_code = $2 AND person_id = ANY($3::text[]) ORDER BY person_id, from_month DESC`,
      [finding.regionCode, finding.creditCode, finding.personIds],
    );
    return {
      persons: rows.map((r) => ({
        personKey: r.person_id,
        name: r.name,
        role: 'employee' as const,
        month: f.triggerMonth,
      })),
      claimMonth: f.triggerMonth,
      variant: null,
      accountPreference: 'tax_first',
    };
  },
};
