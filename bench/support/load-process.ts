/**
 * Runs a load generator in a fresh child process, as a separate client machine would.
 *
 * A generator that shares its process with the rest of a benchmark inherits that process's heap:
 * after a few runs (autocannon's histograms, 100,000 claims in memory) its garbage collection
 * pauses the event loop for tens of milliseconds, and an open-loop generator charges every such
 * pause to the requests that were due meanwhile. On its own, the generator holds only the bodies.
 *
 * The generator also runs with one garbage-collection thread (--single-threaded-gc). On this
 * two-core machine V8's parallel collector otherwise wakes helper threads on the core the server
 * runs on, several times a second: against a bare server that only sends fixed bytes, the paced
 * p99 was 10–14 ms with the default collector and 4–6 ms with one thread. Real clients run on
 * other machines; the server keeps Node's defaults.
 *
 * Run directly (`tsx bench/support/load-process.ts SPEC_FILE`) it performs the load described in
 * SPEC_FILE and prints the result as one JSON line.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { pacedLoad, type PacedLoadResult } from './paced-load';

export interface LoadSpec {
  kind: 'paced' | 'autocannon';
  url: string;
  path: string;
  /** requests per second */
  rate: number;
  seconds: number;
  /** autocannon only */
  connections?: number;
  bodies: string[];
}

export interface AutocannonSummary {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

export async function loadInChildProcess(spec: LoadSpec & { kind: 'paced' }): Promise<PacedLoadResult>;
export async function loadInChildProcess(spec: LoadSpec & { kind: 'autocannon' }): Promise<AutocannonSummary>;
export async function loadInChildProcess(spec: LoadSpec): Promise<PacedLoadResult | AutocannonSummary> {
  const dir = mkdtempSync(join(tmpdir(), 'wengang-load-'));
  try {
    const file = join(dir, 'spec.json');
    writeFileSync(file, JSON.stringify(spec));
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ['--single-threaded-gc', '--import', 'tsx', import.meta.filename, file],
        { maxBuffer: 1024 * 1024 },
        (error, out) => (error ? reject(error) : resolve(out)),
      ),
    );
    return JSON.parse(stdout.trim().split('\n').pop()!) as PacedLoadResult | AutocannonSummary;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function perform(spec: LoadSpec): Promise<PacedLoadResult | AutocannonSummary> {
  if (spec.kind === 'paced') {
    return pacedLoad({
      url: spec.url,
      path: spec.path,
      rate: spec.rate,
      seconds: spec.seconds,
      body: (i) => spec.bodies[i % spec.bodies.length]!,
    });
  }
  let n = 0;
  // autocannon's rate limit is a quota per connection and second: each connection sends its
  // share back to back as each answer arrives, then waits for the next second.
  const result = await autocannon({
    url: `${spec.url}${spec.path}`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections: spec.connections ?? 20,
    overallRate: spec.rate,
    duration: spec.seconds,
    requests: [{ setupRequest: (req) => ({ ...req, body: spec.bodies[n++ % spec.bodies.length] }) }],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const spec = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadSpec;
  console.log(JSON.stringify(await perform(spec)));
}
