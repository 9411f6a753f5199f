/**
 * Requests per second of GET /api/health under a loopback load for 10 s: the framework's own
 * ceiling on this machine, the baseline later API figures are compared against.
 */
import autocannon from 'autocannon';
import { option, report } from './report';
import { startServerProcess } from './support/server';

export async function run(args: string[]): Promise<void> {
  const duration = option(args, 'duration', 10);
  const server = await startServerProcess();
  try {
    const result = await autocannon({ url: `${server.url}/api/health`, connections: 50, duration });
    const database = process.env.DATABASE_URL ? 'postgres' : 'embedded';
    report('health', 'requests_per_second', result.requests.average, 'req/s', { database });
    report('health', 'latency_p50', result.latency.p50, 'ms', { database });
    report('health', 'latency_p99', result.latency.p99, 'ms', { database });
    report('health', 'errors', result.errors + result.non2xx, 'count', { database });
  } finally {
    await server.stop();
  }
}
