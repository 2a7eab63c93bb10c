import type { JobName } from '../domain/schedule.js';
import { chaseOwners } from '../services/checkins/chase.js';
import { queuePrompts } from '../services/checkins/queue-prompts.js';
import type { JobRunner } from '../services/scheduling/run-slots.js';

/**
 * Every scheduled job the service runs, by name: when each is due comes from the plan's
 * schedule (domain/schedule.ts). The weekly digest, board pack and slippage sweep join
 * this list with the digests issue.
 */
export const JOB_RUNNERS: Partial<Record<JobName, JobRunner>> = {
  prompts: (db, { planId, slot, now }) => queuePrompts(db, planId, slot.cycle!, now),
  chase: (db, { planId, settings, now }) => chaseOwners(db, planId, settings, now),
};
