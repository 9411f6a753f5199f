/**
 * Handing findings to the officers: each payable finding becomes a review case (openCase of
 * @wengang/workflow, idempotent per source id) in the same transaction that marks the finding
 * handed over. Before that the unit is decided once more by the engine, on facts built from the
 * same rows: the case carries the engine's request and decision (every condition with its
 * citation), and a finding the engine does not confirm goes to the queue instead of the officers.
 */
import type { Queryable } from '@wengang/db';
import { evaluate, type EvaluationRequest } from '@wengang/engine';
import { registry } from '@wengang/policies';
import { openCase, type Actor, type Payee } from '@wengang/workflow';
import { ensureRegions } from '../generate/files';
import { screeningProgramme, screeningProgrammes } from '../programmes/index';
import type { FindingRow, RunInfo } from '../programmes/types';

export const screeningActor: Actor = { id: null, role: 'system', name: '免申即享数据比对' };

/** The review case's source id: one case per programme, period and unit, whatever the run. */
export function screeningSourceId(
  run: Pick<RunInfo, 'programme' | 'periodFrom' | 'periodUntil'>,
  creditCode: string,
): string {
  return `${run.programme}:${run.periodFrom}:${run.periodUntil}:${creditCode}`;
}

/** A finding's facts and persons as each programme stores them, rebuilt on reading (pages, handover batches). */
const whenProgramme = (sql: (p: (typeof screeningProgrammes)[number]) => string | undefined, otherwise: string) => {
  const cases = screeningProgrammes.flatMap((p) => {
    const expression = sql(p);
    return expression ? [`WHEN f.programme = '${p.id}' AND f.figures IS NOT NULL THEN ${expression}`] : [];
  });
  return cases.length > 0 ? `CASE ${cases.join(' ')} ELSE ${otherwise} END` : otherwise;
};

export const findingColumns = `f.region_code AS "regionCode", f.run_id AS "runId", f.credit_code AS "creditCode", f.programme,
  f.variant, f.unit_name AS "unitName", f.amount_fen AS "amountFen", f.headcount,
  ${whenProgramme((p) => p.personIdsSql, 'f.person_ids')} AS "personIds",
  ${whenProgramme((p) => p.factsSql, 'f.facts')} AS facts,
  f.status, f.queue_reason AS "queueReason", f.case_id AS "caseId"`;

interface UnitRow {
  name: string;
  industry_code: string;
  size_class: string | null;
  basic_account_bank: string | null;
  basic_account_no: string | null;
  tax_account_bank: string | null;
  tax_account_no: string | null;
}

/** The engine's request for a finding's unit, built from the current rows. */
export async function engineRequest(
  q: Queryable,
  run: RunInfo,
  finding: Pick<FindingRow, 'regionCode' | 'creditCode' | 'variant'>,
  excludeSourceId?: string,
): Promise<EvaluationRequest> {
  const screening = screeningProgramme(run.programme);
  const { region, facts } = await screening.buildFacts(
    q,
    run,
    { regionCode: finding.regionCode, creditCode: finding.creditCode },
    { ...(finding.variant ? { variant: finding.variant } : {}), ...(excludeSourceId ? { excludeSourceId } : {}) },
  );
  return {
    programme: run.programme,
    region,
    period: { from: run.periodFrom, until: run.periodUntil },
    decisionDate: run.decisionDate,
    facts,
  };
}

/** Hands over up to `size` payable findings of the run; returns how many were processed and opened. */
export async function handOverBatch(
  tx: Queryable,
  run: RunInfo,
  size: number,
  now: Date,
): Promise<{ processed: number; handedOver: number }> {
  const { rows } = await tx.query<FindingRow>(
    `SELECT ${findingColumns} FROM screening_findings f
      WHERE f.run_id = $1 AND f.status = 'payable' ORDER BY f.region_code, f.credit_code LIMIT $2`,
    [run.id, size],
  );
  let handedOver = 0;
  const regionsSeen = new Set<string>();
  for (const finding of rows) {
    if (!regionsSeen.has(finding.regionCode)) {
      const { rows: known } = await tx.query('SELECT 1 FROM regions WHERE code = $1', [finding.regionCode]);
      if (known.length === 0) await ensureRegions(tx);
      regionsSeen.add(finding.regionCode);
    }
    if (await handOverFinding(tx, run, finding, now)) handedOver++;
  }
  return { processed: rows.length, handedOver };
}

async function handOverFinding(tx: Queryable, run: RunInfo, finding: FindingRow, now: Date): Promise<boolean> {
  const sourceId = screeningSourceId(run, finding.creditCode);
  const request = await engineRequest(tx, run, finding, sourceId);
  const decision = evaluate(registry, request);
  if (decision.eligible !== 'yes' || decision.amountFen !== finding.amountFen) {
    await tx.query(
      `UPDATE screening_findings SET status = 'queued', queue_reason = 'engine_mismatch',
              facts = facts || jsonb_build_object('engine', jsonb_build_object('eligible', $4::text, 'amountFen', $5::bigint))
        WHERE region_code = $1 AND run_id = $2 AND credit_code = $3`,
      [finding.regionCode, finding.runId, finding.creditCode, decision.eligible, decision.amountFen],
    );
    return false;
  }
  const { rows: units } = await tx.query<UnitRow>(
    `SELECT name, industry_code, size_class, basic_account_bank, basic_account_no, tax_account_bank, tax_account_no
       FROM insured_units WHERE region_code = $1 AND credit_code = $2`,
    [finding.regionCode, finding.creditCode],
  );
  const unit = units[0]!;
  const { rows: ids } = await tx.query<{ id: string }>(
    `WITH ins AS (
       INSERT INTO enterprises (credit_code, name, region_code, industry, declared_size)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (credit_code) DO NOTHING RETURNING id)
     SELECT id FROM ins UNION ALL SELECT id FROM enterprises WHERE credit_code = $1`,
    [finding.creditCode, unit.name, finding.regionCode, unit.industry_code[0], unit.size_class],
  );
  const screening = screeningProgramme(run.programme);
  const details = await screening.handover(tx, run, finding);
  const payee = payeeOf(unit, finding.creditCode, details.accountPreference);
  const opened = await openCase(
    tx,
    {
      source: 'screening',
      sourceId,
      programme: run.programme,
      variant: details.variant,
      regionCode: finding.regionCode,
      enterpriseId: ids[0]!.id,
      amountFen: finding.amountFen,
      claimMonth: details.claimMonth,
      headcount: finding.headcount,
      request,
      decision,
      persons: details.persons,
      payee,
      receivedOn: run.decisionDate,
      actor: screeningActor,
    },
    now,
  );
  await tx.query(
    `UPDATE screening_findings SET status = 'handed_over', case_id = $4, handed_over_at = $5
      WHERE region_code = $1 AND run_id = $2 AND credit_code = $3`,
    [finding.regionCode, finding.runId, finding.creditCode, opened.id, now],
  );
  return true;
}

function payeeOf(unit: UnitRow, creditCode: string, preference: 'tax_first' | 'basic_first'): Payee | null {
  const basic = unit.basic_account_no
    ? { bankName: unit.basic_account_bank!, accountNo: unit.basic_account_no, accountKind: '基本账户（企业对公账户）' }
    : null;
  const tax = unit.tax_account_no
    ? { bankName: unit.tax_account_bank!, accountNo: unit.tax_account_no, accountKind: '税务部门提供的对公账户' }
    : null;
  const chosen = preference === 'tax_first' ? (tax ?? null) : (basic ?? tax);
  return chosen ? { name: unit.name, creditCode, ...chosen } : null;
}
