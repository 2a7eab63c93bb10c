import { randomUUID } from 'node:crypto';
import { londonDateOf } from '../../domain/calendar-date.js';
import type { CheckinView } from '../messenger.js';
import { findMilestoneById, type MilestoneRow } from '../milestones/find-milestone.js';
import type { Db } from '../store/database.js';
import { actorFor, NOT_LINKED, refusal, roleOn, type Actor } from './authorise.js';
import { checkinView } from './checkin-view.js';

export type OpenCheckinResult = { ok: true; view: CheckinView; promptId: string } | { ok: false; message: string };

/**
 * A check-in card for someone who asked for one ("update 2.1"). The card is recorded
 * like a scheduled prompt, so its answer is matched to it and files sent meanwhile
 * count as its evidence.
 */
export async function openCheckin(db: Db, actor: Actor, milestone: MilestoneRow, now: Date): Promise<OpenCheckinResult> {
  if (!(await roleOn(db, actor.id, milestone))) return { ok: false, message: refusal(milestone.ref) };
  const prompt = await db.prompt.create({
    data: { milestoneId: milestone.id, personId: actor.id, trigger: 'COMMAND', cardId: randomUUID(), sentAt: now },
  });
  const view = await checkinView(db, milestone.id, { cardId: prompt.cardId, cycle: null, today: londonDateOf(now) });
  return { ok: true, view, promptId: prompt.id };
}

/**
 * The same card again, for someone allowed to answer it, so mistakes can be shown next
 * to their fields. Refuses anyone else before saying anything about the answer.
 */
export async function reopenCheckin(
  db: Db,
  actorAadObjectId: string | undefined,
  card: { milestoneId: string; cardId: string; cycle: string | null },
  now: Date,
): Promise<OpenCheckinResult> {
  const actor = await actorFor(db, actorAadObjectId);
  if (!actor) return { ok: false, message: NOT_LINKED };
  const milestone = await findMilestoneById(db, card.milestoneId);
  if (!milestone) return { ok: false, message: 'That milestone is no longer in the plan. Nothing was recorded.' };
  if (!(await roleOn(db, actor.id, milestone))) return { ok: false, message: refusal(milestone.ref) };
  const view = await checkinView(db, milestone.id, { cardId: card.cardId, cycle: card.cycle, today: londonDateOf(now) });
  return { ok: true, view, promptId: '' };
}
