import cron from 'node-cron';
import { createDispatcher } from '../services/delivery/dispatcher.js';
import type { Logger } from '../services/logger.js';
import type { Messenger } from '../services/messenger.js';
import { runDueSlots } from '../services/scheduling/run-slots.js';
import type { Dialect } from '../services/store/database-target.js';
import type { Db } from '../services/store/database.js';
import { JOB_RUNNERS } from './registry.js';

export interface JobsDeps {
  db: Db;
  dialect: Dialect;
  messenger: Messenger;
  logger: Logger;
  instance: string;
  catchUpMs: number;
  claimTtlMs: number;
  publicUrl: string | null;
}

/**
 * Starts the scheduler (a check every minute, England's time, which also catches up on
 * start) and the outbox dispatcher. Any number of instances may run both.
 */
export function startJobs(deps: JobsDeps): { stop(): Promise<void> } {
  const tick = async () => {
    try {
      const { ran, skipped } = await runDueSlots(deps, JOB_RUNNERS, new Date());
      if (skipped.length) deps.logger.warn({ skipped }, 'slots missed for too long were skipped');
      if (ran.length) deps.logger.info({ ran }, 'scheduled jobs ran');
    } catch (error) {
      deps.logger.error({ err: error }, 'scheduler check failed; the next one retries');
    }
  };
  const task = cron.schedule('* * * * *', tick, { timezone: 'Europe/London', noOverlap: true, name: 'improvement-board-scheduler' });
  void tick();
  const dispatcher = createDispatcher(deps, { instance: deps.instance, claimTtlMs: deps.claimTtlMs });
  dispatcher.start();
  return {
    async stop() {
      await task.stop();
      await dispatcher.stop();
    },
  };
}
