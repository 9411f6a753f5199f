/**
 * The differential check: every unit of a run's region decided one by one by the engine
 * (`evaluate` with the policies registry) on facts built in TypeScript from the unit's raw rows,
 * against the set-based screening's findings. Returns the disagreements (empty when identical).
 */
import type { Database } from '@wengang/db';
import { evaluate, type Decision } from '@wengang/engine';
import { registry } from '@wengang/policies';
import {
  engineFacts,
  findingColumns,
  graduatesAt,
  screeningProgramme,
  unitRow,
  type FindingRow,
  type GraduateFacts,
  type RunRow,
} from '../../src/index';

export interface Tally {
  units: number;
  yes: number;
  no: number;
  needsInput: number;
  fen: number;
}

export interface Comparison {
  mismatches: string[];
  tally: Tally;
}

async function findingsOf(db: Database, run: RunRow): Promise<Map<string, FindingRow>> {
  const { rows } = await db.query<FindingRow>(
    `SELECT ${findingColumns} FROM screening_findings f WHERE f.run_id = $1`,
    [run.id],
  );
  return new Map(rows.map((f) => [f.creditCode, f]));
}

async function unitsOf(db: Database, run: RunRow): Promise<{ region_code: string; credit_code: string }[]> {
  const regions = Object.keys(run.parameters.byRegion);
  const { rows } = await db.query<{ region_code: string; credit_code: string }>(
    'SELECT region_code, credit_code FROM insured_units WHERE region_code = ANY($1::text[]) ORDER BY region_code, credit_code',
    [regions],
  );
  return rows;
}

function decide(run: RunRow, region: string, facts: unknown): Decision {
  return evaluate(registry, {
    programme: run.programme,
    region,
    period: { from: run.periodFrom, until: run.periodUntil },
    decisionDate: run.decisionDate,
    facts,
  });
}

function count(tally: Tally, d: Decision): void {
  tally.units++;
  if (d.eligible === 'yes') {
    tally.yes++;
    tally.fen += d.amountFen;
  } else if (d.eligible === 'no') tally.no++;
  else tally.needsInput++;
}

/** Units of one-type programmes (留工): one engine decision per unit. */
export async function compareUnitProgramme(db: Database, run: RunRow): Promise<Comparison> {
  const screening = screeningProgramme(run.programme);
  const findings = await findingsOf(db, run);
  const tally: Tally = { units: 0, yes: 0, no: 0, needsInput: 0, fen: 0 };
  const mismatches: string[] = [];
  for (const u of await unitsOf(db, run)) {
    const { region, facts } = await screening.buildFacts(db, run, {
      regionCode: u.region_code,
      creditCode: u.credit_code,
    });
    const d = decide(run, region, facts);
    count(tally, d);
    const f = findings.get(u.credit_code);
    if ((d.eligible === 'yes') !== Boolean(f) || (f && f.amountFen !== d.amountFen)) {
      mismatches.push(`${u.credit_code}: engine ${d.eligible} ${d.amountFen}, screening ${f ? f.amountFen : '—'}`);
    }
  }
  return { mismatches, tally };
}

/** 稳岗返还: the engine decides each unit for each refund type; the screening must agree on every type. */
export async function compareRefund(db: Database, run: RunRow): Promise<Comparison> {
  const screening = screeningProgramme(run.programme);
  const findings = await findingsOf(db, run);
  const tally: Tally = { units: 0, yes: 0, no: 0, needsInput: 0, fen: 0 };
  const mismatches: string[] = [];
  for (const u of await unitsOf(db, run)) {
    const f = findings.get(u.credit_code);
    const types = f ? (f.facts.types as Record<string, { pay: number }>) : undefined;
    let best: { type: string; pay: number } | undefined;
    for (const type of ['sme', 'general', 'difficult']) {
      const { region, facts } = await screening.buildFacts(
        db,
        run,
        { regionCode: u.region_code, creditCode: u.credit_code },
        { variant: type },
      );
      const d = decide(run, region, facts);
      count(tally, d);
      const pay = types?.[type]?.pay ?? 0;
      if ((d.eligible === 'yes') !== pay > 0 || (d.eligible === 'yes' && d.amountFen !== pay)) {
        mismatches.push(`${u.credit_code} ${type}: engine ${d.eligible} ${d.amountFen}, screening ${pay}`);
      }
      if (d.eligible === 'yes' && (!best || d.amountFen > best.pay)) best = { type, pay: d.amountFen };
    }
    if (Boolean(best) !== Boolean(f) || (best && f && (best.pay !== f.amountFen || best.type !== f.variant))) {
      mismatches.push(
        `${u.credit_code}: engine best ${best?.type} ${best?.pay}, screening ${f?.variant} ${f?.amountFen}`,
      );
    }
  }
  return { mismatches, tally };
}

/**
 * 扩岗: the cross-region rule decided with the engine too — pass 1 decides every unit as if no
 * graduate were used elsewhere; each graduate with a line at several units goes to the unit that
 * hired them first (then the lower credit code); pass 2 decides again with the others marked as used
 * by another enterprise.
 */
export async function compareJobExpansion(db: Database, run: RunRow): Promise<Comparison> {
  const findings = await findingsOf(db, run);
  const hiring = run.parameters.byRegion[Object.keys(run.parameters.byRegion)[0]!]?.['job-expansion.hiring_window']
    ?.value as { from: string; until: string } | undefined;
  const window = hiring ?? { from: run.periodFrom, until: run.periodUntil };
  const units = await unitsOf(db, run);
  const prepared: {
    key: string;
    region: string;
    unit: Awaited<ReturnType<typeof unitRow>>;
    persons: GraduateFacts[];
  }[] = [];
  for (const u of units) {
    const row = await unitRow(db, u.region_code, u.credit_code);
    prepared.push({
      key: u.credit_code,
      region: u.region_code,
      unit: row,
      persons: await graduatesAt(db, row, run.decisionDate, window),
    });
  }
  const owners = new Map<string, { credit: string; hire: string }>();
  for (const p of prepared) {
    const d = decide(
      run,
      p.region,
      engineFacts(p.unit, p.persons, run.decisionDate, () => 'none'),
    );
    for (const line of d.lines) {
      const g = p.persons.find((x) => x.personId === line.personId)!;
      const o = owners.get(g.personId);
      if (!o || g.hireDate < o.hire || (g.hireDate === o.hire && p.key < o.credit))
        owners.set(g.personId, { credit: p.key, hire: g.hireDate });
    }
  }
  const tally: Tally = { units: 0, yes: 0, no: 0, needsInput: 0, fen: 0 };
  const mismatches: string[] = [];
  for (const p of prepared) {
    const d = decide(
      run,
      p.region,
      engineFacts(p.unit, p.persons, run.decisionDate, (g) => {
        const o = owners.get(g.personId);
        return o && o.credit !== p.key ? 'another_enterprise' : 'none';
      }),
    );
    count(tally, d);
    const f = findings.get(p.key);
    const enginePersons = d.lines
      .map((l) => l.personId)
      .sort()
      .join(',');
    if (
      (d.eligible === 'yes') !== Boolean(f) ||
      (f && (f.amountFen !== d.amountFen || [...f.personIds].sort().join(',') !== enginePersons))
    ) {
      mismatches.push(
        `${p.key}: engine ${d.eligible} ${d.amountFen} [${enginePersons}], screening ${f ? `${f.amountFen} [${f.personIds.join(',')}]` : '—'}`,
      );
    }
  }
  return { mismatches, tally };
}
