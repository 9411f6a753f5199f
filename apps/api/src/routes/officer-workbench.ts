/**
 * The officer workbench as one plugin under /api (issue #5): sessions and CSRF as on the portal,
 * the routes of officer-cases, officer-publicity, officer-payments and officer-audit, the fund stop
 * rules and the application listener wired into the workflow, the scheduler that releases ended
 * publicity lists, and — with TEST_CLOCK=true only — the test clock.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import fastifyCookie from '@fastify/cookie';
import { z } from 'zod';
import type { Database } from '@wengang/db';
import { todayInShanghai } from '@wengang/kernel';
import { fundStopRuleGuard } from '@wengang/ledger';
import { registerApprovalGuard, registerTransitionListener, runDueJobs, syncApplication } from '@wengang/workflow';
import type { ServerClock } from '../clock';
import { sessionHook } from '../security/session';
import { installErrorHandler } from './errors';
import { officerAuditRoutes } from './officer-audit';
import { officerCaseRoutes } from './officer-cases';
import { access } from './officer-common';
import { officerPaymentRoutes } from './officer-payments';
import { officerPublicityRoutes } from './officer-publicity';

export interface WorkbenchOptions {
  db: Database;
  clock: ServerClock;
  /** How often ended publicity lists are released (ms); 0 turns the scheduler off. */
  jobIntervalMs?: number;
}

/** Once per process: the stop rules guard approvals; application cases update their application. */
export function installWorkbenchHooks(): void {
  registerApprovalGuard(fundStopRuleGuard);
  registerTransitionListener('application', syncApplication);
}

const testClockRoutes: FastifyPluginAsyncZod<{ db: Database; clock: ServerClock }> = async (app, { db, clock }) => {
  const Clock = z.object({ now: z.string(), today: z.string(), released: z.number().optional() });
  app.get(
    '/v1/test/clock',
    {
      preValidation: access(app, 'GET', '/v1/test/clock', { roles: 'public', scope: 'none' }),
      schema: { summary: '测试时钟（仅 TEST_CLOCK=true）', tags: ['test'], response: { 200: Clock } },
    },
    async () => ({ now: clock.now().toISOString(), today: todayInShanghai(clock.now()) }),
  );
  app.post(
    '/v1/test/clock',
    {
      preValidation: access(app, 'POST', '/v1/test/clock', { roles: 'public', scope: 'none' }),
      schema: {
        summary: '拨动测试时钟（仅 TEST_CLOCK=true）',
        tags: ['test'],
        body: z.object({
          advanceDays: z.number().int().min(-3650).max(3650).optional(),
          today: z.iso.date().optional(),
        }),
        response: { 200: Clock },
      },
    },
    async (request) => {
      if (request.body.today) clock.setToday(request.body.today);
      if (request.body.advanceDays) clock.advanceDays(request.body.advanceDays);
      const { released } = await runDueJobs(db, clock.now());
      return { now: clock.now().toISOString(), today: todayInShanghai(clock.now()), released };
    },
  );
};

export const workbenchRoutes: FastifyPluginAsync<WorkbenchOptions> = async (
  app,
  { db, clock, jobIntervalMs = 60_000 },
) => {
  installWorkbenchHooks();
  installErrorHandler(app);
  await app.register(fastifyCookie);
  app.addHook('onRequest', sessionHook(db));
  await app.register(officerCaseRoutes, { db, clock });
  await app.register(officerPublicityRoutes, { db, clock });
  await app.register(officerPaymentRoutes, { db, clock });
  await app.register(officerAuditRoutes, { db });
  if (clock.adjustable) await app.register(testClockRoutes, { db, clock });
  if (jobIntervalMs > 0) {
    const timer = setInterval(() => {
      runDueJobs(db, clock.now()).catch((error) => app.log.error({ err: error }, 'releasing ended publicity failed'));
    }, jobIntervalMs);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }
};
