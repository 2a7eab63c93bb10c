import { formatLongDate, londonDateOf } from '../../domain/calendar-date.js';
import { displayName, escalationRecipients } from '../checkins/escalation.js';
import type { Db } from '../store/database.js';
import { enqueue, type NewMessage } from './outbox.js';

/**
 * Teams will not deliver to someone (not installed, blocked, chat gone): mark them, tell
 * the plan administrators once, and send their unanswered prompt up to whoever hears
 * about missing updates.
 */
export async function escalateUnreachableOwner(
  db: Db,
  what: { personId: string; reason: string; message: { kind: string; planId: string | null; payload: unknown } },
  now: Date,
): Promise<void> {
  const person = await db.person.findUniqueOrThrow({ where: { id: what.personId }, select: { id: true, email: true, name: true, unreachableReason: true } });
  const messages: NewMessage[] = [];
  if (!person.unreachableReason) {
    await db.person.update({ where: { id: person.id }, data: { unreachableReason: what.reason, unreachableSince: now } });
    const plans = await db.plan.findMany({ where: { milestones: { some: { ownerId: person.id } } }, select: { id: true } });
    const planIds = [...new Set([...plans.map((p) => p.id), ...(what.message.planId ? [what.message.planId] : [])])];
    const admins = await db.planMember.findMany({ where: { planId: { in: planIds }, role: 'PLAN_ADMINISTRATOR', personId: { not: person.id } }, select: { personId: true, planId: true } });
    for (const admin of admins) {
      messages.push({
        idempotencyKey: `notice:unreachable:${person.id}:${londonDateOf(now)}:${admin.personId}`,
        kind: 'notice', planId: admin.planId, to: { personId: admin.personId },
        payload: { type: 'text', text: `I can't reach ${displayName(person)} in Teams (${what.reason}): they may not have installed Improvement Board, or have blocked it. Their check-ins go to their line manager or the service director until they can be reached. Type "who can't be reached" to see everyone.` },
      });
    }
  }
  const payload = what.message.payload as { type: string; milestoneId?: string; cycle?: string };
  if (what.message.kind === 'prompt' && payload.milestoneId && payload.cycle && what.message.planId) {
    const milestone = await db.milestone.findUniqueOrThrow({ where: { id: payload.milestoneId }, select: { ref: true, text: true } });
    for (const to of await escalationRecipients(db, person.id, what.message.planId)) {
      messages.push({
        idempotencyKey: `escalation:${payload.milestoneId}:${payload.cycle}:${to.id}`,
        kind: 'escalation', planId: what.message.planId, to: { personId: to.id },
        payload: { type: 'text', text: `I couldn't ask ${displayName(person)} for their update on milestone ${milestone.ref} (${milestone.text}) on ${formatLongDate(londonDateOf(now))}: Teams will not deliver to them (${what.reason}). Please get the update to the plan administrator another way.` },
      });
    }
  }
  await enqueue(db, messages, now);
}
