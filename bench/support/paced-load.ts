/**
 * An open-loop load at a constant rate: request i is due at start + i / rate, is sent when due
 * whatever the earlier ones are doing (keep-alive sockets, as many as needed), and its latency is
 * counted from when it was due to the end of its response — a slow answer delays nothing else and
 * a late send is charged to the latency (no coordinated omission). autocannon's rate limit instead
 * spends each connection's quota at the start of every second, so "500 requests/s" arrive in bursts.
 */
import http from 'node:http';

export interface PacedLoadOptions {
  url: string;
  path: string;
  /** requests per second */
  rate: number;
  seconds: number;
  body: (i: number) => string;
  headers?: Record<string, string>;
}

export interface PacedLoadResult {
  sent: number;
  errors: number;
  achievedRate: number;
  p50: number;
  p99: number;
  max: number;
}

export async function pacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const target = new URL(options.path, options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.max(1, Math.round(options.rate * options.seconds));
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  let errors = 0;
  let finished = 0;
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const settle = () => {
      if (++finished === total) resolve();
    };
    const send = (i: number) => {
      const due = start + i * interval;
      const body = options.body(i);
      const request = http.request(
        target,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...options.headers,
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            if (response.statusCode !== 200) errors++;
            latencies.push(performance.now() - due);
            settle();
          });
        },
      );
      request.on('error', () => {
        errors++;
        settle();
      });
      request.end(body);
    };
    let next = 0;
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) send(next++);
      if (next < total) setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    tick();
  });
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    sent: total,
    errors,
    achievedRate: Math.round(total / elapsed),
    p50: round(at(0.5)),
    p99: round(at(0.99)),
    max: round(latencies[latencies.length - 1] ?? NaN),
  };
}
