/**
 * A screening worker that kills itself (SIGKILL, no clean-up of any kind) at a chosen point:
 * inside a chunk's transaction after its findings are written, or inside a handover batch after
 * its cases are opened — in both cases before the commit. Used by runs.test.ts.
 *
 * node --import tsx crash-child.ts '{"kind":"postgres","target":"postgres://…","runId":"…","phase":"chunk","at":2}'
 */
import { openDatabase } from '@wengang/db';
import { workOnRun } from '../../src/index';

const { kind, target, runId, phase, at } = JSON.parse(process.argv[2]!) as {
  kind: 'embedded' | 'postgres';
  target: string;
  runId: string;
  phase: 'chunk' | 'handover';
  at: number;
};
const db = await openDatabase(kind === 'postgres' ? { databaseUrl: target } : { dataDir: target });
const die = () => {
  process.kill(process.pid, 'SIGKILL');
  return new Promise<never>(() => undefined);
};
await workOnRun(db, runId, {
  handoverBatch: 4,
  beforeChunkCommit: (_region, index) => (phase === 'chunk' && index === at ? die() : undefined),
  beforeHandoverCommit: (batch) => (phase === 'handover' && batch === at ? die() : undefined),
});
// Reaching here means the kill point was never hit.
process.exit(3);
