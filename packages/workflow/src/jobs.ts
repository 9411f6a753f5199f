/** Work the platform does by itself when time passes: today, releasing ended publicity lists. */
import type { Database } from '@wengang/db';
import { releaseEndedPublicity } from './publicity';

export async function runDueJobs(db: Database, now: Date): Promise<{ released: number }> {
  const { released } = await db.transaction((tx) => releaseEndedPublicity(tx, now));
  return { released };
}
