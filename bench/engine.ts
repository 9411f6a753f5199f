/**
 * Engine throughput: ten-person 以工代训 decisions with full explanation (every condition and
 * parameter with its citation) in one process, 100,000 of them in batch, and the latency of
 * POST /api/v1/evaluate under a fixed 500 requests/s load.
 * Options: --claims N (batch size, default 100000), --duration S (HTTP load, default 10).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { evaluate, evaluateMany, explainZh, type EvaluationRequest } from '@wengang/engine';
import { registry } from '@wengang/policies';
import { option, report } from './report';
import { startServerProcess } from './support/server';

const example = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../policies/work-for-training/cases/sd-03-readme-worked-example.json'),
    'utf8',
  ),
) as { request: EvaluationRequest<{ persons: object[] }> };

/** A July 2020 claim for ten newly absorbed 就业困难人员, each claim with its own persons. */
function tenPersonClaim(i: number): EvaluationRequest {
  const base = example.request;
  const persons = Array.from({ length: 10 }, (_, p) => ({
    personId: `370702199001${String(i % 100000).padStart(5, '0')}${p}`,
    name: `职工${p + 1}`,
    category: '就业困难人员',
    employmentRegisteredOn: '2020-06-15',
    monthsClaimedBefore: p % 6,
    alreadySubsidisedThisMonth: false,
  }));
  return { ...base, facts: { ...base.facts, persons } };
}

function perSecond(count: number, run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return count / (Number(process.hrtime.bigint() - start) / 1e9);
}

export async function run(args: string[]): Promise<void> {
  const batch = option(args, 'claims', 100_000);
  const duration = option(args, 'duration', 10);
  const sample = Array.from({ length: 1000 }, (_, i) => tenPersonClaim(i));
  const check = evaluate(registry, sample[0]!);
  if (check.eligible !== 'yes' || check.lines.length !== 10)
    throw new Error('benchmark claim is not a payable 10-person claim');

  // warm-up so that the figures measure steady state, not compilation
  for (const r of sample) evaluate(registry, r);

  const single = perSecond(20_000, () => {
    for (let i = 0; i < 20_000; i++) evaluate(registry, sample[i % sample.length]!);
  });
  report('engine', 'decisions_per_second_one_process', single, 'decisions/s', { persons: 10 });

  const withText = perSecond(5_000, () => {
    for (let i = 0; i < 5_000; i++) explainZh(evaluate(registry, sample[i % sample.length]!));
  });
  report('engine', 'decisions_per_second_with_chinese_text', withText, 'decisions/s', { persons: 10 });

  const requests = Array.from({ length: batch }, (_, i) => tenPersonClaim(i));
  let paid = 0;
  const batchRate = perSecond(batch, () => {
    for (const outcome of evaluateMany(registry, requests))
      if (outcome.ok && outcome.decision.eligible === 'yes') paid++;
  });
  if (paid !== batch) throw new Error(`batch: ${paid} of ${batch} claims decided payable`);
  report('engine', 'batch_decisions_per_second', batchRate, 'decisions/s', { claims: batch, persons: 10 });

  const server = await startServerProcess();
  try {
    const bodies = sample.slice(0, 200).map((r) => JSON.stringify(r));
    let n = 0;
    const result = await autocannon({
      url: `${server.url}/api/v1/evaluate`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      connections: 20,
      overallRate: 500,
      duration,
      requests: [{ setupRequest: (req) => ({ ...req, body: bodies[n++ % bodies.length] }) }],
    });
    report('engine', 'evaluate_endpoint_requests_per_second', result.requests.average, 'req/s', { offered: 500 });
    report('engine', 'evaluate_endpoint_latency_p50', result.latency.p50, 'ms', { offered: 500 });
    report('engine', 'evaluate_endpoint_latency_p99', result.latency.p99, 'ms', { offered: 500 });
    report('engine', 'evaluate_endpoint_errors', result.errors + result.non2xx, 'count');
  } finally {
    await server.stop();
  }
}
