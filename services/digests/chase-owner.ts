import { randomUUID } from 'node:crypto';
import { formatLongDate, fromStoredDate, londonDateOf } from '../../domain/calendar-date.js';
import { whoAnswersFor } from '../../domain/schedule.js';
import { displayName } from '../checkins/escalation.js';
import type { Actor } from '../checkins/authorise.js';
import { enqueue } from '../delivery/outbox.js';
import type { Db } from '../store/database.js';

export type ChaseResult = { ok: true; message: string } | { ok: false; message: string };

/** Who may chase an owner from a digest or an alert: the plan's service directors and administrators. */
const CHASERS = ['SERVICE_DIRECTOR', 'PLAN_ADMINISTRATOR'] as const;

/**
 * "Chase" on a digest or alert: sends the owner a fresh check-in card through the outbox,
 * at most once a day per milestone (a second press the same day sends nothing). While the
 * owner is away the card goes to their delegate, as the scheduled prompts do.
 */
export async function chaseOwner(db: Db, actor: Actor, milestoneId: string, now: Date): Promise<ChaseResult> {
  const m = await db.milestone.findUnique({
    where: { id: milestoneId },
    select: {
      id: true, ref: true, planId: true, ownerId: true,
      owner: { select: { name: true, email: true, awayUntil: true } },
      delegations: { where: { revokedAt: null }, orderBy: { createdAt: 'asc' }, select: { delegate: { select: { id: true, name: true, email: true } } } },
    },
  });
  if (!m) return { ok: false, message: 'That milestone is no longer in the plan.' };
  const role = await db.planMember.findFirst({ where: { planId: m.planId, personId: actor.id, role: { in: [...CHASERS] } }, select: { id: true } });
  if (!role) return { ok: false, message: `Only the plan's service directors and administrators can chase owners. Nothing was sent.` };
  if (!m.ownerId || !m.owner) return { ok: false, message: `Milestone ${m.ref} has no owner to chase.` };
  const today = londonDateOf(now);
  const delegates = m.delegations.map((d) => d.delegate);
  const recipientId = whoAnswersFor({ ownerId: m.ownerId, ownerAwayUntil: m.owner.awayUntil && fromStoredDate(m.owner.awayUntil), delegateIds: delegates.map((d) => d.id) }, today);
  const owner = displayName(m.owner);
  if (!recipientId) return { ok: false, message: `${owner} is away until ${formatLongDate(fromStoredDate(m.owner.awayUntil!))} and has no delegate for ${m.ref}. Nothing was sent.` };
  const delegate = recipientId === m.ownerId ? undefined : displayName(delegates.find((d) => d.id === recipientId)!);
  const key = `chase:${m.id}:${today}`;
  const prompt = { id: randomUUID(), milestoneId: m.id, personId: recipientId, cardId: randomUUID(), trigger: 'COMMAND' as const };
  const queued = await db
    .$transaction(async (tx) => {
      if (await tx.outboxMessage.findUnique({ where: { idempotencyKey: key }, select: { id: true } })) return 0;
      await tx.prompt.create({ data: prompt });
      return enqueue(tx as Db, [{ idempotencyKey: key, kind: 'reminder', planId: m.planId, to: { personId: recipientId }, payload: { type: 'prompt', promptId: prompt.id, milestoneId: m.id, cycle: today.slice(0, 7) } }], now);
    })
    // Two presses at the same moment: the outbox's unique key lets one through.
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === 'P2002') return 0;
      throw error;
    });
  if (!queued) return { ok: true, message: `${delegate ?? owner} has already been chased about ${m.ref} today (${formatLongDate(today)}); nothing more was sent.` };
  return { ok: true, message: delegate ? `${owner} is away, so I've asked their delegate ${delegate} for an update on ${m.ref}.` : `I've asked ${owner} for an update on ${m.ref}.` };
}
