import { slotKey, slotsBetween, type JobName, type ScheduleSettings, type Slot } from '../../domain/schedule.js';
import type { Logger } from '../logger.js';
import type { Db } from '../store/database.js';
import { loadSchedule } from './schedule-settings.js';

/** What a job does in one slot of one plan; returns a line for the run's record. */
export type JobRunner = (db: Db, run: { planId: string; slot: Slot; settings: ScheduleSettings; now: Date; publicUrl: string | null }) => Promise<string>;

export interface SchedulerDeps {
  db: Db;
  logger?: Logger;
  /** Names this instance in the run records. */
  instance: string;
  /** Slots missed by up to this long (the service was down) still run once; older ones are skipped. */
  catchUpMs: number;
  /** A running slot whose instance vanished is taken over after this long. */
  leaseMs?: number;
  /** The service's address as Teams users reach it, for links in what jobs send (board packs). */
  publicUrl?: string | null;
}

/** How far back to look for missed slots to record as skipped. */
const SKIP_LOOKBACK_MS = 7 * 86_400_000;

/**
 * Runs every slot that is due and has not run, once across all instances: a slot is
 * claimed by inserting its unique run row, so a second instance finds it taken. Slots
 * missed within the catch-up window run now; older ones are recorded as skipped.
 */
export async function runDueSlots(deps: SchedulerDeps, runners: Partial<Record<JobName, JobRunner>>, now: Date): Promise<{ ran: string[]; skipped: string[] }> {
  const plans = await deps.db.plan.findMany({ select: { id: true, createdAt: true }, orderBy: { createdAt: 'asc' } });
  const ran: string[] = [];
  const skipped: string[] = [];
  for (const plan of plans) {
    const settings = await loadSchedule(deps.db, plan.id);
    const from = new Date(Math.max(plan.createdAt.getTime(), now.getTime() - deps.catchUpMs - SKIP_LOOKBACK_MS));
    const slots = slotsBetween(settings, from, new Date(now.getTime() + 1)).filter((s) => runners[s.job]);
    if (!slots.length) continue;
    const done = await deps.db.jobRun.findMany({ where: { planId: plan.id, slot: { in: slots.map(slotKey) } }, select: { slot: true, status: true, leaseUntil: true } });
    const known = new Map(done.map((d) => [d.slot, d]));
    for (const slot of slots) {
      const key = slotKey(slot);
      const run = known.get(key);
      if (run && !(run.status === 'RUNNING' && run.leaseUntil && run.leaseUntil < now)) continue;
      if (slot.at.getTime() < now.getTime() - deps.catchUpMs) {
        if (!run && (await recordSkipped(deps, plan.id, slot, key))) skipped.push(`${plan.id}/${key}`);
        continue;
      }
      const claimed = await claim(deps, plan.id, slot, key, now, Boolean(run));
      if (!claimed) continue;
      await execute(deps, runners[slot.job]!, claimed, { planId: plan.id, slot, settings, now, publicUrl: deps.publicUrl ?? null });
      ran.push(`${plan.id}/${key}`);
    }
  }
  return { ran, skipped };
}

async function claim(deps: SchedulerDeps, planId: string, slot: Slot, key: string, now: Date, takeOver: boolean): Promise<string | undefined> {
  const leaseUntil = new Date(now.getTime() + (deps.leaseMs ?? 10 * 60_000));
  if (takeOver) {
    // Only one instance's conditional update can match the expired lease.
    const taken = await deps.db.jobRun.updateMany({ where: { planId, slot: key, status: 'RUNNING', leaseUntil: { lt: now } }, data: { instance: deps.instance, leaseUntil, startedAt: now } });
    if (taken.count !== 1) return undefined;
    return (await deps.db.jobRun.findUniqueOrThrow({ where: { planId_slot: { planId, slot: key } }, select: { id: true } })).id;
  }
  try {
    const run = await deps.db.jobRun.create({ data: { planId, job: slot.job, slot: key, scheduledAt: slot.at, status: 'RUNNING', instance: deps.instance, leaseUntil, startedAt: now }, select: { id: true } });
    return run.id;
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') return undefined; // another instance has it
    throw error;
  }
}

async function execute(deps: SchedulerDeps, runner: JobRunner, runId: string, run: Parameters<JobRunner>[1]): Promise<void> {
  try {
    const detail = await runner(deps.db, run);
    await deps.db.jobRun.update({ where: { id: runId }, data: { status: 'DONE', finishedAt: new Date(), detail, leaseUntil: null } });
    deps.logger?.info({ job: run.slot.job, slot: slotKey(run.slot), planId: run.planId, detail }, 'job ran');
  } catch (error) {
    deps.logger?.error({ err: error, job: run.slot.job, slot: slotKey(run.slot), planId: run.planId }, 'job failed');
    await deps.db.jobRun.update({ where: { id: runId }, data: { status: 'FAILED', finishedAt: new Date(), detail: String(error).slice(0, 1000), leaseUntil: null } });
  }
}

async function recordSkipped(deps: SchedulerDeps, planId: string, slot: Slot, key: string): Promise<boolean> {
  try {
    await deps.db.jobRun.create({
      data: { planId, job: slot.job, slot: key, scheduledAt: slot.at, status: 'SKIPPED', instance: deps.instance, detail: `missed: the service was not running within ${Math.round(deps.catchUpMs / 3_600_000)} hours of it` },
    });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') return false;
    throw error;
  }
}
