import { randomUUID } from 'node:crypto';
import { londonDateOf } from '../../domain/calendar-date.js';
import { enqueue, type NewMessage } from '../delivery/outbox.js';
import type { Db } from '../store/database.js';
import { promptCandidates } from './prompt-candidates.js';

/**
 * The prompts job: for the update cycle (the board's month), queues a check-in card for
 * every milestone that needs an update then, to its owner, or to their delegate while the
 * owner is away. Quarterly milestones are asked only in their quarter's last month;
 * complete ones are not asked. One prompt per milestone and cycle, however often this runs.
 */
export async function queuePrompts(db: Db, planId: string, cycle: string, now: Date): Promise<string> {
  const today = londonDateOf(now);
  const away: string[] = [];
  const prompts: { id: string; milestoneId: string; personId: string; cardId: string }[] = [];
  for (const c of await promptCandidates(db, planId, cycle, today, now)) {
    if (!c.personId) away.push(c.ref);
    else prompts.push({ id: randomUUID(), milestoneId: c.milestoneId, personId: c.personId, cardId: randomUUID() });
  }
  const fresh = await queue(db, planId, prompts, cycle, now);
  return `${fresh.length} prompts queued for ${cycle}` + (away.length ? `; not asked (owner away, no delegate): ${away.join(', ')}` : '');
}

type NewPrompt = { id: string; milestoneId: string; personId: string; cardId: string };

/** Records the prompts and queues their cards in one transaction; a milestone already asked this cycle is left alone. */
async function queue(db: Db, planId: string, prompts: NewPrompt[], cycle: string, now: Date): Promise<NewPrompt[]> {
  const asked = await db.prompt.findMany({ where: { milestoneId: { in: prompts.map((p) => p.milestoneId) }, cycle, trigger: 'SCHEDULE' }, select: { milestoneId: true } });
  const already = new Set(asked.map((a) => a.milestoneId));
  const fresh = prompts.filter((p) => !already.has(p.milestoneId));
  const messages: NewMessage[] = fresh.map((p) => ({
    idempotencyKey: `prompt:${p.milestoneId}:${cycle}`, kind: 'prompt', planId, to: { personId: p.personId },
    payload: { type: 'prompt', promptId: p.id, milestoneId: p.milestoneId, cycle },
  }));
  await db.$transaction(async (tx) => {
    await tx.prompt.createMany({ data: fresh.map((p) => ({ ...p, cycle, trigger: 'SCHEDULE' as const })) });
    await enqueue(tx as Db, messages, now);
  });
  return fresh;
}

export type PromptOneResult = { ok: true; promptId: string; queued: boolean } | { ok: false; message: string };

/** One milestone's prompt for a cycle, queued for its owner (a chase from a digest, an administrator). */
export async function promptOwner(db: Db, milestoneId: string, cycle: string, now: Date): Promise<PromptOneResult> {
  const m = await db.milestone.findUnique({ where: { id: milestoneId }, select: { id: true, ref: true, planId: true, ownerId: true } });
  if (!m) return { ok: false, message: 'That milestone is no longer in the plan.' };
  if (!m.ownerId) return { ok: false, message: `Milestone ${m.ref} has no owner.` };
  const fresh = await queue(db, m.planId, [{ id: randomUUID(), milestoneId, personId: m.ownerId, cardId: randomUUID() }], cycle, now);
  const prompt = await db.prompt.findFirstOrThrow({ where: { milestoneId, cycle, trigger: 'SCHEDULE' }, orderBy: { createdAt: 'asc' }, select: { id: true } });
  return { ok: true, promptId: prompt.id, queued: fresh.length > 0 };
}
