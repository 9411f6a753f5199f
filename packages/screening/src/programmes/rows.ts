/**
 * The raw rows of one unit, read plainly (no aggregation in SQL), for building the engine's facts
 * in TypeScript: the independent path the set-based SQL is checked against, and what a review case
 * is re-decided on at approval.
 */
import type { Queryable } from '@wengang/db';
import { caseStands, REJECTED_CASE_KEYS } from './common';

export interface UnitRow {
  region_code: string;
  credit_code: string;
  name: string;
  industry_code: string;
  unit_type: string;
  labour_dispatch: boolean;
  operating_region_code: string | null;
  size_class: string | null;
  status: string;
  bankruptcy: boolean;
  dishonest: boolean;
  zombie: boolean;
  policy_violation: boolean;
  basic_account_no: string | null;
  tax_account_no: string | null;
}

export interface SpellRow {
  person_id: string;
  name: string;
  from_month: string;
  to_month: string | null;
  ui_status: string;
  end_reason: string | null;
}

export async function unitRow(q: Queryable, regionCode: string, creditCode: string): Promise<UnitRow> {
  const { rows } = await q.query<UnitRow>(
    `SELECT region_code, credit_code, name, industry_code, unit_type, labour_dispatch, operating_region_code, size_class, status,
            bankruptcy, dishonest, zombie, policy_violation, basic_account_no, tax_account_no
       FROM insured_units WHERE region_code = $1 AND credit_code = $2`,
    [regionCode, creditCode],
  );
  if (!rows[0]) throw new Error(`参保单位 ${creditCode}（${regionCode}）不存在`);
  return rows[0];
}

export async function spellsOf(q: Queryable, regionCode: string, creditCode: string): Promise<SpellRow[]> {
  const { rows } = await q.query<SpellRow>(
    `SELECT person_id, name, to_char(from_month, 'YYYY-MM') AS from_month, to_char(to_month, 'YYYY-MM') AS to_month,
            ui_status, end_reason
       FROM ui_spells WHERE region_code = $1 AND credit_code = $2 ORDER BY person_id, from_month`,
    [regionCode, creditCode],
  );
  return rows;
}

/** `2022-07` → 24270 (year × 12 + month), for month arithmetic. */
export const monthNumber = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));

/** Whether a spell covers month `m` (`YYYY-MM`). */
export const covers = (s: SpellRow, m: string): boolean =>
  s.from_month <= m && (s.to_month === null || s.to_month >= m);

/**
 * Earlier claims of a programme by this unit: its benefit records (in its region) and the standing
 * review cases of the enterprise anywhere on the platform, with amounts.
 */
export async function unitClaims(
  q: Queryable,
  programme: string,
  unit: { regionCode: string; creditCode: string },
  excludeSourceId: string | undefined,
): Promise<{ year: number | null; variant: string; amount_fen: number; kind: string }[]> {
  const { rows } = await q.query<{ year: number | null; variant: string; amount_fen: number; kind: string }>(
    `SELECT year, variant, amount_fen, kind FROM benefit_records
      WHERE programme = $1 AND region_code = $5 AND credit_code = $2 AND person_id = ''
     UNION ALL
     SELECT coalesce(left(c.claim_month, 4), left(c.request->'period'->>'from', 4))::int, coalesce(c.variant, ''), c.amount_fen, 'paid'
       FROM review_cases c JOIN enterprises e ON e.id = c.enterprise_id
      WHERE c.programme = $1 AND e.credit_code = $2 AND ${caseStands('$3')} AND ($4::text IS NULL OR c.source_id <> $4::text)`,
    [programme, unit.creditCode, REJECTED_CASE_KEYS, excludeSourceId ?? null, unit.regionCode],
  );
  return rows;
}

/** For each person, the units that claimed a person-level programme for them (records and cases). */
export async function personClaims(
  q: Queryable,
  programme: string,
  persons: readonly string[],
  excludeSourceId: string | undefined,
): Promise<Map<string, Set<string>>> {
  const { rows } = await q.query<{ person_id: string; credit_code: string }>(
    `SELECT person_id, credit_code FROM benefit_records WHERE programme = $1 AND kind = 'paid' AND person_id = ANY($2::text[])
     UNION
     SELECT p.person_key, e.credit_code
       FROM case_persons p JOIN review_cases c ON c.id = p.case_id JOIN enterprises e ON e.id = c.enterprise_id
      WHERE c.programme = $1 AND p.person_key = ANY($2::text[]) AND ${caseStands('$3')}
        AND ($4::text IS NULL OR c.source_id <> $4::text)`,
    [programme, persons, REJECTED_CASE_KEYS, excludeSourceId ?? null],
  );
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = out.get(r.person_id) ?? new Set<string>();
    set.add(r.credit_code);
    out.set(r.person_id, set);
  }
  return out;
}
