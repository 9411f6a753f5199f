/**
 * The evaluation contract shared by `wengang evaluate` and `POST /api/v1/evaluate`: the request
 * envelope, the default decision date (today in Asia/Shanghai), and errors as field lists.
 */
import { evaluate, factsJsonSchema, InputError, type Decision, type EvaluationRequest } from '@wengang/engine';
import { todayInShanghai } from '@wengang/kernel';
import { programmes, registry } from '@wengang/policies';

export const contractVersion = '1';

export interface FieldError {
  path: string;
  message: string;
}

export type EvaluationOutcome = { ok: true; decision: Decision } | { ok: false; errors: FieldError[] };

/** Evaluate a request as received (untrusted JSON). Never throws for bad input. */
export function evaluateRequest(body: unknown, now = new Date()): EvaluationOutcome {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return {
      ok: false,
      errors: [{ path: '', message: '请求内容应为 JSON 对象，包含 programme、region、period、facts 字段' }],
    };
  }
  const request = { decisionDate: todayInShanghai(now), ...(body as object) } as EvaluationRequest;
  try {
    return { ok: true, decision: evaluate(registry, request) };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, errors: error.issues };
    throw error;
  }
}

export interface ProgrammeListing {
  id: string;
  name: string;
  version: string;
  regions: string[];
  periods: { from: string; until: string; region: string; source: string }[];
  factsSchema: unknown;
}

export function listProgrammes(): ProgrammeListing[] {
  return programmes.map((p) => ({
    id: p.id,
    name: p.name,
    version: p.version,
    regions: p.regions,
    periods: p.periods.map((period) => ({
      from: period.from,
      until: period.until,
      region: period.region,
      source: `${period.cite.doc} ${period.cite.clause}`,
    })),
    factsSchema: factsJsonSchema(p),
  }));
}
