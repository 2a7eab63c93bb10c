import type { JobName } from '../domain/schedule.js';
import { postBoardPack } from '../services/board-pack/post-board-pack.js';
import { chaseOwners } from '../services/checkins/chase.js';
import { queueWeeklyDigest } from '../services/digests/queue-weekly-digest.js';
import { sweepSlippage } from '../services/digests/slippage-sweep.js';
import { queuePrompts } from '../services/checkins/queue-prompts.js';
import type { JobRunner } from '../services/scheduling/run-slots.js';

/**
 * Every scheduled job the service runs, by name: when each is due comes from the plan's
 * schedule (domain/schedule.ts).
 */
export const JOB_RUNNERS: Record<JobName, JobRunner> = {
  prompts: (db, { planId, slot, now }) => queuePrompts(db, planId, slot.cycle!, now),
  chase: (db, { planId, settings, now }) => chaseOwners(db, planId, settings, now),
  'weekly-digest': (db, { planId, now, publicUrl }) => queueWeeklyDigest(db, planId, now, publicUrl),
  'board-pack': (db, { planId, slot, now, publicUrl }) => postBoardPack(db, planId, { cycle: slot.cycle!, boardDate: slot.boardDate ?? null, now, publicUrl }),
  'slippage-sweep': (db, { planId, now }) => sweepSlippage(db, planId, now),
};
