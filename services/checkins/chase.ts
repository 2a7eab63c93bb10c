import { formatLongDate, londonDateOf } from '../../domain/calendar-date.js';
import { workingCalendar, workingDaysBetween } from '../../domain/working-days.js';
import type { ScheduleSettings } from '../../domain/schedule.js';
import { enqueue, type NewMessage } from '../delivery/outbox.js';
import { latestUpdateRows } from '../status/latest-records.js';
import type { Db } from '../store/database.js';
import { displayName, escalationRecipients } from './escalation.js';

/** Prompts older than this are no longer chased: the board they were for has met. */
const CHASE_FOR_DAYS = 45;

/**
 * The chase job: an owner who has not answered a prompt after N working days gets a
 * reminder; after M their line manager (else the service director) hears, naming the
 * milestone and how late it is. An answer (on the card or by command) stops both at once:
 * they are skipped here and dropped from the outbox if still queued.
 */
export async function chaseOwners(db: Db, planId: string, settings: ScheduleSettings, now: Date): Promise<string> {
  const today = londonDateOf(now);
  const calendar = workingCalendar(settings.closures);
  // The latest update per milestone comes from one plan-wide query, not a relation per prompt:
  // Prisma binds one id per row for a filtered relation, past SQLite's 999 on a large plan.
  const [prompts, latest] = await Promise.all([
    db.prompt.findMany({
      where: { trigger: 'SCHEDULE', answeredAt: null, sentAt: { not: null, gte: new Date(now.getTime() - CHASE_FOR_DAYS * 86_400_000) }, milestone: { planId } },
      select: {
        id: true, cycle: true, sentAt: true, personId: true,
        milestone: { select: { id: true, ref: true, text: true, ownerId: true, owner: { select: { email: true, name: true } } } },
      },
    }),
    latestUpdateRows(db, planId, now),
  ]);
  const lastUpdate = new Map(latest.map((u) => [u.milestoneId, u.recordedAt]));
  const messages: NewMessage[] = [];
  const escalateTo = new Map<string, Promise<{ id: string }[]>>();
  const recipientsFor = (ownerId: string) => escalateTo.get(ownerId) ?? escalateTo.set(ownerId, escalationRecipients(db, ownerId, planId)).get(ownerId)!;
  let reminders = 0;
  let escalations = 0;
  for (const p of prompts) {
    const m = p.milestone;
    const updated = lastUpdate.get(m.id);
    if (!p.cycle || (updated && updated > p.sentAt!)) continue;
    const asked = londonDateOf(p.sentAt!);
    const late = workingDaysBetween(calendar, asked, today);
    if (late >= settings.reminderAfterWorkingDays) {
      reminders += 1;
      messages.push({
        idempotencyKey: `reminder:${m.id}:${p.cycle}`, kind: 'reminder', planId, to: { personId: p.personId },
        payload: { type: 'text', unlessAnswered: p.id, text: `A reminder: the Improvement Board is waiting for your update on milestone ${m.ref} (${m.text}), asked for on ${formatLongDate(asked)}. Answer on the card I sent, or type "update ${m.ref}".` },
      });
    }
    if (late >= settings.escalateAfterWorkingDays && m.ownerId) {
      for (const to of await recipientsFor(m.ownerId)) {
        escalations += 1;
        messages.push({
          idempotencyKey: `escalation:${m.id}:${p.cycle}:${to.id}`, kind: 'escalation', planId, to: { personId: to.id },
          payload: { type: 'text', unlessAnswered: p.id, text: `No update yet on milestone ${m.ref} (${m.text}) from ${displayName(m.owner!)}: asked on ${formatLongDate(asked)}, ${late} working days ago. Could you follow it up?` },
        });
      }
    }
  }
  const queued = await enqueue(db, messages, now);
  return `${reminders} reminders and ${escalations} escalations due; ${queued} newly queued (as of ${formatLongDate(today)})`;
}
