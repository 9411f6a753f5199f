/**
 * Engine throughput: ten-person 以工代训 decisions with full explanation (every condition and
 * parameter with its citation) in one process, 100,000 of them in batch, and the latency of
 * POST /api/v1/evaluate under a fixed 500 requests/s load.
 *
 * Steady state, not start-up: the optimising compiler needs a few hundred milliseconds (more on a
 * busy machine) before the rules run compiled, so the in-process figures come after a warm-up of
 * `--warmup` decisions and the server gets two seconds of the same load before the measured run.
 * The HTTP load runs first, while this process (the load generator) has little on its heap, so
 * that its own garbage collection does not add to the latencies it measures.
 * Options: --claims N (batch size, default 100000), --duration S (HTTP load, default 10),
 * --decisions N (single-process run, default 100000), --warmup N (default 30000).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { evaluate, evaluateMany, explainZh, type EvaluationRequest } from '@wengang/engine';
import { registry } from '@wengang/policies';
import { option, report } from './report';
import { startBareServer } from './support/bare-server';
import { pacedLoad } from './support/paced-load';
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

/** Rate per second of wall-clock time, and per second of this process's CPU time (all threads). */
function perSecond(count: number, run: () => void): number {
  return rates(count, run).wall;
}

function rates(count: number, run: () => void): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  run();
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  return { wall: count / wall, cpu: count / ((used.user + used.system) / 1e6) };
}

export async function run(args: string[]): Promise<void> {
  const batch = option(args, 'claims', 100_000);
  const duration = option(args, 'duration', 10);
  const decisions = option(args, 'decisions', 100_000);
  const warmup = option(args, 'warmup', 30_000);
  const sample = Array.from({ length: 1000 }, (_, i) => tenPersonClaim(i));
  const check = evaluate(registry, sample[0]!);
  if (check.eligible !== 'yes' || check.lines.length !== 10)
    throw new Error('benchmark claim is not a payable 10-person claim');

  // autocannon's rate limit is a quota per connection and second: each of the 20 connections
  // sends its 25 requests back to back as each answer arrives, then waits for the next second.
  const bodies = sample.slice(0, 200).map((r) => JSON.stringify(r));
  let n = 0;
  const load = (url: string, seconds: number) =>
    autocannon({
      url: `${url}/api/v1/evaluate`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      connections: 20,
      overallRate: 500,
      duration: seconds,
      requests: [{ setupRequest: (req) => ({ ...req, body: bodies[n++ % bodies.length] }) }],
    });

  const server = await startServerProcess();
  try {
    await load(server.url, 2); // the server's warm-up
    const result = await load(server.url, duration);
    report('engine', 'evaluate_endpoint_requests_per_second', result.requests.average, 'req/s', { offered: 500 });
    report('engine', 'evaluate_endpoint_latency_p50', result.latency.p50, 'ms', { offered: 500 });
    report('engine', 'evaluate_endpoint_latency_p99', result.latency.p99, 'ms', { offered: 500 });
    report('engine', 'evaluate_endpoint_errors', result.errors + result.non2xx, 'count');
    // the same 500 requests/s evenly spaced (one every 2 ms), latency counted from when each was due
    const paced = await pacedLoad({
      url: server.url,
      path: '/api/v1/evaluate',
      rate: 500,
      seconds: duration,
      body: (i) => bodies[i % bodies.length]!,
    });
    const offered = { offered: 500, arrivals: 'constant rate, open loop', achieved: paced.achievedRate };
    report('engine', 'evaluate_endpoint_paced_latency_p50', paced.p50, 'ms', offered);
    report('engine', 'evaluate_endpoint_paced_latency_p99', paced.p99, 'ms', offered);
    report('engine', 'evaluate_endpoint_paced_latency_max', paced.max, 'ms', offered);
    report('engine', 'evaluate_endpoint_paced_errors', paced.errors, 'count', offered);
  } finally {
    await server.stop();
  }

  // Reference: the same load against a bare Node server that answers every request with the
  // bytes of a ten-person decision, computed once. No evaluation, no serialisation, no Fastify:
  // what remains is the load generator (which decodes every ≈47 KB body) and the machine.
  const bytes = JSON.stringify(evaluate(registry, sample[0]!));
  const bare = await startBareServer(bytes);
  try {
    await load(bare.url, 2);
    const result = await load(bare.url, duration);
    const extra = { offered: 500, body_bytes: Buffer.byteLength(bytes) };
    report('engine', 'reference_same_bytes_latency_p50', result.latency.p50, 'ms', extra);
    report('engine', 'reference_same_bytes_latency_p99', result.latency.p99, 'ms', extra);
  } finally {
    await bare.stop();
  }

  // warm-up so that the figures measure steady state, not compilation
  for (let i = 0; i < warmup; i++) evaluate(registry, sample[i % sample.length]!);
  for (let i = 0; i < warmup / 10; i++) explainZh(evaluate(registry, sample[i % sample.length]!));

  const single = rates(decisions, () => {
    for (let i = 0; i < decisions; i++) evaluate(registry, sample[i % sample.length]!);
  });
  report('engine', 'decisions_per_second_one_process', single.wall, 'decisions/s', { persons: 10 });
  // The same run per CPU-second: on a shared machine, wall-clock time includes time spent waiting
  // for a core (the figure also counts the collector's and compiler's helper threads).
  report('engine', 'decisions_per_cpu_second_one_process', single.cpu, 'decisions/s', { persons: 10 });

  const withText = perSecond(decisions / 10, () => {
    for (let i = 0; i < decisions / 10; i++) explainZh(evaluate(registry, sample[i % sample.length]!));
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
}
