/**
 * The workflow's re-evaluation hook for cases that came from screening (registered by apps/api):
 * an approval re-decides the unit with the engine on the data as they stand now, built from the
 * same rows as at handover, leaving the case itself out of the earlier claims.
 */
import { evaluate } from '@wengang/engine';
import { registry } from '@wengang/policies';
import { WorkflowError, type Reevaluator } from '@wengang/workflow';
import type { FindingRow } from '../programmes/types';
import { engineRequest, findingColumns } from './handover';
import { getRun } from './runs';

export const reevaluateScreeningCase: Reevaluator = async (tx, c) => {
  const { rows } = await tx.query<FindingRow>(
    `SELECT ${findingColumns} FROM screening_findings f WHERE f.case_id = $1`,
    [c.id],
  );
  const finding = rows[0];
  const run = finding ? await getRun(tx, finding.runId) : undefined;
  if (!finding || !run) throw new WorkflowError('该案件的筛查结果已不存在，无法重新核验', 'conflict');
  const request = await engineRequest(tx, run, finding, c.sourceId);
  return { decision: evaluate(registry, request), request };
};
